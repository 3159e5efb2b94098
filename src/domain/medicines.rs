//! The medicines magnesium interferes with, by group, each with its rule as data (how far apart
//! magnesium must be taken, or what to ask the doctor), and the checks of a day's doses against
//! the person's medicines: which dose is too close to which medicine, which doses need a time,
//! and the times that satisfy every rule at once.
//!
//! Source: `shared/reference/magnesium.md`, "Medicines and magnesium", whose table is the whole
//! rule set here. It cites the NIH Office of Dietary Supplements' Magnesium fact sheet for
//! health professionals ("Interactions with Medications"), Gröber 2019 (Int J Mol Sci 20:2094,
//! PMC6539869) and drug labels; each group's rule below names its own source.
//!
//! A medicine is taken at the same clock time every day, so each rule's window repeats every
//! 24 hours and wraps past midnight: a dose at 23:30 is 90 minutes before a medicine at 01:00.

use super::choice::Choice;
use super::clock::{ClockTime, MINUTES_PER_DAY};
use super::plan::{EntryId, SupplementDose};

/// The most medicines the list holds; far more than anyone takes, and it keeps a hand-edited
/// file from making every check slow.
pub const MAX_MEDICINES: usize = 30;

/// The medicine groups of the reference table, in its order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MedicineGroup {
    /// Bisphosphonates (alendronate, risedronate, ibandronate).
    Bisphosphonates,
    /// Tetracycline antibiotics (doxycycline, minocycline; the table also names demeclocycline).
    Tetracyclines,
    /// Quinolone antibiotics (ciprofloxacin, levofloxacin, moxifloxacin).
    Quinolones,
    /// Levothyroxine.
    Levothyroxine,
    /// Gabapentin.
    Gabapentin,
    /// HIV integrase inhibitors (dolutegravir, raltegravir, bictegravir).
    HivIntegraseInhibitors,
    /// Iron taken by mouth.
    OralIron,
    /// Loop and thiazide diuretics (furosemide, bumetanide, hydrochlorothiazide).
    LoopAndThiazideDiuretics,
    /// Potassium-sparing diuretics (amiloride, spironolactone).
    PotassiumSparingDiuretics,
    /// Proton pump inhibitors (omeprazole, esomeprazole, pantoprazole); the rule concerns long
    /// use (over a year).
    ProtonPumpInhibitors,
}

/// How far apart magnesium and a medicine must be taken: magnesium must not be taken from
/// `before_minutes` before the medicine to `after_minutes` after it. Both ends are allowed ("at
/// least 2 hours" is met at exactly 2 hours); the same minute as the medicine never is, which
/// matters where one side is 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Separation {
    /// Magnesium must not come less than this many minutes before the medicine.
    pub before_minutes: u16,
    /// Magnesium must not come less than this many minutes after the medicine.
    pub after_minutes: u16,
    /// Where the source gives a range for the time before (tetracyclines and quinolones: the
    /// antibiotic "4–6 hours after magnesium"), the range's shorter end in minutes. The planner
    /// keeps the longer end in `before_minutes`, which satisfies either reading, and the page
    /// says so.
    pub before_range_from_minutes: Option<u16>,
}

impl Separation {
    /// Whether a dose `minutes_from_medicine` from the medicine (negative: before it; see
    /// [`ClockTime::minutes_from`]) breaks the rule.
    pub fn forbids(self, minutes_from_medicine: i16) -> bool {
        let d = i32::from(minutes_from_medicine);
        d == 0 || (-i32::from(self.before_minutes) < d && d < i32::from(self.after_minutes))
    }

    /// Whether a dose at `dose` breaks the rule for a medicine taken at `medicine`.
    pub fn forbids_at(self, medicine: ClockTime, dose: ClockTime) -> bool {
        self.forbids(dose.minutes_from(medicine))
    }
}

/// What to ask the doctor about a medicine that has no timing rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DoctorAdvice {
    /// Ask about a blood test: long use raises magnesium loss in urine and may lead to low
    /// magnesium (loop and thiazide diuretics).
    AskAboutBloodTest,
    /// Ask before supplementing: the medicine reduces magnesium excretion, so supplements can
    /// build up (potassium-sparing diuretics).
    AskBeforeSupplementing,
    /// Magnesium checked before and during long use, as the FDA advises: long use can cause low
    /// blood magnesium that supplements often do not correct (proton pump inhibitors).
    CheckBeforeAndDuringLongUse,
}

