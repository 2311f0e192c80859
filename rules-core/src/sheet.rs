//! Lists of people as spreadsheets (the staff page's 筛查名单): which column answers which question,
//! a cell read as the questionnaire reads a typed answer, and the per-benefit count of a whole list.
//!
//! Pure table logic over the rest of rules-core: the wording matched is [`questions::wording`], cells
//! go through [`input::parse_date`], [`input::parse_money`], [`input::parse_count`], the options of
//! [`questions::options`] and the district names of [`districts::DISTRICTS`]; the count is the one
//! `subsidy-check evaluate --summary` gives for the same answers (per benefit of the person's audience,
//! by status). Nothing here reads files: the caller hands over rows of text.

use crate::catalogue::{self, Audience};
use crate::date::Date;
use crate::districts::{self, DISTRICTS};
use crate::evaluate::{Report, Status, Value};
use crate::facts::{Answer, AnswerKind, Facts, Q};
use crate::input;
use crate::questions::{options, wording};

/// The questions of the person's benefits, in the questionnaire's order: the columns of the
/// template workbook and the list a column can be mapped to.
pub fn person_questions() -> impl Iterator<Item = Q> {
    Q::ALL
        .iter()
        .copied()
        .take_while(|q| *q != Q::OrgKind)
        .filter(|q| !matches!(q, Q::Audience | Q::BusinessInChongqing))
}

/// The template's header row: each person question's wording, which [`match_header`] reads back.
pub fn template_header() -> Vec<&'static str> {
    person_questions().map(|q| wording(q).text).collect()
}

/// Column names found in village and district registers, for the questions they mean. Wording only:
/// what a column is called, never what it decides.
const HEADER_ALIASES: &[(&str, Q)] = &[
    ("年龄", Q::Age),
    ("周岁", Q::Age),
    ("性别", Q::Sex),
    ("户籍区县", Q::HukouDistrict),
    ("户籍所在区县", Q::HukouDistrict),
    ("户口所在区县", Q::HukouDistrict),
    ("户籍地", Q::HukouDistrict),
    ("户籍是否重庆", Q::HukouChongqing),
    ("重庆户籍", Q::HukouChongqing),
    ("脱贫属性", Q::PovertyStatus),
    ("脱贫户属性", Q::PovertyStatus),
    ("户类型", Q::PovertyStatus),
    ("帮扶对象类别", Q::PovertyStatus),
    ("劳动能力", Q::LabourCapacity),
    ("务工地点", Q::WorkPlace),
    ("务工地", Q::WorkPlace),
    ("务工区域", Q::WorkPlace),
    ("就业地点", Q::WorkPlace),
    ("就业状态", Q::Activity),
    ("务工开始时间", Q::WorkSince),
    ("务工时间", Q::WorkSince),
    ("就业时间", Q::WorkSince),
    ("低保", Q::Dibao),
    ("低保户", Q::Dibao),
    ("享受低保", Q::Dibao),
    ("特困", Q::Tekun),
    ("残疾", Q::Disabled),
    ("残疾人", Q::Disabled),
    ("易地扶贫搬迁", Q::Relocated),
    ("搬迁户", Q::Relocated),
    ("退役军人", Q::Veteran),
    ("实名制车票", Q::HasTickets),
    ("有实名制车票", Q::HasTickets),
    ("往返车费", Q::TicketFare),
    ("车票金额", Q::TicketFare),
    ("交通补助已领", Q::TransportReceived),
    ("已领交通补助", Q::TransportReceived),
    ("求职创业补贴已领", Q::JobSearchReceived),
    ("已领求职创业补贴", Q::JobSearchReceived),
    ("失业登记", Q::RegisteredUnemployed),
    ("有组织劳务输出", Q::OrganisedTransfer),
];

/// Text compared without blanks, punctuation or a leading 是否 (`是否低保` = `低保`).
fn normalise(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|c| {
            !c.is_whitespace() && !"？?（）()“”\"'：:*·、，,。.!！-_/\\[]【】《》<>".contains(*c)
        })
        .collect::<String>()
        .to_lowercase();
    match kept.strip_prefix("是否") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => kept,
    }
}

