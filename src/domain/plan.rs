//! A day's plan: foods in meals, each in a chosen portion and quantity, and the magnesium they
//! add up to.

use std::fmt;
use std::rc::Rc;

use super::choice::Choice;
use super::clock::ClockTime;
use super::decimal_text::plain;
use super::foods::{Food, FoodTable};
use super::input::{NumberError, parse_decimal};
use super::library::{
    AmountError, CustomFood, OwnFood, OwnProduct, Product, Water, add_own_food, add_product,
    check_litres, same_name,
};
use super::supplements::{
    DoseBasis, DoseError, ElementalDose, MAX_DOSE_ELEMENTAL_MG, SaltVariant, elemental_dose, form,
};

/// Grams in an avoirdupois ounce (exact by definition).
pub const GRAMS_PER_OUNCE: f64 = 28.349_523_125;

/// The most of one food one entry may hold before the planner calls it a typing slip.
pub const MAX_ENTRY_GRAMS: f64 = 100_000.0;

/// An amount of magnesium as the page shows it: rounded to the nearest whole mg, halves away
/// from zero ("156 mg").
pub fn mg_text(mg: f64) -> String {
    // Adding 0.0 turns -0.0 (what summing no floats gives) into 0.0, so nothing reads "-0 mg".
    format!("{} mg", plain(mg.round() + 0.0))
}

/// The meals of a day, in the order they are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Meal {
    /// Breakfast.
    Breakfast,
    /// Lunch.
    Lunch,
    /// Dinner.
    Dinner,
    /// Snacks, whenever they are eaten.
    Snacks,
}

/// Every meal in the order of the day; the value is the one in saved data.
impl Choice for Meal {
    const ALL: &'static [Self] = &[Meal::Breakfast, Meal::Lunch, Meal::Dinner, Meal::Snacks];

    fn value(self) -> &'static str {
        match self {
            Meal::Breakfast => "breakfast",
            Meal::Lunch => "lunch",
            Meal::Dinner => "dinner",
            Meal::Snacks => "snacks",
        }
    }
}

impl Meal {
    /// The name a person reads.
    pub fn label(self) -> &'static str {
        match self {
            Meal::Breakfast => "Breakfast",
            Meal::Lunch => "Lunch",
            Meal::Dinner => "Dinner",
            Meal::Snacks => "Snacks",
        }
    }
}

/// A way to measure a food: one of its USDA household portions, or a weight.
#[derive(Clone, Debug, PartialEq)]
pub struct PortionOption {
    /// What a person reads: `1 oz (28.35 g)`, `1 cup (180 g)`, `100 g`.
    pub label: String,
    /// What one of this portion weighs, in grams.
    pub grams: f64,
}

/// Weight-based measures offered for every food after its household portions.
const WEIGHT_OPTIONS: [(&str, f64); 3] = [
    ("100 g", 100.0),
    ("1 g", 1.0),
    ("1 oz (28.35 g)", GRAMS_PER_OUNCE),
];

/// The portions a food can be measured in: its USDA household portions in SR28's order, then
/// 100 g, 1 g and 1 oz.
pub fn portion_options(food: &Food) -> Vec<PortionOption> {
    food.portions
        .iter()
        .map(|p| PortionOption {
            label: food.portion_label(p),
            grams: p.grams,
        })
        .chain(WEIGHT_OPTIONS.iter().map(|(label, grams)| PortionOption {
            label: (*label).to_owned(),
            grams: *grams,
        }))
        .collect()
}

/// Why a quantity was refused; its text is shown beside the field.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum QuantityError {
    /// Nothing typed.
    Empty,
    /// Not a number.
    NotANumber,
    /// Zero or below.
    NotPositive,
    /// More than [`MAX_ENTRY_GRAMS`] of the food.
    TooMuch {
        /// What the entry would weigh, in grams.
        grams: f64,
    },
}

