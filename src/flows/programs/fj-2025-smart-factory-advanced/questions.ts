import { SMART_FACTORY_STAGES, sizeClassOf, type Citation } from "../../eligibility/index.ts";
import { valueOf } from "../../forms/expand.ts";
import type { Answers, ApplicationFlow, ChoiceOption, Step, StepItem } from "../../forms/types.ts";
import { CITY_DOC, PROVINCE_DOC, params } from "./params.ts";
import { MULTI_SEGMENT, SCENARIOS, scenarioLabel, type Scenario } from "./scenarios.ts";

/**
 * The application flow of 《福建省先进级智能工厂申报书》 (附件3 of 闽工信函装备〔2025〕123号),
 * in the form's order. Labels are the form's row labels; `guidance` is the form's own
 * bracketed guidance, verbatim; help citations quote the notice.
 */

const FORM = "附件3 福建省先进级智能工厂申报书";

const cite = (section: string, quote: string, docNumber: string = PROVINCE_DOC): Citation => ({
  docNumber,
  section: `${FORM} > ${section}`,
  quote,
});

// Sections as numbered in the form.
const S_COVER = "封面";
const S_BASIC = "一、（一）申报单位基本信息";
const S_FACTORY = "一、（二）智能工厂基本信息";
const S_OVERVIEW = "二、项目总体情况";
const S_SCENES = "三、项目场景建设情况";
const S_INTEGRATION = "四、项目系统集成情况";
const S_ADVANCED = "五、项目的先进性与特色";
const S_RESULTS = "六、项目实施成效";
const S_NEXT = "七、下一步预期目标和实施推广计划";
const S_TABLES = "八、相关附表";

// ---------------------------------------------------------------------------------------
// Options and items

/** 近三年发展情况: the form's three columns. */
export const YEARS: readonly StepItem[] = [
  { key: "2022", label: "2022年" },
  { key: "2023", label: "2023年" },
  { key: "2024", label: "2024年" },
];

const OWNERSHIP: readonly ChoiceOption[] = [
  { id: "central-soe", label: "中央企业" },
  { id: "local-soe", label: "地方国企" },
  { id: "private", label: "民营" },
  { id: "foreign-invested", label: "三资" },
];

/** Ids as the eligibility engine's SizeClass. */
const SIZE_CLASSES: readonly ChoiceOption[] = [
  { id: "large", label: "大型企业" },
  { id: "medium", label: "中型企业" },
  { id: "small", label: "小型企业" },
  { id: "micro", label: "微型企业" },
];

const SM_PROJECTS: readonly ChoiceOption[] = [
  { id: "national-standardization-new-mode", label: "国家智能制造综合标准化与新模式应用项目" },
  { id: "national-pilot-demo", label: "国家智能制造试点示范项目" },
  { id: "provincial-model-factory", label: "省级智能制造样板工厂（车间）示范项目" },
  { id: "provincial-pilot-enterprise", label: "省级智能制造试点示范企业" },
  { id: "national-demo-factory", label: "国家智能制造示范工厂揭榜单位" },
  { id: "national-excellent-scenario", label: "国家智能制造优秀场景项目" },
  { id: "provincial-demo-factory", label: "省级智能制造示范工厂" },
  { id: "other", label: "其他" },
];

/** Ids "1".."5" (option ids are strings); the profile bridge maps them to smartMaturityLevel's number. */
const MATURITY_LEVELS: readonly ChoiceOption[] = [
  { id: "1", label: "一级" },
  { id: "2", label: "二级" },
  { id: "3", label: "三级" },
  { id: "4", label: "四级" },
  { id: "5", label: "五级" },
];

const FACTORY_INDUSTRIES: readonly ChoiceOption[] = [
  { id: "raw-materials", label: "原材料" },
  { id: "equipment", label: "装备制造" },
  { id: "consumer-goods", label: "消费品" },
  { id: "electronics", label: "电子信息" },
  { id: "other", label: "其他" },
];

/** Option ids are the profile's SMART_FACTORY_STAGES strings (profileField smartFactoryStages). */
const STAGE_OPTIONS: readonly ChoiceOption[] = SMART_FACTORY_STAGES.map((s) => ({ id: s, label: s }));

/** One row of the form's 「工厂整体建设成效」 table. */
export interface Kpi {
  /** Stable key: option id, item key and field suffix (kpi.<key>). */
  key: string;
  /** The row label as printed, unit included. */
  label: string;
  /** What "before" and "after" are measured in, with an example (the change rate is computed). */
  measure: string;
}

