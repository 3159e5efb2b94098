//! What the planner says about a day's supplements: whether they pass the limit that applies and
//! how far, when a dose is worth splitting, and the short sourced guidance shown beside them.
//!
//! Source: `shared/reference/magnesium.md` ("Too much magnesium", "Children and infants",
//! "Absorption and tolerance", "Restless legs and night cramps" and the authorities' upper
//! levels), which cites NIH ODS, the IOM, the SCF/BfR, the AASM guideline and the reviews named
//! below.

use super::guidelines::{EffectiveLimit, LimitKind, SupplementLimit, iom_upper_level_mg};
use super::plan::{Plan, SupplementDose};
use super::profile::AgeYears;

/// A single dose above this much elemental magnesium is worth splitting. 250 mg is the whole
/// day's upper level of the SCF and BfR, and the BfR advises taking even that in at least two
/// portions, because diarrhoea from magnesium salts is osmotic and depends on the dose at once.
pub const SPLIT_DOSE_ABOVE_MG: f64 = 250.0;

/// The authority's own limit that the day's supplements exceed, if they do.
/// Compares the whole mg the page shows, so "350 mg" is never called above a 350 mg limit.
/// Where the authority sets no limit this says nothing: [`supplement_warning`] is what the page
/// warns with, and it covers those ages too.
pub fn exceeded_limit(supplement_mg: f64, limit: &SupplementLimit) -> Option<(u32, LimitKind)> {
    match limit {
        SupplementLimit::Established { mg, kind } if supplement_mg.round() > f64::from(*mg) => {
            Some((*mg, *kind))
        }
        _ => None,
    }
}

/// From this many times the IOM's upper level for the age, the day's supplements are "far
/// above" the limit and the page names the signs of magnesium toxicity and says to get medical
/// help.
///
/// Why 5: NIH ODS reports magnesium toxicity from very large doses of laxatives and antacids,
/// "typically more than 5,000 mg a day". For an adult, 5 × 350 mg is 1,750 mg, about a third of
/// that: "typically" means some cases had less, antacids and laxatives that count towards the
/// day are often not entered, and kidney function (on which the risk depends most) can fall
/// unnoticed. The IOM's level, not the chosen authority's, sets the scale because toxicity is
/// physiology rather than policy, so the threshold does not move when another authority is
/// picked; and it grows with the child as the IOM's levels do (325 mg at 1–3, 550 mg at 4–8).
pub const FAR_ABOVE_FACTOR: u32 = 5;

/// For an infant the IOM sets no level; the far threshold uses the smallest level it sets
/// (65 mg, ages 1–3), since an infant is smaller still. Any supplement already warns.
const INFANT_SCALE_MG: u32 = 65;

/// How far the day's supplements are past the limit that applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExcessLevel {
    /// Above the limit (for an infant: any supplement). NIH ODS: the usual effects are
    /// diarrhoea, nausea and cramps.
    Above,
    /// At or above [`far_above_mg`]: towards the amounts at which NIH ODS reports toxicity.
    FarAbove,
}

/// What the page warns about the day's supplements: the limit passed, how far, and whether the
/// person said they have kidney disease (toxicity risk is highest with reduced kidney function,
/// NIH ODS), which makes the warning louder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SupplementWarning {
    /// The limit that applies, as [`EffectiveLimit`] gives it.
    pub limit: EffectiveLimit,
    /// Above, or far above.
    pub level: ExcessLevel,
    /// The kidney switch is on.
    pub kidney_disease: bool,
}

/// The amount of supplemental magnesium, mg a day, from which the day is [`ExcessLevel::FarAbove`]
/// at this age: [`FAR_ABOVE_FACTOR`] times the IOM's upper level for the age.
pub fn far_above_mg(age: AgeYears) -> u32 {
    FAR_ABOVE_FACTOR * iom_upper_level_mg(age).unwrap_or(INFANT_SCALE_MG)
}

