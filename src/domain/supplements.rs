//! Magnesium supplement forms (salts), their share of elemental magnesium, what is known about
//! them, converting a dose between the salt's weight and elemental magnesium, and the label
//! check for an elemental amount that looks like a bottle's compound weight.
//!
//! Source for the forms, formulas and notes: `shared/reference/magnesium.md` ("Supplement
//! salts", "Which variant is sold", "Absorption and tolerance" and "Labels"), which cites NIH
//! ODS, Firoz & Graber 2001, Walker et al. 2003, Kappeler et al. 2017 and the US and European
//! pharmacopoeias. Elemental fractions are computed from each formula with IUPAC standard
//! atomic weights ([`super::chemistry`]), never typed in.

use std::fmt;

use super::chemistry::{FormulaError, parse_formula};
use super::choice::Choice;
use super::decimal_text::{fixed, plain};
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

    /// The salt with its share of magnesium, as a conversion names it: "magnesium chloride
    /// hexahydrate, 12.0 % magnesium" (only the description if its formula cannot be read).
    pub fn with_share(&self) -> String {
        match self.elemental_fraction() {
            Ok(fraction) => format!(
                "{}, {} % magnesium",
                self.description,
                fixed(fraction * 100.0, 1)
            ),
            Err(_) => self.description.to_owned(),
        }
    }
}

/// What the sources say about a form causing diarrhoea. Source: `shared/reference/magnesium.md`,
/// "Absorption and tolerance"; no form is ever called non-laxative, because none of the sources
/// says any form is. The words a person reads are the component's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tolerance {
    /// NIH ODS: "The forms of magnesium that are most commonly reported to cause diarrhea
    /// include magnesium carbonate, chloride, gluconate, and oxide."
    MostReportedForDiarrhoea,
    /// Sold as a laxative: hydroxide, citrate and sulfate (the reference file, which names no
    /// source for this sentence, so none is named beside it).
    SoldAsLaxative,
    /// The sources say nothing about this form's tolerance; what NIH ODS says of every
    /// supplement (diarrhoea above the upper level) still applies.
    NotDescribed,
}

/// What the sources say about a form, each note with its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormNotes {
    /// Absorption evidence, each finding with the study or body that reports it.
    pub absorption: &'static str,
    /// What the sources say about diarrhoea from this form.
    pub tolerance: Tolerance,
    /// What is on the shelf (which salt, which products), or what the form is marketed for,
    /// named as a claim.
    pub sold_as: &'static str,
}

/// A magnesium supplement form as sold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SupplementForm {
    /// Stable id, used in the page's `<option value>` and in saved data.
    pub id: &'static str,
    /// The name on the option, as people search for it.
    pub name: &'static str,
    /// Variants, the one sold (what the planner assumes when the person does not say) first.
    /// Ids never change meaning: saved doses keep the variant they were entered with.
    pub variants: &'static [SaltVariant],
    /// What the sources say about it.
    pub notes: FormNotes,
}

