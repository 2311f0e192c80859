//! The run card (第 3 步，筛查): the day to screen on, the start button, and the run itself, driven
//! in slices of about 12 ms that give the browser its turn (progress bar), through the pipeline's
//! `List::screen_next`.

use super::read::{next_turn, TURN_MS};
use super::state::Screen;
use leptos::prelude::*;
use rules_core::input::DATE_EXAMPLE;
use rules_core::sheet;
use rules_core::Date;

fn now() -> f64 {
    js_sys::Date::now()
}

/// Starts screening every row on the chosen day, unless no day is chosen or no column is read.
fn start(screen: Screen) {
    let Ok(day) = Date::parse(&screen.day_text.get_untracked()) else {
        screen
            .notice
            .set(format!("请先选择按哪天的政策筛查（例如 {DATE_EXAMPLE}）。"));
        return;
    };
    if !screen.uses.with_untracked(|u| sheet::reads_any(u)) {
        screen
            .notice
            .set("没有哪一列对应到问题，无法筛查：请在第 2 步为各列选择对应的问题。".to_string());
        return;
    }
    screen.clear_results();
    let mut generation = 0;
    let mut total = 0;
    screen.batch.update_value(|b| {
        b.day = Some(day);
        generation = b.generation;
        total = b.rows.len();
    });
    screen.progress.set(Some((0, total)));
    wasm_bindgen_futures::spawn_local(run(screen, generation));
}

/// Evaluates the rows a slice of about [`TURN_MS`] at a time, giving the browser its turn between
/// slices; stops when the list was forgotten or a new run started (`generation`).
async fn run(screen: Screen, generation: u32) {
    let started = now();
    let mut done = 0;
    loop {
        next_turn().await;
        let slice_end = now() + TURN_MS;
        let next = done;
        let mut total = 0;
        let current = screen.batch.try_update_value(|b| {
            if b.generation != generation {
                return false;
            }
            let Some(day) = b.day else { return false };
            total = b.rows.len();
            while done < total && (done == next || now() < slice_end) && b.screen_next(day) {
                done += 1;
            }
            true
        });
        if current != Some(true) {
            return;
        }
        screen.progress.set(Some((done, total)));
        if done >= total {
            let seconds = (now() - started).max(1.0) / 1000.0;
            screen.speed.set(format!(
                "{total} 人用时 {seconds:.1} 秒，每秒约 {} 人",
                (total as f64 / seconds).round()
            ));
            screen.results.update(|n| *n += 1);
            return;
        }
    }
}

/// The run's card: the day, 开始筛查, the progress and the run's speed and notices.
#[component]
pub fn RunCard(screen: Screen) -> impl IntoView {
    view! {
        <section class="card no-print" aria-labelledby="batch-run-heading">
            <h2 id="batch-run-heading">"3. 筛查"</h2>
            <label for="batch-date">"按哪天的政策判断"</label>
            <input type="date" id="batch-date" prop:value=move || screen.day_text.get() on:change=move |ev| {
                screen.day_text.set(event_target_value(&ev));
                screen.clear_results();
            }/>
            <div class="actions">
                <button type="button" class="primary" id="batch-start" on:click=move |_| start(screen)>"开始筛查"</button>
            </div>
            {move || screen.progress.get().map(|(done, total)| view! {
                <progress id="batch-progress" max=total value=done aria-label="筛查进度"></progress>
                <p id="batch-progress-text" role="status">{format!("已筛查 {done} / {total} 人")}</p>
            })}
            <p id="batch-speed">{move || screen.speed.get()}</p>
            <p id="batch-notice" role="status">{move || screen.notice.get()}</p>
        </section>
    }
}