/// The warning for a day's supplements, or `None` when they are within the limit that applies.
///
/// Compares the whole mg the page shows, as [`exceeded_limit`] does. For an infant any
/// supplement at all is warned about, however small.
pub fn supplement_warning(
    supplement_mg: f64,
    limit: EffectiveLimit,
    age: AgeYears,
    kidney_disease: bool,
) -> Option<SupplementWarning> {
    if !supplement_mg.is_finite() || supplement_mg <= 0.0 {
        return None;
    }
    let shown_mg = supplement_mg.round();
    let above = match limit.mg() {
        Some(limit_mg) => shown_mg > f64::from(limit_mg),
        None => true,
    };
    if !above {
        return None;
    }
    let level = if shown_mg >= f64::from(far_above_mg(age)) {
        ExcessLevel::FarAbove
    } else {
        ExcessLevel::Above
    };
    Some(SupplementWarning {
        limit,
        level,
        kidney_disease,
    })
}

/// The doses large enough that splitting them would help.
pub fn doses_worth_splitting(plan: &Plan) -> Vec<&SupplementDose> {
    let mut worth = Vec::new();
    for dose in &plan.doses {
        // The BfR's advice is for supplements: a medicine is taken as its label or the doctor
        // says, so it is never told to be split.
        let medicine = dose.input.product.as_ref().is_some_and(|p| p.medicine);
        if !medicine && dose.elemental_mg.round() > SPLIT_DOSE_ABOVE_MG {
            worth.push(dose);
        }
    }
    worth
}

/// One point of guidance and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GuidanceItem {
    /// The advice, in plain words.
    pub text: &'static str,
    /// Its source: a publication that says it, as `shared/reference/magnesium.md` cites it.
    pub source: &'static str,
}

/// What the guidance asks the person to raise with their doctor: iron studies for restless legs.
/// The doctor's summary lists it as a question. Source: `shared/reference/magnesium.md`,
/// "Restless legs and night cramps" (the AASM guideline's iron advice).
pub const IRON_STUDIES: GuidanceItem = GuidanceItem {
    text: "Restless legs: ask your doctor to check your iron (ferritin and transferrin saturation), with blood taken in the morning and no iron-containing supplements or food beforehand. For adults, iron treatment is advised when ferritin is 75 ng/mL or less or transferrin saturation is below 20 %.",
    source: "AASM clinical practice guideline 2024 (Winkelman et al., J Clin Sleep Med 2025)",
};

/// The guidance panel, in the order it is shown. Each line says only what its source says
/// (`shared/reference/magnesium.md`, section named in the comment above it).
pub const GUIDANCE: &[GuidanceItem] = &[
    // "Too much magnesium" and the IOM's UL ("set to avoid diarrhoea").
    GuidanceItem {
        text: "Above the supplement limit, the usual effects are diarrhoea, nausea and cramps.",
        source: "NIH Office of Dietary Supplements",
    },
    // The authorities' tables: the BfR's advice on the 250 mg upper level.
    GuidanceItem {
        text: "Split the day's supplement into at least two doses.",
        source: "BfR (2017)",
    },
    // "Labels": antacids and laxatives count toward the US UL, which covers supplements and
    // medications; food and water have no UL.
    GuidanceItem {
        text: "Antacids and laxatives such as milk of magnesia contain magnesium and count toward the US upper level, which covers supplements and medicines. Magnesium naturally present in food and water does not.",
        source: "NIH Office of Dietary Supplements; IOM (1997)",
    },
    IRON_STUDIES,
    // "Restless legs and night cramps": Marshall 2019, and the AASM's list of treatments.
    GuidanceItem {
        text: "Magnesium is not an established treatment for restless legs: a systematic review found too little evidence to say whether it helps, and the AASM guideline does not list it among its recommended treatments.",
        source: "Marshall et al. (2019); AASM (2024)",
    },
    // "Restless legs and night cramps": the Cochrane cramps review.
    GuidanceItem {
        text: "Muscle cramps with no known cause in older adults: magnesium is unlikely to prevent them to a degree that matters. In pregnancy the evidence is conflicting.",
        source: "Cochrane review (Garrison et al., 2020)",
    },
];

/// What the planner says instead of any supplement suggestion when the kidney switch is on.
pub const KIDNEY_WARNING: &str = "You said you have kidney disease. Magnesium is cleared by the kidneys, and the risk of magnesium toxicity is highest with reduced kidney function: do not take a magnesium supplement without your doctor.";

/// Said plainly on the guidance panel.
pub const NOT_MEDICAL_ADVICE: &str = "This planner is not medical advice. It shows official reference values and what studies say; your doctor or pharmacist knows your situation.";
