//! Figures used by several benefits: minimum wages and the LPR. Each is a dated table with sources;
//! benefit-specific figures live beside their benefit. [`all`] lists every table for the catalogue.

use crate::vocabulary::date::Date;
use crate::vocabulary::money::{bp, yuan};
use crate::vocabulary::source::{source_named, words};
use crate::vocabulary::source::{Confidence, Dated, Source};
use rust_decimal::Decimal;
use serde::Serialize;

/// A named dated table, for `subsidy-check catalogue` and the app's details view.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Parameter {
    pub id: &'static str,
    /// The benefits whose rules read it (catalogue ids): each benefit's history on policy.html and in
    /// the catalogue lists it.
    pub benefits: &'static [&'static str],
    pub name: &'static str,
    /// `元/月`, `元/人`, `rate` (a fraction: 0.035 = 3.5 %) …
    pub unit: &'static str,
    pub values: &'static [Dated<Decimal>],
}

const fn from(
    from: Date,
    until: Option<Date>,
    value: Decimal,
    source: &'static Source,
    note: &'static str,
) -> Dated<Decimal> {
    Dated {
        from,
        until,
        value,
        source: source_named(source),
        note: words(note),
    }
}

pub const WAGE_2019: Source = Source {
    document: "渝人社发〔2018〕229号（最低工资标准）",
    url: "https://m.news.shi-fen.com/china/201812/50-111526.html",
    confidence: Confidence::Secondary,
    date: None,
};
pub const WAGE_2022: Source = Source {
    document: "渝人社发〔2021〕52号（最低工资标准）",
    url: "https://www.jetro.go.jp/biznews/2022/04/7c4d45b81ca63d72.html",
    confidence: Confidence::Secondary,
    date: None,
};
pub const WAGE_2025: Source = Source {
    document: "渝人社发〔2024〕22号（最低工资标准，2025-01-01起；文号只见于非官方转载）",
    url: "http://www.a-zlf.com.cn/jap_shownews.asp?id=2686&smallclass=%E6%B3%95%E5%BE%8B%E6%9C%9F%E5%88%8A",
    confidence: Confidence::Secondary,
    date: Some(Date::ymd(2025, 1, 27)),
};

/// 最低月工资标准，第一档（26个区及两江新区、万盛经开区；重庆高新区自2022-04-01起才见于通知，见
/// `District::wage_tier_on`）.
pub const MIN_WAGE_TIER1_MONTHLY: &[Dated<Decimal>] = &[
    from(
        Date::ymd(2019, 1, 1),
        Some(Date::ymd(2022, 3, 31)),
        yuan(1800),
        &WAGE_2019,
        "",
    ),
    from(
        Date::ymd(2022, 4, 1),
        Some(Date::ymd(2024, 12, 31)),
        yuan(2100),
        &WAGE_2022,
        "",
    ),
    from(
        Date::ymd(2025, 1, 1),
        None,
        yuan(2330),
        &WAGE_2025,
        "仅见于二手来源，待核实",
    ),
];

/// 最低月工资标准，第二档（8个县和4个自治县）.
pub const MIN_WAGE_TIER2_MONTHLY: &[Dated<Decimal>] = &[
    from(
        Date::ymd(2019, 1, 1),
        Some(Date::ymd(2022, 3, 31)),
        yuan(1700),
        &WAGE_2019,
        "",
    ),
    from(
        Date::ymd(2022, 4, 1),
        Some(Date::ymd(2024, 12, 31)),
        yuan(2000),
        &WAGE_2022,
        "",
    ),
    from(
        Date::ymd(2025, 1, 1),
        None,
        yuan(2200),
        &WAGE_2025,
        "仅见于二手来源，待核实",
    ),
];

