//! The staff page (staff.html, its own bundle so that the QR encoder does not weigh on the
//! residents' page), 生成推广链接: staff of district HR bureaus and village cadres pick an audience, a
//! district and optionally one benefit, and get a link (no personal data), a copy button, a QR code
//! drawn on the device as SVG, and a poster to print. The list screening is another page
//! (list.html), with its own bundle.

use crate::link::{self, Target};
use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};
use rules_core::standing::Standing;
use rules_core::{catalogue, districts, Audience, Date};

/// The QR code of `text` as an SVG path over a square of `size` modules (4-module quiet zone
/// included): one `M x yh1v1h-1z` square per dark module. `None` if the text is too long.
pub fn qr_path(text: &str) -> Option<(i32, String)> {
    // Medium error correction survives a poster's folds and a phone camera's glare.
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let quiet = 4;
    let mut path = String::new();
    for y in 0..code.size() {
        for x in 0..code.size() {
            if code.get_module(x, y) {
                path.push_str(&format!("M{} {}h1v1h-1z", x + quiet, y + quiet));
            }
        }
    }
    Some((code.size() + 2 * quiet, path))
}

/// The line on the poster that says who should scan.
pub fn who_should_scan(target: Target) -> String {
    let district = target
        .district
        .and_then(districts::find)
        .map(|d| format!("（{}）", d.name))
        .unwrap_or_default();
    if let Some(entry) = target.benefit.and_then(catalogue::find) {
        return format!("扫码查看“{}”的条件、金额和所需材料{district}", entry.name);
    }
    // Who each audience is comes from rules-core (the landing page's line under each choice).
    let who = target.audience.unwrap_or(Audience::Person).hint();
    format!("{who}：扫码查看能享受的就业帮扶补贴{district}")
}

/// The poster's title and the line under the QR code, saying what the code opens: a benefit's
/// section of policy.html (read, nothing to answer), or the self-check (a few questions).
pub fn poster_words(target: Target) -> (&'static str, &'static str) {
    if target.benefit.and_then(catalogue::find).is_some() {
        (
            "重庆就业帮扶政策一览",
            "用微信扫一扫，查看这项政策现在能否申请、补贴标准、申请条件、所需材料和办理地点。",
        )
    } else {
        (
            "重庆就业帮扶政策自助查询",
            "用微信扫一扫，回答几个问题，查看补贴金额、所需材料和办理地点。填写内容只保存在手机上。",
        )
    }
}

/// The 区县 staff can preset: the same list as the organisation's district question (rules-core's,
/// 重庆高新区 and 万盛经开区 included), on `day`.
pub fn district_choices(day: Date) -> Vec<rules_core::questions::AnswerOption> {
    rules_core::questions::options(rules_core::Q::OrgDistrict, day)
}

/// A benefit's standing on `day` with rules-core's sentence on it, when it is not in force: staff are
/// warned before they spread a link to something nobody can claim, and the poster says so.
pub fn not_in_force(benefit: Option<&str>, day: Date) -> Option<(Standing, String)> {
    let rules = rules_core::benefits().find(|b| Some(b.entry.id) == benefit)?;
    let standing = rules.validity.standing_on(day);
    (standing != Standing::InForce).then(|| (standing, rules.validity.summary(day)))
}

/// The benefit's name in the picker, with its standing when it is not in force.
fn option_label(entry: &catalogue::CatalogueEntry, day: Date) -> String {
    match not_in_force(Some(entry.id), day) {
        Some((standing, _)) => format!("{}（{}）", entry.name, standing.label()),
        None => entry.name.to_string(),
    }
}

/// The whole staff page: the header, the link builder, the footer.
#[component]
pub fn StaffPage() -> impl IntoView {
    view! {
        <crate::chrome::StaffHeader title="生成推广链接（工作人员）" on_list=false/>
        <LinksScreen/>
        <crate::chrome::SiteFooter/>
    }
}

