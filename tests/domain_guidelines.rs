//! Reference values at both sides of every band edge, for every authority, written out by hand
//! from `shared/reference/magnesium.md` rather than derived from the tables under test; the
//! limit that applies where an authority sets none (children, infants); and the supplement
//! warning on both sides of each of its thresholds.

use magnesium_planner::domain::choice::Choice;
use magnesium_planner::domain::guidance::{
    ExcessLevel, FAR_ABOVE_FACTOR, GUIDANCE, SupplementWarning, far_above_mg, supplement_warning,
};
use magnesium_planner::domain::guidelines::{
    AgeBand, EffectiveLimit, effective_limit, iom_upper_level_mg,
};
use magnesium_planner::domain::{
    AgeYears, Authority, IntakeKind, LimitKind, Profile, Sex, Stage, SupplementLimit,
    reference_values,
};

const DAY_IN_YEARS: f64 = 1.0 / 365.25;

fn profile(age_years: f64, sex: Sex, stage: Stage) -> Profile {
    let age = AgeYears::new(age_years).unwrap_or_else(|e| panic!("test age {age_years}: {e}"));
    Profile::new(age, sex, stage)
}

/// An age band edge in whole months, and the values just before it and on it.
struct Edge {
    months: u32,
    before_mg: (u32, u32),
    at_mg: (u32, u32),
}

const fn edge(months: u32, before_mg: (u32, u32), at_mg: (u32, u32)) -> Edge {
    Edge {
        months,
        before_mg,
        at_mg,
    }
}

/// Checks (female, male) intakes one day before each edge and exactly on it.
fn check_edges(authority: Authority, edges: &[Edge]) {
    for e in edges {
        let at = f64::from(e.months) / 12.0;
        for (age, (female_mg, male_mg)) in [(at - DAY_IN_YEARS, e.before_mg), (at, e.at_mg)] {
            for (sex, expected) in [(Sex::Female, female_mg), (Sex::Male, male_mg)] {
                let values = reference_values(authority, &profile(age, sex, Stage::Neither));
                let got = values.intake.map(|i| i.mg);
                assert_eq!(
                    got,
                    Some(expected),
                    "{authority:?} {sex:?} at {age:.4} years (edge {} months)",
                    e.months
                );
            }
        }
    }
}

#[test]
fn us_intakes_at_every_band_edge() {
    check_edges(
        Authority::Us,
        &[
            edge(7, (30, 30), (75, 75)),
            edge(12, (75, 75), (80, 80)),
            edge(4 * 12, (80, 80), (130, 130)),
            edge(9 * 12, (130, 130), (240, 240)),
            edge(14 * 12, (240, 240), (360, 410)),
            edge(19 * 12, (360, 410), (310, 400)),
            edge(31 * 12, (310, 400), (320, 420)),
            edge(51 * 12, (320, 420), (320, 420)),
        ],
    );
}

#[test]
fn eu_intakes_at_every_band_edge() {
    check_edges(
        Authority::Eu,
        &[
            edge(12, (80, 80), (170, 170)),
            edge(3 * 12, (170, 170), (230, 230)),
            edge(10 * 12, (230, 230), (250, 300)),
            edge(18 * 12, (250, 300), (300, 350)),
        ],
    );
}

#[test]
fn uk_intakes_at_every_band_edge() {
    check_edges(
        Authority::Uk,
        &[
            edge(4, (55, 55), (60, 60)),
            edge(7, (60, 60), (75, 75)),
            edge(10, (75, 75), (80, 80)),
            edge(12, (80, 80), (85, 85)),
            edge(4 * 12, (85, 85), (120, 120)),
            edge(7 * 12, (120, 120), (200, 200)),
            edge(11 * 12, (200, 200), (280, 280)),
            edge(15 * 12, (280, 280), (300, 300)),
            edge(19 * 12, (300, 300), (270, 300)),
        ],
    );
}

#[test]
fn dach_intakes_at_every_band_edge() {
    check_edges(
        Authority::Dach,
        &[
            edge(4, (24, 24), (80, 80)),
            edge(12, (80, 80), (170, 170)),
            edge(4 * 12, (170, 170), (190, 190)),
            edge(7 * 12, (190, 190), (240, 240)),
            edge(10 * 12, (240, 240), (230, 260)),
            edge(13 * 12, (230, 260), (240, 280)),
            edge(15 * 12, (240, 280), (260, 330)),
            edge(19 * 12, (260, 330), (300, 350)),
        ],
    );
}