impl fmt::Display for QuantityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuantityError::Empty => f.write_str("Enter how many portions, for example 1 or 0.5."),
            QuantityError::NotANumber => {
                f.write_str("Enter the quantity as a number, for example 1 or 0.5.")
            }
            QuantityError::NotPositive => f.write_str("The quantity must be more than 0."),
            QuantityError::TooMuch { grams } => write!(
                f,
                "That is {} kg of one food, more than the 100 kg the planner accepts. Check the quantity and portion.",
                plain((grams / 100.0).round() / 10.0)
            ),
        }
    }
}

impl std::error::Error for QuantityError {}

/// Reads a quantity of a portion weighing `grams_per_portion`, refusing empty, non-numeric,
/// non-positive and absurd amounts.
pub fn parse_quantity(text: &str, grams_per_portion: f64) -> Result<f64, QuantityError> {
    let quantity = parse_decimal(text).map_err(|e| match e {
        NumberError::Empty => QuantityError::Empty,
        NumberError::NotANumber => QuantityError::NotANumber,
    })?;
    check_quantity(quantity, grams_per_portion)
}

/// Checks a quantity that is already a number.
pub fn check_quantity(quantity: f64, grams_per_portion: f64) -> Result<f64, QuantityError> {
    if quantity.is_nan() {
        return Err(QuantityError::NotANumber);
    }
    if quantity <= 0.0 {
        return Err(QuantityError::NotPositive);
    }
    let grams = quantity * grams_per_portion;
    if !grams.is_finite() || grams > MAX_ENTRY_GRAMS {
        return Err(QuantityError::TooMuch { grams });
    }
    Ok(quantity)
}

/// A portion and how many of it, checked together: the number is finite and above 0, the
/// portion weighs something, and the whole is at most [`MAX_ENTRY_GRAMS`]. Actions carry this
/// rather than a bare number, so a plan takes it without checking again and nothing is dropped
/// on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Serving {
    portion: PortionOption,
    quantity: f64,
}

impl Serving {
    /// Checks `quantity` of `portion` ([`check_quantity`], and a portion that weighs nothing or
    /// cannot be weighed is refused as not positive).
    pub fn new(portion: PortionOption, quantity: f64) -> Result<Self, QuantityError> {
        if !(portion.grams.is_finite() && portion.grams > 0.0) {
            // A portion that weighs nothing would make any quantity count as no magnesium.
            return Err(QuantityError::NotPositive);
        }
        let quantity = check_quantity(quantity, portion.grams)?;
        Ok(Self { portion, quantity })
    }

    /// Reads a quantity as typed ([`parse_quantity`]) and checks it with `portion`.
    pub fn parse(portion: PortionOption, text: &str) -> Result<Self, QuantityError> {
        let quantity = parse_quantity(text, portion.grams)?;
        Self::new(portion, quantity)
    }

    /// The portion.
    pub fn portion(&self) -> &PortionOption {
        &self.portion
    }

    /// How many of the portion.
    pub fn quantity(&self) -> f64 {
        self.quantity
    }

    /// What the serving weighs, in grams.
    pub fn grams(&self) -> f64 {
        self.quantity * self.portion.grams
    }

    /// The portion and the quantity, to keep apart.
    pub fn into_parts(self) -> (PortionOption, f64) {
        (self.portion, self.quantity)
    }
}

/// Identifies an entry within its plan, stable across edits.
pub type EntryId = u64;

/// One food in the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct FoodEntry {
    /// Stable within the plan.
    pub id: EntryId,
    /// The food's SR28 NDB number.
    pub ndb: u32,
    /// The portion as chosen, kept whole so the entry reads the same even if a later release of
    /// the table renames or reorders portions.
    pub portion: PortionOption,
    /// How many portions; validated by [`check_quantity`].
    pub quantity: f64,
    /// The meal it belongs to.
    pub meal: Meal,
    /// For a food of the person's own, the food as it was when added: the day reads its
    /// magnesium from this copy, so editing or removing the food later never changes the day.
    pub own: Option<Rc<CustomFood>>,
}

