//! Medicines and magnesium: every timing rule of the reference table at both sides of its
//! window, windows across midnight, several medicines at once, the earliest time that fits every
//! rule, doses that need a time, the list's own rules, clock times, and properties of the
//! arithmetic round the clock.

use magnesium_planner::domain::choice::Choice;
use magnesium_planner::domain::clock::{ClockTime, ClockTimeError, MINUTES_PER_DAY};
use magnesium_planner::domain::medicines::{
    Conflict, DoctorAdvice, MAX_MEDICINES, Medicine, MedicineError, MedicineGroup, Rule,
    RuleSource, SafePeriod, Side, add_medicine, conflicts, doses_needing_a_time,
    earliest_safe_time, is_safe, medicine_list, remove_medicine, safe_period_from, safe_periods,
    timing_matters,
};
use magnesium_planner::domain::plan::{DoseInput, Plan, SupplementDose, TimeOfDay};
use magnesium_planner::domain::supplements::{DoseBasis, form};
use proptest::prelude::*;

fn at(text: &str) -> ClockTime {
    ClockTime::parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

fn taking(group: MedicineGroup, time: &str) -> Medicine {
    Medicine::new(group, Some(at(time))).unwrap_or_else(|e| panic!("{e:?}"))
}

fn dose_input(time: Option<TimeOfDay>) -> DoseInput {
    let citrate = form("citrate").unwrap_or_else(|| panic!("citrate is a form"));
    DoseInput {
        product: None,
        form_id: citrate.id.to_owned(),
        variant_id: citrate.default_variant().id.to_owned(),
        basis: DoseBasis::Elemental,
        amount_mg: 200.0,
        units: 1.0,
        time,
    }
}

/// A day's doses, one 200 mg dose at each time (`None`: no time given).
fn doses(times: &[Option<TimeOfDay>]) -> Vec<SupplementDose> {
    let mut plan = Plan::default();
    for &time in times {
        plan.add_dose(dose_input(time))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    plan.doses
}

fn dose_at(time: ClockTime) -> Vec<SupplementDose> {
    doses(&[Some(TimeOfDay::At(time))])
}

/// The rules as the reference table states them, in minutes: (group, magnesium not within this
/// long before the medicine, nor within this long after it, source).
const TIMED_RULES: [(MedicineGroup, u16, u16, RuleSource); 7] = [
    // "separate by at least 2 hours (ODS)"
    (MedicineGroup::Bisphosphonates, 120, 120, RuleSource::Ods),
    // "antibiotic at least 2 hours before or 4–6 hours after magnesium (ODS)": the longer 6 h.
    (MedicineGroup::Tetracyclines, 360, 120, RuleSource::Ods),
    (MedicineGroup::Quinolones, 360, 120, RuleSource::Ods),
    // "at least 4 hours apart (levothyroxine labels)"
    (
        MedicineGroup::Levothyroxine,
        240,
        240,
        RuleSource::LevothyroxineLabels,
    ),
    // "gabapentin at least 2 hours after (gabapentin label)"
    (
        MedicineGroup::Gabapentin,
        120,
        0,
        RuleSource::GabapentinLabel,
    ),
    // "2 hours before or 6 hours after (labels)"
    (
        MedicineGroup::HivIntegraseInhibitors,
        360,
        120,
        RuleSource::IntegraseInhibitorLabels,
    ),
    // "take apart, at least 2 hours (iron product labels)"
    (
        MedicineGroup::OralIron,
        120,
        120,
        RuleSource::IronProductLabels,
    ),
];

#[test]
fn every_group_of_the_reference_table_has_its_rule_and_source() {
    assert_eq!(MedicineGroup::ALL.len(), 10);
    for (group, before, after, source) in TIMED_RULES {
        let rule = group.rule();
        assert_eq!(rule.source, source, "{group:?}");
        let Rule::Separate(separation) = rule.rule else {
            panic!("{group:?} has a timing rule");
        };
        assert_eq!(
            (separation.before_minutes, separation.after_minutes),
            (before, after),
            "{group:?}"
        );
        // Each side under half a day, so "before" and "after" never overlap round the clock.
        assert!(before < 720 && after < 720);
    }
    // The one range in the table, 4–6 hours, is kept at its longer end and says so.
    for group in [MedicineGroup::Tetracyclines, MedicineGroup::Quinolones] {
        assert_eq!(
            group.separation().and_then(|s| s.before_range_from_minutes),
            Some(240)
        );
    }
    for (group, advice) in [
        (
            MedicineGroup::LoopAndThiazideDiuretics,
            DoctorAdvice::AskAboutBloodTest,
        ),
        (
            MedicineGroup::PotassiumSparingDiuretics,
            DoctorAdvice::AskBeforeSupplementing,
        ),
        (
            MedicineGroup::ProtonPumpInhibitors,
            DoctorAdvice::CheckBeforeAndDuringLongUse,
        ),
    ] {
        assert_eq!(group.rule().rule, Rule::Advice(advice));
        assert_eq!(group.rule().source, RuleSource::Ods);
        assert_eq!(group.separation(), None);
    }
    assert_eq!(
        MedicineGroup::Tetracyclines.examples(),
        ["doxycycline", "minocycline"]
    );
}

#[test]
fn every_timed_rule_holds_at_both_sides_of_its_window() {
    let noon = at("12:00");
    for (group, before, after, _) in TIMED_RULES {
        let medicines = [taking(group, "12:00")];
        let conflict_at = |minutes_from_noon: i32| {
            conflicts(&dose_at(noon.plus_minutes(minutes_from_noon)), &medicines)
        };
        let before = i32::from(before);
        let after = i32::from(after);
        // Exactly as far before as the rule asks is allowed; a minute closer is not.
        assert!(conflict_at(-before).is_empty(), "{group:?} at -{before}");
        let found = conflict_at(-before + 1);
        assert_eq!(found.len(), 1, "{group:?} at -{}", before - 1);
        assert_eq!(found[0].side(), Side::Before);
        assert_eq!(found[0].short_by_minutes(), 1);
        assert_eq!(found[0].group, group);
        // The same minute is never allowed.
        let same = conflict_at(0);
        assert_eq!(same.len(), 1, "{group:?} at the same time");
        assert_eq!(same[0].side(), Side::SameTime);
        // Exactly as far after as the rule asks is allowed; a minute closer is not.
        assert!(
            conflict_at(after.max(1)).is_empty(),
            "{group:?} at +{after}"
        );
        if after > 1 {
            let found = conflict_at(after - 1);
            assert_eq!(found.len(), 1, "{group:?} at +{}", after - 1);
            assert_eq!(found[0].side(), Side::After);
            assert_eq!(found[0].short_by_minutes(), 1);
        }
    }
}

#[test]
fn groups_without_a_timing_rule_never_conflict_and_need_no_time() {
    for group in [
        MedicineGroup::LoopAndThiazideDiuretics,
        MedicineGroup::PotassiumSparingDiuretics,
        MedicineGroup::ProtonPumpInhibitors,
    ] {
        let untimed = Medicine::new(group, None).unwrap_or_else(|e| panic!("{e:?}"));
        let timed = taking(group, "09:00");
        let day = doses(&[Some(TimeOfDay::At(at("09:00"))), None]);
        assert!(conflicts(&day, &[untimed, timed]).is_empty());
        assert!(doses_needing_a_time(&day, &[untimed, timed]).is_empty());
        assert!(!timing_matters(&[untimed, timed]));
        assert_eq!(earliest_safe_time(&[timed], at("09:00")), Some(at("09:00")));
    }
}

#[test]
fn a_conflict_says_which_medicine_which_dose_which_rule_and_by_how_much() {
    let day = doses(&[
        Some(TimeOfDay::At(at("07:00"))),
        Some(TimeOfDay::At(at("09:00"))),
    ]);
    let doxycycline = taking(MedicineGroup::Tetracyclines, "08:00");
    let found = conflicts(&day, &[doxycycline]);
    assert_eq!(found.len(), 2);
    let before: &Conflict = &found[0];
    assert_eq!(before.dose_id, day[0].id);
    assert_eq!(before.dose_time, at("07:00"));
    assert_eq!(before.medicine_time, at("08:00"));
    assert_eq!(before.group, MedicineGroup::Tetracyclines);
    assert_eq!(before.source, RuleSource::Ods);
    assert_eq!(before.minutes_from_medicine, -60);
    assert_eq!(before.side(), Side::Before);
    assert_eq!(before.minutes_apart(), 60);
    // Magnesium must come 6 hours before the antibiotic: 5 hours short.
    assert_eq!(before.short_by_minutes(), 300);
    let after = &found[1];
    assert_eq!(after.dose_id, day[1].id);
    assert_eq!(after.minutes_from_medicine, 60);
    assert_eq!(after.side(), Side::After);
    assert_eq!(after.short_by_minutes(), 60);
}

#[test]
fn windows_wrap_past_midnight() {
    let doxycycline = [taking(MedicineGroup::Tetracyclines, "23:00")];
    // 00:30 is 90 minutes after 23:00: too soon, by 30 minutes.
    let found = conflicts(&dose_at(at("00:30")), &doxycycline);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].minutes_from_medicine, 90);
    assert_eq!(found[0].short_by_minutes(), 30);
    assert!(conflicts(&dose_at(at("01:00")), &doxycycline).is_empty());
    // 17:00 is exactly 6 hours before 23:00; 17:01 is not.
    assert!(conflicts(&dose_at(at("17:00")), &doxycycline).is_empty());
    assert_eq!(conflicts(&dose_at(at("17:01")), &doxycycline).len(), 1);

    // A medicine just after midnight and a dose the evening before.
    let levothyroxine = [taking(MedicineGroup::Levothyroxine, "01:00")];
    let found = conflicts(&dose_at(at("23:30")), &levothyroxine);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].minutes_from_medicine, -90);
    assert_eq!(found[0].side(), Side::Before);
    assert!(conflicts(&dose_at(at("21:00")), &levothyroxine).is_empty());
    assert_eq!(conflicts(&dose_at(at("21:01")), &levothyroxine).len(), 1);

    // The next safe time from a dose at 23:30 is 05:00, the next day.
    assert_eq!(
        earliest_safe_time(&levothyroxine, at("23:30")),
        Some(at("05:00"))
    );
    assert_eq!(
        safe_periods(&levothyroxine),
        [SafePeriod {
            start: at("05:00"),
            minutes: 16 * 60 + 1,
        }]
    );
    assert_eq!(safe_periods(&levothyroxine)[0].last(), at("21:00"));
}

