//! The roster editor: hires or placements in groups, one row per group. Every number is read by
//! rules-core's `parse_count` / `parse_money` (full-width digits, blanks and separators understood);
//! what cannot be read gets rules-core's Chinese message beside the box and stays unknown.

use leptos::prelude::*;
use rules_core::choices::{HireIdentity, PostKind};
use rules_core::input::{parse_count, parse_money};
use rules_core::roster::{HireGroup, RosterTerm};

/// Which boxes a row offers: rules-core says, from the rules of the organisation's benefits.
pub use rules_core::RosterFields as Fields;

/// One row as typed: the text of each box, and the yes / no / unknown choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowDraft {
    pub identity: HireIdentity,
    pub count: String,
    pub contract_months: String,
    pub full_time: Option<bool>,
    pub insured_months: String,
    pub still_insured: Option<bool>,
    pub contributions: String,
    pub placed_free: Option<bool>,
    pub dispatched: Option<bool>,
    pub public_post: Option<bool>,
    pub monthly_hours: String,
    pub post_kind: Option<PostKind>,
    pub subsidised_months: String,
    pub near_retirement: Option<bool>,
    pub chongqing_hukou: Option<bool>,
    pub work_for_training_received: Option<bool>,
}

impl Default for RowDraft {
    fn default() -> RowDraft {
        RowDraft::from_group(&HireGroup::new(HireIdentity::Poverty, 1))
    }
}

/// The boxes of a row that can hold a bad number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Count,
    ContractMonths,
    InsuredMonths,
    Contributions,
    MonthlyHours,
    SubsidisedMonths,
}

impl Field {
    pub fn id(self) -> &'static str {
        match self {
            Field::Count => "count",
            Field::ContractMonths => "contract",
            Field::InsuredMonths => "insured",
            Field::Contributions => "contrib",
            Field::MonthlyHours => "hours",
            Field::SubsidisedMonths => "subsidised",
        }
    }
}

fn text_of(n: Option<impl ToString>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

impl RowDraft {
    pub fn from_group(g: &HireGroup) -> RowDraft {
        RowDraft {
            identity: g.identity,
            count: g.count.to_string(),
            contract_months: text_of(g.contract_months),
            full_time: g.full_time,
            insured_months: text_of(g.insured_months),
            still_insured: g.still_insured,
            contributions: text_of(g.employer_contributions.map(rules_core::money::format_yuan)),
            placed_free: g.placed_free,
            dispatched: g.dispatched,
            public_post: g.public_post,
            monthly_hours: text_of(g.monthly_hours),
            post_kind: g.post_kind,
            subsidised_months: text_of(g.subsidised_months),
            near_retirement: g.near_retirement,
            chongqing_hukou: g.chongqing_hukou,
            work_for_training_received: g.work_for_training_received,
        }
    }

    /// The group this row describes, and the message of every box that cannot be read. A row
    /// without a readable number of people is no group; another bad box leaves that term unknown.
    pub fn parse(&self) -> (Option<HireGroup>, Vec<(Field, String)>) {
        let mut errors = Vec::new();
        let mut optional = |field: Field, text: &str| -> Option<u32> {
            if text.trim().is_empty() {
                return None;
            }
            parse_count(text)
                .map_err(|message| errors.push((field, message)))
                .ok()
        };
        let contract_months = optional(Field::ContractMonths, &self.contract_months);
        let insured_months = optional(Field::InsuredMonths, &self.insured_months);
        let monthly_hours = optional(Field::MonthlyHours, &self.monthly_hours);
        let subsidised_months = optional(Field::SubsidisedMonths, &self.subsidised_months);
        let contributions = if self.contributions.trim().is_empty() {
            None
        } else {
            parse_money(&self.contributions)
                .map_err(|message| errors.push((Field::Contributions, message)))
                .ok()
        };
        let count = match parse_count(&self.count) {
            Ok(n) => Some(n),
            Err(message) => {
                let message = if self.count.trim().is_empty() {
                    "请填写这一组的人数".to_string()
                } else {
                    message
                };
                errors.insert(0, (Field::Count, message));
                None
            }
        };
        let group = count.map(|count| HireGroup {
            contract_months,
            full_time: self.full_time,
            insured_months,
            still_insured: self.still_insured,
            employer_contributions: contributions,
            placed_free: self.placed_free,
            dispatched: self.dispatched,
            public_post: self.public_post,
            monthly_hours,
            post_kind: self.post_kind,
            subsidised_months,
            near_retirement: self.near_retirement,
            chongqing_hukou: self.chongqing_hukou,
            work_for_training_received: self.work_for_training_received,
            ..HireGroup::new(self.identity, count)
        });
        (group, errors)
    }
}

/// A row on screen: a stable key (for the list and the element ids) and its draft.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub key: u32,
    pub draft: RwSignal<RowDraft>,
}