export const KPIS: readonly Kpi[] = [
  { key: "cncRate", label: "关键设备数控化率(%)", measure: "按百分比填写，例如：建设前 60%，建成后 90%" },
  { key: "apcUsageRate", label: "先进过程控制投用率(%)", measure: "按百分比填写，例如：建设前 40%，建成后 85%" },
  { key: "aiSceneRatio", label: "应用人工智能技术场景比例(%)", measure: "按百分比填写，例如：建设前 5%，建成后 30%" },
  { key: "decisionModels", label: "工厂应用智能决策模型数量(个)", measure: "按个数填写，例如：建设前 0 个，建成后 6 个" },
  { key: "rdCycleReduction", label: "研制周期缩短(%)", measure: "填写建设前后的产品研制周期，例如：建设前 180 天，建成后 120 天" },
  { key: "salesGrowth", label: "销售增长率(%)", measure: "填写建设前后的年销售收入，例如：建设前 30000 万元，建成后 36000 万元" },
  { key: "productivityGain", label: "生产效率提升(%)", measure: "填写建设前后的生产效率，例如：建设前每小时 100 件，建成后每小时 130 件" },
  { key: "resourceUtilizationGain", label: "资源综合利用率提升(%)", measure: "填写建设前后的资源综合利用率，例如：建设前 85%，建成后 92%" },
  { key: "defectRateReduction", label: "产品不良率下降(%)", measure: "填写建设前后的产品不良率，例如：建设前 2%，建成后 1.2%" },
  { key: "equipmentUtilizationGain", label: "设备综合利用率提升(%)", measure: "填写建设前后的设备综合利用率，例如：建设前 65%，建成后 80%" },
  { key: "inventoryTurnoverGain", label: "库存周转率提升(%)", measure: "填写建设前后的库存周转率，例如：建设前每年 6 次，建成后每年 8 次" },
  { key: "supplierOnTimeGain", label: "供应商准时交付率提升(%)", measure: "填写建设前后的供应商准时交付率，例如：建设前 90%，建成后 97%" },
  { key: "orderOnTimeGain", label: "订单准时交付率提升(%)", measure: "填写建设前后的订单准时交付率，例如：建设前 88%，建成后 98%" },
  { key: "operatingCostReduction", label: "运营成本下降(%)", measure: "填写建设前后的年运营成本，例如：建设前 5000 万元，建成后 4200 万元" },
  { key: "laborProductivityGain", label: "全员劳动生产率提升(%)", measure: "填写建设前后的全员劳动生产率，例如：建设前每人每年 80 万元，建成后 110 万元" },
  { key: "energyPerUnitReduction", label: "单位产品综合能耗降低(%)", measure: "填写建设前后的单位产品综合能耗，例如：建设前每吨 0.5 吨标准煤，建成后 0.42 吨标准煤" },
  { key: "co2PerUnitReduction", label: "单位产品二氧化碳(CO₂)排放量降低(%)", measure: "填写建设前后的单位产品二氧化碳排放量，例如：建设前每吨 1.2 吨，建成后 1.0 吨" },
  { key: "solidWasteUtilization", label: "一般固废综合利用率(%)", measure: "按百分比填写，例如：建设前 70%，建成后 95%" },
  { key: "waterReuseRate", label: "水资源重复利用率(%)", measure: "按百分比填写，例如：建设前 60%，建成后 85%" },
  {
    key: "replicatedEnterprises",
    label: "先进制造模式/解决方案向产业链供应链上下游复制推广的企业数量(家)",
    measure: "按家数填写，例如：建设前 0 家，建成后 12 家",
  },
];

const KPI_OPTIONS: readonly ChoiceOption[] = KPIS.map((k) => ({ id: k.key, label: k.label }));

function chosenIds(answers: Answers, key: string): readonly string[] {
  const v = valueOf(answers, key);
  return Array.isArray(v) ? (v as readonly string[]) : [];
}

const includes = (answers: Answers, key: string, id: string): boolean => chosenIds(answers, key).includes(id);

/**
 * The scenarios offered for 具体场景: those of the chosen smart-factory 环节 (footnotes
 * [1]–[5]), plus the 多环节模式创新 scenarios, which count toward none of the five and have
 * their own optional heading in section 三.
 */
export function scenarioOptions(answers: Answers): readonly ChoiceOption[] {
  const stages = chosenIds(answers, "stages");
  return SCENARIOS.filter((s) => (s.stage === null ? s.segment === MULTI_SEGMENT : stages.includes(s.stage))).map((s) => ({
    id: s.id,
    label: scenarioLabel(s),
  }));
}

/** The chosen scenarios still on offer, in the guide's order. */
export function chosenScenarios(answers: Answers): Scenario[] {
  const chosen = new Set(chosenIds(answers, "scenarios"));
  const offered = new Set(scenarioOptions(answers).map((o) => o.id));
  return SCENARIOS.filter((s) => chosen.has(s.id) && offered.has(s.id));
}

const scenarioItems = (answers: Answers): readonly StepItem[] =>
  chosenScenarios(answers).map((s) => ({ key: s.id, label: scenarioLabel(s) }));

