//! The list screen's state: the list in memory, the signals its cards draw, and what loading a file,
//! choosing a worksheet, pasting, picking a column's question and 忘记这份名单 do to them. The list
//! lives only here, in the page's memory.

use super::read::{next_turn, read_file, read_picked, FilePicker, Loaded};
use leptos::html::{Div, Input, Textarea};
use leptos::prelude::*;
use lists::csv;
use lists::screen::{table, List};
use rules_core::sheet::{Field, Tally};
use rules_core::Date;
use wasm_bindgen::JsCast;

/// The list and its results, with the run counter of this screen.
#[derive(Default)]
pub struct Batch {
    pub list: List,
    /// Bumped by 忘记这份名单 and by each new run, so that a run in progress stops.
    pub generation: u32,
}

impl std::ops::Deref for Batch {
    type Target = List;
    fn deref(&self) -> &List {
        &self.list
    }
}

impl std::ops::DerefMut for Batch {
    fn deref_mut(&mut self) -> &mut List {
        &mut self.list
    }
}

/// Everything the screen's cards share, handed to each of them (all handles, so it is `Copy`).
#[derive(Clone, Copy)]
pub struct Screen {
    pub batch: StoredValue<Batch>,
    /// The file as loaded, to read another of its worksheets; dropped by 忘记这份名单.
    pub file: StoredValue<Option<(String, Vec<u8>)>>,
    /// A workbook's worksheets (name, hidden) and the one read.
    pub sheet_names: RwSignal<Vec<(String, bool)>>,
    pub chosen_sheet: RwSignal<usize>,
    /// Bumped whenever another list (or none) is loaded.
    pub loaded: RwSignal<u32>,
    /// The sentence on what was read, or the reading's progress.
    pub source: RwSignal<String>,
    /// Why a list could not be read, or that it was forgotten.
    pub message: RwSignal<Option<String>>,
    /// The field each column answers, as the column pickers show it.
    pub uses: RwSignal<Vec<Option<Field>>>,
    /// Today, or a link's `as-of` (as on the link screen), until the user picks another day.
    pub today: Date,
    pub day_text: RwSignal<String>,
    /// People screened of all, while a run goes on.
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// Bumped when a run has screened every row.
    pub results: RwSignal<u32>,
    pub speed: RwSignal<String>,
    /// What an action did or why it could not.
    pub notice: RwSignal<String>,
    /// The printed sheets' box, filled just before printing.
    pub sheets_box: NodeRef<Div>,
    pub file_input: NodeRef<Input>,
    pub paste_box: NodeRef<Textarea>,
}

impl Screen {
    /// A screen with no list, its day today or the address's `as-of`.
    pub fn from_address() -> Self {
        let today = crate::settings::today();
        let today =
            crate::link::read_query(&window().location().search().unwrap_or_default(), today)
                .as_of
                .unwrap_or(today);
        Screen {
            batch: StoredValue::new(Batch::default()),
            file: StoredValue::new(None),
            sheet_names: RwSignal::new(Vec::new()),
            chosen_sheet: RwSignal::new(0),
            loaded: RwSignal::new(0),
            source: RwSignal::new(String::new()),
            message: RwSignal::new(None),
            uses: RwSignal::new(Vec::new()),
            today,
            day_text: RwSignal::new(today.to_string()),
            progress: RwSignal::new(None),
            results: RwSignal::new(0),
            speed: RwSignal::new(String::new()),
            notice: RwSignal::new(String::new()),
            sheets_box: NodeRef::new(),
            file_input: NodeRef::new(),
            paste_box: NodeRef::new(),
        }
    }

    /// The day chosen to screen on, or today while the box holds no day.
    pub fn day(self) -> Date {
        Date::parse(&self.day_text.get_untracked()).unwrap_or(self.today)
    }

    /// The printed sheets belong to one list's results: emptied whenever those change.
    pub fn clear_sheets(self) {
        if let Some(el) = self.sheets_box.get_untracked() {
            el.set_inner_html("");
        }
    }

    pub fn clear_results(self) {
        self.batch.update_value(|b| {
            b.generation += 1;
            b.outcomes.clear();
            b.tally = Tally::default();
        });
        self.clear_sheets();
        self.progress.set(None);
        self.results.set(0);
        self.speed.set(String::new());
        self.notice.set(String::new());
    }

