//! Official magnesium reference intakes and supplement upper levels, by authority, age, sex and
//! life stage.
//!
//! Every table below is copied from `shared/reference/magnesium.md` and names its source. An
//! age band written "14–18 years" runs from the 14th birthday up to, not including, the 19th;
//! bands in months follow the same rule in months, and "12 months" is the first birthday.

use std::fmt;

use super::choice::{Choice, saved_as_choice_value};
use super::profile::{AgeYears, Profile, Sex, Stage};

/// Whose reference values apply.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Authority {
    /// US National Academies / IOM, as published by the NIH Office of Dietary Supplements.
    #[default]
    Us,
    /// European Food Safety Authority, with the Scientific Committee on Food's upper level.
    Eu,
    /// UK Committee on Medical Aspects of Food Policy, with the EVM's guidance level.
    Uk,
    /// German, Austrian and Swiss nutrition societies, with the BfR/SCF upper level.
    Dach,
}

/// In the order the page lists them, the default first; the value is the one in saved data.
impl Choice for Authority {
    const ALL: &'static [Self] = &[Authority::Us, Authority::Eu, Authority::Uk, Authority::Dach];

    fn value(self) -> &'static str {
        match self {
            Authority::Us => "us",
            Authority::Eu => "eu",
            Authority::Uk => "uk",
            Authority::Dach => "dach",
        }
    }
}

saved_as_choice_value!(Authority);

impl Authority {
    /// The name a person reads in the guideline picker.
    pub fn label(self) -> &'static str {
        match self {
            Authority::Us => "United States (NIH/IOM)",
            Authority::Eu => "European Union (EFSA)",
            Authority::Uk => "United Kingdom (COMA)",
            Authority::Dach => "Germany, Austria, Switzerland (D-A-CH)",
        }
    }

    /// The publication the intake values come from.
    pub fn intake_source(self) -> &'static str {
        match self {
            Authority::Us => {
                "IOM Dietary Reference Intakes (1997), NIH Office of Dietary Supplements fact sheet"
            }
            Authority::Eu => "EFSA Dietary Reference Values for magnesium (2015)",
            Authority::Uk => "COMA Dietary Reference Values (1991)",
            Authority::Dach => "D-A-CH reference values (2021)",
        }
    }

    /// What kind of ceiling the authority's supplement limit is.
    pub fn limit_kind(self) -> LimitKind {
        match self {
            Authority::Uk => LimitKind::GuidanceLevel,
            _ => LimitKind::UpperLevel,
        }
    }

    /// The publication the supplement limit comes from.
    pub fn limit_source(self) -> &'static str {
        match self {
            Authority::Us => "IOM Tolerable Upper Intake Level (1997)",
            Authority::Eu => "Scientific Committee on Food upper level (2001)",
            Authority::Uk => "Expert Group on Vitamins and Minerals (2003)",
            Authority::Dach => "BfR (2017) and Scientific Committee on Food (2001) upper level",
        }
    }
}

impl fmt::Display for Authority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What kind of number a reference intake is; each authority has its own vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntakeKind {
    /// Recommended Dietary Allowance (US): covers nearly all healthy people.
    Rda,
    /// Adequate Intake (US infants, EFSA): set where the evidence does not allow an RDA.
    Ai,
    /// Reference Nutrient Intake (UK): enough for nearly all of a group.
    Rni,
    /// Estimated value (D-A-CH "Schätzwert"): set where requirements cannot be determined exactly.
    EstimatedValue,
}

impl IntakeKind {
    /// The short name printed beside the number.
    pub fn abbreviation(self) -> &'static str {
        match self {
            IntakeKind::Rda => "RDA",
            IntakeKind::Ai => "AI",
            IntakeKind::Rni => "RNI",
            IntakeKind::EstimatedValue => "estimated value",
        }
    }

    /// The full name, for screen readers and the explanation line.
    pub fn full_name(self) -> &'static str {
        match self {
            IntakeKind::Rda => "Recommended Dietary Allowance",
            IntakeKind::Ai => "Adequate Intake",
            IntakeKind::Rni => "Reference Nutrient Intake",
            IntakeKind::EstimatedValue => "estimated value for adequate intake",
        }
    }
}

