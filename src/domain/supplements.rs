//! Magnesium supplement forms (salts), their share of elemental magnesium, what is known about
//! them, and converting a dose between the salt's weight and elemental magnesium.
//!
//! Source for the forms, formulas and notes: `shared/reference/magnesium.md` ("Supplement
//! salts" and "Absorption and tolerance"), which cites NIH ODS, Firoz & Graber 2001, Walker et
//! al. 2003 and Kappeler et al. 2017. Elemental fractions are computed from each formula with
//! IUPAC standard atomic weights ([`super::chemistry`]), never typed in.

use std::fmt;

use super::chemistry::{FormulaError, parse_formula};
use super::input::{NumberError, parse_decimal};

/// The most elemental magnesium one dose may hold before the planner calls it a typing slip.
pub const MAX_DOSE_ELEMENTAL_MG: f64 = 5000.0;

/// One chemical variant of a form: anhydrous or a particular hydrate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SaltVariant {
    /// Stable id within its form, used in saved data ("anhydrous", "nonahydrate").
    pub id: &'static str,
    /// What a person reads ("trimagnesium dicitrate, anhydrous").
    pub description: &'static str,
    /// The chemical formula; hydrate water follows a middle dot.
    pub formula: &'static str,
}

impl SaltVariant {
    /// The share of the salt's weight that is magnesium, from 0 to 1.
    pub fn elemental_fraction(&self) -> Result<f64, FormulaError> {
        parse_formula(self.formula)?.mass_fraction("Mg")
    }
}

/// What the sources say about a form, each note with its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormNotes {
    /// Absorption evidence.
    pub absorption: &'static str,
    /// Laxative tendency.
    pub laxative: &'static str,
    /// What it is sold for.
    pub sold_for: &'static str,
}

/// A magnesium supplement form as sold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SupplementForm {
    /// Stable id, used in the page's `<option value>` and in saved data.
    pub id: &'static str,
    /// The name on the option, as people search for it.
    pub name: &'static str,
    /// Variants, the usual one (what the planner assumes) first.
    pub variants: &'static [SaltVariant],
    /// What the sources say about it.
    pub notes: FormNotes,
}

impl SupplementForm {
    /// The variant the planner assumes when the person does not say.
    pub fn default_variant(&self) -> &SaltVariant {
        // Every form in FORMS has at least one variant; the tests hold that.
        &self.variants[0]
    }

    /// The variant with this id, if the form has it.
    pub fn variant(&self, id: &str) -> Option<&SaltVariant> {
        self.variants.iter().find(|v| v.id == id)
    }
}

const fn variant(
    id: &'static str,
    description: &'static str,
    formula: &'static str,
) -> SaltVariant {
    SaltVariant {
        id,
        description,
        formula,
    }
}

const NO_COMPARISON: &str =
    "No comparison of its absorption with other forms in the sources this app uses.";
const NOT_A_LAXATIVE: &str = "Not one of the forms sold as laxatives (NIH ODS).";

