//! Several named plans, one of them current, each with the time it was last changed, and the
//! rule that merges two copies of the book (two tabs, or a tab and what storage holds) without
//! letting a stale copy overwrite a newer one.
//!
//! The rule, which loses no one's entries:
//! - For every plan, the copy changed last gives the name, the date and the night record (of
//!   two copies changed in the same millisecond, the night that has anything in it); its
//!   foods and doses are the union (by entry id) of both copies' foods and doses, the newer
//!   copy's version of an entry kept where both have it, less every entry either copy removed
//!   (each plan remembers the ids of the entries removed from it, and ids are never reused).
//! - A plan deleted in one copy stays deleted unless the other copy changed it after the
//!   deletion.
//! - Two dated plans for the same calendar date (a day opened in two tabs at once) are folded
//!   into one: the lower id keeps, with the union of both plans' entries; the other is
//!   remembered as deleted. Its night record is the newer one that has anything in it.
//!
//! New entry ids follow the clock, like plan ids, so an entry has one id in every copy and a
//! union by id never doubles it. Times are milliseconds since the Unix epoch, as the browser's
//! `Date.now()` gives them.

use std::cmp::Ordering;
use std::rc::Rc;

use super::choice::Choice;
use super::diary::{CalendarDate, DayIntake, DayRecord, NightRating, NightRecord, Period};
use super::foods::FoodTable;
use super::order::{ascending, sort_by_rank};
use super::plan::{Copied, DayTotals, EntryId, Plan, PlanPart};

/// Identifies a plan within the book, stable for its life and never reused.
pub type PlanId = u64;

/// The longest plan name the planner keeps, in characters.
pub const MAX_PLAN_NAME_CHARS: usize = 80;

/// A plan id from the time: whole milliseconds since the epoch, 0 for times before it.
fn clock_id(now_ms: f64) -> PlanId {
    if now_ms.is_finite() && now_ms > 0.0 {
        // Truncation is the point: ids are whole milliseconds.
        now_ms as PlanId
    } else {
        0
    }
}

/// How many deletions are remembered for merging; older ones can no longer be undone by a merge.
const MAX_TOMBSTONES: usize = 200;

/// How many removed entry ids each plan remembers for merging; past that, the oldest removals
/// could come back if a copy older than all of them were merged in.
pub const MAX_REMOVED_PER_PLAN: usize = 200;

/// The name a new plan gets when the person has not named it.
pub const DEFAULT_PLAN_NAME: &str = "My day";

/// One plan and what identifies it.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedPlan {
    /// Stable id.
    pub id: PlanId,
    /// The person's name for it.
    pub name: String,
    /// When it was last changed, in ms since the epoch.
    pub updated_at_ms: f64,
    /// The foods and doses.
    pub plan: Plan,
    /// The calendar day this plan records, or `None` for a plan that is not a day (a template,
    /// a what-if).
    pub date: Option<CalendarDate>,
    /// How the night after this day went; empty for plans that are not days.
    pub night: NightRecord,
    /// Ids of the foods and doses removed from this plan, ascending, so that merging another
    /// copy does not bring them back.
    pub removed: Vec<EntryId>,
}

impl NamedPlan {
    /// A plan with nothing recorded beyond its foods and doses.
    pub fn new(id: PlanId, name: String, updated_at_ms: f64, plan: Plan) -> Self {
        Self {
            id,
            name,
            updated_at_ms,
            plan,
            date: None,
            night: NightRecord::default(),
            removed: Vec::new(),
        }
    }

    /// Whether the day has no food, water or dose.
    pub fn is_empty(&self) -> bool {
        self.plan.is_empty()
    }
}

/// A deleted plan, remembered so that merging does not bring it back.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tombstone {
    /// The deleted plan's id.
    pub id: PlanId,
    /// When it was deleted.
    pub deleted_at_ms: f64,
}

