//! Chongqing's 区县 (research.md §1.1), the key-county lists (§1.2, §1.3) and minimum-wage tiers (§1.4).
//!
//! 38 区县 until 2026-01-24; from 2026-01-25 江北区 and 渝北区 are abolished and 两江新区 is an administrative
//! district (37 区县). Old ids stay valid so that saved answers and claims dated before the change still
//! work; [`resolve`] maps them for later dates and says so.

use crate::vocabulary::date::Date;
use crate::vocabulary::source::{Confidence, Source};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DistrictKind {
    /// 区
    District,
    /// 县
    County,
    /// 自治县
    AutonomousCounty,
    /// 两江新区 (before 2026-01-25), 重庆高新区, 万盛经开区: own minimum-wage listing, not a 户籍 unit.
    FunctionalZone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct District {
    pub id: &'static str,
    pub name: &'static str,
    pub kind: DistrictKind,
    /// Last day it existed as an administrative unit (江北、渝北: 2026-01-24).
    pub abolished_after: Option<Date>,
    /// First day it is an administrative unit, when that is later than the notice (两江新区: 2026-01-25).
    pub administrative_from: Option<Date>,
}

/// The first minimum-wage notice that names 重庆高新区 (渝人社发〔2021〕52号, from 2022-04-01).
pub const WAGE_NOTICE_NAMING_GAOXIN: Date = Date::ymd(2022, 4, 1);

/// The day 两江新区 became an administrative district and 江北区、渝北区 were abolished.
pub const LIANGJIANG_REFORM: Date = Date::ymd(2026, 1, 25);
const LAST_DAY_BEFORE_REFORM: Date = Date::ymd(2026, 1, 24);

pub const DISTRICT_LIST_SOURCE: Source = Source {
    document: "重庆市人民政府网 区县概况（2026-01-25）；2025-11-06 行政区划调整公告",
    url: "https://cq.gov.cn/zjcq/sqgk/cqsq/202601/t20260125_15350959.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2026, 1, 25)),
};

const fn d(id: &'static str, name: &'static str, kind: DistrictKind) -> District {
    District {
        id,
        name,
        kind,
        abolished_after: None,
        administrative_from: None,
    }
}

use DistrictKind::{AutonomousCounty, County, District as Qu, FunctionalZone};

pub const DISTRICTS: &[District] = &[
    d("wanzhou", "万州区", Qu),
    d("fuling", "涪陵区", Qu),
    d("yuzhong", "渝中区", Qu),
    d("dadukou", "大渡口区", Qu),
    District {
        abolished_after: Some(LAST_DAY_BEFORE_REFORM),
        ..d("jiangbei", "江北区", Qu)
    },
    d("shapingba", "沙坪坝区", Qu),
    d("jiulongpo", "九龙坡区", Qu),
    d("nanan", "南岸区", Qu),
    d("beibei", "北碚区", Qu),
    d("qijiang", "綦江区", Qu),
    d("dazu", "大足区", Qu),
    District {
        abolished_after: Some(LAST_DAY_BEFORE_REFORM),
        ..d("yubei", "渝北区", Qu)
    },
    d("banan", "巴南区", Qu),
    d("qianjiang", "黔江区", Qu),
    d("changshou", "长寿区", Qu),
    d("jiangjin", "江津区", Qu),
    d("hechuan", "合川区", Qu),
    d("yongchuan", "永川区", Qu),
    d("nanchuan", "南川区", Qu),
    d("bishan", "璧山区", Qu),
    d("tongliang", "铜梁区", Qu),
    d("tongnan", "潼南区", Qu),
    d("rongchang", "荣昌区", Qu),
    d("kaizhou", "开州区", Qu),
    d("liangping", "梁平区", Qu),
    d("wulong", "武隆区", Qu),
    District {
        administrative_from: Some(LIANGJIANG_REFORM),
        ..d("liangjiang", "两江新区", FunctionalZone)
    },
    d("chengkou", "城口县", County),
    d("fengdu", "丰都县", County),
    d("dianjiang", "垫江县", County),
    d("zhongxian", "忠县", County),
    d("yunyang", "云阳县", County),
    d("fengjie", "奉节县", County),
    d("wushan", "巫山县", County),
    d("wuxi", "巫溪县", County),
    d("shizhu", "石柱土家族自治县", AutonomousCounty),
    d("xiushan", "秀山土家族苗族自治县", AutonomousCounty),
    d("youyang", "酉阳土家族苗族自治县", AutonomousCounty),
    d("pengshui", "彭水苗族土家族自治县", AutonomousCounty),
    d("gaoxin", "重庆高新区", FunctionalZone),
    d("wansheng", "万盛经开区", FunctionalZone),
];

/// The 14 former national poverty counties, "14个脱贫重点区县" (research.md §1.2; the identification is
/// inferred from the 创业担保贷款 rate rule that names exactly these 14).
pub const KEY_14: [&str; 14] = [
    "wanzhou",
    "qianjiang",
    "kaizhou",
    "wulong",
    "fengdu",
    "chengkou",
    "yunyang",
    "fengjie",
    "wushan",
    "wuxi",
    "shizhu",
    "xiushan",
    "youyang",
    "pengshui",
];

pub const KEY_14_SOURCE: Source = Source {
    document: "重庆人社助企纾困政策服务包（2023版）创业担保贷款",
    url: "https://rlsbj.cq.gov.cn/ztzl/zjskzcfwb/zqskbtp/hqbt/202307/t20230728_12195365_wap.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 7, 28)),
};

/// 国家乡村振兴重点帮扶县 (research.md §1.3).
pub const NATIONAL_KEY_4: [&str; 4] = ["chengkou", "wuxi", "youyang", "pengshui"];

pub const NATIONAL_KEY_4_SOURCE: Source = Source {
    document: "国家乡村振兴重点帮扶县名单（2021-08-27）",
    url: "https://nyncw.cq.gov.cn/ztzl_161/lszt/xczxj/zwgk_231/fdzdgknr/zylyxxgk/202403/t20240325_13074611.html",
    confidence: Confidence::Secondary,
    date: Some(Date::ymd(2024, 3, 25)),
};

/// Towns and streets that changed district on 2026-01-25 (research.md §1.1).
pub const MOVED_AREAS: &[(&str, &str, &str)] = &[
    ("大湾镇", "yubei", "beibei"),
    ("统景镇", "yubei", "beibei"),
    ("大盛镇", "yubei", "beibei"),
    ("兴隆镇", "yubei", "beibei"),
    ("茨竹镇", "yubei", "beibei"),
    ("水土街道", "beibei", "liangjiang"),
    ("复兴街道", "beibei", "liangjiang"),
    ("蔡家岗街道", "beibei", "liangjiang"),
    ("施家梁镇", "beibei", "liangjiang"),
    ("童家溪镇", "beibei", "liangjiang"),
];

pub fn find(id: &str) -> Option<&'static District> {
    DISTRICTS.iter().find(|district| district.id == id)
}

