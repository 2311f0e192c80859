//! The documents people bring and the places they apply (policy/materials.md). Benefits refer to
//! documents by stable id. No office address or phone number is invented: only office kinds, the
//! online channels named by official pages, and the 12333 hotline.

use crate::engine::facts::{Facts, Q};
use crate::engine::logic::{fact, yes, Tri};
use crate::vocabulary::choices::Activity;
use crate::vocabulary::source::{hotline_number, Confidence};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Document {
    pub id: &'static str,
    pub name: &'static str,
    pub confidence: Confidence,
}

/// The longer description of a document, shown on the checklist and policy.html ([`Document::details`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DocumentDetails {
    /// What it proves.
    pub proves: &'static str,
    /// Where to get it if missing.
    pub obtain: &'static str,
    /// Accepted instead (empty when none is known).
    pub alternatives: &'static str,
}

const NO_DETAILS: DocumentDetails = DocumentDetails {
    proves: "",
    obtain: "",
    alternatives: "",
};

impl Document {
    /// What it proves, where to get it, what is accepted instead (a test checks every document has
    /// them).
    pub fn details(&self) -> &'static DocumentDetails {
        DETAILS
            .iter()
            .find(|(id, _)| *id == self.id)
            .map_or(&NO_DETAILS, |(_, details)| details)
    }
}

/// Serialised with its details, as one record (`subsidy-check catalogue`).
impl Serialize for Document {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let details = self.details();
        let mut record = s.serialize_struct("Document", 6)?;
        record.serialize_field("id", self.id)?;
        record.serialize_field("name", self.name)?;
        record.serialize_field("proves", details.proves)?;
        record.serialize_field("obtain", details.obtain)?;
        record.serialize_field("alternatives", details.alternatives)?;
        record.serialize_field("confidence", &self.confidence)?;
        record.end()
    }
}

const fn doc(id: &'static str, name: &'static str, confidence: Confidence) -> Document {
    Document {
        id,
        name,
        confidence,
    }
}

use Confidence::{Official as H, Secondary as M, Weak as L};

/// The de-duplicated catalogue (materials.md, "Documents catalogue").
pub const DOCUMENTS: &[Document] = &[
    doc("id-card", "居民身份证", H),
    doc("social-security-card", "社会保障卡（已激活金融功能）", M),
    doc("household-register", "户口簿（首页和本人页）", H),
    doc("bank-card-own", "本人银行卡（复印件）", H),
    doc("poverty-status-record", "脱贫户、监测对象身份记录", H),
    doc("dibao-certificate", "低保证", H),
    doc("tekun-certificate", "特困人员救助供养证", H),
    doc("disability-certificate", "残疾人证（第二代）", H),
    doc(
        "unemployment-registration",
        "失业登记记录（可申领《就业创业证》）",
        H,
    ),
    doc("graduation-certificate", "毕业证书", H),
    doc("student-loan-proof", "国家助学贷款合同或证明", L),
    doc("study-proof", "就读证明或学信网学籍报告", H),
    doc(
        "employer-employment-statement",
        "用人单位盖章的就业情况说明",
        L,
    ),
    doc("wage-statement-3m", "近3个月工资流水", L),
    doc("social-insurance-record", "社会保险缴费凭证（参保证明）", M),
    doc("travel-tickets-real-name", "本人实名制往返车票（原件）", H),
    doc("business-licence", "营业执照", H),
    doc("labour-contract", "劳动合同或劳务协议", H),
    doc("training-certificate", "培训证书", H),
    doc("veteran-discharge-certificate", "退出现役证（退伍证）", L),
    doc("form-job-search-subsidy", "一次性求职创业补贴申请表", L),
    doc(
        "form-startup-subsidy",
        "重庆市重点群体一次性创业补助申报表",
        H,
    ),
    doc(
        "form-guaranteed-loan-individual",
        "重庆市创业担保贷款申请表（个人）",
        L,
    ),
    doc("form-student-job-search", "在校求职创业补贴申请表", M),
    doc("form-yulu", "雨露计划中高职资助审批表", H),
    doc("form-unemployment-registration", "重庆市失业登记申请表", H),
    doc(
        "form-flexible-si-subsidy",
        "重庆市灵活就业人员社保补贴申请表",
        L,
    ),
    doc(
        "form-zero-employment-family",
        "重庆市零就业家庭认定申请表",
        H,
    ),
    doc(
        "form-employment-registration",
        "单位就业登记申请表（渝人社发〔2018〕174号附件3）",
        H,
    ),
    doc(
        "roster-hires",
        "招用人员花名册（渝人社发〔2018〕174号附件4）",
        H,
    ),
    doc(
        "form-employer-si-subsidy",
        "重庆市用人单位社会保险补贴申请表",
        H,
    ),
    doc(
        "roster-employer-si-subsidy",
        "重庆市申请用人单位社会保险补贴人员花名册",
        H,
    ),
    doc("form-public-welfare-post", "重庆市公益性岗位补贴申请表", H),
    doc(
        "roster-public-welfare-post",
        "重庆市申请公益性岗位补贴人员花名册",
        H,
    ),
    doc("hardship-status-proof", "就业困难人员身份凭证", H),
    doc("hr-service-licence", "人力资源服务许可证", H),
    doc("labour-broker-certificate", "劳务经纪人证书", L),
    doc(
        "premises-proof",
        "可支配场所证明（房屋产权证或租赁合同）",
        L,
    ),
    doc(
        "form-incubator",
        "重庆市市级创业孵化基地（园区）申请表及服务情况统计表",
        L,
    ),
];

