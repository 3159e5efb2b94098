//! The root component: owns the reducer and provides it to the parts of the page, loads the
//! food table and hands it to the parts that need it, keeps the state of the parts that are
//! plain functions, saves after every change, and lays the page out in sections.
//!
//! On a narrow screen one section is on screen at a time, the day first, and the bar of
//! sections sits at the bottom; only that section is rendered, so the first render stays small.
//! That render holds only what a phone's first screen shows (the day's totals, the search box,
//! the meals); the rest of the day, and on a wide screen the columns beside it, follow once it
//! has been painted, so no one task of the start-up renders the whole page.
//! On a wide screen ([`navigation::WIDE_MIN_WIDTH_PX`] and up) the day and the supplements are
//! side by side, with the profile, the plans or the guide beside them. The doctor's summary
//! (`#view=summary`, opened from History) fills the page alone, without the bar, to be printed.

mod navigation;

use std::rc::Rc;

use gloo_events::EventListener;
use yew::prelude::*;

use crate::browser;
use crate::components::{
    CompareChoices, DayRecords, DoctorSummaryProps, DoseRows, MedicineDraft, MyFoodsState, PlanBar,
    ProductDraft, ProfileLineProps, Section, SectionNav, SupplementDraft, UsualMealsForm,
    backup_status, copy_yesterday, day_chart, day_picker, day_summary, doctor_summary,
    doctor_summary_link, food_panel, form_compare, guidance_panel, history_chart, meal_list,
    medicine_list, my_foods, my_products, night_record_panel, period_comparison, profile_line,
    profile_panel, reference_summary, section_nav, shared_plan_offer, storage_notice_banner,
    supplement_list, supplement_picker, update_banner, use_backup_message, use_day_chart_state,
    use_food_panel_state, use_form_state, use_history_choices, use_night_record_state,
    use_shared_plan_offer_state, usual_meals, water_panel, week_average,
};
use crate::domain::backup::worth_keeping;
use crate::domain::diary::DateError;
use crate::domain::foods::FoodTable;
use crate::domain::plan_book::PlanBook;
use crate::domain::quick::QuickFoods;
use crate::domain::saved::Settings;
use crate::food_data::{CatalogState, FoodSource, fetch_catalog};
use crate::state::{Action, AppState, PlannerContext};
use crate::storage::{self, ChangedElsewhere, Loaded};
use crate::updates::{self, Update};

/// How the page is laid out: one reducer rather than a state each and a forced render (each
/// hook costs the wasm its code), which also reads the latest layout when the history's and the
/// width's listeners, made at the first render, change it.
#[derive(Clone, Copy, PartialEq)]
struct Layout {
    /// Whether the screen is wide enough for columns ([`navigation::is_wide`]).
    wide: bool,
    /// The section on screen (on a wide screen, the one last gone to).
    view: Section,
    /// What a wide screen shows beside the day and the supplements: the last of profile, plans
    /// and guide a person went to.
    side: Section,
}

/// What a layout puts on screen: what the render draws, and what App's effect forgets the
/// state of once it has gone.
#[derive(Clone, Copy)]
struct OnScreen {
    /// The day's column.
    day: bool,
    /// The supplements' column.
    supplements: bool,
    /// The side column's section on a wide screen, or the side section on a narrow one.
    side: Option<Section>,
}

impl Layout {
    /// What this layout shows: everything on a wide screen but the side column's other
    /// sections, one section on a narrow one, and none of the columns with the doctor's
    /// summary, which fills the page alone.
    fn on_screen(&self) -> OnScreen {
        if self.view == Section::Summary {
            return OnScreen {
                day: false,
                supplements: false,
                side: None,
            };
        }
        OnScreen {
            day: self.wide || self.view == Section::Day,
            supplements: self.wide || self.view == Section::Supplements,
            side: if self.wide {
                Some(self.side)
            } else {
                Some(self.view).filter(|s| s.is_side())
            },
        }
    }
}

/// A change to [`Layout`].
enum LayoutChange {
    /// A section was gone to.
    Show(Section),
    /// The window changed size; whether it is wide now.
    Width(bool),
}

