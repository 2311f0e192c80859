//! The words offices write in their registers, and what each says about a person's answers. Every
//! mapping carries its reasoning; a word that could mean two answers is not mapped (the cell stays
//! unanswered with a finding that says why).

use crate::engine::facts::{Answer, Q};
use crate::vocabulary::choices::PovertyStatus;

/// What a register category (人员类别, 户类型, 脱贫属性 …) says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// A poverty status (脱贫户, the 监测对象 and their three types, risk eliminated).
    Poverty(PovertyStatus),
    /// 一般农户, 非脱贫户: neither 脱贫户 nor 监测对象.
    NeitherGroup,
    /// A yes to a yes/no question (低保户 → 低保, 特困 → 特困, 残疾 → 残疾, 搬迁户 → 易地扶贫搬迁).
    Yes(Q),
}

/// Register categories as Chongqing's offices write them.
///
/// - 脱贫户 / 脱贫人口 / 建档立卡户: 原建档立卡脱贫户 (the questionnaire's “是脱贫人口”).
/// - 监测户 / 监测对象 / 防止返贫(致贫)监测对象 and the three types the monitoring system records
///   (脱贫不稳定户, 边缘易致贫户, 突发严重困难户; 国乡振发〔2021〕… 防止返贫动态监测和帮扶机制): 监测对象
///   whose risk is not marked eliminated. A 脱贫不稳定户 is also a 脱贫户; both count as 脱贫人口, and
///   the monitored status is the narrower one, so it is taken.
/// - 低保户 / 特困 / 残疾 / 搬迁户: the group's own yes/no question; they say nothing about 脱贫户.
/// - 一般农户 / 一般户 / 非脱贫户: neither group (the questionnaire's “都不是”).
const CATEGORIES: &[(&str, Category)] = &[
    ("脱贫户", Category::Poverty(PovertyStatus::Alleviated)),
    ("脱贫人口", Category::Poverty(PovertyStatus::Alleviated)),
    ("脱贫", Category::Poverty(PovertyStatus::Alleviated)),
    ("已脱贫户", Category::Poverty(PovertyStatus::Alleviated)),
    ("建档立卡户", Category::Poverty(PovertyStatus::Alleviated)),
    (
        "建档立卡脱贫户",
        Category::Poverty(PovertyStatus::Alleviated),
    ),
    ("监测户", Category::Poverty(PovertyStatus::Monitored)),
    ("监测对象", Category::Poverty(PovertyStatus::Monitored)),
    (
        "防止返贫监测对象",
        Category::Poverty(PovertyStatus::Monitored),
    ),
    (
        "防返贫监测对象",
        Category::Poverty(PovertyStatus::Monitored),
    ),
    (
        "防止返贫致贫对象",
        Category::Poverty(PovertyStatus::Monitored),
    ),
    ("脱贫不稳定户", Category::Poverty(PovertyStatus::Monitored)),
    ("边缘易致贫户", Category::Poverty(PovertyStatus::Monitored)),
    (
        "突发严重困难户",
        Category::Poverty(PovertyStatus::Monitored),
    ),
    ("边缘户", Category::Poverty(PovertyStatus::Monitored)),
    ("突发困难户", Category::Poverty(PovertyStatus::Monitored)),
    (
        "风险消除",
        Category::Poverty(PovertyStatus::MonitoredRiskEliminated),
    ),
    (
        "已消除风险",
        Category::Poverty(PovertyStatus::MonitoredRiskEliminated),
    ),
    (
        "风险已消除",
        Category::Poverty(PovertyStatus::MonitoredRiskEliminated),
    ),
    ("一般农户", Category::NeitherGroup),
    ("一般户", Category::NeitherGroup),
    ("普通农户", Category::NeitherGroup),
    ("非脱贫户", Category::NeitherGroup),
    ("低保户", Category::Yes(Q::Dibao)),
    ("低保", Category::Yes(Q::Dibao)),
    ("农村低保", Category::Yes(Q::Dibao)),
    ("农村低保户", Category::Yes(Q::Dibao)),
    ("低保对象", Category::Yes(Q::Dibao)),
    ("特困", Category::Yes(Q::Tekun)),
    ("特困户", Category::Yes(Q::Tekun)),
    ("特困人员", Category::Yes(Q::Tekun)),
    ("特困供养", Category::Yes(Q::Tekun)),
    ("特困供养人员", Category::Yes(Q::Tekun)),
    ("五保户", Category::Yes(Q::Tekun)),
    ("残疾", Category::Yes(Q::Disabled)),
    ("残疾人", Category::Yes(Q::Disabled)),
    ("易地扶贫搬迁户", Category::Yes(Q::Relocated)),
    ("搬迁户", Category::Yes(Q::Relocated)),
];