/// What kind of ceiling a supplement limit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimitKind {
    /// A tolerable upper intake level (US UL, SCF/BfR upper level).
    UpperLevel,
    /// The UK's guidance level: an amount unlikely to cause harm, set where data were too thin for a UL.
    GuidanceLevel,
}

impl LimitKind {
    /// The short name printed beside the number.
    pub fn label(self) -> &'static str {
        match self {
            LimitKind::UpperLevel => "upper level",
            LimitKind::GuidanceLevel => "guidance level",
        }
    }

    /// The name at the start of a sentence.
    pub fn title(self) -> &'static str {
        match self {
            LimitKind::UpperLevel => "Upper level",
            LimitKind::GuidanceLevel => "Guidance level",
        }
    }
}

/// The day's reference intake for one profile.
#[derive(Clone, Debug, PartialEq)]
pub struct ReferenceIntake {
    /// Elemental magnesium, mg per day.
    pub mg: u32,
    /// RDA, AI, RNI or estimated value.
    pub kind: IntakeKind,
    /// The group the value is given for, in the source's terms ("Women 19–30 years").
    pub group: String,
}

/// The most supplemental magnesium the authority advises per day, where it sets one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SupplementLimit {
    /// A limit for supplements and medicines (never food) in mg per day.
    Established {
        /// Elemental magnesium from supplements and medicines, mg per day.
        mg: u32,
        /// Upper level or guidance level.
        kind: LimitKind,
    },
    /// The authority sets none for this age. This never means "any amount is fine": see
    /// [`EffectiveLimit`] for what the page warns against instead.
    NotEstablished,
}

impl SupplementLimit {
    /// The limit in mg, if one is established.
    pub fn mg(&self) -> Option<u32> {
        match self {
            SupplementLimit::Established { mg, .. } => Some(*mg),
            SupplementLimit::NotEstablished => None,
        }
    }
}

/// An age band of a limit table in whole years: from `from_years` (inclusive) up to
/// `until_years` (exclusive; `None` = open-ended), so "4–8 years" is 4 until 9.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AgeBand {
    /// The first birthday the band covers.
    pub from_years: u32,
    /// The birthday the band ends at, not included; `None` for "and over".
    pub until_years: Option<u32>,
}

/// The supplement limit the page shows and warns against for a profile, as facts the page
/// words: the chosen authority's own, or where it sets none for the age, the only one
/// published, or for infants the rule that supplements are not for them.
///
/// Source: `shared/reference/magnesium.md`, "Children and infants": the IOM sets no UL for
/// infants, whose magnesium should come from breast milk, formula and (from about 6 months)
/// food only; where an authority sets no limit for a child's age (UK under 18, SCF/EFSA and BfR
/// under 4), the IOM's limit for the age (65 mg at 1–3, 110 mg at 4–8, 350 mg from 9) is the
/// only published one. "Not established" never means "any amount is fine".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EffectiveLimit {
    /// The chosen authority's own limit for this age.
    Own {
        /// Elemental magnesium from supplements and medicines, mg per day.
        mg: u32,
        /// Upper level or guidance level.
        kind: LimitKind,
    },
    /// The chosen authority sets none for this age; the IOM's upper level for the age is the
    /// only published one, and the page warns above it.
    IomFallback {
        /// The IOM's upper level for the age, mg per day.
        mg: u32,
        /// The IOM age band the level belongs to.
        band: AgeBand,
        /// The age from which the chosen authority sets its own limit.
        authority_limit_from_years: u32,
    },
    /// Under 1 year: no authority sets a limit. An infant's magnesium comes from breast milk,
    /// formula and, from about 6 months, food; any supplement at all is warned about.
    Infant,
}

impl EffectiveLimit {
    /// The limit in mg the page compares supplements with; `None` for an infant, where any
    /// amount is warned about.
    pub fn mg(&self) -> Option<u32> {
        match self {
            EffectiveLimit::Own { mg, .. } | EffectiveLimit::IomFallback { mg, .. } => Some(*mg),
            EffectiveLimit::Infant => None,
        }
    }
}

