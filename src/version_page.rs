//! One version of a policy: the summary (at a glance, then sections) or the full text.

use yew::prelude::*;

use crate::at_a_glance::AtAGlance;
use crate::data::{Doc, Shared};
use crate::header::Header;
use crate::i18n::Lang;
use crate::notices::Notices;
use crate::route::{Route, View};
use crate::section_list::SectionList;
use crate::text_slot::TextSlot;

#[derive(Properties, PartialEq)]
pub struct VersionPageProps {
    pub doc: Doc,
    pub versions: Shared<Vec<String>>,
    /// Remember the last version read (host opt-in) and point out changes since then.
    #[prop_or_default]
    pub remember: bool,
    pub lang: Lang,
    pub here: Route,
    pub navigate: Callback<Route>,
    /// Called once the summary's first layer, or the full text, is completely on screen.
    #[prop_or_default]
    pub on_shown: Callback<()>,
    /// Leave the sections out (the build-time prerender).
    #[prop_or_default]
    pub first_layer_only: bool,
}

/// The summary or full-text view of one version.
#[component]
pub fn VersionPage(props: &VersionPageProps) -> Html {
    let summary = Shared(use_memo(props.doc.clone(), |d| {
        let summary = policy_lens_core::summarize(d);
        crate::dom::mark("summarised");
        summary
    }));
    let previous = {
        let vs = &props.versions;
        vs.iter()
            .position(|v| *v == props.doc.version)
            .and_then(|i| i.checked_sub(1))
            .map(|i| AttrValue::from(vs[i].clone()))
    };
    // The last version this reader read, when the host opted in. Read before it is updated.
    let last_read = use_state(|| None::<String>);
    {
        let last_read = last_read.clone();
        let key = format!("policy-lens:last-read:{}", props.doc.id);
        let version = props.doc.version.clone();
        use_effect_with(
            (props.remember, key, version),
            move |(remember, key, version)| {
                if *remember {
                    last_read.set(crate::dom::remembered(key).filter(|v| v != version));
                    crate::dom::remember(key, version);
                }
            },
        );
    }
    let since_last_read = last_read
        .as_ref()
        .filter(|v| props.versions.contains(v) && v.as_str() < props.doc.version.as_str())
        .map(|v| AttrValue::from(v.clone()));
    let (previous, since_last_read) = match since_last_read {
        Some(v) => (Some(v), true),
        None => (previous, false),
    };
    // Layer 2, the sections (about 60% of the summary's DOM on Zeekr, collapsed below the first
    // screen), renders in a task of its own once the first layer is complete and the host has
    // heard "ready", after the frame that draws it. Scheduled any earlier, its render would join
    // the first layer's last step (Yew's scheduler picks up work queued while it yields), or its
    // layout that frame, and delay the first layer on screen.
    let glance_shown = use_state_eq(|| false);
    let on_glance_shown = {
        let glance_shown = glance_shown.clone();
        use_callback(props.on_shown.clone(), move |(), on_shown| {
            glance_shown.set(true);
            on_shown.emit(());
        })
    };
    let sections_shown = crate::dom::use_after_first_paint_once(*glance_shown);
    let header = html! { <Header versions={props.versions.clone()} doc={props.doc.clone()} lang={props.lang} here={props.here.clone()} navigate={props.navigate.clone()} /> };
    match props.here.view {
        View::Full => {
            html! {
                <>
                    { header }
                    <TextSlot doc={props.doc.clone()} lang={props.lang} section={props.here.section.clone()}
                        quote={props.here.quote.clone()} on_shown={props.on_shown.clone()} />
                </>
            }
        }
        _ => html! {
            <>
                { header }
                <AtAGlance doc={props.doc.clone()} summary={summary.clone()} lang={props.lang} here={props.here.clone()} navigate={props.navigate.clone()} {previous} {since_last_read} on_shown={on_glance_shown} />
                if sections_shown && !props.first_layer_only {
                    <SectionList summary={summary.clone()} lang={props.lang} policy_lang={props.doc.language.clone()} here={props.here.clone()} navigate={props.navigate.clone()} />
                }
                <Notices summary={summary.clone()} lang={props.lang} />
            </>
        },
    }
}
