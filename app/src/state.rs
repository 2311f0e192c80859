//! What the screens share: [`AppState`], provided as context by the shell (and by tests).

use crate::fetched::{self, Arrival};
use crate::judgement::Judgement;
use crate::route::Route;
use crate::session::{Saved, Session, Step};
use crate::storage;
use leptos::prelude::*;
use rules_core::evaluate::Report;
use rules_core::{evaluate, Date};

/// Everything the screens share, provided as context by [`App`] (and by tests).
#[derive(Clone, Copy)]
pub struct AppState {
    pub route: RwSignal<Route>,
    /// The next route change replaces the history entry instead of adding one (redirects).
    pub(crate) replace: StoredValue<bool>,
    /// Today in the browser: the only clock.
    pub today: Date,
    /// The day the policy is evaluated on.
    pub as_of: RwSignal<Date>,
    pub large_text: RwSignal<bool>,
    pub session: RwSignal<Session>,
    /// rules-core's report for the session's answers on `as_of` (empty on the residents' page, whose
    /// rules come with its second fetch: [`AppState::fetched`]).
    pub report: Memo<Report>,
    /// Answers found on the phone, waiting for 继续上次 / 重新开始.
    pub resume: RwSignal<Option<Saved>>,
    /// Answers from a shared link, waiting for 打开分享的回答 / 保留我的回答 (the phone had its own).
    pub shared: RwSignal<Option<Saved>>,
    /// The person's own answers, kept after opening shared ones so that 撤销 can bring them back.
    pub undo: RwSignal<Option<Saved>>,
    /// A one-off message (data discarded, data cleared, bad link).
    pub notice: RwSignal<Option<String>>,
    /// A district the link preselects in every 区县 question (`?district=wanzhou`).
    pub preset_district: Option<&'static str>,
    /// The residents' page's second fetch (always `Here` on a page that links its rules).
    pub second: RwSignal<Arrival>,
    /// What the questionnaire screens need from the rules for the session on `as_of`: `None` while
    /// the rules are still coming (or could not come: `second` says which).
    pub judgement: Memo<Option<Judgement>>,
}

/// The judgement of `session` from its `report`, on a page that links its rules (`asks`: the same
/// rules without their words, with the next questions).
pub fn judged(
    report: Memo<Report>,
    session: RwSignal<Session>,
    asks: fn(&rules_core::Facts, Date) -> Report,
) -> Memo<Option<Judgement>> {
    Memo::new(move |_| report.with(|r| session.with(|s| Some(Judgement::of(r, s, asks)))))
}

impl AppState {
    /// A fresh state without touching storage or the URL, evaluating every benefit (org.html,
    /// staff.html, tests).
    pub fn new(today: Date, as_of: Date) -> AppState {
        AppState::linked(today, as_of, evaluate, rules_core::evaluate::asks)
    }

    /// A fresh state on a page whose bundle links its rules: `report`, the report the screens
    /// show; `asks`, the same rules without their words, with the next questions, for 还剩约 M 题
    /// (which evaluates many times per answer).
    pub fn linked(
        today: Date,
        as_of: Date,
        report: fn(&rules_core::Facts, Date) -> Report,
        asks: fn(&rules_core::Facts, Date) -> Report,
    ) -> AppState {
        let session = RwSignal::new(Session::default());
        let as_of = RwSignal::new(as_of);
        // A new report always counts as a change: comparing two reports costs more code than it saves.
        let report = Memo::new_with_compare(
            move |_| session.with(|s| report(&s.facts, as_of.get())),
            |_, _| true,
        );
        let judgement = judged(report, session, asks);
        AppState::assemble(
            today,
            as_of,
            session,
            report,
            RwSignal::new(Arrival::Here),
            judgement,
        )
    }

