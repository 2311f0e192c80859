//! Entry point of the browser build: swaps index.html's static landing (painted before the wasm
//! arrives, `pages::landing`) and its "loading" note for the app. A tap on the static
//! landing changed the URL fragment, which the app reads as its first route.

fn main() {
    let document = leptos::prelude::document();
    for id in ["static-landing", "loading"] {
        if let Some(element) = document.get_element_by_id(id) {
            element.remove();
        }
    }
    leptos::mount::mount_to_body(app::shell::App);
}