#[test]
fn several_medicines_at_once() {
    let medicines = [
        taking(MedicineGroup::Tetracyclines, "08:00"),
        taking(MedicineGroup::Bisphosphonates, "07:00"),
        taking(MedicineGroup::Gabapentin, "21:00"),
    ];
    // 08:30 is too close to both morning medicines; each conflict is listed, in list order.
    let found = conflicts(&dose_at(at("08:30")), &medicines);
    let groups: Vec<MedicineGroup> = found.iter().map(|c| c.group).collect();
    assert_eq!(
        groups,
        [MedicineGroup::Tetracyclines, MedicineGroup::Bisphosphonates]
    );
    // 09:00 is exactly 2 hours after the bisphosphonate, but 1 hour after the antibiotic.
    let found = conflicts(&dose_at(at("09:00")), &medicines);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].group, MedicineGroup::Tetracyclines);
    // 20:00 is an hour before gabapentin; 21:30 is after it, which its label allows.
    assert_eq!(conflicts(&dose_at(at("20:00")), &medicines).len(), 1);
    assert!(conflicts(&dose_at(at("21:30")), &medicines).is_empty());
    // Two doses, two medicines: every pair is checked.
    let day = doses(&[
        Some(TimeOfDay::At(at("06:30"))),
        Some(TimeOfDay::At(at("20:30"))),
        Some(TimeOfDay::At(at("14:00"))),
    ]);
    let found = conflicts(&day, &medicines);
    let pairs: Vec<(u64, MedicineGroup)> = found.iter().map(|c| (c.dose_id, c.group)).collect();
    assert_eq!(
        pairs,
        [
            (day[0].id, MedicineGroup::Tetracyclines),
            (day[0].id, MedicineGroup::Bisphosphonates),
            (day[1].id, MedicineGroup::Gabapentin),
        ]
    );
    // The same medicine twice a day guards both times.
    let twice = [
        taking(MedicineGroup::Tetracyclines, "08:00"),
        taking(MedicineGroup::Tetracyclines, "20:00"),
    ];
    assert_eq!(conflicts(&dose_at(at("21:00")), &twice).len(), 1);
    assert_eq!(
        earliest_safe_time(&twice, at("09:00")),
        Some(at("10:00")),
        "10:00 is 2 hours after the morning dose and 10 hours before the evening one"
    );
    assert_eq!(
        safe_period_from(&twice, at("09:00")),
        Some(SafePeriod {
            start: at("10:00"),
            minutes: 241,
        }),
        "then safe until 14:00, 6 hours before the evening dose"
    );
}

