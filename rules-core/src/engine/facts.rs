//! The answers a user gives: sparse (every answer optional), serialisable, versioned.
//!
//! Each field is one question; its JSON key is the question's stable id (see [`Q`]). A missing answer is
//! "unknown", never a default. Values are checked by [`Facts::validate`]; invalid ones are reported as
//! findings and treated as unknown by the evaluation.

use crate::vocabulary::catalogue::Audience;
use crate::vocabulary::choices::*;
use crate::vocabulary::date::Date;
use crate::vocabulary::districts;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What saved answers written by a newer version than this one are told (the app's pages and the CLI
/// say it alike).
pub const SAVED_BY_NEWER_VERSION: &str =
    "保存的回答来自较新的版本，这一版本无法读取，请使用最新版本";

/// The version written into saved answers; older or newer data is refused with a message.
pub const FACTS_VERSION: u32 = 1;

fn current_version() -> u32 {
    FACTS_VERSION
}

/// A 区县 id from [`districts::DISTRICTS`], kept as text so that an unknown id is a finding, not a crash.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DistrictId(pub String);

/// One answer, in the form the questionnaire and links handle generically.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    Bool(bool),
    /// An option id (choices and districts).
    Choice(String),
    Count(u32),
    Money(Decimal),
    Date(Date),
    /// Groups of hires or placements (organisations).
    Roster(Vec<crate::engine::roster::HireGroup>),
}

/// What kind of input a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnswerKind {
    YesNo,
    Choice,
    District,
    Count,
    Money,
    Date,
    Roster,
}

/// A type that can hold one answer.
pub trait FactValue: Sized {
    const KIND: AnswerKind;
    fn to_answer(&self) -> Answer;
    fn from_answer(answer: &Answer) -> Option<Self>;
}

impl FactValue for bool {
    const KIND: AnswerKind = AnswerKind::YesNo;
    fn to_answer(&self) -> Answer {
        Answer::Bool(*self)
    }
    fn from_answer(answer: &Answer) -> Option<Self> {
        match answer {
            Answer::Bool(value) => Some(*value),
            _ => None,
        }
    }
}

impl FactValue for u32 {
    const KIND: AnswerKind = AnswerKind::Count;
    fn to_answer(&self) -> Answer {
        Answer::Count(*self)
    }
    fn from_answer(answer: &Answer) -> Option<Self> {
        match answer {
            Answer::Count(value) => Some(*value),
            _ => None,
        }
    }
}

impl FactValue for Decimal {
    const KIND: AnswerKind = AnswerKind::Money;
    fn to_answer(&self) -> Answer {
        Answer::Money(*self)
    }
    fn from_answer(answer: &Answer) -> Option<Self> {
        match answer {
            Answer::Money(value) => Some(*value),
            Answer::Count(value) => Some(Decimal::from(*value)),
            _ => None,
        }
    }
}

impl FactValue for Date {
    const KIND: AnswerKind = AnswerKind::Date;
    fn to_answer(&self) -> Answer {
        Answer::Date(*self)
    }
    fn from_answer(answer: &Answer) -> Option<Self> {
        match answer {
            Answer::Date(value) => Some(*value),
            _ => None,
        }
    }
}

impl FactValue for DistrictId {
    const KIND: AnswerKind = AnswerKind::District;
    fn to_answer(&self) -> Answer {
        Answer::Choice(self.0.clone())
    }
    fn from_answer(answer: &Answer) -> Option<Self> {
        match answer {
            Answer::Choice(id) => districts::find(id).map(|d| DistrictId(d.id.to_string())),
            _ => None,
        }
    }
}

macro_rules! choice_fact {
    ($($ty:ty),*) => {$(
        impl FactValue for $ty {
            const KIND: AnswerKind = AnswerKind::Choice;
            fn to_answer(&self) -> Answer {
                Answer::Choice(self.id().to_string())
            }
            fn from_answer(answer: &Answer) -> Option<Self> {
                match answer {
                    Answer::Choice(id) => <$ty>::from_id(id),
                    _ => None,
                }
            }
        }
    )*};
}

