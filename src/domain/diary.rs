//! The diary's pure half: calendar days as the person's own clock names them, how the legs were
//! each night, and what a run of days adds up to (averages, a history, two periods compared).
//!
//! A day is a *local* calendar date: the browser tells the date on the person's own clock, and
//! nothing here knows about time zones, so a day never shifts when the clock crosses midnight
//! in UTC or when the person travels. Dates use the proleptic Gregorian calendar.

use std::fmt;

/// The earliest year the diary accepts; nobody records a night before it.
pub const MIN_YEAR: i32 = 1900;
/// The latest year the diary accepts; later years are typing slips (a date field allows 275760).
pub const MAX_YEAR: i32 = 2999;

/// Whether `year` has a 29th of February (every 4th year, except centuries not divisible by 400).
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// How many days `month` (1–12) of `year` has; 0 for a month that does not exist.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Why a date was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not written as `YYYY-MM-DD`, the form a date field's value takes.
    Malformed,
    /// A year outside [`MIN_YEAR`]–[`MAX_YEAR`].
    YearOutOfRange,
    /// A month or day the calendar does not have (the 30th of February, month 13).
    NoSuchDay,
}

/// One day of the calendar, on the person's own clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    year: i32,
    month: u8,
    day: u8,
}

impl CalendarDate {
    /// The date, if the calendar has it and the year is in range.
    pub fn new(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(DateError::YearOutOfRange);
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError::NoSuchDay);
        }
        Ok(Self { year, month, day })
    }

    /// Reads `YYYY-MM-DD` exactly (what `<input type="date">` gives and saved data holds).
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let bytes = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = bytes.get(range)?;
            part.iter().all(u8::is_ascii_digit).then(|| {
                part.iter()
                    .fold(0u32, |n, digit| n * 10 + u32::from(digit - b'0'))
            })
        };
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(DateError::Malformed);
        }
        let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10))
        else {
            return Err(DateError::Malformed);
        };
        // Four digits, two and two: each fits its type.
        Self::new(year as i32, month as u8, day as u8)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 (January) to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u8 {
        self.day
    }

    /// The date as a rank for [`super::order::sort_by_rank`]: earlier dates rank lower.
    pub fn rank(self) -> u64 {
        // Years 1 to 9999 lie within ±3,700,000 days of 1970: the offset keeps them positive.
        (self.days_since_epoch() + 4_000_000).max(0) as u64
    }

    /// Days since 1970-01-01 (negative before it), so that days can be counted and compared.
    ///
    /// Howard Hinnant's `days_from_civil`: the year is shifted to start in March, so the leap
    /// day falls at the end of the shifted year and every month's offset is a fixed formula.
    pub fn days_since_epoch(self) -> i64 {
        let month = i64::from(self.month);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month_from_march = (month + 9) % 12;
        let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01, if its year is in range (the inverse of
    /// [`CalendarDate::days_since_epoch`]).
    pub fn from_days_since_epoch(days: i64) -> Option<Self> {
        let shifted = days.checked_add(719_468)?;
        let era = shifted.div_euclid(146_097);
        let day_of_era = shifted - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 {
            month_from_march + 3
        } else {
            month_from_march - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        let year = i32::try_from(year).ok()?;
        // The arithmetic keeps month in 1–12 and day in 1–31.
        Self::new(year, month as u8, day as u8).ok()
    }

    /// The date `days` later (earlier when negative), if it is in range.
    pub fn add_days(self, days: i64) -> Option<Self> {
        Self::from_days_since_epoch(self.days_since_epoch().checked_add(days)?)
    }

    /// How many days `later` comes after `self` (negative when it comes before).
    pub fn days_until(self, later: Self) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }
}

impl fmt::Display for CalendarDate {
    /// `YYYY-MM-DD`, the form a date field and saved data use.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The highest night rating.
pub const MAX_NIGHT_RATING: u8 = 10;

/// Nights rated this or worse count as bad nights in a comparison.
pub const BAD_NIGHT_FROM: u8 = 5;

/// How bad the legs (cramps, restlessness) were in a night, from 0 (none) to 10 (worst
/// imaginable).
///
/// The planner's own simple scale, not the International Restless Legs Scale (IRLS), which is
/// a licensed ten-question instrument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NightRating(u8);

/// Why a night rating was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RatingError {
    /// Not a whole number.
    NotAWholeNumber,
    /// Below 0 or above [`MAX_NIGHT_RATING`].
    OutOfRange,
}

impl NightRating {
    /// The rating, if it is on the scale.
    pub fn new(points: u8) -> Result<Self, RatingError> {
        if points <= MAX_NIGHT_RATING {
            Ok(Self(points))
        } else {
            Err(RatingError::OutOfRange)
        }
    }

    /// Reads a rating as typed: a whole number from 0 to 10, white space around it ignored.
    pub fn parse(text: &str) -> Result<Self, RatingError> {
        let text = text.trim();
        let unsigned = text.strip_prefix('+').unwrap_or(text);
        let (negative, unsigned) = match unsigned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, unsigned),
        };
        if unsigned.is_empty() || !unsigned.bytes().all(|b| b.is_ascii_digit()) {
            return Err(RatingError::NotAWholeNumber);
        }
        // "-0" is still none at all; any other negative is below the scale.
        if negative && unsigned.bytes().any(|b| b != b'0') {
            return Err(RatingError::OutOfRange);
        }
        // Leading zeros are fine ("05"); any longer run of digits is out of range.
        let trimmed = unsigned.trim_start_matches('0');
        if trimmed.len() > 2 {
            return Err(RatingError::OutOfRange);
        }
        let points = trimmed
            .bytes()
            .fold(0u8, |n, digit| n * 10 + (digit - b'0'));
        Self::new(points)
    }

    /// The points, 0 to 10.
    pub fn points(self) -> u8 {
        self.0
    }

    /// Whether this night counts as a bad one (rated [`BAD_NIGHT_FROM`] or more).
    pub fn is_bad(self) -> bool {
        self.0 >= BAD_NIGHT_FROM
    }
}