/// All the person's plans.
#[derive(Clone, Debug)]
pub struct PlanBook {
    /// The plans, in the order they were created. Each is shared between copies of the book
    /// until one changes it (`Rc::make_mut`), so that the copy every change of the planner's
    /// state makes costs a count per plan, not a year of days copied (BENCHMARKS.md).
    pub plans: Vec<Rc<NamedPlan>>,
    /// The plan on screen; always one of `plans`.
    pub current: PlanId,
    /// The id the next plan gets.
    pub next_id: PlanId,
    /// Recent deletions, for merging.
    pub tombstones: Vec<Tombstone>,
}

impl Default for PlanBook {
    fn default() -> Self {
        Self::with_plan(DEFAULT_PLAN_NAME, Plan::default(), 0.0)
    }
}

/// Why a plan name was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameError {
    /// Only white space.
    Empty,
    /// Longer than [`MAX_PLAN_NAME_CHARS`].
    TooLong,
}

impl std::fmt::Display for NameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NameError::Empty => f.write_str("Give the plan a name."),
            NameError::TooLong => write!(f, "Keep the name to {MAX_PLAN_NAME_CHARS} characters."),
        }
    }
}

impl std::error::Error for NameError {}

/// Tidies a typed name: trimmed, inner runs of white space and control characters made single
/// spaces.
pub fn clean_name(text: &str) -> Result<String, NameError> {
    let cleaned = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if cleaned.is_empty() {
        Err(NameError::Empty)
    } else if cleaned.chars().count() > MAX_PLAN_NAME_CHARS {
        Err(NameError::TooLong)
    } else {
        Ok(cleaned)
    }
}

/// Why a copy from another plan added nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyError {
    /// The source is the plan on screen itself.
    SamePlan,
    /// No plan has that id (deleted meanwhile, in another tab say).
    UnknownPlan,
    /// The chosen part of the source is empty.
    NothingThere,
}

impl PartialEq for PlanBook {
    /// The small parts first, and a plan still shared by both books is equal without being
    /// compared field by field.
    fn eq(&self, other: &Self) -> bool {
        self.current == other.current
            && self.next_id == other.next_id
            && self.tombstones == other.tombstones
            && self.plans.len() == other.plans.len()
            && self
                .plans
                .iter()
                .zip(&other.plans)
                .all(|(a, b)| Rc::ptr_eq(a, b) || a == b)
    }
}

impl PlanBook {
    /// A book holding one plan.
    pub fn with_plan(name: &str, plan: Plan, now_ms: f64) -> Self {
        Self {
            plans: vec![Rc::new(NamedPlan::new(0, name.to_owned(), now_ms, plan))],
            current: 0,
            next_id: 1,
            tombstones: Vec::new(),
        }
    }

    /// The plan on screen.
    pub fn current_plan(&self) -> &NamedPlan {
        // `current` always names a plan (every operation keeps it so, and decoding checks it);
        // the first plan is the fallback should that ever fail.
        self.plans
            .iter()
            .find(|p| p.id == self.current)
            .unwrap_or(&self.plans[0])
    }

    /// Changes the current plan's foods or doses and stamps it with `now_ms`. A new entry's id
    /// follows the clock (see the module's rule), and a removed one is remembered.
    pub fn change_current(&mut self, now_ms: f64, change: impl FnOnce(&mut Plan)) {
        let mut change = Some(change);
        self.change_current_with(now_ms, &mut |plan| {
            if let Some(change) = change.take() {
                change(plan);
            }
        });
    }

    /// [`PlanBook::change_current`]'s work, written once: a generic body would be copied into
    /// the wasm for every kind of change.
    #[inline(never)]
    fn change_current_with(&mut self, now_ms: f64, change: &mut dyn FnMut(&mut Plan)) {
        let current = self.current;
        if let Some(named) = self.plan_mut(current) {
            let before = named.plan.clone();
            named.plan.next_id = named.plan.next_id.max(clock_id(now_ms));
            change(&mut named.plan);
            let unchanged = named.plan.entries == before.entries
                && named.plan.doses == before.doses
                && named.plan.waters == before.waters;
            if unchanged {
                named.plan = before;
                return;
            }
            named.updated_at_ms = now_ms;
            let gone: Vec<EntryId> = before
                .ids()
                .filter(|&id| !named.plan.ids().any(|kept| kept == id))
                .collect();
            if !gone.is_empty() {
                named.removed = union_removed(&named.removed, &gone);
            }
        }
    }