impl FoodEntry {
    /// The food as the page shows it: the person's own copy, or SR28's from `table`.
    pub fn food(&self, table: &FoodTable) -> Option<Food> {
        match &self.own {
            Some(own) => Some(own.as_food(self.ndb)),
            None => table.by_ndb(self.ndb).cloned(),
        }
    }

    /// The food's name: the person's own, or SR28's description, or its number when the table
    /// lacks it.
    pub fn name(&self, table: &FoodTable) -> String {
        match (&self.own, table.by_ndb(self.ndb)) {
            (Some(own), _) => own.name.clone(),
            (None, Some(food)) => food.description.clone(),
            (None, None) => format!("food {}", self.ndb),
        }
    }

    /// What the entry weighs, in grams.
    pub fn grams(&self) -> f64 {
        self.quantity * self.portion.grams
    }

    /// Magnesium in the entry, in mg, or `None` if the food has no magnesium value or is not in
    /// the table.
    pub fn magnesium_mg(&self, table: &FoodTable) -> Option<f64> {
        match &self.own {
            Some(own) => Some(own.magnesium_mg_per_100g() * self.grams() / 100.0),
            None => table.by_ndb(self.ndb)?.magnesium_mg_in_grams(self.grams()),
        }
    }
}

/// When a supplement dose is taken: a clock time, or, for doses saved before the planner took
/// clock times (plan book format 2 and earlier, share codes of version 1), the part of the day
/// they were saved with. Those words are kept and shown as they were, since nothing a person
/// saved is dropped; they say too little to check a medicine's timing rule, so for that they
/// count as no time at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeOfDay {
    /// A clock time, as the add form takes it.
    At(ClockTime),
    /// Morning (saved before clock times).
    Morning,
    /// Midday (saved before clock times).
    Midday,
    /// Evening (saved before clock times).
    Evening,
    /// Bedtime (saved before clock times).
    Bedtime,
}

impl TimeOfDay {
    /// The parts of the day that earlier versions offered, in the order of the day.
    pub const PARTS_OF_DAY: [TimeOfDay; 4] = [
        TimeOfDay::Morning,
        TimeOfDay::Midday,
        TimeOfDay::Evening,
        TimeOfDay::Bedtime,
    ];

    /// The stable value in saved data and share codes: `HH:MM` for a clock time, the word for
    /// a part of the day (`morning`, `midday`, `evening`, `bedtime`).
    pub fn value(self) -> String {
        match self {
            TimeOfDay::At(time) => time.to_string(),
            TimeOfDay::Morning => "morning".to_owned(),
            TimeOfDay::Midday => "midday".to_owned(),
            TimeOfDay::Evening => "evening".to_owned(),
            TimeOfDay::Bedtime => "bedtime".to_owned(),
        }
    }

    /// What a person reads: the clock time, or the part of the day's word.
    pub fn label(self) -> String {
        match self {
            TimeOfDay::At(time) => time.to_string(),
            TimeOfDay::Morning => "Morning".to_owned(),
            TimeOfDay::Midday => "Midday".to_owned(),
            TimeOfDay::Evening => "Evening".to_owned(),
            TimeOfDay::Bedtime => "Bedtime".to_owned(),
        }
    }

    /// The inverse of [`TimeOfDay::value`]; `None` for anything else.
    pub fn from_value(value: &str) -> Option<Self> {
        Self::PARTS_OF_DAY
            .into_iter()
            .find(|t| t.value() == value)
            .or_else(|| {
                // Only the exact form value() writes, so that a value reads back one way only.
                ClockTime::parse(value)
                    .ok()
                    .filter(|time| time.to_string() == value)
                    .map(TimeOfDay::At)
            })
    }

    /// The clock time, if the dose has one; a part of the day has none.
    pub fn clock(self) -> Option<ClockTime> {
        match self {
            TimeOfDay::At(time) => Some(time),
            _ => None,
        }
    }
}