/// Everything the page shows about one profile under one authority.
#[derive(Clone, Debug, PartialEq)]
pub struct ReferenceValues {
    /// The authority these values come from.
    pub authority: Authority,
    /// The day's intake target, or `None` where the authority gives no value for the age.
    pub intake: Option<ReferenceIntake>,
    /// Why there is no intake target, when `intake` is `None`.
    pub intake_missing_reason: Option<&'static str>,
    /// The chosen authority's own limit for supplemental magnesium.
    pub supplement_limit: SupplementLimit,
    /// What the page shows and warns against: the authority's limit, the IOM's where the
    /// authority sets none for the age, or the infant rule.
    pub effective_limit: EffectiveLimit,
    /// What the app used instead where the authority is silent (pregnancy values, say).
    pub notes: Vec<String>,
}

/// An age band, as months from birth: `from` inclusive, `to` exclusive (`None` = open-ended).
#[derive(Clone, Copy, Debug)]
struct Band {
    from_months: u32,
    to_months: Option<u32>,
}

impl Band {
    const fn months(from_months: u32, to_months: u32) -> Self {
        Self {
            from_months,
            to_months: Some(to_months),
        }
    }

    const fn years(from_years: u32, to_years: u32) -> Self {
        Self::months(from_years * 12, to_years * 12)
    }

    const fn years_and_over(from_years: u32) -> Self {
        Self {
            from_months: from_years * 12,
            to_months: None,
        }
    }

    fn contains(self, age: AgeYears) -> bool {
        age.has_reached_months(self.from_months)
            && self.to_months.is_none_or(|to| !age.has_reached_months(to))
    }

    /// The band in whole years; limit tables are drawn in years.
    fn in_years(self) -> AgeBand {
        AgeBand {
            from_years: self.from_months / 12,
            until_years: self.to_months.map(|to| to / 12),
        }
    }
}

/// One row of an intake table: the values for males and females in one age band.
struct IntakeRow {
    band: Band,
    label: &'static str,
    male_mg: u32,
    female_mg: u32,
    kind: IntakeKind,
}

const fn intake(
    band: Band,
    label: &'static str,
    male_mg: u32,
    female_mg: u32,
    kind: IntakeKind,
) -> IntakeRow {
    IntakeRow {
        band,
        label,
        male_mg,
        female_mg,
        kind,
    }
}

/// One row of a pregnancy and lactation table.
struct StageRow {
    band: Band,
    label: &'static str,
    pregnant_mg: u32,
    lactating_mg: u32,
}

/// One row of a supplement limit table; `None` means no limit is set for the band.
struct LimitRow {
    band: Band,
    mg: Option<u32>,
}

// Source: IOM (1997) Dietary Reference Intakes for Calcium, Phosphorus, Magnesium, Vitamin D and
// Fluoride, as tabulated in the NIH Office of Dietary Supplements' Magnesium fact sheet for
// health professionals (Table 1). Infants have Adequate Intakes; everyone else RDAs.
#[rustfmt::skip]
const US_INTAKES: &[IntakeRow] = &[
    intake(Band::months(0, 7),          "0–6 months",              30,  30,  IntakeKind::Ai),
    intake(Band::months(7, 12),         "7–12 months",             75,  75,  IntakeKind::Ai),
    intake(Band::years(1, 4),           "1–3 years",               80,  80,  IntakeKind::Rda),
    intake(Band::years(4, 9),           "4–8 years",               130, 130, IntakeKind::Rda),
    intake(Band::years(9, 14),          "9–13 years",              240, 240, IntakeKind::Rda),
    intake(Band::years(14, 19),         "14–18 years",             410, 360, IntakeKind::Rda),
    intake(Band::years(19, 31),         "19–30 years",             400, 310, IntakeKind::Rda),
    intake(Band::years(31, 51),         "31–50 years",             420, 320, IntakeKind::Rda),
    intake(Band::years_and_over(51),    "51 years and over",       420, 320, IntakeKind::Rda),
];

// Source: as US_INTAKES. The IOM gives pregnancy and lactation RDAs for ages 14–50 only.
#[rustfmt::skip]
const US_STAGES: &[StageRow] = &[
    StageRow { band: Band::years(14, 19), label: "14–18 years",  pregnant_mg: 400, lactating_mg: 360 },
    StageRow { band: Band::years(19, 31), label: "19–30 years",  pregnant_mg: 350, lactating_mg: 310 },
    StageRow { band: Band::years(31, 51), label: "31–50 years",  pregnant_mg: 360, lactating_mg: 320 },
];