/// A group's rule: a time apart, or advice for the doctor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Magnesium and the medicine must be taken apart.
    Separate(Separation),
    /// No timing rule; something to ask the doctor.
    Advice(DoctorAdvice),
}

/// Where a group's rule comes from (the reference table's "Advice" column).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleSource {
    /// NIH Office of Dietary Supplements, Magnesium fact sheet for health professionals.
    Ods,
    /// Levothyroxine product labels.
    LevothyroxineLabels,
    /// The gabapentin label.
    GabapentinLabel,
    /// The labels of the HIV integrase inhibitors.
    IntegraseInhibitorLabels,
    /// Iron product labels.
    IronProductLabels,
}

/// A group's rule and its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupRule {
    /// The rule.
    pub rule: Rule,
    /// Where it comes from.
    pub source: RuleSource,
}

const HOUR: u16 = 60;

/// Apart by at least `hours` on both sides.
const fn either_side(hours: u16) -> Separation {
    Separation {
        before_minutes: hours * HOUR,
        after_minutes: hours * HOUR,
        before_range_from_minutes: None,
    }
}

/// Tetracyclines and quinolones (ODS): "antibiotic at least 2 hours before or 4–6 hours after
/// magnesium", so magnesium at least 2 hours after the antibiotic or 6 hours before it.
const ANTIBIOTIC: Separation = Separation {
    before_minutes: 6 * HOUR,
    after_minutes: 2 * HOUR,
    before_range_from_minutes: Some(4 * HOUR),
};

/// In the reference table's order; the value is the one in saved data.
impl Choice for MedicineGroup {
    const ALL: &'static [Self] = &[
        MedicineGroup::Bisphosphonates,
        MedicineGroup::Tetracyclines,
        MedicineGroup::Quinolones,
        MedicineGroup::Levothyroxine,
        MedicineGroup::Gabapentin,
        MedicineGroup::HivIntegraseInhibitors,
        MedicineGroup::OralIron,
        MedicineGroup::LoopAndThiazideDiuretics,
        MedicineGroup::PotassiumSparingDiuretics,
        MedicineGroup::ProtonPumpInhibitors,
    ];

    fn value(self) -> &'static str {
        match self {
            MedicineGroup::Bisphosphonates => "bisphosphonates",
            MedicineGroup::Tetracyclines => "tetracyclines",
            MedicineGroup::Quinolones => "quinolones",
            MedicineGroup::Levothyroxine => "levothyroxine",
            MedicineGroup::Gabapentin => "gabapentin",
            MedicineGroup::HivIntegraseInhibitors => "hiv-integrase-inhibitors",
            MedicineGroup::OralIron => "oral-iron",
            MedicineGroup::LoopAndThiazideDiuretics => "loop-thiazide-diuretics",
            MedicineGroup::PotassiumSparingDiuretics => "potassium-sparing-diuretics",
            MedicineGroup::ProtonPumpInhibitors => "proton-pump-inhibitors",
        }
    }
}