/// What a supplement dose is, as the person entered it.
#[derive(Clone, Debug, PartialEq)]
pub struct DoseInput {
    /// The form's id in [`super::supplements::FORMS`].
    pub form_id: String,
    /// The variant's id within the form (anhydrous, a hydrate).
    pub variant_id: String,
    /// Whether `amount_mg` is elemental magnesium or the salt's weight.
    pub basis: DoseBasis,
    /// mg per capsule, tablet or scoop (or for the whole dose when `units` is 1).
    pub amount_mg: f64,
    /// Capsules, tablets or scoops per dose; 1 when not given.
    pub units: f64,
    /// When it is taken, if the person said.
    pub time: Option<TimeOfDay>,
    /// For a dose of one of the person's products, the product as it was when added (the dose
    /// reads its copy, so editing or removing the product never changes a past day). Its basis
    /// is then [`DoseBasis::Servings`] and `units` the servings; `form_id` and `variant_id` are
    /// its first form's, and `amount_mg` is ignored.
    pub product: Option<Rc<Product>>,
}

impl DoseInput {
    /// A dose of `servings` servings of one of the person's products, taken at `time`.
    pub fn of_product(product: &Rc<Product>, servings: f64, time: Option<TimeOfDay>) -> Self {
        let first = product.forms.first();
        Self {
            form_id: first.map_or("", |f| f.form_id).to_owned(),
            variant_id: first
                .and_then(|f| form(f.form_id))
                .map_or("", |f| f.default_variant().id)
                .to_owned(),
            basis: DoseBasis::Servings,
            amount_mg: product.elemental_mg_per_serving(),
            units: servings,
            time,
            product: Some(Rc::clone(product)),
        }
    }

    /// What the dose is called: its product's name, or its form's.
    pub fn name(&self) -> &str {
        match &self.product {
            Some(product) => &product.name,
            None => form(&self.form_id).map_or("Magnesium supplement", |f| f.name),
        }
    }

    /// The salt variant this dose is made of, if the form and variant are known.
    pub fn variant(&self) -> Option<&'static SaltVariant> {
        form(&self.form_id)?.variant(&self.variant_id)
    }

    /// The dose in elemental magnesium, with the assumption behind the conversion; refuses
    /// unknown forms, bad numbers and absurd doses.
    pub fn elemental(&self) -> Result<ElementalDose, DoseError> {
        if !(self.units.is_finite() && self.units > 0.0) {
            return Err(DoseError::NotPositive);
        }
        let Some(product) = &self.product else {
            let variant = self.variant().ok_or(DoseError::UnknownForm)?;
            return elemental_dose(self.amount_mg * self.units, self.basis, variant);
        };
        if self.basis != DoseBasis::Servings {
            return Err(DoseError::UnknownForm);
        }
        // Every form counts: the dose's magnesium is all of them together.
        let elemental_mg = product.elemental_mg_per_serving() * self.units;
        if elemental_mg > MAX_DOSE_ELEMENTAL_MG {
            return Err(DoseError::TooLarge { elemental_mg });
        }
        let forms: Vec<String> = product
            .forms
            .iter()
            .map(|f| {
                let name = form(f.form_id).map_or(f.form_id, |known| known.name);
                let converted = match f.converted_from {
                    Some(salt) => format!(" (converted from the weight of {})", salt.with_share()),
                    None => String::new(),
                };
                format!(
                    "{} from {name}{converted}",
                    mg_text(f.elemental_mg_per_serving)
                )
            })
            .collect();
        Ok(ElementalDose {
            elemental_mg,
            compound_mg: 0.0,
            assumption: format!(
                "{} of {} units; one serving gives {}",
                if self.units == 1.0 {
                    "1 serving".to_owned()
                } else {
                    format!("{} servings", plain(self.units))
                },
                plain(product.units_per_serving),
                forms.join(" + ")
            ),
        })
    }
}

