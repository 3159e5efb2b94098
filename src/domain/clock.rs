//! Clock times of the day, as minutes since midnight, read from `HH:MM` (what an
//! `<input type="time">` gives). Arithmetic goes round the clock, so a window from 22:00 to
//! 02:00 is one window across midnight, not two halves or an empty range.

use std::fmt;

/// Minutes in a day: every clock time is below this.
pub const MINUTES_PER_DAY: u16 = 1_440;

/// A time of day to the minute, from 00:00 to 23:59.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u16);

/// Why text was not read as a clock time. The words a person reads are the page's, not these.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClockTimeError {
    /// Nothing typed where a time is needed.
    Empty,
    /// The browser holds a time it cannot read yet, such as hours without minutes (its time
    /// field then reports an empty value and marks the input bad).
    Incomplete,
    /// Not written as hours and minutes (`8am`, `0800`, `8.00`).
    NotATime,
    /// Hours over 23 or minutes over 59 (`24:00`, `12:60`).
    OutOfRange,
}

impl ClockTime {
    /// 00:00.
    pub const MIDNIGHT: ClockTime = ClockTime(0);

    /// The time `minutes` after midnight, or `None` from [`MINUTES_PER_DAY`] on.
    pub fn from_minutes(minutes: u16) -> Option<Self> {
        (minutes < MINUTES_PER_DAY).then_some(ClockTime(minutes))
    }

    /// The time `hour:minute`, or `None` for hours over 23 or minutes over 59.
    pub fn from_hm(hour: u8, minute: u8) -> Option<Self> {
        (hour < 24 && minute < 60).then(|| ClockTime(u16::from(hour) * 60 + u16::from(minute)))
    }

    /// Minutes since midnight, 0 to 1,439.
    pub fn minutes(self) -> u16 {
        self.0
    }

    /// The hour, 0 to 23.
    pub fn hour(self) -> u8 {
        // Below 1,440 / 60 = 24, so it fits.
        (self.0 / 60) as u8
    }

    /// The minute within the hour, 0 to 59.
    pub fn minute(self) -> u8 {
        (self.0 % 60) as u8
    }

    /// Reads `HH:MM` or `H:MM` (24-hour clock, surrounding white space ignored), and `HH:MM:SS`
    /// with 00 seconds, which some browsers give for a time field; anything else is refused with
    /// the reason, never read as some other time.
    pub fn parse(text: &str) -> Result<Self, ClockTimeError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ClockTimeError::Empty);
        }
        let mut parts = text.split(':');
        let (Some(hours), Some(minutes)) = (parts.next(), parts.next()) else {
            return Err(ClockTimeError::NotATime);
        };
        match parts.next() {
            None => {}
            Some("00") if parts.next().is_none() => {}
            Some(_) => return Err(ClockTimeError::NotATime),
        }
        let digits = |part: &str, widths: &[usize]| {
            (widths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u8>().ok())
                .flatten()
        };
        let hour = digits(hours, &[1, 2]).ok_or(ClockTimeError::NotATime)?;
        let minute = digits(minutes, &[2]).ok_or(ClockTimeError::NotATime)?;
        Self::from_hm(hour, minute).ok_or(ClockTimeError::OutOfRange)
    }

    /// Reads an optional time field: empty text is no time; anything else must be a time.
    pub fn parse_optional(text: &str) -> Result<Option<Self>, ClockTimeError> {
        match Self::parse(text) {
            Ok(time) => Ok(Some(time)),
            Err(ClockTimeError::Empty) => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// The time `minutes` later (earlier when negative), round the clock.
    pub fn plus_minutes(self, minutes: i32) -> Self {
        let day = i32::from(MINUTES_PER_DAY);
        // rem_euclid keeps it in 0..1440, which fits u16.
        ClockTime((i32::from(self.0) + minutes).rem_euclid(day) as u16)
    }

    /// Minutes forward from `self` to `later`, round the clock: 0 to 1,439 (23:00 to 01:00 is
    /// 120).
    pub fn minutes_until(self, later: ClockTime) -> u16 {
        (later.0 + MINUTES_PER_DAY - self.0) % MINUTES_PER_DAY
    }

    /// Minutes from `reference` to `self` the short way round the clock, from -719 to 720:
    /// negative when `self` comes before `reference` (01:00 is -120 from 03:00, and +120 from
    /// 23:00). Exactly opposite times count as after.
    pub fn minutes_from(self, reference: ClockTime) -> i16 {
        let forward = i16::try_from(reference.minutes_until(self)).unwrap_or(0);
        if forward > 720 {
            forward - 1_440
        } else {
            forward
        }
    }
}

impl fmt::Display for ClockTime {
    /// `HH:MM`, as a time field shows it and as saved data stores it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}