/// Every form the planner knows, in the order the picker lists them.
pub const FORMS: &[SupplementForm] = &[
    SupplementForm {
        id: "citrate",
        name: "Magnesium citrate",
        variants: &[
            variant(
                "anhydrous",
                "trimagnesium dicitrate, anhydrous",
                "Mg3(C6H5O7)2",
            ),
            variant(
                "nonahydrate",
                "trimagnesium dicitrate nonahydrate",
                "Mg3(C6H5O7)2·9H2O",
            ),
        ],
        notes: FormNotes {
            absorption: "Raised blood and urine magnesium more than oxide or an amino-acid chelate (Walker et al. 2003; Kappeler et al. 2017); dissolves well in water (NIH ODS).",
            laxative: "Laxative in larger doses; sold as a laxative (NIH ODS).",
            sold_for: "General supplementation; constipation.",
        },
    },
    SupplementForm {
        id: "bisglycinate",
        name: "Magnesium glycinate (bisglycinate)",
        variants: &[variant(
            "anhydrous",
            "magnesium bisglycinate",
            "Mg(C2H4NO2)2",
        )],
        notes: FormNotes {
            absorption: "Evidence that it is absorbed better than oxide is weak and comes from manufacturers' studies (reference summary).",
            laxative: NOT_A_LAXATIVE,
            sold_for: "Marketed as gentle on the stomach and for sleep; these are claims, not findings.",
        },
    },
    SupplementForm {
        id: "oxide",
        name: "Magnesium oxide",
        variants: &[variant("anhydrous", "magnesium oxide", "MgO")],
        notes: FormNotes {
            absorption: "Poorly absorbed: about 4% in one study (Firoz & Graber 2001); dissolves poorly (NIH ODS).",
            laxative: "Strongly laxative; sold as a laxative and antacid (NIH ODS).",
            sold_for: "Cheap high-dose tablets; constipation; heartburn.",
        },
    },
    SupplementForm {
        id: "hydroxide",
        name: "Magnesium hydroxide",
        variants: &[variant("anhydrous", "magnesium hydroxide", "Mg(OH)2")],
        notes: FormNotes {
            absorption: NO_COMPARISON,
            laxative: "Laxative; sold as milk of magnesia (NIH ODS).",
            sold_for: "Constipation; heartburn.",
        },
    },
    SupplementForm {
        id: "carbonate",
        name: "Magnesium carbonate",
        variants: &[variant(
            "anhydrous",
            "magnesium carbonate, anhydrous",
            "MgCO3",
        )],
        notes: FormNotes {
            absorption: NO_COMPARISON,
            laxative: NOT_A_LAXATIVE,
            sold_for: "Antacids and mineral blends.",
        },
    },
    SupplementForm {
        id: "malate",
        name: "Magnesium malate",
        variants: &[
            variant("anhydrous", "magnesium malate, anhydrous", "MgC4H4O5"),
            variant("trihydrate", "magnesium malate trihydrate", "MgC4H4O5·3H2O"),
        ],
        notes: FormNotes {
            absorption: "Evidence that it is absorbed better than oxide is weak and comes from manufacturers' studies (reference summary).",
            laxative: NOT_A_LAXATIVE,
            sold_for: "Marketed for energy and muscle aches; these are claims, not findings.",
        },
    },
    SupplementForm {
        id: "chloride",
        name: "Magnesium chloride",
        variants: &[
            variant("anhydrous", "magnesium chloride, anhydrous", "MgCl2"),
            variant(
                "hexahydrate",
                "magnesium chloride hexahydrate",
                "MgCl2·6H2O",
            ),
        ],
        notes: FormNotes {
            absorption: "Absorbed better than oxide, about as well as lactate and aspartate (Firoz & Graber 2001). Dissolves well in water (NIH ODS).",
            laxative: NOT_A_LAXATIVE,
            sold_for: "Tablets, solutions and bath flakes.",
        },
    },
    SupplementForm {
        id: "lactate",
        name: "Magnesium lactate",
        variants: &[
            variant("anhydrous", "magnesium lactate, anhydrous", "Mg(C3H5O3)2"),
            variant(
                "dihydrate",
                "magnesium lactate dihydrate",
                "Mg(C3H5O3)2·2H2O",
            ),
        ],
        notes: FormNotes {
            absorption: "Absorbed better than oxide, about as well as chloride and aspartate (Firoz & Graber 2001). Dissolves well in water (NIH ODS).",
            laxative: NOT_A_LAXATIVE,
            sold_for: "Slow-release tablets; general supplementation.",
        },
    },
    SupplementForm {
        id: "sulfate",
        name: "Magnesium sulfate (Epsom salt)",
        variants: &[
            variant(
                "heptahydrate",
                "magnesium sulfate heptahydrate (Epsom salt)",
                "MgSO4·7H2O",
            ),
            variant("anhydrous", "magnesium sulfate, anhydrous", "MgSO4"),
        ],
        notes: FormNotes {
            absorption: "Less completely absorbed than forms that dissolve well, such as citrate (NIH ODS).",
            laxative: "Laxative; sold as a laxative (NIH ODS).",
            sold_for: "Constipation; bath salts.",
        },
    },
    SupplementForm {
        id: "gluconate",
        name: "Magnesium gluconate",
        variants: &[
            variant(
                "anhydrous",
                "magnesium gluconate, anhydrous",
                "Mg(C6H11O7)2",
            ),
            variant(
                "dihydrate",
                "magnesium gluconate dihydrate",
                "Mg(C6H11O7)2·2H2O",
            ),
        ],
        notes: FormNotes {
            absorption: NO_COMPARISON,
            laxative: NOT_A_LAXATIVE,
            sold_for: "General supplementation; little magnesium per gram of salt.",
        },
    },
    SupplementForm {
        id: "threonate",
        name: "Magnesium L-threonate",
        variants: &[variant("anhydrous", "magnesium L-threonate", "Mg(C4H7O5)2")],
        notes: FormNotes {
            absorption: NO_COMPARISON,
            laxative: NOT_A_LAXATIVE,
            sold_for: "Marketed for memory and sleep; these are claims, not findings. One product gives 144 mg per 2,000 mg (7.2%), below the pure salt's share.",
        },
    },
    SupplementForm {
        id: "taurate",
        name: "Magnesium taurate",
        variants: &[variant("anhydrous", "magnesium taurate", "Mg(C2H6NO3S)2")],
        notes: FormNotes {
            absorption: NO_COMPARISON,
            laxative: NOT_A_LAXATIVE,
            sold_for: "Marketed for heart health; a claim, not a finding.",
        },
    },
    SupplementForm {
        id: "orotate",
        name: "Magnesium orotate",
        variants: &[
            variant(
                "dihydrate",
                "magnesium orotate dihydrate",
                "Mg(C5H3N2O4)2·2H2O",
            ),
            variant("anhydrous", "magnesium orotate, anhydrous", "Mg(C5H3N2O4)2"),
        ],
        notes: FormNotes {
            absorption: NO_COMPARISON,
            laxative: NOT_A_LAXATIVE,
            sold_for: "Marketed for heart health and sport; claims, not findings.",
        },
    },
    SupplementForm {
        id: "aspartate",
        name: "Magnesium L-aspartate",
        variants: &[
            variant(
                "dihydrate",
                "magnesium L-aspartate dihydrate",
                "Mg(C4H6NO4)2·2H2O",
            ),
            variant(
                "anhydrous",
                "magnesium L-aspartate, anhydrous",
                "Mg(C4H6NO4)2",
            ),
        ],
        notes: FormNotes {
            absorption: "Absorbed better than oxide, about as well as chloride and lactate (Firoz & Graber 2001). Dissolves well in water (NIH ODS).",
            laxative: NOT_A_LAXATIVE,
            sold_for: "General supplementation.",
        },
    },
    SupplementForm {
        id: "pidolate",
        name: "Magnesium pidolate",
        variants: &[variant("anhydrous", "magnesium pidolate", "Mg(C5H6NO3)2")],
        notes: FormNotes {
            absorption: NO_COMPARISON,
            laxative: NOT_A_LAXATIVE,
            sold_for: "Drinkable solutions and sachets.",
        },
    },
];