/// A dose whose input was checked and converted to elemental magnesium ([`DoseInput::elemental`]:
/// a known form, a finite amount above 0, at most
/// [`super::supplements::MAX_DOSE_ELEMENTAL_MG`] elemental): what actions carry, so a plan
/// takes it without checking again.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckedDose {
    input: DoseInput,
    elemental: ElementalDose,
}

impl CheckedDose {
    /// Checks `input` and converts it.
    pub fn new(input: DoseInput) -> Result<Self, DoseError> {
        let elemental = input.elemental()?;
        Ok(Self { input, elemental })
    }

    /// What was entered.
    pub fn input(&self) -> &DoseInput {
        &self.input
    }

    /// The dose in elemental magnesium, with the assumption behind the conversion.
    pub fn elemental(&self) -> &ElementalDose {
        &self.elemental
    }
}

/// One supplement dose in the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct SupplementDose {
    /// Stable within the plan.
    pub id: EntryId,
    /// What was entered.
    pub input: DoseInput,
    /// Elemental magnesium in mg, computed from `input` when it was checked.
    pub elemental_mg: f64,
    /// How `elemental_mg` was reached, in words.
    pub assumption: String,
}

/// Water drunk in the day: which water and how much. Its magnesium counts as food, never
/// toward a supplement limit (the IOM's UL excludes it; see `shared/reference/magnesium.md`).
#[derive(Clone, Debug, PartialEq)]
pub struct WaterEntry {
    /// Stable within the plan, from the same counter as foods and doses.
    pub id: EntryId,
    /// The water, copied in whole so that forgetting a saved water never changes a past day.
    pub water: Water,
    /// Litres drunk, checked by [`check_litres`].
    pub litres: f64,
}

impl WaterEntry {
    /// Magnesium in what was drunk, mg.
    pub fn magnesium_mg(&self) -> f64 {
        self.water.magnesium_mg(self.litres)
    }
}

/// A water and the litres drunk of it, both checked: what adding water to a day takes.
#[derive(Clone, Debug, PartialEq)]
pub struct WaterDrunk {
    water: Water,
    litres: f64,
}

impl WaterDrunk {
    /// Checks `litres` ([`super::library::check_litres`]); the water was checked when made.
    pub fn new(water: Water, litres: f64) -> Result<Self, AmountError> {
        check_litres(litres).map(|litres| Self { water, litres })
    }

    /// The water.
    pub fn water(&self) -> &Water {
        &self.water
    }

    /// The litres drunk.
    pub fn litres(&self) -> f64 {
        self.litres
    }
}

/// What is copied from another plan into the one on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanPart {
    /// Every food, dose and water of the day.
    WholeDay,
    /// The foods of one meal, into the same meal.
    Meal(Meal),
}

/// How much a copy adds, by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Copied {
    /// Foods.
    pub foods: usize,
    /// Supplement doses.
    pub doses: usize,
    /// Waters.
    pub waters: usize,
}

impl Copied {
    /// What copying `part` of `source` adds, worked out without copying.
    pub fn of(source: &Plan, part: PlanPart) -> Self {
        match part {
            PlanPart::Meal(meal) => Self {
                foods: source.meal_entries(meal).count(),
                ..Self::default()
            },
            PlanPart::WholeDay => Self {
                foods: source.entries.len(),
                doses: source.doses.len(),
                waters: source.waters.len(),
            },
        }
    }

    /// Whether nothing at all is copied.
    pub fn is_empty(&self) -> bool {
        self.foods + self.doses + self.waters == 0
    }
}

/// A day's plan.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    /// The foods, in the order they were added.
    pub entries: Vec<FoodEntry>,
    /// The supplement doses, in the order they were added.
    pub doses: Vec<SupplementDose>,
    /// The waters drunk, in the order they were added.
    pub waters: Vec<WaterEntry>,
    /// The id the next entry or dose gets.
    pub next_id: EntryId,
}

