//! localStorage glue: the person's saved answers and the display preference, under versioned keys,
//! and the three calls every other saved thing (checklists, the estimator's answers) goes through.
//!
//! `web-sys`'s `Storage` is used directly: gloo-storage would bring serde_json and its own
//! wrappers for three calls, and serde for `Facts` alone cost 33.6 KB brotli (see `json.rs`).
//! Every call may fail (private mode, quota, disabled storage): failures only lose the
//! saved copy, never the page.

use crate::session::Saved;
use leptos::prelude::{RwSignal, Set};
use rules_core::Audience;
use std::cell::Cell;

/// Every key this app writes starts with this, so 清除我的数据 can forget them all by prefix.
pub const KEY_PREFIX: &str = "cq-jiuye-bangfu.";
/// The person's answers (see [`Saved`]); the version is also inside the value.
pub const PERSON_KEY: &str = "cq-jiuye-bangfu.person.v1";
/// Display preferences: `large-text` for 大字模式.
pub const PREFS_KEY: &str = "cq-jiuye-bangfu.prefs.v1";
/// The person's ticked documents and picked benefits on 准备申请材料 (cleared with the answers).
pub const TICKS_KEY: &str = "cq-jiuye-bangfu.checklist.v1";

/// Where a flow's checklist is kept: the person's, or one organisation audience's.
pub fn checklist_key(audience: Audience) -> String {
    match audience {
        Audience::Person => TICKS_KEY.to_string(),
        org => format!("{KEY_PREFIX}checklist.{}.v1", org.id()),
    }
}

/// An organisation audience's answers: `cq-jiuye-bangfu.org-employer.v1` and the like.
pub fn org_key(audience: Audience) -> String {
    format!("{KEY_PREFIX}org-{}.v1", audience.id())
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The value under `key`, if storage works and has one.
pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

thread_local! {
    /// Where a refused save is said: the page's notice, given by the shell ([`tell_failures_to`]).
    static TELL: Cell<Option<RwSignal<Option<String>>>> = const { Cell::new(None) };
}

/// Every save path (answers, organisation, checklist, settings) goes through [`set`]: the first one
/// storage refuses puts [`NOT_SAVED`] into `notice`, once, in the same words on every page.
pub fn tell_failures_to(notice: RwSignal<Option<String>>) {
    TELL.with(|tell| tell.set(Some(notice)));
}

/// Saves `value` under `key`; false when storage refused it (private mode, quota), which only loses
/// the saved copy — and the user is told (see [`tell_failures_to`]).
pub fn set(key: &str, value: &str) -> bool {
    let saved = local().is_some_and(|storage| storage.set_item(key, value).is_ok());
    if !saved {
        if let Some(notice) = TELL.with(Cell::take) {
            notice.set(Some(NOT_SAVED.to_string()));
        }
    }
    saved
}

pub fn remove(key: &str) {
    if let Some(storage) = local() {
        let _ = storage.remove_item(key);
    }
}

/// What was found on the phone.
pub enum Loaded {
    Nothing,
    Saved(Box<Saved>),
    /// Damaged or from another version: removed; the sentence tells the user.
    Discarded(String),
}

pub fn load_person() -> Loaded {
    match get(PERSON_KEY) {
        None => Loaded::Nothing,
        Some(text) => match Saved::from_json(&text) {
            Ok(saved) => Loaded::Saved(Box::new(saved)),
            Err(message) => {
                remove(PERSON_KEY);
                Loaded::Discarded(message)
            }
        },
    }
}

/// Saves the person's answers; false when the phone refused to keep them.
pub fn save_person(saved: &Saved) -> bool {
    set(PERSON_KEY, &saved.to_json())
}

/// Said once when something the user entered could not be saved, whichever page or screen.
pub const NOT_SAVED: &str =
    "无法在本机保存您填写的内容（可能是无痕浏览或存储空间已满）。本页仍可使用，但关闭后需要重新填写。";

/// Also forgets the documents ticked as ready.
pub fn clear_person() {
    remove(PERSON_KEY);
    remove(TICKS_KEY);
}

pub fn load_large_text() -> bool {
    get(PREFS_KEY).is_some_and(|v| v == "large-text")
}

pub fn save_large_text(on: bool) {
    if on {
        let _ = set(PREFS_KEY, "large-text");
    } else {
        remove(PREFS_KEY);
    }
}

/// 清除我的数据: everything this app keeps on the phone. boot.js hears `cq-clear-data` and empties
/// the service worker's caches too (the offline copies of pages).
pub fn clear_all() {
    if let Some(storage) = local() {
        let length = storage.length().unwrap_or(0);
        let ours: Vec<String> = (0..length)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|key| key.starts_with(KEY_PREFIX))
            .collect();
        for key in ours {
            remove(&key);
        }
    }
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new("cq-clear-data")) {
        let _ = window.dispatch_event(&event);
    }
}