const kpiItems = (answers: Answers): readonly StepItem[] => {
  const chosen = new Set(chosenIds(answers, "kpi-chosen"));
  return KPIS.filter((k) => chosen.has(k.key)).map((k) => ({ key: k.key, label: k.label, better: LOWER_IS_BETTER.has(k.key) ? "lower" : "higher" }));
};

/** KPIs stated as before/after values where a drop is the improvement (周期, 成本, 不良率, 能耗, 排放). */
const LOWER_IS_BETTER = new Set(["rdCycleReduction", "defectRateReduction", "operatingCostReduction", "energyPerUnitReduction", "co2PerUnitReduction"]);

const kpiMeasure = (key: string): string => KPIS.find((k) => k.key === key)?.measure ?? "";

/**
 * Per-scenario parts of section 三 the flow does not ask (the chat asks only the instance
 * name, 总投资, 场景实例描述 and 已实施成效 per scenario): the document prints these headings
 * with the form's guidance, for the applicant to write there. 附表1 (具体场景描述) is
 * filled from the per-scenario answers; 附表2 (关键装备、软件/系统及新技术) is left to the
 * document as well.
 */
export const SCENARIO_DOCUMENT_ONLY: readonly { label: string; guidance?: string }[] = [
  { label: "（1）场景解决方案供应商名称，联系人及联系方式" },
  { label: "（2）场景建设起止日期" },
  { label: "4. 解决的痛点问题描述", guidance: "300字以内" },
  { label: "5. 采用的技术方案（包括供应商）", guidance: "500字以内，可以配图" },
  { label: "6. 保障要素", guidance: "如人、管理机制、组织标准、培训等，300字以内，选填" },
  { label: "8. 其他", guidance: "如对于其他车间、工厂的带动效应等，300字以内，选填" },
  { label: "9. 经济性和可推广性", guidance: "300字以内" },
  { label: "10. 场景实例采用的关键装备、软件、工艺、技术、数据模型需求等情况" },
];

// ---------------------------------------------------------------------------------------
// Steps

const yearRow = (id: string, label: string, field: string, kind: "money" | "percent", ask: string, extra: Partial<Step> = {}): Step => ({
  id,
  section: S_BASIC,
  label,
  prompt: (item) => `${item.label}${ask}`,
  kind,
  field,
  forEach: () => YEARS,
  ...extra,
});

const cover: Step[] = [
  {
    id: "recommender",
    section: S_COVER,
    label: "推荐单位",
    prompt: "封面的推荐单位填哪个单位？一般是所在地的工信部门，例如：福州市鼓楼区工业和信息化局。",
    kind: "text",
    field: "cover.recommender",
    optional: true,
    help: {
      text: "申报材料先报送所在县（市）区工信部门，由其初审后逐级推荐；不确定可以跳过，向当地工信部门确认后再填。",
      citation: {
        docNumber: CITY_DOC,
        section: "1.",
        quote: "及时将申报材料报送所在县（市）区工信部门",
      },
    },
  },
];

