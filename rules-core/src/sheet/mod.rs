//! Lists of people as spreadsheets (the staff page's 筛查名单): which column answers which question,
//! a cell read as the questionnaire reads a typed answer, and the per-benefit count of a whole list.
//!
//! Pure table logic over the rest of rules-core: the wording matched is [`questions::wording`], cells
//! go through [`input::parse_date`], [`input::parse_money`], [`input::parse_count`], the options of
//! [`questions::options`] and the district names of [`districts::DISTRICTS`]; the count is the one
//! `subsidy-check evaluate --summary` gives for the same answers (per benefit of the person's audience,
//! by status). Nothing here reads files: the caller hands over rows of text.

use crate::engine::facts::{Answer, AnswerKind, Facts, Q};
use crate::registry::catalogue::{self, Audience};
use crate::registry::evaluate::{Report, Status, Value};
use crate::vocabulary::choices::PovertyStatus;
use crate::vocabulary::date::Date;
use crate::vocabulary::districts::{self, DISTRICTS};
use crate::vocabulary::input;

mod identity;
mod words;
use words::normalise;

use crate::engine::questions::{options, wording};
pub use identity::{age_on, birth_date};
pub use words::Category;

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
    ("外出务工开始时间", Q::WorkSince),
    ("外出务工时间", Q::WorkSince),
    ("开始务工时间", Q::WorkSince),
    ("务工起始时间", Q::WorkSince),
    ("就业开始时间", Q::WorkSince),
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
    let normalised = normalise(cell);
    let wanted = without_chongqing(&normalised);
    if wanted.is_empty() {
        return None;
    }
    if let Some(d) = districts::find(cell.trim()) {
        return Some(d.id);
    }
    // The names are written as `normalise` leaves them (`district_names_are_normalised`): they
    // are compared as they are, not normalised for every cell of a list.
    if let Some(d) = DISTRICTS
        .iter()
        .find(|d| without_chongqing(d.name) == wanted)
    {
        return Some(d.id);
    }
    let core = wanted
        .strip_suffix("自治县")
        .or_else(|| wanted.strip_suffix('区'))
        .or_else(|| wanted.strip_suffix('县'))
        .unwrap_or(wanted);
    if core.chars().count() < 2 {
        return None;
    }
    let mut starting = DISTRICTS
        .iter()
        .filter(|d| without_chongqing(d.name).starts_with(core));
    match (starting.next(), starting.next()) {
        (Some(d), None) => Some(d.id),
        _ => None,
    }
}

/// A place's name without a leading 重庆市 or 重庆.
fn without_chongqing(text: &str) -> &str {
    text.strip_prefix("重庆市")
        .or_else(|| text.strip_prefix("重庆"))
        .unwrap_or(text)
}

/// How a file stored a cell: the same text means different things as text and as a number (a date
/// typed as “2025.11” is text; a spreadsheet keeps a real date as a day number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stored {
    #[default]
    Text,
    /// A number: an .xlsx number cell without a date format, or a CSV field that is a plain number.
    Number,
    /// An .xlsx number cell whose style is a date format: a day number (serial).
    DateNumber,
}

impl Stored {
    /// How a CSV or pasted field is taken: a plain number (ASCII digits, at most one point) is a
    /// number, anything else text. CSV has no types; a spreadsheet saving a date as CSV writes it as
    /// it shows it (2025/11/3), so only a number no year can be becomes a day number (see
    /// [`read_date`]).
    pub fn of_field(text: &str) -> Stored {
        let text = text.trim();
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !whole.is_empty() && digits(whole) && digits(fraction) {
            Stored::Number
        } else {
            Stored::Text
        }
    }
}

/// A cell of a list as a reader hands it over: its text and how it was stored.
pub trait CellText {
    fn text(&self) -> &str;
    fn stored(&self) -> Stored {
        Stored::Text
    }
}

impl CellText for &str {
    fn text(&self) -> &str {
        self
    }
}

impl CellText for String {
    fn text(&self) -> &str {
        self
    }
}

impl<T: CellText> CellText for (T, Stored) {
    fn text(&self) -> &str {
        self.0.text()
    }
    fn stored(&self) -> Stored {
        self.1
    }
}

/// A day from a spreadsheet's date serial (Excel and WPS store dates as days since 1899-12-30; a
/// time of day is a fraction, ignored). Serials before 1900-03-01 (Excel's leap-year quirk) are not
/// read.
fn excel_serial(text: &str) -> Option<Date> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let plain = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !(1..=6).contains(&whole.len()) || !plain(whole) || !plain(fraction) {
        return None;
    }
    let serial: i64 = whole.parse().ok()?;
    if serial < 61 {
        return None;
    }
    // Serial 25569 is 1970-01-01.
    Date::from_days_since_1970(serial - 25569)
}

/// A date cell, read as the questionnaire reads a typed date ([`input::parse_date`]: `2025.11`,
/// `2025年11月`, `2025/11/3`), except that a day number is taken from a number cell:
///
/// - a date-formatted .xlsx number is always a day number;
/// - another number is one when no year can be it (five digits: 10000 is 1927-05-18 … 99999);
///   `2025.1` stored as a number is refused as ambiguous (a spreadsheet drops the 0 of 2025.10);
/// - text is never a day number: `2025.11` is November 2025, never 1905-07-17.
pub fn read_date(text: &str, stored: Stored) -> Result<Date, String> {
    let text = text.trim();
    match stored {
        Stored::DateNumber => {
            excel_serial(text).ok_or_else(|| format!("日期“{text}”看不懂（不是有效的日期数字）"))
        }
        Stored::Number => {
            let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
            if whole.len() == 5 {
                return excel_serial(text)
                    .ok_or_else(|| format!("日期“{text}”看不懂（不是有效的日期数字）"));
            }
            if whole.len() == 4 && fraction == "1" {
                return Err(format!(
                    "“{text}”存成了数字，可能是 {whole}年1月，也可能是 {whole}年10月（表格会去掉末尾的 0），请写成“{whole}年10月”这样的文字"
                ));
            }
            input::parse_date(text)
        }
        Stored::Text => input::parse_date(text),
    }
}