/// The form with this id.
pub fn form(id: &str) -> Option<&'static SupplementForm> {
    FORMS.iter().find(|f| f.id == id)
}

/// Whether an amount is elemental magnesium (a label's Supplement Facts) or the weight of the
/// whole salt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DoseBasis {
    /// Elemental magnesium, as a Supplement Facts label states it; always wins when known.
    Elemental,
    /// The weight of the salt, converted with its elemental fraction.
    Compound,
}

impl DoseBasis {
    /// The page's `<option value>`.
    pub fn value(self) -> &'static str {
        match self {
            DoseBasis::Elemental => "elemental",
            DoseBasis::Compound => "compound",
        }
    }

    /// The inverse of [`DoseBasis::value`].
    pub fn from_value(value: &str) -> Option<Self> {
        [DoseBasis::Elemental, DoseBasis::Compound]
            .into_iter()
            .find(|b| b.value() == value)
    }
}

/// Why a dose was refused; its text is shown beside the field.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DoseError {
    /// Nothing typed.
    Empty,
    /// Not a number.
    NotANumber,
    /// Zero or below.
    NotPositive,
    /// A form or salt the planner does not know (from an old or edited file or link).
    UnknownForm,
    /// More than [`MAX_DOSE_ELEMENTAL_MG`] of elemental magnesium.
    TooLarge {
        /// The elemental amount the dose would be, in mg.
        elemental_mg: f64,
    },
}