/// The question a column header names: its id (`age`), its wording (`您今年多少周岁？`), a usual
/// register name (`年龄`, `户籍区县`, `脱贫属性`), or words found in exactly one question's wording
/// (`劳动能力`). `None` leaves the column to be picked from the list (or ignored: 姓名, 序号 …).
pub fn match_header(header: &str) -> Option<Q> {
    let wanted = normalise(header);
    if wanted.is_empty() {
        return None;
    }
    if let Some(q) = Q::from_id(header.trim()).filter(|q| person_questions().any(|p| p == *q)) {
        return Some(q);
    }
    if let Some((_, q)) = HEADER_ALIASES
        .iter()
        .find(|(name, _)| normalise(name) == wanted)
    {
        return Some(*q);
    }
    if let Some(q) = person_questions().find(|q| normalise(wording(*q).text) == wanted) {
        return Some(q);
    }
    if wanted.chars().count() < 2 {
        return None;
    }
    let mut containing =
        person_questions().filter(|q| normalise(wording(*q).text).contains(&wanted));
    match (containing.next(), containing.next()) {
        (Some(q), None) => Some(q),
        _ => None,
    }
}

/// Whether a column looks like the people's names (kept for the printed sheets and the export).
pub fn is_name_header(header: &str) -> bool {
    let wanted = normalise(header);
    wanted == "姓名" || wanted == "名字" || wanted == "户主姓名" || wanted == "申请人"
}

/// What people write for 是 and 否 in a register.
const YES: &[&str] = &[
    "是",
    "有",
    "对",
    "已",
    "已领",
    "领过",
    "已享受",
    "享受",
    "持有",
    "y",
    "yes",
    "true",
    "1",
    "√",
    "✓",
    "✔",
];
const NO: &[&str] = &[
    "否",
    "无",
    "没有",
    "不是",
    "未",
    "未领",
    "没领过",
    "未享受",
    "不享受",
    "n",
    "no",
    "false",
    "0",
    "×",
    "✗",
    "✘",
];
/// A cell that says nothing: the answer stays unknown, as 不清楚 in the questionnaire.
const UNKNOWN: &[&str] = &[
    "",
    "不清楚",
    "不详",
    "未知",
    "待核实",
    "待确认",
    "空",
    "—",
    "——",
    "-",
    "/",
];

/// Short forms of options people write in registers, for the option they mean.
const OPTION_ALIASES: &[(Q, &str, &str)] = &[
    (Q::PovertyStatus, "脱贫户", "alleviated"),
    (Q::PovertyStatus, "脱贫人口", "alleviated"),
    (Q::PovertyStatus, "脱贫", "alleviated"),
    (Q::PovertyStatus, "建档立卡户", "alleviated"),
    (Q::PovertyStatus, "监测户", "monitored"),
    (Q::PovertyStatus, "监测对象", "monitored"),
    (Q::PovertyStatus, "防止返贫监测对象", "monitored"),
    (Q::PovertyStatus, "防止返贫致贫对象", "monitored"),
    (Q::PovertyStatus, "风险消除", "monitored-risk-eliminated"),
    (Q::PovertyStatus, "已消除风险", "monitored-risk-eliminated"),
    (Q::PovertyStatus, "一般户", "none"),
    (Q::PovertyStatus, "非脱贫户", "none"),
    (Q::PovertyStatus, "否", "none"),
    (Q::LabourCapacity, "普通劳动力", "full"),
    (Q::LabourCapacity, "强劳力", "full"),
    (Q::LabourCapacity, "丧失劳动能力", "none"),
    (Q::LabourCapacity, "无劳动能力", "none"),
    (Q::Activity, "务工", "employee"),
    (Q::Activity, "上班", "employee"),
    (Q::Activity, "企业务工", "employee"),
    (Q::Activity, "零工", "flexible"),
    (Q::Activity, "个体", "own-business"),
    (Q::Activity, "自主创业", "own-business"),
    (Q::Activity, "公益岗", "public-welfare-post"),
    (Q::Activity, "公益性岗位", "public-welfare-post"),
    (Q::Activity, "学生", "student"),
    (Q::Activity, "在校生", "student"),
    (Q::Activity, "无业", "not-working"),
    (Q::Activity, "未就业", "not-working"),
    (Q::Activity, "待业", "not-working"),
    (Q::Activity, "失业", "not-working"),
    (Q::WorkPlace, "县内", "own-district"),
    (Q::WorkPlace, "区内", "own-district"),
    (Q::WorkPlace, "本区县", "own-district"),
    (Q::WorkPlace, "市内县外", "other-district"),
    (Q::WorkPlace, "县外市内", "other-district"),
    (Q::WorkPlace, "市内", "other-district"),
    (Q::WorkPlace, "市外", "other-province"),
    (Q::WorkPlace, "省外", "other-province"),
    (Q::WorkPlace, "外省", "other-province"),
];

