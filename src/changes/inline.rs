//! The inline spans of a modified unit, shared by the change cards and the listing.

use policy_lens_core::diff::{BlockOp, SpanKind};
use yew::prelude::*;

use crate::i18n::Lang;

/// A modified unit with its inline spans: deletions struck, insertions underlined, both with
/// text for screen readers.
pub(super) fn inline_spans(op: &BlockOp, lang: Lang) -> Html {
    let c = lang.changes();
    html! {
        <p class="pl-inline">
            { for op.inline().iter().map(|sp| match sp.kind() {
                SpanKind::Equal => html! { { sp.text().to_string() } },
                SpanKind::Delete => html! { <del class="pl-span-del"><span class="pl-visually-hidden">{ format!("[{}: ", c.deleted) }</span>{ sp.text().to_string() }<span class="pl-visually-hidden">{ "]" }</span></del> },
                SpanKind::Insert => html! { <ins class="pl-span-ins"><span class="pl-visually-hidden">{ format!("[{}: ", c.added) }</span>{ sp.text().to_string() }<span class="pl-visually-hidden">{ "]" }</span></ins> },
            }) }
        </p>
    }
}