impl fmt::Display for DoseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DoseError::Empty => f.write_str("Enter the dose in mg."),
            DoseError::NotANumber => {
                f.write_str("Enter the dose as a number of mg, for example 200.")
            }
            DoseError::NotPositive => f.write_str("A dose must be more than 0 mg."),
            DoseError::UnknownForm => {
                f.write_str("The planner does not know this supplement form.")
            }
            DoseError::TooLarge { elemental_mg } => write!(
                f,
                "That is {} mg of elemental magnesium in one dose, more than the {MAX_DOSE_ELEMENTAL_MG} mg the planner accepts. Check the amount and its unit.",
                (elemental_mg * 10.0).round() / 10.0
            ),
        }
    }
}

impl std::error::Error for DoseError {}

/// A dose converted to elemental magnesium, with what the conversion assumed.
#[derive(Clone, Debug, PartialEq)]
pub struct ElementalDose {
    /// Elemental magnesium in mg.
    pub elemental_mg: f64,
    /// The salt's weight in mg, where it is known or computed.
    pub compound_mg: f64,
    /// How the elemental amount was reached, in words ("as entered: elemental magnesium", or
    /// "assumes trimagnesium dicitrate, anhydrous, 16.2 %").
    pub assumption: String,
}

/// Converts an amount on the given basis to elemental magnesium, refusing non-finite,
/// non-positive and absurd doses.
pub fn elemental_dose(
    amount_mg: f64,
    basis: DoseBasis,
    variant: &SaltVariant,
) -> Result<ElementalDose, DoseError> {
    if !amount_mg.is_finite() {
        return Err(DoseError::NotANumber);
    }
    if amount_mg <= 0.0 {
        return Err(DoseError::NotPositive);
    }
    // A formula in FORMS that fails to parse is a programming error the tests catch; treat it
    // as "unknown" rather than panicking in front of a person.
    let fraction = variant
        .elemental_fraction()
        .map_err(|_| DoseError::UnknownForm)?;
    let dose = match basis {
        DoseBasis::Elemental => ElementalDose {
            elemental_mg: amount_mg,
            compound_mg: amount_mg / fraction,
            assumption: "as entered: elemental magnesium, as on a Supplement Facts label"
                .to_owned(),
        },
        DoseBasis::Compound => ElementalDose {
            elemental_mg: amount_mg * fraction,
            compound_mg: amount_mg,
            assumption: format!(
                "assumes {}, {:.1} % magnesium",
                variant.description,
                fraction * 100.0
            ),
        },
    };
    if dose.elemental_mg > MAX_DOSE_ELEMENTAL_MG {
        return Err(DoseError::TooLarge {
            elemental_mg: dose.elemental_mg,
        });
    }
    Ok(dose)
}

/// Reads a dose amount as typed (decimal comma accepted).
pub fn parse_amount_mg(text: &str) -> Result<f64, DoseError> {
    parse_decimal(text).map_err(|error| match error {
        NumberError::Empty => DoseError::Empty,
        NumberError::NotANumber => DoseError::NotANumber,
    })
}

/// How much of the salt gives `elemental_mg` of magnesium, in mg.
pub fn compound_mg_for(elemental_mg: f64, variant: &SaltVariant) -> Result<f64, FormulaError> {
    Ok(elemental_mg / variant.elemental_fraction()?)
}

/// What 100 mg of elemental magnesium costs from a bottle of `capsules` capsules holding
/// `elemental_mg_per_capsule` each (the label's figure), bought for `price`. `None` unless every
/// number is finite and above zero.
pub fn cost_per_100mg_elemental(
    price: f64,
    capsules: f64,
    elemental_mg_per_capsule: f64,
) -> Option<f64> {
    let all_positive = [price, capsules, elemental_mg_per_capsule]
        .iter()
        .all(|n| n.is_finite() && *n > 0.0);
    all_positive.then(|| price / (capsules * elemental_mg_per_capsule) * 100.0)
}
