//! Reference values at both sides of every band edge, for every authority, written out by hand
//! from `shared/reference/magnesium.md` rather than derived from the tables under test.

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
    for authority in Authority::ALL {
        assert!(!authority.intake_source().is_empty());
        assert!(!authority.limit_source().is_empty());
        assert_eq!(Authority::from_value(authority.value()), Some(authority));
    }
    assert_eq!(Authority::default(), Authority::Us);
}