impl District {
    /// Whether it is a 户籍 unit (区/县/自治县) on `day`.
    pub fn is_administrative_on(&self, day: Date) -> bool {
        let started = match self.administrative_from {
            Some(from) => from <= day,
            None => self.kind != FunctionalZone,
        };
        started && self.abolished_after.is_none_or(|last| day <= last)
    }

    pub fn is_key_14(&self) -> bool {
        KEY_14.contains(&self.id)
    }

    pub fn is_national_key_4(&self) -> bool {
        NATIONAL_KEY_4.contains(&self.id)
    }

    /// Minimum-wage tier: 1 for the 26 区 and the 3 zones, 2 for the 8 县 and 4 自治县 (§1.4, corrections 13).
    pub fn wage_tier(&self) -> u8 {
        match self.kind {
            County | AutonomousCounty => 2,
            Qu | FunctionalZone => 1,
        }
    }

    /// The tier on `day`, where a wage notice names the district: 渝人社发〔2018〕229号 (2019-01-01 to
    /// 2022-03-31) names the 26 区, 两江新区 and 万盛经开区 for tier 1 but not 重庆高新区, so its tier
    /// for that period is unknown (`None`), never assumed.
    pub fn wage_tier_on(&self, day: Date) -> Option<u8> {
        if self.id == "gaoxin" && day < WAGE_NOTICE_NAMING_GAOXIN {
            return None;
        }
        Some(self.wage_tier())
    }
}

/// The 区县 a person can pick as 户籍 on `day`: 38 before 2026-01-25, 37 from then on.
pub fn hukou_choices(day: Date) -> impl Iterator<Item = &'static District> {
    DISTRICTS
        .iter()
        .filter(move |district| district.is_administrative_on(day))
}

/// A district id read as of `day`: old ids map to their successor, with a sentence saying so.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resolved {
    pub district: &'static District,
    pub note: Option<String>,
}

