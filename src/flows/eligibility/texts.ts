import type { EnterpriseKind, ProfileField } from "./profile.ts";
import type { SizeClass } from "./size-class.ts";

/** Chinese labels for profile fields (used in messages and "please tell us" prompts). */
export const fieldLabels: Record<ProfileField, string> = {
  name: "企业名称",
  province: "所在省份",
  city: "所在城市",
  independentLegalEntity: "是否具有独立法人资格",
  branchOfLegalEntity: "是否为法人的分支机构",
  kinds: "企业类型",
  sector: "所属行业",
  employees: "从业人员",
  revenueLastYearWan: "上一年度营业收入",
  profitLastYearWan: "上一年度利润",
  dishonestListed: "是否列入失信名单、经营异常名录或有不良信用记录",
  illegalRecordLast3Years: "近三年是否有违法违规行为",
  majorAccidentLast3Years: "近三年是否发生较大及以上安全、环保事故",
  smartMaturityLevel: "智能制造能力成熟度自评估等级",
  basicSmartFactorySelfAssessed: "是否已完成基础级智能工厂自建自评",
  smartFactoryStages: "智能工厂覆盖的环节",
  twoIntegrationSelfAssessed: "是否已完成两化融合自评估",
  provincialDemoPlatform: "是否为省级以上工业互联网示范平台",
  platformConnectedEnterprises: "平台连接服务企业数",
  platformConnectedDevices: "平台连接服务产品/设备数",
  platformNewServedEnterprisesThisYear: "年度新增连接和有效服务企业数",
  cloudProviderContract: "是否已与云平台服务商签订合作协议或服务合同",
  localEnterpriseUsers: "使用平台的本省企业数",
  identifierRegisteredEnterprises: "二级节点注册工业企业数",
  identifierRegistrations: "标识注册量",
  identifierResolutions: "标识解析量",
  projectCompleted: "申报项目是否已建成",
};

export const kindLabels: Record<EnterpriseKind, string> = {
  manufacturer: "工业（制造业）企业",
  it: "信息技术企业",
  internet: "互联网企业",
  automation: "自动化企业",
  "identifier-operator": "标识解析二级节点建设运营单位",
};

export const sizeClassLabels: Record<SizeClass, string> = {
  large: "大型企业",
  medium: "中型企业",
  small: "小型企业",
  micro: "微型企业",
};

export const verdictLabels = {
  eligible: "符合条件",
  unknown: "待补充信息",
  ineligible: "不符合条件",
} as const;

/** How a number is shown in a message. */
export type Unit = "wan" | "count" | "level";

const LEVELS = ["零级", "一级", "二级", "三级", "四级", "五级"];

/** An actual figure from the profile: 8000 万元, 120 家, 二级. */
export function formatValue(n: number, unit: Unit, noun = ""): string {
  if (unit === "wan") return `${n} 万元`;
  if (unit === "level") return LEVELS[n] ?? `${n} 级`;
  return noun ? `${n} ${noun}` : `${n}`;
}

/** A threshold as the notice writes it: 1 亿元, 3000 万元, 1 万套, 3000 万, 1 亿次. */
export function formatThreshold(n: number, unit: Unit, noun = ""): string {
  if (unit === "wan") return n >= 10000 && n % 10000 === 0 ? `${n / 10000} 亿元` : `${n} 万元`;
  if (unit === "level") return LEVELS[n] ?? `${n} 级`;
  if (n >= 1e8 && n % 1e8 === 0) return `${n / 1e8} 亿${noun}`;
  if (n >= 1e4 && n % 1e4 === 0) return `${n / 1e4} 万${noun}`;
  return noun ? `${n} ${noun}` : `${n}`;
}

export const thresholdTexts = {
  atLeastPass: (label: string, v: string, t: string) => `${label} ${v}，不少于 ${t}`,
  atLeastFail: (label: string, v: string, t: string) => `${label} ${v}，低于 ${t}`,
  atLeastUnknown: (label: string, t: string) => `未提供${label}（须不少于 ${t}）`,
  moreThanPass: (label: string, v: string, t: string) => `${label} ${v}，超过 ${t}`,
  moreThanFail: (label: string, v: string, t: string) => `${label} ${v}，未超过 ${t}`,
  moreThanUnknown: (label: string, t: string) => `未提供${label}（须超过 ${t}）`,
};

export const regionTexts = {
  pass: (province: string) => `所在省份为${province}`,
  fail: (province: string, required: string) => `所在省份为${province}，不在${required}`,
  unknown: (required: string) => `未提供所在省份（须在${required}）`,
};

export const kindTexts = {
  pass: (have: string) => `企业类型：${have}`,
  fail: (have: string, required: string) => `企业类型：${have || "未选择任何类型"}，不属于${required}`,
  unknown: (required: string) => `未提供企业类型（须为${required}）`,
};

export const stageTexts = {
  pass: (required: string) => `已覆盖${required}环节`,
  fail: (lacking: string, required: string) => `未覆盖${lacking}环节（须至少覆盖${required}）`,
  unknown: (required: string) => `未提供智能工厂覆盖的环节（须至少覆盖${required}）`,
};