/// One cell read as the answer to `q`, as the questionnaire reads what a person types: `Ok(None)` for
/// an empty cell or 不清楚 (unknown), `Err` with a sentence in Chinese for a value that cannot be read.
/// `day` is the evaluation date (the 区县 options change in 2026). The cell is text; see
/// [`read_stored`] for a number cell.
pub fn read_cell(q: Q, cell: &str, day: Date) -> Result<Option<Answer>, String> {
    read_stored(q, cell, Stored::Text, day)
}

/// [`read_cell`] for a cell stored as `stored` (dates: [`read_date`]).
pub fn read_stored(q: Q, cell: &str, stored: Stored, day: Date) -> Result<Option<Answer>, String> {
    let text = cell.trim();
    if UNKNOWN.contains(&text) {
        return Ok(None);
    }
    let answer = match q.kind() {
        AnswerKind::YesNo => match words::yes_no_answer(text) {
            Some(answer) => answer,
            None => return Err(format!("“{text}”看不懂，请填“是”或“否”")),
        },
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
            // A spreadsheet may store 35 as 35.0 (or 3.5E1).
            let whole = text.strip_suffix(".0").unwrap_or(text);
            match input::parse_count(whole) {
                Ok(n) => Answer::Count(n),
                Err(why) => match scientific_count(text) {
                    Some(n) if stored != Stored::Text => Answer::Count(n),
                    _ => return Err(why),
                },
            }
        }
        AnswerKind::Money => Answer::Money(input::parse_money(text)?),
        AnswerKind::Date => Answer::Date(read_date(text, stored)?),
        AnswerKind::Roster => return Err("这一列不能按人读取".to_string()),
    };
    Ok(Some(answer))
}

/// A whole number a spreadsheet wrote in exponent form (`4.5E1` = 45).
fn scientific_count(text: &str) -> Option<u32> {
    let (mantissa, exponent) = text.split_once(['e', 'E'])?;
    let exponent: u32 = exponent.trim_start_matches('+').parse().ok()?;
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let fraction = fraction.trim_end_matches('0');
    if exponent > 9 || fraction.len() > exponent as usize {
        return None;
    }
    let digits = format!("{whole}{fraction:0<width$}", width = exponent as usize);
    digits.parse().ok()
}

/// What a column of a list holds: a question's answers, or something the answers are worked out
/// from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Question(Q),
    /// A register category (人员类别, 户类型, 脱贫属性): 脱贫户, 监测对象 and its types, 低保户, 特困,
    /// 一般农户 … ([`words::Category`]).
    Category,
    /// A yes/no column for one poverty group (是否脱贫户, 是否监测对象).
    PovertyFlag(PovertyStatus),
    /// 出生日期: the age on the screening date.
    BirthDate,
    /// 身份证号码: the age on the screening date from the birth date it encodes (the number is not
    /// copied anywhere).
    IdNumber,
    /// The people's names (printed sheets, the list of problems).
    Name,
}

impl Field {
    /// A stable value for the column picker (a question's id for a question).
    pub fn value(self) -> &'static str {
        match self {
            Field::Question(q) => q.id(),
            Field::Category => "category",
            Field::PovertyFlag(PovertyStatus::Monitored) => "flag-monitored",
            Field::PovertyFlag(_) => "flag-alleviated",
            Field::BirthDate => "birth-date",
            Field::IdNumber => "id-number",
            Field::Name => "name",
        }
    }

    pub fn from_value(value: &str) -> Option<Field> {
        Field::EXTRA
            .iter()
            .copied()
            .find(|f| f.value() == value)
            .or_else(|| {
                Q::from_id(value)
                    .filter(|q| person_questions().any(|p| p == *q))
                    .map(Field::Question)
            })
    }

    /// The fields that are not one question, in the picker's order.
    pub const EXTRA: [Field; 6] = [
        Field::Name,
        Field::IdNumber,
        Field::BirthDate,
        Field::Category,
        Field::PovertyFlag(PovertyStatus::Alleviated),
        Field::PovertyFlag(PovertyStatus::Monitored),
    ];

    /// The questions a column of this field can answer (for showing what a cell became).
    pub fn answers(self) -> Vec<Q> {
        match self {
            Field::Question(Q::HukouDistrict) => vec![Q::HukouDistrict, Q::HukouChongqing],
            Field::Question(q) => vec![q],
            Field::Category => vec![
                Q::PovertyStatus,
                Q::Dibao,
                Q::Tekun,
                Q::Disabled,
                Q::Relocated,
            ],
            Field::PovertyFlag(_) => vec![Q::PovertyStatus],
            Field::BirthDate | Field::IdNumber => vec![Q::Age],
            Field::Name => Vec::new(),
        }
    }

    /// What the column picker shows.
    pub fn label(self) -> &'static str {
        match self {
            Field::Question(q) => wording(q).text,
            Field::Category => "人员类别（脱贫户、监测对象、低保户、特困、一般农户等）",
            Field::PovertyFlag(PovertyStatus::Monitored) => "是否监测对象（是/否）",
            Field::PovertyFlag(_) => "是否脱贫户（是/否）",
            Field::BirthDate => "出生日期（算出筛查当天的年龄）",
            Field::IdNumber => "身份证号码（只用来算年龄，不显示、不导出到新的列）",
            Field::Name => "姓名（打印材料清单时用）",
        }
    }
}

const ID_HEADERS: &[&str] = &[
    "身份证号码",
    "身份证号",
    "身份证",
    "公民身份号码",
    "身份证件号码",
    "证件号码",
];
const BIRTH_HEADERS: &[&str] = &["出生日期", "出生年月", "出生年月日", "生日"];
const CATEGORY_HEADERS: &[&str] = &[
    "人员类别",
    "人员属性",
    "人员身份",
    "户类型",
    "户类别",
    "户属性",
    "脱贫属性",
    "脱贫户属性",
    "帮扶对象类别",
    "对象类别",
    "类别",
];
const FLAG_HEADERS: &[(&str, PovertyStatus)] = &[
    ("脱贫户", PovertyStatus::Alleviated),
    ("脱贫人口", PovertyStatus::Alleviated),
    ("建档立卡户", PovertyStatus::Alleviated),
    ("监测对象", PovertyStatus::Monitored),
    ("监测户", PovertyStatus::Monitored),
    ("防返贫监测对象", PovertyStatus::Monitored),
    ("防止返贫监测对象", PovertyStatus::Monitored),
];
const SERIAL_HEADERS: &[&str] = &["序号", "编号", "序", "no"];

