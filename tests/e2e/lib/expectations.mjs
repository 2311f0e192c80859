// Expectations shared by the Chromium suite and the WebKit/Firefox suite: what a user must see.
// Policy figures are not written here: a suite asks subsidy-check (lib/flows.mjs `evaluate`) for the
// report on the answers the page saved, and compares the page with it.

export const TITLE = '重庆就业帮扶政策自助查询';
export const NOTICE = '渝人社〔2021〕237号';
export const LABELS = [
  '个人（务工、求职、创业、上学）',
  '企业与就业帮扶车间',
  '人力资源服务机构与劳务经纪人',
  '创业孵化基地与返乡创业园等载体',
];

// The personas: answers by question id (from tests/golden/persons/*.json); everything else 不清楚;
// `eligible`: the benefits the golden case says can be claimed (their amounts come from subsidy-check).
export const PERSONAS = [
  {
    name: 'shandong-worker',
    about: '脱贫人口，在山东务工（shandong-job-search-subsidy.json）',
    asOf: '2025-06-20',
    answers: {
      'poverty-status': 'alleviated', 'hukou-chongqing': true, age: '30', activity: 'employee',
      'work-place': 'shandong', 'work-since': '2025-01-10', 'job-search-received': false,
    },
    eligible: ['shandong-job-search-subsidy'],
  },
  {
    name: 'dibao-graduate',
    about: '低保家庭高职毕业生，离校不满一年，已登记失业（graduate-job-search-subsidy.json）',
    asOf: '2025-06-01',
    answers: {
      'poverty-status': 'none', dibao: true, 'hukou-chongqing': true, age: '22', activity: 'not-working',
      'college-graduate': true, 'school-level': 'higher-vocational', 'graduated-on': '2024-07-01', 'registered-unemployed': true,
    },
    eligible: ['graduate-job-search-subsidy'],
  },
  {
    name: 'secondary-vocational-student',
    about: '脱贫户子女读全日制中职（yulu-plan-subsidy.json）',
    asOf: '2025-09-01',
    answers: {
      'poverty-status': 'alleviated', age: '17', activity: 'student',
      'school-level': 'secondary-vocational', 'full-time-study': true,
    },
    eligible: ['yulu-plan-subsidy'],
  },
  {
    name: 'returning-entrepreneur',
    about: '返乡创业的脱贫人口，开办个体工商户（startup-subsidy.json, startup-guaranteed-loan.json）',
    asOf: '2025-07-01',
    answers: {
      'poverty-status': 'alleviated', 'hukou-chongqing': true, 'hukou-district': 'wanzhou', age: '38',
      activity: 'own-business', 'business-kind': 'individual', 'first-business': true,
      'business-since': '2023-06-01', 'business-employees': '3', 'unemployed-before-start': true,
      'startup-subsidy-received': false, 'work-place': 'own-district', 'bad-credit': false,
      'other-loans': false, 'loan-amount': '300000', 'loan-term-years': '3',
    },
    eligible: ['startup-subsidy', 'startup-guaranteed-loan'],
  },
  {
    name: 'all-unknown',
    about: '每一题都选“不清楚”',
    asOf: '2025-06-01',
    answers: {},
    eligible: [],
  },
];

/** What a person who is none of the special groups answers (each journey overrides what applies). */
const ORDINARY = {
  dibao: false, tekun: false, 'zero-employment-family': false, disabled: false, 'family-disabled': false,
  relocated: false, veteran: false, 'overcapacity-worker': false, 'released-prisoner': false,
  'online-merchant': false, 'school-leaver': false, 'rural-entrepreneur': false,
};

/**
 * Six people of the 360 px field test (issue 17), answered on 2026-12-01 as they would answer; the
 * same people as rules-core/tests/journeys.rs (what the results must name comes from subsidy-check);
 * `neverAsked`: questions that do not fit them; `maxQuestions`: the journey's length today.
 */
export const JOURNEYS = [
  {
    name: 'shandong-35',
    asOf: '2026-12-01',
    answers: {
      ...ORDINARY, 'poverty-status': 'alleviated', 'hukou-chongqing': true, 'hukou-district': 'wanzhou', age: '35',
      sex: 'male', 'labour-capacity': 'full', activity: 'employee', 'work-place': 'shandong', 'work-since': '2026年3月1日',
      'rural-transfer-worker': true, 'registered-unemployed': false, 'college-graduate': false, 'training-kind': 'none',
      'training-subsidised': false, 'looking-for-work': false, 'cannot-leave-home': false, 'family-on-post': false, 'urban-pension': false,
    },
    neverAsked: ['school-level', 'graduated-on', 'involuntary-unemployment'],
    // The 237号 benefits whose continuation is unconfirmed ask too (after the claimable ones): 脱贫,
    // where and since when decide the 赴山东 800 lead.
    maxQuestions: 14,
  },
  {
    name: 'dibao-graduate-22',
    asOf: '2026-12-01',
    answers: {
      ...ORDINARY, dibao: true, 'poverty-status': 'none', 'hukou-chongqing': true, 'hukou-district': 'fuling', age: '22',
      sex: 'female', 'labour-capacity': 'full', activity: 'not-working', 'college-graduate': true,
      'school-level': 'undergraduate', 'graduated-on': '2026/6/30', 'registered-unemployed': false, 'ui-years': '0',
      'looking-for-work': true, 'training-kind': 'none', 'training-subsidised': false, 'rural-transfer-worker': false,
      'cannot-leave-home': false, 'family-on-post': false, 'urban-pension': false,
    },
    neverAsked: ['involuntary-unemployment', 'school-year'],
    maxQuestions: 16,
  },
  {
    name: 'weak-62',
    asOf: '2026-12-01',
    answers: {
      ...ORDINARY, 'poverty-status': 'alleviated', 'hukou-chongqing': true, 'hukou-district': 'kaizhou', age: '62',
      sex: 'female', 'labour-capacity': 'weak', activity: 'not-working', 'cannot-leave-home': true,
      'family-on-post': false, 'urban-pension': false, 'college-graduate': false, 'registered-unemployed': false, 'ui-years': '0',
      'looking-for-work': true, 'training-kind': 'none', 'training-subsidised': false, 'rural-transfer-worker': false,
    },
    neverAsked: ['school-level', 'graduated-on', 'school-year', 'involuntary-unemployment'],
    maxQuestions: 12,
  },
  {
    name: 'all-unknown-today',
    asOf: '2026-12-01',
    answers: {},
    neverAsked: [],
    maxQuestions: 6,
  },
  {
    name: 'shopkeeper-loan-40',
    asOf: '2026-12-01',
    answers: {
      ...ORDINARY, 'poverty-status': 'none', 'hukou-chongqing': true, 'hukou-district': 'yongchuan', age: '40',
      sex: 'male', 'labour-capacity': 'full', activity: 'own-business', 'business-kind': 'individual',
      'business-since': '2025年5月1日', 'business-district': 'yongchuan', 'work-place': 'own-district',
      'first-business': true, 'business-employees': '1', 'unemployed-before-start': false,
      'startup-subsidy-received': false, 'loan-amount': '30万', 'loan-term-years': '3',
      'loan-contract-date': '20261120', 'loan-partners': '1', 'other-loans': false, 'bad-credit': false,
      'rural-entrepreneur': true, 'registered-unemployed': false, 'college-graduate': false,
      'rural-transfer-worker': false, 'flexible-insured': false, 'training-kind': 'none',
      'training-subsidised': false, 'looking-for-work': false,
    },
    neverAsked: ['business-in-chongqing', 'school-level'],
    maxQuestions: 26,
  },
];