    /// The plan `id` to change, copied first if an older state of the book still shares it.
    fn plan_mut(&mut self, id: PlanId) -> Option<&mut NamedPlan> {
        self.plans.iter_mut().find(|p| p.id == id).map(Rc::make_mut)
    }

    /// The plan that records `date`, if there is one.
    pub fn day(&self, date: CalendarDate) -> Option<&NamedPlan> {
        self.plans
            .iter()
            .find(|p| p.date == Some(date))
            .map(|p| &**p)
    }

    /// Shows the plan that records `date`, first adding an empty one (named by the date) if
    /// there is none: a book holds at most one plan per date. Returns its id.
    pub fn open_day(&mut self, date: CalendarDate, now_ms: f64) -> PlanId {
        if let Some(id) = self.day(date).map(|p| p.id) {
            self.current = id;
            return id;
        }
        let id = self.add(&date.to_string(), Plan::default(), now_ms);
        if let Some(named) = self.plan_mut(id) {
            named.date = Some(date);
        }
        id
    }

    /// The current plan's date, if it is a day.
    pub fn current_date(&self) -> Option<CalendarDate> {
        self.current_plan().date
    }

    /// Records how the night after the current day went; an unchanged record changes nothing.
    pub fn set_night(&mut self, night: NightRecord, now_ms: f64) {
        let current = self.current;
        if let Some(named) = self.plan_mut(current)
            && named.night != night
        {
            named.night = night;
            named.updated_at_ms = now_ms;
        }
    }

    /// The plan of the day before the current day, if the current plan is a day and that day
    /// has a plan with foods or doses.
    pub fn day_before_current(&self) -> Option<&NamedPlan> {
        let date = self.current_date()?.add_days(-1)?;
        self.day(date).filter(|p| !p.is_empty())
    }

    /// Replaces the current day's foods, doses and waters with a copy of `source`'s (the day
    /// before, say); the ones it had count as removed. A copied entry keeps its id where the current
    /// plan never had that id, so two tabs that both copy the same day fold without doubling;
    /// otherwise it gets a new id from the clock.
    pub fn copy_into_current(&mut self, source: &Plan, now_ms: f64) {
        let current = self.current;
        let Some(removed) = self
            .plans
            .iter()
            .find(|p| p.id == current)
            .map(|p| p.removed.clone())
        else {
            return;
        };
        self.change_current(now_ms, |plan| {
            let had_ids: Vec<EntryId> = plan.ids().collect();
            let had = |id: EntryId| removed.binary_search(&id).is_ok() || had_ids.contains(&id);
            let mut next_id = plan.next_id.max(source.next_id);
            let mut fresh = |id: EntryId| {
                if had(id) {
                    let new = next_id;
                    next_id = next_id.saturating_add(1);
                    new
                } else {
                    id
                }
            };
            let mut entries = source.entries.clone();
            for entry in &mut entries {
                entry.id = fresh(entry.id);
            }
            let mut doses = source.doses.clone();
            for dose in &mut doses {
                dose.id = fresh(dose.id);
            }
            let mut waters = source.waters.clone();
            for water in &mut waters {
                water.id = fresh(water.id);
            }
            plan.entries = entries;
            plan.doses = doses;
            plan.waters = waters;
            plan.next_id = next_id;
        });
    }

    /// Appends a copy of `part` of the plan `source` to the current plan (unlike
    /// [`PlanBook::copy_into_current`], which replaces), every copy with a fresh id from the
    /// clock-led counter, so that it can never take the id of an entry another tab made.
    /// Returns what was added, or why nothing was.
    pub fn copy_part_into_current(
        &mut self,
        source: PlanId,
        part: PlanPart,
        now_ms: f64,
    ) -> Result<Copied, CopyError> {
        let copied = self.copy_check(source, part)?;
        // Shared, not copied: the source is only read while the current plan changes.
        let Some(from) = self.plans.iter().find(|p| p.id == source).map(Rc::clone) else {
            return Err(CopyError::UnknownPlan);
        };
        self.change_current(now_ms, |plan| {
            plan.add_part_of(&from.plan, part);
        });
        Ok(copied)
    }