/// The longest night note the diary keeps, in characters: a line or two, not a journal.
pub const MAX_NIGHT_NOTE_CHARS: usize = 280;

/// Why a night note was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteError {
    /// Longer than [`MAX_NIGHT_NOTE_CHARS`].
    TooLong,
}

/// Tidies a typed note: trimmed, control characters (a pasted line break, say) made spaces.
/// An empty note is fine: the note is optional.
pub fn clean_note(text: &str) -> Result<String, NoteError> {
    let mut cleaned = String::with_capacity(text.len());
    for c in text.trim().chars() {
        cleaned.push(if c.is_control() { ' ' } else { c });
    }
    if cleaned.chars().count() > MAX_NIGHT_NOTE_CHARS {
        Err(NoteError::TooLong)
    } else {
        Ok(cleaned)
    }
}

/// What the person recorded about one night; every part is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NightRecord {
    /// How bad the legs were, if rated.
    pub rating: Option<NightRating>,
    /// Whether cramps woke them.
    pub cramps_woke: bool,
    /// A short note, already cleaned by [`clean_note`].
    pub note: String,
}

impl NightRecord {
    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.rating.is_none() && !self.cramps_woke && self.note.is_empty()
    }
}

/// One calendar day as the history sees it: its magnesium (when anything was entered) and its
/// night.
#[derive(Clone, Debug, PartialEq)]
pub struct DayRecord {
    /// The day.
    pub date: CalendarDate,
    /// Its magnesium, or `None` when nothing was entered that day (a gap, never a zero).
    pub intake: Option<DayIntake>,
    /// How the night went, if rated.
    pub rating: Option<NightRating>,
    /// Whether cramps woke the person that night.
    pub cramps_woke: bool,
}

/// A day's magnesium, split as the chart and the comparison show it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DayIntake {
    /// From food and water, mg.
    pub food_mg: f64,
    /// From supplements and medicines, mg.
    pub supplement_mg: f64,
    /// False when some food of the day has no magnesium value, so `food_mg` is "at least".
    pub food_complete: bool,
    /// Whether any food was entered that day. A day with doses alone says nothing of what was
    /// eaten, so its `food_mg` of 0 is left out of food means (it is a gap, not a zero).
    pub food_entered: bool,
}