impl Plan {
    /// Adds a food after checking its quantity ([`Serving::new`]); returns the new entry's id.
    pub fn add_food(
        &mut self,
        ndb: u32,
        portion: PortionOption,
        quantity: f64,
        meal: Meal,
    ) -> Result<EntryId, QuantityError> {
        Serving::new(portion, quantity).map(|serving| self.add_serving(ndb, serving, meal))
    }

    /// Adds a food in a serving that is already checked; returns the new entry's id.
    pub fn add_serving(&mut self, ndb: u32, serving: Serving, meal: Meal) -> EntryId {
        let id = self.next_id;
        self.next_id = self.next_id.saturating_add(1);
        self.entries.push(FoodEntry {
            id,
            ndb,
            portion: serving.portion,
            quantity: serving.quantity,
            meal,
            own: None,
        });
        id
    }

    /// Adds a food of the person's own, keeping a copy of it in the entry; returns the id.
    pub fn add_own_serving(&mut self, food: &OwnFood, serving: Serving, meal: Meal) -> EntryId {
        let id = self.add_serving(food.id, serving, meal);
        if let Some(entry) = self.entries.last_mut() {
            entry.own = Some(Rc::clone(&food.food));
        }
        id
    }

    /// Changes an entry's portion and quantity after checking them; unknown ids change nothing.
    pub fn edit_food(
        &mut self,
        id: EntryId,
        portion: PortionOption,
        quantity: f64,
    ) -> Result<(), QuantityError> {
        Serving::new(portion, quantity).map(|serving| self.edit_serving(id, serving))
    }

    /// Changes an entry to a serving that is already checked; unknown ids change nothing.
    pub fn edit_serving(&mut self, id: EntryId, serving: Serving) {
        if let Some(entry) = self.entries.iter_mut().find(|e| e.id == id) {
            entry.portion = serving.portion;
            entry.quantity = serving.quantity;
        }
    }

    /// Removes an entry; unknown ids change nothing.
    pub fn remove_food(&mut self, id: EntryId) {
        self.entries.retain(|e| e.id != id);
    }

    /// Adds a supplement dose after checking it; returns its id.
    pub fn add_dose(&mut self, input: DoseInput) -> Result<EntryId, DoseError> {
        CheckedDose::new(input).map(|dose| self.add_checked_dose(dose))
    }

    /// Adds a dose that is already checked; returns its id.
    pub fn add_checked_dose(&mut self, dose: CheckedDose) -> EntryId {
        let id = self.next_id;
        self.next_id = self.next_id.saturating_add(1);
        self.doses.push(SupplementDose {
            id,
            input: dose.input,
            elemental_mg: dose.elemental.elemental_mg,
            assumption: dose.elemental.assumption,
        });
        id
    }

    /// Replaces a dose's input after checking it; unknown ids change nothing.
    pub fn edit_dose(&mut self, id: EntryId, input: DoseInput) -> Result<(), DoseError> {
        CheckedDose::new(input).map(|dose| self.edit_checked_dose(id, dose))
    }

    /// Replaces a dose with one that is already checked; unknown ids change nothing.
    pub fn edit_checked_dose(&mut self, id: EntryId, dose: CheckedDose) {
        if let Some(existing) = self.doses.iter_mut().find(|d| d.id == id) {
            existing.input = dose.input;
            existing.elemental_mg = dose.elemental.elemental_mg;
            existing.assumption = dose.elemental.assumption;
        }
    }

    /// Sets or clears when a dose is taken; unknown ids change nothing. A time cannot make a
    /// dose invalid, so nothing is refused.
    pub fn set_dose_time(&mut self, id: EntryId, time: Option<TimeOfDay>) {
        if let Some(dose) = self.doses.iter_mut().find(|d| d.id == id) {
            dose.input.time = time;
        }
    }

