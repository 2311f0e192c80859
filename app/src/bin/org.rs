//! Entry point of the organisation estimator's page (org.html): its own bundle, so that residents'
//! phones never download it.

fn main() {
    if let Some(note) = leptos::prelude::document().get_element_by_id("loading") {
        note.remove();
    }
    leptos::mount::mount_to_body(app::shell::OrgApp);
}