/// A 序号 column: ignored, but it marks the header row.
pub fn is_serial_header(header: &str) -> bool {
    let wanted = normalise(header);
    SERIAL_HEADERS.iter().any(|h| normalise(h) == wanted)
}

/// The field a column header names: a question ([`match_header`]), or 姓名, 身份证号码, 出生日期, a
/// register category, a 是否脱贫户 / 是否监测对象 column. `None` for 序号 and unknown columns.
pub fn match_field(header: &str) -> Option<Field> {
    let wanted = normalise(header);
    let is = |list: &[&str]| list.iter().any(|h| normalise(h) == wanted);
    if wanted.is_empty() {
        None
    } else if is_name_header(header) {
        Some(Field::Name)
    } else if is(ID_HEADERS) {
        Some(Field::IdNumber)
    } else if is(BIRTH_HEADERS) {
        Some(Field::BirthDate)
    } else if is(CATEGORY_HEADERS) {
        Some(Field::Category)
    } else if let Some((_, s)) = FLAG_HEADERS.iter().find(|(h, _)| normalise(h) == wanted) {
        Some(Field::PovertyFlag(*s))
    } else {
        match_header(header).map(Field::Question)
    }
}

/// The field of each column of a header row: [`match_field`], each field taken by its first column
/// only (a second 年龄 column is left unread, to be picked by hand).
pub fn assign_columns<C: CellText>(header: &[C]) -> Vec<Option<Field>> {
    let mut found: Vec<Option<Field>> = Vec::with_capacity(header.len());
    for cell in header {
        let field = match_field(cell.text()).filter(|f| !found.contains(&Some(*f)));
        found.push(field);
    }
    found
}

/// Whether any column is read for answers (a list of names alone cannot be screened).
pub fn reads_any(columns: &[Option<Field>]) -> bool {
    columns.iter().any(|f| f.is_some_and(|f| f != Field::Name))
}

/// A cell that could not be read: its column (0-based) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellProblem {
    pub column: usize,
    pub message: String,
}

/// Which poverty status wins when columns say several: the narrower status first (a 监测对象 whose
/// risk is not eliminated, then 脱贫户, then risk eliminated). All three count as 脱贫人口.
fn poverty_rank(s: PovertyStatus) -> u8 {
    match s {
        PovertyStatus::Monitored => 0,
        PovertyStatus::Alleviated => 1,
        PovertyStatus::MonitoredRiskEliminated => 2,
        PovertyStatus::None => 3,
    }
}

/// What a row's cells said, before they become answers.
#[derive(Default)]
struct Said {
    answers: Vec<(usize, Q, Answer)>,
    poverty: Vec<(usize, PovertyStatus)>,
    not_alleviated: bool,
    not_monitored: bool,
    birth: Option<(usize, Date)>,
    id_birth: Option<(usize, Date)>,
    place: Option<(usize, words::Place)>,
    /// Answers worked out from another answer (a 户籍 district → 户口在重庆): taken when no column
    /// answers the question itself, a problem when one says otherwise.
    implied: Vec<(usize, Q, Answer)>,
}

impl Said {
    fn category(&mut self, column: usize, c: words::Category) {
        match c {
            words::Category::Poverty(s) => self.poverty.push((column, s)),
            words::Category::NeitherGroup => {
                self.not_alleviated = true;
                self.not_monitored = true;
            }
            words::Category::Yes(q) => self.answers.push((column, q, Answer::Bool(true))),
        }
    }
}

fn category_problem(text: &str) -> String {
    format!("“{text}”不是登记表里的人员类别，请填：脱贫户、监测对象（脱贫不稳定户、边缘易致贫户、突发严重困难户）、风险消除、低保户、特困、一般农户")
}

/// One cell into `said`, or why it cannot be read.
fn read_field<C: CellText>(
    said: &mut Said,
    column: usize,
    field: Field,
    cell: &C,
    day: Date,
) -> Result<(), String> {
    let text: &str = cell
        .text()
        .trim_matches(|c: char| c.is_whitespace() || c.is_control());
    if UNKNOWN.contains(&text) {
        return Ok(());
    }
    match field {
        Field::Name => {}
        Field::IdNumber => {
            let birth = identity::birth_date(text)?;
            said.id_birth = Some((column, birth));
        }
        Field::BirthDate => said.birth = Some((column, read_date(text, cell.stored())?)),
        Field::Category => {
            for c in words::categories(text).ok_or_else(|| category_problem(text))? {
                said.category(column, c);
            }
        }
        Field::PovertyFlag(s) => match words::yes_no(text) {
            Some(true) => said.poverty.push((column, s)),
            Some(false) if s == PovertyStatus::Monitored => said.not_monitored = true,
            Some(false) => said.not_alleviated = true,
            None => {
                let found = words::categories(text).ok_or_else(|| {
                    format!("“{text}”看不懂，请填“是”或“否”（或人员类别，如 脱贫户）")
                })?;
                for c in found {
                    said.category(column, c);
                }
            }
        },
        Field::Question(Q::PovertyStatus) => match read_choice(Q::PovertyStatus, text, day)
            .and_then(|id| PovertyStatus::from_id(&id))
        {
            Some(PovertyStatus::None) => said.category(column, words::Category::NeitherGroup),
            Some(s) => said.poverty.push((column, s)),
            None => {
                for c in words::categories(text).ok_or_else(|| category_problem(text))? {
                    said.category(column, c);
                }
            }
        },
        Field::Question(Q::Activity) => {
            let id = read_choice(Q::Activity, text, day)
                .or_else(|| {
                    let wanted = normalise(text);
                    words::ACTIVITY_WORDS
                        .iter()
                        .find(|(w, _)| normalise(w) == wanted)
                        .map(|(_, id)| id.to_string())
                })
                .ok_or_else(|| {
                    format!("“{text}”看不懂，请填：已就业（务工）、灵活就业、自主创业、公益性岗位、在校学生、未就业")
                })?;
            said.answers.push((column, Q::Activity, Answer::Choice(id)));
        }
        Field::Question(Q::WorkPlace) => {
            let place = read_choice(Q::WorkPlace, text, day)
                .and_then(|id| {
                    options(Q::WorkPlace, day)
                        .iter()
                        .find(|o| o.id == id)
                        .map(|o| words::Place::Option(o.id))
                })
                .or_else(|| words::place_word(text))
                .or_else(|| words::province(text).map(words::Place::Option))
                .or_else(|| read_district(text).map(words::Place::District))
                .ok_or_else(|| {
                    format!("“{text}”看不懂，请写省份（如 广东、山东）、重庆的区县名称，或 县内、市内县外")
                })?;
            said.place = Some((column, place));
        }
        Field::Question(Q::HukouDistrict) => match read_district(text) {
            Some(id) => {
                said.answers
                    .push((column, Q::HukouDistrict, Answer::Choice(id.to_string())));
                // A 区县 of Chongqing answers “户口在重庆吗”.
                said.implied
                    .push((column, Q::HukouChongqing, Answer::Bool(true)));
            }
            None if words::province(text).is_some() => {
                said.implied
                    .push((column, Q::HukouChongqing, Answer::Bool(false)));
            }
            None => return Err(format!("“{text}”不是重庆的区县名称，例如 万州区")),
        },
        Field::Question(q) => {
            if let Some(answer) = read_stored(q, text, cell.stored(), day)? {
                said.answers.push((column, q, answer));
            }
        }
    }
    Ok(())
}