impl Reducible for Layout {
    type Action = LayoutChange;

    fn reduce(self: Rc<Self>, change: LayoutChange) -> Rc<Self> {
        match change {
            // A new layout even when the section was already on screen: focus moves to it all
            // the same, after the render this asks for.
            LayoutChange::Show(section) => Rc::new(Layout {
                view: section,
                side: if section.is_side() {
                    section
                } else {
                    self.side
                },
                ..*self
            }),
            LayoutChange::Width(wide) if wide != self.wide => Rc::new(Layout { wide, ..*self }),
            // The same layout: no render.
            LayoutChange::Width(_) => self,
        }
    }
}

/// What App's effect after each render remembers from the renders before.
struct Seen {
    /// The stored parts as last saved, or as the first render read them: the settings, the
    /// book's revision, the quick foods and when the plans were last exported. Yew may give the
    /// browser a turn between the first render and its effect, in which another tab can save
    /// and the person can already change something; the first effect tells the two apart by
    /// comparing storage and the state with this.
    stored: (Settings, u64, QuickFoods, Option<f64>),
    /// Whether the browser has been asked to keep the data.
    asked: bool,
    /// Whether the service worker has been registered.
    registered: bool,
    /// Whether the last render had a quick add to offer to undo.
    quick_added: bool,
    /// What listens to the browser for the page's whole life (another tab's changes, the
    /// width, the history, the page being left); none before the first render's effect.
    listeners: Option<Vec<EventListener>>,
}

/// What the root component can be given: the page gives the plans it has read ([`crate::start`]),
/// the browser tests a food table.
#[derive(Clone, Debug, Default, PartialEq, Properties)]
pub struct AppProps {
    /// Where the food table comes from.
    #[prop_or_default]
    pub food_source: FoodSource,
    /// The plans saved in this browser, when the page read them before its first render (see
    /// [`crate::start`]); the first render reads them otherwise, with everything else saved.
    #[prop_or_default]
    pub saved_plans: Option<Rc<Loaded<PlanBook>>>,
}