#[test]
fn doxycycline_at_8_and_alendronate_at_7_allow_magnesium_from_10_not_12() {
    // Issue 12's example says "take magnesium from 12:00"; the reference's rules give 10:00:
    // doxycycline at least 2 hours before magnesium (ODS) and alendronate 2 hours apart.
    let medicines = [
        taking(MedicineGroup::Tetracyclines, "08:00"),
        taking(MedicineGroup::Bisphosphonates, "07:00"),
    ];
    assert_eq!(
        earliest_safe_time(&medicines, at("07:00")),
        Some(at("10:00"))
    );
    assert_eq!(
        earliest_safe_time(&medicines, at("09:00")),
        Some(at("10:00"))
    );
    assert!(is_safe(&medicines, at("10:00")));
    assert!(!is_safe(&medicines, at("09:59")));
    assert!(conflicts(&dose_at(at("10:00")), &medicines).is_empty());
    assert!(conflicts(&dose_at(at("12:00")), &medicines).is_empty());
    // Safe from 10:00 to 02:00 (6 hours before the antibiotic), past midnight in one stretch.
    let period = safe_period_from(&medicines, at("09:00")).unwrap_or_else(|| panic!("a time"));
    assert_eq!(period.start, at("10:00"));
    assert_eq!(period.last(), at("02:00"));
    assert_eq!(safe_periods(&medicines), [period]);
    // From a safe time, that time itself.
    assert_eq!(
        earliest_safe_time(&medicines, at("23:00")),
        Some(at("23:00"))
    );
    assert_eq!(
        earliest_safe_time(&medicines, at("02:01")),
        Some(at("10:00"))
    );
}

