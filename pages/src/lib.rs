//! The site's pages as HTML, from rules-core: everything written at build time (policy.html, the
//! static first screens index.html, org.html, staff.html and list.html paint before their
//! WebAssembly, the facts in the pages' heads) and the page parts the app writes alike ([`parts`]: masthead,
//! footer, audience list, who decides), so each sentence has one source. Pure: text in, text out;
//! the `pages` binary (`src/main.rs`) reads and writes dist/ for `cargo xtask dist`. Builds for
//! wasm32 too; the app keeps its own copies of the shared parts (see [`parts`]).

pub mod head;
pub mod landing;
pub mod list;
pub mod org;
pub mod parts;
pub mod policy;
pub mod staff;