impl DayIntake {
    /// Food and supplements together, mg.
    pub fn total_mg(&self) -> f64 {
        self.food_mg + self.supplement_mg
    }
}

/// A run of whole days, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    first: CalendarDate,
    last: CalendarDate,
}

/// Why a period was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodError {
    /// Its last day comes before its first.
    EndsBeforeItStarts,
    /// Longer than [`MAX_PERIOD_DAYS`].
    TooLong,
}

/// The longest period the diary averages or compares: three years of days.
pub const MAX_PERIOD_DAYS: i64 = 3 * 366;

impl Period {
    /// The days from `first` to `last`, both included.
    pub fn new(first: CalendarDate, last: CalendarDate) -> Result<Self, PeriodError> {
        let days = first.days_until(last) + 1;
        if days < 1 {
            Err(PeriodError::EndsBeforeItStarts)
        } else if days > MAX_PERIOD_DAYS {
            Err(PeriodError::TooLong)
        } else {
            Ok(Self { first, last })
        }
    }

    /// The `days` days that end on `last` (the week ending today, say), if in range.
    pub fn ending_on(last: CalendarDate, days: u16) -> Option<Self> {
        let first = last.add_days(1 - i64::from(days.max(1)))?;
        Self::new(first, last).ok()
    }

    /// The first day.
    pub fn first(self) -> CalendarDate {
        self.first
    }

    /// The last day.
    pub fn last(self) -> CalendarDate {
        self.last
    }

    /// How many days it spans.
    pub fn len_days(self) -> u32 {
        // Period::new keeps the length within MAX_PERIOD_DAYS.
        (self.first.days_until(self.last) + 1) as u32
    }

    /// Whether `date` falls in it.
    pub fn contains(self, date: CalendarDate) -> bool {
        self.first <= date && date <= self.last
    }

    /// Every day of it, in order.
    pub fn days(self) -> impl Iterator<Item = CalendarDate> {
        let start = self.first.days_since_epoch();
        (0..i64::from(self.len_days()))
            .filter_map(move |offset| CalendarDate::from_days_since_epoch(start + offset))
    }
}

/// What a period adds up to. Means count only the days that have something to count: a day
/// with no entries is a day not recorded, not a day of zero magnesium, and a day with doses
/// but no food entered counts for supplements only.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PeriodStats {
    /// The period.
    pub period: Period,
    /// Days with any food or supplement entered.
    pub days_with_entries: u32,
    /// Days with food entered: what the food mean is taken over.
    pub days_with_food: u32,
    /// Mean magnesium from food and water over the days with food entered, mg.
    pub mean_food_mg: Option<f64>,
    /// Mean magnesium from supplements over the days with entries, mg (a day of food and no
    /// dose counts as none taken).
    pub mean_supplement_mg: Option<f64>,
    /// Whether some day's food total is only "at least" (a food without data).
    pub food_incomplete: bool,
    /// Nights that were rated.
    pub nights_rated: u32,
    /// Mean night rating over the rated nights.
    pub mean_rating: Option<f64>,
    /// Rated nights of [`BAD_NIGHT_FROM`] or worse.
    pub bad_nights: u32,
    /// Nights the person recorded that cramps woke them.
    pub cramp_nights: u32,
}

impl PeriodStats {
    /// Mean magnesium a day from food and supplements together: the food mean plus the
    /// supplement mean, each over the days it is taken over; `None` until both exist.
    pub fn mean_total_mg(&self) -> Option<f64> {
        Some(self.mean_food_mg? + self.mean_supplement_mg?)
    }
}

