//! What each question says to the user: the policy's own terms, with a one-line plain help text.

use crate::engine::facts::{Answer, AnswerKind, Facts, Q};
use crate::vocabulary::catalogue::Audience;
use crate::vocabulary::choices::*;
use crate::vocabulary::date::Date;
use crate::vocabulary::districts;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Wording {
    pub text: &'static str,
    pub help: &'static str,
}

const fn w(text: &'static str, help: &'static str) -> Wording {
    Wording { text, help }
}

impl Facts {
    /// Sets (or with `None`, clears) the answer to `q`. An answer of the wrong kind, or an unknown
    /// option id, is refused with a message naming the question and changes nothing.
    pub fn set(&mut self, q: Q, answer: Option<&Answer>) -> Result<(), String> {
        if self.assign(q, answer) {
            Ok(())
        } else {
            Err(format!("“{}”的回答无效", wording(q).text))
        }
    }
}

/// The progress line above a question, on every page that asks (the app and the static first
/// screens alike): 第 N 题，还剩约 M 题 · 目前可能符合 X 项（其中 Y 项可以申请）.
pub fn progress_text(number: usize, left: usize, possible: usize, sure: usize) -> String {
    let mut text = if left == 0 {
        format!("第 {number} 题，快答完了")
    } else {
        format!("第 {number} 题，还剩约 {left} 题")
    };
    text.push_str(&format!(" · 目前可能符合 {possible} 项"));
    if sure > 0 {
        text.push_str(&format!("（其中 {sure} 项可以申请）"));
    }
    text
}