    /// Removes a dose; unknown ids change nothing.
    pub fn remove_dose(&mut self, id: EntryId) {
        self.doses.retain(|d| d.id != id);
    }

    /// Adds the water drunk; returns the new entry's id.
    pub fn add_water(&mut self, drunk: WaterDrunk) -> EntryId {
        let id = self.next_id;
        self.next_id = self.next_id.saturating_add(1);
        self.waters.push(WaterEntry {
            id,
            water: drunk.water,
            litres: drunk.litres,
        });
        id
    }

    /// The person's own foods in this plan (someone else's, from a share link) that `foods`
    /// lacks by name are kept there, while there is room; every such entry then goes by the id
    /// its food has in `foods`, so it cannot be taken for another of the person's foods. Each
    /// entry keeps its own copy of the food. Returns how many foods were kept.
    pub fn keep_own_foods(&mut self, foods: &mut Vec<OwnFood>) -> usize {
        let mut kept = 0;
        for entry in &mut self.entries {
            let Some(own) = &entry.own else { continue };
            let known = foods
                .iter()
                .find(|f| same_name(&f.food.name, &own.name))
                .map(|f| f.id);
            let id = match known {
                Some(id) => Some(id),
                None => add_own_food(foods, (**own).clone())
                    .ok()
                    .inspect(|_| kept += 1),
            };
            if let Some(id) = id {
                entry.ndb = id;
            }
        }
        kept
    }

    /// The products this plan's doses were taken from (someone else's, from a share link or a
    /// file) that `products` lacks by name are kept there, while there is room. The doses keep
    /// their own copies, so nothing in the plan changes. Returns how many products were kept.
    pub fn keep_products(&self, products: &mut Vec<OwnProduct>) -> usize {
        let mut kept = 0;
        for dose in &self.doses {
            if let Some(product) = &dose.input.product
                && add_product(products, (**product).clone()).is_ok()
            {
                kept += 1;
            }
        }
        kept
    }

    /// Removes a water; unknown ids change nothing.
    pub fn remove_water(&mut self, id: EntryId) {
        self.waters.retain(|w| w.id != id);
    }

    /// The id the next food, dose or water gets, and the counter moved past it.
    fn take_id(&mut self) -> EntryId {
        let id = self.next_id;
        self.next_id = self.next_id.saturating_add(1);
        id
    }

    /// Appends copies of `foods` with fresh ids from the plan's counter, each into `meal`, or
    /// into its own meal when `meal` is `None`; returns how many. The foods were checked when
    /// they were made, so they are not checked again.
    pub fn add_food_copies<'a>(
        &mut self,
        foods: impl IntoIterator<Item = &'a FoodEntry>,
        meal: Option<Meal>,
    ) -> usize {
        let before = self.entries.len();
        for food in foods {
            let id = self.take_id();
            self.entries.push(FoodEntry {
                id,
                meal: meal.unwrap_or(food.meal),
                ..food.clone()
            });
        }
        self.entries.len() - before
    }

    /// Appends copies of `part` of `source` (another plan) with fresh ids, after what the plan
    /// has: a meal's foods into the same meal, or the whole day's foods, doses and waters.
    pub fn add_part_of(&mut self, source: &Plan, part: PlanPart) -> Copied {
        match part {
            PlanPart::Meal(meal) => Copied {
                foods: self.add_food_copies(source.meal_entries(meal), None),
                ..Copied::default()
            },
            PlanPart::WholeDay => {
                let foods = self.add_food_copies(&source.entries, None);
                for dose in &source.doses {
                    let id = self.take_id();
                    self.doses.push(SupplementDose { id, ..dose.clone() });
                }
                for water in &source.waters {
                    let id = self.take_id();
                    self.waters.push(WaterEntry {
                        id,
                        ..water.clone()
                    });
                }
                Copied {
                    foods,
                    doses: source.doses.len(),
                    waters: source.waters.len(),
                }
            }
        }
    }

    /// Magnesium from all the water drunk, in mg.
    pub fn water_mg(&self) -> f64 {
        self.waters.iter().map(WaterEntry::magnesium_mg).sum()
    }

    /// The ids of every food, dose and water, in that order.
    pub fn ids(&self) -> impl Iterator<Item = EntryId> + '_ {
        let foods = self.entries.iter().map(|e| e.id);
        let doses = self.doses.iter().map(|d| d.id);
        foods.chain(doses).chain(self.waters.iter().map(|w| w.id))
    }

    /// Whether the plan holds nothing at all: no food, water or dose.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.doses.is_empty() && self.waters.is_empty()
    }

    /// Elemental magnesium from all supplement doses, in mg.
    pub fn supplement_mg(&self) -> f64 {
        self.doses.iter().map(|d| d.elemental_mg).sum()
    }

    /// The entries of one meal, in the order they were added.
    pub fn meal_entries(&self, meal: Meal) -> impl Iterator<Item = &FoodEntry> {
        self.entries.iter().filter(move |e| e.meal == meal)
    }
}