// Source: IOM (1997) Tolerable Upper Intake Levels for supplemental magnesium (supplements and
// medicines only), via the NIH ODS fact sheet (Table 3). None for infants; pregnancy and
// lactation share the adult level.
#[rustfmt::skip]
const US_LIMITS: &[LimitRow] = &[
    LimitRow { band: Band::months(0, 12),         mg: None },
    LimitRow { band: Band::years(1, 4),           mg: Some(65) },
    LimitRow { band: Band::years(4, 9),           mg: Some(110) },
    LimitRow { band: Band::years_and_over(9),     mg: Some(350) },
];

// Source: EFSA NDA Panel, Scientific Opinion on Dietary Reference Values for magnesium,
// EFSA Journal 2015;13(7):4186. Adequate Intakes; none for infants under 7 months.
#[rustfmt::skip]
const EU_INTAKES: &[IntakeRow] = &[
    intake(Band::months(7, 12),         "7–11 months",             80,  80,  IntakeKind::Ai),
    intake(Band::years(1, 3),           "1 to under 3 years",      170, 170, IntakeKind::Ai),
    intake(Band::years(3, 10),          "3 to under 10 years",     230, 230, IntakeKind::Ai),
    intake(Band::years(10, 18),         "10 to under 18 years",    300, 250, IntakeKind::Ai),
    intake(Band::years_and_over(18),    "18 years and over",       350, 300, IntakeKind::Ai),
];

// Source: Scientific Committee on Food (2001), reprinted in EFSA's 2006 compendium of tolerable
// upper intake levels: 250 mg of readily dissociable salts from 4 years, pregnancy and lactation
// included; none below 4 years.
#[rustfmt::skip]
const EU_LIMITS: &[LimitRow] = &[
    LimitRow { band: Band::years(0, 4),           mg: None },
    LimitRow { band: Band::years_and_over(4),     mg: Some(250) },
];

// Source: Department of Health, COMA report "Dietary Reference Values for Food Energy and
// Nutrients for the United Kingdom" (1991). Reference Nutrient Intakes.
#[rustfmt::skip]
const UK_INTAKES: &[IntakeRow] = &[
    intake(Band::months(0, 4),          "0–3 months",              55,  55,  IntakeKind::Rni),
    intake(Band::months(4, 7),          "4–6 months",              60,  60,  IntakeKind::Rni),
    intake(Band::months(7, 10),         "7–9 months",              75,  75,  IntakeKind::Rni),
    intake(Band::months(10, 12),        "10–12 months",            80,  80,  IntakeKind::Rni),
    intake(Band::years(1, 4),           "1–3 years",               85,  85,  IntakeKind::Rni),
    intake(Band::years(4, 7),           "4–6 years",               120, 120, IntakeKind::Rni),
    intake(Band::years(7, 11),          "7–10 years",              200, 200, IntakeKind::Rni),
    intake(Band::years(11, 15),         "11–14 years",             280, 280, IntakeKind::Rni),
    intake(Band::years(15, 19),         "15–18 years",             300, 300, IntakeKind::Rni),
    intake(Band::years_and_over(19),    "19 years and over",       300, 270, IntakeKind::Rni),
];

/// COMA (1991): breastfeeding adds this much to the RNI; pregnancy adds nothing.
const UK_LACTATION_INCREMENT_MG: u32 = 50;

// Source: Expert Group on Vitamins and Minerals, "Safe Upper Levels for Vitamins and Minerals"
// (2003): guidance level of 400 mg/day from supplements for adults; nothing set for children.
// The report speaks of adults, which UK law and the NHS take to mean 18 and over.
#[rustfmt::skip]
const UK_LIMITS: &[LimitRow] = &[
    LimitRow { band: Band::years(0, 18),          mg: None },
    LimitRow { band: Band::years_and_over(18),    mg: Some(400) },
];