/// 非全日制职工最低小时工资标准，第一档 / 第二档 (corrections.md 13).
pub const MIN_WAGE_TIER1_HOURLY: &[Dated<Decimal>] = &[
    from(
        Date::ymd(2019, 1, 1),
        Some(Date::ymd(2022, 3, 31)),
        yuan(18),
        &WAGE_2019,
        "",
    ),
    from(
        Date::ymd(2022, 4, 1),
        Some(Date::ymd(2024, 12, 31)),
        yuan(21),
        &WAGE_2022,
        "",
    ),
    from(
        Date::ymd(2025, 1, 1),
        None,
        yuan(23),
        &WAGE_2025,
        "仅见于二手来源，待核实",
    ),
];
pub const MIN_WAGE_TIER2_HOURLY: &[Dated<Decimal>] = &[
    from(
        Date::ymd(2019, 1, 1),
        Some(Date::ymd(2022, 3, 31)),
        yuan(17),
        &WAGE_2019,
        "",
    ),
    from(
        Date::ymd(2022, 4, 1),
        Some(Date::ymd(2024, 12, 31)),
        yuan(20),
        &WAGE_2022,
        "",
    ),
    from(
        Date::ymd(2025, 1, 1),
        None,
        yuan(22),
        &WAGE_2025,
        "仅见于二手来源，待核实",
    ),
];

/// One news report of a 1-year LPR fixing (corrections.md §B8: each fixing with the report that gives
/// it; the PBoC's own pages are not in the sources read).
const fn lpr_report(document: &'static str, url: &'static str, date: Option<Date>) -> Source {
    Source {
        document,
        url,
        confidence: Confidence::Secondary,
        date,
    }
}

pub const LPR_2020_04_SOURCE: Source = lpr_report(
    "1年期LPR 3.85%，2020年4月起保持不变（人民网英文版，2021年11月报道）",
    "http://en.people.cn/n3/2021/1122/c90000-9922667.html",
    Some(Date::ymd(2021, 11, 22)),
);
pub const LPR_2021_12_SOURCE: Source = lpr_report(
    "1年期LPR 2021年12月20日降至3.80%（新闻报道）",
    "https://investmacro.com/2021/12/china-lowers-main-interest-rate-weeks-after-rrr-cut/",
    None,
);
pub const LPR_2022_01_SOURCE: Source = lpr_report(
    "1年期LPR 2022年1月20日降至3.70%（新闻报道）",
    "https://www.fxstreet.com/news/pboc-slashes-one-year-and-five-year-loan-prime-rates-to-37-and-46-respectively-202201200125",
    Some(Date::ymd(2022, 1, 20)),
);
pub const LPR_2022_08_SOURCE: Source = lpr_report(
    "1年期LPR 2022年8月22日降至3.65%（新闻报道）",
    "https://www.forexlive.com/centralbank/china-rate-cuts-lpr-1-year-365-from-37-5-year-430-from-445-20220822/",
    Some(Date::ymd(2022, 8, 22)),
);
pub const LPR_2023_06_SOURCE: Source = lpr_report(
    "1年期LPR 2023年6月20日降至3.55%（人民网英文版）",
    "http://en.people.cn/n3/2023/0620/c90000-20033762.html",
    Some(Date::ymd(2023, 6, 20)),
);
pub const LPR_2023_08_SOURCE: Source = lpr_report(
    "1年期LPR 2023年8月21日降至3.45%（新闻报道）",
    "https://www.moneycontrol.com/news/world/chinas-central-bank-cuts-key-benchmark-loan-rate-to-support-economy-11226331.html",
    None,
);
pub const LPR_2024_07_SOURCE: Source = lpr_report(
    "1年期LPR 2024年7月22日降至3.35%（新闻报道）",
    "https://www.finnewsnetwork.com.au/archives/finance_news_network470287.html",
    None,
);
pub const LPR_2024_10_SOURCE: Source = lpr_report(
    "1年期LPR 2024年10月21日降至3.10%（中国日报香港版）",
    "https://chinadailyhk.com/hk/article/595764",
    None,
);
pub const LPR_2025_05_SOURCE: Source = lpr_report(
    "1年期LPR 2025年5月20日降至3.00%（标普全球报道）",
    "https://www.spglobal.com/market-intelligence/en/news-insights/articles/2025/5/china-cuts-key-lending-reference-rates-to-new-alltime-lows-8910\
        7190",
    None,
);
pub const LPR_2025_12_SOURCE: Source = lpr_report(
    "1年期LPR 2025年12月22日报价3.00%，与上月持平（阿联酋通讯社转新华社）",
    "https://www.wam.ae/en/article/15xmr3r-chinas-loan-prime-rates-remain-unchanged",
    Some(Date::ymd(2025, 12, 22)),
);
pub const LPR_2026_01_SOURCE: Source = lpr_report(
    "1年期LPR 2026年1月20日报价3.00%，与上月持平（人民网英文版）",
    "http://en.people.cn/n3/2026/0120/c90000-20416397.html",
    Some(Date::ymd(2026, 1, 20)),
);
pub const LPR_2026_02_SOURCE: Source = lpr_report(
    "1年期LPR 2026年2月24日报价3.00%，与上月持平（人民网英文版）",
    "http://en.people.cn/n3/2026/0224/c90000-20427679.html",
    Some(Date::ymd(2026, 2, 24)),
);
/// The March 2026 fixing: "The one-year loan prime rate (LPR) remains at 3.0%" (after-2025.md §3).
pub const LPR_2026_03_SOURCE: Source = lpr_report(
    "1年期LPR 2026年3月报价仍为3.0%（新闻报道）",
    "https://www.capitalmarket.com/markets/news/commodity-news/economic-buzz-china-keeps-loan-prime-rates-unchanged-for-10th-straight-month/1682407",
    None,
);