/// The whole planner page.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(|| {
        let plans = match &props.saved_plans {
            Some(plans) => Loaded::clone(plans),
            None => storage::load_plan_book(),
        };
        // The settings and the quick foods are small, and read here, just before App starts
        // listening for other tabs' changes (its first effect catches up with any in between).
        AppState::from_loaded(storage::load_settings(), plans)
            .with_quick_foods(storage::load_quick_foods())
            .with_last_export(storage::load_last_export())
    });
    // Whether the person has chosen a profile: settings are stored only once they change one.
    let profile_chosen = use_state_eq(storage::has_saved_settings);
    let catalog = use_state(|| match &props.food_source {
        FoodSource::Ready(catalog) => catalog.clone(),
        FoodSource::Fetch(_) => CatalogState::Loading,
    });
    // Which section is on screen: named in the address, so that a reload keeps it and the back
    // button returns to the one before.
    let layout = use_reducer(|| {
        let view = navigation::section_in_address().unwrap_or(Section::Day);
        Layout {
            wide: navigation::is_wide(),
            view,
            side: Some(view)
                .filter(|s| s.is_side())
                .unwrap_or(Section::Profile),
        }
    });
    let focus_wanted = use_mut_ref(|| None::<Section>);
    // The first render holds only what the first screen of a phone shows (the day's totals, the
    // search box and the meals); the rest follows once that has been painted, in a task of its
    // own, so that no one task of the start-up is as long as rendering the whole page.
    let first_screen_only = use_state_eq(|| true);
    // A newer build installed in the background, once the service worker has found one.
    let update = use_state(|| None::<Update>);
    // What the day column's backup reminder last did, why the date typed in its day picker was
    // refused, what its food panel holds, its chart's turns, the night's fields as typed, the
    // usual meals' and own foods' forms, and the share link's offer.
    let backup_reminder = use_backup_message();
    let date_error = use_state(|| None::<DateError>);
    let food_panel_state = use_food_panel_state();
    let day_chart_state = use_day_chart_state();
    let night_record_state = use_night_record_state();
    let usual_meals_form: UsualMealsForm = use_form_state();
    let my_foods_state: MyFoodsState = use_form_state();
    let shared_plan_offer_state = use_shared_plan_offer_state();
    // The span and periods History's chart and comparison show.
    let history_choices = use_history_choices();
    // What the supplements column's four forms hold.
    let supplement_draft: SupplementDraft = use_form_state();
    let medicine_draft: MedicineDraft = use_form_state();
    let compare_choices: CompareChoices = use_form_state();
    let product_draft: ProductDraft = use_form_state();
    let dose_rows: DoseRows = use_form_state();
    let show = {
        let (layout, focus_wanted) = (layout.dispatcher(), focus_wanted.clone());
        Callback::from(move |section: Section| {
            *focus_wanted.borrow_mut() = Some(section);
            layout.dispatch(LayoutChange::Show(section));
        })
    };
    // After every render, one effect rather than one each (each costs the wasm its hook code)
    // starts the page on its first run (the food table, the listeners), saves what changed,
    // asks the browser to keep the data, registers the service worker, forgets what the day
    // column, History, the supplements column and the share link's offer held when they have
    // gone, tidies the dose rows' typed text, keeps the food search's highlighted result in
    // view, gives the day's chart its turns, shows the night's stored record when it changes,
    // and moves focus.
    //
    // Saving is an effect of the data changing, never a side effect inside the reducer: the
    // effect keeps a copy of what it saw last, made only when something changed, and writes only
    // the parts that changed. The book is compared by its revision rather than itself: comparing
    // and keeping a copy of a year of days on every render cost more than the rest of a day
    // switch.
    {
        // What is done once, when the page starts: the same effect's first run rather than an
        // effect of its own (each costs the wasm its hook code). The listeners it makes are
        // kept in `seen`, and so dropped together when the app goes.
        let start_up = {
            let catalog = catalog.clone();
            let source = props.food_source.clone();
            let dispatcher = state.dispatcher();
            let profile_chosen = profile_chosen.clone();
            let layout = layout.dispatcher();
            let show = show.clone();
            let first_screen_only = first_screen_only.clone();
            move |read_settings: &Settings, read_quick: &QuickFoods| {
                // The food table is asked for once the first screen has been painted, a frame
                // later than in the same task: first search results on slow 4G came no later
                // (2,491 and 2,531 ms against 2,448 and 2,539), and Lighthouse no longer counts
                // the table's download in the largest paint (BENCHMARKS.md, "Start-up in three
                // tasks"). A page hidden when it starts asks at once; one hidden before that
                // frame asks when it is shown again.
                wasm_bindgen_futures::spawn_local(async move {
                    browser::after_paint().await;
                    first_screen_only.set(false);
                    if let FoodSource::Fetch(url) = source {
                        catalog.set(fetch_catalog(url).await);
                    }
                });
                let mut listeners = Vec::new();
                // A page being left writes what waits at once.
                listeners.extend(
                    browser::on_page_hide(storage::save_unsaved_plans)
                        .into_iter()
                        .flatten(),
                );
                // Another tab's changes appear here without a reload.
                let changed_elsewhere = Rc::new(move |changed| match changed {
                    ChangedElsewhere::Plans => {
                        if let Some(book) = storage::peek_plan_book() {
                            dispatcher.dispatch(Action::MergeBook(book));
                        }
                    }
                    ChangedElsewhere::Settings => {
                        if let Some(settings) = storage::peek_settings() {
                            profile_chosen.set(true);
                            dispatcher.dispatch(Action::ReplaceSettings(settings));
                        }
                    }
                    ChangedElsewhere::QuickFoods => {
                        if let Some(quick) = storage::peek_quick_foods() {
                            dispatcher.dispatch(Action::ReplaceQuickFoods(quick));
                        }
                    }
                });
                listeners.extend(storage::watch_other_tabs({
                    let changed_elsewhere = changed_elsewhere.clone();
                    move |changed| changed_elsewhere(changed)
                }));
                // What another tab saved before this listened is caught up with here. Yew may
                // give the browser a turn between the first render, which read the settings
                // and the quick foods, and this effect, and `crate::start` read the plans a
                // task before that render. Plans are merged by the first save, which finds
                // storage no longer holds what was read.
                let settings_elsewhere =
                    storage::peek_settings().is_some_and(|s| s != *read_settings);
                if settings_elsewhere {
                    changed_elsewhere(ChangedElsewhere::Settings);
                }
                if storage::peek_quick_foods().is_some_and(|quick| quick != *read_quick) {
                    changed_elsewhere(ChangedElsewhere::QuickFoods);
                }
                listeners.extend(navigation::watch_width(move || {
                    layout.dispatch(LayoutChange::Width(navigation::is_wide()))
                }));
                listeners.extend(navigation::watch_history(move |section| show.emit(section)));
                (listeners, settings_elsewhere)
            }
        };
        let dispatcher = state.dispatcher();
        let profile_chosen = profile_chosen.clone();
        let seen = use_mut_ref(|| Seen {
            stored: (
                state.settings.clone(),
                state.book_revision,
                state.quick.clone(),
                state.last_export_ms,
            ),
            asked: false,
            registered: false,
            quick_added: false,
            listeners: None,
        });
        let worth_keeping = worth_keeping(&state.book);
        let state = state.clone();
        let (focus_wanted, wide) = (focus_wanted.clone(), layout.wide);
        let (update, summary) = (update.clone(), layout.view == Section::Summary);
        let on_screen = layout.on_screen();
        let day_shown = on_screen.day;
        // The chart is drawn in the render after the first screen's (see `first_screen_only`).
        let chart_shown = day_shown && !*first_screen_only;
        let (backup_reminder, date_error) = (backup_reminder.clone(), date_error.clone());
        let food_panel_state = food_panel_state.clone();
        let (day_chart_state, table_ready) = (day_chart_state.clone(), catalog.ready().is_some());
        let night_record_state = night_record_state.clone();
        let (usual_meals_form, my_foods_state) = (usual_meals_form.clone(), my_foods_state.clone());
        let shared_plan_offer_state = shared_plan_offer_state.clone();
        let quick_added = state.last_quick_add.is_some();
        let history_shown = on_screen.side == Some(Section::History);
        let history_choices = history_choices.clone();
        let supplements_shown = on_screen.supplements;
        let (supplement_draft, medicine_draft, compare_choices, product_draft) = (
            supplement_draft.clone(),
            medicine_draft.clone(),
            compare_choices.clone(),
            product_draft.clone(),
        );
        let dose_rows = dose_rows.clone();
        use_effect(move || {
            let now = &*state;
            let first = seen.borrow().listeners.is_none();
            // Whether the settings another tab saved while the page started are on their way
            // in: this tab's copy, read before them, must not be written back over them.
            let mut settings_elsewhere = false;
            if first {
                let (listeners, elsewhere) = {
                    let seen = seen.borrow();
                    start_up(&seen.stored.0, &seen.stored.2)
                };
                seen.borrow_mut().listeners = Some(listeners);
                settings_elsewhere = elsewhere;
            }
            // Once there is something worth keeping, the browser is asked (once a visit) not
            // to clear it when space runs low: an empty first visit asks nothing.
            let (changed, ask, quick_add_made) = {
                let mut seen = seen.borrow_mut();
                let ask = worth_keeping && !std::mem::replace(&mut seen.asked, true);
                // Quick add's word of an undo lasts until the next quick add.
                let had_quick_add = std::mem::replace(&mut seen.quick_added, quick_added);
                let quick_add_made = quick_added && !had_quick_add;
                // The service worker is registered, once, when the page first shows more than
                // the doctor's summary (which has no update banner), as when the banner itself
                // registered it on mount.
                if !summary && !std::mem::replace(&mut seen.registered, true) {
                    updates::register(Callback::from(move |found| update.set(Some(found))));
                }
                let (settings, revision, quick, at_ms) = &seen.stored;
                // What changed since the last save, or since the first render read it (so what
                // the person changed before the first effect is saved like any change). And at
                // the start: a first visit stores nothing until the person changes a setting,
                // so that stored settings mean a chosen profile (no field in the format says
                // so), but chosen settings (perhaps in an older format) are written back in the
                // current one at once, unless another tab has saved newer ones meanwhile; a
                // first visit's empty plan needs no saving before anything is in it, and stored
                // plans are written back at once.
                let changed = (
                    *settings != now.settings || (first && *profile_chosen && !settings_elsewhere),
                    *revision != now.book_revision || (first && storage::has_saved_plans()),
                    *quick != now.quick,
                    *at_ms != now.last_export_ms,
                );
                if changed != (false, false, false, false) {
                    seen.stored = (
                        now.settings.clone(),
                        now.book_revision,
                        now.quick.clone(),
                        now.last_export_ms,
                    );
                }
                (changed, ask, quick_add_made)
            };
            if quick_add_made {
                food_panel_state.quick.quick_add_made();
            }
            food_panel_state.search.scroll_active();
            day_chart_state.after_render(chart_shown, table_ready);
            night_record_state.after_render(day_shown, now.book.current_plan());
            dose_rows.after_render(supplements_shown, now.book.current, now.plan());
            let (settings_changed, book_changed, quick_changed, export_changed) = changed;
            if settings_changed {
                if !first {
                    profile_chosen.set(true);
                }
                if let Err(notice) = storage::save_settings(&now.settings) {
                    dispatcher.dispatch(Action::SaveFailed(notice));
                }
            }
            if book_changed {
                let dispatcher = dispatcher.clone();
                storage::save_plan_book_soon(
                    now.book.clone(),
                    Box::new(move |saved| match saved {
                        // Another tab had saved newer copies of some plans: show them here too.
                        Ok(Some(merged)) => dispatcher.dispatch(Action::MergeBook(merged)),
                        Ok(None) => {}
                        Err(notice) => dispatcher.dispatch(Action::SaveFailed(notice)),
                    }),
                );
            }
            if quick_changed && let Err(notice) = storage::save_quick_foods(&now.quick) {
                dispatcher.dispatch(Action::SaveFailed(notice));
            }
            if export_changed
                && let Some(at_ms) = now.last_export_ms
                && let Err(notice) = storage::save_last_export(at_ms)
            {
                dispatcher.dispatch(Action::SaveFailed(notice));
            }
            if ask {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(kept) = browser::keep_storage().await {
                        dispatcher.dispatch(Action::StorageKept(kept));
                    }
                });
            }
            // The reminder's word of an export, the date's refusal, the food picked last and the
            // usual meals' and own foods' forms last while the day column is on screen, as they
            // did when those parts kept them.
            if !day_shown {
                backup_reminder.forget();
                food_panel_state.forget();
                usual_meals_form.forget();
                my_foods_state.forget();
                if date_error.is_some() {
                    date_error.set(None);
                }
            }
            // The shared plan's offer lasts while the sections are on screen, as it did when it
            // was a component of its own.
            if summary {
                shared_plan_offer_state.forget();
            }
            // History's span and periods last while History is on screen, as they did when its
            // chart and comparison kept them.
            if !history_shown {
                history_choices.forget();
            }
            // The supplements column's forms keep what was typed while the column is on screen,
            // as they did when they were components of their own.
            if !supplements_shown {
                supplement_draft.forget();
                medicine_draft.forget();
                compare_choices.forget();
                product_draft.forget();
            }
            if let Some(section) = focus_wanted.borrow_mut().take() {
                if !wide {
                    navigation::scroll_to_top();
                }
                navigation::focus_heading(section.heading_id());
            }
        });
    }
    let on_choose = {
        let show = show.clone();
        Callback::from(move |section: Section| {
            navigation::push_section(section);
            show.emit(section);
        })
    };

    // Only what is on screen is rendered ([`Layout::on_screen`]).
    let Layout { wide, view, .. } = *layout;
    let OnScreen {
        day: show_day,
        supplements: show_supplements,
        side: side_section,
    } = layout.on_screen();
    // Every dated day's totals, worked out once for all of History's parts and the summary, and
    // only while one of them is on screen: with a year of days this is the costliest figure.
    let records_wanted = side_section == Some(Section::History) || view == Section::Summary;
    let records = {
        let state = state.clone();
        use_memo(
            (state.book_revision, (*catalog).clone(), records_wanted),
            move |(_, catalog, wanted)| {
                DayRecords(Rc::new(match catalog.ready() {
                    Some(catalog) if *wanted => state.book.day_records(catalog.table()),
                    _ if *wanted => state.book.day_records(&FoodTable::default()),
                    _ => Vec::new(),
                }))
            },
        )
    };
    let rest = !*first_screen_only;

    html! {
        <ContextProvider<PlannerContext> context={state.clone()}>
            // The summary for a doctor fills the page alone, ready to print.
            if view == Section::Summary {
                <main id="main" tabindex="-1" class="summary-page">
                    { doctor_summary(&state, &records, &DoctorSummaryProps { on_choose: on_choose.clone(), profile_chosen: *profile_chosen }) }
                </main>
            } else {
                { section_nav(&SectionNav { current: view, on_choose: on_choose.clone() }) }
                <main id="main" tabindex="-1" class={classes!("sections", if wide { "wide" } else { "narrow" })}>
                    { update_banner((*update).clone()) }
                    { storage_notice_banner(&state) }
                    { shared_plan_offer(&state, &catalog, &shared_plan_offer_state) }
                    if side_section != Some(Section::Profile) {
                        { profile_line(&state, &ProfileLineProps { chosen: *profile_chosen, on_choose: on_choose.clone() }) }
                    }
                    <div class="section-columns">
                        if show_day {
                            <div class="day-column">
                                { day_picker(&state, &date_error) }
                                { day_summary(&state, &catalog) }
                                <section class="card find-food" aria-label="Find a food">
                                    { food_panel(&state, &catalog, &food_panel_state) }
                                </section>
                                <section class="card meals-card" aria-labelledby="day-heading">
                                    <div class="heading-row">
                                        <h2 id="day-heading">{ "Meals" }</h2>
                                        { copy_yesterday(&state) }
                                    </div>
                                    { meal_list(&state, &catalog) }
                                    if rest {
                                        { usual_meals(&state, &usual_meals_form) }
                                        { water_panel(&state) }
                                    }
                                </section>
                                if rest {
                                    { my_foods(&state, &my_foods_state) }
                                    { night_record_panel(&state, &night_record_state) }
                                    { backup_status(&state, &backup_reminder, true) }
                                    { day_chart(&state, &catalog, &day_chart_state) }
                                }
                            </div>
                        }
                        // On a wide screen the supplements and the side column come with
                        // the rest; on a narrow one the section chosen is the first screen.
                        if show_supplements && (rest || !wide) {
                            <div class="supplements-column">
                                // On a narrow screen the day's totals and the supplement warning
                                // come along, so a dose shows at once what it does to the day.
                                if !wide {
                                    { day_summary(&state, &catalog) }
                                }
                                <section class="card supplements" aria-labelledby="supplements-heading">
                                    <h2 id="supplements-heading">{ "Supplements" }</h2>
                                    { supplement_picker(&state, &supplement_draft) }
                                    { supplement_list(&state, &dose_rows) }
                                    { medicine_list(&state, &medicine_draft) }
                                    { form_compare(&state, &compare_choices) }
                                </section>
                                { my_products(&state, &product_draft) }
                            </div>
                        }
                        if let Some(section) = side_section.filter(|_| rest || !wide) {
                            <div class={classes!("side-column", (section == Section::Profile).then_some("profile-section"))}>
                                { match section {
                                    Section::Profile => html! { <>{ profile_panel(&state) }{ reference_summary(&state) }</> },
                                    Section::Plans => html! { <PlanBar /> },
                                    Section::History => html! {
                                        <section class="card diary" aria-labelledby="diary-heading">
                                            <h2 id="diary-heading">{ "History" }</h2>
                                            { week_average(&state, &records) }
                                            { history_chart(&state, &records.0, &history_choices) }
                                            { period_comparison(&records.0, &history_choices) }
                                            { doctor_summary_link(&on_choose) }
                                        </section>
                                    },
                                    // The day and the supplements are never in the side column.
                                    _ => guidance_panel(&state),
                                } }
                            </div>
                        }
                    </div>
                </main>
            }
        </ContextProvider<PlannerContext>>
    }
}
