//! The words the page uses for medicines and their rules, in one place so that a second language
//! can replace them. Every sentence follows `shared/reference/magnesium.md`, "Medicines and
//! magnesium"; the timing phrases are built from the rules' data, so words and checks cannot
//! drift apart.

use yew::AttrValue;

use crate::components::ChoiceLabel;
use crate::domain::medicines::{
    DoctorAdvice, MedicineGroup, Rule, RuleSource, SafePeriod, Separation,
};

/// The `medicine-select` options' words: [`group_label`].
impl ChoiceLabel for MedicineGroup {
    fn label(self) -> AttrValue {
        group_label(self).into()
    }
}

/// The group as the select and the list name it: its name and the reference's examples.
pub fn group_label(group: MedicineGroup) -> String {
    let name = match group {
        MedicineGroup::Bisphosphonates => "Bisphosphonates",
        MedicineGroup::Tetracyclines => "Tetracycline antibiotics",
        MedicineGroup::Quinolones => "Quinolone antibiotics",
        MedicineGroup::Levothyroxine => "Levothyroxine",
        MedicineGroup::Gabapentin => "Gabapentin",
        MedicineGroup::HivIntegraseInhibitors => "HIV integrase inhibitors",
        MedicineGroup::OralIron => "Oral iron",
        MedicineGroup::LoopAndThiazideDiuretics => "Loop and thiazide diuretics",
        MedicineGroup::PotassiumSparingDiuretics => "Potassium-sparing diuretics",
        MedicineGroup::ProtonPumpInhibitors => "Proton pump inhibitors",
    };
    match group.examples() {
        [] => name.to_owned(),
        examples => format!("{name} ({})", examples.join(", ")),
    }
}

/// The person's medicine, as a warning names it ("… 1 hour after your tetracycline antibiotic").
fn your_medicine(group: MedicineGroup) -> &'static str {
    match group {
        MedicineGroup::Bisphosphonates => "your bisphosphonate",
        MedicineGroup::Tetracyclines => "your tetracycline antibiotic",
        MedicineGroup::Quinolones => "your quinolone antibiotic",
        MedicineGroup::Levothyroxine => "your levothyroxine",
        MedicineGroup::Gabapentin => "your gabapentin",
        MedicineGroup::HivIntegraseInhibitors => "your HIV integrase inhibitor",
        MedicineGroup::OralIron => "your iron",
        MedicineGroup::LoopAndThiazideDiuretics => "your diuretic",
        MedicineGroup::PotassiumSparingDiuretics => "your potassium-sparing diuretic",
        MedicineGroup::ProtonPumpInhibitors => "your proton pump inhibitor",
    }
}

/// The medicine as the object of a rule ("… at least 2 hours after the antibiotic").
fn the_medicine(group: MedicineGroup) -> &'static str {
    match group {
        MedicineGroup::Bisphosphonates => "the bisphosphonate",
        MedicineGroup::Tetracyclines | MedicineGroup::Quinolones => "the antibiotic",
        MedicineGroup::Levothyroxine => "levothyroxine",
        MedicineGroup::Gabapentin => "gabapentin",
        MedicineGroup::HivIntegraseInhibitors => "the integrase inhibitor",
        MedicineGroup::OralIron => "the iron",
        MedicineGroup::LoopAndThiazideDiuretics
        | MedicineGroup::PotassiumSparingDiuretics
        | MedicineGroup::ProtonPumpInhibitors => "the medicine",
    }
}

/// What happens when the group meets magnesium: the reference table's "What happens" column.
pub fn effect(group: MedicineGroup) -> &'static str {
    match group {
        MedicineGroup::Bisphosphonates => {
            "Magnesium-rich supplements or medicines reduce their absorption."
        }
        MedicineGroup::Tetracyclines | MedicineGroup::Quinolones => {
            "With magnesium they form insoluble complexes."
        }
        MedicineGroup::Levothyroxine => {
            "Magnesium antacids reduce its absorption, as calcium and iron do."
        }
        MedicineGroup::Gabapentin => {
            "Magnesium and aluminium antacids lower its absorption by about 20 %."
        }
        MedicineGroup::HivIntegraseInhibitors => {
            "Polyvalent cations, magnesium among them, block their absorption."
        }
        MedicineGroup::OralIron => "Antacids and magnesium reduce iron absorption.",
        MedicineGroup::LoopAndThiazideDiuretics => {
            "Long use raises the magnesium lost in urine and may lead to low magnesium."
        }
        MedicineGroup::PotassiumSparingDiuretics => {
            "They reduce the magnesium the body excretes, so magnesium from supplements can build up."
        }
        MedicineGroup::ProtonPumpInhibitors => {
            "Taken for more than a year, they can cause low blood magnesium, and supplements often do not correct it."
        }
    }
}