#[test]
fn no_time_works_when_the_windows_cover_the_day() {
    let medicines: Vec<Medicine> = ["00:00", "06:00", "12:00", "18:00"]
        .into_iter()
        .map(|t| taking(MedicineGroup::Levothyroxine, t))
        .collect();
    assert_eq!(earliest_safe_time(&medicines, at("07:00")), None);
    assert_eq!(safe_period_from(&medicines, at("07:00")), None);
    assert!(safe_periods(&medicines).is_empty());
    // Three of them leave 16:00 to 20:00, exactly 4 hours from both neighbours at its ends.
    assert_eq!(
        safe_periods(&medicines[..3]),
        [SafePeriod {
            start: at("16:00"),
            minutes: 241,
        }]
    );
    // Eight hours apart, they leave three single minutes, exactly 4 hours from each.
    let eight_hourly: Vec<Medicine> = ["00:00", "08:00", "16:00"]
        .into_iter()
        .map(|t| taking(MedicineGroup::Levothyroxine, t))
        .collect();
    let periods = safe_periods(&eight_hourly);
    let starts: Vec<ClockTime> = periods.iter().map(|p| p.start).collect();
    assert_eq!(starts, [at("04:00"), at("12:00"), at("20:00")]);
    assert!(
        periods
            .iter()
            .all(|p| p.minutes == 1 && p.last() == p.start)
    );
    assert_eq!(
        earliest_safe_time(&eight_hourly, at("20:01")),
        Some(at("04:00"))
    );
}