/// One category word, or a 监测对象 marked as risk eliminated: a 脱贫不稳定户 stays a 脱贫户 after its
/// risk is eliminated (脱贫人口), the other types become “监测对象，已标注风险消除”.
fn category_word(word: &str) -> Option<Category> {
    let wanted = normalise(word);
    if let Some((_, c)) = CATEGORIES.iter().find(|(w, _)| normalise(w) == wanted) {
        return Some(*c);
    }
    if wanted.contains("消除") && (wanted.contains("监测") || wanted.contains("户")) {
        return Some(if wanted.contains("脱贫") {
            Category::Poverty(PovertyStatus::Alleviated)
        } else {
            Category::Poverty(PovertyStatus::MonitoredRiskEliminated)
        });
    }
    None
}

/// A category cell, possibly several words (`脱贫户、低保户`, `监测对象(边缘易致贫户)`); `None` when
/// any part is not a category.
pub fn categories(cell: &str) -> Option<Vec<Category>> {
    if let Some(c) = category_word(cell) {
        return Some(vec![c]);
    }
    let parts: Vec<&str> = cell
        .split([
            '、', '，', ',', '/', '／', ';', '；', '+', '＋', ' ', '（', '）', '(', ')',
        ])
        .filter(|p| !p.trim().is_empty())
        .collect();
    if parts.len() < 2 {
        return None;
    }
    parts.into_iter().map(category_word).collect()
}

/// 就业状态 as registers write it, for the questionnaire's 您现在主要在做什么. 已就业 and the 务工 words
/// are wage work (在单位上班): the monitoring system's 就业状态 records 务工 apart from 公益性岗位, 自主创业
/// and 灵活就业, which registers write as such, so 已就业 next to a 务工地点 is 务工.
pub const ACTIVITY_WORDS: &[(&str, &str)] = &[
    ("已就业", "employee"),
    ("就业", "employee"),
    ("在岗", "employee"),
    ("务工", "employee"),
    ("务工就业", "employee"),
    ("外出务工", "employee"),
    ("本地务工", "employee"),
    ("县内务工", "employee"),
    ("县外务工", "employee"),
    ("市内务工", "employee"),
    ("市外务工", "employee"),
    ("省外务工", "employee"),
    ("上班", "employee"),
    ("企业务工", "employee"),
    ("就业帮扶车间务工", "employee"),
    ("车间务工", "employee"),
    ("零工", "flexible"),
    ("打零工", "flexible"),
    ("灵活就业", "flexible"),
    ("个体", "own-business"),
    ("个体工商户", "own-business"),
    ("自主创业", "own-business"),
    ("创业", "own-business"),
    ("公益岗", "public-welfare-post"),
    ("公益性岗位", "public-welfare-post"),
    ("公益性岗位就业", "public-welfare-post"),
    ("学生", "student"),
    ("在校生", "student"),
    ("在读", "student"),
    ("无业", "not-working"),
    ("未就业", "not-working"),
    ("未务工", "not-working"),
    ("待业", "not-working"),
    ("失业", "not-working"),
];