// Source: DGE, ÖGE, SGE: D-A-CH Referenzwerte für die Nährstoffzufuhr, magnesium revised 2021.
// Estimated values (Schätzwerte). Not the older 2000 values (400/310) still copied on the web.
#[rustfmt::skip]
const DACH_INTAKES: &[IntakeRow] = &[
    intake(Band::months(0, 4),          "0 to under 4 months",     24,  24,  IntakeKind::EstimatedValue),
    intake(Band::months(4, 12),         "4 to under 12 months",    80,  80,  IntakeKind::EstimatedValue),
    intake(Band::years(1, 4),           "1 to under 4 years",      170, 170, IntakeKind::EstimatedValue),
    intake(Band::years(4, 7),           "4 to under 7 years",      190, 190, IntakeKind::EstimatedValue),
    intake(Band::years(7, 10),          "7 to under 10 years",     240, 240, IntakeKind::EstimatedValue),
    intake(Band::years(10, 13),         "10 to under 13 years",    260, 230, IntakeKind::EstimatedValue),
    intake(Band::years(13, 15),         "13 to under 15 years",    280, 240, IntakeKind::EstimatedValue),
    intake(Band::years(15, 19),         "15 to under 19 years",    330, 260, IntakeKind::EstimatedValue),
    intake(Band::years_and_over(19),    "19 years and over",       350, 300, IntakeKind::EstimatedValue),
];

/// D-A-CH (2021): the estimated value in pregnancy and while breastfeeding, at any age.
const DACH_PREGNANT_MG: u32 = 300;
/// D-A-CH (2021): see [`DACH_PREGNANT_MG`].
const DACH_LACTATING_MG: u32 = 300;

// Source: German Federal Institute for Risk Assessment (BfR, 2017), keeping the SCF (2001) upper
// level of 250 mg for supplements from 4 years, and advising that it be split into at least two
// doses.
const DACH_LIMITS: &[LimitRow] = EU_LIMITS;

fn intake_row(rows: &[IntakeRow], age: AgeYears) -> Option<&IntakeRow> {
    rows.iter().find(|row| row.band.contains(age))
}

fn sex_group(sex: Sex, age: AgeYears) -> &'static str {
    let adult = age.years() >= 18.0;
    match (sex, adult) {
        (Sex::Female, true) => "Women",
        (Sex::Female, false) => "Girls",
        (Sex::Male, true) => "Men",
        (Sex::Male, false) => "Boys",
    }
}

/// The intake for a non-pregnant person of this age and sex, from one authority's table.
fn base_intake(rows: &[IntakeRow], profile: &Profile) -> Option<ReferenceIntake> {
    let row = intake_row(rows, profile.age)?;
    let infant = profile.age.years() < 1.0;
    let mg = match profile.sex {
        Sex::Male => row.male_mg,
        Sex::Female => row.female_mg,
    };
    let group = if infant || row.male_mg == row.female_mg {
        let who = if infant { "Infants" } else { "Children" };
        format!("{who} {}", row.label)
    } else {
        format!("{} {}", sex_group(profile.sex, profile.age), row.label)
    };
    Some(ReferenceIntake {
        mg,
        kind: row.kind,
        group,
    })
}

fn stage_words(stage: Stage) -> &'static str {
    match stage {
        Stage::Neither => "",
        Stage::Pregnant => "pregnancy",
        Stage::Lactating => "breastfeeding",
    }
}

fn limit_for(rows: &[LimitRow], kind: LimitKind, age: AgeYears) -> SupplementLimit {
    match limit_row(rows, age).and_then(|row| row.mg) {
        Some(mg) => SupplementLimit::Established { mg, kind },
        None => SupplementLimit::NotEstablished,
    }
}

fn limit_row(rows: &[LimitRow], age: AgeYears) -> Option<&LimitRow> {
    rows.iter().find(|row| row.band.contains(age))
}

fn limit_rows(authority: Authority) -> &'static [LimitRow] {
    match authority {
        Authority::Us => US_LIMITS,
        Authority::Eu => EU_LIMITS,
        Authority::Uk => UK_LIMITS,
        Authority::Dach => DACH_LIMITS,
    }
}

/// The IOM's Tolerable Upper Intake Level for supplemental magnesium at this age (US_LIMITS),
/// or `None` for an infant, for whom the IOM sets none.
pub fn iom_upper_level_mg(age: AgeYears) -> Option<u32> {
    limit_row(US_LIMITS, age).and_then(|row| row.mg)
}