/// Sums up the days of `records` that fall in `period`. Each date should appear once; a date
/// given twice is counted twice.
pub fn period_stats(records: &[DayRecord], period: Period) -> PeriodStats {
    let (mut days_with_entries, mut days_with_food) = (0u32, 0u32);
    let (mut food_mg, mut supplement_mg) = (0.0, 0.0);
    let mut food_incomplete = false;
    let (mut nights_rated, mut rating_points, mut bad_nights) = (0u32, 0u32, 0u32);
    let mut cramp_nights = 0u32;
    for record in records {
        if !period.contains(record.date) {
            continue;
        }
        if let Some(intake) = record.intake {
            days_with_entries += 1;
            supplement_mg += intake.supplement_mg;
            if intake.food_entered {
                days_with_food += 1;
                food_mg += intake.food_mg;
                food_incomplete |= !intake.food_complete;
            }
        }
        if let Some(rating) = record.rating {
            nights_rated += 1;
            rating_points += u32::from(rating.points());
            bad_nights += u32::from(rating.is_bad());
        }
        cramp_nights += u32::from(record.cramps_woke);
    }
    let mean = |sum: f64, count: u32| (count > 0).then(|| sum / f64::from(count));
    PeriodStats {
        period,
        days_with_entries,
        days_with_food,
        mean_food_mg: mean(food_mg, days_with_food),
        mean_supplement_mg: mean(supplement_mg, days_with_entries),
        food_incomplete,
        nights_rated,
        mean_rating: mean(f64::from(rating_points), nights_rated),
        bad_nights,
        cramp_nights,
    }
}

/// One day of the history chart: `None` parts are gaps (nothing recorded), never zeros.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HistoryPoint {
    /// The day.
    pub date: CalendarDate,
    /// Its magnesium, if anything was entered.
    pub intake: Option<DayIntake>,
    /// Its night rating, if rated.
    pub rating: Option<NightRating>,
}

/// Every day of `period` in order, with what `records` hold for it.
pub fn history(records: &[DayRecord], period: Period) -> Vec<HistoryPoint> {
    // A plain loop rather than a map collected: each adapter chain puts its own code in the wasm.
    let mut points = Vec::new();
    let start = period.first.days_since_epoch();
    for offset in 0..i64::from(period.len_days()) {
        let Some(date) = CalendarDate::from_days_since_epoch(start + offset) else {
            continue;
        };
        let record = records.iter().find(|r| r.date == date);
        points.push(HistoryPoint {
            date,
            intake: record.and_then(|r| r.intake),
            rating: record.and_then(|r| r.rating),
        });
    }
    points
}

/// The day of the first supplement dose in the diary, if there is one: where a "before and
/// after" comparison naturally splits.
pub fn first_supplement_day(records: &[DayRecord]) -> Option<CalendarDate> {
    let mut first: Option<CalendarDate> = None;
    for record in records {
        if record.intake.is_some_and(|i| i.supplement_mg > 0.0)
            && first.is_none_or(|day| record.date < day)
        {
            first = Some(record.date);
        }
    }
    first
}

/// The comparison the page offers first: the `days` days before the first supplement dose and
/// the `days` days from it on. `None` before any dose is recorded.
pub fn before_and_after(records: &[DayRecord], days: u16) -> Option<(Period, Period)> {
    let start = first_supplement_day(records)?;
    let before = Period::ending_on(start.add_days(-1)?, days)?;
    let after = Period::new(start, start.add_days(i64::from(days.max(1)) - 1)?).ok()?;
    Some((before, after))
}

/// Fewer rated nights than this in either period and the comparison says it cannot tell much.
pub const FEW_NIGHTS: u32 = 7;

/// What can fairly be said of two periods side by side. Nights vary and a diary is not a
/// trial, so the planner never claims a difference is real; it only says when there are too
/// few nights to read anything into them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Comparison {
    /// The earlier period.
    pub before: PeriodStats,
    /// The later period.
    pub after: PeriodStats,
    /// Either period has fewer than [`FEW_NIGHTS`] rated nights.
    pub too_few_nights: bool,
}

/// The two periods' figures side by side.
pub fn compare(records: &[DayRecord], before: Period, after: Period) -> Comparison {
    let before = period_stats(records, before);
    let after = period_stats(records, after);
    Comparison {
        too_few_nights: before.nights_rated < FEW_NIGHTS || after.nights_rated < FEW_NIGHTS,
        before,
        after,
    }
}