/// The part of an option's label before its explanation: `弱劳力（能干轻活）` → `弱劳力`.
fn label_core(label: &str) -> &str {
    label.split(['（', '(']).next().unwrap_or(label)
}

fn read_choice(q: Q, cell: &str, day: Date) -> Option<String> {
    let wanted = normalise(cell);
    let all = options(q, day);
    if let Some(o) = all.iter().find(|o| {
        o.id == cell.trim()
            || normalise(o.label) == wanted
            || normalise(label_core(o.label)) == wanted
    }) {
        return Some(o.id.to_string());
    }
    if let Some((_, _, id)) = OPTION_ALIASES
        .iter()
        .find(|(question, written, _)| *question == q && normalise(written) == wanted)
    {
        return Some(id.to_string());
    }
    if wanted.chars().count() < 2 {
        return None;
    }
    let mut starting = all
        .iter()
        .filter(|o| normalise(label_core(o.label)).starts_with(&wanted));
    match (starting.next(), starting.next()) {
        (Some(o), None) => Some(o.id.to_string()),
        _ => None,
    }
}

/// A 区县 as written: `万州区`, `万州`, `重庆市万州区`, `石柱县`, `wanzhou`. Old names (江北区) are kept:
/// the evaluation maps them by date.
fn read_district(cell: &str) -> Option<&'static str> {
    let strip = |text: &str| -> String {
        let text = normalise(text);
        let text = text
            .strip_prefix("重庆市")
            .or_else(|| text.strip_prefix("重庆"))
            .unwrap_or(&text)
            .to_string();
        text
    };
    let wanted = strip(cell);
    if wanted.is_empty() {
        return None;
    }
    if let Some(d) = districts::find(cell.trim()) {
        return Some(d.id);
    }
    if let Some(d) = DISTRICTS.iter().find(|d| strip(d.name) == wanted) {
        return Some(d.id);
    }
    let core = wanted
        .strip_suffix("自治县")
        .or_else(|| wanted.strip_suffix('区'))
        .or_else(|| wanted.strip_suffix('县'))
        .unwrap_or(&wanted);
    if core.chars().count() < 2 {
        return None;
    }
    let mut starting = DISTRICTS.iter().filter(|d| strip(d.name).starts_with(core));
    match (starting.next(), starting.next()) {
        (Some(d), None) => Some(d.id),
        _ => None,
    }
}

/// A day from a spreadsheet's date serial (Excel and WPS store dates as days since 1899-12-30; a
/// time of day is a fraction, ignored). Serials before 1900-03-01 (Excel's leap-year quirk) are not
/// read.
fn excel_serial(text: &str) -> Option<Date> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let plain = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !(1..=5).contains(&whole.len()) || !plain(whole) || !plain(fraction) {
        return None;
    }
    let serial: i64 = whole.parse().ok()?;
    if serial < 61 {
        return None;
    }
    // Serial 25569 is 1970-01-01.
    Date::from_days_since_1970(serial - 25569)
}

