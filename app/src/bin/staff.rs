//! Entry point of the staff page (staff.html): the link, QR code and poster builder (the list
//! screening is list.html, `bin/list.rs`).

fn main() {
    // The static first screen (pages::org / pages::staff, painted before the wasm) and the note.
    let document = leptos::prelude::document();
    for id in ["static-landing", "loading"] {
        if let Some(element) = document.get_element_by_id(id) {
            element.remove();
        }
    }
    leptos::mount::mount_to_body(app::staff::StaffPage);
}
