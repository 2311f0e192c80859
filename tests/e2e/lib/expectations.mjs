// Expectations shared by the Chromium suite and the WebKit/Firefox suite: what a user must see.
// Policy figures are not written here; they come from tests/golden (rules-core's golden cases).

export const TITLE = '重庆就业帮扶政策自助查询';
export const NOTICE = '渝人社〔2021〕237号';
export const LABELS = [
  '个人（务工、求职、创业、上学）',
  '企业与就业帮扶车间',
  '人力资源服务机构与劳务经纪人',
  '创业孵化基地与返乡创业园等载体',
];

// The personas: answers by question id (from tests/golden/persons/*.json); everything else 不清楚.
export const PERSONAS = [
  {
    name: 'shandong-worker',
    about: '脱贫人口，在山东务工（shandong-job-search-subsidy.json）',
    asOf: '2025-06-20',
    answers: {
      'poverty-status': 'alleviated', 'hukou-chongqing': true, age: '30', activity: 'employee',
      'work-place': 'shandong', 'work-since': '2025-01-10', 'job-search-received': false,
    },
    eligible: { 'shandong-job-search-subsidy': '800 元/人' },
  },
  {
    name: 'dibao-graduate',
    about: '低保家庭高职毕业生，离校不满一年，已登记失业（graduate-job-search-subsidy.json）',
    asOf: '2025-06-01',
    answers: {
      'poverty-status': 'none', dibao: true, 'hukou-chongqing': true, age: '22', activity: 'not-working',
      'school-level': 'higher-vocational', 'graduated-on': '2024-07-01', 'registered-unemployed': true,
    },
    eligible: { 'graduate-job-search-subsidy': '500 元/人' },
  },
  {
    name: 'secondary-vocational-student',
    about: '脱贫户子女读全日制中职（yulu-plan-subsidy.json）',
    asOf: '2025-09-01',
    answers: {
      'poverty-status': 'alleviated', age: '17', activity: 'student',
      'school-level': 'secondary-vocational', 'full-time-study': true,
    },
    eligible: { 'yulu-plan-subsidy': '3000 元/年' },
  },
  {
    name: 'returning-entrepreneur',
    about: '返乡创业的脱贫人口，开办个体工商户（startup-subsidy.json, startup-guaranteed-loan.json）',
    asOf: '2025-07-01',
    answers: {
      'poverty-status': 'alleviated', 'hukou-chongqing': true, 'hukou-district': 'wanzhou', age: '38',
      activity: 'own-business', 'business-kind': 'individual', 'first-business': true,
      'business-since': '2023-06-01', 'business-employees': '3', 'unemployed-before-start': true,
      'startup-subsidy-received': false, 'business-in-chongqing': true, 'bad-credit': false,
      'other-loans': false, 'loan-amount': '300000', 'loan-term-years': '3',
    },
    eligible: { 'startup-subsidy': '8000 元/户', 'startup-guaranteed-loan': '15750 元' },
  },
  {
    name: 'all-unknown',
    about: '每一题都选“不清楚”',
    asOf: '2025-06-01',
    answers: {},
    eligible: {},
  },
];