    /// A fresh state on the residents' page, whose first load carries no benefit's rule: they come
    /// with its second fetch ([`crate::fetched`], started here), which judges each answer; the page
    /// keeps no report of its own (`report` is empty) and its results are written by that bundle.
    pub fn fetched(today: Date, as_of: Date) -> AppState {
        let session = RwSignal::new(Session::default());
        let as_of = RwSignal::new(as_of);
        let second = fetched::start();
        let report = Memo::new_with_compare(
            move |_| {
                let as_of = as_of.get();
                Report {
                    as_of,
                    notice_ended: as_of > rules_core::source::NOTICE_END,
                    findings: Vec::new(),
                    benefits: Vec::new(),
                    next_questions: Vec::new(),
                }
            },
            |_, _| true,
        );
        let judgement = Memo::new(move |_| {
            if second.get() != Arrival::Here {
                return None;
            }
            let day = as_of.get().to_string();
            session.with(|s| {
                let saved = Saved::of(s, Step::Questions).to_json();
                let editing = s.editing.map_or("", rules_core::Q::id);
                Judgement::decode(&fetched::judge(&saved, &day, editing)?)
            })
        });
        AppState::assemble(today, as_of, session, report, second, judgement)
    }

    fn assemble(
        today: Date,
        as_of: RwSignal<Date>,
        session: RwSignal<Session>,
        report: Memo<Report>,
        second: RwSignal<Arrival>,
        judgement: Memo<Option<Judgement>>,
    ) -> AppState {
        AppState {
            route: RwSignal::new(Route::Landing(None)),
            replace: StoredValue::new(false),
            today,
            as_of,
            large_text: RwSignal::new(false),
            session,
            report,
            resume: RwSignal::new(None),
            shared: RwSignal::new(None),
            undo: RwSignal::new(None),
            notice: RwSignal::new(None),
            preset_district: None,
            second,
            judgement,
        }
    }

    /// Goes to a screen, adding a history entry.
    pub fn go(&self, route: Route) {
        self.route.set(route);
    }

    /// Goes to a screen in place of the current one (no new history entry).
    pub fn redirect(&self, route: Route) {
        self.replace.set_value(true);
        self.route.set(route);
    }

    /// 继续上次: the saved answers become the session.
    pub fn resume_saved(&self) {
        if let Some(saved) = self.resume.get_untracked() {
            self.session.set(saved.session());
            self.resume.set(None);
            let route = self.route.get_untracked();
            if !route.is_person_flow() {
                self.go(match saved.step {
                    Step::Questions => Route::PersonQuestions,
                    Step::Results => Route::PersonResults,
                });
            }
        }
    }

    /// 打开分享的回答: the shared answers become the session; the person's own stay in memory for 撤销.
    pub fn open_shared(&self) {
        if let Some(shared) = self.shared.get_untracked() {
            self.undo.set(self.resume.get_untracked());
            self.shared.set(None);
            self.resume.set(None);
            self.session.set(shared.session());
        }
    }

    /// 保留我的回答: the shared answers are dropped, the person's own taken up.
    pub fn keep_mine(&self) {
        self.shared.set(None);
        self.resume_saved();
        self.notice
            .set(Some("已保留您自己的回答，没有打开分享的回答。".to_string()));
    }

    /// 撤销: back to the person's own answers after opening shared ones.
    pub fn undo_shared(&self) {
        if let Some(mine) = self.undo.get_untracked() {
            self.undo.set(None);
            self.session.set(mine.session());
            self.notice.set(Some("已换回您原来的回答。".to_string()));
        }
    }

    /// 重新开始: forget the saved answers and start at the first question.
    pub fn restart(&self) {
        storage::clear_person();
        self.resume.set(None);
        self.session.set(Session::default());
        self.go(Route::PersonQuestions);
    }

    /// 清除我的数据.
    pub fn clear_all(&self) {
        storage::clear_all();
        self.resume.set(None);
        self.session.set(Session::default());
        self.large_text.set(false);
        self.notice
            .set(Some("已清除本机保存的全部回答和设置。".to_string()));
        self.go(Route::Landing(None));
    }
}
