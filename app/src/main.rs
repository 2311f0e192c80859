//! Entry point of the browser build: swaps the static "loading" note of index.html for the app.

fn main() {
    if let Some(note) = leptos::prelude::document().get_element_by_id("loading") {
        note.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