/// 生成推广链接: the link, QR code and poster builder.
#[component]
fn LinksScreen() -> impl IntoView {
    let root = link::site_root(&window().location().href().unwrap_or_default());
    // The day the standings are checked on: today, or a link's `as-of` (for testing a date).
    let today = crate::settings::today();
    let today = link::read_query(&window().location().search().unwrap_or_default(), today)
        .as_of
        .unwrap_or(today);
    let audience = RwSignal::new(Audience::Person);
    let district = RwSignal::new(String::new());
    let benefit = RwSignal::new(String::new());
    let copied = RwSignal::new(None::<bool>);

    let target = Memo::new(move |_| Target {
        audience: Some(audience.get()),
        district: district.with(|d| districts::find(d).map(|d| d.id)),
        benefit: benefit.with(|b| catalogue::find(b).map(|e| e.id)),
    });
    let url = Memo::new(move |_| link::build(&root, target.get()));
    let standing = Memo::new(move |_| not_in_force(target.get().benefit, today));

    let pick_audience = move |picked: Audience| {
        audience.set(picked);
        // A benefit of another audience would make a link the chosen readers cannot use.
        if catalogue::find(&benefit.get_untracked()).is_some_and(|e| e.audience != picked) {
            benefit.set(String::new());
        }
        copied.set(None);
    };
    view! {
        <main id="main" class="staff">
            <section class="card no-print" aria-labelledby="staff-form-heading">
                <h2 id="staff-form-heading">"选择链接打开的内容"</h2>
                <p class="hint">
                    "生成的链接和二维码可以放进公众号文章、微信群，或印在海报上。链接里只有您选的对象、区县和政策，不含任何个人信息。"
                </p>
                <fieldset class="staff-audience">
                    <legend>"面向对象"</legend>
                    {Audience::ALL
                        .into_iter()
                        .map(|a| {
                            view! {
                                <label class="choice">
                                    <input type="radio" name="staff-audience" value=a.id()
                                        checked=move || audience.get() == a
                                        on:change=move |_| pick_audience(a)/>
                                    {a.label()}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <label for="staff-district">"区县（可选，答题时预先选好）"</label>
                <select id="staff-district" on:change=move |ev| {
                    district.set(event_target_value(&ev));
                    copied.set(None);
                }>
                    <option value="" selected=true>"不限区县"</option>
                    {district_choices(today)
                        .into_iter()
                        .map(|d| view! { <option value=d.id>{d.label}</option> })
                        .collect_view()}
                </select>
                <label for="staff-benefit">"政策（可选，直接打开这项政策）"</label>
                <select id="staff-benefit" prop:value=move || benefit.get() on:change=move |ev| {
                    benefit.set(event_target_value(&ev));
                    copied.set(None);
                }>
                    <option value="">"不指定，打开该对象的首页"</option>
                    {move || {
                        catalogue::for_audience(audience.get())
                            .map(|e| view! { <option value=e.id>{option_label(e, today)}</option> })
                            .collect_view()
                    }}
                </select>
                {move || standing.get().map(|(kind, summary)| view! {
                    <p class="banner warning" id="staff-standing-warning" role="alert">
                        {format!("注意：这项政策{}。{summary}生成的链接和海报会如实写明这一点；如需宣传现行政策，请另选一项。", kind.label())}
                    </p>
                })}
            </section>
            <LinkBox url=url copied=copied/>
            <Poster target=target url=url standing=standing/>
        </main>
    }
}

/// The link to copy, try or print, and whether copying worked.
#[component]
fn LinkBox(url: Memo<String>, copied: RwSignal<Option<bool>>) -> impl IntoView {
    let copy = move |_| {
        let text = url.get_untracked();
        crate::clipboard::copy_text(&text, move |done| copied.set(Some(done)));
    };
    let print = move |_| {
        let _ = window().print();
    };

    view! {
        <section class="card no-print" aria-labelledby="staff-link-heading">
            <h2 id="staff-link-heading">"推广链接"</h2>
            <label for="staff-link" class="visually-hidden">"推广链接"</label>
            <textarea id="staff-link" readonly rows="3" prop:value=move || url.get()></textarea>
            <div class="actions">
                <button type="button" class="primary" id="staff-copy" on:click=copy>"复制链接"</button>
                <a class="button secondary" id="staff-open" href=move || url.get()>"打开链接试一试"</a>
                <button type="button" class="secondary" id="staff-print" on:click=print>"打印海报"</button>
            </div>
            <p class="copied" id="staff-copied" role="status">
                {move || match copied.get() {
                    Some(true) => "已复制链接，可以粘贴到公众号文章或微信群里。",
                    Some(false) => "无法自动复制，请长按上面的链接，选择“全选”和“复制”。",
                    None => "",
                }}
            </p>
        </section>
    }
}

/// What the poster says (its title, who should scan, the standing, the QR code, the hotline).
#[component]
fn Poster(
    target: Memo<Target>,
    url: Memo<String>,
    standing: Memo<Option<(Standing, String)>>,
) -> impl IntoView {
    let qr = Memo::new(move |_| qr_path(&url.get()));
    let qr_svg = move || {
        qr.get().map(|(size, path)| {
            view! {
                <svg class="qr" viewBox=format!("0 0 {size} {size}") role="img"
                    aria-label=move || format!("二维码，扫码打开：{}", url.get())
                    shape-rendering="crispEdges">
                    <rect width=size height=size fill="#fff"/>
                    <path d=path fill="#000"/>
                </svg>
            }
        })
    };

    view! {
        <section class="poster" aria-labelledby="poster-title">
            <p class="poster-preview no-print">"海报预览（打印时只打印这一部分）"</p>
            <h2 id="poster-title">{move || poster_words(target.get()).0}</h2>
            <p class="poster-who" id="poster-who">{move || who_should_scan(target.get())}</p>
            {move || standing.get().map(|(kind, summary)| view! {
                <p class="poster-standing" id="poster-standing">
                    {format!("请注意：这项政策{}。{summary}", kind.label())}
                </p>
            })}
            {qr_svg}
            <p class="poster-note" id="poster-note">{move || poster_words(target.get()).1}</p>
            <p class="poster-hotline">
                "咨询电话 "<strong>{rules_core::documents::HOTLINE_NUMBER}</strong>
            </p>
            <p class="poster-url" id="poster-url">{move || url.get()}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_code_has_finder_patterns_and_a_quiet_zone() {
        let (size, path) = qr_path("https://example.gov.cn/zc/?district=wanzhou#/person")
            .expect("a short link fits");
        // Version 4 (33 modules) holds 62 bytes at level M; plus 2 × 4 quiet modules.
        assert!((29..=45).contains(&size), "{size}");
        // The top-left finder pattern's corner module is dark; the quiet zone is not.
        assert!(path.starts_with("M4 4h1v1h-1z"), "{}", &path[..40]);
        assert!(!path.contains("M0 ") && !path.contains("M3 "));
        assert!(qr_path(&"x".repeat(5000)).is_none());
    }

    #[test]
    fn the_poster_says_who_should_scan() {
        let person = Target {
            audience: Some(Audience::Person),
            district: Some("wanzhou"),
            benefit: None,
        };
        assert!(who_should_scan(person).contains("万州区"));
        assert!(who_should_scan(person).contains("脱贫人口"));
        let entry = &catalogue::CATALOGUE[0];
        let one = Target {
            benefit: Some(entry.id),
            ..Target::default()
        };
        assert!(who_should_scan(one).contains(entry.name));
    }

    #[test]
    fn the_poster_says_what_its_code_opens() {
        let entry = &catalogue::CATALOGUE[0];
        let one = Target {
            benefit: Some(entry.id),
            ..Target::default()
        };
        // A benefit's code opens policy.html: nothing to answer there.
        assert!(link::build("https://x.gov.cn/zc/", one).contains(crate::route::POLICY_PAGE));
        let (title, note) = poster_words(one);
        assert!(!note.contains("回答") && title.contains("一览"), "{note}");
        let page = Target {
            audience: Some(Audience::Employer),
            ..Target::default()
        };
        assert!(poster_words(page).1.contains("回答几个问题"));
    }

    #[test]
    fn the_district_list_is_the_organisation_pages_own() {
        let day = Date::ymd(2026, 12, 7);
        let ids: Vec<&str> = district_choices(day).iter().map(|d| d.id).collect();
        let org: Vec<&str> = rules_core::questions::options(rules_core::Q::OrgDistrict, day)
            .iter()
            .map(|d| d.id)
            .collect();
        assert_eq!(ids, org);
        assert!(
            ids.contains(&"gaoxin") && ids.contains(&"wansheng"),
            "{ids:?}"
        );
    }

    #[test]
    fn staff_are_warned_about_benefits_not_in_force() {
        let day = Date::ymd(2026, 12, 1);
        let (standing, text) = not_in_force(Some("workshop-employment-award"), day).expect("ended");
        assert_eq!(standing, Standing::Ended);
        assert!(text.contains("2025年12月31日"), "{text}");
        let (standing, _) = not_in_force(Some("work-for-training-subsidy"), day).expect("ended");
        assert_eq!(standing, Standing::Ended);
        let (standing, _) =
            not_in_force(Some("cross-region-transport-subsidy"), day).expect("unconfirmed");
        assert_eq!(standing, Standing::Unconfirmed);
        assert!(not_in_force(Some("startup-subsidy"), day).is_none());
        assert!(not_in_force(
            Some("cross-region-transport-subsidy"),
            Date::ymd(2025, 6, 1)
        )
        .is_none());
        assert!(not_in_force(None, day).is_none());
    }
}