#[test]
fn efsa_has_no_value_before_seven_months_and_says_why() {
    let before = reference_values(
        Authority::Eu,
        &profile(7.0 / 12.0 - DAY_IN_YEARS, Sex::Female, Stage::Neither),
    );
    assert_eq!(before.intake, None);
    assert!(
        before
            .intake_missing_reason
            .is_some_and(|r| r.contains("7 months"))
    );
    let at = reference_values(
        Authority::Eu,
        &profile(7.0 / 12.0, Sex::Female, Stage::Neither),
    );
    assert_eq!(
        at.intake.map(|i| (i.mg, i.kind)),
        Some((80, IntakeKind::Ai))
    );
    assert_eq!(at.intake_missing_reason, None);
}

#[test]
fn six_months_exactly_is_still_in_the_first_us_band() {
    // "0–6 months" runs up to, not including, 7 months.
    let values = reference_values(Authority::Us, &profile(0.5, Sex::Male, Stage::Neither));
    assert_eq!(
        values.intake.map(|i| (i.mg, i.kind)),
        Some((30, IntakeKind::Ai))
    );
}

#[test]
fn each_authority_names_its_kind_of_value() {
    let adult = profile(40.0, Sex::Female, Stage::Neither);
    let kind = |a| reference_values(a, &adult).intake.map(|i| i.kind);
    assert_eq!(kind(Authority::Us), Some(IntakeKind::Rda));
    assert_eq!(kind(Authority::Eu), Some(IntakeKind::Ai));
    assert_eq!(kind(Authority::Uk), Some(IntakeKind::Rni));
    assert_eq!(kind(Authority::Dach), Some(IntakeKind::EstimatedValue));
    let baby = profile(0.25, Sex::Female, Stage::Neither);
    assert_eq!(
        reference_values(Authority::Us, &baby)
            .intake
            .map(|i| i.kind),
        Some(IntakeKind::Ai)
    );
}

fn intake_mg(authority: Authority, age: f64, stage: Stage) -> (Option<u32>, Vec<String>) {
    let values = reference_values(authority, &profile(age, Sex::Female, stage));
    (values.intake.map(|i| i.mg), values.notes)
}

#[test]
fn us_pregnancy_and_lactation_at_every_band_edge() {
    let cases = [
        // (age, pregnant mg, lactating mg, whether the IOM gives stage values at that age)
        (14.0 - DAY_IN_YEARS, 240, 240, false),
        (14.0, 400, 360, true),
        (19.0 - DAY_IN_YEARS, 400, 360, true),
        (19.0, 350, 310, true),
        (31.0 - DAY_IN_YEARS, 350, 310, true),
        (31.0, 360, 320, true),
        (51.0 - DAY_IN_YEARS, 360, 320, true),
        (51.0, 320, 320, false),
    ];
    for (age, pregnant_mg, lactating_mg, given) in cases {
        for (stage, expected) in [
            (Stage::Pregnant, pregnant_mg),
            (Stage::Lactating, lactating_mg),
        ] {
            let (mg, notes) = intake_mg(Authority::Us, age, stage);
            assert_eq!(mg, Some(expected), "US {stage:?} at {age:.4}");
            assert_eq!(
                notes.is_empty(),
                given,
                "US {stage:?} at {age:.4}: {notes:?}"
            );
        }
    }
}