/// The Chinese wording of `q`.
pub fn wording(q: Q) -> Wording {
    match q {
        Q::Audience => w("您是？", "个人查自己能领的补贴；单位查招用、安置人员能领的补贴"),
        Q::PovertyStatus => w(
            "您是脱贫人口或防止返贫致贫对象（监测对象）吗？",
            "脱贫人口：以前登记在册的贫困户（“建档立卡户”）、后来脱了贫的家庭成员；监测对象：村里登记的、有再次返贫或致贫风险的家庭成员。2026年起，有返贫致贫风险的农户不论以前是不是贫困户，都可被认定为“防止返贫致贫对象”（以前叫“监测对象”）。不清楚可问村委会",
        ),
        Q::PovertyHousehold => w(
            "您家同时也是脱贫户（原建档立卡贫困户）吗？",
            "监测对象的家庭，有的以前就是建档立卡贫困户（脱贫户），有的不是。脱贫户家庭成员即使监测风险已消除，仍是脱贫人口；不清楚可问村委会",
        ),
        Q::HukouChongqing => w("您的户口在重庆吗？", "看户口簿首页的住址"),
        Q::HukouDistrict => w("户口在哪个区县？", "按户口簿填写；2026年1月25日起，江北区、渝北区并入两江新区，北碚区的水土、复兴、蔡家岗、施家梁、童家溪划归两江新区，渝北区的大湾、统景、大盛、兴隆、茨竹5镇划归北碚区"),
        Q::Age => w("您今年多少周岁？", "按身份证上的出生日期计算"),
        Q::Activity => w("您目前主要在做什么？", "选最接近的一项"),
        Q::Sex => w("您的性别是？", "部分政策对女性40岁、男性50岁以上人员（“4050”人员）有照顾"),
        Q::LabourCapacity => w(
            "您的劳动能力怎么样？",
            "按村里登记的情况填写：弱劳力、半劳力优先安排乡村公益性岗位（政府出钱设的保洁、护林等岗位）",
        ),
        Q::CannotLeaveHome => w(
            "您是否因为照顾家人、身体等原因无法外出务工？",
            "无法外出务工的脱贫人口优先安排乡村公益性岗位",
        ),
        Q::UrbanPension => w(
            "您在按月领取城镇职工基本养老金（退休金）吗？",
            "从单位退休、按月领企业职工或机关事业单位养老金的选“是”；只领城乡居民养老保险养老金的选“否”",
        ),
        Q::WorkPlace => w(
            "您在哪里工作（或经营）？",
            "按现在上班（务工）的地点选；自己开店、办厂的，按经营地点选",
        ),
        Q::RuralTransferWorker => w(
            "您是外出或在本地城镇务工的农村劳动者吗？",
            "农村户籍、从种地转到务工等非农工作的（“农村转移就业劳动者”），可参加补贴性职业技能培训",
        ),
        Q::WorkSince => w("这份工作从哪天开始连续干到现在？", "中间没有断过的开始日期，例如 2025年3月1日"),
        Q::JobSearchReceived => w(
            "以前领过“一次性求职创业补贴”吗？",
            "脱贫人口外出务工的补贴与去山东务工的补贴只能领一样；领过的能否再领，没有查到公开规定",
        ),
        Q::TransportReceived => w("今年已经领过跨区域交通补助吗？", "交通补助每人每年只能领一次"),
        Q::HasTickets => w("有本人的实名制车票吗？", "火车硬座、高铁（动车）二等座、省际或县际班车（长途汽车）的车票"),
        Q::TicketFare => w("往返车票一共多少钱？", "把去程和返程车票上的票价加起来，单位：元"),
        Q::OneWayFare => w(
            "外出务工的去程车票多少钱？",
            "2021年的规定按去程车票票价据实补助，只填去程一张票的票价，单位：元",
        ),
        Q::OrganisedTransfer => w(
            "您是由政府或劳务公司统一组织去山东务工的吗？",
            "即“鲁渝劳务协作”：由区县人社部门、劳务公司统一组织、安排去山东上班的选“是”；自己找去的选“否”",
        ),
        Q::Dibao => w(
            "您家享受城乡低保吗？",
            "低保即最低生活保障，政府每月给困难家庭发的生活补助；家里持有低保证，或民政部门认定的低保家庭选“是”",
        ),
        Q::Tekun => w(
            "您是特困供养人员吗？",
            "没有劳动能力、没有生活来源、也没有人赡养，由政府供养的（“五保户”）；持有民政部门发的特困人员救助供养证",
        ),
        Q::ZeroEmploymentFamily => w("您家是“零就业家庭”吗？", "家里到了工作年龄（16岁到退休）的人都没有工作，并经乡镇（街道）认定"),
        Q::Disabled => w("您本人持有残疾人证吗？", "第二代《中华人民共和国残疾人证》"),
        Q::FamilyDisabled => w("家里有直系亲属持有残疾人证吗？", "父母、配偶、子女等直系亲属"),
        Q::Relocated => w("您家是易地扶贫搬迁户吗？", "从原居住地整体搬迁到安置点的家庭"),
        Q::Veteran => w("您是退役军人吗？", "复员、转业、退役的军人"),
        Q::OvercapacityWorker => w(
            "您是化解过剩产能（去产能）企业的职工或失业人员吗？",
            "原在钢铁、煤炭等企业工作，因企业关停、压减产量（“去产能”）被分流安置或失业的",
        ),
        Q::RuralEntrepreneur => w(
            "您是在农村自主创业的农民（含返乡创业的农民工）吗？",
            "在乡村创办个体工商户、小微企业或合作社等的农民",
        ),
        Q::OnlineMerchant => w("您是在网上开店经营的网络商户吗？", "在电商平台开设网店、自主经营的"),
        Q::ReleasedPrisoner => w(
            "您是刑满释放人员吗？",
            "创业担保贷款的扶持人群之一；只用于判断政策，不会保存到别处",
        ),
        Q::RegisteredUnemployed => w(
            "您现在办理了失业登记吗？",
            "在街道（乡镇）社保所或网上办理的失业登记，免费；没办过选“否”",
        ),
        Q::UnemployedSince => w("失业登记是哪天办的？", "例如 2025年3月1日"),
        Q::CollegeGraduate => w(
            "您是近10年内从大学、大专或高职毕业的吗？",
            "读完大学、大专或高职，毕业（离校）不满10年的选“是”；没上过这些学校，或毕业已超过10年的，选“否”。中专、职高、技校、高中、初中毕业的也选“否”",
        ),
        Q::SchoolLevel => w(
            "您在读的是哪类学校？",
            "为家里的学生查询时，请按学生本人的情况回答",
        ),
        Q::FullTimeStudy => w(
            "是全日制上学吗？",
            "有正式学籍、每天到校上课的选“是”（学校安排到单位实习也算）；函授、自考、夜大等业余学习选“否”",
        ),
        Q::SchoolYear => w("现在读几年级？", "填数字，例如 1"),
        Q::SchoolInChongqing => w("学校在重庆吗？", "学校所在地"),
        Q::FinalYear => w("今年是毕业年度吗？", "即今年（本学年）毕业"),
        Q::GraduatedOn => w("是哪天毕业（离校）的？", "按毕业证上的日期，例如 2025年6月30日"),
        Q::SchoolLeaver => w(
            "您是今年初中或高中毕业、没有继续升学的吗？",
            "即“两后生”：城乡应届初中、高中毕业生未能继续升学的，可参加补贴性职业技能培训",
        ),
        Q::StudentLoan => w("在读期间办理了国家助学贷款吗？", "在学校办的，或在户籍所在区县办的国家助学贷款都算"),
        Q::CqTuitionAid => w(
            "是否享受了“重庆籍建档立卡贫困大学生学费资助”？",
            "“建档立卡”指以前登记在册的贫困户；享受了这项资助的高职学生，不能同时享受雨露计划",
        ),
        Q::FlexibleInsured => w(
            "您是以个人身份缴纳职工养老保险和职工医疗保险吗？",
            "打零工、平台接单等没有单位的人，自己在社保窗口或网上缴纳的职工保险（不是城乡居民保险）",
        ),
        Q::FlexibleContributions => w(
            "上一年自己缴纳的职工养老保险费和职工医疗保险费一共多少钱？",
            "可在“重庆人社”APP或社保窗口查缴费记录，单位：元",
        ),
        Q::FlexibleSubsidyYears => w("已经领过几年灵活就业社保补贴？", "没领过填 0"),
        Q::TrainingKind => w("今年参加了什么培训？", "由人社部门组织或认定的培训"),
        Q::TrainingDays => w("培训一共多少天？", "按培训机构的记录，单位：天"),
        Q::TrainingCertificate => w(
            "培训结束后拿到证书了吗？",
            "职业技能等级证书、专项能力证书或培训合格证书",
        ),
        Q::TrainingSubsidised => w("今年已经享受过一次培训补贴了吗？", "培训补贴每人每年限一次"),
        Q::ReceivingUi => w("您现在正在领失业保险金吗？", "失业保险金：失业后按月领的钱；它和培训期间的生活费补贴不能同时领"),
        Q::BusinessKind => w("您办的营业执照是哪一类？", "看营业执照上的“类型”一栏"),
        Q::BusinessSince => w("营业执照是哪天登记的？", "营业执照上的成立日期，例如 2024年5月1日"),
        Q::FirstBusiness => w("这是您第一次创业（第一次开办企业或个体工商户）吗？", "以前开过并注销的，选“否”"),
        Q::BusinessEmployees => w(
            "除您本人外，雇了几个人并为他们缴纳了五项社会保险？",
            "养老、医疗、失业、工伤、生育保险都缴了的人数",
        ),
        Q::UnemployedBeforeStart => w("创业之前办理过失业登记吗？", "在开办营业执照之前办的失业登记"),
        Q::StartupSubsidyReceived => w(
            "您或配偶领过一次性创业补助吗？",
            "按家庭计算，夫妻一方领过，另一方不能再领",
        ),
        Q::BusinessInChongqing => w("创业项目（经营地点）在重庆吗？", "营业执照上的经营场所"),
        Q::LoanAmount => w(
            "想申请多少创业担保贷款？",
            "创业担保贷款：由政府担保、财政补贴利息的创业贷款。单位：元，例如 300000 或 30万",
        ),
        Q::LoanTermYears => w("打算贷几年？", "个人创业担保贷款期限一般不超过3年"),
        Q::LoanContractDate => w(
            "贷款合同哪天签（还没签的，填打算签的日期）？",
            "例如 2026年8月1日。利率按合同签订那天的1年期贷款市场报价利率（LPR，银行公布的贷款参考利率）计算；不清楚就按查询日期估算",
        ),
        Q::LoanPartners => w(
            "几个人合伙创业、一起申请贷款（包括您自己）？",
            "一个人创业填 1；合伙人也要各自符合创业担保贷款的条件",
        ),
        Q::BusinessDistrict => w(
            "创业项目（营业执照）在哪个区县？",
            "2024年5月以前签的贷款，利率上限按贷款所在区县不同",
        ),
        Q::LoanLpr => w(
            "贷款合同上写的1年期贷款市场报价利率（LPR）是多少（%）？",
            "LPR是银行公布的贷款参考利率，写在贷款合同或银行告知书上，例如 3.0；不清楚就按最近一次查到的利率估算",
        ),
        Q::OtherLoans => w(
            "您或配偶现在还有其他没还清的贷款吗？",
            "助学贷款、脱贫人口小额信贷、住房贷款、购车贷款、5万元以下消费贷不算",
        ),
        Q::BadCredit => w(
            "您有不良信用记录吗？",
            "以前借钱、贷款或信用卡没按时还，被银行记在个人征信（信用记录）上的选“是”",
        ),
        Q::UiYears => w(
            "累计缴纳失业保险多少年？",
            "上班时单位和个人一起缴的失业保险，在“重庆人社”APP可查，单位：年；从未工作、没交过失业保险的填 0",
        ),
        Q::InvoluntaryUnemployment => w(
            "您是非本人意愿失去工作的吗？",
            "例如合同到期单位不续签、单位裁员、单位关闭；自己辞职一般不算",
        ),
        Q::InsuredInChongqing => w(
            "您的失业保险是在重庆参保缴纳的吗？",
            "在重庆市外参保、后来转入重庆领取的，选“否”：4个重点帮扶县的90%标准不适用，按原政策",
        ),
        Q::InsuredDistrict => w(
            "失业保险是在哪个区县缴纳的？",
            "最后一个给您交失业保险的单位所在的区县",
        ),
        Q::FamilyOnPost => w(
            "家里已经有人在公益性岗位上工作吗？",
            "公益性岗位：政府出钱设的保洁、护林、巡逻、看护等岗位。万州区规定家庭成员已在其他公益性岗位上的不再安排；其他区县以当地方案为准",
        ),
        Q::LookingForWork => w("您想找工作或想换一份更好的工作吗？", "可以免费请人帮您出主意、介绍工作（职业指导和职业介绍）"),
        Q::OrgKind => w("贵单位是哪类主体？", "按营业执照、登记证书或认定文件选择"),
        Q::OrgSize => w(
            "企业规模属于哪一类？",
            "按国家统计局《统计上大中小微型企业划分办法》（国统字〔2017〕213号）：看从业人员和营业收入",
        ),
        Q::OrgDistrict => w("单位注册（经营）在哪个区县？", "按营业执照或登记证书上的住所"),
        Q::OrgStaff => w("目前在职职工共多少人？", "含本年新招用人员，单位：人"),
        Q::OrgNoArrears => w(
            "单位是否按时足额发放工资、按规定缴纳社会保险费（没有拖欠）？",
            "创业担保贷款要求没有拖欠职工工资、欠缴社会保险费；都没有拖欠的选“是”",
        ),
        Q::Roster => w(
            "招用（或介绍就业）了哪些人员？",
            "按人员类别分组填写人数、合同期限、社保缴纳月数等；一组一行",
        ),
        Q::AgencyLicensed => w(
            "持有人力资源服务许可证（劳务经纪人持有劳务经纪人证书）吗？",
            "经营性人力资源服务机构须取得许可证；劳务经纪人须经培训考核取得证书",
        ),
        Q::WorkForTrainingRun => w(
            "贵单位是否对吸纳的脱贫人口开展了以工代训？",
            "以工代训：边工作边培训，由单位组织岗位技能培训；只招用、没有开展以工代训的不能享受这项补贴（2021年政策）",
        ),
        Q::WorkshopRecognised => w("车间是否已被认定为区县级就业帮扶车间？", "由区县人力社保、乡村振兴等部门认定"),
        Q::WorkshopNew => w("车间是新建的吗？", "一次性建设补助只面向新建并被评为区县级就业帮扶车间的"),
        Q::WorkshopGrade => w("车间上一年度绩效评估是什么等次？", "由区县组织的年度绩效评估"),
        Q::WorkshopRetained => w(
            "目前稳定就业3个月以上的在岗人员有多少人？",
            "带动就业奖补按这个人数分档：10—19人、20—39人、40人及以上",
        ),
        Q::CarrierRecognised => w("是否已获得相应认定？", "例如区县认定的就业帮扶基地、市级劳务品牌、返乡入乡创业园"),
        Q::IncubatorNew => w("是今年新认定的市级创业孵化基地（园区）吗？", "新认定的可获一次性补贴"),
        Q::IncubatorRecognisedOn => w(
            "是哪天被认定为市级创业孵化基地（园区）的？",
            "按认定文件的日期，例如 2024年3月1日；绩效奖补只在认定后连续3年内发放",
        ),
        Q::IncubatorGrade => w("上一年度绩效评估是什么等次？", "市级基地认定后连续3年开展绩效评估"),
        Q::IncubatorNational => w("是否被评为国家级创业孵化示范基地（园区）？", "评上的可获示范创建奖励"),
    }
}