    /// What [`PlanBook::copy_part_into_current`] would add, or why it would add nothing,
    /// without changing anything: the page says it beside the form.
    pub fn copy_check(&self, source: PlanId, part: PlanPart) -> Result<Copied, CopyError> {
        if source == self.current {
            return Err(CopyError::SamePlan);
        }
        let from = self
            .plans
            .iter()
            .find(|p| p.id == source)
            .ok_or(CopyError::UnknownPlan)?;
        let copied = Copied::of(&from.plan, part);
        if copied.is_empty() {
            Err(CopyError::NothingThere)
        } else {
            Ok(copied)
        }
    }

    /// What every dated plan adds up to, one record per date, in date order: the magnesium of
    /// days with any food or dose (days without are gaps, not zeros) and the night rating.
    pub fn day_records(&self, table: &FoodTable) -> Vec<DayRecord> {
        let mut records: Vec<DayRecord> = self
            .plans
            .iter()
            .filter_map(|named| {
                let date = named.date?;
                let intake = (!named.is_empty()).then(|| {
                    let totals = DayTotals::of(&named.plan, table);
                    DayIntake {
                        food_mg: totals.food.known_mg,
                        supplement_mg: totals.supplement_mg,
                        food_complete: totals.food.is_complete(),
                        food_entered: !named.plan.entries.is_empty(),
                    }
                });
                let night = &named.night;
                (intake.is_some() || night.rating.is_some() || night.cramps_woke).then_some(
                    DayRecord {
                        date,
                        intake,
                        rating: night.rating,
                        cramps_woke: night.cramps_woke,
                    },
                )
            })
            .collect();
        sort_by_rank(&mut records, |r| r.date.rank());
        records
    }

    /// The latest day of `period` that has any supplement dose: what the person takes as of
    /// the end of the period, which the doctor's summary lists.
    pub fn last_day_with_doses(&self, period: Period) -> Option<&NamedPlan> {
        self.plans
            .iter()
            .filter(|p| p.date.is_some_and(|d| period.contains(d)) && !p.plan.doses.is_empty())
            .max_by_key(|p| p.date)
            .map(|p| &**p)
    }

    /// A name not used by any plan and within [`MAX_PLAN_NAME_CHARS`]: `base`, or
    /// `base (2)`, `base (3)`, …, shortening `base` to make room for the number.
    pub fn unique_name(&self, base: &str) -> String {
        let taken = |name: &str| self.plans.iter().any(|p| p.name == name);
        let fitted = |suffix: &str| {
            let room = MAX_PLAN_NAME_CHARS.saturating_sub(suffix.chars().count());
            let head: String = base.chars().take(room).collect();
            format!("{}{suffix}", head.trim_end())
        };
        let plain = fitted("");
        if !taken(&plain) {
            return plain;
        }
        (2..)
            .map(|n| fitted(&format!(" ({n})")))
            .find(|name| !taken(name))
            .unwrap_or(plain)
    }

    /// Adds a plan under a unique name and makes it current; returns its id.
    pub fn add(&mut self, name: &str, plan: Plan, now_ms: f64) -> PlanId {
        // Ids follow the clock, so two tabs that each add a plan at once do not give both the
        // same id (which merging would take for one plan).
        let id = self.next_id.max(clock_id(now_ms));
        self.next_id = id.saturating_add(1);
        let name = self.unique_name(name);
        self.plans
            .push(Rc::new(NamedPlan::new(id, name, now_ms, plan)));
        self.current = id;
        id
    }

    /// Adds an empty plan and makes it current.
    pub fn add_empty(&mut self, now_ms: f64) -> PlanId {
        self.add(DEFAULT_PLAN_NAME, Plan::default(), now_ms)
    }

    /// Copies the current plan as "… (copy)" and makes the copy current.
    pub fn duplicate_current(&mut self, now_ms: f64) -> PlanId {
        let source = self.current_plan().clone();
        self.add(&format!("{} (copy)", source.name), source.plan, now_ms)
    }