impl SupplementForm {
    /// The variant the planner assumes when the person does not say: the salt as sold.
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
/// The reference file's "Evidence for glycinate and malate over oxide is weak (manufacturer
/// studies)"; it names no source, so none is named here.
const WEAK_EVIDENCE_OVER_OXIDE: &str =
    "Evidence that it is absorbed better than oxide is weak and comes from manufacturers' studies.";

/// Every form the planner knows, in the order the picker lists them.
///
/// Which variant comes first (is assumed) follows `shared/reference/magnesium.md`, "Which
/// variant is sold"; the reason is beside each form.
pub const FORMS: &[SupplementForm] = &[
    SupplementForm {
        id: "citrate",
        name: "Magnesium citrate",
        // Both are sold; USP magnesium citrate is anhydrous (14.5–16.4 % Mg), so the anhydrous
        // salt stays the default and the nonahydrate stays on offer.
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
            absorption: "Raised serum and urine magnesium more than an amino-acid chelate or oxide over 60 days (Walker et al. 2003), and did better than oxide in a crossover study (Kappeler et al. 2017). NIH ODS counts it among the forms that dissolve well in water, which are absorbed more completely than oxide and sulfate.",
            tolerance: Tolerance::SoldAsLaxative,
            sold_as: "Both the anhydrous salt (USP magnesium citrate) and the nonahydrate are sold.",
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
            absorption: WEAK_EVIDENCE_OVER_OXIDE,
            tolerance: Tolerance::NotDescribed,
            sold_as: "Marketed as gentle on the stomach and for sleep: claims that none of the sources this app uses supports.",
        },
    },
    SupplementForm {
        id: "oxide",
        name: "Magnesium oxide",
        variants: &[variant("anhydrous", "magnesium oxide", "MgO")],
        notes: FormNotes {
            absorption: "About 4 % absorbed in one study (Firoz & Graber 2001); citrate did better (Walker et al. 2003; Kappeler et al. 2017). NIH ODS: absorbed less completely than forms that dissolve well in water (aspartate, citrate, lactate, chloride).",
            tolerance: Tolerance::MostReportedForDiarrhoea,
            sold_as: "Some \"buffered\" blends mix oxide into another form, so their share of magnesium differs from the pure salt's.",
        },
    },
    SupplementForm {
        id: "hydroxide",
        name: "Magnesium hydroxide",
        variants: &[variant("anhydrous", "magnesium hydroxide", "Mg(OH)2")],
        notes: FormNotes {
            absorption: NO_COMPARISON,
            tolerance: Tolerance::SoldAsLaxative,
            sold_as: "Milk of magnesia, a laxative and antacid: about 1,200 mg of magnesium hydroxide (500 mg of magnesium) in a 15 mL adult dose. The magnesium in antacids and laxatives counts toward the US upper level, which covers supplements and medications.",
        },
    },
    SupplementForm {
        id: "carbonate",
        name: "Magnesium carbonate",
        // The pharmacopoeias' "heavy" or "light" basic carbonate, about 4MgCO3·Mg(OH)2·5H2O,
        // 25.0 % Mg (USP: 40.0–43.5 % as MgO, 24.1–26.2 % Mg); plain anhydrous MgCO3 (28.8 %)
        // is rarely what a bottle holds, so it comes second.
        variants: &[
            variant(
                "basic",
                "basic magnesium carbonate (heavy or light)",
                "4MgCO3·Mg(OH)2·5H2O",
            ),
            variant("anhydrous", "magnesium carbonate, anhydrous", "MgCO3"),
        ],
        notes: FormNotes {
            absorption: NO_COMPARISON,
            tolerance: Tolerance::MostReportedForDiarrhoea,
            sold_as: "Sold as the pharmacopoeias' \"heavy\" or \"light\" basic magnesium carbonate; plain anhydrous magnesium carbonate is rarely what a bottle holds.",
        },
    },
    SupplementForm {
        id: "malate",
        name: "Magnesium malate",
        // The reference names no sold variant for malate; the anhydrous salt stays first.
        variants: &[
            variant("anhydrous", "magnesium malate, anhydrous", "MgC4H4O5"),
            variant("trihydrate", "magnesium malate trihydrate", "MgC4H4O5·3H2O"),
        ],
        notes: FormNotes {
            absorption: WEAK_EVIDENCE_OVER_OXIDE,
            tolerance: Tolerance::NotDescribed,
            sold_as: "Marketed for energy and muscle aches: claims that none of the sources this app uses supports.",
        },
    },
    SupplementForm {
        id: "chloride",
        name: "Magnesium chloride",
        // The hexahydrate is the "magnesium chloride" of USP and Ph. Eur.; anhydrous MgCl2 is
        // hygroscopic and not sold as a supplement, and assuming it counted 2.1 times too much
        // magnesium. It stays selectable, and doses saved with it keep it.
        variants: &[
            variant(
                "hexahydrate",
                "magnesium chloride hexahydrate",
                "MgCl2·6H2O",
            ),
            variant("anhydrous", "magnesium chloride, anhydrous", "MgCl2"),
        ],
        notes: FormNotes {
            absorption: "Absorbed better than oxide, about as well as lactate and aspartate (Firoz & Graber 2001). NIH ODS counts it among the forms that dissolve well in water, which are absorbed more completely than oxide and sulfate.",
            tolerance: Tolerance::MostReportedForDiarrhoea,
            sold_as: "Sold as the hexahydrate, the magnesium chloride of the US and European pharmacopoeias; anhydrous magnesium chloride takes up water from the air and is not sold as a supplement.",
        },
    },
    SupplementForm {
        id: "lactate",
        name: "Magnesium lactate",
        // Ph. Eur. magnesium lactate is the dihydrate.
        variants: &[
            variant(
                "dihydrate",
                "magnesium lactate dihydrate",
                "Mg(C3H5O3)2·2H2O",
            ),
            variant("anhydrous", "magnesium lactate, anhydrous", "Mg(C3H5O3)2"),
        ],
        notes: FormNotes {
            absorption: "Absorbed better than oxide, about as well as chloride and aspartate (Firoz & Graber 2001). NIH ODS counts it among the forms that dissolve well in water, which are absorbed more completely than oxide and sulfate.",
            tolerance: Tolerance::NotDescribed,
            sold_as: "Sold as the dihydrate (European Pharmacopoeia).",
        },
    },
    SupplementForm {
        id: "sulfate",
        name: "Magnesium sulfate (Epsom salt)",
        // Sold as the heptahydrate, Epsom salt (reference, "Which variant is sold").
        variants: &[
            variant(
                "heptahydrate",
                "magnesium sulfate heptahydrate (Epsom salt)",
                "MgSO4·7H2O",
            ),
            variant("anhydrous", "magnesium sulfate, anhydrous", "MgSO4"),
        ],
        notes: FormNotes {
            absorption: "NIH ODS: absorbed less completely than forms that dissolve well in water (aspartate, citrate, lactate, chloride).",
            tolerance: Tolerance::SoldAsLaxative,
            sold_as: "Sold as the heptahydrate, Epsom salt.",
        },
    },
    SupplementForm {
        id: "gluconate",
        name: "Magnesium gluconate",
        // USP magnesium gluconate is the dihydrate (or "hydrate").
        variants: &[
            variant(
                "dihydrate",
                "magnesium gluconate dihydrate",
                "Mg(C6H11O7)2·2H2O",
            ),
            variant(
                "anhydrous",
                "magnesium gluconate, anhydrous",
                "Mg(C6H11O7)2",
            ),
        ],
        notes: FormNotes {
            absorption: NO_COMPARISON,
            tolerance: Tolerance::MostReportedForDiarrhoea,
            sold_as: "Sold as the dihydrate or hydrate (US Pharmacopeia); the least magnesium per gram of salt of the forms listed here.",
        },
    },
    SupplementForm {
        id: "threonate",
        name: "Magnesium L-threonate",
        variants: &[variant("anhydrous", "magnesium L-threonate", "Mg(C4H7O5)2")],
        notes: FormNotes {
            absorption: NO_COMPARISON,
            tolerance: Tolerance::NotDescribed,
            sold_as: "Marketed for memory and sleep: claims that none of the sources this app uses supports. One product gives 144 mg of magnesium per 2,000 mg (7.2 %), below the pure salt's share.",
        },
    },
    SupplementForm {
        id: "taurate",
        name: "Magnesium taurate",
        variants: &[variant("anhydrous", "magnesium taurate", "Mg(C2H6NO3S)2")],
        notes: FormNotes {
            absorption: NO_COMPARISON,
            tolerance: Tolerance::NotDescribed,
            sold_as: "Marketed for heart health: a claim that none of the sources this app uses supports.",
        },
    },
    SupplementForm {
        id: "orotate",
        name: "Magnesium orotate",
        // Sold as the dihydrate (reference, "Which variant is sold").
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
            tolerance: Tolerance::NotDescribed,
            sold_as: "Sold as the dihydrate. Marketed for heart health and sport: claims that none of the sources this app uses supports.",
        },
    },
    SupplementForm {
        id: "aspartate",
        name: "Magnesium L-aspartate",
        // Sold as the dihydrate (reference, "Which variant is sold").
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
            absorption: "Absorbed better than oxide, about as well as chloride and lactate (Firoz & Graber 2001). NIH ODS counts it among the forms that dissolve well in water, which are absorbed more completely than oxide and sulfate.",
            tolerance: Tolerance::NotDescribed,
            sold_as: "Sold as the dihydrate.",
        },
    },
    SupplementForm {
        id: "pidolate",
        name: "Magnesium pidolate",
        variants: &[variant("anhydrous", "magnesium pidolate", "Mg(C5H6NO3)2")],
        notes: FormNotes {
            absorption: NO_COMPARISON,
            tolerance: Tolerance::NotDescribed,
            sold_as: "The sources this app uses say nothing about how it is sold.",
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
    /// Servings of one of the person's products ([`super::library::Product`]): only a dose that
    /// carries its product is counted this way.
    Servings,
}

/// The page's `<option value>`s (the UI contract's `elemental`, `compound`), also in saved data.
impl Choice for DoseBasis {
    const ALL: &'static [Self] = &[
        DoseBasis::Elemental,
        DoseBasis::Compound,
        DoseBasis::Servings,
    ];

    fn value(self) -> &'static str {
        match self {
            DoseBasis::Elemental => "elemental",
            DoseBasis::Compound => "compound",
            DoseBasis::Servings => "servings",
        }
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
                "That is {} mg of elemental magnesium in one dose, more than the {} mg the planner accepts. Check the amount and its unit.",
                plain((elemental_mg * 10.0).round() / 10.0),
                plain(MAX_DOSE_ELEMENTAL_MG)
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
            assumption: format!("assumes {}", variant.with_share()),
        },
        // Servings mean nothing without the product they are servings of.
        DoseBasis::Servings => return Err(DoseError::UnknownForm),
    };
    if dose.elemental_mg > MAX_DOSE_ELEMENTAL_MG {
        return Err(DoseError::TooLarge {
            elemental_mg: dose.elemental_mg,
        });
    }
    Ok(dose)
}

