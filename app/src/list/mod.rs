//! 筛查名单 (list.html, its own page and bundle, so that the link builder on staff.html carries
//! none of it): a whole list of people screened on the staff's own computer. A workbook (.xlsx, any
//! of its sheets), a CSV file (GBK as Excel saves it on Chinese Windows, UTF-8 or UTF-16) or pasted
//! cells are read in the browser ([`read`]) and taken apart by the pipeline of the `lists` crate
//! (shared with `subsidy-check screen`): the header row, the people, the columns matched to fields
//! (`rules_core::sheet`); every row is screened as of a chosen day, in slices that give the browser
//! back its turn ([`run`]); the page shows how the list was read and its columns ([`columns`]),
//! counts each benefit as `subsidy-check evaluate --summary` would (with the rules of 2025-12-31
//! for ended benefits), lists the cells it could not read by row and column, exports the list with
//! the results added (.xlsx and CSV) and prints a "what to bring" sheet per person who can claim
//! money or is a lead ([`results`], the HTML texts in [`report`]). This module renders and drives
//! only. Nothing is stored and nothing is sent: the list lives in this page's memory ([`state`])
//! until 忘记这份名单 or the page closes.

pub mod columns;
pub mod files;
pub mod load;
pub mod read;
pub mod report;
pub mod results;
pub mod run;
pub mod screen;
pub mod state;

use leptos::prelude::*;

/// The whole list page: the staff pages' header, the screen, the footer.
#[component]
pub fn ListPage() -> impl IntoView {
    view! {
        <crate::chrome::StaffHeader title="筛查名单（工作人员）" on_list=true/>
        <screen::BatchScreen/>
        <crate::chrome::SiteFooter/>
    }
}