    /// Makes another plan current; unknown ids change nothing.
    pub fn switch_to(&mut self, id: PlanId) {
        if self.plans.iter().any(|p| p.id == id) {
            self.current = id;
        }
    }

    /// Renames the current plan after cleaning the name. Two plans may share a name (the
    /// person is typing it, and the picker tells them apart by position); only new and imported
    /// plans are given unique names.
    pub fn rename_current(&mut self, text: &str, now_ms: f64) -> Result<(), NameError> {
        let name = clean_name(text)?;
        let current = self.current;
        if let Some(named) = self.plan_mut(current)
            && named.name != name
        {
            named.name = name;
            named.updated_at_ms = now_ms;
        }
        Ok(())
    }

    /// Deletes the current plan and switches to a neighbour; deleting the last plan leaves a
    /// fresh empty one, so there is always a plan to show.
    pub fn delete_current(&mut self, now_ms: f64) {
        let current = self.current;
        let Some(index) = self.plans.iter().position(|p| p.id == current) else {
            return;
        };
        self.plans.remove(index);
        self.remember_deletion(current, now_ms);
        if self.plans.is_empty() {
            self.add_empty(now_ms);
        } else {
            self.current = self.plans[index.min(self.plans.len() - 1)].id;
        }
    }

    fn remember_deletion(&mut self, id: PlanId, now_ms: f64) {
        self.tombstones.push(Tombstone {
            id,
            deleted_at_ms: now_ms,
        });
        if self.tombstones.len() > MAX_TOMBSTONES {
            let excess = self.tombstones.len() - MAX_TOMBSTONES;
            self.tombstones.drain(..excess);
        }
    }

    /// Merges another copy of the book into this one (see the module's rule). The current plan
    /// stays this copy's choice where it still exists, or the plan it was folded into.
    pub fn merge(&self, other: &PlanBook) -> PlanBook {
        let mut tombstones: Vec<Tombstone> = Vec::new();
        for t in self.tombstones.iter().chain(&other.tombstones) {
            add_tombstone(&mut tombstones, *t);
        }
        let deleted_after = |plan: &NamedPlan| {
            tombstones
                .iter()
                .any(|t| t.id == plan.id && t.deleted_at_ms >= plan.updated_at_ms)
        };
        let mut plans: Vec<NamedPlan> = Vec::new();
        for candidate in self.plans.iter().chain(&other.plans) {
            if deleted_after(candidate) {
                continue;
            }
            match plans.iter_mut().find(|p| p.id == candidate.id) {
                Some(existing) => {
                    let (newer, older) = newer_first(existing, candidate);
                    *existing = combine(newer, older);
                }
                None => plans.push(combine(candidate, candidate)),
            }
        }
        sort_by_rank(&mut plans, |p| p.id);
        // Fold plans of the same date into the first (lowest id) of them.
        let mut current = self.current;
        let mut folded: Vec<NamedPlan> = Vec::with_capacity(plans.len());
        for plan in plans {
            let keeper = plan
                .date
                .and_then(|date| folded.iter_mut().find(|p| p.date == Some(date)));
            match keeper {
                Some(keeper) => {
                    add_tombstone(
                        &mut tombstones,
                        Tombstone {
                            id: plan.id,
                            deleted_at_ms: plan.updated_at_ms,
                        },
                    );
                    if current == plan.id {
                        current = keeper.id;
                    }
                    *keeper = fold(keeper, &plan);
                }
                None => folded.push(plan),
            }
        }
        let next_id = self.next_id.max(other.next_id).max(
            folded
                .iter()
                .map(|p| p.id.saturating_add(1))
                .max()
                .unwrap_or(0),
        );
        // By time of deletion, then by id among deletions of the same moment.
        sort_by_rank(&mut tombstones, |t| t.id);
        sort_by_rank(&mut tombstones, |t| ascending(t.deleted_at_ms));
        if tombstones.len() > MAX_TOMBSTONES {
            let excess = tombstones.len() - MAX_TOMBSTONES;
            tombstones.drain(..excess);
        }
        let mut merged = PlanBook {
            current,
            plans: folded.into_iter().map(Rc::new).collect(),
            next_id,
            tombstones,
        };
        if merged.plans.is_empty() {
            let now = self.newest_change_ms().max(other.newest_change_ms());
            merged.add_empty(now);
        }
        if !merged.plans.iter().any(|p| p.id == merged.current) {
            merged.current = merged.plans[0].id;
        }
        merged
    }