/// The editor's rows. Each row has its own signal, so typing in one box redraws nothing else.
#[derive(Debug, Clone, Copy)]
pub struct Roster {
    pub rows: RwSignal<Vec<Row>>,
    next_key: StoredValue<u32>,
}

impl Roster {
    pub fn new(groups: &[HireGroup]) -> Roster {
        let rows: Vec<Row> = groups
            .iter()
            .zip(1..)
            .map(|(g, key)| Row {
                key,
                draft: RwSignal::new(RowDraft::from_group(g)),
            })
            .collect();
        let next = rows.len() as u32 + 1;
        Roster {
            rows: RwSignal::new(rows),
            next_key: StoredValue::new(next),
        }
    }

    /// Adds a row (the same identity as the last one, one person) and returns its key.
    pub fn add(&self) -> u32 {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        let identity = self
            .rows
            .with_untracked(|rows| rows.last().map(|r| r.draft.with_untracked(|d| d.identity)))
            .unwrap_or(HireIdentity::Poverty);
        let draft = RowDraft {
            identity,
            ..RowDraft::default()
        };
        self.rows.update(|rows| {
            rows.push(Row {
                key,
                draft: RwSignal::new(draft),
            })
        });
        key
    }

    pub fn remove(&self, key: u32) {
        self.rows.update(|rows| rows.retain(|r| r.key != key));
    }

    /// The groups of every readable row, in order (tracked: for memos and effects).
    pub fn groups(&self) -> Vec<HireGroup> {
        self.rows.with(|rows| {
            rows.iter()
                .filter_map(|r| r.draft.with(|d| d.parse().0))
                .collect()
        })
    }

    /// Rows with at least one box that cannot be read.
    pub fn rows_with_errors(&self) -> usize {
        self.rows.with(|rows| {
            rows.iter()
                .filter(|r| r.draft.with(|d| !d.parse().1.is_empty()))
                .count()
        })
    }
}

/// The editor: one fieldset per group, add and remove, the totals as you type.
#[component]
pub fn RosterEditor(roster: Roster, fields: Fields) -> impl IntoView {
    let totals = move || {
        let groups = roster.groups();
        let people: u64 = groups.iter().map(|g| u64::from(g.count)).sum();
        let mut text = format!("共 {} 组，{} 人", groups.len(), people);
        let bad = roster.rows_with_errors();
        if bad > 0 {
            text.push_str(&format!("（{bad} 行有填写问题，见红字提示）"));
        }
        text
    };
    let add = move |_| {
        let key = roster.add();
        crate::dom::focus_later(format!("roster-{key}-identity"));
    };
    view! {
        <div class="roster" id="roster">
            <p class="help">"每组填写同一类、同样条件的人员。数字可用全角或半角；不知道的可以空着。"</p>
            <For each=move || roster.rows.get() key=|row| row.key let:row>
                <RowEditor row=row roster=roster fields=fields/>
            </For>
            <p class="roster-totals" id="roster-totals" role="status" aria-live="polite">{totals}</p>
            <button type="button" class="secondary" id="roster-add" on:click=add>"＋ 添加一组人员"</button>
        </div>
    }
}