const basic: Step[] = [
  {
    id: "company-name",
    section: S_BASIC,
    label: "企业名称",
    prompt: "申报单位的企业全称是什么？请与营业执照一致。",
    kind: "text",
    field: "basic.name",
    profileField: "name",
  },
  {
    id: "credit-code",
    section: S_BASIC,
    label: "统一社会信用代码",
    prompt: "企业的统一社会信用代码是多少？（18位，见营业执照）",
    kind: "creditCode",
    field: "basic.creditCode",
  },
  {
    id: "founded-on",
    section: S_BASIC,
    label: "成立时间",
    prompt: "企业是什么时候成立的？写到月即可，例如：2008年5月 或 2008-05-20",
    kind: "date",
    monthPrecision: true,
    field: "basic.foundedOn",
  },
  {
    id: "ownership",
    section: S_BASIC,
    label: "企业性质",
    prompt: "企业性质是哪一种？",
    kind: "choice",
    field: "basic.ownership",
    options: OWNERSHIP,
  },
  {
    id: "size-class",
    section: S_BASIC,
    label: "企业类型",
    prompt: "按大中小微划分，企业属于哪一类？",
    kind: "choice",
    field: "basic.sizeClass",
    options: SIZE_CLASSES,
    fromProfile: (p) => sizeClassOf(p) ?? undefined,
    help: {
      text: "工业企业：从业人员1000人及以上且营业收入4亿元及以上为大型；300人及以上且营业收入2000万元及以上为中型；20人及以上且营业收入300万元及以上为小型；20人以下或营业收入300万元以下为微型。",
      citation: cite(
        "注1（企业类型）",
        "从业人员 1000 人及以上，且营业收入 40000 万元及以上的为大型企业；从业人员 300 人及以上 1000 人以下，且营业收入 2000 万元及以上 40000 万元以下的为中型企业；从业人员 20 人及以上 300 人以下，且营业收入 300 万元及以上 2000 万元以下的为小型企业；从业人员 20 人以下或营业收入 300 万元以下的为微型企业。",
      ),
    },
  },
  {
    id: "industry-division",
    section: S_BASIC,
    label: "所属行业大类",
    prompt: "所属行业大类是什么？请填代码和名称，例如：C38 电气机械和器材制造业。",
    kind: "text",
    field: "basic.industryDivision",
    help: {
      text: "按《国民经济行业分类与代码》（GB/T 4754-2017）填写“行业大类代码+名称”。",
      citation: cite("注2（所属行业）", "所属行业大类和中类，根据《国民经济行业分类与代码（GB/T 4754-2017）》进行选填。"),
    },
  },
  {
    id: "industry-group",
    section: S_BASIC,
    label: "所属行业中类",
    prompt: "所属行业中类是什么？请填代码和名称，例如：C381 电机制造。",
    kind: "text",
    field: "basic.industryGroup",
    help: {
      text: "按《国民经济行业分类与代码》（GB/T 4754-2017）填写“行业中类代码+名称”。",
      citation: cite("注2（所属行业）", "所属行业大类和中类，根据《国民经济行业分类与代码（GB/T 4754-2017）》进行选填。"),
    },
  },
  {
    id: "address",
    section: S_BASIC,
    label: "单位地址",
    prompt: "单位地址是哪里？例如：福建省福州市闽侯县上街镇某某路88号。",
    kind: "text",
    field: "basic.address",
  },
  {
    id: "legal-rep-name",
    section: S_BASIC,
    label: "法人代表/负责人 姓名",
    prompt: "法人代表（或负责人）叫什么名字？",
    kind: "text",
    field: "basic.legalRepName",
    maxLength: 50,
  },
  {
    id: "legal-rep-phone",
    section: S_BASIC,
    label: "法人代表/负责人 电话",
    prompt: "法人代表（或负责人）的联系电话是多少？例如：0591-87654321 或 13800138000",
    kind: "phone",
    field: "basic.legalRepPhone",
  },
  {
    id: "contact-name",
    section: S_BASIC,
    label: "联系人 姓名",
    prompt: "本次申报的联系人叫什么名字？",
    kind: "text",
    field: "basic.contactName",
    maxLength: 50,
  },
  {
    id: "contact-title",
    section: S_BASIC,
    label: "联系人 职务",
    prompt: "联系人的职务是什么？例如：信息中心主任。",
    kind: "text",
    field: "basic.contactTitle",
    maxLength: 50,
  },
  {
    id: "contact-phone",
    section: S_BASIC,
    label: "联系人 电话",
    prompt: "联系人的办公电话是多少？例如：0591-87654321",
    kind: "phone",
    field: "basic.contactPhone",
  },
  {
    id: "contact-mobile",
    section: S_BASIC,
    label: "联系人 手机",
    prompt: "联系人的手机号是多少？例如：13800138000",
    kind: "phone",
    field: "basic.contactMobile",
  },
  {
    id: "contact-fax",
    section: S_BASIC,
    label: "联系人 传真",
    prompt: "联系人的传真号是多少？",
    kind: "phone",
    field: "basic.contactFax",
    optional: true,
  },
  {
    id: "contact-email",
    section: S_BASIC,
    label: "联系人 邮箱",
    prompt: "联系人的电子邮箱是什么？例如：zhangsan@example.com",
    kind: "email",
    field: "basic.contactEmail",
  },
  {
    id: "credit-rating",
    section: S_BASIC,
    label: "信用等级",
    prompt: "企业的信用等级是什么？例如：AAA",
    kind: "text",
    field: "basic.creditRating",
    optional: true,
    maxLength: 50,
  },
  yearRow("total-assets", "资产总额（万元）", "basic.totalAssets", "money", "年末资产总额是多少？例如：3.2亿 或 32000万", {
    unit: "万元",
  }),
  yearRow("debt-ratio", "负债率（%）", "basic.debtRatio", "percent", "的资产负债率是多少？例如：45%", { unit: "%", min: 0 }),
  yearRow("main-revenue", "主营业务收入（万元）", "basic.mainRevenue", "money", "主营业务收入是多少？例如：2.5亿 或 25000万", {
    unit: "万元",
  }),
  // A loss gives a negative margin: min below 0 (the percent parser rejects negatives unless allowed).
  yearRow("profit-margin", "利润率（%）", "basic.profitMargin", "percent", "的利润率是多少？例如：8.5%；亏损请填负数，如 -3%", {
    unit: "%",
    min: -100,
    max: 100,
  }),
  yearRow("taxes-paid", "实缴税金（万元）", "basic.taxesPaid", "money", "实缴税金是多少？例如：850万", { unit: "万元" }),
  {
    id: "sm-projects",
    section: S_BASIC,
    label: "是否入选国家级、省级智能制造相关项目",
    prompt: "企业入选过以下哪些国家级、省级智能制造相关项目？可多选。",
    kind: "multiChoice",
    field: "basic.smartManufacturingProjects",
    options: SM_PROJECTS,
    optional: true,
  },
  {
    id: "sm-projects-other",
    section: S_BASIC,
    label: "是否入选国家级、省级智能制造相关项目 其他",
    prompt: "“其他”入选的是什么项目？请写出项目名称和年份，例如：2023年福州市智能制造示范车间。",
    kind: "text",
    field: "basic.smartManufacturingProjectsOther",
    when: (a) => includes(a, "sm-projects", "other"),
  },
  {
    id: "maturity-level",
    section: S_BASIC,
    label: "智能制造能力成熟度评估结果或其他能力证明材料",
    prompt: "企业智能制造能力成熟度评估结果是几级？",
    kind: "choice",
    field: "basic.maturityLevel",
    options: MATURITY_LEVELS,
    profileField: "smartMaturityLevel",
    help: {
      text: "须在智能制造评估评价公共服务平台（www.c3mep.cn）完成自评估并达到二级及以上；评估结果或其他能力证明材料需附在申报书后。",
      citation: params.minMaturityLevel.source,
    },
  },
  {
    id: "major-accident",
    section: S_BASIC,
    label: "企业近三年是否发生过较大安全生产事故或环境事故",
    prompt: "企业近三年是否发生过较大安全生产事故或环境事故？",
    kind: "yesNo",
    field: "basic.majorAccident",
    profileField: "majorAccidentLast3Years",
    help: {
      text: "安全生产事故按《生产安全事故报告和调查处理条例》第三条认定，环境事故按《国家突发环境事件应急预案》附件1认定；申报要求无较大及以上安全、环保等事故。",
      citation: cite(
        "注3（事故认定）",
        "安全生产事故认定标准见《生产安全事故报告和调查处理条例》（中华人民共和国国务院令第 493 号）第三条，环境事故认定标准见《国家突发环境事件应急预案》（国办函〔2014〕119 号）附件 1。",
      ),
    },
  },
  {
    id: "accident-name",
    section: S_BASIC,
    label: "事故名称",
    prompt: "发生的事故名称是什么？",
    kind: "text",
    field: "basic.accidentName",
    when: (a) => valueOf(a, "major-accident") === true,
  },
  {
    id: "company-profile",
    section: S_BASIC,
    label: "企业简介",
    prompt: "请简要介绍企业的发展历程、主营业务、市场销售等基本情况。",
    kind: "longText",
    field: "basic.profile",
    optional: true,
    maxLength: 500,
    guidance: "发展历程、主营业务、市场销售等方面基本情况，不超过 500 字",
  },
];

