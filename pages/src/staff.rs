//! staff.html's first screen as static HTML, generated from rules-core at build time: the header
//! and the link builder's form (audience, the 区县 list, the person's benefits with their standing)
//! as the app draws it on `#/` with nothing chosen yet, painted before the WebAssembly arrives; the
//! app removes it when it starts. The app's staff page writes the same words and lists
//! (`tests/app_agrees.rs` checks them).

use markup::{html, Html};
use rules_core::catalogue::{self, CatalogueEntry};
use rules_core::questions::AnswerOption;
use rules_core::standing::Standing;
use rules_core::{Audience, Date, Q};

/// The link builder's title.
pub const TITLE: &str = "生成推广链接（工作人员）";
/// The navigation: back to the residents' page, the link builder, the list screening.
pub const NAV_HOME: &str = "返回首页";
pub const NAV_LINKS: &str = "生成推广链接";
pub const NAV_LIST: &str = "筛查名单";
/// The list screening's old fragment on staff.html: public/boot.js sends it on to list.html, and
/// public/staff.css hides this screen there meanwhile.
pub const LIST_HASH: &str = "#/list";

/// The form's words.
pub const FORM_HEADING: &str = "选择链接打开的内容";
pub const FORM_HINT: &str = "生成的链接和二维码可以放进公众号文章、微信群，或印在海报上。链接里只有您选的对象、区县和政策，不含任何个人信息。";
pub const AUDIENCE_LEGEND: &str = "面向对象";
pub const DISTRICT_LABEL: &str = "区县（可选，答题时预先选好）";
pub const ANY_DISTRICT: &str = "不限区县";
pub const BENEFIT_LABEL: &str = "政策（可选，直接打开这项政策）";
pub const NO_BENEFIT: &str = "不指定，打开该对象的首页";

/// The 区县 staff can preset: the same list as the organisation's district question (rules-core's,
/// 重庆高新区 and 万盛经开区 included), on `day`.
pub fn district_choices(day: Date) -> Vec<AnswerOption> {
    rules_core::questions::options(Q::OrgDistrict, day)
}

/// A benefit's standing on `day` with rules-core's sentence on it, when it is not in force: staff are
/// warned before they spread a link to something nobody can claim, and the poster says so.
pub fn not_in_force(benefit: Option<&str>, day: Date) -> Option<(Standing, String)> {
    let rules = rules_core::benefits().find(|b| Some(b.entry.id) == benefit)?;
    let standing = rules.validity.standing_on(day);
    (standing != Standing::InForce).then(|| (standing, rules.validity.summary(day)))
}

/// The benefit's name in the picker, with its standing when it is not in force.
pub fn option_label(entry: &CatalogueEntry, day: Date) -> String {
    match not_in_force(Some(entry.id), day) {
        Some((standing, _)) => format!("{}（{}）", entry.name, standing.label()),
        None => entry.name.to_string(),
    }
}

/// The staff pages: the link builder and the list screening (list.html, its own page since the
/// list's code left staff.html's bundle).
pub const STAFF_PAGE: &str = "staff.html";
pub const LIST_PAGE: &str = "list.html";

/// The staff pages' navigation; `list` marks the page shown (`aria-current`).
pub fn nav(list: bool) -> Html {
    let current = |h: &mut Html, on: bool| {
        if on {
            h.raw(" aria-current=\"page\"");
        }
    };
    let mut h = Html::new();
    html!(
        h,
        "<nav class=\"top-nav no-print\" aria-label=\"主要导航\"><a href=\"./\" id=\"nav-home\">{}</a><a href=\"{}\" id=\"nav-staff-links\"",
        NAV_HOME,
        STAFF_PAGE
    );
    current(&mut h, !list);
    html!(
        h,
        ">{}</a><a href=\"{}\" id=\"nav-staff-list\"",
        NAV_LINKS,
        LIST_PAGE
    );
    current(&mut h, list);
    html!(h, ">{}</a></nav>", NAV_LIST);
    h
}

/// The fragment inserted after staff.html's `<body>`, as of `day` (the build's date). An anchor
/// `id="/list"` lets public/staff.css hide it on the list screening's old address.
pub fn render(day: Date) -> String {
    let mut page = Html::new();
    html!(
        page,
        "<div id=\"static-landing\"><i class=\"static-target\" id=\"{}\"></i><div class=\"static-body\"><header class=\"site-header compact\"><h1>{}\
            </h1>{}</header><main class=\"staff\"><section class=\"card no-print\"><h2>{}</h2><p class=\"hint\">{}</p>\
            <fieldset class=\"staff-audience\"><legend>{}</legend>",
        &LIST_HASH[1..],
        TITLE,
        nav(false),
        FORM_HEADING,
        FORM_HINT,
        AUDIENCE_LEGEND
    );
    for audience in Audience::ALL {
        html!(
            page,
            "<label class=\"choice\"><input type=\"radio\" name=\"static-audience\" value=\"{}\"",
            audience.id()
        );
        if audience == Audience::Person {
            page.raw(" checked");
        }
        html!(page, ">{}</label>", audience.label());
    }
    html!(
        page,
        "</fieldset><label for=\"static-district\">{}</label><select id=\"static-district\"><option value=\"\" selected>{}</option>",
        DISTRICT_LABEL,
        ANY_DISTRICT
    );
    for district in district_choices(day) {
        html!(
            page,
            "<option value=\"{}\">{}</option>",
            district.id,
            district.label
        );
    }
    html!(
        page,
        "</select><label for=\"static-benefit\">{}</label><select id=\"static-benefit\"><option value=\"\">{}</option>",
        BENEFIT_LABEL,
        NO_BENEFIT
    );
    for entry in catalogue::for_audience(Audience::Person) {
        html!(
            page,
            "<option value=\"{}\">{}</option>",
            entry.id,
            option_label(entry, day)
        );
    }
    page.raw("</select></section></main></div></div>");
    page.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_is_there_before_the_wasm() {
        let day = Date::ymd(2026, 12, 1);
        let page = render(day);
        assert!(!page.contains("<script") && !page.contains("style="));
        assert!(page.contains(TITLE) && page.contains(FORM_HINT));
        assert_eq!(
            page.matches("name=\"static-audience\"").count(),
            Audience::ALL.len()
        );
        let districts = district_choices(day);
        assert!(districts.len() > 30);
        for district in &districts {
            assert!(page.contains(&format!("<option value=\"{}\">", district.id)));
        }
        let benefits = catalogue::for_audience(Audience::Person).count();
        let listed = page
            .split("id=\"static-benefit\"")
            .nth(1)
            .unwrap_or_default();
        assert_eq!(listed.matches("<option").count(), benefits + 1);
        // An ended benefit says so in the picker, as the app's does.
        assert!(listed.contains('（'));
        assert!(page.contains("id=\"/list\""));
        // The list screening is its own page.
        assert!(page.contains("<a href=\"list.html\" id=\"nav-staff-list\">"));
        assert!(
            page.contains("<a href=\"staff.html\" id=\"nav-staff-links\" aria-current=\"page\">")
        );
    }
}