/// 1-year LPR by fixing date (corrections.md B8), each with the report of that fixing. Rules use the
/// LPR on the loan contract date. A fixing holds until the next one (`until` is left open: the table
/// is read as "last known", [`lpr_on`]).
pub const LPR_1Y: &[Dated<Decimal>] = &[
    from(Date::ymd(2020, 4, 20), None, bp(385), &LPR_2020_04_SOURCE, "2021年12月以前保持不变"),
    from(Date::ymd(2021, 12, 20), None, bp(380), &LPR_2021_12_SOURCE, ""),
    from(Date::ymd(2022, 1, 20), None, bp(370), &LPR_2022_01_SOURCE, ""),
    from(Date::ymd(2022, 8, 22), None, bp(365), &LPR_2022_08_SOURCE, ""),
    from(Date::ymd(2023, 6, 20), None, bp(355), &LPR_2023_06_SOURCE, ""),
    from(Date::ymd(2023, 8, 21), None, bp(345), &LPR_2023_08_SOURCE, ""),
    from(Date::ymd(2024, 7, 22), None, bp(335), &LPR_2024_07_SOURCE, ""),
    from(Date::ymd(2024, 10, 21), None, bp(310), &LPR_2024_10_SOURCE, ""),
    from(Date::ymd(2025, 5, 20), None, bp(300), &LPR_2025_05_SOURCE, ""),
    from(Date::ymd(2025, 12, 22), None, bp(300), &LPR_2025_12_SOURCE, "未变"),
    from(Date::ymd(2026, 1, 20), None, bp(300), &LPR_2026_01_SOURCE, "未变"),
    from(Date::ymd(2026, 2, 24), None, bp(300), &LPR_2026_02_SOURCE, "未变"),
    from(
        Date::ymd(2026, 3, 20),
        None,
        bp(300),
        &LPR_2026_03_SOURCE,
        "未变；报道没有写报价的日子，按惯例为每月20日前后。2026年4月起的报价未查到，按“最近已知”使用",
    ),
];

/// The last LPR fixing known on `day`, and whether `day` is past the last confirmed fixing.
pub fn lpr_on(day: Date) -> Option<(&'static Dated<Decimal>, bool)> {
    let entry = crate::vocabulary::source::last_known(LPR_1Y, day)?;
    Some((entry, day > LPR_LAST_CONFIRMED))
}