impl MedicineGroup {
    /// Medicines of the group by their generic names, as the reference table gives them; empty
    /// where the group is one medicine. For tetracyclines the table also names demeclocycline;
    /// the UI contract's option text names these two.
    pub fn examples(self) -> &'static [&'static str] {
        match self {
            MedicineGroup::Bisphosphonates => &["alendronate", "risedronate", "ibandronate"],
            MedicineGroup::Tetracyclines => &["doxycycline", "minocycline"],
            MedicineGroup::Quinolones => &["ciprofloxacin", "levofloxacin", "moxifloxacin"],
            MedicineGroup::Levothyroxine | MedicineGroup::Gabapentin | MedicineGroup::OralIron => {
                &[]
            }
            MedicineGroup::HivIntegraseInhibitors => {
                &["dolutegravir", "raltegravir", "bictegravir"]
            }
            MedicineGroup::LoopAndThiazideDiuretics => {
                &["furosemide", "bumetanide", "hydrochlorothiazide"]
            }
            MedicineGroup::PotassiumSparingDiuretics => &["amiloride", "spironolactone"],
            MedicineGroup::ProtonPumpInhibitors => &["omeprazole", "esomeprazole", "pantoprazole"],
        }
    }

    /// The group's rule and source, from the reference table's "Advice" column (see the
    /// module's sources).
    pub fn rule(self) -> GroupRule {
        let (rule, source) = match self {
            // "separate by at least 2 hours (ODS)"
            MedicineGroup::Bisphosphonates => (Rule::Separate(either_side(2)), RuleSource::Ods),
            // "antibiotic at least 2 hours before or 4–6 hours after magnesium (ODS)"
            MedicineGroup::Tetracyclines | MedicineGroup::Quinolones => {
                (Rule::Separate(ANTIBIOTIC), RuleSource::Ods)
            }
            // "at least 4 hours apart (levothyroxine labels)"
            MedicineGroup::Levothyroxine => (
                Rule::Separate(either_side(4)),
                RuleSource::LevothyroxineLabels,
            ),
            // "gabapentin at least 2 hours after (gabapentin label)": magnesium not in the two
            // hours before it. The label says nothing of magnesium after gabapentin.
            MedicineGroup::Gabapentin => (
                Rule::Separate(Separation {
                    before_minutes: 2 * HOUR,
                    after_minutes: 0,
                    before_range_from_minutes: None,
                }),
                RuleSource::GabapentinLabel,
            ),
            // "2 hours before or 6 hours after (labels)": the medicine 2 hours before magnesium
            // or 6 hours after it.
            MedicineGroup::HivIntegraseInhibitors => (
                Rule::Separate(Separation {
                    before_minutes: 6 * HOUR,
                    after_minutes: 2 * HOUR,
                    before_range_from_minutes: None,
                }),
                RuleSource::IntegraseInhibitorLabels,
            ),
            // "take apart, at least 2 hours (iron product labels)"
            MedicineGroup::OralIron => (
                Rule::Separate(either_side(2)),
                RuleSource::IronProductLabels,
            ),
            // "ask the doctor about a blood test (ODS)"
            MedicineGroup::LoopAndThiazideDiuretics => (
                Rule::Advice(DoctorAdvice::AskAboutBloodTest),
                RuleSource::Ods,
            ),
            // "ask the doctor before supplementing (ODS)"
            MedicineGroup::PotassiumSparingDiuretics => (
                Rule::Advice(DoctorAdvice::AskBeforeSupplementing),
                RuleSource::Ods,
            ),
            // "FDA: check magnesium before and during long use (ODS)"
            MedicineGroup::ProtonPumpInhibitors => (
                Rule::Advice(DoctorAdvice::CheckBeforeAndDuringLongUse),
                RuleSource::Ods,
            ),
        };
        GroupRule { rule, source }
    }

    /// The group's timing rule, if it has one.
    pub fn separation(self) -> Option<Separation> {
        match self.rule().rule {
            Rule::Separate(separation) => Some(separation),
            Rule::Advice(_) => None,
        }
    }
}

/// Why a medicine was not added to the list. The words a person reads are the page's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MedicineError {
    /// A group with a timing rule needs the time it is taken.
    TimeNeeded,
    /// The same group at the same time is already listed.
    AlreadyListed,
    /// The list already holds [`MAX_MEDICINES`].
    TooMany,
}

/// One medicine the person takes: its group, and when in the day (every day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Medicine {
    /// Its group.
    pub group: MedicineGroup,
    /// When it is taken; always present for groups with a timing rule.
    pub time: Option<ClockTime>,
}

impl Medicine {
    /// A medicine, refused without a time when its group has a timing rule (a rule cannot be
    /// checked against a medicine taken at no known time).
    pub fn new(group: MedicineGroup, time: Option<ClockTime>) -> Result<Self, MedicineError> {
        if group.separation().is_some() && time.is_none() {
            return Err(MedicineError::TimeNeeded);
        }
        Ok(Self { group, time })
    }

    /// The timing rule and the time it counts from, if the group has a rule.
    pub fn timed_rule(self) -> Option<(Separation, ClockTime)> {
        Some((self.group.separation()?, self.time?))
    }
}