/// Where someone works, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// An option of the work-place question (县内, 市内县外, 山东 …).
    Option(&'static str),
    /// A 区县 of Chongqing: in or outside the home district depends on where the 户口 is.
    District(&'static str),
    /// Words that do not decide the question, and why.
    Unclear(&'static str),
}

/// Place words that decide the work-place question, and those that do not.
const PLACE_WORDS: &[(&str, Place)] = &[
    ("县内", Place::Option("own-district")),
    ("区内", Place::Option("own-district")),
    ("本县", Place::Option("own-district")),
    ("本区", Place::Option("own-district")),
    ("本区县", Place::Option("own-district")),
    ("区县内", Place::Option("own-district")),
    ("本地", Place::Option("own-district")),
    ("市内县外", Place::Option("other-district")),
    ("县外市内", Place::Option("other-district")),
    ("市内区外", Place::Option("other-district")),
    ("区外市内", Place::Option("other-district")),
    ("市内其他区县", Place::Option("other-district")),
    (
        "市内",
        Place::Unclear("“市内”没说是不是户籍所在区县（县内、县外的补贴不同），请写区县名称"),
    ),
    (
        "重庆",
        Place::Unclear("只写了重庆，没说是不是户籍所在区县（县内、县外的补贴不同），请写区县名称"),
    ),
    (
        "县外",
        Place::Unclear("“县外”没说是在重庆市内还是市外（补贴不同），请写区县或省份名称"),
    ),
    (
        "区外",
        Place::Unclear("“区外”没说是在重庆市内还是市外（补贴不同），请写区县或省份名称"),
    ),
    (
        "市外",
        Place::Unclear("“市外”没说是哪个省（在山东务工另有政策），请写省份名称"),
    ),
    (
        "省外",
        Place::Unclear("“省外”没说是哪个省（在山东务工另有政策），请写省份名称"),
    ),
    (
        "外省",
        Place::Unclear("“外省”没说是哪个省（在山东务工另有政策），请写省份名称"),
    ),
    (
        "外出",
        Place::Unclear("“外出”没说去了哪里（县内、县外、市外的补贴不同），请写地名"),
    ),
];

/// Provinces and province-level cities other than Chongqing, as written (山东 first: it has its own
/// option).
const PROVINCES: &[&str] = &[
    "山东",
    "北京",
    "天津",
    "河北",
    "山西",
    "内蒙古",
    "辽宁",
    "吉林",
    "黑龙江",
    "上海",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
    "台湾",
    "香港",
    "澳门",
];

/// Cities people write without their province: where Chongqing's migrant workers mostly go.
const CITIES: &[(&str, &str)] = &[
    ("青岛", "山东"),
    ("济南", "山东"),
    ("烟台", "山东"),
    ("潍坊", "山东"),
    ("日照", "山东"),
    ("临沂", "山东"),
    ("威海", "山东"),
    ("淄博", "山东"),
    ("济宁", "山东"),
    ("泰安", "山东"),
    ("东营", "山东"),
    ("深圳", "广东"),
    ("广州", "广东"),
    ("东莞", "广东"),
    ("佛山", "广东"),
    ("中山", "广东"),
    ("惠州", "广东"),
    ("珠海", "广东"),
    ("江门", "广东"),
    ("杭州", "浙江"),
    ("宁波", "浙江"),
    ("温州", "浙江"),
    ("义乌", "浙江"),
    ("金华", "浙江"),
    ("苏州", "江苏"),
    ("无锡", "江苏"),
    ("昆山", "江苏"),
    ("南京", "江苏"),
    ("常州", "江苏"),
    ("厦门", "福建"),
    ("福州", "福建"),
    ("泉州", "福建"),
    ("晋江", "福建"),
    ("成都", "四川"),
    ("贵阳", "贵州"),
    ("昆明", "云南"),
    ("西安", "陕西"),
    ("武汉", "湖北"),
    ("长沙", "湖南"),
    ("郑州", "河南"),
    ("合肥", "安徽"),
    ("乌鲁木齐", "新疆"),
];

/// A place outside Chongqing: `Some("shandong")` or `Some("other-province")`.
pub fn province(cell: &str) -> Option<&'static str> {
    let wanted = normalise(cell);
    let named = PROVINCES
        .iter()
        .copied()
        .find(|p| wanted.contains(p))
        .or_else(|| {
            CITIES
                .iter()
                .find(|(city, _)| wanted.contains(city))
                .map(|(_, p)| *p)
        })?;
    Some(if named == "山东" {
        "shandong"
    } else {
        "other-province"
    })
}

/// Place words (县内, 市内, 省外 …), exactly as written.
pub fn place_word(cell: &str) -> Option<Place> {
    let wanted = normalise(cell);
    PLACE_WORDS
        .iter()
        .find(|(w, _)| normalise(w) == wanted)
        .map(|(_, p)| *p)
}

/// What a cell of a 是否… column says.
pub fn yes_no(cell: &str) -> Option<bool> {
    let wanted = normalise(cell);
    if YES.contains(&wanted.as_str()) {
        Some(true)
    } else if NO.contains(&wanted.as_str()) {
        Some(false)
    } else {
        None
    }
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

/// A 是否… answer as the app's facts hold it.
pub fn yes_no_answer(cell: &str) -> Option<Answer> {
    yes_no(cell).map(Answer::Bool)
}

/// The punctuation around words, which comparing text leaves out (with blanks).
const PUNCTUATION: [char; 33] = [
    '？', '?', '（', '）', '(', ')', '“', '”', '"', '\'', '：', ':', '*', '·', '、', '，', ',',
    '。', '.', '!', '！', '-', '_', '/', '\\', '[', ']', '【', '】', '《', '》', '<', '>',
];

fn ignored(c: char) -> bool {
    c.is_whitespace() || PUNCTUATION.contains(&c)
}

/// Text compared without blanks, punctuation or a leading 是否 (`是否低保` = `低保`), lower case.
/// Called for every cell of a list and for the words it is compared with, so it builds one string
/// in one pass (`tests::normalise_is_the_plain_definition` checks it against the plain definition).
pub(crate) fn normalise(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    for c in text.chars().filter(|c| !ignored(*c)) {
        match c {
            'A'..='Z' => kept.push(c.to_ascii_lowercase()),
            // CJK (radicals to Yi and Vai), which has no case: most of a register's text.
            '\u{2e80}'..='\u{a63f}' => kept.push(c),
            // Σ lowers by its place in a word, which `str::to_lowercase` knows.
            'Σ' => {
                kept = text
                    .chars()
                    .filter(|c| !ignored(*c))
                    .collect::<String>()
                    .to_lowercase();
                break;
            }
            _ => kept.extend(c.to_lowercase()),
        }
    }
    if kept.len() > "是否".len() && kept.starts_with("是否") {
        kept.drain(.."是否".len());
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::normalise;

    /// The definition [`normalise`] computes faster: blanks and punctuation left out, then lower
    /// case, then a leading 是否 taken off (unless nothing follows it).
    fn plain(text: &str) -> String {
        let kept: String = text
            .chars()
            .filter(|c| {
                !c.is_whitespace()
                    && !"？?（）()“”\"'：:*·、，,。.!！-_/\\[]【】《》<>".contains(*c)
            })
            .collect::<String>()
            .to_lowercase();
        match kept.strip_prefix("是否") {
            Some(rest) if !rest.is_empty() => rest.to_string(),
            _ => kept,
        }
    }

    #[test]
    fn normalise_is_the_plain_definition() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("是否{c}"), format!("A{c}b{c}")] {
                assert_eq!(normalise(&text), plain(&text), "{:04x}", c as u32);
            }
        }
        for text in [
            "是否",
            "是否 ",
            " 是否监测对象？",
            "是否是否低保",
            "ΟΔΟΣ Σ",
            "ΣΑ-Σ",
            "Ｗａｎｚｈｏｕ　万州区",
            "İstanbul",
            "（脱贫户）【已就业】",
            "",
        ] {
            assert_eq!(normalise(text), plain(text), "{text}");
        }
    }
}