/// What to ask the doctor: the reference table's "Advice" column for groups without a timing
/// rule.
pub fn advice(advice: DoctorAdvice) -> &'static str {
    match advice {
        DoctorAdvice::AskAboutBloodTest => "Ask your doctor about a blood test for magnesium.",
        DoctorAdvice::AskBeforeSupplementing => {
            "Ask your doctor before taking a magnesium supplement."
        }
        DoctorAdvice::CheckBeforeAndDuringLongUse => {
            "The FDA advises checking magnesium before and during long use: ask your doctor about it."
        }
    }
}

/// A source's name as the page cites it.
pub fn source_name(source: RuleSource) -> &'static str {
    match source {
        RuleSource::Ods => "NIH Office of Dietary Supplements",
        RuleSource::LevothyroxineLabels => "levothyroxine labels",
        RuleSource::GabapentinLabel => "gabapentin label",
        RuleSource::IntegraseInhibitorLabels => "the medicines' labels",
        RuleSource::IronProductLabels => "iron product labels",
    }
}

/// The source's own words for a timing rule, as the reference table gives them.
fn source_words(group: MedicineGroup) -> &'static str {
    match group {
        MedicineGroup::Bisphosphonates => "separate by at least 2 hours",
        MedicineGroup::Tetracyclines | MedicineGroup::Quinolones => {
            "the antibiotic at least 2 hours before or 4–6 hours after magnesium"
        }
        MedicineGroup::Levothyroxine => "at least 4 hours apart",
        MedicineGroup::Gabapentin => "gabapentin at least 2 hours after magnesium",
        MedicineGroup::HivIntegraseInhibitors => {
            "the medicine 2 hours before or 6 hours after magnesium"
        }
        MedicineGroup::OralIron => "take apart, at least 2 hours",
        MedicineGroup::LoopAndThiazideDiuretics
        | MedicineGroup::PotassiumSparingDiuretics
        | MedicineGroup::ProtonPumpInhibitors => "",
    }
}

/// A length of time in words: "2 hours", "1 hour 30 minutes", "45 minutes".
pub fn duration(minutes: u16) -> String {
    let plural = |n: u16, one: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    match (minutes / 60, minutes % 60) {
        (0, m) => plural(m, "minute"),
        (h, 0) => plural(h, "hour"),
        (h, m) => format!("{} {}", plural(h, "hour"), plural(m, "minute")),
    }
}

/// The timing rule from magnesium's side, built from the rule's data: "take magnesium at least
/// 2 hours after the antibiotic, or at least 6 hours before it".
pub fn rule_words(group: MedicineGroup, rule: Separation) -> String {
    let medicine = the_medicine(group);
    let (before, after) = (rule.before_minutes, rule.after_minutes);
    if before == after {
        format!(
            "take magnesium at least {} before or after {medicine}",
            duration(before)
        )
    } else if after == 0 {
        format!(
            "take magnesium at least {} before {medicine}; the label sets no wait for magnesium \
             after it",
            duration(before)
        )
    } else {
        format!(
            "take magnesium at least {} after {medicine}, or at least {} before it",
            duration(after),
            duration(before)
        )
    }
}

/// The rule's source, what it advises (the reference's summary, not a quotation), and where the
/// planner chose within a range: "NIH Office of Dietary Supplements: the antibiotic at least 2
/// hours before or 4–6 hours after magnesium; the planner keeps the longer 6 hours".
pub fn rule_source(group: MedicineGroup) -> String {
    let rule = group.rule();
    let mut text = format!("{}: {}", source_name(rule.source), source_words(group));
    if let Rule::Separate(Separation {
        before_minutes,
        before_range_from_minutes: Some(_),
        ..
    }) = rule.rule
    {
        text.push_str(&format!(
            "; the planner keeps the longer {}",
            duration(before_minutes)
        ));
    }
    text
}

/// The medicine and its time in a warning: "your tetracycline antibiotic at 08:00".
pub fn medicine_at(group: MedicineGroup, time: &str) -> String {
    format!("{} at {time}", your_medicine(group))
}

/// A safe stretch of the day in words: "from 10:00 to 02:00", "at 10:01", "at any time".
pub fn period_words(period: SafePeriod) -> String {
    if period.is_whole_day() {
        "at any time".to_owned()
    } else if period.minutes == 1 {
        format!("at {}", period.start)
    } else {
        format!("from {} to {}", period.start, period.last())
    }
}

/// Said when no minute of the day meets every rule.
pub const NO_SAFE_TIME: &str = "No time of day fits all your medicines' rules at once: ask your pharmacist or doctor how to take magnesium with them.";

/// Said once beside the medicines: where the rules come from, and who to ask.
pub const SOURCES_AND_PHARMACIST: &str = "The timing rules and advice come from the NIH Office of Dietary Supplements and the medicines' labels. The planner does not replace asking your pharmacist or doctor about your own medicines.";
