//! The closed answer sets of the questionnaire. Each option has a stable kebab-case id (used in JSON,
//! links and saved state) and the Chinese label a user taps.

use serde::{Deserialize, Serialize};

macro_rules! choice_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $id:literal : $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $id)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn from_id(id: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.id() == id)
            }
        }
    };
}

choice_enum!(
    /// 脱贫人口 includes 防止返贫监测对象 whose risk is not eliminated (research.md §0); one whose risk is
    /// eliminated stays 脱贫人口 only as a member of a 脱贫户 (issue 29, item 1). The ids are stable
    /// (saved answers, the staff list screening).
    PovertyStatus {
        Alleviated = "alleviated": "是脱贫人口（原建档立卡脱贫户家庭成员）",
        Monitored = "monitored": "是防止返贫致贫对象（监测对象，风险还没消除）",
        MonitoredRiskEliminated = "monitored-risk-eliminated": "是监测对象，但已标注“风险消除”",
        None = "none": "都不是",
    }
);

impl PovertyStatus {
    /// Whether the answer alone settles 脱贫人口（含未消除风险监测对象）, the group of the 2022+ texts
    /// ("脱贫人口（含防止返贫监测对象）"; 万州 2026: "脱贫人口（含未消除风险监测对象）"): `None` for a
    /// 监测对象 whose risk is marked eliminated, who stays 脱贫人口 only as a member of a 脱贫户
    /// ([`crate::engine::facts::Facts::poverty`] asks [`crate::engine::facts::Q::PovertyHousehold`]). From 2026 the national term for
    /// 监测对象 is 防止返贫致贫对象: the same option, treated the same way (after-2025.md N3, N8, C1).
    pub fn settles_poverty(self) -> Option<bool> {
        match self {
            PovertyStatus::Alleviated | PovertyStatus::Monitored => Some(true),
            PovertyStatus::MonitoredRiskEliminated => None,
            PovertyStatus::None => Some(false),
        }
    }

    /// Whether the answer alone settles membership of a 脱贫户 (原建档立卡户), the group of the grants
    /// sourced for 建档立卡（脱贫）students only: `None` for every 监测对象, whose household may or may
    /// not have been 建档立卡 (after-2025.md: 防止返贫致贫对象 need not have been).
    pub fn settles_poverty_household(self) -> Option<bool> {
        match self {
            PovertyStatus::Alleviated => Some(true),
            PovertyStatus::Monitored | PovertyStatus::MonitoredRiskEliminated => None,
            PovertyStatus::None => Some(false),
        }
    }
}

choice_enum!(Sex {
    Female = "female": "女",
    Male = "male": "男",
});

choice_enum!(LabourCapacity {
    Full = "full": "有劳动能力",
    Weak = "weak": "弱劳力（能干轻活）",
    Half = "half": "半劳力（只能干部分活）",
    None = "none": "没有劳动能力",
});

choice_enum!(
    /// What the person mainly does now.
    Activity {
        Employee = "employee": "在单位上班（企业、合作社、车间等）",
        Flexible = "flexible": "灵活就业（打零工、平台接单等，没有营业执照）",
        OwnBusiness = "own-business": "自己开办了个体工商户或公司（有营业执照）",
        PublicWelfarePost = "public-welfare-post": "在公益性岗位上工作",
        Student = "student": "在校学生",
        NotWorking = "not-working": "暂时没有工作",
    }
);

choice_enum!(WorkPlace {
    OwnDistrict = "own-district": "户籍所在区县内",
    OtherDistrict = "other-district": "重庆市内的其他区县",
    Shandong = "shandong": "山东省",
    OtherProvince = "other-province": "重庆以外的其他省份（山东除外）",
});

impl WorkPlace {
    pub fn outside_own_district(self) -> bool {
        self != WorkPlace::OwnDistrict
    }

    pub fn outside_chongqing(self) -> bool {
        matches!(self, WorkPlace::Shandong | WorkPlace::OtherProvince)
    }
}

choice_enum!(SchoolLevel {
    SecondaryVocational = "secondary-vocational": "中职（中专、职高）",
    TechnicalSchool = "technical-school": "技工院校（技工学校、技师学院）",
    HigherVocational = "higher-vocational": "高职（大专）",
    Undergraduate = "undergraduate": "本科及以上",
    Other = "other": "以上都不是（初中、高中等）",
});

impl SchoolLevel {
    /// 高校 (universities and 高职) for the graduate and student job-search subsidies.
    pub fn is_higher_education(self) -> bool {
        matches!(
            self,
            SchoolLevel::HigherVocational | SchoolLevel::Undergraduate
        )
    }