/// What each document proves, where to get it and what is accepted instead, by document id: a table
/// of its own, so that a page that only names documents (the residents' results) does not carry it.
const DETAILS: &[(&str, DocumentDetails)] = &[
    (
        "id-card",
        DocumentDetails {
            proves: "本人身份",
            obtain: "户籍所在地公安派出所",
            alternatives: "社会保障卡（办事指南上写的是“居民身份证（社会保障卡）”，两者都可以）",
        },
    ),
    (
        "social-security-card",
        DocumentDetails {
            proves: "身份；多数个人补贴打到这张卡上",
            obtain: "社保卡服务网点或合作银行",
            alternatives: "本人名下其他银行账户（交通补助）",
        },
    ),
    (
        "household-register",
        DocumentDetails {
            proves: "户籍所在区县",
            obtain: "户籍所在地公安派出所",
            alternatives: "",
        },
    ),
    (
        "bank-card-own",
        DocumentDetails {
            proves: "收款账户",
            obtain: "开户银行",
            alternatives: "社会保障卡；雨露计划用学生或家庭成员的农商行卡",
        },
    ),
    (
        "poverty-status-record",
        DocumentDetails {
            proves: "脱贫人口、防止返贫监测对象身份",
            obtain: "办事窗口一般在系统里查，不用自己带；想确认可查《扶贫手册》或问村委会、乡镇",
            alternatives: "",
        },
    ),
    (
        "dibao-certificate",
        DocumentDetails {
            proves: "低保家庭",
            obtain: "民政部门",
            alternatives: "",
        },
    ),
    (
        "tekun-certificate",
        DocumentDetails {
            proves: "特困人员",
            obtain: "民政部门",
            alternatives: "",
        },
    ),
    (
        "disability-certificate",
        DocumentDetails {
            proves: "本人或直系亲属残疾",
            obtain: "残联",
            alternatives: "",
        },
    ),
    (
        "unemployment-registration",
        DocumentDetails {
            proves: "已登记失业",
            obtain: "任一街道（乡镇）社保所，或网上办理，即时办结、免费",
            alternatives: "",
        },
    ),
    (
        "graduation-certificate",
        DocumentDetails {
            proves: "毕业学校和时间",
            obtain: "毕业学校",
            alternatives: "学信网学历记录",
        },
    ),
    (
        "student-loan-proof",
        DocumentDetails {
            proves: "办理了国家助学贷款",
            obtain: "贷款银行或学生资助中心",
            alternatives: "",
        },
    ),
    (
        "study-proof",
        DocumentDetails {
            proves: "在校学籍（在区县外、市外就读时）",
            obtain: "学校或学信网（chsi.com.cn）",
            alternatives: "两者任一",
        },
    ),
    (
        "employer-employment-statement",
        DocumentDetails {
            proves: "现在在哪个单位工作、工作多久",
            obtain: "用人单位",
            alternatives:
                "近3个月工资流水；市外就业也可用近3个月社保缴费凭证；在重庆参保的单位可不提供",
        },
    ),
    (
        "wage-statement-3m",
        DocumentDetails {
            proves: "连续工作3个月",
            obtain: "本人开户银行",
            alternatives: "用人单位就业情况说明",
        },
    ),
    (
        "social-insurance-record",
        DocumentDetails {
            proves: "参保缴费情况",
            obtain: "“重庆人社”APP或社保经办窗口",
            alternatives: "办事窗口一般在系统里查，可以不带",
        },
    ),
    (
        "travel-tickets-real-name",
        DocumentDetails {
            proves: "实际车费",
            obtain: "购票的铁路或客运公司（可补打报销凭证）",
            alternatives: "没有车票的按定额补助",
        },
    ),
    (
        "business-licence",
        DocumentDetails {
            proves: "已登记经营",
            obtain: "市场监管部门",
            alternatives: "网络创业认定；贷款时配偶的个体工商户执照也可",
        },
    ),
    (
        "labour-contract",
        DocumentDetails {
            proves: "用工关系和期限",
            obtain: "用人单位",
            alternatives: "",
        },
    ),
    (
        "training-certificate",
        DocumentDetails {
            proves: "完成培训并取得证书",
            obtain: "培训机构或评价机构",
            alternatives: "",
        },
    ),
    (
        "veteran-discharge-certificate",
        DocumentDetails {
            proves: "退役军人身份",
            obtain: "退役军人事务部门",
            alternatives: "",
        },
    ),
    (
        "form-job-search-subsidy",
        DocumentDetails {
            proves: "申请",
            obtain: "受理窗口领取或网上申请时系统生成",
            alternatives: "",
        },
    ),
    (
        "form-startup-subsidy",
        DocumentDetails {
            proves: "申请",
            obtain: "“重庆智能就业”小程序中生成并电子签名",
            alternatives: "",
        },
    ),
    (
        "form-guaranteed-loan-individual",
        DocumentDetails {
            proves: "申请",
            obtain: "受理窗口或网上申请",
            alternatives: "",
        },
    ),
    (
        "form-student-job-search",
        DocumentDetails {
            proves: "申请",
            obtain: "“重庆就业网”或“重庆就业”公众号网上填写",
            alternatives: "",
        },
    ),
    (
        "form-yulu",
        DocumentDetails {
            proves: "申请",
            obtain: "村委会",
            alternatives: "",
        },
    ),
    (
        "form-unemployment-registration",
        DocumentDetails {
            proves: "失业登记",
            obtain: "街道（乡镇）社保所或网上",
            alternatives: "",
        },
    ),
    (
        "form-flexible-si-subsidy",
        DocumentDetails {
            proves: "申请（需先办理就业登记并备案）",
            obtain: "街道（乡镇）公共就业服务机构",
            alternatives: "",
        },
    ),
    (
        "form-zero-employment-family",
        DocumentDetails {
            proves: "零就业家庭认定",
            obtain: "乡镇（街道）公共就业服务机构或网上",
            alternatives: "",
        },
    ),
    (
        "form-employment-registration",
        DocumentDetails {
            proves: "招用人员已办理就业登记",
            obtain: "区县就业和人才服务机构或网上",
            alternatives: "",
        },
    ),
    (
        "roster-hires",
        DocumentDetails {
            proves: "招用了哪些人员",
            obtain: "单位自行填写",
            alternatives: "",
        },
    ),
    (
        "form-employer-si-subsidy",
        DocumentDetails {
            proves: "申请",
            obtain: "区县就业和人才中心或网上生成",
            alternatives: "",
        },
    ),
    (
        "roster-employer-si-subsidy",
        DocumentDetails {
            proves: "申请补贴的人员",
            obtain: "单位自行填写",
            alternatives: "",
        },
    ),
    (
        "form-public-welfare-post",
        DocumentDetails {
            proves: "申请",
            obtain: "区县就业和人才中心",
            alternatives: "",
        },
    ),
    (
        "roster-public-welfare-post",
        DocumentDetails {
            proves: "在岗人员",
            obtain: "单位自行填写",
            alternatives: "",
        },
    ),
    (
        "hardship-status-proof",
        DocumentDetails {
            proves: "招用或安置人员属于就业困难人员、脱贫人口",
            obtain: "人员本人；多数身份办事窗口会在系统里查",
            alternatives: "",
        },
    ),
    (
        "hr-service-licence",
        DocumentDetails {
            proves: "可以从事职业中介活动",
            obtain:
                "区县或市人力社保部门（告知承诺制：书面承诺符合条件即可先办，可在“渝快办”办理）",
            alternatives: "",
        },
    ),
    (
        "labour-broker-certificate",
        DocumentDetails {
            proves: "劳务经纪人经培训考核合格",
            obtain: "请向区县人力社保部门咨询",
            alternatives: "",
        },
    ),
    (
        "premises-proof",
        DocumentDetails {
            proves: "基地（园区）的场地",
            obtain: "产权人或出租方",
            alternatives: "两者任一",
        },
    ),
    (
        "form-incubator",
        DocumentDetails {
            proves: "申请",
            obtain: "区县人力社保部门或重庆市公共就业服务网",
            alternatives: "",
        },
    ),
];