#[test]
fn with_no_timing_rule_the_whole_day_is_safe() {
    for medicines in [
        Vec::new(),
        vec![
            Medicine::new(MedicineGroup::ProtonPumpInhibitors, None)
                .unwrap_or_else(|e| panic!("{e:?}")),
        ],
    ] {
        let periods = safe_periods(&medicines);
        assert_eq!(periods.len(), 1);
        assert!(periods[0].is_whole_day());
        assert_eq!(
            earliest_safe_time(&medicines, at("13:37")),
            Some(at("13:37"))
        );
        let from = safe_period_from(&medicines, at("13:37")).unwrap_or_else(|| panic!("safe"));
        assert!(from.is_whole_day());
    }
}

#[test]
fn a_dose_without_a_clock_time_needs_one_while_a_timed_rule_applies() {
    let day = doses(&[
        None,
        Some(TimeOfDay::Bedtime),
        Some(TimeOfDay::At(at("15:00"))),
    ]);
    let doxycycline = [taking(MedicineGroup::Tetracyclines, "08:00")];
    assert_eq!(
        doses_needing_a_time(&day, &doxycycline),
        [day[0].id, day[1].id]
    );
    // A part of the day saved by an earlier version is never read as a clock time.
    assert!(conflicts(&day, &doxycycline).is_empty());
    assert!(doses_needing_a_time(&day, &[]).is_empty());
    assert!(timing_matters(&doxycycline));
}

#[test]
fn the_list_refuses_a_timed_medicine_without_a_time_a_repeat_and_too_many() {
    assert_eq!(
        Medicine::new(MedicineGroup::Gabapentin, None),
        Err(MedicineError::TimeNeeded)
    );
    let mut list = Vec::new();
    let morning = taking(MedicineGroup::Tetracyclines, "08:00");
    let evening = taking(MedicineGroup::Tetracyclines, "20:00");
    assert_eq!(add_medicine(&mut list, morning), Ok(()));
    assert_eq!(add_medicine(&mut list, evening), Ok(()));
    assert_eq!(
        add_medicine(&mut list, morning),
        Err(MedicineError::AlreadyListed)
    );
    // A medicine built without `new` is still checked.
    let unchecked = Medicine {
        group: MedicineGroup::OralIron,
        time: None,
    };
    assert_eq!(
        add_medicine(&mut list, unchecked),
        Err(MedicineError::TimeNeeded)
    );
    assert_eq!(list, [morning, evening]);
    remove_medicine(&mut list, morning);
    assert_eq!(list, [evening]);
    remove_medicine(&mut list, morning);
    assert_eq!(
        list,
        [evening],
        "removing what is not listed changes nothing"
    );

    let many: Vec<Medicine> = (0..=MAX_MEDICINES as u16)
        .map(|m| Medicine {
            group: MedicineGroup::OralIron,
            time: ClockTime::from_minutes(m),
        })
        .collect();
    assert_eq!(medicine_list(many.clone()), Err(MedicineError::TooMany));
    assert_eq!(
        medicine_list(many[..MAX_MEDICINES].to_vec()).map(|l| l.len()),
        Ok(MAX_MEDICINES)
    );
}