#[test]
fn other_authorities_pregnancy_and_lactation() {
    // EFSA: no increment; the value for other women or girls applies, and the app says so.
    assert_eq!(intake_mg(Authority::Eu, 30.0, Stage::Pregnant).0, Some(300));
    assert_eq!(
        intake_mg(Authority::Eu, 30.0, Stage::Lactating).0,
        Some(300)
    );
    assert_eq!(intake_mg(Authority::Eu, 16.0, Stage::Pregnant).0, Some(250));
    assert!(!intake_mg(Authority::Eu, 30.0, Stage::Pregnant).1.is_empty());
    // COMA: breastfeeding adds 50 mg to the age band's RNI; pregnancy adds nothing.
    assert_eq!(
        intake_mg(Authority::Uk, 30.0, Stage::Lactating),
        (Some(320), vec![])
    );
    assert_eq!(
        intake_mg(Authority::Uk, 16.0, Stage::Lactating).0,
        Some(350)
    );
    let (mg, notes) = intake_mg(Authority::Uk, 30.0, Stage::Pregnant);
    assert_eq!(mg, Some(270));
    assert_eq!(notes.len(), 1);
    // D-A-CH 2021: 300 mg in pregnancy and lactation at any age.
    assert_eq!(
        intake_mg(Authority::Dach, 30.0, Stage::Pregnant),
        (Some(300), vec![])
    );
    assert_eq!(
        intake_mg(Authority::Dach, 16.0, Stage::Lactating),
        (Some(300), vec![])
    );
}

#[test]
fn pregnancy_is_dropped_for_males_and_ignored_for_young_children() {
    let adult = AgeYears::new(30.0).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        Profile::new(adult, Sex::Male, Stage::Pregnant).stage,
        Stage::Neither
    );
    // A child keeps the choice (the age may be mid-retype) but the values ignore it.
    let child = AgeYears::new(10.0 - DAY_IN_YEARS).unwrap_or_else(|e| panic!("{e}"));
    let girl = Profile::new(child, Sex::Female, Stage::Pregnant);
    assert_eq!(girl.effective_stage(), Stage::Neither);
    assert_eq!(
        reference_values(Authority::Us, &girl).intake.map(|i| i.mg),
        Some(240)
    );
    let ten = AgeYears::new(10.0).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        Profile::new(ten, Sex::Female, Stage::Lactating).effective_stage(),
        Stage::Lactating
    );
    assert_eq!(
        reference_values(
            Authority::Us,
            &Profile::new(adult, Sex::Male, Stage::Pregnant)
        )
        .intake
        .map(|i| i.mg),
        Some(400)
    );
}

