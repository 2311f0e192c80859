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
