//! What the pages share, below them: the question card and progress line, the document checklist,
//! and finding the button a click landed on in HTML text. Nothing here imports a page.

pub mod checklist;
pub mod question;

use crate::route::Route;
use crate::state::AppState;
use leptos::prelude::*;
use rules_core::Q;

/// The question a click on a `data-edit` button inside delegated HTML names (person and
/// organisation results alike).
pub fn question_from_click(ev: &leptos::ev::MouseEvent) -> Option<Q> {
    crate::dom::clicked(ev, "[data-edit]")
        .and_then(|b| b.get_attribute("data-edit"))
        .and_then(|id| Q::from_id(&id))
}

/// Opens the question named by a `data-edit` button inside delegated HTML.
pub fn edit_from_click(state: AppState, ev: &leptos::ev::MouseEvent) {
    if let Some(q) = question_from_click(ev) {
        state.session.update(|s| s.edit(q));
        state.go(Route::PersonQuestions);
    }
}