    /// A file (or pasted text) read: its list taken apart and shown, or why it is no list.
    fn take(self, read: Result<Loaded, String>) {
        self.clear_results();
        let generation = self.batch.with_value(|b| b.generation) + 1;
        let list = read.and_then(|l| {
            // A workbook's sheets can be chosen even when this one holds no list.
            let several = l.sheets.len() > 1;
            if !l.sheets.is_empty() {
                self.sheet_names.set(l.sheets);
                self.chosen_sheet.set(l.chosen);
            }
            let how = l.how;
            let widths = l.widths;
            let list = match l.list {
                Some(list) => Ok(list),
                None => table(l.rows, l.notes),
            };
            list.map(|mut b| {
                b.widths = widths;
                (how, b)
            })
            .map_err(|why| {
                if several {
                    format!("{why}这个工作簿有几个工作表，可以在上面选择另一个。")
                } else {
                    why
                }
            })
        });
        match list {
            Ok((how, b)) => {
                self.source.set(format!(
                    "已读取{how}：{} 人，{} 列。",
                    b.rows.len(),
                    b.uses.len()
                ));
                self.uses.set(b.uses.clone());
                self.batch.set_value(Batch {
                    list: b,
                    generation,
                });
                self.message.set(None);
            }
            Err(why) => {
                self.batch.set_value(Batch {
                    generation,
                    ..Batch::default()
                });
                self.uses.set(Vec::new());
                self.source.set(String::new());
                self.message.set(Some(why));
            }
        }
        self.loaded.update(|n| *n += 1);
    }

    /// The file just picked, read in the background (a text file slice by slice, with progress).
    pub fn read_picked_file(self) {
        let picked = self
            .file_input
            .get_untracked()
            .and_then(|i| i.unchecked_ref::<FilePicker>().files());
        let Some(picked) = picked.and_then(|f| f.item(0)) else {
            return;
        };
        self.message.set(None);
        self.source.set("正在读取……".to_string());
        self.sheet_names.set(Vec::new());
        self.file.set_value(None);
        let name = picked.name();
        wasm_bindgen_futures::spawn_local(async move {
            let reading = |percent: u32| self.source.set(format!("正在读取……{percent}%"));
            let (read, bytes) = read_picked(&picked, &name, reading).await;
            if let Some(bytes) = bytes {
                self.file.set_value(Some((name, bytes)));
            }
            next_turn().await;
            self.take(read);
        });
    }

    /// Another worksheet of the workbook loaded.
    pub fn read_sheet(self, index: usize) {
        let name = self
            .sheet_names
            .with_untracked(|s| s.get(index).map(|s| s.0.clone()));
        let Some(name) = name else { return };
        let read = self.file.with_value(|f| {
            f.as_ref()
                .map(|(file_name, bytes)| read_file(file_name, bytes, Some(&name)))
        });
        if let Some(read) = read {
            self.take(read);
        }
    }

    /// The cells pasted into the box, read as a tab- or comma-separated table.
    pub fn read_pasted(self) {
        let text = self
            .paste_box
            .get_untracked()
            .map(|t| t.value())
            .unwrap_or_default();
        self.sheet_names.set(Vec::new());
        self.file.set_value(None);
        self.take(csv::parse(&text).map(|parsed| Loaded::text("粘贴的内容".to_string(), parsed)));
    }

    /// 忘记这份名单: the list, its results, the file and the boxes' contents leave the page.
    pub fn forget(self) {
        self.clear_results();
        self.batch.set_value(Batch {
            generation: self.batch.with_value(|b| b.generation) + 1,
            ..Batch::default()
        });
        self.file.set_value(None);
        self.sheet_names.set(Vec::new());
        self.uses.set(Vec::new());
        self.source.set(String::new());
        self.message.set(Some(
            "已忘记这份名单：页面里不再有其中的任何内容。".to_string(),
        ));
        if let Some(input) = self.file_input.get_untracked() {
            input.set_value("");
        }
        if let Some(text) = self.paste_box.get_untracked() {
            text.set_value("");
        }
        self.loaded.update(|n| *n += 1);
    }

    /// A column's question picked by hand (`value`: a field's value, or empty for 不读取).
    pub fn pick_column(self, column: usize, value: String) {
        self.clear_results();
        let picked = Field::from_value(&value);
        self.uses.update(|u| {
            if let Some(slot) = u.get_mut(column) {
                *slot = picked;
            }
        });
        let now_uses = self.uses.get_untracked();
        self.batch.update_value(|b| b.uses = now_uses);
    }
}