    /// The latest change or deletion this copy knows of.
    fn newest_change_ms(&self) -> f64 {
        self.plans
            .iter()
            .map(|p| p.updated_at_ms)
            .chain(self.tombstones.iter().map(|t| t.deleted_at_ms))
            .fold(0.0, f64::max)
    }
}

/// Adds a deletion, keeping the later time when the id is already remembered.
fn add_tombstone(tombstones: &mut Vec<Tombstone>, tombstone: Tombstone) {
    match tombstones.iter_mut().find(|known| known.id == tombstone.id) {
        Some(known) => known.deleted_at_ms = known.deleted_at_ms.max(tombstone.deleted_at_ms),
        None => tombstones.push(tombstone),
    }
}

/// Two removal lists as one, ascending and without repeats, keeping the newest (highest) ids
/// when there are more than [`MAX_REMOVED_PER_PLAN`].
fn union_removed(a: &[EntryId], b: &[EntryId]) -> Vec<EntryId> {
    let mut removed: Vec<EntryId> = a.iter().chain(b).copied().collect();
    sort_by_rank(&mut removed, |&id| id);
    removed.dedup();
    if removed.len() > MAX_REMOVED_PER_PLAN {
        removed.drain(..removed.len() - MAX_REMOVED_PER_PLAN);
    }
    removed
}

/// Two copies in the order (changed later, changed earlier). Equal times fall back to the
/// contents, so that merging gives the same whichever copy is this one.
fn newer_first<'a>(a: &'a NamedPlan, b: &'a NamedPlan) -> (&'a NamedPlan, &'a NamedPlan) {
    match a.updated_at_ms.total_cmp(&b.updated_at_ms) {
        Ordering::Greater => (a, b),
        Ordering::Less => (b, a),
        Ordering::Equal if a == b => (a, b),
        // Rare (two copies changed in the same millisecond), so the cost of writing them out
        // to compare them does not matter.
        Ordering::Equal => {
            if content_key(a) >= content_key(b) {
                (a, b)
            } else {
                (b, a)
            }
        }
    }
}

/// A plan's contents as text that differs whenever they differ, for [`newer_first`]'s tie.
/// Numbers are written as their bits: formatting an `f64` as a decimal would bring the
/// standard library's float formatting into the wasm (5.8 KB of gzip) for this rare case.
fn content_key(plan: &NamedPlan) -> String {
    use std::fmt::Write;
    let mut key = String::new();
    let night = &plan.night;
    let _ = write!(
        key,
        "{}|{}|{}|{}|{}",
        plan.name,
        plan.date.map_or(0, CalendarDate::rank),
        night.rating.map_or(u8::MAX, NightRating::points),
        night.cramps_woke,
        night.note
    );
    for e in &plan.plan.entries {
        let _ = write!(
            key,
            "|e{},{},{},{},{},{}",
            e.id,
            e.ndb,
            e.portion.label,
            e.portion.grams.to_bits(),
            e.quantity.to_bits(),
            e.meal.value()
        );
    }
    for d in &plan.plan.doses {
        let input = &d.input;
        let _ = write!(
            key,
            "|d{},{},{},{},{},{},{}",
            d.id,
            input.form_id,
            input.variant_id,
            input.basis.value(),
            input.amount_mg.to_bits(),
            input.units.to_bits(),
            input.time.map(|t| t.value()).unwrap_or_default()
        );
    }
    for w in &plan.plan.waters {
        let _ = write!(
            key,
            "|w{},{},{},{}",
            w.id,
            w.water.name,
            w.water.mg_per_litre.to_bits(),
            w.litres.to_bits()
        );
    }
    key
}