pub fn find(id: &str) -> Option<&'static Document> {
    DOCUMENTS.iter().find(|d| d.id == id)
}

/// How a document must be brought.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// Bring the original.
    Original,
    /// Bring a copy.
    Copy,
    /// Show the original; it is not kept.
    Shown,
    /// Filled in at the office or online.
    FillIn,
    /// Checked by the office in its systems; nothing to bring.
    CheckedInSystem,
}

impl Form {
    pub fn label(self) -> &'static str {
        match self {
            Form::Original => "原件",
            Form::Copy => "复印件",
            Form::Shown => "出示原件",
            Form::FillIn => "现场或网上填写",
            Form::CheckedInSystem => "办事窗口在系统里查，一般不用带",
        }
    }
}

/// Who a document concerns, as a test of the answers, kept beside the words of
/// [`DocumentNeed::only_if`]: a need whose test is known to fail for the person is left out of the
/// lists ([`applicable`]); an unknown one stays with its note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applies {
    /// Everyone applying for the benefit.
    Always,
    /// The person is disabled.
    Disabled,
    /// The person or a family member is disabled.
    DisabledOrFamily,
    Veteran,
    Dibao,
    Tekun,
    /// 脱贫人口 or 防止返贫监测对象.
    Poverty,
    /// Not 脱贫人口.
    NotPoverty,
    StudentLoan,
    /// Works for an employer (在单位上班).
    Employee,
    /// Kept the real-name tickets of the trip.
    HasTickets,
    /// Registered as unemployed.
    RegisteredUnemployed,
}