const NAME_RULE = cite("一、（二）智能工厂基本信息 > 项目名称", "填写具体智能工厂名称, (以“智能工厂”结尾, 不能以车间、项目等结尾。)");
const PERIOD_RULE = cite("一、（二）智能工厂基本信息 > 起止日期", "如: 2022年1月1日-2024年12月31日");
const KPI_RULE = cite("一、（二）智能工厂基本信息 > 工厂整体建设成效", "工厂整体建设成效(根据实际情况填写, 如果当前没有, 可以不填)");

const factory: Step[] = [
  {
    id: "project-name",
    section: S_FACTORY,
    label: "项目名称",
    prompt: "智能工厂的项目名称是什么？例如：某某公司新能源电机智能工厂。",
    kind: "text",
    field: "factory.name",
    help: {
      text: "填写具体的智能工厂名称，以“智能工厂”结尾，不能以车间、项目等结尾。",
      citation: NAME_RULE,
    },
    checks: [{ kind: "endsWith", suffix: "智能工厂", citation: NAME_RULE }],
  },
  {
    id: "factory-industry",
    section: S_FACTORY,
    label: "所属行业",
    prompt: "智能工厂属于哪个行业？",
    kind: "choice",
    field: "factory.industry",
    options: FACTORY_INDUSTRIES,
  },
  {
    id: "factory-industry-other",
    section: S_FACTORY,
    label: "所属行业 其他",
    prompt: "请写出所属行业，例如：医药。",
    kind: "text",
    field: "factory.industryOther",
    maxLength: 50,
    when: (a) => valueOf(a, "factory-industry") === "other",
  },
  {
    id: "sub-industry",
    section: S_FACTORY,
    label: "细分行业",
    prompt: "智能工厂的细分行业是什么？例如：新能源汽车零部件。",
    kind: "text",
    field: "factory.subIndustry",
  },
  {
    id: "stages",
    section: S_FACTORY,
    label: "覆盖的环节",
    prompt: "智能工厂覆盖了哪些环节？可多选。",
    kind: "multiChoice",
    field: "factory.stages",
    options: STAGE_OPTIONS,
    profileField: "smartFactoryStages",
    help: {
      text: "先进级智能工厂至少要覆盖生产作业、生产管理、运营管理三个环节，鼓励多场景应用。",
      citation: params.requiredStages.source,
    },
  },
  {
    id: "scenarios",
    section: S_FACTORY,
    label: "覆盖的环节和具体场景",
    prompt: "建设了哪些具体场景？请按《智能制造典型场景参考指引（2024年版）》选择，可多选。",
    kind: "multiChoice",
    field: "factory.scenarios",
    options: scenarioOptions,
    help: {
      text: "按附件2《智能制造典型场景参考指引（2024年版）》中的环节和场景名称填写，格式为“环节-场景”；这里列出所选环节下的场景，以及“多环节模式创新”场景（选填）。",
      citation: cite(
        "一、（二）智能工厂基本信息 > 覆盖的环节和具体场景",
        "按照附件2《智能制造典型场景参考指引(2024年版)》中的环节和场景名称准确填写, 格式“环节-场景”",
      ),
    },
  },
  {
    id: "build-address",
    section: S_FACTORY,
    label: "建设地址",
    prompt: "智能工厂的建设地址在哪里？例如：福建省福州市长乐区某某工业园区。",
    kind: "text",
    field: "factory.address",
  },
  {
    id: "integrators",
    section: S_FACTORY,
    label: "建设集成商",
    prompt: "智能工厂的建设集成商是哪家？可按不同环节填写多家，例如：生产作业—某某自动化有限公司；生产管理—某某软件有限公司。",
    kind: "text",
    field: "factory.integrators",
    maxLength: 500,
    help: {
      text: "可按不同环节的实施主体，填写多个集成商。",
      citation: cite("一、（二）智能工厂基本信息 > 建设集成商", "可按不同环节实施主体, 填写多个"),
    },
  },
  {
    id: "start-date",
    section: S_FACTORY,
    label: "起止日期（开始）",
    prompt: "智能工厂建设从哪天开始？例如：2022-01-01",
    kind: "date",
    field: "factory.startDate",
    help: {
      text: "申报书写法如“2022年1月1日-2024年12月31日”，这里分开问开始和结束日期。",
      citation: PERIOD_RULE,
    },
  },
  {
    id: "end-date",
    section: S_FACTORY,
    label: "起止日期（结束）",
    prompt: "智能工厂建设到哪天结束（或完成）？例如：2024-12-31",
    kind: "date",
    field: "factory.endDate",
    checks: [{ kind: "notBefore", stepId: "start-date", citation: PERIOD_RULE }],
    help: {
      text: "申报主体应已完成智能工厂建设。",
      citation: { docNumber: PROVINCE_DOC, section: "一、申报条件 > 2.", quote: "申报主体已完成智能工厂建设" },
    },
  },
  {
    id: "investment",
    section: S_FACTORY,
    label: "项目投资(万元)",
    prompt: "智能工厂项目总投资是多少？例如：5000万 或 1.2亿",
    kind: "money",
    field: "factory.investment",
    unit: "万元",
  },
  {
    id: "kpi-chosen",
    section: S_FACTORY,
    label: "工厂整体建设成效",
    prompt: "下面这些建设成效指标，哪些有建设前、建成后的数据？可多选。",
    kind: "multiChoice",
    field: "kpi.chosen",
    options: KPI_OPTIONS,
    optional: true,
    help: {
      text: "根据实际情况填写，当前没有的指标可以不填。先进级智能工厂的主要技术经济指标应处于省内同行业领先水平。",
      citation: cite(
        "一、（二）智能工厂基本信息 > 工厂整体建设成效",
        "工厂整体建设成效(根据实际情况填写, 如果当前没有, 可以不填)",
      ),
    },
  },
  {
    id: "kpi",
    section: S_FACTORY,
    label: "工厂整体建设成效",
    prompt: (item) => `「${item.label}」建设前和建成后分别是多少？${kpiMeasure(item.key)}`,
    kind: "beforeAfter",
    field: "kpi",
    optional: true,
    forEach: kpiItems,
    checks: [{ kind: "improves", citation: KPI_RULE }],
  },
  {
    id: "kpi-other",
    section: S_FACTORY,
    label: "其他个性化指标",
    prompt: "还有其他个性化指标吗？请写指标名称和建设前、建成后的数值，例如：人均产值 建设前80万元 建成后120万元",
    kind: "text",
    field: "kpi.other",
    optional: true,
    maxLength: 500,
  },
  // The extracted form repeats the last KPI's label in this row's cell, which is a
  // conversion slip: the row has no guidance of its own.
  {
    id: "project-summary",
    section: S_FACTORY,
    label: "项目简述",
    prompt: "请用几句话简述智能工厂项目：建设了什么、覆盖哪些环节、取得了什么成效。",
    kind: "longText",
    field: "factory.summary",
    optional: true,
  },
];

