//! Several named plans, one of them current, each with the time it was last changed, and the
//! rule that merges two copies of the book (two tabs, or a tab and what storage holds) without
//! letting a stale copy overwrite a newer one.
//!
//! The rule: for every plan, the copy changed last wins; a plan deleted in one copy stays
//! deleted unless the other copy changed it after the deletion. Times are milliseconds since
//! the Unix epoch, as the browser's `Date.now()` gives them.

use super::order::{ascending, sort_by_rank};
use super::plan::Plan;

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
#[derive(Clone, Debug, PartialEq)]
pub struct PlanBook {
    /// The plans, in the order they were created.
    pub plans: Vec<NamedPlan>,
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

impl PlanBook {
    /// A book holding one plan.
    pub fn with_plan(name: &str, plan: Plan, now_ms: f64) -> Self {
        Self {
            plans: vec![NamedPlan {
                id: 0,
                name: name.to_owned(),
                updated_at_ms: now_ms,
                plan,
            }],
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

    /// Changes the current plan's foods or doses and stamps it with `now_ms`.
    pub fn change_current(&mut self, now_ms: f64, change: impl FnOnce(&mut Plan)) {
        let current = self.current;
        if let Some(named) = self.plans.iter_mut().find(|p| p.id == current) {
            let before = named.plan.clone();
            change(&mut named.plan);
            if named.plan != before {
                named.updated_at_ms = now_ms;
            }
        }
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
        self.plans.push(NamedPlan {
            id,
            name,
            updated_at_ms: now_ms,
            plan,
        });
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
        if let Some(named) = self.plans.iter_mut().find(|p| p.id == current)
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
    /// stays this copy's choice where it still exists.
    pub fn merge(&self, other: &PlanBook) -> PlanBook {
        let mut tombstones: Vec<Tombstone> = Vec::new();
        for t in self.tombstones.iter().chain(&other.tombstones) {
            match tombstones.iter_mut().find(|known| known.id == t.id) {
                Some(known) => known.deleted_at_ms = known.deleted_at_ms.max(t.deleted_at_ms),
                None => tombstones.push(*t),
            }
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
                Some(existing) if candidate.updated_at_ms > existing.updated_at_ms => {
                    *existing = candidate.clone();
                }
                Some(_) => {}
                None => plans.push(candidate.clone()),
            }
        }
        sort_by_rank(&mut plans, |p| p.id);
        let next_id = self.next_id.max(other.next_id);
        sort_by_rank(&mut tombstones, |t| ascending(t.deleted_at_ms));
        let mut merged = PlanBook {
            current: self.current,
            plans,
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