#[test]
fn clock_times_read_hours_and_minutes_and_refuse_the_rest() {
    for (text, minutes) in [
        ("00:00", 0),
        ("08:00", 480),
        ("8:00", 480),
        (" 21:30 ", 1290),
        ("23:59", 1439),
        ("12:00:00", 720),
    ] {
        assert_eq!(
            ClockTime::parse(text).map(ClockTime::minutes),
            Ok(minutes),
            "{text}"
        );
    }
    for text in [
        "8am",
        "0800",
        "8.00",
        "12:0",
        "12:000",
        "123:00",
        "+1:00",
        "-1:00",
        "12:00:01",
        "12:00:00:00",
        "１２:００",
        "12 : 00",
        ":",
        "12:",
        "noon",
    ] {
        assert_eq!(
            ClockTime::parse(text),
            Err(ClockTimeError::NotATime),
            "{text}"
        );
    }
    for text in ["24:00", "12:60", "99:99"] {
        assert_eq!(
            ClockTime::parse(text),
            Err(ClockTimeError::OutOfRange),
            "{text}"
        );
    }
    assert_eq!(ClockTime::parse("  "), Err(ClockTimeError::Empty));
    assert_eq!(ClockTime::parse_optional(""), Ok(None));
    assert_eq!(ClockTime::parse_optional("7:05"), Ok(Some(at("07:05"))));
    assert_eq!(
        ClockTime::parse_optional("7"),
        Err(ClockTimeError::NotATime)
    );
    assert_eq!(at("7:05").to_string(), "07:05");
    assert_eq!(ClockTime::from_minutes(MINUTES_PER_DAY), None);
    assert_eq!(ClockTime::from_hm(24, 0), None);
    assert_eq!(ClockTime::from_hm(23, 60), None);
    assert_eq!(at("23:00").minutes_until(at("01:00")), 120);
    assert_eq!(at("01:00").minutes_from(at("03:00")), -120);
    assert_eq!(at("01:00").minutes_from(at("23:00")), 120);
    assert_eq!(at("12:00").minutes_from(at("00:00")), 720);
    assert_eq!(at("00:00").plus_minutes(-1), at("23:59"));
}

#[test]
fn dose_times_read_back_one_way_only() {
    for time in TimeOfDay::PARTS_OF_DAY
        .into_iter()
        .chain([TimeOfDay::At(at("00:00")), TimeOfDay::At(at("21:30"))])
    {
        assert_eq!(TimeOfDay::from_value(&time.value()), Some(time));
    }
    assert_eq!(TimeOfDay::At(at("07:05")).value(), "07:05");
    assert_eq!(TimeOfDay::Bedtime.clock(), None);
    assert_eq!(TimeOfDay::At(at("07:05")).clock(), Some(at("07:05")));
    // Other spellings of a time are not what the planner writes.
    for text in ["7:05", "07:05:00", "teatime", "", "Bedtime"] {
        assert_eq!(TimeOfDay::from_value(text), None, "{text}");
    }
}

fn arb_time() -> impl Strategy<Value = ClockTime> {
    (0..MINUTES_PER_DAY).prop_map(|m| ClockTime::from_minutes(m).unwrap_or(ClockTime::MIDNIGHT))
}

fn arb_medicine() -> impl Strategy<Value = Medicine> {
    (
        prop::sample::select(MedicineGroup::ALL.to_vec()),
        arb_time(),
    )
        .prop_map(|(group, time)| Medicine {
            group,
            time: Some(time),
        })
}

/// The rule checked without the short-way-round arithmetic: the medicine is taken every day,
/// so compare the dose with yesterday's, today's and tomorrow's.
fn breaks_rule_oracle(medicine: Medicine, dose: ClockTime) -> bool {
    let (Some(rule), Some(time)) = (medicine.group.separation(), medicine.time) else {
        return false;
    };
    let dose = i32::from(dose.minutes());
    [-1, 0, 1].into_iter().any(|day| {
        let medicine_at = i32::from(time.minutes()) + day * i32::from(MINUTES_PER_DAY);
        let d = dose - medicine_at;
        d == 0 || (-i32::from(rule.before_minutes) < d && d < i32::from(rule.after_minutes))
    })
}