/// One cell read as the answer to `q`, as the questionnaire reads what a person types: `Ok(None)` for
/// an empty cell or 不清楚 (unknown), `Err` with a sentence in Chinese for a value that cannot be read.
/// `day` is the evaluation date (the 区县 options change in 2026).
pub fn read_cell(q: Q, cell: &str, day: Date) -> Result<Option<Answer>, String> {
    let text = cell.trim();
    if UNKNOWN.contains(&text) {
        return Ok(None);
    }
    let wanted = normalise(text);
    let answer = match q.kind() {
        AnswerKind::YesNo => {
            if YES.contains(&wanted.as_str()) {
                Answer::Bool(true)
            } else if NO.contains(&wanted.as_str()) {
                Answer::Bool(false)
            } else {
                return Err(format!("“{text}”看不懂，请填“是”或“否”"));
            }
        }
        AnswerKind::Choice => match read_choice(q, text, day) {
            Some(id) => Answer::Choice(id),
            None => {
                let labels: Vec<&str> = options(q, day)
                    .iter()
                    .map(|o| label_core(o.label))
                    .collect();
                return Err(format!(
                    "“{text}”不是可选的一项，请填：{}",
                    labels.join("、")
                ));
            }
        },
        AnswerKind::District => match read_district(text) {
            Some(id) => Answer::Choice(id.to_string()),
            None => return Err(format!("“{text}”不是重庆的区县名称，例如 万州区")),
        },
        AnswerKind::Count => {
            // A spreadsheet may store 35 as 35.0.
            let whole = text.strip_suffix(".0").unwrap_or(text);
            Answer::Count(input::parse_count(whole)?)
        }
        AnswerKind::Money => Answer::Money(input::parse_money(text)?),
        AnswerKind::Date => match excel_serial(text) {
            Some(date) => Answer::Date(date),
            None => Answer::Date(input::parse_date(text)?),
        },
        AnswerKind::Roster => return Err("这一列不能按人读取".to_string()),
    };
    Ok(Some(answer))
}

/// A cell that could not be read: its column (0-based) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellProblem {
    pub column: usize,
    pub message: String,
}

/// One row's answers (a person's), with `columns[i]` the question of the i-th cell (`None`: not
/// read). Unreadable cells become [`CellProblem`]s and stay unknown; never dropped silently.
pub fn read_row<S: AsRef<str>>(
    columns: &[Option<Q>],
    cells: &[S],
    day: Date,
) -> (Facts, Vec<CellProblem>) {
    let mut facts = Facts {
        audience: Some(Audience::Person),
        ..Facts::default()
    };
    let mut problems = Vec::new();
    for (column, (q, cell)) in columns.iter().zip(cells).enumerate() {
        let Some(q) = q else { continue };
        match read_cell(*q, cell.as_ref(), day) {
            Ok(None) => {}
            Ok(Some(answer)) => {
                if facts.is_answered(*q) {
                    problems.push(CellProblem {
                        column,
                        message: format!("另一列已填写“{}”，这一列未采用", wording(*q).text),
                    });
                } else if let Err(message) = facts.set(*q, Some(&answer)) {
                    problems.push(CellProblem { column, message });
                }
            }
            Err(message) => problems.push(CellProblem { column, message }),
        }
    }
    (facts, problems)
}

/// The statuses a list is counted by, in the order the summary shows them.
pub const COUNTED: [Status; 5] = [
    Status::Eligible,
    Status::NeedsAnswers,
    Status::ContinuationUnknown,
    Status::NotEligible,
    Status::PolicyEnded,
];

/// One benefit for one person: what `subsidy-check evaluate --summary` prints for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub id: &'static str,
    pub status: Status,
    pub value: Value,
    /// The questions that would decide it, then those its amount needs.
    pub asks: Vec<Q>,
}

/// The benefits of the person's audience in a report, as `--summary` lists them.
pub fn lines(report: &Report) -> Vec<Line> {
    report
        .benefits
        .iter()
        .filter(|b| b.status != Status::NotForAudience)
        .map(|b| Line {
            id: b.id,
            status: b.status,
            value: b.estimate.value.clone(),
            asks: b.open_questions(),
        })
        .collect()
}

/// A benefit's count over a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenefitTally {
    pub id: &'static str,
    pub name: &'static str,
    /// People per status, in [`COUNTED`] order.
    pub counts: [usize; 5],
    /// Among those who need answers, how many lack each question first (most first).
    pub first_asks: Vec<(Q, usize)>,
}

impl BenefitTally {
    pub fn count(&self, status: Status) -> usize {
        COUNTED
            .iter()
            .position(|s| *s == status)
            .map_or(0, |i| self.counts[i])
    }
}

/// The count of a whole list, per benefit of the person's audience (catalogue order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub people: usize,
    pub benefits: Vec<BenefitTally>,
}

impl Default for Tally {
    fn default() -> Tally {
        Tally {
            people: 0,
            benefits: catalogue::for_audience(Audience::Person)
                .map(|e| BenefitTally {
                    id: e.id,
                    name: e.name,
                    counts: [0; 5],
                    first_asks: Vec::new(),
                })
                .collect(),
        }
    }
}