/// One group's boxes.
#[component]
fn RowEditor(row: Row, roster: Roster, fields: Fields) -> impl IntoView {
    let key = row.key;
    let draft = row.draft;
    let id = move |part: &str| format!("roster-{key}-{part}");
    let position = move || {
        roster
            .rows
            .with(|rows| rows.iter().position(|r| r.key == key).unwrap_or(0) + 1)
    };
    let errors = Memo::new(move |_| draft.with(|d| d.parse().1));
    let remove = move |_| roster.remove(key);
    let identity_id = id("identity");
    let legend_id = id("legend");
    let labelled_by = legend_id.clone();
    view! {
        <fieldset class="roster-row" id=id("row") data-row=key aria-labelledby=labelled_by>
            <legend id=legend_id>{move || format!("第 {} 组", position())}</legend>
            <label for=identity_id.clone()>"人员类别"</label>
            <select
                id=identity_id
                on:change=move |ev| {
                    if let Some(identity) = HireIdentity::from_id(&event_target_value(&ev)) {
                        draft.update(|d| d.identity = identity);
                    }
                }
            >
                {HireIdentity::ALL
                    .iter()
                    .map(|h| {
                        let selected = draft.with_untracked(|d| d.identity == *h);
                        view! { <option value=h.id() selected=selected>{h.label()}</option> }
                    })
                    .collect_view()}
            </select>
            <NumberBox key=key field=Field::Count label="人数" unit="人" draft=draft errors=errors
                get=|d| d.count.clone() set=|d, v| d.count = v/>
            {fields.contract.then(|| view! {
                <NumberBox key=key field=Field::ContractMonths label="劳动合同期限" unit="个月" draft=draft errors=errors
                    get=|d| d.contract_months.clone() set=|d, v| d.contract_months = v/>
            })}
            {fields.placement.then(|| view! {
                <YesNo key=key part="free" label="是否免费介绍（不收求职者费用）" draft=draft
                    get=|d| d.placed_free set=|d, v| d.placed_free = v/>
                <YesNo key=key part="dispatched" label="是否通过劳务派遣" draft=draft
                    get=|d| d.dispatched set=|d, v| d.dispatched = v/>
            })}
            <YesNo key=key part="fulltime" label="是否全日制用工" draft=draft
                get=|d| d.full_time set=|d, v| d.full_time = v/>
            {fields.public_post.then(|| view! {
                <YesNo key=key part="post" label="是否在公益性岗位上" draft=draft
                    get=|d| d.public_post set=|d, v| d.public_post = v/>
            })}
            {fields.post_terms.then(|| view! {
                <PostKindSelect key=key draft=draft/>
                <NumberBox key=key field=Field::MonthlyHours label="非全日制每月工作小时数" unit="小时" draft=draft errors=errors
                    get=|d| d.monthly_hours.clone() set=|d, v| d.monthly_hours = v/>
                <YesNo key=key part="hukou" label=RosterTerm::ChongqingHukou.label() draft=draft
                    get=|d| d.chongqing_hukou set=|d, v| d.chongqing_hukou = v/>
            })}
            {fields.subsidy_limit.then(|| view! {
                <NumberBox key=key field=Field::SubsidisedMonths label=RosterTerm::SubsidisedMonths.label() unit="个月" draft=draft errors=errors
                    get=|d| d.subsidised_months.clone() set=|d, v| d.subsidised_months = v/>
                <YesNo key=key part="retire" label=RosterTerm::NearRetirement.label() draft=draft
                    get=|d| d.near_retirement set=|d, v| d.near_retirement = v/>
            })}
            {fields.work_for_training.then(|| view! {
                <YesNo key=key part="wft" label=RosterTerm::WorkForTrainingReceived.label() draft=draft
                    get=|d| d.work_for_training_received set=|d, v| d.work_for_training_received = v/>
            })}
            {fields.insurance.then(|| view! {
                <NumberBox key=key field=Field::InsuredMonths
                    label=if fields.placement { "已连续就业（缴纳社保）月数" } else { "已连续缴纳社保月数" }
                    unit="个月" draft=draft errors=errors
                    get=|d| d.insured_months.clone() set=|d, v| d.insured_months = v/>
                <YesNo key=key part="still" label="目前是否仍在缴纳社保" draft=draft
                    get=|d| d.still_insured set=|d, v| d.still_insured = v/>
            })}
            {fields.contributions.then(|| view! {
                <NumberBox key=key field=Field::Contributions label="单位每人每年缴纳的社保费" unit="元" draft=draft errors=errors
                    get=|d| d.contributions.clone() set=|d, v| d.contributions = v/>
            })}
            <button type="button" class="secondary roster-remove" id=id("remove") on:click=remove
                aria-label=move || format!("删除这一组（第 {} 组）", position())>
                "删除这一组"
            </button>
        </fieldset>
    }
}

/// The text box an event happened on.
fn input_of(ev: &leptos::ev::Event) -> Option<web_sys::HtmlInputElement> {
    use wasm_bindgen::JsCast;
    ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()
}