pub fn resolve(id: &str, day: Date) -> Option<Resolved> {
    let district = find(id)?;
    if district.abolished_after.is_some_and(|last| day > last) {
        let successor = find("liangjiang")?;
        let moved: Vec<&str> = MOVED_AREAS
            .iter()
            .filter(|(_, from, _)| *from == district.id)
            .map(|(area, _, _)| *area)
            .collect();
        let mut note = format!(
            "{}已于{}撤销，现属{}",
            district.name,
            LIANGJIANG_REFORM.chinese(),
            successor.name
        );
        if !moved.is_empty() {
            note.push_str(&format!("（其中{}现属北碚区）", moved.join("、")));
        }
        return Some(Resolved {
            district: successor,
            note: Some(note),
        });
    }
    // A district that kept its name but gave towns away (北碚 to 两江新区): those who lived there are
    // told where their 户籍 is now (issue 29, item 8).
    let given: Vec<&str> = MOVED_AREAS
        .iter()
        .filter(|(_, from, _)| *from == district.id)
        .map(|(area, _, _)| *area)
        .collect();
    if day >= LIANGJIANG_REFORM && !given.is_empty() {
        let successor = find("liangjiang")?;
        return Some(Resolved {
            district,
            note: Some(format!(
                "{}的{}已于{}划归{}；户口在这几个街镇的，请选{}",
                district.name,
                given.join("、"),
                LIANGJIANG_REFORM.chinese(),
                successor.name,
                successor.name
            )),
        });
    }
    Some(Resolved {
        district,
        note: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_before_and_after_the_reform() {
        assert_eq!(hukou_choices(Date::ymd(2025, 6, 1)).count(), 38);
        assert_eq!(hukou_choices(LAST_DAY_BEFORE_REFORM).count(), 38);
        assert_eq!(hukou_choices(LIANGJIANG_REFORM).count(), 37);
        let tier2 = DISTRICTS.iter().filter(|d| d.wage_tier() == 2).count();
        assert_eq!(tier2, 12);
        assert_eq!(DISTRICTS.len() - tier2, 29);
    }

    #[test]
    fn gaoxin_has_no_tier_before_a_notice_names_it() {
        let gaoxin = find("gaoxin").unwrap();
        assert_eq!(gaoxin.wage_tier_on(Date::ymd(2022, 3, 31)), None);
        assert_eq!(gaoxin.wage_tier_on(WAGE_NOTICE_NAMING_GAOXIN), Some(1));
        let wansheng = find("wansheng").unwrap();
        assert_eq!(wansheng.wage_tier_on(Date::ymd(2020, 1, 1)), Some(1));
    }

    #[test]
    fn key_lists_name_real_districts() {
        for id in KEY_14.iter().chain(NATIONAL_KEY_4.iter()) {
            assert!(find(id).is_some(), "{id}");
        }
        assert!(NATIONAL_KEY_4.iter().all(|id| KEY_14.contains(id)));
    }

    #[test]
    fn old_ids_resolve_to_liangjiang_after_the_reform() {
        let before = resolve("yubei", Date::ymd(2025, 1, 1)).unwrap();
        assert_eq!(before.district.id, "yubei");
        assert!(before.note.is_none());
        let after = resolve("yubei", LIANGJIANG_REFORM).unwrap();
        assert_eq!(after.district.id, "liangjiang");
        assert!(after.note.unwrap().contains("大湾镇"));
        assert!(resolve("atlantis", LIANGJIANG_REFORM).is_none());
    }

    /// Issue 29, item 8: 北碚 keeps its id and name, and from the reform on a 北碚 户籍 is told that
    /// five of its streets and towns now belong to 两江新区; before it, nothing is said.
    #[test]
    fn beibei_says_which_streets_moved_to_liangjiang() {
        let before = resolve("beibei", LAST_DAY_BEFORE_REFORM).unwrap();
        assert_eq!(before.district.id, "beibei");
        assert!(before.note.is_none());
        let after = resolve("beibei", LIANGJIANG_REFORM).unwrap();
        assert_eq!(after.district.id, "beibei");
        let note = after.note.unwrap();
        for street in ["水土街道", "复兴街道", "蔡家岗街道", "施家梁镇", "童家溪镇"]
        {
            assert!(note.contains(street), "{note}");
        }
        assert!(note.contains("两江新区"), "{note}");
        assert!(resolve("wanzhou", LIANGJIANG_REFORM)
            .unwrap()
            .note
            .is_none());
    }
}