/// Adds `medicine` to `list` (kept in the order added), refusing one already listed at the same
/// time and a list that is full; `list` is unchanged on refusal.
pub fn add_medicine(list: &mut Vec<Medicine>, medicine: Medicine) -> Result<(), MedicineError> {
    let checked = Medicine::new(medicine.group, medicine.time)?;
    if list.contains(&checked) {
        return Err(MedicineError::AlreadyListed);
    }
    if list.len() >= MAX_MEDICINES {
        return Err(MedicineError::TooMany);
    }
    list.push(checked);
    Ok(())
}

/// Removes `medicine` from `list`; one not listed changes nothing.
pub fn remove_medicine(list: &mut Vec<Medicine>, medicine: Medicine) {
    list.retain(|m| *m != medicine);
}

/// Builds a list as [`add_medicine`] would, one by one, refusing what it would refuse; saved
/// data is read through this.
pub fn medicine_list(
    medicines: impl IntoIterator<Item = Medicine>,
) -> Result<Vec<Medicine>, MedicineError> {
    let mut list = Vec::new();
    for medicine in medicines {
        add_medicine(&mut list, medicine)?;
    }
    Ok(list)
}

/// Which side of the medicine a conflicting dose is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The dose comes before the medicine.
    Before,
    /// At the same minute.
    SameTime,
    /// The dose comes after the medicine.
    After,
}

/// A dose taken too close to a medicine: which dose, which medicine, which rule, by how much.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The dose's id in the plan.
    pub dose_id: EntryId,
    /// When the dose is taken.
    pub dose_time: ClockTime,
    /// The medicine's group.
    pub group: MedicineGroup,
    /// When the medicine is taken.
    pub medicine_time: ClockTime,
    /// The rule broken.
    pub separation: Separation,
    /// The rule's source.
    pub source: RuleSource,
    /// Minutes from the medicine to the dose the short way round the clock, negative when the
    /// dose comes first (see [`ClockTime::minutes_from`]).
    pub minutes_from_medicine: i16,
}

impl Conflict {
    /// Which side of the medicine the dose is on.
    pub fn side(&self) -> Side {
        match self.minutes_from_medicine {
            0 => Side::SameTime,
            d if d < 0 => Side::Before,
            _ => Side::After,
        }
    }

    /// How far apart dose and medicine are, in minutes, whichever comes first.
    pub fn minutes_apart(&self) -> u16 {
        self.minutes_from_medicine.unsigned_abs()
    }

    /// How many minutes the dose must move away from the medicine, on its side, to meet the
    /// rule; at the same minute, the nearer way out.
    pub fn short_by_minutes(&self) -> u16 {
        let apart = self.minutes_apart();
        let rule = self.separation;
        match self.side() {
            Side::Before => rule.before_minutes.saturating_sub(apart),
            Side::After => rule.after_minutes.saturating_sub(apart),
            // With no time needed after it, one minute after already meets the rule.
            Side::SameTime => rule.before_minutes.min(rule.after_minutes.max(1)),
        }
    }
}

/// Every dose with a clock time that breaks a medicine's timing rule, once per pair of dose
/// and medicine, in the order of the doses and then of the medicines.
pub fn conflicts(doses: &[SupplementDose], medicines: &[Medicine]) -> Vec<Conflict> {
    let mut found = Vec::new();
    for dose in doses {
        let Some(dose_time) = dose.input.time.and_then(|t| t.clock()) else {
            continue;
        };
        for medicine in medicines {
            let Some((separation, medicine_time)) = medicine.timed_rule() else {
                continue;
            };
            let minutes_from_medicine = dose_time.minutes_from(medicine_time);
            if separation.forbids(minutes_from_medicine) {
                found.push(Conflict {
                    dose_id: dose.id,
                    dose_time,
                    group: medicine.group,
                    medicine_time,
                    separation,
                    source: medicine.group.rule().source,
                    minutes_from_medicine,
                });
            }
        }
    }
    found
}

/// Whether any of the medicines has a timing rule, so that a dose's time matters.
pub fn timing_matters(medicines: &[Medicine]) -> bool {
    medicines.iter().any(|m| m.timed_rule().is_some())
}