/// One row's answers (a person's), with `columns[i]` the field of the i-th cell (`None`: not read).
/// Unreadable cells become [`CellProblem`]s and stay unknown; never dropped silently.
///
/// Several columns for the same answer are combined by one rule: a yes wins over a no (是否低保户 否
/// and 人员类别 低保户 → 低保 是; 是否监测对象 否 never erases 人员类别 脱贫户), a poverty status is
/// “都不是” only when every group was said no (是否脱贫户 否 and 是否监测对象 否, or 一般农户), and
/// otherwise the first column that answers wins, with a problem on the other when they differ. Age
/// comes from 年龄, else 出生日期, else 身份证号码, on the screening date `day`.
pub fn read_row<C: CellText>(
    columns: &[Option<Field>],
    cells: &[C],
    day: Date,
) -> (Facts, Vec<CellProblem>) {
    let mut facts = Facts {
        audience: Some(Audience::Person),
        ..Facts::default()
    };
    let mut problems = Vec::new();
    let mut said = Said::default();
    for (column, (field, cell)) in columns.iter().zip(cells).enumerate() {
        let Some(field) = field else { continue };
        if let Err(message) = read_field(&mut said, column, *field, cell, day) {
            problems.push(CellProblem { column, message });
        }
    }
    fn set(
        problems: &mut Vec<CellProblem>,
        facts: &mut Facts,
        column: usize,
        q: Q,
        answer: &Answer,
    ) {
        if let Err(message) = facts.set(q, Some(answer)) {
            problems.push(CellProblem { column, message });
        }
    }
    for (column, q, answer) in &said.answers {
        match (facts.get(*q), answer) {
            (None, _) => set(&mut problems, &mut facts, *column, *q, answer),
            (Some(before), _) if before == *answer => {}
            (Some(Answer::Bool(false)), Answer::Bool(true)) => {
                set(&mut problems, &mut facts, *column, *q, answer)
            }
            (Some(Answer::Bool(true)), Answer::Bool(false)) => {}
            (Some(_), _) => problems.push(CellProblem {
                column: *column,
                message: format!("另一列已填写“{}”，这一列未采用", wording(*q).text),
            }),
        }
    }
    for (column, q, answer) in &said.implied {
        match facts.get(*q) {
            None => set(&mut problems, &mut facts, *column, *q, answer),
            Some(before) if before == *answer => {}
            Some(_) => problems.push(CellProblem {
                column: *column,
                message: format!("与“{}”一列的回答不一致，按那一列的回答", wording(*q).text),
            }),
        }
    }
    let poverty = said
        .poverty
        .iter()
        .map(|(_, s)| *s)
        .min_by_key(|s| poverty_rank(*s))
        .or((said.not_alleviated && said.not_monitored).then_some(PovertyStatus::None));
    facts.poverty_status = poverty;
    if !facts.is_answered(Q::Age) {
        if let (Some((column, birth)), Some((_, from_id))) = (said.birth, said.id_birth) {
            if birth != from_id {
                problems.push(CellProblem {
                    column,
                    message: "出生日期与身份证号码里的不一致，按出生日期计算年龄".to_string(),
                });
            }
        }
        if let Some((column, birth)) = said.birth.or(said.id_birth) {
            match identity::age_on(birth, day) {
                Some(age) => set(
                    &mut problems,
                    &mut facts,
                    column,
                    Q::Age,
                    &Answer::Count(age),
                ),
                None => problems.push(CellProblem {
                    column,
                    message: format!("出生日期在筛查日（{}）之后", day.chinese()),
                }),
            }
        }
    }
    if let Some((column, place)) = said.place {
        let id = match place {
            words::Place::Option(id) => Ok(id),
            words::Place::District(d) => match &facts.hukou_district {
                Some(home) if home.0 == d => Ok("own-district"),
                Some(_) => Ok("other-district"),
                None => Err("写的是重庆的区县，但名单里没有户籍所在区县，判断不了是县内还是县外"),
            },
            words::Place::Unclear(why) => Err(why),
        };
        match id {
            Ok(id) => set(
                &mut problems,
                &mut facts,
                column,
                Q::WorkPlace,
                &Answer::Choice(id.to_string()),
            ),
            Err(why) => problems.push(CellProblem {
                column,
                message: why.to_string(),
            }),
        }
    }
    problems.sort_by_key(|p| p.column);
    (facts, problems)
}

/// How the rows of a table are taken: which row is the header, which are people, which are left
/// out and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Index of the header row.
    pub header: usize,
    /// Indices of the rows that are people.
    pub people: Vec<usize>,
    /// Indices of the rows left out, each with why.
    pub left_out: Vec<(usize, &'static str)>,
}