/// Magnesium added up over some entries, honest about foods without data.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MagnesiumTotal {
    /// The sum over the entries that have a value, in mg.
    pub known_mg: f64,
    /// Descriptions of foods counted without a value; when not empty the true total is higher
    /// than `known_mg` by an unknown amount.
    pub missing: Vec<String>,
}

impl MagnesiumTotal {
    /// Adds up `entries`, never counting a food without data as zero.
    pub fn of<'a>(entries: impl IntoIterator<Item = &'a FoodEntry>, table: &FoodTable) -> Self {
        let mut total = Self::default();
        for entry in entries {
            match entry.magnesium_mg(table) {
                Some(mg) => total.known_mg += mg,
                None => total.missing.push(entry.name(table)),
            }
        }
        total
    }

    /// Whether every food had a value.
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }

    /// The total as the page shows it: "412 mg", or "at least 412 mg" when some food has no
    /// value.
    pub fn display(&self) -> String {
        if self.is_complete() {
            mg_text(self.known_mg)
        } else {
            format!("at least {}", mg_text(self.known_mg))
        }
    }
}

/// The day's magnesium: food and water (honest about missing data) and supplements.
#[derive(Clone, Debug, PartialEq)]
pub struct DayTotals {
    /// Magnesium from food, water included: water counts as food, never toward a supplement
    /// limit.
    pub food: MagnesiumTotal,
    /// The part of `food` that came from water, in mg.
    pub water_mg: f64,
    /// Elemental magnesium from supplements, in mg.
    pub supplement_mg: f64,
}

impl DayTotals {
    /// Adds up the plan.
    pub fn of(plan: &Plan, table: &FoodTable) -> Self {
        let mut food = MagnesiumTotal::of(&plan.entries, table);
        let water_mg = plan.water_mg();
        food.known_mg += water_mg;
        Self {
            food,
            water_mg,
            supplement_mg: plan.supplement_mg(),
        }
    }

    /// Food and supplements together, in mg (a lower bound when food data is missing).
    pub fn total_mg(&self) -> f64 {
        self.food.known_mg + self.supplement_mg
    }

    /// The total as the page shows it ("at least" when food data is missing).
    pub fn total_display(&self) -> String {
        let text = mg_text(self.total_mg());
        if self.food.is_complete() {
            text
        } else {
            format!("at least {text}")
        }
    }

    /// The total as a percentage of `target_mg`, rounded to a whole percent.
    pub fn percent_of(&self, target_mg: u32) -> Option<f64> {
        (target_mg > 0).then(|| (self.total_mg() / f64::from(target_mg) * 100.0).round())
    }

    /// How much is still missing to reach `target_mg`, in whole mg as the page shows them (0
    /// when reached). With food data missing it is an upper bound.
    pub fn gap_mg(&self, target_mg: u32) -> f64 {
        (f64::from(target_mg) - self.total_mg().round()).max(0.0)
    }
}