/// The doses with no clock time (none given, or a part of the day saved by an earlier version)
/// while a timing rule applies: they cannot be checked, and the page says that their time
/// matters. Empty when no medicine has a timing rule.
pub fn doses_needing_a_time(doses: &[SupplementDose], medicines: &[Medicine]) -> Vec<EntryId> {
    if !timing_matters(medicines) {
        return Vec::new();
    }
    let mut untimed = Vec::new();
    for dose in doses {
        if dose.input.time.and_then(|t| t.clock()).is_none() {
            untimed.push(dose.id);
        }
    }
    untimed
}

/// Whether magnesium at `time` meets every medicine's timing rule.
pub fn is_safe(medicines: &[Medicine], time: ClockTime) -> bool {
    medicines.iter().all(|m| match m.timed_rule() {
        Some((separation, medicine_time)) => !separation.forbids_at(medicine_time, time),
        None => true,
    })
}

/// The first time at or after `from`, going round the clock, at which magnesium meets every
/// medicine's timing rule at once; `None` when no minute of the day does.
pub fn earliest_safe_time(medicines: &[Medicine], from: ClockTime) -> Option<ClockTime> {
    for step in 0..MINUTES_PER_DAY {
        let time = from.plus_minutes(i32::from(step));
        if is_safe(medicines, time) {
            return Some(time);
        }
    }
    None
}

/// A stretch of the day, to the minute, in which magnesium meets every rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SafePeriod {
    /// Its first minute.
    pub start: ClockTime,
    /// How many minutes it holds, 1 to 1,440 (1,440: the whole day).
    pub minutes: u16,
}

impl SafePeriod {
    /// Its last minute (both ends are safe).
    pub fn last(self) -> ClockTime {
        self.start.plus_minutes(i32::from(self.minutes) - 1)
    }

    /// Whether it is the whole day, so no rule limits the time.
    pub fn is_whole_day(self) -> bool {
        self.minutes >= MINUTES_PER_DAY
    }
}

/// How many minutes from `start` on stay safe, up to a whole day.
fn safe_run(medicines: &[Medicine], start: ClockTime) -> u16 {
    let mut minutes = 0;
    while minutes < MINUTES_PER_DAY && is_safe(medicines, start.plus_minutes(i32::from(minutes))) {
        minutes += 1;
    }
    minutes
}

/// The safe stretch that begins at [`earliest_safe_time`] from `from`: the time to offer and
/// how long it stays safe. `None` when no minute of the day is safe.
pub fn safe_period_from(medicines: &[Medicine], from: ClockTime) -> Option<SafePeriod> {
    let start = earliest_safe_time(medicines, from)?;
    Some(SafePeriod {
        start,
        minutes: safe_run(medicines, start),
    })
}

/// Every stretch of the day in which magnesium meets every rule, each whole (one that runs past
/// midnight is one period), in order of their start from 00:00. The whole day when no rule
/// limits the time; empty when no minute is safe.
pub fn safe_periods(medicines: &[Medicine]) -> Vec<SafePeriod> {
    // Plain loops rather than chains of iterator adapters, each of which puts its own code in
    // the wasm.
    let mut safe = [false; MINUTES_PER_DAY as usize];
    for (minute, safe) in (0..MINUTES_PER_DAY).zip(&mut safe) {
        *safe = ClockTime::from_minutes(minute).is_some_and(|t| is_safe(medicines, t));
    }
    if !safe.contains(&false) {
        return vec![SafePeriod {
            start: ClockTime::MIDNIGHT,
            minutes: MINUTES_PER_DAY,
        }];
    }
    let day = safe.len();
    let mut periods = Vec::new();
    for minute in 0..MINUTES_PER_DAY {
        let m = usize::from(minute);
        // A period starts at a safe minute after an unsafe one.
        if !safe[m] || safe[(m + day - 1) % day] {
            continue;
        }
        let Some(start) = ClockTime::from_minutes(minute) else {
            continue;
        };
        let mut minutes = 0;
        while minutes < MINUTES_PER_DAY && safe[(m + usize::from(minutes)) % day] {
            minutes += 1;
        }
        periods.push(SafePeriod { start, minutes });
    }
    periods
}
