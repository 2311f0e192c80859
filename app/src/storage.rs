//! localStorage glue: the person's saved answers and the display preference, under versioned keys,
//! and the three calls every other saved thing (checklists, the estimator's answers) goes through.
//!
//! `web-sys`'s `Storage` is used directly: gloo-storage would bring serde_json and its own
//! wrappers for three calls, and serde for `Facts` alone cost 33.6 KB brotli (see `json.rs`).
//! Every call may fail (private mode, quota, disabled storage): failures only lose the
//! saved copy, never the page.

use crate::session::Saved;

/// The person's answers (see [`Saved`]); the version is also inside the value.
pub const PERSON_KEY: &str = "cq-jiuye-bangfu.person.v1";
/// Display preferences: `large-text` for 大字模式.
pub const PREFS_KEY: &str = "cq-jiuye-bangfu.prefs.v1";

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The value under `key`, if storage works and has one.
pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Saves `value` under `key`; a refusal (private mode, quota) only loses the saved copy.
pub fn set(key: &str, value: &str) {
    if let Some(storage) = local() {
        let _ = storage.set_item(key, value);
    }
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

pub fn save_person(saved: &Saved) {
    set(PERSON_KEY, &saved.to_json());
}

/// Also forgets the documents ticked as ready.
pub fn clear_person() {
    remove(PERSON_KEY);
    remove(crate::person::checklist::TICKS_KEY);
}

pub fn load_large_text() -> bool {
    get(PREFS_KEY).is_some_and(|v| v == "large-text")
}

pub fn save_large_text(on: bool) {
    if on {
        set(PREFS_KEY, "large-text");
    } else {
        remove(PREFS_KEY);
    }
}

/// 清除我的数据: everything this app keeps on the phone.
pub fn clear_all() {
    clear_person();
    crate::org::store::clear_all();
    remove(PREFS_KEY);
}