/// The smallest amount per capsule, entered as elemental magnesium, that [`label_check`]
/// questions: 500 mg, the compound weight printed on the front of many bottles ("Magnesium
/// Glycinate 500 mg", `shared/reference/magnesium.md`, "Labels"). As elemental magnesium it
/// would be more than any authority's daily limit for supplements in one capsule.
pub const LABEL_CHECK_MIN_MG: f64 = 500.0;

/// [`label_check`] questions only forms whose salt as sold holds less than this share of
/// magnesium: there, 500 mg of magnesium per capsule would take at least 2,500 mg of salt, so a
/// figure that large is far likelier the salt's weight. Oxide, hydroxide and the basic carbonate
/// hold more, and a large elemental figure can be real for them (milk of magnesia gives 500 mg
/// of magnesium in one 15 mL dose).
pub const LABEL_CHECK_MAX_FRACTION: f64 = 0.20;

/// An elemental amount that looks like a bottle's compound weight: the facts a hint needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelHint {
    /// The chosen salt's share of magnesium, from 0 to 1.
    pub fraction: f64,
    /// The magnesium the amount would give if it were the salt's weight, in mg.
    pub elemental_mg_if_compound: f64,
}

/// Whether an amount per capsule entered as elemental magnesium looks like the compound weight
/// on the front of a bottle: at least [`LABEL_CHECK_MIN_MG`] of a form whose salt as sold (its
/// default variant) holds under [`LABEL_CHECK_MAX_FRACTION`] magnesium. `variant` is the salt
/// the person chose, used for what the amount would be as the salt's weight. A hint, never a
/// refusal: the amount stays as entered. `None` for the compound basis, for amounts that are
/// not finite, and for formulas that cannot be read.
pub fn label_check(
    form: &SupplementForm,
    variant: &SaltVariant,
    amount_mg_per_unit: f64,
    basis: DoseBasis,
) -> Option<LabelHint> {
    if basis != DoseBasis::Elemental
        || !amount_mg_per_unit.is_finite()
        || amount_mg_per_unit < LABEL_CHECK_MIN_MG
    {
        return None;
    }
    let sold_fraction = form.default_variant().elemental_fraction().ok()?;
    if sold_fraction >= LABEL_CHECK_MAX_FRACTION {
        return None;
    }
    let fraction = variant.elemental_fraction().ok()?;
    Some(LabelHint {
        fraction,
        elemental_mg_if_compound: amount_mg_per_unit * fraction,
    })
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