/// Words a register's last lines start with: the data ends there.
const END_WORDS: &[&str] = &[
    "填表人",
    "填报人",
    "审核人",
    "制表人",
    "制表",
    "统计人",
    "负责人",
    "单位负责人",
    "填表日期",
    "填报日期",
    "联系电话",
    "备注",
    "注",
    "说明",
    "签字",
    "盖章",
];
/// Lines that add people up: not people.
const TOTAL_WORDS: &[&str] = &["合计", "总计", "小计", "共计"];

/// How many headers of a row name a field or a 序号.
fn header_score<C: CellText>(row: &[C]) -> usize {
    row.iter()
        .filter(|c| match_field(c.text()).is_some() || is_serial_header(c.text()))
        .count()
}

fn empty_text(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || c.is_control() || c == '\u{fffd}')
}

/// Finds the header row among the first 30 (title rows, blank rows, merged titles above it: the row
/// naming most columns; the first on a tie) and the rows that are people: a 填表人/审核人/制表… line
/// ends the data, 合计 lines, repeated header rows, rows with nothing but a 序号 and rows of
/// unreadable characters are left out.
pub fn layout<R: AsRef<[C]>, C: CellText>(rows: &[R]) -> Layout {
    let header = header_row(rows);
    let mut left_out: Vec<(usize, &'static str)> = (0..header)
        .map(|i| (i, "在列名行之上（标题或说明），不是人员"))
        .collect();
    let mut body = Body::new(rows.get(header).map_or(&[][..], |r| r.as_ref()));
    let mut people = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(header + 1) {
        match body.classify(row.as_ref()) {
            Kept::Person => people.push(i),
            Kept::LeftOut(why) => left_out.push((i, why)),
            Kept::Blank => {}
        }
    }
    Layout {
        header,
        people,
        left_out,
    }
}

/// The header row among the first 30 rows (see [`layout`]).
pub fn header_row<R: AsRef<[C]>, C: CellText>(rows: &[R]) -> usize {
    let mut header = 0;
    let mut best = 0;
    for (i, row) in rows.iter().enumerate().take(30) {
        let score = header_score(row.as_ref());
        if score > best {
            best = score;
            header = i;
        }
    }
    header
}

/// What a row below the header is ([`Body::classify`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    Person,
    /// Not a person, and why.
    LeftOut(&'static str),
    /// Nothing in it.
    Blank,
}

/// The rows below a header told apart one at a time, as [`layout`] does (a list read as a stream).
pub struct Body {
    header_cells: Vec<String>,
    serial: Vec<usize>,
    ended: bool,
    /// [`END_WORDS`] normalised once (a list has many rows).
    end_words: Vec<String>,
}

impl Body {
    pub fn new<C: CellText>(header: &[C]) -> Body {
        Body {
            header_cells: header.iter().map(|c| normalise(c.text())).collect(),
            serial: header
                .iter()
                .enumerate()
                .filter(|(_, c)| is_serial_header(c.text()))
                .map(|(i, _)| i)
                .collect(),
            ended: false,
            end_words: END_WORDS.iter().map(|w| normalise(w)).collect(),
        }
    }

    /// The next row below the header.
    pub fn classify<C: CellText>(&mut self, cells: &[C]) -> Kept {
        if self.ended {
            return Kept::LeftOut("在“填表人”“审核人”等落款行之后，不是人员");
        }
        let filled = |c: &C| !empty_text(c.text().trim());
        let Some(first) = cells.iter().find(|c| filled(c)) else {
            if cells.iter().any(|c| !c.text().trim().is_empty()) {
                return Kept::LeftOut("只有无法识别的字符（可能是文件末尾多余的字节），不是人员");
            }
            return Kept::Blank;
        };
        let first = normalise(first.text().trim());
        if self
            .end_words
            .iter()
            .any(|w| first.starts_with(w.as_str()) && !first.chars().all(|c| c.is_ascii_digit()))
        {
            self.ended = true;
            Kept::LeftOut("是“填表人”“审核人”等落款行，不是人员")
        } else if TOTAL_WORDS.iter().any(|w| first.starts_with(w)) {
            Kept::LeftOut("是合计行，不是人员")
        } else if cells.len() == self.header_cells.len()
            && cells
                .iter()
                .map(|c| normalise(c.text()))
                .eq(self.header_cells.iter().cloned())
        {
            Kept::LeftOut("重复的列名行，不是人员")
        } else if cells
            .iter()
            .enumerate()
            .all(|(c, cell)| !filled(cell) || self.serial.contains(&c))
        {
            Kept::LeftOut("只有序号，没有其他内容")
        } else {
            Kept::Person
        }
    }
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
    /// For a benefit no longer in force: where the person would have stood under the rules of its
    /// last day ([`crate::registry::evaluate::BenefitReport::status_on_last_day`]), and that day.
    pub last_day: Option<(Status, Date)>,
}

/// The benefits of the person's audience in a report, as `--summary` lists them.
pub fn lines(report: &Report) -> Vec<Line> {
    report
        .benefits
        .iter()
        .filter(|b| b.status != Status::NotForAudience)
        .map(|b| Line {
            id: b.entry.id,
            status: b.status,
            value: b.estimate.value.clone(),
            asks: b.open_questions(),
            last_day: b.status_on_last_day.map(|s| (s, b.rules_on)),
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
    /// For a benefit no longer in force: people by where they stand under the rules of its last day
    /// (eligible, needs answers, not eligible; [`LAST_DAY_COUNTED`]), and that day.
    pub last_day: Option<([usize; 3], Date)>,
}

/// The statuses the rules of a benefit's last day are counted by.
pub const LAST_DAY_COUNTED: [Status; 3] =
    [Status::Eligible, Status::NeedsAnswers, Status::NotEligible];

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
                    last_day: None,
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
            if let Some((status, day)) = line.last_day {
                let counts = &mut tally.last_day.get_or_insert(([0; 3], day)).0;
                if let Some(i) = LAST_DAY_COUNTED.iter().position(|s| *s == status) {
                    counts[i] += 1;
                }
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
    use crate::registry::evaluate::evaluate_person;

    const DAY: Date = Date::ymd(2025, 6, 20);

    /// `read_district` compares the district names as written: they must be as `normalise` leaves
    /// them.
    #[test]
    fn district_names_are_normalised() {
        for d in DISTRICTS {
            assert_eq!(normalise(d.name), d.name);
        }
    }

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
        let number = |text, stored| read_stored(Q::WorkSince, text, stored, DAY);
        assert_eq!(number("45717", Stored::Number), date(2025, 3, 1));
        assert_eq!(number("45717.75", Stored::DateNumber), date(2025, 3, 1));
        assert_eq!(number("61", Stored::DateNumber), date(1900, 3, 1));
        assert_eq!(cell(Q::WorkSince, "20250301"), date(2025, 3, 1));
        assert!(cell(Q::WorkSince, "去年三月").is_err());
    }

    #[test]
    fn a_row_becomes_a_persons_answers_and_bad_cells_become_problems() {
        let columns = [
            None,
            Some(Field::Question(Q::Age)),
            Some(Field::Question(Q::PovertyStatus)),
            Some(Field::Question(Q::HukouDistrict)),
            Some(Field::Question(Q::Age)),
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
                    Some(Field::Question(Q::PovertyStatus)),
                    Some(Field::Question(Q::HukouChongqing)),
                    Some(Field::Question(Q::WorkPlace)),
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
                    Some(Field::Question(Q::PovertyStatus)),
                    Some(Field::Question(Q::HukouChongqing)),
                    Some(Field::Question(Q::Activity)),
                    Some(Field::Question(Q::CollegeGraduate)),
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

    fn field(header: &str) -> Option<Field> {
        match_field(header)
    }

    /// Reads one register row: `headers` matched as the page matches them.
    fn register(headers: &[&str], cells: &[&str]) -> (Facts, Vec<CellProblem>) {
        let columns: Vec<Option<Field>> = headers.iter().map(|h| field(h)).collect();
        read_row(&columns, cells, DAY)
    }

    #[test]
    fn office_headers_name_fields() {
        assert_eq!(field("姓名"), Some(Field::Name));
        assert_eq!(field("身份证号码"), Some(Field::IdNumber));
        assert_eq!(field("公民身份号码"), Some(Field::IdNumber));
        assert_eq!(field("出生日期"), Some(Field::BirthDate));
        assert_eq!(field("出生年月"), Some(Field::BirthDate));
        assert_eq!(field("人员类别"), Some(Field::Category));
        assert_eq!(field("户类型"), Some(Field::Category));
        assert_eq!(
            field("是否监测对象"),
            Some(Field::PovertyFlag(PovertyStatus::Monitored))
        );
        assert_eq!(
            field("是否脱贫户"),
            Some(Field::PovertyFlag(PovertyStatus::Alleviated))
        );
        assert_eq!(field("是否低保户"), Some(Field::Question(Q::Dibao)));
        assert_eq!(field("是否残疾"), Some(Field::Question(Q::Disabled)));
        assert_eq!(
            field("户籍所在区县"),
            Some(Field::Question(Q::HukouDistrict))
        );
        assert_eq!(field("就业状态"), Some(Field::Question(Q::Activity)));
        assert_eq!(field("务工地点"), Some(Field::Question(Q::WorkPlace)));
        assert_eq!(
            field("外出务工开始时间"),
            Some(Field::Question(Q::WorkSince))
        );
        assert_eq!(field("序号"), None);
        assert!(is_serial_header("序号"));
        assert_eq!(field("巫溪县2026年脱贫人口就业帮扶台账"), None);
        for f in Field::EXTRA {
            assert_eq!(Field::from_value(f.value()), Some(f));
        }
        assert_eq!(Field::from_value("age"), Some(Field::Question(Q::Age)));
        assert_eq!(Field::from_value("org-kind"), None);
    }

    #[test]
    fn employment_words_as_registers_write_them() {
        let activity = |text| register(&["就业状态"], &[text]).0.activity.map(|a| a.id());
        assert_eq!(activity("已就业"), Some("employee"));
        assert_eq!(activity("务工"), Some("employee"));
        assert_eq!(activity("省外务工"), Some("employee"));
        assert_eq!(activity("公益性岗位"), Some("public-welfare-post"));
        assert_eq!(activity("灵活就业"), Some("flexible"));
        assert_eq!(activity("自主创业"), Some("own-business"));
        assert_eq!(activity("未就业"), Some("not-working"));
        assert_eq!(activity("在校生"), Some("student"));
        let (facts, problems) = register(&["就业状态"], &["务农"]);
        assert_eq!(facts.activity, None);
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn work_places_as_written() {
        let place = |home: &str, text: &str| {
            let (facts, problems) = register(&["户籍所在区县", "务工地点"], &[home, text]);
            (
                facts.work_place.map(|p| p.id()),
                problems.into_iter().map(|p| p.message).collect::<Vec<_>>(),
            )
        };
        assert_eq!(place("", "广东").0, Some("other-province"));
        assert_eq!(place("", "广东省深圳市").0, Some("other-province"));
        assert_eq!(place("", "湖北省利川市").0, Some("other-province"));
        assert_eq!(place("", "深圳").0, Some("other-province"));
        assert_eq!(place("", "山东").0, Some("shandong"));
        assert_eq!(place("", "青岛").0, Some("shandong"));
        assert_eq!(place("", "县内").0, Some("own-district"));
        assert_eq!(place("", "市内县外").0, Some("other-district"));
        // A 区县 of Chongqing against the home district.
        assert_eq!(place("巫溪县", "巫溪县").0, Some("own-district"));
        assert_eq!(place("巫溪县", "重庆市渝中区").0, Some("other-district"));
        let (none, why) = place("", "万州区");
        assert_eq!(none, None);
        assert!(why[0].contains("户籍所在区县"), "{why:?}");
        // Words that do not decide: unanswered, with why.
        for text in ["市内", "县外", "省外", "市外"] {
            let (none, why) = place("巫溪县", text);
            assert_eq!(none, None, "{text}");
            assert_eq!(why.len(), 1, "{text}");
            assert!(why[0].contains(text), "{text}: {why:?}");
        }
        assert_eq!(place("", "火星").1.len(), 1);
    }

    #[test]
    fn a_home_district_answers_hukou_in_chongqing() {
        let (facts, problems) = register(&["户籍所在区县"], &["巫溪县"]);
        assert!(problems.is_empty());
        assert_eq!(facts.hukou_chongqing, Some(true));
        assert_eq!(facts.hukou_district.map(|d| d.0), Some("wuxi".to_string()));
        let (facts, _) = register(&["户籍所在区县"], &["四川省广安市"]);
        assert_eq!(facts.hukou_chongqing, Some(false));
        assert_eq!(facts.hukou_district, None);
        // A column of its own wins over what the district implies, with a problem when they differ.
        let (facts, problems) = register(&["户籍是否重庆", "户籍所在区县"], &["否", "巫溪县"]);
        assert_eq!(facts.hukou_chongqing, Some(false));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].column, 1);
        let (facts, problems) = register(&["户籍所在区县", "户籍是否重庆"], &["巫溪县", "是"]);
        assert_eq!(facts.hukou_chongqing, Some(true));
        assert!(problems.is_empty());
    }

    #[test]
    fn register_categories_and_the_three_monitored_types() {
        let category = |text| register(&["人员类别"], &[text]).0;
        let status = |text| category(text).poverty_status;
        assert_eq!(status("脱贫户"), Some(PovertyStatus::Alleviated));
        assert_eq!(status("监测户"), Some(PovertyStatus::Monitored));
        assert_eq!(status("监测对象"), Some(PovertyStatus::Monitored));
        assert_eq!(status("脱贫不稳定户"), Some(PovertyStatus::Monitored));
        assert_eq!(status("边缘易致贫户"), Some(PovertyStatus::Monitored));
        assert_eq!(status("突发严重困难户"), Some(PovertyStatus::Monitored));
        assert_eq!(
            status("边缘易致贫户（风险已消除）"),
            Some(PovertyStatus::MonitoredRiskEliminated)
        );
        assert_eq!(
            status("脱贫不稳定户（风险已消除）"),
            Some(PovertyStatus::Alleviated)
        );
        assert_eq!(status("一般农户"), Some(PovertyStatus::None));
        let dibao = category("低保户");
        assert_eq!(dibao.dibao, Some(true));
        assert_eq!(dibao.poverty_status, None, "低保户 says nothing on 脱贫户");
        assert_eq!(category("特困").tekun, Some(true));
        let both = category("脱贫户、低保户");
        assert_eq!(both.poverty_status, Some(PovertyStatus::Alleviated));
        assert_eq!(both.dibao, Some(true));
        assert_eq!(register(&["人员类别"], &["富户"]).1.len(), 1);
    }

    #[test]
    fn yes_no_columns_combine_and_a_no_never_erases_a_yes() {
        let status = |headers: &[&str], cells: &[&str]| register(headers, cells).0.poverty_status;
        // A lone 否 for 监测对象 says nothing on 脱贫户.
        assert_eq!(status(&["是否监测对象"], &["否"]), None);
        assert_eq!(
            status(&["是否监测对象"], &["是"]),
            Some(PovertyStatus::Monitored)
        );
        assert_eq!(
            status(&["人员类别", "是否监测对象"], &["脱贫户", "否"]),
            Some(PovertyStatus::Alleviated)
        );
        assert_eq!(
            status(&["是否脱贫户", "是否监测对象"], &["否", "否"]),
            Some(PovertyStatus::None)
        );
        assert_eq!(
            status(&["是否脱贫户", "是否监测对象"], &["是", "否"]),
            Some(PovertyStatus::Alleviated)
        );
        assert_eq!(
            status(&["人员类别", "是否监测对象"], &["一般农户", "是"]),
            Some(PovertyStatus::Monitored)
        );
        // Yes/no questions: 是 wins, in either order, without a problem.
        let (facts, problems) = register(&["是否低保户", "人员类别"], &["否", "低保户"]);
        assert_eq!(facts.dibao, Some(true));
        assert!(problems.is_empty(), "{problems:?}");
        let (facts, _) = register(&["人员类别", "是否低保户"], &["低保户", "否"]);
        assert_eq!(facts.dibao, Some(true));
        let (facts, _) = register(&["是否残疾"], &["否"]);
        assert_eq!(facts.disabled, Some(false));
    }

    #[test]
    fn age_from_the_birth_date_or_the_id_number_on_the_screening_day() {
        // 1980-06-21: 44 on 2025-06-20, the day before the birthday.
        let (facts, _) = register(&["出生日期"], &["1980-06-21"]);
        assert_eq!(facts.age, Some(44));
        let (facts, _) = register(&["出生日期"], &["1980年6月20日"]);
        assert_eq!(facts.age, Some(45));
        // An Excel day number from a date cell: 29393 is 1980-06-21.
        let columns = [Some(Field::BirthDate)];
        let (facts, _) = read_row(&columns, &[("29393", Stored::DateNumber)], DAY);
        assert_eq!(facts.age, Some(44));
        // The same text in a text cell is not a day number.
        let (facts, problems) = read_row(&columns, &[("29393", Stored::Text)], DAY);
        assert_eq!((facts.age, problems.len()), (None, 1));
        // 身份证号码: GB 11643's example, born 1949-12-31.
        let (facts, problems) = register(&["身份证号码"], &["11010519491231002X"]);
        assert_eq!(facts.age, Some(75));
        assert!(problems.is_empty());
        let (facts, problems) = register(&["身份证号码"], &["110105194912310021"]);
        assert_eq!(facts.age, None);
        assert!(!problems[0].message.contains("110105"), "never quoted");
        // An 年龄 column wins; 出生日期 over the number, with a problem when they differ.
        let (facts, _) = register(&["年龄", "身份证号码"], &["30", "11010519491231002X"]);
        assert_eq!(facts.age, Some(30));
        let (facts, problems) = register(
            &["出生日期", "身份证号码"],
            &["1950-01-01", "11010519491231002X"],
        );
        assert_eq!(facts.age, Some(75));
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn dates_as_offices_type_them_never_as_day_numbers_from_text() {
        let since = |text: &str, stored| {
            read_row(
                &[Some(Field::Question(Q::WorkSince))],
                &[(text, stored)],
                DAY,
            )
            .0
            .work_since
        };
        let text = Stored::Text;
        assert_eq!(since("2025.11", text), Some(Date::ymd(2025, 11, 1)));
        assert_eq!(since("2024.10", text), Some(Date::ymd(2024, 10, 1)));
        assert_eq!(since("2023.03", text), Some(Date::ymd(2023, 3, 1)));
        assert_eq!(since("2025年11月", text), Some(Date::ymd(2025, 11, 1)));
        assert_eq!(since("2025/11/3", text), Some(Date::ymd(2025, 11, 3)));
        assert_eq!(since("45962", text), None);
        assert_eq!(since("2023", text), None);
        // Numbers: five digits are day numbers (45962 is 2025-11-01), a year-and-month number is not.
        assert_eq!(since("45962", Stored::Number), Some(Date::ymd(2025, 11, 1)));
        assert_eq!(
            since("2025.11", Stored::Number),
            Some(Date::ymd(2025, 11, 1))
        );
        assert_eq!(since("2023", Stored::Number), None);
        // 2025.1 as a number may have been 2025.10: refused, with why.
        let (facts, problems) = read_row(
            &[Some(Field::Question(Q::WorkSince))],
            &[("2025.1", Stored::Number)],
            DAY,
        );
        assert_eq!(facts.work_since, None);
        assert!(problems[0].message.contains("2025年10月"));
        assert_eq!(
            since("45962", Stored::DateNumber),
            Some(Date::ymd(2025, 11, 1))
        );
        assert_eq!(
            since("45962.5", Stored::DateNumber),
            Some(Date::ymd(2025, 11, 1))
        );
        assert_eq!(Stored::of_field(" 45962 "), Stored::Number);
        assert_eq!(Stored::of_field("2025.11"), Stored::Number);
        assert_eq!(Stored::of_field("2025/11/3"), Stored::Text);
        assert_eq!(Stored::of_field("-5"), Stored::Text);
        // Exponent numbers from a number cell.
        assert_eq!(
            read_stored(Q::Age, "4.5E1", Stored::Number, DAY),
            Ok(Some(Answer::Count(45)))
        );
        assert!(read_stored(Q::Age, "4.55E1", Stored::Number, DAY).is_err());
    }

    #[test]
    fn the_header_row_and_the_end_of_the_data_are_found() {
        let rows: Vec<Vec<&str>> = vec![
            vec!["巫溪县2026年脱贫人口就业帮扶台账"],
            vec![],
            vec!["单位：某某镇", "", "", "2026年1月"],
            vec!["序号", "姓名", "身份证号码", "人员类别", "就业状态"],
            vec!["1", "张三", "", "脱贫户", "已就业"],
            vec!["序号", "姓名", "身份证号码", "人员类别", "就业状态"],
            vec!["2", "李四", "", "监测户", ""],
            vec!["小计", "", "", "", ""],
            vec!["3", "", "", "", ""],
            vec!["\u{1a}"],
            vec!["4", "王五", "", "一般农户", "务工"],
            vec!["填表人：赵六", "", "审核人：钱七"],
            vec!["5", "孙八"],
        ];
        let layout = layout(&rows);
        assert_eq!(layout.header, 3);
        assert_eq!(layout.people, [4, 6, 10]);
        let left: Vec<usize> = layout.left_out.iter().map(|(i, _)| *i).collect();
        assert_eq!(left, [0, 1, 2, 5, 7, 8, 9, 11, 12]);
        assert!(layout.left_out[7].1.contains("填表人"));
        // A plain list: the first row is the header.
        let plain = vec![vec!["年龄", "户籍区县"], vec!["40", "万州区"]];
        assert_eq!(layout_of(&plain), (0, vec![1]));
    }

    fn layout_of(rows: &[Vec<&str>]) -> (usize, Vec<usize>) {
        let l = layout(rows);
        (l.header, l.people)
    }

    /// After 2025 the 237号 benefits count people by the rules of their last day, as
    /// `status_on_last_day` says for each person.
    #[test]
    fn the_rules_of_the_last_day_are_counted_from_status_on_last_day() {
        let after = Date::ymd(2026, 3, 1);
        let columns = assign_columns(&["人员类别", "户籍所在区县", "务工地点", "就业状态"]);
        let mut tally = Tally::default();
        let mut reports = Vec::new();
        for cells in [
            ["脱贫户", "巫溪县", "广东", "已就业"],
            ["一般农户", "巫溪县", "县内", "未就业"],
            ["监测户", "", "", ""],
        ] {
            let report = evaluate_person(&read_row(&columns, &cells, after).0, after);
            tally.add(&lines(&report));
            reports.push(report);
        }
        let mut seen = 0;
        for benefit in &tally.benefits {
            let expected: Vec<Status> = reports
                .iter()
                .filter_map(|r| {
                    r.benefits
                        .iter()
                        .find(|b| b.entry.id == benefit.id)?
                        .status_on_last_day
                })
                .collect();
            match benefit.last_day {
                None => assert!(expected.is_empty(), "{}", benefit.id),
                Some((counts, day)) => {
                    seen += 1;
                    assert_eq!(day, crate::vocabulary::source::NOTICE_END, "{}", benefit.id);
                    for (status, n) in LAST_DAY_COUNTED.iter().zip(counts) {
                        assert_eq!(
                            expected.iter().filter(|s| *s == status).count(),
                            n,
                            "{} {status:?}",
                            benefit.id
                        );
                    }
                    assert_eq!(counts.iter().sum::<usize>(), 3, "{}", benefit.id);
                }
            }
        }
        assert!(seen >= 6, "the 237号 benefits: {seen}");
        assert!(tally
            .benefits
            .iter()
            .any(|b| b.last_day.is_some_and(|(c, _)| c[1] > 0)));
        assert!(!reads_any(&assign_columns(&["姓名", "序号", "备注"])));
        assert_eq!(
            assign_columns(&["年龄", "年龄"]),
            [Some(Field::Question(Q::Age)), None]
        );
    }
}
