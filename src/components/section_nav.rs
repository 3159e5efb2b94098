//! The page's sections and the bar that moves between them: Day, Supplements, Profile, Plans,
//! History and Guide. Each is a real link (`#view=<name>`), so it can be opened in a new tab and the
//! browser's back button returns to the section before.

use yew::prelude::*;

/// One part of the page a person can go to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// The day: totals, food search, quick add, meals, the chart and gap suggestions.
    Day,
    /// Supplements: the picker, the doses, the form comparison.
    Supplements,
    /// Who the plan is for and the reference values.
    Profile,
    /// The plans: switching, naming, export, import and share links.
    Plans,
    /// The days over weeks: the week's average, the history chart and two periods compared.
    History,
    /// Taking magnesium well.
    Guide,
    /// The printable summary for a doctor, reached from History rather than the bar; it fills
    /// the page alone.
    Summary,
}

impl Section {
    /// Every section on the bar, in its order; [`Section::Summary`] is not on it.
    pub const ALL: [Section; 6] = [
        Section::Day,
        Section::Supplements,
        Section::Profile,
        Section::Plans,
        Section::History,
        Section::Guide,
    ];

    /// The name in the address (`#view=plans`) and in the `nav-` hook.
    pub fn value(self) -> &'static str {
        match self {
            Section::Day => "day",
            Section::Supplements => "supplements",
            Section::Profile => "profile",
            Section::Plans => "plans",
            Section::History => "history",
            Section::Guide => "guide",
            Section::Summary => "summary",
        }
    }

    /// The inverse of [`Section::value`].
    pub fn from_value(value: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .chain([Section::Summary])
            .find(|s| s.value() == value)
    }

    /// The word on the bar.
    pub fn label(self) -> &'static str {
        match self {
            Section::Day => "Day",
            Section::Supplements => "Supplements",
            Section::Profile => "Profile",
            Section::Plans => "Plans",
            Section::History => "History",
            Section::Guide => "Guide",
            Section::Summary => "Summary",
        }
    }

    /// The id of the heading that opens the section; focus moves there when a person goes to it.
    pub fn heading_id(self) -> &'static str {
        match self {
            Section::Day => "summary-heading",
            Section::Supplements => "supplements-heading",
            Section::Profile => "profile-heading",
            Section::Plans => "plans-heading",
            Section::History => "diary-heading",
            Section::Guide => "guidance-heading",
            Section::Summary => "doctor-summary-heading",
        }
    }

    /// The address fragment that names the section: `view=plans`.
    pub fn fragment(self) -> String {
        format!("view={}", self.value())
    }

    /// The section an address fragment names (without its `#`), or `None` for any other
    /// fragment (a share link's `share=…`, a skip link's `main`).
    pub fn from_fragment(fragment: &str) -> Option<Self> {
        fragment.strip_prefix("view=").and_then(Self::from_value)
    }

    /// Whether this section shares the side column of a wide screen, beside the day and the
    /// supplements, which a wide screen always shows.
    pub fn is_side(self) -> bool {
        matches!(
            self,
            Section::Profile | Section::Plans | Section::History | Section::Guide
        )
    }
}

/// What a click on a link to `section` does: a plain left click switches in place (as its own
/// history entry); a click with a modifier or another button is left to the browser, which
/// opens the link elsewhere, as links do.
pub fn section_link_click(on_choose: &Callback<Section>, section: Section) -> Callback<MouseEvent> {
    let on_choose = on_choose.clone();
    Callback::from(move |event: MouseEvent| {
        if event.button() == 0
            && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key())
        {
            event.prevent_default();
            on_choose.emit(section);
        }
    })
}

/// What the bar needs.
pub struct SectionNav {
    /// The section a person went to last, marked `aria-current="page"`.
    pub current: Section,
    /// Called with the section a person chose, from a plain click or Enter on its link.
    pub on_choose: Callback<Section>,
}

/// The bar of links to the sections: at the bottom of a phone's screen, along the top on wider
/// ones (style/main.css).
///
/// A plain function rather than a component: it has no state, and each component costs the
/// wasm about 2 KB of Yew's machinery (BENCHMARKS.md, "Size budgets").
pub fn section_nav(props: &SectionNav) -> Html {
    html! {
        <nav class="section-nav" aria-label="Sections">
            <ul>
                { for Section::ALL.iter().map(|&section| {
                    let onclick = section_link_click(&props.on_choose, section);
                    let current = section == props.current;
                    html! {
                        <li>
                            <a
                                href={format!("#{}", section.fragment())}
                                data-testid={format!("nav-{}", section.value())}
                                aria-current={current.then_some("page")}
                                {onclick}
                            >
                                { icon(section) }
                                <span class="nav-label">{ section.label() }</span>
                            </a>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}

/// A small line drawing for each section, hidden from screen readers (the label names it).
fn icon(section: Section) -> Html {
    let path = match section {
        // A plate with a fork.
        Section::Day => "M12 4a8 8 0 1 0 0 16a8 8 0 1 0 0-16zM12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8z",
        // A capsule.
        Section::Supplements => {
            "M8.5 4.5a4.2 4.2 0 0 1 6 0l5 5a4.2 4.2 0 0 1-6 6l-5-5a4.2 4.2 0 0 1 0-6zM11 7l6 6"
        }
        // A person.
        Section::Profile => "M12 4a4 4 0 1 0 0 8a4 4 0 1 0 0-8zM4 21c0-4.4 3.6-7 8-7s8 2.6 8 7",
        // A list.
        Section::Plans => "M9 6h11M9 12h11M9 18h11M4 6h1M4 12h1M4 18h1",
        // Bars of a chart; the summary is never on the bar.
        Section::History | Section::Summary => "M5 19v-7M11 19V6M17 19v-4M3 21h18",
        // An open book.
        Section::Guide => {
            "M12 6c-2-1.5-5-2-8-1.5v14c3-.5 6 0 8 1.5c2-1.5 5-2 8-1.5v-14c-3-.5-6 0-8 1.5zM12 6v14"
        }
    };
    // Written as HTML text, as History's chart is: cheaper in the wasm than an `html!` tree.
    Html::from_html_unchecked(
        format!(r#"<svg class="nav-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="{path}"/></svg>"#)
            .into(),
    )
}
