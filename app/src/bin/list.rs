//! Entry point of the list page (list.html): the staff's list screening.

fn main() {
    // The static first screen (pages::list, painted before the wasm) and the note.
    let document = leptos::prelude::document();
    for id in ["static-landing", "loading"] {
        if let Some(element) = document.get_element_by_id(id) {
            element.remove();
        }
    }
    leptos::mount::mount_to_body(app::list::ListPage);
}