const overview: Step[] = [
  {
    id: "background",
    section: S_OVERVIEW,
    label: "（一）项目实施背景",
    prompt: "项目实施背景是什么？请以问题为导向，说明企业发展面临的痛点、难点、堵点问题及具体表现。",
    kind: "longText",
    field: "overview.background",
    optional: true,
    maxLength: 300,
    guidance: "以问题为导向，说明需要解决企业发展面临的痛点、难点、堵点问题及具体表现。",
  },
  {
    id: "overall-plan",
    section: S_OVERVIEW,
    label: "（二）项目整体方案",
    prompt: "请介绍项目整体方案：基础条件、总体架构和建设情况、规划运营机制、人才队伍、网络和数据安全等。",
    kind: "longText",
    field: "overview.plan",
    optional: true,
    maxLength: 700,
    guidance:
      "包括但不限于以下几个部分：项目基础条件、总体实施架构和总体建设情况、智能工厂规划运营机制、专业人才队伍、网络安全和数据安全风险可控等。",
  },
];

// Section 三, once per chosen scenario. Only the four parts that matter most are asked
// (instance name, 总投资, 场景实例描述, 已实施成效); the others (supplier, dates, 痛点,
// 技术方案, 保障要素, 其他, 经济性, 关键装备…) are left to the document: SCENARIO_DOCUMENT_ONLY.
const scenes: Step[] = [
  {
    id: "scenario-instance-name",
    section: S_SCENES,
    label: "场景名称：环节名称-场景名称-场景实例名称",
    prompt: (item) => `「${item.label}」这个场景的实例名称是什么？例如：多机协同的发动机壳体柔性加工与检测环节`,
    kind: "text",
    field: "scenario.instanceName",
    forEach: scenarioItems,
    help: {
      text: "申报书中写成“环节名称-场景名称-场景实例名称”，例：生产作业-人机协同作业-多机协同的发动机壳体柔性加工与检测环节；这里只需填实例名称。",
      citation: cite(`${S_SCENES} > 1. 场景名称`, "例：生产作业-人机协同作业-多机协同的发动机壳体柔性加工与检测环节"),
    },
  },
  {
    id: "scenario-investment",
    section: S_SCENES,
    label: "场景建设总投资(万元)",
    prompt: (item) => `「${item.label}」场景的建设总投资是多少？例如：500万`,
    kind: "money",
    field: "scenario.investment",
    unit: "万元",
    optional: true,
    forEach: scenarioItems,
  },
  {
    id: "scenario-description",
    section: S_SCENES,
    label: "场景实例描述",
    prompt: (item) => `请结合要素条件描述「${item.label}」场景实例。`,
    kind: "longText",
    field: "scenario.description",
    optional: true,
    maxLength: 300,
    forEach: scenarioItems,
    guidance: "结合要素条件进行描述，300字以内，可配图",
    help: {
      text: "例：针对发动机壳体加工，搭建多台五轴机床+多台机器人组成柔性加工单元。",
      citation: cite(`${S_SCENES} > 3. 场景实例描述`, "例：针对发动机壳体加工，搭建多台五轴机床+多台机器人组成柔性加工单元。"),
    },
  },
  {
    id: "scenario-results",
    section: S_SCENES,
    label: "已实施成效",
    prompt: (item) => `「${item.label}」场景已取得哪些成效？最好用量化指标描述。`,
    kind: "longText",
    field: "scenario.results",
    optional: true,
    maxLength: 300,
    forEach: scenarioItems,
    guidance: "最好通过量化指标描述，300字以内",
    help: {
      text: "例：建设完成后，目前操作人员已从 5 人减少至 2 人，加工效率提升了 30%，产品不良品率降低了 10%。",
      citation: cite(
        `${S_SCENES} > 7. 已实施成效`,
        "例：建设完成后，目前操作人员已从 5 人减少至 2 人，加工效率提升了 30%，产品不良品率降低了 10%。",
      ),
    },
  },
];