/// The age from which `authority` sets a supplement limit: the first band of its table with one.
fn limit_from_years(authority: Authority) -> u32 {
    limit_rows(authority)
        .iter()
        .find(|row| row.mg.is_some())
        .map_or(0, |row| row.band.in_years().from_years)
}

/// The limit the page warns against for this profile: see [`EffectiveLimit`].
pub fn effective_limit(authority: Authority, age: AgeYears) -> EffectiveLimit {
    if age.is_infant() {
        return EffectiveLimit::Infant;
    }
    if let SupplementLimit::Established { mg, kind } =
        limit_for(limit_rows(authority), authority.limit_kind(), age)
    {
        return EffectiveLimit::Own { mg, kind };
    }
    match limit_row(US_LIMITS, age).and_then(|row| Some((row.mg?, row.band.in_years()))) {
        Some((mg, band)) => EffectiveLimit::IomFallback {
            mg,
            band,
            authority_limit_from_years: limit_from_years(authority),
        },
        // The IOM sets a level from the first birthday on, so only an infant lacks one.
        None => EffectiveLimit::Infant,
    }
}

/// The day's reference intake and the supplement limit for `profile` under `authority`.
///
/// Pregnancy and lactation change the intake only where the authority gives values for them;
/// elsewhere the result's `notes` say which value was used instead.
pub fn reference_values(authority: Authority, profile: &Profile) -> ReferenceValues {
    let mut notes = Vec::new();
    let stage = profile.effective_stage();
    let base = match authority {
        Authority::Us => base_intake(US_INTAKES, profile),
        Authority::Eu => base_intake(EU_INTAKES, profile),
        Authority::Uk => base_intake(UK_INTAKES, profile),
        Authority::Dach => base_intake(DACH_INTAKES, profile),
    };
    let intake = base.map(|base| {
        if stage == Stage::Neither {
            return base;
        }
        let words = stage_words(stage);
        match authority {
            Authority::Us => match US_STAGES.iter().find(|row| row.band.contains(profile.age)) {
                Some(row) => ReferenceIntake {
                    mg: match stage {
                        Stage::Pregnant => row.pregnant_mg,
                        _ => row.lactating_mg,
                    },
                    kind: IntakeKind::Rda,
                    group: format!("{} {}", capitalised(words), row.label),
                },
                None => {
                    notes.push(format!(
                        "The IOM gives {words} values for ages 14–50 only; the value for {} is used.",
                        base.group.to_ascii_lowercase()
                    ));
                    base
                }
            },
            Authority::Eu => {
                notes.push(format!(
                    "EFSA sets no extra amount for {words}; the value for {} applies.",
                    base.group.to_ascii_lowercase()
                ));
                base
            }
            Authority::Uk => match stage {
                Stage::Lactating => ReferenceIntake {
                    mg: base.mg + UK_LACTATION_INCREMENT_MG,
                    kind: base.kind,
                    group: format!("Breastfeeding: {} + {UK_LACTATION_INCREMENT_MG} mg", base.group),
                },
                _ => {
                    notes.push(format!(
                        "COMA sets no extra amount for pregnancy; the value for {} applies.",
                        base.group.to_ascii_lowercase()
                    ));
                    base
                }
            },
            Authority::Dach => ReferenceIntake {
                mg: match stage {
                    Stage::Pregnant => DACH_PREGNANT_MG,
                    _ => DACH_LACTATING_MG,
                },
                kind: base.kind,
                group: capitalised(words),
            },
        }
    });
    let intake_missing_reason = intake.is_none().then_some(match authority {
        Authority::Eu => {
            "EFSA sets no value for infants under 7 months. An infant's magnesium should come from breast milk, formula and, from about 6 months, food only (IOM)."
        }
        _ => "This authority gives no value for this age.",
    });
    let supplement_limit = limit_for(limit_rows(authority), authority.limit_kind(), profile.age);
    ReferenceValues {
        authority,
        intake,
        intake_missing_reason,
        supplement_limit,
        effective_limit: effective_limit(authority, profile.age),
        notes,
    }
}

/// The text with its first letter in capitals; the texts are the planner's own English, so an
/// ASCII letter is all there is to raise.
pub fn capitalised(words: &str) -> String {
    let mut text = words.to_owned();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}