/** Yes/no facts: what to say when the fact is true, false, or unknown. */
export const flagTexts: Partial<Record<ProfileField, { yes: string; no: string; unknown: string }>> = {
  independentLegalEntity: { yes: "具有独立法人资格", no: "不具有独立法人资格", unknown: "未说明是否具有独立法人资格" },
  dishonestListed: {
    yes: "列入失信名单、经营异常名录或有不良信用记录",
    no: "未列入失信名单、经营异常名录，无不良信用记录",
    unknown: "未说明是否列入失信名单、经营异常名录或有不良信用记录",
  },
  illegalRecordLast3Years: {
    yes: "近三年有违法违规行为",
    no: "近三年无违法违规行为",
    unknown: "未说明近三年是否有违法违规行为",
  },
  majorAccidentLast3Years: {
    yes: "近三年发生过较大及以上安全、环保事故",
    no: "近三年未发生较大及以上安全、环保事故",
    unknown: "未说明近三年是否发生较大及以上安全、环保事故",
  },
  basicSmartFactorySelfAssessed: {
    yes: "已完成基础级智能工厂自建自评",
    no: "未完成基础级智能工厂自建自评",
    unknown: "未说明是否已完成基础级智能工厂自建自评",
  },
  twoIntegrationSelfAssessed: {
    yes: "已在中国两化融合服务平台完成两化融合自评估",
    no: "未完成两化融合自评估",
    unknown: "未说明是否已完成两化融合自评估",
  },
  provincialDemoPlatform: {
    yes: "是省级以上工业互联网示范平台",
    no: "不是省级以上工业互联网示范平台",
    unknown: "未说明是否为省级以上工业互联网示范平台",
  },
  cloudProviderContract: {
    yes: "已与云平台服务商签订合作协议或服务合同",
    no: "未与云平台服务商签订合作协议或服务合同",
    unknown: "未说明是否已与云平台服务商签订合作协议或服务合同",
  },
  projectCompleted: { yes: "申报项目已建成", no: "申报项目尚未建成", unknown: "未说明申报项目是否已建成" },
};

export const combinatorTexts = {
  /** Joins the messages of alternatives ("A，或 B"). */
  joinAlternatives: (parts: readonly string[]) => parts.join("；"),
  notApplicable: (why: string) => `不适用：${why}`,
};

/** Profile validation: Chinese text per zod issue code; the field is always named. */
export const profileErrorTexts = {
  PROFILE_INVALID: "企业资料有误，请修改后重试",
  PROFILE_NOT_JSON: "企业资料不是有效的 JSON 对象",
  issue: {
    unrecognized_keys: (field: string) => `${field}：不是可识别的字段`,
    invalid_type: (field: string, expected: string) => `${field}：类型错误，应为${expectedLabels[expected] ?? expected}`,
    too_small: (field: string, min: string) => `${field}：不能小于 ${min}`,
    too_big: (field: string, max: string) => `${field}：不能大于 ${max}`,
    invalid_value: (field: string, options: string) => `${field}：取值无效，可选：${options}`,
    other: (field: string) => `${field}：取值无效`,
  },
};

const expectedLabels: Record<string, string> = {
  number: "数字",
  int: "整数",
  string: "文本",
  boolean: "true 或 false",
  array: "数组",
  object: "JSON 对象",
};

/** The plain-text report printed by `match` without --json/--jsonl. */
export const reportTexts = {
  header: (asOf: string, size: string) => `截至 ${asOf}｜企业规模：${size}`,
  sizeUnknown: "无法判断（需从业人员和营业收入）",
  program: (label: string, title: string, doc: string | null) => `【${label}】${title}${doc ? `（${doc}）` : ""}`,
  verdict: (v: string) => `  结论：${v}`,
  deadline: (date: string, passed: boolean) => `  截止：${date}${passed ? "（已过期）" : ""}`,
  noDeadline: "  截止：通知未载明",
  reason: (mark: string, message: string, quote: string) => `  ${mark} ${message}　依据：「${quote}」`,
  missing: (labels: string) => `  请补充：${labels}`,
  marks: { pass: "✓", fail: "✗", unknown: "?" },
};

/** Answers to eligibility questions asked in a sentence (「我们是国企，营收五千万，能报平台类吗？」). */
export const eligibilityQuestionTexts = {
  lead: (facts: string) => `按您提到的情况（${facts}）对照通知条件：`,
  program: (label: string, title: string, doc: string | null) => `【${label}】《${title}》${doc ? `（${doc}）` : ""}`,
  failed: "就您提到的条件而言：不符合。",
  passed: "就您提到的条件而言：符合；其他条件（见下方自测）还需逐项核对。",
  undecided: "仅凭您提到的情况还不能判断。",
  reason: (mark: string, message: string, quote: string, section: string) => `${mark} ${message}　依据「${section}」：「${quote}」`,
  notACondition: (what: string) => `（${what}不是该通知的申报条件，不影响判断。）`,
  deadlinePassed: (date: string) => `提示：该通知的截止时间（${date}）已过，可用于准备下一年度申报。`,
  offerSelfCheck: "想逐条核对全部条件，请回复「资格自测」，我会按通知逐项问您并给出结论。",
  factLabels: {
    revenueLastYearWan: (wan: string) => `上一年度营业收入${wan}万元`,
    profitLastYearWan: (wan: string) => `上一年度利润${wan}万元`,
    employees: (n: string) => `从业人员${n}人`,
    smartMaturityLevel: (n: string) => `智能制造能力成熟度${n}级`,
    province: (p: string) => `注册地${p}`,
    city: (c: string) => `所在城市${c}`,
    branchOfLegalEntity: () => "分支机构（非独立法人）",
    independentLegalEntity: () => "独立法人",
    kinds: (k: string) => `企业类型：${k}`,
    dishonestListed: (v: string) => (v === "true" ? "被列入失信/经营异常名单" : "未被列入失信名单"),
    ownership: (o: string) => o,
  },
};