proptest! {
    #[test]
    fn clock_arithmetic_goes_round_the_clock(
        a in arb_time(),
        b in arb_time(),
        k in -3i32..=3,
        m in -2_000i32..=2_000,
    ) {
        let from = b.minutes_from(a);
        prop_assert!((-719..=720).contains(&from));
        prop_assert_eq!(a.plus_minutes(i32::from(from)), b);
        let there_and_back = a.minutes_until(b) + b.minutes_until(a);
        prop_assert!(there_and_back == 0 || there_and_back == MINUTES_PER_DAY);
        prop_assert_eq!(a.plus_minutes(k * 1_440 + m), a.plus_minutes(m));
        prop_assert_eq!(ClockTime::parse(&a.to_string()), Ok(a));
    }

    #[test]
    fn parsing_any_text_never_panics_and_reads_back_what_it_read(text in "\\PC{0,12}") {
        if let Ok(time) = ClockTime::parse(&text) {
            prop_assert!(time.minutes() < MINUTES_PER_DAY);
        }
    }

    #[test]
    fn conflicts_match_the_rule_taken_day_by_day(
        medicines in prop::collection::vec(arb_medicine(), 0..5),
        dose in arb_time(),
    ) {
        let found = conflicts(&dose_at(dose), &medicines);
        let expected = medicines.iter().filter(|&&m| breaks_rule_oracle(m, dose)).count();
        prop_assert_eq!(found.len(), expected);
        prop_assert_eq!(is_safe(&medicines, dose), expected == 0);
        for conflict in &found {
            prop_assert!(conflict.short_by_minutes() > 0);
        }
    }

    #[test]
    fn shifting_every_time_together_changes_no_conflict(
        medicines in prop::collection::vec(arb_medicine(), 0..5),
        dose in arb_time(),
        shift in -1_440i32..=1_440,
    ) {
        let shifted: Vec<Medicine> = medicines
            .iter()
            .map(|m| Medicine { time: m.time.map(|t| t.plus_minutes(shift)), ..*m })
            .collect();
        let before: Vec<i16> = conflicts(&dose_at(dose), &medicines)
            .iter()
            .map(|c| c.minutes_from_medicine)
            .collect();
        let after: Vec<i16> = conflicts(&dose_at(dose.plus_minutes(shift)), &shifted)
            .iter()
            .map(|c| c.minutes_from_medicine)
            .collect();
        prop_assert_eq!(before, after);
    }

    #[test]
    fn the_suggested_time_never_conflicts_and_none_earlier_would_do(
        medicines in prop::collection::vec(arb_medicine(), 0..6),
        from in arb_time(),
    ) {
        match earliest_safe_time(&medicines, from) {
            Some(time) => {
                prop_assert!(conflicts(&dose_at(time), &medicines).is_empty());
                for step in 0..from.minutes_until(time) {
                    prop_assert!(!is_safe(&medicines, from.plus_minutes(i32::from(step))));
                }
                let period = safe_period_from(&medicines, from);
                prop_assert_eq!(period.map(|p| p.start), Some(time));
            }
            None => prop_assert!(safe_periods(&medicines).is_empty()),
        }
    }

    #[test]
    fn safe_periods_are_whole_and_cover_every_safe_minute(
        medicines in prop::collection::vec(arb_medicine(), 0..6),
    ) {
        let periods = safe_periods(&medicines);
        let safe_minutes = (0..MINUTES_PER_DAY)
            .filter(|&m| ClockTime::from_minutes(m).is_some_and(|t| is_safe(&medicines, t)))
            .count();
        let covered: usize = periods.iter().map(|p| usize::from(p.minutes)).sum();
        prop_assert_eq!(covered, safe_minutes);
        for period in &periods {
            prop_assert!(period.minutes >= 1);
            for step in 0..period.minutes {
                prop_assert!(is_safe(&medicines, period.start.plus_minutes(i32::from(step))));
            }
            if !period.is_whole_day() {
                prop_assert!(!is_safe(&medicines, period.start.plus_minutes(-1)));
                prop_assert!(!is_safe(&medicines, period.last().plus_minutes(1)));
            }
        }
        prop_assert!(periods.windows(2).all(|pair| pair[0].start < pair[1].start));
    }
}
