//! What the planner says about a day's supplements: whether they pass the authority's limit,
//! when a dose is worth splitting, and the short sourced guidance shown beside them.
//!
//! Source: `shared/reference/magnesium.md` ("Absorption and tolerance" and the authorities'
//! upper levels), which cites NIH ODS, the SCF/BfR and the Cochrane review named below.

use super::guidelines::{LimitKind, SupplementLimit};
use super::plan::{Plan, SupplementDose};

/// A single dose above this much elemental magnesium is worth splitting. 250 mg is the whole
/// day's upper level of the SCF and BfR, and the BfR advises taking even that in at least two
/// portions, because diarrhoea from magnesium salts is osmotic and depends on the dose at once.
pub const SPLIT_DOSE_ABOVE_MG: f64 = 250.0;

/// The authority's limit that the day's supplements exceed, if they do.
/// Compares the whole mg the page shows, so "350 mg" is never called above a 350 mg limit.
pub fn exceeded_limit(supplement_mg: f64, limit: &SupplementLimit) -> Option<(u32, LimitKind)> {
    match limit {
        SupplementLimit::Established { mg, kind } if supplement_mg.round() > f64::from(*mg) => {
            Some((*mg, *kind))
        }
        _ => None,
    }
}

/// The doses large enough that splitting them would help.
pub fn doses_worth_splitting(plan: &Plan) -> Vec<&SupplementDose> {
    plan.doses
        .iter()
        .filter(|d| d.elemental_mg.round() > SPLIT_DOSE_ABOVE_MG)
        .collect()
}

/// One point of guidance and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GuidanceItem {
    /// The advice, in plain words.
    pub text: &'static str,
    /// Its source.
    pub source: &'static str,
}

/// The guidance panel, in the order it is shown.
pub const GUIDANCE: &[GuidanceItem] = &[
    GuidanceItem {
        text: "Start low and build up: begin with a small dose and raise it over days if you need to. Diarrhoea is the usual sign of too much.",
        source: "NIH Office of Dietary Supplements; IOM (1997)",
    },
    GuidanceItem {
        text: "Split the day's amount into two or more doses; large single doses are what cause diarrhoea.",
        source: "BfR (2017)",
    },
    GuidanceItem {
        text: "Evening or bedtime doses are commonly used for night-time cramps and restless legs.",
        source: "Common practice; the evidence for magnesium in restless legs is small (open pilot studies)",
    },
    GuidanceItem {
        text: "Vitamin D supports magnesium absorption; heavy caffeine and alcohol work against it.",
        source: "NIH Office of Dietary Supplements",
    },
    GuidanceItem {
        text: "Restless legs are more strongly linked to low iron than to low magnesium: ask your doctor about a ferritin test.",
        source: "Cochrane review (2019)",
    },
    GuidanceItem {
        text: "See a doctor for severe, worsening or one-sided symptoms, or cramps with weakness, swelling or numbness.",
        source: "General medical advice",
    },
];

/// What the planner says instead of any supplement suggestion when the kidney switch is on.
pub const KIDNEY_WARNING: &str = "You said you have kidney disease. Your kidneys clear magnesium from the body, so supplements can build up to harmful levels: talk to your doctor before taking any magnesium supplement.";

/// Said plainly on the guidance panel.
pub const NOT_MEDICAL_ADVICE: &str = "This planner is not medical advice. It shows official reference values and what studies say; your doctor or pharmacist knows your situation.";