/// The union of two lists by id, `newer`'s version kept where both have one, less `removed`,
/// in id order (the order they were added, since ids grow).
///
/// Generic only in picking the items: which to keep, and in what order, is worked out once for
/// every kind of entry by [`union_picks`], so the wasm holds one copy of it and of its sort.
fn union_by_id<T: Clone>(
    newer: &[T],
    older: &[T],
    removed: &[EntryId],
    id: impl Fn(&T) -> EntryId,
) -> Vec<T> {
    // Plain loops rather than adapter chains: this is generic, and a chain's copies are larger.
    let mut ids: Vec<EntryId> = Vec::with_capacity(newer.len() + older.len());
    for item in newer.iter().chain(older) {
        ids.push(id(item));
    }
    let mut all = Vec::new();
    for at in union_picks(&ids, newer.len(), removed) {
        all.push(match at.checked_sub(newer.len()) {
            None => newer[at].clone(),
            Some(at) => older[at].clone(),
        });
    }
    all
}

/// [`union_by_id`]'s choice, given the ids of the newer list followed by the older one's (the
/// first `newer_len` are the newer list's): the positions to keep, in id order.
#[inline(never)]
fn union_picks(ids: &[EntryId], newer_len: usize, removed: &[EntryId]) -> Vec<usize> {
    let mut picks: Vec<usize> = (0..newer_len).collect();
    for at in newer_len..ids.len() {
        if !ids[..newer_len].contains(&ids[at]) {
            picks.push(at);
        }
    }
    picks.retain(|&at| removed.binary_search(&ids[at]).is_err());
    sort_by_rank(&mut picks, |&at| ids[at]);
    picks
}

/// Two copies' foods and doses as one plan: see the module's rule.
fn union_plan(newer: &NamedPlan, older: &NamedPlan, removed: &[EntryId]) -> Plan {
    let entries = union_by_id(&newer.plan.entries, &older.plan.entries, removed, |e| e.id);
    let doses = union_by_id(&newer.plan.doses, &older.plan.doses, removed, |d| d.id);
    let waters = union_by_id(&newer.plan.waters, &older.plan.waters, removed, |w| w.id);
    let mut plan = Plan {
        entries,
        doses,
        waters,
        next_id: newer.plan.next_id.max(older.plan.next_id),
    };
    let highest = plan.ids().map(|id| id.saturating_add(1)).max().unwrap_or(0);
    plan.next_id = plan.next_id.max(highest);
    plan
}

/// Two copies of one plan as one: the newer copy's name, date and night; the union of their
/// entries. Copies changed in the same millisecond keep the night that has anything in it, as
/// [`fold`] does: a day folded from two tabs' copies keeps the time of the newer one, so when
/// it meets that copy again, the night it took from the other (a rating, say) must not lose
/// the tie to the copy that never had it.
fn combine(newer: &NamedPlan, older: &NamedPlan) -> NamedPlan {
    let removed = union_removed(&newer.removed, &older.removed);
    let same_time = newer.updated_at_ms.total_cmp(&older.updated_at_ms).is_eq();
    let night = if same_time {
        newer_night_with_anything(newer, older)
    } else {
        newer.night.clone()
    };
    NamedPlan {
        id: newer.id,
        name: newer.name.clone(),
        updated_at_ms: newer.updated_at_ms,
        plan: union_plan(newer, older, &removed),
        date: newer.date,
        night,
        removed,
    }
}

/// The newer copy's night record, or the older copy's where the newer one holds nothing: the
/// night that [`fold`] keeps, and [`combine`] on a tie.
fn newer_night_with_anything(newer: &NamedPlan, older: &NamedPlan) -> NightRecord {
    if newer.night.is_empty() {
        older.night.clone()
    } else {
        newer.night.clone()
    }
}

/// Two plans of the same date as one under `keeper`'s id and name: the union of their entries,
/// and the newer night record that has anything in it.
pub fn fold(keeper: &NamedPlan, other: &NamedPlan) -> NamedPlan {
    let (newer, older) = newer_first(keeper, other);
    let removed = union_removed(&newer.removed, &older.removed);
    let night = newer_night_with_anything(newer, older);
    NamedPlan {
        id: keeper.id,
        name: keeper.name.clone(),
        updated_at_ms: newer.updated_at_ms,
        plan: union_plan(newer, older, &removed),
        date: keeper.date,
        night,
        removed,
    }
}