/// A number typed as people type it; rules-core's message appears beside it as you type.
#[component]
fn NumberBox(
    key: u32,
    field: Field,
    label: &'static str,
    unit: &'static str,
    draft: RwSignal<RowDraft>,
    errors: Memo<Vec<(Field, String)>>,
    get: fn(&RowDraft) -> String,
    set: fn(&mut RowDraft, String),
) -> impl IntoView {
    let input_id = format!("roster-{key}-{}", field.id());
    let error_id = format!("{input_id}-error");
    let error = move || {
        errors.with(|list| {
            list.iter()
                .find(|(f, _)| *f == field)
                .map(|(_, m)| m.clone())
        })
    };
    let money = field == Field::Contributions;
    // Typing into a box replaces what is there (the 人数 box starts at 1: tapping it and typing 3
    // gives 3, not 13). The focus selects the text; the mouseup of the tap that focused the box
    // would put a caret instead, so that one mouseup is cancelled.
    let just_focused = StoredValue::new(false);
    let select_all = move |ev: leptos::ev::FocusEvent| {
        if let Some(input) = input_of(&ev) {
            input.select();
            let _ = input.set_selection_range(0, input.value().encode_utf16().count() as u32);
            just_focused.set_value(true);
        }
    };
    let keep_selection = move |ev: leptos::ev::MouseEvent| {
        if just_focused.get_value() {
            just_focused.set_value(false);
            ev.prevent_default();
        }
    };
    view! {
        <div class="roster-field">
            <label for=input_id.clone()>{label}<span class="unit">{format!("（{unit}）")}</span></label>
            <input
                id=input_id
                type="text"
                inputmode=if money { "decimal" } else { "numeric" }
                autocomplete="off"
                aria-describedby=error_id.clone()
                aria-invalid=move || if error().is_some() { "true" } else { "false" }
                prop:value=move || draft.with(get)
                on:focus=select_all
                on:mouseup=keep_selection
                on:blur=move |_| just_focused.set_value(false)
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    draft.update(|d| set(d, value));
                }
            />
            <p class="error" id=error_id role="alert">{error}</p>
        </div>
    }
}

/// 城镇 / 乡村 公益性岗位 / 不清楚, with rules-core's labels.
#[component]
fn PostKindSelect(key: u32, draft: RwSignal<RowDraft>) -> impl IntoView {
    let select_id = format!("roster-{key}-postkind");
    let now = draft.with_untracked(|d| d.post_kind);
    view! {
        <div class="roster-field">
            <label for=select_id.clone()>"岗位类别"</label>
            <select
                id=select_id
                on:change=move |ev| {
                    let kind = PostKind::from_id(&event_target_value(&ev));
                    draft.update(|d| d.post_kind = kind);
                }
            >
                <option value="" selected=now.is_none()>"不清楚"</option>
                {PostKind::ALL
                    .iter()
                    .map(|k| view! { <option value=k.id() selected=now == Some(*k)>{k.label()}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// 是 / 否 / 不清楚 as a list to pick from.
#[component]
fn YesNo(
    key: u32,
    part: &'static str,
    label: &'static str,
    draft: RwSignal<RowDraft>,
    get: fn(&RowDraft) -> Option<bool>,
    set: fn(&mut RowDraft, Option<bool>),
) -> impl IntoView {
    let select_id = format!("roster-{key}-{part}");
    let now = draft.with_untracked(get);
    view! {
        <div class="roster-field">
            <label for=select_id.clone()>{label}</label>
            <select
                id=select_id
                on:change=move |ev| {
                    let value = match event_target_value(&ev).as_str() {
                        "yes" => Some(true),
                        "no" => Some(false),
                        _ => None,
                    };
                    draft.update(|d| set(d, value));
                }
            >
                <option value="" selected=now.is_none()>"不清楚"</option>
                <option value="yes" selected=now == Some(true)>"是"</option>
                <option value="no" selected=now == Some(false)>"否"</option>
            </select>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules_core::money::yuan;

    #[test]
    fn rows_read_full_width_digits_and_report_bad_boxes() {
        let draft = RowDraft {
            identity: HireIdentity::Graduate,
            count: "１２".into(),
            contract_months: " 24 ".into(),
            insured_months: "abc".into(),
            contributions: "９,０００".into(),
            ..RowDraft::default()
        };
        let (group, errors) = draft.parse();
        let group = group.expect("a group");
        assert_eq!(group.count, 12);
        assert_eq!(group.contract_months, Some(24));
        assert_eq!(group.insured_months, None);
        assert_eq!(group.employer_contributions, Some(yuan(9000)));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].0, Field::InsuredMonths);
        assert!(errors[0].1.contains("abc"), "{}", errors[0].1);

        let (group, errors) = RowDraft {
            count: String::new(),
            ..RowDraft::default()
        }
        .parse();
        assert!(group.is_none());
        assert_eq!(errors[0], (Field::Count, "请填写这一组的人数".to_string()));
    }

    #[test]
    fn a_group_survives_the_round_trip_through_a_draft() {
        let group = HireGroup {
            contract_months: Some(24),
            full_time: Some(true),
            insured_months: Some(14),
            still_insured: Some(false),
            employer_contributions: parse_money("9000.5").ok(),
            placed_free: Some(true),
            dispatched: Some(false),
            public_post: Some(true),
            monthly_hours: Some(80),
            post_kind: Some(PostKind::Urban),
            subsidised_months: Some(40),
            near_retirement: Some(false),
            chongqing_hukou: Some(true),
            work_for_training_received: Some(true),
            ..HireGroup::new(HireIdentity::FourFifty, 3)
        };
        assert_eq!(RowDraft::from_group(&group).parse(), (Some(group), vec![]));
    }
}