#[test]
fn retyping_the_age_keeps_a_pregnancy() {
    // "30" retyped as "28" passes through "2"; the pregnancy must survive it.
    let thirty = AgeYears::new(30.0).unwrap_or_else(|e| panic!("{e}"));
    let pregnant = Profile::new(thirty, Sex::Female, Stage::Pregnant);
    let two = pregnant.with_age(AgeYears::new(2.0).unwrap_or_else(|e| panic!("{e}")));
    let back = two.with_age(AgeYears::new(28.0).unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(back.effective_stage(), Stage::Pregnant);
    assert_eq!(
        reference_values(Authority::Us, &back).intake.map(|i| i.mg),
        Some(350)
    );
}

fn limit(authority: Authority, age: f64, stage: Stage) -> SupplementLimit {
    reference_values(authority, &profile(age, Sex::Female, stage)).supplement_limit
}

fn upper(mg: u32) -> SupplementLimit {
    SupplementLimit::Established {
        mg,
        kind: LimitKind::UpperLevel,
    }
}

#[test]
fn us_upper_levels_by_age() {
    assert_eq!(limit(Authority::Us, 0.0, Stage::Neither).mg(), None);
    assert_eq!(
        limit(Authority::Us, 1.0 - DAY_IN_YEARS, Stage::Neither).mg(),
        None
    );
    assert_eq!(limit(Authority::Us, 1.0, Stage::Neither), upper(65));
    assert_eq!(
        limit(Authority::Us, 4.0 - DAY_IN_YEARS, Stage::Neither),
        upper(65)
    );
    assert_eq!(limit(Authority::Us, 4.0, Stage::Neither), upper(110));
    assert_eq!(
        limit(Authority::Us, 9.0 - DAY_IN_YEARS, Stage::Neither),
        upper(110)
    );
    assert_eq!(limit(Authority::Us, 9.0, Stage::Neither), upper(350));
    assert_eq!(limit(Authority::Us, 120.0, Stage::Neither), upper(350));
    assert_eq!(limit(Authority::Us, 25.0, Stage::Pregnant), upper(350));
    assert_eq!(limit(Authority::Us, 25.0, Stage::Lactating), upper(350));
}

#[test]
fn european_and_dach_upper_levels_start_at_four() {
    for authority in [Authority::Eu, Authority::Dach] {
        assert_eq!(
            limit(authority, 4.0 - DAY_IN_YEARS, Stage::Neither).mg(),
            None
        );
        assert_eq!(limit(authority, 4.0, Stage::Neither), upper(250));
        assert_eq!(limit(authority, 30.0, Stage::Pregnant), upper(250));
        assert_eq!(limit(authority, 30.0, Stage::Lactating), upper(250));
    }
}

#[test]
fn uk_guidance_level_is_for_adults_only() {
    assert_eq!(
        limit(Authority::Uk, 18.0 - DAY_IN_YEARS, Stage::Neither).mg(),
        None
    );
    assert_eq!(
        limit(Authority::Uk, 18.0, Stage::Neither),
        SupplementLimit::Established {
            mg: 400,
            kind: LimitKind::GuidanceLevel
        }
    );
}

#[test]
fn every_authority_names_its_sources() {
    for &authority in Authority::ALL {
        assert!(!authority.intake_source().is_empty());
        assert!(!authority.limit_source().is_empty());
    }
    assert_eq!(Authority::default(), Authority::Us);
}

fn age(years: f64) -> AgeYears {
    AgeYears::new(years).unwrap_or_else(|e| panic!("test age {years}: {e}"))
}

fn iom(mg: u32, from_years: u32, until_years: Option<u32>, authority_from: u32) -> EffectiveLimit {
    EffectiveLimit::IomFallback {
        mg,
        band: AgeBand {
            from_years,
            until_years,
        },
        authority_limit_from_years: authority_from,
    }
}

#[test]
fn where_the_authority_sets_no_limit_for_the_age_the_iom_s_applies() {
    // shared/reference/magnesium.md, "Children and infants": UK under 18, SCF/EFSA and BfR
    // under 4; the IOM's 65 mg at 1–3, 110 mg at 4–8 and 350 mg from 9 is the only published one.
    let own = |mg, kind| EffectiveLimit::Own { mg, kind };
    #[rustfmt::skip]
    let cases = [
        (Authority::Uk, 1.0, iom(65, 1, Some(4), 18)),
        (Authority::Uk, 4.0 - DAY_IN_YEARS, iom(65, 1, Some(4), 18)),
        (Authority::Uk, 4.0, iom(110, 4, Some(9), 18)),
        (Authority::Uk, 6.0, iom(110, 4, Some(9), 18)),
        (Authority::Uk, 9.0 - DAY_IN_YEARS, iom(110, 4, Some(9), 18)),
        (Authority::Uk, 9.0, iom(350, 9, None, 18)),
        (Authority::Uk, 12.0, iom(350, 9, None, 18)),
        (Authority::Uk, 18.0 - DAY_IN_YEARS, iom(350, 9, None, 18)),
        (Authority::Uk, 18.0, own(400, LimitKind::GuidanceLevel)),
        (Authority::Eu, 1.0, iom(65, 1, Some(4), 4)),
        (Authority::Eu, 2.0, iom(65, 1, Some(4), 4)),
        (Authority::Eu, 4.0 - DAY_IN_YEARS, iom(65, 1, Some(4), 4)),
        (Authority::Eu, 4.0, own(250, LimitKind::UpperLevel)),
        (Authority::Dach, 1.0, iom(65, 1, Some(4), 4)),
        (Authority::Dach, 3.0, iom(65, 1, Some(4), 4)),
        (Authority::Dach, 4.0 - DAY_IN_YEARS, iom(65, 1, Some(4), 4)),
        (Authority::Dach, 4.0, own(250, LimitKind::UpperLevel)),
        (Authority::Us, 1.0, own(65, LimitKind::UpperLevel)),
        (Authority::Us, 6.0, own(110, LimitKind::UpperLevel)),
        (Authority::Us, 12.0, own(350, LimitKind::UpperLevel)),
    ];
    for (authority, years, expected) in cases {
        let values = reference_values(authority, &profile(years, Sex::Male, Stage::Neither));
        assert_eq!(
            values.effective_limit, expected,
            "{authority:?} at {years:.4}"
        );
        assert_eq!(effective_limit(authority, age(years)), expected);
        // The authority's own limit still says it sets none: the page shows "not established"
        // followed by the IOM's.
        let fallback = matches!(expected, EffectiveLimit::IomFallback { .. });
        assert_eq!(
            values.supplement_limit == SupplementLimit::NotEstablished,
            fallback,
            "{authority:?} at {years:.4}"
        );
        assert!(values.effective_limit.mg().is_some());
    }
}

#[test]
fn under_one_year_every_authority_gives_the_infant_rule() {
    for &authority in Authority::ALL {
        for years in [0.0, 0.25, 0.5, 7.0 / 12.0, 1.0 - DAY_IN_YEARS] {
            let values = reference_values(authority, &profile(years, Sex::Female, Stage::Neither));
            assert_eq!(
                values.effective_limit,
                EffectiveLimit::Infant,
                "{authority:?} at {years:.4}"
            );
            assert_eq!(values.effective_limit.mg(), None);
            assert_eq!(values.supplement_limit, SupplementLimit::NotEstablished);
            assert!(age(years).is_infant());
        }
        let one = reference_values(authority, &profile(1.0, Sex::Female, Stage::Neither));
        assert_ne!(one.effective_limit, EffectiveLimit::Infant, "{authority:?}");
        assert!(!age(1.0).is_infant());
    }
    // A first birthday typed as twelve months of decimals is a first birthday everywhere.
    assert!(!age(12.0 / 12.0).is_infant());
    assert_eq!(iom_upper_level_mg(age(0.5)), None);
    assert_eq!(iom_upper_level_mg(age(1.0)), Some(65));
}

fn warn(authority: Authority, years: f64, mg: f64, kidney: bool) -> Option<SupplementWarning> {
    let values = reference_values(authority, &profile(years, Sex::Female, Stage::Neither));
    supplement_warning(mg, values.effective_limit, age(years), kidney)
}

fn level(authority: Authority, years: f64, mg: f64) -> Option<ExcessLevel> {
    warn(authority, years, mg, false).map(|w| w.level)
}

#[test]
fn the_warning_escalates_on_both_sides_of_each_threshold() {
    use ExcessLevel::{Above, FarAbove};
    #[rustfmt::skip]
    let cases = [
        // Adults: the authority's own limit, far above from 5 × the IOM's 350 mg.
        (Authority::Us, 30.0, 350.0, None),
        (Authority::Us, 30.0, 350.4, None),
        (Authority::Us, 30.0, 350.5, Some(Above)),
        (Authority::Us, 30.0, 351.0, Some(Above)),
        (Authority::Us, 30.0, 1749.0, Some(Above)),
        (Authority::Us, 30.0, 1750.0, Some(FarAbove)),
        (Authority::Us, 30.0, 5000.0, Some(FarAbove)),
        (Authority::Eu, 30.0, 250.0, None),
        (Authority::Eu, 30.0, 251.0, Some(Above)),
        (Authority::Eu, 30.0, 1749.0, Some(Above)),
        (Authority::Eu, 30.0, 1750.0, Some(FarAbove)),
        (Authority::Uk, 30.0, 400.0, None),
        (Authority::Uk, 30.0, 401.0, Some(Above)),
        (Authority::Uk, 30.0, 1750.0, Some(FarAbove)),
        (Authority::Dach, 70.0, 251.0, Some(Above)),
        // Children where the authority sets no limit: the IOM's.
        (Authority::Uk, 6.0, 110.0, None),
        (Authority::Uk, 6.0, 111.0, Some(Above)),
        (Authority::Uk, 6.0, 549.0, Some(Above)),
        (Authority::Uk, 6.0, 550.0, Some(FarAbove)),
        (Authority::Uk, 15.0, 350.0, None),
        (Authority::Uk, 15.0, 351.0, Some(Above)),
        (Authority::Eu, 2.0, 65.0, None),
        (Authority::Eu, 2.0, 66.0, Some(Above)),
        (Authority::Eu, 2.0, 324.0, Some(Above)),
        (Authority::Eu, 2.0, 325.0, Some(FarAbove)),
        (Authority::Dach, 3.0, 66.0, Some(Above)),
        // Infants: any supplement at all, far above from 5 × the youngest IOM level.
        (Authority::Us, 0.5, 0.0, None),
        (Authority::Us, 0.5, 0.1, Some(Above)),
        (Authority::Us, 0.5, 50.0, Some(Above)),
        (Authority::Eu, 0.5, 324.0, Some(Above)),
        (Authority::Uk, 0.25, 325.0, Some(FarAbove)),
        (Authority::Dach, 0.9, 1000.0, Some(FarAbove)),
    ];
    for (authority, years, mg, expected) in cases {
        assert_eq!(
            level(authority, years, mg),
            expected,
            "{authority:?} at {years} years, {mg} mg"
        );
    }
    assert_eq!(far_above_mg(age(30.0)), FAR_ABOVE_FACTOR * 350);
    assert_eq!(far_above_mg(age(6.0)), 550);
    assert_eq!(far_above_mg(age(2.0)), 325);
    assert_eq!(far_above_mg(age(0.5)), 325);
    for bad in [f64::NAN, f64::INFINITY, -1.0] {
        assert_eq!(level(Authority::Us, 0.5, bad), None, "{bad}");
    }
}

#[test]
fn the_warning_names_the_limit_it_passed_and_carries_the_kidney_switch() {
    let uk_child = warn(Authority::Uk, 6.0, 200.0, false);
    assert_eq!(
        uk_child.map(|w| w.limit),
        Some(iom(110, 4, Some(9), 18)),
        "a 6-year-old under UK values is warned against the IOM's 110 mg"
    );
    let infant = warn(Authority::Us, 0.5, 50.0, false);
    assert_eq!(infant.map(|w| w.limit), Some(EffectiveLimit::Infant));
    for kidney in [false, true] {
        let adult = warn(Authority::Us, 60.0, 400.0, kidney);
        assert_eq!(
            adult,
            Some(SupplementWarning {
                limit: EffectiveLimit::Own {
                    mg: 350,
                    kind: LimitKind::UpperLevel
                },
                level: ExcessLevel::Above,
                kidney_disease: kidney,
            })
        );
    }
    // The kidney switch makes the warning louder, never earlier or later.
    assert_eq!(warn(Authority::Us, 60.0, 350.0, true), None);
}

#[test]
fn every_guidance_line_names_a_source_from_the_reference() {
    for item in GUIDANCE {
        assert!(!item.text.is_empty() && !item.source.is_empty(), "{item:?}");
        for unsourced in ["Common practice", "General medical advice"] {
            assert!(!item.source.contains(unsourced), "{item:?}");
        }
    }
    let says = |words: &[&str]| {
        GUIDANCE
            .iter()
            .any(|item| words.iter().all(|w| item.text.contains(w)))
    };
    // AASM 2024: ferritin and transferrin saturation, morning, no iron beforehand; thresholds.
    assert!(says(&[
        "ferritin",
        "transferrin saturation",
        "morning",
        "75 ng/mL",
        "20 %"
    ]));
    assert!(says(&["not an established treatment for restless legs"]));
    assert!(says(&["older adults", "cramps"]));
}

proptest::proptest! {
    #[test]
    fn the_warning_is_there_exactly_above_the_limit_and_only_grows(
        hundredths in 0u32..=12_000,
        authority in proptest::sample::select(Authority::ALL.to_vec()),
        mg in 0.0..3_000.0f64,
        more in 0.0..3_000.0f64,
        kidney in proptest::bool::ANY,
    ) {
        let years = f64::from(hundredths) / 100.0;
        let values = reference_values(authority, &profile(years, Sex::Male, Stage::Neither));
        let limit = values.effective_limit;
        let warning = supplement_warning(mg, limit, age(years), kidney);
        let expected = match limit.mg() {
            Some(limit_mg) => mg.round() > f64::from(limit_mg),
            None => mg > 0.0,
        };
        proptest::prop_assert_eq!(warning.is_some(), expected);
        // Never less of a warning for more magnesium.
        let louder = supplement_warning(mg + more, limit, age(years), kidney);
        proptest::prop_assert!(louder.map(|w| w.level) >= warning.map(|w| w.level));
        // "Not established" is never the whole story: something always applies.
        proptest::prop_assert!(limit.mg().is_some() || limit == EffectiveLimit::Infant);
    }
}