impl Applies {
    /// Whether the document concerns the person with these answers.
    pub fn test(self, facts: &Facts) -> Tri {
        match self {
            Applies::Always => Tri::Yes,
            Applies::Disabled => yes(facts.disabled, Q::Disabled),
            Applies::DisabledOrFamily => {
                yes(facts.disabled, Q::Disabled).or(yes(facts.family_disabled, Q::FamilyDisabled))
            }
            Applies::Veteran => yes(facts.veteran, Q::Veteran),
            Applies::Dibao => yes(facts.dibao, Q::Dibao),
            Applies::Tekun => yes(facts.tekun, Q::Tekun),
            Applies::Poverty => facts.poverty(),
            Applies::NotPoverty => facts.poverty().not(),
            Applies::StudentLoan => yes(facts.student_loan, Q::StudentLoan),
            Applies::Employee => fact(facts.activity, Q::Activity, |a| a == Activity::Employee),
            Applies::HasTickets => yes(facts.has_tickets, Q::HasTickets),
            Applies::RegisteredUnemployed => {
                yes(facts.registered_unemployed, Q::RegisteredUnemployed)
            }
        }
    }

    /// Who a document itself concerns, whatever the benefit: nobody who is not disabled needs a
    /// 残疾人证, nobody who did not serve a 退伍证.
    pub fn of_document(id: &str) -> Applies {
        match id {
            "disability-certificate" => Applies::DisabledOrFamily,
            "veteran-discharge-certificate" => Applies::Veteran,
            "dibao-certificate" => Applies::Dibao,
            "tekun-certificate" => Applies::Tekun,
            "student-loan-proof" => Applies::StudentLoan,
            "poverty-status-record" => Applies::Poverty,
            _ => Applies::Always,
        }
    }
}