const narrative: Step[] = [
  {
    id: "integration",
    section: S_INTEGRATION,
    label: "四、项目系统集成情况",
    prompt: "请说明项目各个系统之间、多个场景之间的集成协同情况。",
    kind: "longText",
    field: "narrative.integration",
    optional: true,
    guidance: "此部分重点阐述项目各个系统之间、多个场景之间的集成协同情况。",
  },
  {
    id: "advancement",
    section: S_ADVANCED,
    label: "五、项目的先进性与特色",
    prompt: "请说明项目技术水平的先进性、目标产品的先进性和市场前景，以及项目的特色和亮点。",
    kind: "longText",
    field: "narrative.advancement",
    optional: true,
    guidance: "此部分重点阐述项目技术水平的先进性，目标产品的先进性和市场前景，项目的特色和亮点等。",
  },
  {
    id: "implementation-results",
    section: S_RESULTS,
    label: "六、项目实施成效",
    prompt: "项目已取得哪些突出成效？包括突破的关键技术、装备、软件，以及投资回报率、成本降低、效率提升等。",
    kind: "longText",
    field: "narrative.results",
    optional: true,
    guidance:
      "此部分重点阐述项目已取得的突出成效，包括创新方面，如突破的关键技术、装备、软件等；经济性方面，如投资回报率、降低成本比例、劳动生产率、生产效率等。",
  },
  // Section 七 prints four headings and no guidance.
  {
    id: "goals",
    section: S_NEXT,
    label: "1. 预期目标",
    prompt: "下一步的预期目标是什么？",
    kind: "longText",
    field: "plan.goals",
    optional: true,
  },
  {
    id: "next-steps",
    section: S_NEXT,
    label: "2. 下一步建设主要内容和实施计划（含融资需求）",
    prompt: "下一步建设的主要内容和实施计划是什么？如有融资需求请一并说明。",
    kind: "longText",
    field: "plan.nextSteps",
    optional: true,
  },
  {
    id: "growth",
    section: S_NEXT,
    label: "3. 成长性分析",
    prompt: "请简要分析企业和项目的成长性。",
    kind: "longText",
    field: "plan.growth",
    optional: true,
  },
  {
    id: "promotion",
    section: S_NEXT,
    label: "4. 推广应用计划",
    prompt: "项目的推广应用计划是什么？",
    kind: "longText",
    field: "plan.promotion",
    optional: true,
  },
];

