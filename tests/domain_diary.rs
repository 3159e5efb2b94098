//! Calendar dates, night ratings, period averages, history and comparisons of the diary.

use magnesium_planner::domain::diary::{
    BAD_NIGHT_FROM, CalendarDate, DateError, DayIntake, DayRecord, FEW_NIGHTS,
    MAX_NIGHT_NOTE_CHARS, MAX_YEAR, MIN_YEAR, NightRating, NoteError, Period, PeriodError,
    RatingError, before_and_after, clean_note, compare, days_in_month, first_supplement_day,
    history, is_leap_year, period_stats,
};
use proptest::prelude::*;

fn date(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

fn day(text: &str, food_mg: f64, supplement_mg: f64, rating: Option<u8>) -> DayRecord {
    DayRecord {
        date: date(text),
        intake: Some(DayIntake {
            food_mg,
            supplement_mg,
            food_complete: true,
            food_entered: food_mg > 0.0,
        }),
        rating: rating.map(|r| NightRating::new(r).unwrap()),
        cramps_woke: false,
    }
}

fn night_only(text: &str, rating: u8) -> DayRecord {
    DayRecord {
        date: date(text),
        intake: None,
        rating: Some(NightRating::new(rating).unwrap()),
        cramps_woke: false,
    }
}

#[test]
fn leap_years_follow_the_gregorian_rule() {
    assert!(is_leap_year(2024));
    assert!(is_leap_year(2000), "divisible by 400");
    assert!(!is_leap_year(1900), "a century not divisible by 400");
    assert!(!is_leap_year(2023));
    assert_eq!(days_in_month(2024, 2), 29);
    assert_eq!(days_in_month(2023, 2), 28);
    assert_eq!(days_in_month(2100, 2), 28);
    assert_eq!(days_in_month(2023, 13), 0);
}

#[test]
fn dates_are_read_as_a_date_field_writes_them() {
    let leap_day = date("2024-02-29");
    assert_eq!(
        (leap_day.year(), leap_day.month(), leap_day.day()),
        (2024, 2, 29)
    );
    assert_eq!(leap_day.to_string(), "2024-02-29");
    assert_eq!(CalendarDate::parse("2023-02-29"), Err(DateError::NoSuchDay));
    assert_eq!(CalendarDate::parse("1900-02-29"), Err(DateError::NoSuchDay));
    assert_eq!(CalendarDate::parse("2024-13-01"), Err(DateError::NoSuchDay));
    assert_eq!(CalendarDate::parse("2024-04-31"), Err(DateError::NoSuchDay));
    assert_eq!(CalendarDate::parse("2024-01-00"), Err(DateError::NoSuchDay));
    assert_eq!(
        CalendarDate::parse("1899-12-31"),
        Err(DateError::YearOutOfRange)
    );
    assert_eq!(
        CalendarDate::parse("3000-01-01"),
        Err(DateError::YearOutOfRange)
    );
    for malformed in [
        "",
        "2024-1-01",
        "2024/01/01",
        "24-01-01",
        "2024-01-01 ",
        " 2024-01-01",
        "20a4-01-01",
        "2024-01-011",
        "+024-01-01",
        "２０２４-01-01",
        "2024-01-0١",
    ] {
        assert_eq!(
            CalendarDate::parse(malformed),
            Err(DateError::Malformed),
            "{malformed:?}"
        );
    }
}

#[test]
fn days_are_counted_across_months_years_and_leap_days() {
    assert_eq!(date("1970-01-01").days_since_epoch(), 0);
    assert_eq!(date("2000-03-01").days_since_epoch(), 11_017);
    assert_eq!(date("1969-12-31").days_since_epoch(), -1);
    assert_eq!(date("2024-02-28").add_days(1), Some(date("2024-02-29")));
    assert_eq!(date("2023-02-28").add_days(1), Some(date("2023-03-01")));
    assert_eq!(date("2024-12-31").add_days(1), Some(date("2025-01-01")));
    assert_eq!(date("2025-01-01").add_days(-1), Some(date("2024-12-31")));
    assert_eq!(date("2024-01-01").days_until(date("2025-01-01")), 366);
    assert_eq!(date("2023-01-01").days_until(date("2024-01-01")), 365);
    assert_eq!(date(&format!("{MAX_YEAR}-12-31")).add_days(1), None);
    assert_eq!(date(&format!("{MIN_YEAR}-01-01")).add_days(-1), None);
    assert_eq!(date("2024-06-01").add_days(i64::MAX), None);
}

proptest! {
    #[test]
    fn counting_days_round_trips(days in date("1900-01-01").days_since_epoch()..=date("2999-12-31").days_since_epoch()) {
        let d = CalendarDate::from_days_since_epoch(days).unwrap();
        prop_assert_eq!(d.days_since_epoch(), days);
        prop_assert_eq!(CalendarDate::parse(&d.to_string()), Ok(d));
        // The next day is always one later and in calendar order.
        if let Some(next) = d.add_days(1) {
            prop_assert!(next > d);
            prop_assert_eq!(d.days_until(next), 1);
        }
    }

    #[test]
    fn any_text_is_read_or_refused_without_panicking(text in "\\PC{0,14}") {
        if let Ok(d) = CalendarDate::parse(&text) {
            prop_assert_eq!(d.to_string(), text);
        }
    }

    #[test]
    fn ratings_parse_only_on_the_scale(text in "[+-]?[0-9]{0,4}") {
        match NightRating::parse(&text) {
            Ok(rating) => prop_assert!(rating.points() <= 10),
            Err(_) => {
                let digits = text.trim_start_matches(['+', '-']);
                let n: Option<i64> = digits.parse().ok();
                let negative = text.starts_with('-') && n.is_some_and(|n| n > 0);
                prop_assert!(n.is_none() || n.is_some_and(|n| n > 10) || negative);
            }
        }
    }
}

#[test]
fn night_ratings_run_from_0_to_10() {
    assert_eq!(NightRating::parse("0").unwrap().points(), 0);
    assert_eq!(NightRating::parse(" 10 ").unwrap().points(), 10);
    assert_eq!(NightRating::parse("07").unwrap().points(), 7);
    assert_eq!(NightRating::parse("11"), Err(RatingError::OutOfRange));
    assert_eq!(NightRating::parse("-1"), Err(RatingError::OutOfRange));
    assert_eq!(
        NightRating::parse("99999999999"),
        Err(RatingError::OutOfRange)
    );
    for bad in ["", "  ", "5.5", "five", "NaN", "-", "1e1", "٥"] {
        assert_eq!(
            NightRating::parse(bad),
            Err(RatingError::NotAWholeNumber),
            "{bad:?}"
        );
    }
    assert!(NightRating::new(BAD_NIGHT_FROM).unwrap().is_bad());
    assert!(!NightRating::new(BAD_NIGHT_FROM - 1).unwrap().is_bad());
}

#[test]
fn notes_are_tidied_and_kept_short() {
    assert_eq!(
        clean_note("  woke at 3\nleft calf  ").unwrap(),
        "woke at 3 left calf"
    );
    assert_eq!(clean_note("").unwrap(), "");
    let longest = "é".repeat(MAX_NIGHT_NOTE_CHARS);
    assert_eq!(clean_note(&longest).unwrap(), longest);
    assert_eq!(clean_note(&format!("{longest}x")), Err(NoteError::TooLong));
}

#[test]
fn periods_hold_whole_days_in_order() {
    let week = Period::ending_on(date("2024-03-02"), 7).unwrap();
    assert_eq!(week.first(), date("2024-02-25"));
    assert_eq!(week.len_days(), 7);
    assert!(week.contains(date("2024-02-29")));
    assert!(!week.contains(date("2024-03-03")));
    assert_eq!(week.days().count(), 7);
    assert_eq!(
        Period::new(date("2024-03-02"), date("2024-03-01")),
        Err(PeriodError::EndsBeforeItStarts)
    );
    assert_eq!(
        Period::new(date("2020-01-01"), date("2024-01-01")),
        Err(PeriodError::TooLong)
    );
}

#[test]
fn averages_skip_days_without_entries() {
    let records = [
        day("2024-03-01", 200.0, 100.0, Some(6)),
        // Nothing entered on the 2nd: a gap, not a zero.
        night_only("2024-03-02", 2),
        day("2024-03-03", 300.0, 0.0, None),
        // Outside the week.
        day("2024-02-20", 1000.0, 1000.0, Some(10)),
    ];
    let stats = period_stats(&records, Period::ending_on(date("2024-03-03"), 7).unwrap());
    assert_eq!(stats.days_with_entries, 2);
    assert_eq!(stats.mean_food_mg, Some(250.0));
    assert_eq!(stats.mean_supplement_mg, Some(50.0));
    assert_eq!(stats.mean_total_mg(), Some(300.0));
    assert_eq!(stats.nights_rated, 2);
    assert_eq!(stats.mean_rating, Some(4.0));
    assert_eq!(stats.bad_nights, 1);
    assert!(!stats.food_incomplete);

    let empty = period_stats(&records, Period::ending_on(date("2024-01-31"), 7).unwrap());
    assert_eq!(empty.days_with_entries, 0);
    assert_eq!(empty.mean_total_mg(), None);
    assert_eq!(empty.mean_rating, None);
}

#[test]
fn a_food_without_data_makes_the_mean_at_least() {
    let mut record = day("2024-03-01", 100.0, 0.0, None);
    if let Some(intake) = record.intake.as_mut() {
        intake.food_complete = false;
    }
    let stats = period_stats(&[record], Period::ending_on(date("2024-03-01"), 1).unwrap());
    assert!(stats.food_incomplete);
}

#[test]
fn history_shows_every_day_with_gaps_where_nothing_was_recorded() {
    let records = [
        day("2024-03-01", 200.0, 100.0, Some(3)),
        night_only("2024-03-03", 4),
    ];
    let points = history(
        &records,
        Period::new(date("2024-02-29"), date("2024-03-03")).unwrap(),
    );
    let dates: Vec<String> = points.iter().map(|p| p.date.to_string()).collect();
    assert_eq!(
        dates,
        ["2024-02-29", "2024-03-01", "2024-03-02", "2024-03-03"]
    );
    assert_eq!(points[0].intake, None);
    assert_eq!(points[1].intake.map(|i| i.total_mg()), Some(300.0));
    assert_eq!(points[2].intake, None);
    assert_eq!(points[2].rating, None);
    assert_eq!(points[3].intake, None);
    assert_eq!(points[3].rating.map(NightRating::points), Some(4));
}

#[test]
fn before_and_after_split_at_the_first_supplement_dose() {
    let mut records = vec![day("2024-03-20", 250.0, 0.0, Some(7))];
    assert_eq!(before_and_after(&records, 14), None, "no dose yet");
    records.push(day("2024-04-01", 250.0, 200.0, Some(4)));
    records.push(day("2024-04-05", 250.0, 200.0, Some(3)));
    assert_eq!(first_supplement_day(&records), Some(date("2024-04-01")));
    let (before, after) = before_and_after(&records, 14).unwrap();
    assert_eq!(
        (before.first(), before.last()),
        (date("2024-03-18"), date("2024-03-31"))
    );
    assert_eq!(
        (after.first(), after.last()),
        (date("2024-04-01"), date("2024-04-14"))
    );

    let comparison = compare(&records, before, after);
    assert_eq!(comparison.before.mean_rating, Some(7.0));
    assert_eq!(comparison.after.mean_rating, Some(3.5));
    assert_eq!(comparison.after.mean_supplement_mg, Some(200.0));
    assert_eq!(comparison.before.bad_nights, 1);
    assert_eq!(comparison.after.bad_nights, 0);
    assert!(comparison.too_few_nights, "a handful of nights says little");
}

#[test]
fn enough_nights_on_both_sides_lift_the_few_nights_caveat() {
    let start = date("2024-04-01");
    let records: Vec<DayRecord> = (-14..14)
        .map(|offset| {
            let d = start.add_days(offset).unwrap().to_string();
            day(&d, 250.0, if offset >= 0 { 200.0 } else { 0.0 }, Some(5))
        })
        .collect();
    let (before, after) = before_and_after(&records, 14).unwrap();
    let comparison = compare(&records, before, after);
    assert!(comparison.before.nights_rated >= FEW_NIGHTS);
    assert!(!comparison.too_few_nights);
}

/// A day with doses and no food entered says nothing of what was eaten: the food mean leaves it
/// out, the supplement mean counts it, and nights cramps woke the person are counted.
#[test]
fn a_day_of_doses_alone_is_no_day_of_zero_food() {
    let mut cramped = night_only("2025-03-03", 6);
    cramped.cramps_woke = true;
    let records = [
        day("2025-03-01", 300.0, 100.0, None),
        day("2025-03-02", 0.0, 200.0, None),
        cramped,
    ];
    let period = Period::new(date("2025-03-01"), date("2025-03-07")).unwrap();
    let stats = period_stats(&records, period);
    assert_eq!(stats.days_with_entries, 2);
    assert_eq!(stats.days_with_food, 1);
    assert_eq!(stats.mean_food_mg, Some(300.0));
    assert_eq!(stats.mean_supplement_mg, Some(150.0));
    assert_eq!(stats.mean_total_mg(), Some(450.0));
    assert_eq!(stats.cramp_nights, 1);
}