    /// 中职 or 高职 in the sense of 雨露计划 (技工院校 and 技师学院 included, research.md §2.18).
    pub fn is_vocational(self) -> bool {
        matches!(
            self,
            SchoolLevel::SecondaryVocational
                | SchoolLevel::TechnicalSchool
                | SchoolLevel::HigherVocational
        )
    }
}

choice_enum!(TrainingKind {
    Skills = "skills": "职业技能培训（含家庭服务培训）",
    Entrepreneurship = "entrepreneurship": "创业培训",
    None = "none": "今年没有参加培训",
});

choice_enum!(BusinessKind {
    Individual = "individual": "个体工商户",
    SmallFirm = "small-firm": "小型或微型企业",
    Larger = "larger": "中型及以上企业",
});

choice_enum!(
    /// The kind of organisation asking (organisation audiences).
    OrgKind {
        Enterprise = "enterprise": "企业",
        Cooperative = "cooperative": "农民专业合作社",
        FamilyFarm = "family-farm": "家庭农场",
        Workshop = "workshop": "就业帮扶车间、社区工厂、卫星工厂",
        PublicPostDeveloper = "public-post-developer": "公益性岗位开发单位（村委会、社区、机关事业单位等）",
        HrAgency = "hr-agency": "经营性人力资源服务机构",
        LabourBroker = "labour-broker": "劳务经纪人",
        CityIncubator = "city-incubator": "市级创业孵化基地（园区）",
        DistrictIncubator = "district-incubator": "区县级创业孵化基地、返乡入乡创业园",
        AssistanceBase = "assistance-base": "就业帮扶基地",
        LabourBrand = "labour-brand": "劳务品牌",
        HeritageWorkshop = "heritage-workshop": "非遗工坊",
        ServiceSupermarket = "service-supermarket": "村就业服务超市",
    }
);

impl OrgKind {
    /// Which audience door leads to this kind.
    pub fn audience(self) -> crate::vocabulary::catalogue::Audience {
        use crate::vocabulary::catalogue::Audience;
        match self {
            OrgKind::Enterprise
            | OrgKind::Cooperative
            | OrgKind::FamilyFarm
            | OrgKind::Workshop
            | OrgKind::PublicPostDeveloper => Audience::Employer,
            OrgKind::HrAgency | OrgKind::LabourBroker => Audience::Agency,
            _ => Audience::Carrier,
        }
    }

    /// A 生产经营主体 in the sense of the 以工代训 subsidy (enterprises, cooperatives, family farms,
    /// workshops).
    pub fn is_producer(self) -> bool {
        matches!(
            self,
            OrgKind::Enterprise | OrgKind::Cooperative | OrgKind::FamilyFarm | OrgKind::Workshop
        )
    }

    /// Employs people under labour contracts as an enterprise (企业), for the hiring subsidies.
    pub fn is_enterprise_like(self) -> bool {
        matches!(self, OrgKind::Enterprise | OrgKind::Workshop)
    }
}

choice_enum!(
    /// Enterprise size class under 国统字〔2017〕213号.
    OrgSize {
        Micro = "micro": "微型企业",
        Small = "small": "小型企业",
        Medium = "medium": "中型企业",
        Large = "large": "大型企业",
    }
);

choice_enum!(
    /// Yearly evaluation grade (workshops, incubators).
    Grade {
        Excellent = "excellent": "优秀",
        Good = "good": "良好",
        Pass = "pass": "合格",
        Fail = "fail": "不合格",
    }
);

choice_enum!(
    /// Who a roster group is, for the employer and agency subsidies.
    HireIdentity {
        Poverty = "poverty": "脱贫人口（含监测对象）",
        Dibao = "dibao": "登记失业的低保家庭人员",
        ZeroEmployment = "zero-employment": "登记失业的零就业家庭人员",
        FourFifty = "four-fifty": "重庆户籍登记失业的“4050”人员（女40岁、男50岁以上）",
        Disabled = "disabled": "登记失业的残疾人",
        DisabledGraduate = "disabled-graduate": "离校2年内的残疾高校毕业生",
        Graduate = "graduate": "毕业年度或离校2年内未就业高校毕业生",
        Youth = "youth": "登记失业的16—24岁青年",
        LongUnemployed = "long-unemployed": "重庆户籍登记失业半年以上人员",
        Unemployed = "unemployed": "其他登记失业人员",
        Veteran = "veteran": "退役军人",
        Other = "other": "其他人员",
    }
);

choice_enum!(
    /// The kind of a 公益性岗位: town posts under 渝人社发〔2016〕239号, or village posts set by the district.
    PostKind {
        Urban = "urban": "城镇公益性岗位",
        Rural = "rural": "乡村公益性岗位",
    }
);