// 八、相关附表: 附表1 is filled from the scenario answers, 附表2 is left to the document;
// the optional lists 附表3–7 are asked as one free-text answer each (one item a line).
const keyParams = cite(`${S_TABLES} > 附表3`, "关键参数（两到三个核心参数）");
const tables: Step[] = [
  {
    id: "key-technologies",
    section: S_TABLES,
    label: "附表3. 项目突破的关键技术清单（选填）",
    prompt: "项目突破了哪些关键技术？每行一项：技术名称＋两到三个核心参数。",
    kind: "longText",
    field: "tables.keyTechnologies",
    optional: true,
    help: { text: "每项写技术名称和两到三个核心参数。", citation: keyParams },
  },
  {
    id: "key-equipment",
    section: S_TABLES,
    label: "附表4. 项目突破的关键装备清单（选填）",
    prompt: "项目突破了哪些关键装备？每行一项：装备名称＋两到三个核心参数。",
    kind: "longText",
    field: "tables.keyEquipment",
    optional: true,
    help: { text: "每项写装备名称和两到三个核心参数。", citation: keyParams },
  },
  {
    id: "key-software",
    section: S_TABLES,
    label: "附表5. 项目突破的关键软件/系统清单（选填）",
    prompt: "项目突破了哪些关键软件/系统？每行一项：软件/系统名称＋两到三个核心参数。",
    kind: "longText",
    field: "tables.keySoftware",
    optional: true,
    help: { text: "每项写软件/系统名称和两到三个核心参数。", citation: keyParams },
  },
  {
    id: "standards",
    section: S_TABLES,
    label: "附表6. 项目建设过程中形成的标准清单（选填）",
    prompt: "项目建设中形成了哪些标准？每行一项：标准名称、类型（国标/行标/团标/企标）、状态（已发布/草案）、标准号。",
    kind: "longText",
    field: "tables.standards",
    optional: true,
    help: {
      text: "标准类型选填国标、行标、团标、企标；标准状态选填已发布、草案。",
      citation: cite(`${S_TABLES} > 附表6`, "标准类型（选填 国标、行标、团 标、企标）"),
    },
  },
  {
    id: "patents",
    section: S_TABLES,
    label: "附表7. 项目建设过程中形成的专利清单（选填）",
    prompt: "项目建设中形成了哪些专利或软著？每行一项：名称、类型（发明/实用新型/外观/软著）、状态（已发布/审查中）、专利号。",
    kind: "longText",
    field: "tables.patents",
    optional: true,
    help: {
      text: "专利类型选填发明、实用新型、外观、软著；专利状态选填已发布、审查中。",
      citation: cite(`${S_TABLES} > 附表7`, "专利类型（选填 发明、实用新 型、外观、软著）"),
    },
  },
];

export const flow: ApplicationFlow = {
  programId: "fj-2025-smart-factory-advanced",
  formTitle: "福建省先进级智能工厂申报书",
  intro:
    "我们按《福建省先进级智能工厂申报书》逐项填写单位和智能工厂基本信息、建设成效指标、项目总体情况、各场景建设情况和附表，约65个问题（必填约40个），所选场景和指标越多问题越多。大段文字可以先跳过，生成文档后再补写。",
  steps: [...cover, ...basic, ...factory, ...overview, ...scenes, ...narrative, ...tables],
};