choice_fact!(
    Audience,
    PovertyStatus,
    Sex,
    LabourCapacity,
    Activity,
    WorkPlace,
    SchoolLevel,
    TrainingKind,
    BusinessKind,
    OrgKind,
    OrgSize,
    Grade
);

impl FactValue for Vec<crate::engine::roster::HireGroup> {
    const KIND: AnswerKind = AnswerKind::Roster;
    fn to_answer(&self) -> Answer {
        Answer::Roster(self.clone())
    }
    fn from_answer(answer: &Answer) -> Option<Self> {
        match answer {
            Answer::Roster(groups) => Some(groups.clone()),
            _ => None,
        }
    }
}

macro_rules! facts {
    ($( $(#[$doc:meta])* $field:ident : $ty:ty => $variant:ident = $id:literal ),+ $(,)?) => {
        /// Every answer a person can give. JSON keys are the question ids.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(default, deny_unknown_fields)]
        pub struct Facts {
            /// Guards saved data: see [`FACTS_VERSION`].
            #[serde(default = "current_version")]
            pub version: u32,
            $(
                $(#[$doc])*
                #[serde(rename = $id, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )+
        }

        impl Default for Facts {
            fn default() -> Facts {
                Facts { version: FACTS_VERSION, $($field: None),+ }
            }
        }

        /// A question, one per fact. The id is stable (URLs, saved state, tests).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum Q {
            $( #[serde(rename = $id)] $variant ),+
        }

        impl Q {
            /// In the order the questionnaire prefers when several questions decide equally much.
            pub const ALL: &'static [Q] = &[$(Q::$variant),+];

            pub fn id(self) -> &'static str {
                match self { $(Q::$variant => $id),+ }
            }

            pub fn from_id(id: &str) -> Option<Q> {
                Q::ALL.iter().copied().find(|q| q.id() == id)
            }

            pub fn kind(self) -> AnswerKind {
                match self { $(Q::$variant => <$ty as FactValue>::KIND),+ }
            }
        }

        impl Facts {
            /// The answer to `q`, if given.
            pub fn get(&self, q: Q) -> Option<Answer> {
                match q { $(Q::$variant => self.$field.as_ref().map(FactValue::to_answer)),+ }
            }

            /// Sets (or with `None`, clears) the answer to `q`; false, changing nothing, for an answer
            /// of the wrong kind or an unknown option id. [`Facts::set`] says why in words.
            pub fn assign(&mut self, q: Q, answer: Option<&Answer>) -> bool {
                // One small arm per field and one error path: this function is in the browser build.
                let accepted = match q {
                    $(Q::$variant => match answer {
                        None => {
                            self.$field = None;
                            true
                        }
                        Some(answer) => match <$ty as FactValue>::from_answer(answer) {
                            Some(value) => {
                                self.$field = Some(value);
                                true
                            }
                            None => false,
                        },
                    },)+
                };
                accepted
            }

            /// The questions answered so far.
            pub fn answered(&self) -> impl Iterator<Item = Q> + '_ {
                Q::ALL.iter().copied().filter(move |q| self.is_answered(*q))
            }

            pub fn is_answered(&self, q: Q) -> bool {
                match q { $(Q::$variant => self.$field.is_some()),+ }
            }
        }
    };
}

facts! {
    /// Who is asking: a person, or an organisation (issue: organisation benefits).
    audience: Audience => Audience = "audience",
    poverty_status: PovertyStatus => PovertyStatus = "poverty-status",
    /// The household is (also) a 脱贫户 (原建档立卡户): asked of 监测对象 only, for whom it decides
    /// whether they stay 脱贫人口 once their risk is marked eliminated, and whether the grants sourced
    /// for 建档立卡（脱贫）students apply (issue 29, items 1 and 9).
    poverty_household: bool => PovertyHousehold = "poverty-household",
    hukou_chongqing: bool => HukouChongqing = "hukou-chongqing",
    hukou_district: DistrictId => HukouDistrict = "hukou-district",
    age: u32 => Age = "age",
    activity: Activity => Activity = "activity",
    sex: Sex => Sex = "sex",
    labour_capacity: LabourCapacity => LabourCapacity = "labour-capacity",
    /// Cannot leave home to work (caring for family, health …): placed first on village posts.
    cannot_leave_home: bool => CannotLeaveHome = "cannot-leave-home",
    /// Draws a 城镇职工基本养老金 (urban employee pension): 万州 excludes such people from village
    /// posts (materials.md §8).
    urban_pension: bool => UrbanPension = "urban-pension",
    work_place: WorkPlace => WorkPlace = "work-place",
    /// A rural worker who has moved into non-farm work (农村转移就业劳动者).
    rural_transfer_worker: bool => RuralTransferWorker = "rural-transfer-worker",
    /// Start of the current, continuous employment.
    work_since: Date => WorkSince = "work-since",
    job_search_received: bool => JobSearchReceived = "job-search-received",
    transport_received: bool => TransportReceived = "transport-received",
    has_tickets: bool => HasTickets = "has-tickets",
    /// Total real-name fare of this year's trip (round trip).
    ticket_fare: Decimal => TicketFare = "ticket-fare",
    /// The real-name fare of the outward (去程) trip alone, for claims under the 2021 rule.
    one_way_fare: Decimal => OneWayFare = "one-way-fare",
    organised_transfer: bool => OrganisedTransfer = "organised-transfer",
    dibao: bool => Dibao = "dibao",
    tekun: bool => Tekun = "tekun",
    zero_employment_family: bool => ZeroEmploymentFamily = "zero-employment-family",
    disabled: bool => Disabled = "disabled",
    family_disabled: bool => FamilyDisabled = "family-disabled",
    relocated: bool => Relocated = "relocated",
    veteran: bool => Veteran = "veteran",
    /// A worker or unemployed person from an enterprise cutting overcapacity (去产能职工).
    overcapacity_worker: bool => OvercapacityWorker = "overcapacity-worker",
    /// A farmer starting a business in the countryside (农村自主创业农民, 返乡创业农民工 included).
    rural_entrepreneur: bool => RuralEntrepreneur = "rural-entrepreneur",
    /// Runs an online shop (网络商户), a group of the guaranteed loan.
    online_merchant: bool => OnlineMerchant = "online-merchant",
    /// Released after serving a sentence (刑满释放人员), a group of the guaranteed loan.
    released_prisoner: bool => ReleasedPrisoner = "released-prisoner",
    registered_unemployed: bool => RegisteredUnemployed = "registered-unemployed",
    unemployed_since: Date => UnemployedSince = "unemployed-since",
    /// A 高校 (university, 大专 or 高职) graduate of the last 10 years: the gate of every graduate
    /// branch, so that nobody else is asked about schools or graduation days.
    college_graduate: bool => CollegeGraduate = "college-graduate",
    /// The school a student attends now (students' benefits only).
    school_level: SchoolLevel => SchoolLevel = "school-level",
    full_time_study: bool => FullTimeStudy = "full-time-study",
    school_year: u32 => SchoolYear = "school-year",
    school_in_chongqing: bool => SchoolInChongqing = "school-in-chongqing",
    final_year: bool => FinalYear = "final-year",
    graduated_on: Date => GraduatedOn = "graduated-on",
    /// A 应届 junior or senior secondary graduate not going on to further study (“两后生”).
    school_leaver: bool => SchoolLeaver = "school-leaver",
    student_loan: bool => StudentLoan = "student-loan",
    cq_tuition_aid: bool => CqTuitionAid = "cq-tuition-aid",
    flexible_insured: bool => FlexibleInsured = "flexible-insured",
    /// Last year's 职工养老 + 职工医疗 contributions paid as an individual.
    flexible_contributions: Decimal => FlexibleContributions = "flexible-contributions",
    flexible_subsidy_years: u32 => FlexibleSubsidyYears = "flexible-subsidy-years",
    training_kind: TrainingKind => TrainingKind = "training-kind",
    training_days: u32 => TrainingDays = "training-days",
    training_certificate: bool => TrainingCertificate = "training-certificate",
    training_subsidised: bool => TrainingSubsidised = "training-subsidised",
    receiving_ui: bool => ReceivingUi = "receiving-ui",
    business_kind: BusinessKind => BusinessKind = "business-kind",
    business_since: Date => BusinessSince = "business-since",
    first_business: bool => FirstBusiness = "first-business",
    /// Employees besides the owner for whom all five insurances are paid.
    business_employees: u32 => BusinessEmployees = "business-employees",
    unemployed_before_start: bool => UnemployedBeforeStart = "unemployed-before-start",
    startup_subsidy_received: bool => StartupSubsidyReceived = "startup-subsidy-received",
    /// No longer asked: where a business operates is [`Q::WorkPlace`] (one question for work and
    /// business). Kept so that saved answers still read.
    business_in_chongqing: bool => BusinessInChongqing = "business-in-chongqing",
    loan_amount: Decimal => LoanAmount = "loan-amount",
    loan_term_years: u32 => LoanTermYears = "loan-term-years",
    /// The day the loan contract is (or will be) signed: its LPR and the rules of that day apply.
    loan_contract_date: Date => LoanContractDate = "loan-contract-date",
    /// The 1-year LPR written in the contract, in percent (3.0 = 3.0 %), for fixings not yet in
    /// the rules' table.
    loan_lpr: Decimal => LoanLpr = "loan-lpr",
    /// Qualifying partners borrowing together, the person included (1: alone).
    loan_partners: u32 => LoanPartners = "loan-partners",
    /// Where the business (and so the loan) is: before 2024 the 14 key 区县 had a higher rate cap.
    business_district: DistrictId => BusinessDistrict = "business-district",
    other_loans: bool => OtherLoans = "other-loans",
    bad_credit: bool => BadCredit = "bad-credit",
    ui_years: u32 => UiYears = "ui-years",
    involuntary_unemployment: bool => InvoluntaryUnemployment = "involuntary-unemployment",
    /// Insured against unemployment in Chongqing (not insured elsewhere and transferred in).
    insured_in_chongqing: bool => InsuredInChongqing = "insured-in-chongqing",
    insured_district: DistrictId => InsuredDistrict = "insured-district",
    family_on_post: bool => FamilyOnPost = "family-on-post",
    looking_for_work: bool => LookingForWork = "looking-for-work",
    // Organisations (employer, agency and carrier audiences).
    org_kind: OrgKind => OrgKind = "org-kind",
    org_size: OrgSize => OrgSize = "org-size",
    org_district: DistrictId => OrgDistrict = "org-district",
    /// Current staff on the payroll.
    org_staff: u32 => OrgStaff = "org-staff",
    /// No wage arrears and no unpaid social insurance.
    org_no_arrears: bool => OrgNoArrears = "org-no-arrears",
    roster: Vec<crate::engine::roster::HireGroup> => Roster = "roster",
    agency_licensed: bool => AgencyLicensed = "agency-licensed",
    /// The employer trained the 脱贫人口 it hired on the job (以工代训, 2021).
    work_for_training_run: bool => WorkForTrainingRun = "work-for-training-run",
    workshop_recognised: bool => WorkshopRecognised = "workshop-recognised",
    workshop_new: bool => WorkshopNew = "workshop-new",
    workshop_grade: Grade => WorkshopGrade = "workshop-grade",
    /// Current workers retained 3 months or more.
    workshop_retained: u32 => WorkshopRetained = "workshop-retained",
    carrier_recognised: bool => CarrierRecognised = "carrier-recognised",
    incubator_new: bool => IncubatorNew = "incubator-new",
    /// The day the base was recognised as a 市级创业孵化基地 (the 3-year award window runs from it).
    incubator_recognised_on: Date => IncubatorRecognisedOn = "incubator-recognised-on",
    incubator_grade: Grade => IncubatorGrade = "incubator-grade",
    incubator_national: bool => IncubatorNational = "incubator-national",
}

impl Facts {
    /// Refuses saved data written by another version of the app.
    pub fn check_version(&self) -> Result<(), String> {
        match self.version.cmp(&FACTS_VERSION) {
            std::cmp::Ordering::Equal => Ok(()),
            std::cmp::Ordering::Less => Err(format!(
                "保存的回答来自旧版本（第{}版，当前第{}版），已无法读取，请重新回答",
                self.version, FACTS_VERSION
            )),
            // Written by a newer release than this one (a page still open from before an update).
            std::cmp::Ordering::Greater => Err(SAVED_BY_NEWER_VERSION.to_string()),
        }
    }
}