/// A document a benefit asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DocumentNeed {
    pub document: &'static str,
    pub form: Form,
    /// When only some applicants need it ("在市外就读的"); empty when everyone does.
    pub only_if: &'static str,
    /// The same, as a test of the answers where it can be checked ([`Applies::Always`] when it
    /// cannot); the document's own test ([`Applies::of_document`]) applies as well.
    pub applies: Applies,
}

impl DocumentNeed {
    /// Whether this person needs it: yes, no, or unknown (then shown with its `only_if` note).
    pub fn applies_to(&self, facts: &Facts) -> Tri {
        self.applies
            .test(facts)
            .and(Applies::of_document(self.document).test(facts))
    }
}

/// The needs that may concern this person: those known not to apply (a 残疾人证 for someone who
/// said they are not disabled) are left out; unknown ones stay, with their `only_if` note. Both the
/// results' cards and the merged checklist list documents through this.
pub fn applicable<'a>(
    needs: &'a [DocumentNeed],
    facts: &'a Facts,
) -> impl Iterator<Item = &'a DocumentNeed> + 'a {
    needs
        .iter()
        .filter(move |need| need.applies_to(facts) != Tri::No)
}

pub const fn need(document: &'static str, form: Form) -> DocumentNeed {
    DocumentNeed {
        document,
        form,
        only_if: "",
        applies: Applies::Always,
    }
}

/// A need for some applicants only, in words; the document's own test ([`Applies::of_document`])
/// still filters it. Prefer [`need_when`] where the words can be checked.
pub const fn need_if(document: &'static str, form: Form, only_if: &'static str) -> DocumentNeed {
    DocumentNeed {
        document,
        form,
        only_if,
        applies: Applies::Always,
    }
}

/// A need for some applicants only, in words and as a test of the answers.
pub const fn need_when(
    document: &'static str,
    form: Form,
    only_if: &'static str,
    applies: Applies,
) -> DocumentNeed {
    DocumentNeed {
        document,
        form,
        only_if,
        applies,
    }
}

/// What to bring for one benefit and where to apply: declared beside its rule, but apart from the
/// [`crate::engine::rule::Benefit`] so that a build that only evaluates (the residents' questionnaire,
/// which picks the next question) links none of these texts; the results read them through
/// `BenefitReport::guide` (the registry's lists, [`crate::registry::guides`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Guide {
    /// The benefit's catalogue id.
    pub benefit: &'static str,
    pub documents: &'static [DocumentNeed],
    pub apply: &'static HowToApply,
}