/// The latest day whose LPR is confirmed: the March 2026 fixing holds until the next fixing on
/// 2026-04-20, whose value is not found (after-2025.md §3).
pub const LPR_LAST_CONFIRMED: Date = Date::ymd(2026, 4, 19);

/// How the last confirmed fixing is named on screen.
pub const LPR_LAST_CONFIRMED_FIXING: &str = "2026年3月";

/// The dated tables shared by several benefits (minimum wages, the LPR); every table is
/// [`crate::registry::parameters::all`].
pub fn shared() -> Vec<Parameter> {
    let tables =
        vec![
        Parameter {
            id: "min-wage-tier1-monthly",
            benefits: &["public-welfare-post-subsidy", "unemployment-insurance-benefit"],
            name:
                "最低月工资标准（第一档：26个区及两江新区、万盛经开区；2022年4月起另含重庆高新区）",
            unit: "元/月",
            values: MIN_WAGE_TIER1_MONTHLY,
        },
        Parameter {
            id: "min-wage-tier2-monthly",
            benefits: &["public-welfare-post-subsidy"],
            name: "最低月工资标准（第二档：8个县和4个自治县）",
            unit: "元/月",
            values: MIN_WAGE_TIER2_MONTHLY,
        },
        Parameter {
            id: "min-wage-tier1-hourly",
            benefits: &["public-welfare-post-subsidy"],
            name: "非全日制最低小时工资标准（第一档）",
            unit: "元/小时",
            values: MIN_WAGE_TIER1_HOURLY,
        },
        Parameter {
            id: "min-wage-tier2-hourly",
            benefits: &["public-welfare-post-subsidy"],
            name: "非全日制最低小时工资标准（第二档）",
            unit: "元/小时",
            values: MIN_WAGE_TIER2_HOURLY,
        },
        Parameter {
            id: "lpr-1y",
            benefits: &["startup-guaranteed-loan", "enterprise-guaranteed-loan"],
            name: "1年期贷款市场报价利率（LPR）",
            unit: "rate",
            values: LPR_1Y,
        },
    ];
    tables
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wage_tables_are_contiguous_and_ordered() {
        for table in [MIN_WAGE_TIER1_MONTHLY, MIN_WAGE_TIER2_MONTHLY] {
            for pair in table.windows(2) {
                let end = pair[0].until.unwrap();
                assert_eq!(end.add_months(0), end);
                assert!(pair[0].from < pair[1].from);
            }
        }
        assert_eq!(
            crate::vocabulary::source::in_force(MIN_WAGE_TIER1_MONTHLY, Date::ymd(2024, 12, 31))
                .unwrap()
                .value,
            yuan(2100)
        );
    }

    #[test]
    fn lpr_is_last_known() {
        let (entry, stale) = lpr_on(Date::ymd(2026, 11, 29)).unwrap();
        assert_eq!(entry.value, bp(300));
        assert!(stale);
        let (entry, stale) = lpr_on(Date::ymd(2023, 7, 1)).unwrap();
        assert_eq!(entry.value, bp(355));
        assert!(!stale);
        assert!(lpr_on(Date::ymd(2019, 1, 1)).is_none());
    }
}

#[cfg(test)]
mod lpr_source_tests {
    use super::*;

    /// Issue 29, item 10: every fixing cites the report of that fixing (corrections.md §B8), never
    /// one page for all.
    #[test]
    fn every_lpr_fixing_has_its_own_source() {
        for (i, entry) in LPR_1Y.iter().enumerate() {
            assert!(!entry.source.url.is_empty());
            for other in &LPR_1Y[i + 1..] {
                assert_ne!(entry.source.url, other.source.url, "{:?}", other.from);
            }
        }
        assert_eq!(LPR_1Y.first().unwrap().source, &LPR_2020_04_SOURCE);
    }
}