impl Tally {
    /// Counts one person's lines.
    pub fn add(&mut self, lines: &[Line]) {
        self.people += 1;
        for line in lines {
            let Some(tally) = self.benefits.iter_mut().find(|t| t.id == line.id) else {
                continue;
            };
            if let Some(i) = COUNTED.iter().position(|s| *s == line.status) {
                tally.counts[i] += 1;
            }
            if line.status == Status::NeedsAnswers {
                if let Some(first) = line.asks.first() {
                    match tally.first_asks.iter_mut().find(|(q, _)| q == first) {
                        Some((_, n)) => *n += 1,
                        None => tally.first_asks.push((*first, 1)),
                    }
                    // Most first; a handful of entries, so a plain pass keeps it sorted.
                    let mut i = tally.first_asks.len() - 1;
                    while i > 0 && tally.first_asks[i].1 > tally.first_asks[i - 1].1 {
                        tally.first_asks.swap(i, i - 1);
                        i -= 1;
                    }
                }
            }
        }
    }
}

/// The answers a line still needs, in the questionnaire's words, for the export's column.
pub fn missing_answers(line: &Line) -> String {
    if line.status != Status::NeedsAnswers {
        return String::new();
    }
    line.asks
        .iter()
        .map(|q| wording(*q).text)
        .collect::<Vec<_>>()
        .join("；")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate_person;

    const DAY: Date = Date::ymd(2025, 6, 20);

    #[test]
    fn headers_match_ids_wording_register_names_and_unique_words() {
        assert_eq!(match_header("age"), Some(Q::Age));
        assert_eq!(match_header(" 您今年多少周岁？ "), Some(Q::Age));
        assert_eq!(match_header("年龄"), Some(Q::Age));
        assert_eq!(match_header("户籍区县"), Some(Q::HukouDistrict));
        assert_eq!(match_header("是否低保"), Some(Q::Dibao));
        assert_eq!(match_header("劳动能力"), Some(Q::LabourCapacity));
        assert_eq!(match_header("姓名"), None);
        assert_eq!(match_header("序号"), None);
        assert_eq!(match_header(""), None);
        // Organisation questions are not columns of a list of people.
        assert_eq!(match_header("org-kind"), None);
        // Every template header reads back as its question.
        for (q, header) in person_questions().zip(template_header()) {
            assert_eq!(match_header(header), Some(q), "{header}");
        }
        assert!(is_name_header("姓 名"));
    }

    #[test]
    fn cells_read_as_the_questionnaire_reads_answers() {
        let cell = |q, text| read_cell(q, text, DAY);
        assert_eq!(cell(Q::Dibao, "是"), Ok(Some(Answer::Bool(true))));
        assert_eq!(cell(Q::HasTickets, "无"), Ok(Some(Answer::Bool(false))));
        assert_eq!(cell(Q::Dibao, "不清楚"), Ok(None));
        assert_eq!(cell(Q::Dibao, ""), Ok(None));
        assert!(cell(Q::Dibao, "也许").is_err());
        let choice = |id: &str| Ok(Some(Answer::Choice(id.to_string())));
        assert_eq!(cell(Q::PovertyStatus, "脱贫户"), choice("alleviated"));
        assert_eq!(cell(Q::PovertyStatus, "监测户"), choice("monitored"));
        assert_eq!(cell(Q::PovertyStatus, "monitored"), choice("monitored"));
        assert_eq!(cell(Q::LabourCapacity, "弱劳力"), choice("weak"));
        assert_eq!(cell(Q::WorkPlace, "山东"), choice("shandong"));
        assert_eq!(cell(Q::Sex, "女"), choice("female"));
        assert!(cell(Q::Sex, "未填").unwrap_err().contains("女"));
        assert_eq!(cell(Q::HukouDistrict, "重庆市万州区"), choice("wanzhou"));
        assert_eq!(cell(Q::HukouDistrict, "万州"), choice("wanzhou"));
        assert_eq!(cell(Q::HukouDistrict, "石柱县"), choice("shizhu"));
        assert_eq!(cell(Q::HukouDistrict, "忠县"), choice("zhongxian"));
        assert_eq!(cell(Q::HukouDistrict, "江北区"), choice("jiangbei"));
        assert!(cell(Q::HukouDistrict, "成都").is_err());
        assert_eq!(cell(Q::Age, "４５岁"), Ok(Some(Answer::Count(45))));
        assert_eq!(cell(Q::Age, "45.0"), Ok(Some(Answer::Count(45))));
        assert!(cell(Q::Age, "四十").is_err());
        assert_eq!(
            cell(Q::TicketFare, "1,200元"),
            Ok(Some(Answer::Money(rust_decimal::Decimal::from(1200))))
        );
        let date = |y, m, d| Ok(Some(Answer::Date(Date::ymd(y, m, d))));
        assert_eq!(cell(Q::WorkSince, "2025年3月1日"), date(2025, 3, 1));
        assert_eq!(cell(Q::WorkSince, "2025/3/1"), date(2025, 3, 1));
        // Spreadsheet date serials: 45717 is 2025-03-01 in Excel and WPS.
        assert_eq!(cell(Q::WorkSince, "45717"), date(2025, 3, 1));
        assert_eq!(cell(Q::WorkSince, "45717.75"), date(2025, 3, 1));
        assert_eq!(cell(Q::WorkSince, "61"), date(1900, 3, 1));
        assert_eq!(cell(Q::WorkSince, "20250301"), date(2025, 3, 1));
        assert!(cell(Q::WorkSince, "去年三月").is_err());
    }

    #[test]
    fn a_row_becomes_a_persons_answers_and_bad_cells_become_problems() {
        let columns = [
            None,
            Some(Q::Age),
            Some(Q::PovertyStatus),
            Some(Q::HukouDistrict),
            Some(Q::Age),
        ];
        let (facts, problems) =
            read_row(&columns, &["张三", "四十", "脱贫户", "万州区", "41"], DAY);
        assert_eq!(facts.audience, Some(Audience::Person));
        assert_eq!(facts.age, Some(41));
        assert_eq!(
            facts.hukou_district.map(|d| d.0),
            Some("wanzhou".to_string())
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].column, 1);
        let (_, twice) = read_row(&columns, &["", "40", "", "", "41"], DAY);
        assert_eq!(twice.len(), 1);
        assert_eq!(twice[0].column, 4);
        // Fewer cells than columns: the rest is unknown.
        let (short, none) = read_row(&columns, &["李四"], DAY);
        assert_eq!(short.age, None);
        assert!(none.is_empty());
    }

    #[test]
    fn the_tally_counts_each_person_once_per_benefit_of_their_audience() {
        let mut tally = Tally::default();
        let people = [
            read_row(
                &[
                    Some(Q::PovertyStatus),
                    Some(Q::HukouChongqing),
                    Some(Q::WorkPlace),
                ],
                &["脱贫户", "是", "山东"],
                DAY,
            )
            .0,
            Facts {
                audience: Some(Audience::Person),
                ..Facts::default()
            },
        ];
        for facts in &people {
            let report = evaluate_person(facts, DAY);
            tally.add(&lines(&report));
        }
        assert_eq!(tally.people, 2);
        assert_eq!(
            tally.benefits.len(),
            catalogue::for_audience(Audience::Person).count()
        );
        for benefit in &tally.benefits {
            assert_eq!(benefit.counts.iter().sum::<usize>(), 2, "{}", benefit.id);
            let asked: usize = benefit.first_asks.iter().map(|(_, n)| n).sum();
            assert_eq!(asked, benefit.count(Status::NeedsAnswers), "{}", benefit.id);
        }
    }

    /// Every question a person's benefit can ask is a column a list can have.
    #[test]
    fn person_questions_cover_what_the_person_benefits_ask() {
        let people = [
            Facts {
                audience: Some(Audience::Person),
                ..Facts::default()
            },
            read_row(
                &[
                    Some(Q::PovertyStatus),
                    Some(Q::HukouChongqing),
                    Some(Q::Activity),
                    Some(Q::CollegeGraduate),
                ],
                &["脱贫户", "是", "自己开办", "是"],
                DAY,
            )
            .0,
        ];
        for facts in &people {
            for day in [DAY, Date::ymd(2026, 12, 1)] {
                for line in lines(&evaluate_person(facts, day)) {
                    for q in &line.asks {
                        assert!(person_questions().any(|p| p == *q), "{}", q.id());
                    }
                    let missing = missing_answers(&line);
                    assert_eq!(
                        missing.is_empty(),
                        line.status != Status::NeedsAnswers || line.asks.is_empty()
                    );
                }
            }
        }
    }
}