/// An option a user can pick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerOption {
    pub id: &'static str,
    pub label: &'static str,
}

fn opts<T: Copy>(
    all: &[T],
    id: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<AnswerOption> {
    all.iter()
        .map(|v| AnswerOption {
            id: id(*v),
            label: label(*v),
        })
        .collect()
}

/// The options of a choice or district question on `day` (districts change in 2026); empty otherwise.
pub fn options(q: Q, day: Date) -> Vec<AnswerOption> {
    match q {
        Q::Audience => opts(&Audience::ALL, Audience::id, Audience::label),
        Q::PovertyStatus => opts(PovertyStatus::ALL, PovertyStatus::id, PovertyStatus::label),
        Q::Sex => opts(Sex::ALL, Sex::id, Sex::label),
        Q::LabourCapacity => opts(
            LabourCapacity::ALL,
            LabourCapacity::id,
            LabourCapacity::label,
        ),
        Q::Activity => opts(Activity::ALL, Activity::id, Activity::label),
        Q::WorkPlace => opts(WorkPlace::ALL, WorkPlace::id, WorkPlace::label),
        Q::SchoolLevel => opts(SchoolLevel::ALL, SchoolLevel::id, SchoolLevel::label),
        Q::TrainingKind => opts(TrainingKind::ALL, TrainingKind::id, TrainingKind::label),
        Q::BusinessKind => opts(BusinessKind::ALL, BusinessKind::id, BusinessKind::label),
        Q::OrgKind => opts(OrgKind::ALL, OrgKind::id, OrgKind::label),
        Q::OrgSize => opts(OrgSize::ALL, OrgSize::id, OrgSize::label),
        Q::WorkshopGrade | Q::IncubatorGrade => opts(Grade::ALL, Grade::id, Grade::label),
        Q::OrgDistrict | Q::BusinessDistrict => districts::DISTRICTS
            .iter()
            .filter(|d| {
                d.is_administrative_on(day) || d.kind == districts::DistrictKind::FunctionalZone
            })
            .map(|d| AnswerOption {
                id: d.id,
                label: d.name,
            })
            .collect(),
        Q::HukouDistrict | Q::InsuredDistrict => districts::hukou_choices(day)
            .map(|d| AnswerOption {
                id: d.id,
                label: d.name,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// A question as the questionnaire shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    pub id: Q,
    pub text: &'static str,
    pub help: &'static str,
    pub kind: AnswerKind,
    pub options: Vec<AnswerOption>,
    /// Benefit ids this answer helps decide.
    pub decides: Vec<&'static str>,
}

pub fn question(q: Q, day: Date, decides: Vec<&'static str>) -> Question {
    let Wording { text, help } = wording(q);
    Question {
        id: q,
        text,
        help,
        kind: q.kind(),
        options: options(q, day),
        decides,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_has_wording_and_choices_have_options() {
        let day = Date::ymd(2025, 6, 1);
        for q in Q::ALL {
            let words = wording(*q);
            assert!(
                !words.text.is_empty() && !words.help.is_empty(),
                "{}",
                q.id()
            );
            let has_options = !options(*q, day).is_empty();
            let needs_options = matches!(q.kind(), AnswerKind::Choice | AnswerKind::District);
            assert_eq!(has_options, needs_options, "{}", q.id());
            assert_eq!(Q::from_id(q.id()), Some(*q));
        }
    }

    /// Date examples are written as the app writes dates (2025年3月1日), never 2025-03-01, so that
    /// help texts and the date box's placeholder agree; LPR is explained wherever it appears.
    #[test]
    fn dates_and_terms_read_plainly() {
        for q in Q::ALL {
            let words = wording(*q);
            for text in [words.text, words.help] {
                let bytes = text.as_bytes();
                let iso = bytes
                    .windows(5)
                    .any(|w| w[..4].iter().all(u8::is_ascii_digit) && w[4] == b'-');
                assert!(!iso, "{}: {text}", q.id());
            }
            if words.text.contains("LPR") || words.help.contains("LPR") {
                assert!(
                    words.help.contains("银行公布的贷款参考利率"),
                    "{}: LPR unexplained",
                    q.id()
                );
            }
        }
        assert!(wording(Q::UiYears)
            .help
            .contains("从未工作、没交过失业保险的填 0"));
    }
}