/// Where and how to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct HowToApply {
    /// 免申即享: paid without an application.
    pub automatic: bool,
    /// The office kind, e.g. 街道（乡镇）社保所.
    pub office: &'static str,
    /// Online channels named by official pages; empty when none.
    pub online: &'static str,
    /// When; "请向区县人力社保部门咨询" when unknown.
    pub window: &'static str,
    /// What happens after applying (公示, payment), as far as sources say.
    pub steps: &'static str,
    pub confidence: Confidence,
}

impl HowToApply {
    /// Applied for at the 区县人力社保部门, whose window no source publishes (请向区县人力社保部门咨询),
    /// with `steps` as far as a source of `confidence` says.
    pub const fn at_district(steps: &'static str, confidence: Confidence) -> HowToApply {
        HowToApply {
            automatic: false,
            office: "区县人力社保部门",
            online: "",
            window: ASK_DISTRICT,
            steps,
            confidence,
        }
    }
}

/// 免申即享 with what it means, for its first use on a page.
pub const AUTOMATIC: &str = "免申即享（不用申请，符合条件直接发放）";

/// The LPR, said in full on its first use on a page.
pub const LPR_EXPLAINED: &str = "贷款市场报价利率（LPR）";

/// One line on what the LPR is, beside a box that asks for it.
pub const LPR_HELP: &str =
    "LPR 即贷款市场报价利率，是银行定贷款利率的参考数，每月公布一次，贷款合同上写着。";

/// Where `text` (plain or HTML) first says "LPR" without saying it in full ([`LPR_EXPLAINED`])
/// before: the place to put [`LPR_EXPLAINED`] instead of the 3 bytes of `LPR`.
pub fn first_unexplained_lpr(text: &str) -> Option<usize> {
    match (text.find("LPR"), text.find(LPR_EXPLAINED)) {
        (Some(first), explained)
            if explained.is_none_or(|at| at + "贷款市场报价利率（".len() > first) =>
        {
            Some(first)
        }
        _ => None,
    }
}

/// `text` with its first "LPR" said in full, unless it already is ([`first_unexplained_lpr`]).
pub fn explain_first_lpr(text: &str) -> String {
    match first_unexplained_lpr(text) {
        Some(first) => format!("{}{LPR_EXPLAINED}{}", &text[..first], &text[first + 3..]),
        None => text.to_string(),
    }
}

/// The number to dial (also for `tel:` links).
pub const HOTLINE_NUMBER: &str = hotline_number!();
pub const HOTLINE: &str = concat!(
    hotline_number!(),
    "（重庆人社服务热线，市外拨打 023-",
    hotline_number!(),
    "）"
);
pub const ASK_DISTRICT: &str = "请向区县人力社保部门咨询";

/// Benefits whose list of documents no source publishes (materials.md marks it UNKNOWN), with the office
/// to ask: the documents shown for them, if any, are those the rules point to, not a published list
/// (issue 29, item 12).
pub const UNPUBLISHED_LISTS: &[(&str, &str)] = &[
    (
        "graduate-job-search-subsidy",
        "街道（乡镇）公共就业创业服务机构或区县人力社保政务服务大厅",
    ),
    ("rural-public-welfare-post", "户籍所在村（社区）或镇街"),
    ("lu-yu-cooperation-subsidies", "户籍所在区县人力社保局"),
    ("placement-subsidy", "区县公共就业服务机构"),
    (
        "enterprise-guaranteed-loan",
        "企业注册地的街道（乡镇）公共就业服务机构或合作银行",
    ),
    (
        "workshop-construction-grant",
        "区县乡村振兴（农业农村）部门",
    ),
    (
        "workshop-employment-award",
        "区县人力社保局（就业和人才中心）",
    ),
    ("workshop-fee-relief", "区县人力社保局"),
    ("employment-assistance-base-award", "区县人力社保局"),
    ("labour-brand-award", "区县人力社保局"),
    ("heritage-workshop-support", "区县文化旅游部门或人力社保局"),
    ("employment-service-supermarket-award", "区县人力社保局"),
];

