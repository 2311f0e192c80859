//! Entry point of the staff page (staff.html): the link, QR code and poster builder.

fn main() {
    if let Some(note) = leptos::prelude::document().get_element_by_id("loading") {
        note.remove();
    }
    leptos::mount::mount_to_body(app::staff::StaffPage);
}