/// "材料清单未公布 …" for a benefit whose list is not published, with whom to ask; `None` otherwise.
pub fn list_unpublished(benefit: &str) -> Option<String> {
    UNPUBLISHED_LISTS
        .iter()
        .find(|(id, _)| *id == benefit)
        .map(|(_, office)| {
            format!("材料清单未公布：办理前请向{office}确认所需材料，或拨打{HOTLINE_NUMBER}；这里列出的（如有）只是按规定可能要用到的材料")
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn unpublished_lists_name_catalogue_benefits() {
        for (id, office) in super::UNPUBLISHED_LISTS {
            assert!(crate::registry::catalogue::find(id).is_some(), "{id}");
            assert!(!office.is_empty());
        }
        assert!(super::list_unpublished("graduate-job-search-subsidy")
            .unwrap()
            .starts_with("材料清单未公布"));
        assert!(super::list_unpublished("job-search-subsidy").is_none());
    }

    use super::*;

    #[test]
    fn every_document_has_its_details_and_no_details_are_orphaned() {
        for d in DOCUMENTS {
            assert!(!d.details().proves.is_empty(), "{}", d.id);
            assert!(!d.details().obtain.is_empty(), "{}", d.id);
        }
        for (id, _) in DETAILS {
            assert!(find(id).is_some(), "details of an unknown document {id}");
        }
    }

    #[test]
    fn hotline_text_starts_with_its_number() {
        assert!(HOTLINE.starts_with(HOTLINE_NUMBER));
    }

    #[test]
    fn ids_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for d in DOCUMENTS {
            assert!(seen.insert(d.id), "duplicate {}", d.id);
        }
    }

    #[test]
    fn needs_known_not_to_apply_are_left_out_and_unknown_ones_kept() {
        const NEEDS: &[DocumentNeed] = &[
            need("id-card", Form::Shown),
            need_if("disability-certificate", Form::Shown, "按残疾申请的"),
            need_if("veteran-discharge-certificate", Form::Copy, "退役军人"),
            need_when(
                "travel-tickets-real-name",
                Form::Original,
                "要按实际车费补足差额的",
                Applies::HasTickets,
            ),
        ];
        let ids =
            |facts: &Facts| -> Vec<&str> { applicable(NEEDS, facts).map(|n| n.document).collect() };
        assert_eq!(ids(&Facts::default()).len(), 4);
        let none = Facts {
            disabled: Some(false),
            family_disabled: Some(false),
            veteran: Some(false),
            has_tickets: Some(false),
            ..Facts::default()
        };
        assert_eq!(ids(&none), vec!["id-card"]);
        // A disabled family member is enough for the 残疾人证; the person's own "no" is not.
        let family = Facts {
            disabled: Some(false),
            ..Facts::default()
        };
        assert!(ids(&family).contains(&"disability-certificate"));
        let all = Facts {
            disabled: Some(true),
            veteran: Some(true),
            has_tickets: Some(true),
            ..Facts::default()
        };
        assert_eq!(ids(&all).len(), 4);
    }

    #[test]
    fn the_first_lpr_is_said_in_full_once() {
        assert_eq!(
            explain_first_lpr("按LPR−1.5%，LPR每月公布"),
            "按贷款市场报价利率（LPR）−1.5%，LPR每月公布"
        );
        let said = "1年期贷款市场报价利率（LPR）为3%，LPR每月公布";
        assert_eq!(explain_first_lpr(said), said);
        assert_eq!(explain_first_lpr("没有"), "没有");
    }
}
