import type { Citation } from "../../eligibility/index.ts";
import { valueOf } from "../../forms/expand.ts";
import type { ApplicationFlow, ChoiceOption, Step, StepHelp, StepItem } from "../../forms/types.ts";
import { DOC } from "./params.ts";
import { texts } from "./texts.ts";

/**
 * The 申报书 (附件2, an MIIT template) row by row: cover, 一、申报企业基本信息, 二、(1) 平台基本信息,
 * (2) 能力介绍 indicators 1.1–5.3, (3) 技术架构, (4) 下一步发展计划. Objective indicators of the
 * starred (*) items are required (说明 3: fill them, 「如果没有可填“无”」 — here 0); indicators of
 * unstarred items and every narrative are optional. Signatures, seals and (5) 附件清单 are not asked.
 */

const cite = (section: string, quote: string): Citation => ({ docNumber: DOC, section, quote });

const FORM = "附件2";
const S_COVER = "封面";
const S_BASIC = "一、申报企业基本信息";
const S_PLATFORM = "二、（1）工业互联网平台基本信息";
const S11 = "二、（2）1.1 工业设备数量*";
const S12 = "二、（2）1.2 工业模型数量*";
const S13 = "二、（2）1.3 工业APP数量*";
const S14 = "二、（2）1.4 服务工业企业数量*";
const S15 = "二、（2）1.5 平台开发者数量*";
const S21 = "二、（2）2.1 平台技术创新能力*";
const S22 = "二、（2）2.2 平台产品可靠性和安全防护能力";
const S23 = "二、（2）2.3 自研杀手锏工业APP情况*";
const S31 = "二、（2）3.1 解决方案供给能力";
const S32 = "二、（2）3.2 赋能园区转型成效*";
const S33 = "二、（2）3.3 赋能行业和领域成效*";
const S34 = "二、（2）3.4 中小企业服务能力*";
const S35 = "二、（2）3.5 国际业务拓展能力*";
const S41 = "二、（2）4.1 稳增长支撑能力*";
const S42 = "二、（2）4.2 “双链”及“双碳”支撑能力";
const S43 = "二、（2）4.3 支撑经济或行业运行分析";
const S44 = "二、（2）4.4 部重点工作参与情况";
const S45 = "二、（2）4.5 参与标准制定情况*";
const S51 = "二、（2）5.1 盈利和融资能力*";
const S52 = "二、（2）5.2 公司资源调配能力*";
const S53 = "二、（2）5.3 生态运营能力";
const S_ARCH = "二、（3）工业互联网平台技术架构";
const S_PLAN = "二、（4）工业互联网平台下一步发展计划";

/** 说明 3, attached to every objective indicator of a starred item. */
const STARRED: StepHelp = {
  text: "带*项目的客观指标须按实际情况填写，并提供截图、汇总表、复印件等证明材料；没有请填 0。",
  citation: cite(
    `${FORM} > 说明 3`,
    "表格中带*标记项目中的客观指标请根据实际情况填写并提供截图、汇总表、复印件等相关证明材料，如果没有可填“无”",
  ),
};

/** 「数据均从 2021 年开始计算」 (3.2, 3.3, 3.4, 4.1). */
const since2021 = (section: string): StepHelp => ({
  text: "带*项目的客观指标须提供证明材料；数据均从 2021 年开始累计，没有请填 0。",
  citation: cite(`${FORM} > ${section}`, "数据均从 2021 年开始计算"),
});

/** A whole-number indicator. */
function count(
  id: string,
  section: string,
  label: string,
  prompt: string,
  field: string,
  unit: string | undefined,
  extra: Partial<Step> = {},
): Step {
  return { id, section, label, prompt, kind: "count", field, ...(unit ? { unit } : {}), min: 0, ...extra };
}

/** An optional narrative whose guidance is the form's own parenthetical. */
function notes(
  id: string,
  section: string,
  label: string,
  prompt: string,
  field: string,
  guidance: string,
  extra: Partial<Step> = {},
): Step {
  return {
    id,
    section,
    label,
    prompt,
    kind: "longText",
    field,
    optional: true,
    guidance,
    help: { text: `要点：${guidance}`, citation: cite(`${FORM} > ${section}`, guidance) },
    ...extra,
  };
}

const SUPPLEMENT = "补充说明和分类详细介绍";
const SKIP_LATER = "可回复“跳过”，稍后在文档中补写";

/** 1.1 device classes, as the form lists them. */
export const DEVICE_TYPES: readonly StepItem[] = [
  { key: "running", label: "运行设备" },
  { key: "processing", label: "加工设备" },
  { key: "mobile", label: "行走设备" },
  { key: "other", label: "其它设备" },
];

/** 1.2 model classes. */
export const MODEL_TYPES: readonly StepItem[] = [
  { key: "rdSimulation", label: "研发仿真模型" },
  { key: "businessProcess", label: "业务流程模型" },
  { key: "industryMechanism", label: "行业机理模型" },
  { key: "dataAlgorithm", label: "数据算法模型" },
];

/** The nine 重点领域 (1.3 工业 APP 种类; 3.1 领域数量). */
export const DOMAINS: readonly StepItem[] = [
  { key: "safety", label: "安全生产" },
  { key: "energySaving", label: "节能减排" },
  { key: "quality", label: "质量管控" },
  { key: "supplyChain", label: "供应链管理" },
  { key: "rdDesign", label: "研发设计" },
  { key: "production", label: "生产制造" },
  { key: "operations", label: "运营管理" },
  { key: "logistics", label: "仓储物流" },
  { key: "maintenance", label: "运维服务" },
];

const DOMAIN_OPTIONS: readonly ChoiceOption[] = DOMAINS.map((d) => ({ id: d.key, label: d.label }));

const APP_SOURCES: readonly StepItem[] = [
  { key: "selfDeveloped", label: "自研工业 APP" },
  { key: "partner", label: "生态伙伴工业 APP" },
];

const APP_ORIGINS: readonly StepItem[] = [
  { key: "platformBuilt", label: "基于平台开发的工业 APP" },
  { key: "cloudified", label: "传统工业软件云化 APP" },
];

/** 2.2 security measures (each 是/否 on the form). */
const SECURITY_MEASURES: readonly StepItem[] = [
  { key: "access", label: "设备和数据接入安全防护手段" },
  { key: "data", label: "数据安全防护" },
  { key: "code", label: "代码安全防护" },
  { key: "application", label: "应用安全防护" },
  { key: "visit", label: "访问安全防护" },
];

const TECHNOLOGIES: readonly ChoiceOption[] = [
  { id: "5g", label: "5G" },
  { id: "bigData", label: "大数据" },
  { id: "ai", label: "人工智能" },
  { id: "digitalTwin", label: "数字孪生" },
  { id: "blockchain", label: "区块链" },
  { id: "arVr", label: "工业 AR/VR 技术" },
];

const STANDARD_LEVELS: readonly StepItem[] = [
  { key: "national", label: "国家标准" },
  { key: "industry", label: "行业标准" },
  { key: "international", label: "国际标准" },
];

/** 5.2 prints two columns, 2021 and 2022. */
const RD_YEARS: readonly StepItem[] = [
  { key: "2021", label: "2021年" },
  { key: "2022", label: "2022年" },
];

/** 4.5: per level, the total then 其中牵头制定, in the form's order. */
const standardSteps: Step[] = STANDARD_LEVELS.flatMap((level): Step[] => [
  count(
    `standards-${level.key}`,
    S45,
    level.label,
    `平台牵头或参与编制的工业互联网平台领域${level.label}有多少个？没有请填 0。`,
    `society.standards.${level.key}.total`,
    "项",
    { help: STARRED },
  ),
  count(
    `standards-${level.key}-led`,
    S45,
    `${level.label}：其中牵头制定`,
    `其中牵头制定的${level.label}有多少个？`,
    `society.standards.${level.key}.led`,
    "项",
    { help: STARRED },
  ),
]);

const steps: Step[] = [
  // ── 封面 ──
  {
    id: "project-name",
    section: S_COVER,
    label: "项目名称",
    prompt: "本次申报的项目名称是什么？（如：XX工业互联网平台）",
    kind: "text",
    field: "cover.projectName",
  },
  {
    id: "recommender",
    section: S_COVER,
    label: "推荐单位",
    prompt: "推荐单位是哪个设区市工信局或平潭经发局？（如：福州市工业和信息化局）",
    kind: "text",
    field: "cover.recommender",
    optional: true,
    help: {
      text: "申报书报送所在地市工信局，由其初核并出具推荐意见、加盖推荐单位公章。",
      citation: cite("二、申报程序 > （二）", "各设区市工信局、平潭经发局应当对企业申报材料进行初核并择优出具推荐意见"),
    },
  },

  // ── 一、申报企业基本信息 ──
  {
    id: "company-name",
    section: S_BASIC,
    label: "企业名称",
    prompt: "申报企业的全称是什么（与营业执照一致）？",
    kind: "text",
    field: "basic.name",
    profileField: "name",
  },
  {
    id: "org-code",
    section: S_BASIC,
    label: "组织机构代码",
    prompt: "请提供企业的18位统一社会信用代码（其第9至17位即组织机构代码）。",
    kind: "creditCode",
    field: "basic.orgCode",
    help: {
      text: "申报书此栏沿用旧称「组织机构代码」；营业执照现只印统一社会信用代码，填完整的18位代码即可。",
    },
  },
  {
    id: "founded",
    section: S_BASIC,
    label: "成立时间",
    prompt: "企业是什么时候成立的？写到月即可（如：2015年3月 或 2015-03-18）",
    monthPrecision: true,
    kind: "date",
    field: "basic.foundedDate",
  },
  {
    id: "address",
    section: S_BASIC,
    label: "单位地址",
    prompt: "企业的单位地址是什么？",
    kind: "text",
    field: "basic.address",
  },
  {
    id: "contact-name",
    section: S_BASIC,
    label: "联系人姓名",
    prompt: "本次申报的联系人叫什么名字？",
    kind: "text",
    field: "basic.contact.name",
  },
  {
    id: "contact-phone",
    section: S_BASIC,
    label: "联系人电话",
    prompt: "联系人的办公电话是多少？（如：0591-87430181）",
    kind: "phone",
    field: "basic.contact.phone",
  },
  {
    id: "contact-title",
    section: S_BASIC,
    label: "联系人职务",
    prompt: "联系人的职务是什么？（如：信息化部经理）",
    kind: "text",
    field: "basic.contact.title",
  },
  {
    id: "contact-mobile",
    section: S_BASIC,
    label: "联系人手机",
    prompt: "联系人的手机号码是多少？",
    kind: "phone",
    field: "basic.contact.mobile",
  },
  {
    id: "contact-fax",
    section: S_BASIC,
    label: "联系人传真",
    prompt: "联系人的传真号码是多少？（没有可回复“跳过”）",
    kind: "phone",
    field: "basic.contact.fax",
    optional: true,
  },
  {
    id: "contact-email",
    section: S_BASIC,
    label: "联系人E-mail",
    prompt: "联系人的电子邮箱是什么？",
    kind: "email",
    field: "basic.contact.email",
  },
  {
    id: "total-assets",
    section: S_BASIC,
    label: "总资产（万元）",
    prompt: "企业总资产是多少万元？（如：52000万元 或 5.2亿）",
    kind: "money",
    field: "basic.totalAssetsWan",
    unit: "万元",
  },
  {
    id: "debt-ratio",
    section: S_BASIC,
    label: "负债率",
    prompt: "企业资产负债率是多少？（如：45.6%）",
    kind: "percent",
    field: "basic.debtRatio",
    unit: "%",
    min: 0,
  },
  {
    id: "credit-rating",
    section: S_BASIC,
    label: "信用等级",
    prompt: "企业的信用等级是什么？（如：AAA；没有评级可回复“跳过”）",
    kind: "text",
    field: "basic.creditRating",
    optional: true,
    maxLength: 50,
  },
  {
    id: "sales-last-year",
    section: S_BASIC,
    label: "上年销售（万元）",
    prompt: "企业上年（2022年）销售收入是多少万元？",
    kind: "money",
    field: "basic.salesLastYearWan",
    unit: "万元",
    profileField: "revenueLastYearWan",
  },
  {
    id: "tax-last-year",
    section: S_BASIC,
    label: "上年税金（万元）",
    prompt: "企业上年（2022年）缴纳税金多少万元？",
    kind: "money",
    field: "basic.taxLastYearWan",
    unit: "万元",
  },
  {
    id: "profit-last-year",
    section: S_BASIC,
    label: "上年利润（万元）",
    prompt: "企业上年（2022年）利润是多少万元？（亏损可写“亏损120万”或 -120）",
    kind: "money",
    field: "basic.profitLastYearWan",
    unit: "万元",
    // A loss is negative: min below 0 lets the money reader accept it.
    min: Number.NEGATIVE_INFINITY,
    profileField: "profitLastYearWan",
  },
  {
    id: "intro-overview",
    section: S_BASIC,
    label: "企业简介（一）申报单位情况介绍",
    prompt: "请简要介绍申报单位的发展历程、主营业务和市场销售情况（企业简介两部分合计限1000字，可回复“跳过”稍后补写）。",
    kind: "longText",
    field: "basic.intro.overview",
    optional: true,
    maxLength: 1000,
    guidance: "发展历程、主营业务、市场销售等方面基本情况。",
    help: {
      text: "企业简介限1000字，含（一）申报单位情况介绍和（二）核心竞争力介绍两部分。",
      citation: cite(`${FORM} > ${S_BASIC} > 企业简介`, "（限 1000 字）"),
    },
  },
  {
    id: "intro-competence",
    section: S_BASIC,
    label: "企业简介（二）申报单位核心竞争力介绍",
    prompt: "请介绍申报单位在工业互联网平台技术、产品、解决方案方面的核心竞争力（可回复“跳过”稍后补写）。",
    kind: "longText",
    field: "basic.intro.competence",
    optional: true,
    maxLength: 1000,
    guidance:
      "突出工业互联网平台技术、产品、解决方案等相关能力，包括优势技术、人才队伍、研发能力、实施能力、服务保障、应用效果等。",
    help: {
      text: "要点：优势技术、人才队伍、研发能力、实施能力、服务保障、应用效果；与（一）合计限1000字。",
      citation: cite(
        `${FORM} > ${S_BASIC} > 企业简介`,
        "突出工业互联网平台技术、产品、解决方案等相关能力，包括优势技术、人才队伍、研发能力、实施能力、服务保障、应用效果等。",
      ),
    },
  },

  // ── 二、（1）工业互联网平台基本信息 ──
  {
    id: "platform-name",
    section: S_PLATFORM,
    label: "平台名称",
    prompt: "工业互联网平台的名称是什么？",
    kind: "text",
    field: "platform.name",
  },
  {
    id: "platform-builder",
    section: S_PLATFORM,
    label: "建设主体",
    prompt: "平台的建设主体是哪家单位？",
    kind: "text",
    field: "platform.builder",
  },
  {
    id: "platform-built-at",
    section: S_PLATFORM,
    label: "建设时间",
    prompt: "平台是什么时候开始建设的？（如：2019年6月）",
    kind: "date",
    field: "platform.builtAt",
    monthPrecision: true,
  },
  {
    id: "platform-investment",
    section: S_PLATFORM,
    label: "投资金额",
    prompt: "平台累计投资金额是多少万元？（如：8000万元）",
    kind: "money",
    field: "platform.investmentWan",
    unit: "万元",
  },
  {
    id: "build-mode",
    section: S_PLATFORM,
    label: "建设方式",
    prompt: "平台是自建还是与其他企业合作共建？",
    kind: "choice",
    field: "platform.buildMode",
    options: [
      { id: "self", label: "自建" },
      { id: "joint", label: "合作共建" },
    ],
  },
  {
    id: "build-partner",
    section: S_PLATFORM,
    label: "合作企业名称",
    prompt: "合作共建的企业名称是什么？（多家请用顿号分隔）",
    kind: "text",
    field: "platform.buildPartner",
    when: (a) => valueOf(a, "build-mode") === "joint",
  },
  {
    id: "iaas",
    section: S_PLATFORM,
    label: "IaaS 基础设施",
    prompt: "平台的 IaaS 基础设施是自建还是租用？",
    kind: "choice",
    field: "platform.iaas",
    options: [
      { id: "self", label: "自建" },
      { id: "rented", label: "租用" },
    ],
  },
  {
    id: "iaas-provider",
    section: S_PLATFORM,
    label: "IaaS 服务商名称",
    prompt: "租用的 IaaS 服务商名称是什么？（如：阿里云、华为云）",
    kind: "text",
    field: "platform.iaasProvider",
    when: (a) => valueOf(a, "iaas") === "rented",
  },

  // ── 二、（2）1. 平台资源管理能力 ──
  count(
    "devices-total",
    S11,
    "可连接的工业设备/产品/产线种类及数量",
    "平台可连接的工业设备/产品/产线共有多少台/套？",
    "resources.devices.total",
    "台",
    { profileField: "platformConnectedDevices", help: STARRED },
  ),
  {
    id: "devices-by-type",
    section: S11,
    label: "其中：分类设备数量",
    prompt: (item) => `其中${item.label}有多少台/套？`,
    kind: "count",
    field: "resources.devices.byType",
    unit: "台",
    min: 0,
    forEach: () => DEVICE_TYPES,
    help: {
      text: "运行设备：采矿、化工、冶炼、电力、建材、动力设备、仪器仪表等；加工设备：机床、机器人、电工、电子设备、轻工设备等；行走设备：工程机械、农林机械、物流设备、交通设备等；其他设备：安全生产设备、污染防治设备等。",
      citation: cite(
        `${FORM} > ${S11}`,
        "运行设备包括：采矿设备、化工设备、冶炼设备、电力设备、建材设备、动力设备、仪器仪表等；加工设备包括：机床、机器人、电工、电子设备、轻工设备等；行走设备包括：工程机械、农林机械、物流设备、交通设备等；其他设备包括：安全生产设备、污染防治设备等",
      ),
    },
  },
  count("devices-public-cloud", S11, "公有云连接设备", "通过公有云连接的设备有多少台/套？", "resources.devices.publicCloud", "台", {
    help: STARRED,
  }),
  count("devices-private-cloud", S11, "私有云连接设备", "通过私有云连接的设备有多少台/套？", "resources.devices.privateCloud", "台", {
    help: STARRED,
  }),
  count(
    "devices-daily-running",
    S11,
    "基于公有云的工业设备日运行数量",
    "基于公有云、每日上传实时运行数据的工业设备有多少台/套？",
    "resources.devices.dailyRunning",
    "台",
    {
      help: {
        text: "指每日上传实时运行数据的工业设备数量。",
        citation: cite(`${FORM} > ${S11}`, "指每日上传实时运行数据的工业设备数量"),
      },
    },
  ),
  count("protocols", S11, "工业协议兼容适配数量", "平台兼容适配的工业协议有多少种？", "resources.protocols", "种", { help: STARRED }),
  notes(
    "devices-notes",
    S11,
    SUPPLEMENT,
    `请补充说明平台接入及管理的工业设备类型、数量和可兼容的工业协议（${SKIP_LATER}）。`,
    "resources.devices.notes",
    "具体接入及管理的工业设备类型及数量，可兼容的工业协议种类等",
  ),

  count("models-total", S12, "工业模型数量", "平台上的工业模型共有多少个？", "resources.models.total", "个", { help: STARRED }),
  {
    id: "models-by-type",
    section: S12,
    label: "其中：分类模型数量",
    prompt: (item) => `其中${item.label}有多少个？`,
    kind: "count",
    field: "resources.models.byType",
    unit: "个",
    min: 0,
    forEach: () => MODEL_TYPES,
    help: STARRED,
  },
  notes(
    "models-notes",
    S12,
    SUPPLEMENT,
    `请补充说明平台具体禀赋的工业机理模型（${SKIP_LATER}）。`,
    "resources.models.notes",
    "具体禀赋的工业机理模型",
  ),

  count("apps-total", S13, "工业 APP 数量", "平台上的工业 APP 共有多少个？", "resources.apps.total", "个", { help: STARRED }),
  {
    id: "apps-by-source",
    section: S13,
    label: "其中：自研/生态伙伴工业 APP 数量",
    prompt: (item) => `其中${item.label}有多少个？`,
    kind: "count",
    field: "resources.apps.bySource",
    unit: "个",
    min: 0,
    forEach: () => APP_SOURCES,
    help: STARRED,
  },
  {
    id: "apps-by-origin",
    section: S13,
    label: "基于平台开发的/传统工业软件云化 APP 数量",
    prompt: (item) => `${item.label}有多少个？`,
    kind: "count",
    field: "resources.apps.byOrigin",
    unit: "个",
    min: 0,
    forEach: () => APP_ORIGINS,
    help: STARRED,
  },
  {
    id: "apps-by-domain",
    section: S13,
    label: "工业 APP 种类",
    prompt: (item) => `${item.label}类工业 APP 有多少个？`,
    kind: "count",
    field: "resources.apps.byDomain",
    unit: "个",
    min: 0,
    forEach: () => DOMAINS,
    help: STARRED,
  },
  count(
    "apps-monthly-active",
    S13,
    "工业 APP 月活跃数量",
    "当月有用户访问或调用过的工业 APP 有多少个？",
    "resources.apps.monthlyActive",
    "个",
    {
      help: {
        text: "指当月有用户访问或者调用过的工业 APP 数量。",
        citation: cite(`${FORM} > ${S13}`, "指当月有用户访问或者调用过的工业 APP 数量"),
      },
    },
  ),
  notes("apps-notes", S13, SUPPLEMENT, `请补充说明平台上具体的工业 APP 类型（${SKIP_LATER}）。`, "resources.apps.notes", "具体的工业 APP 类型"),

  count(
    "enterprise-users",
    S14,
    "注册工业企业用户数",
    "平台注册的工业企业用户有多少个？",
    "resources.enterprises.registered",
    "家",
    { profileField: "platformConnectedEnterprises", help: STARRED },
  ),
  count("paying-enterprises", S14, "付费工业企业数", "其中付费的工业企业有多少个？", "resources.enterprises.paying", "家", { help: STARRED }),
  notes(
    "enterprises-notes",
    S14,
    SUPPLEMENT,
    `请补充说明平台服务的工业企业类型及提供的产品或服务（${SKIP_LATER}）。`,
    "resources.enterprises.notes",
    "具体服务的工业企业类型，平台提供了什么产品或服务",
  ),

  count("developers-registered", S15, "第三方开发者注册总数", "平台第三方开发者注册总数是多少？", "resources.developers.registered", "人", {
    help: STARRED,
  }),
  count(
    "developers-active",
    S15,
    "第三方活跃开发者数",
    "近一个月至少登录1次并调用过平台工具或环境的第三方开发者有多少个？",
    "resources.developers.active",
    "人",
    {
      help: {
        text: "活跃开发者为近一个月至少登陆1次平台且对平台的工具或者环境进行调用的开发者；须提供证明材料，没有请填 0。",
        citation: cite(`${FORM} > ${S15}`, "活跃开发者为近一个月至少登陆1次平台且对平台的工具或者环境进行调用的开发者"),
      },
    },
  ),
  notes(
    "developers-notes",
    S15,
    SUPPLEMENT,
    `请补充说明每类开发者具体调用了哪些工具包、算法模型和微服务（${SKIP_LATER}）。`,
    "resources.developers.notes",
    "每类开发者具体调用了什么工具包、算法模型和微服务",
  ),

  // ── 2. 平台核心技术水平 ──
  count("patents", S21, "平台核心软硬件技术获得的专利数量", "平台核心软硬件技术获得了多少项专利？", "technology.patents", "项", { help: STARRED }),
  count(
    "software-copyrights",
    S21,
    "平台核心软硬件技术获得的软著数量",
    "平台核心软硬件技术获得了多少项软件著作权？",
    "technology.softwareCopyrights",
    "项",
    { help: STARRED },
  ),
  notes(
    "innovation-notes",
    S21,
    "补充说明材料",
    `请补充说明平台的新技术融合情况、对应用及解决方案的支撑能力和技术产品化能力（${SKIP_LATER}）。`,
    "technology.innovationNotes",
    "包含但不限于平台新技术融合情况、对应用及解决方案的支撑能力、技术产品化能力等",
  ),

  {
    id: "security",
    section: S22,
    label: "安全防护能力",
    prompt: (item) => `平台是否具有${item.label}？`,
    kind: "yesNo",
    field: "technology.security",
    optional: true,
    forEach: () => SECURITY_MEASURES,
  },
  notes(
    "security-notes",
    S22,
    "补充说明材料",
    `请补充说明平台安全防护体系、防护能力及第三方安全测试认证情况（${SKIP_LATER}）。`,
    "technology.securityNotes",
    "包括平台安全防护体系和防护能力介绍，获得第三方安全测试认证情况等",
  ),

  {
    id: "killer-cross-platform",
    section: S23,
    label: "支持跨平台调用",
    prompt: "平台的杀手锏 APP 是否支持跨平台调用？",
    kind: "yesNo",
    field: "technology.killerApps.crossPlatform",
    help: {
      text: "杀手锏 APP 指平台上订阅用户数最多的 5 个工业 APP；本项客观指标须提供证明材料。",
      citation: cite(`${FORM} > ${S23}`, "杀手锏 APP 指平台上订阅用户数最多的 5 个工业 APP"),
    },
  },
  count(
    "killer-daily-active",
    S23,
    "公有云杀手锏 APP 日活",
    "部署在公有云上的杀手锏 APP 平均每天被调用多少次（同一用户每天只计一次）？",
    "technology.killerApps.dailyActive",
    "次",
    {
      help: {
        text: "指部署在公有云上的杀手锏工业 APP 平均每天被调用的次数，同一用户每天调用次数不重复计算。",
        citation: cite(
          `${FORM} > ${S23}`,
          "指部署在公有云上的杀手锏工业 APP 平均每天被调用的次数，同一用户每天调用次数不重复计算",
        ),
      },
    },
  ),
  count("killer-subscriptions", S23, "杀手锏 APP 订阅量", "5个杀手锏 APP 的订阅量合计是多少？", "technology.killerApps.subscriptions", undefined, {
    help: STARRED,
  }),
  {
    id: "killer-monthly-revenue",
    section: S23,
    label: "2022 年月平均收入（万元）",
    prompt: "5个杀手锏 APP 在2022年累计的月平均收入是多少万元？（如：35万元）",
    kind: "money",
    field: "technology.killerApps.monthlyRevenue2022Wan",
    unit: "万元",
    help: {
      text: "填 5 个杀手锏 APP 累计月均收入；须提供证明材料，没有请填 0。",
      citation: cite(`${FORM} > ${S23}`, "5 个杀手锏 APP 累计月均收入"),
    },
  },
  count(
    "killer-awards",
    S23,
    "获评省部级优秀 APP 数量（2021 年以来）",
    "2021年以来有多少个 APP 获评省部级优秀 APP？",
    "technology.killerApps.awards",
    "个",
    { help: STARRED },
  ),
  notes(
    "killer-notes",
    S23,
    SUPPLEMENT,
    `请列出并介绍平台的杀手锏 APP（${SKIP_LATER}）。`,
    "technology.killerApps.notes",
    "提供杀手锏 APP 列表和介绍",
  ),

  // ── 3. 平台赋能成效 ──
  count("solution-industries", S31, "覆盖的行业数量", "平台解决方案覆盖多少个行业？", "enablement.solutions.industries", "个", {
    optional: true,
    help: {
      text: "行业按申报书所列分类计：煤炭/黑色金属矿开采/石油天然气开采、黑色金属、有色金属、石化化工、建材、医药、纺织、家电、食品、烟草、轻工、机械、汽车、航空/航天、船舶、轨道交通、电子、电力、热力和燃气、建筑业、农业、服务业。",
      citation: cite(
        `${FORM} > ${S31}`,
        "行业分类包括煤炭/黑色金属矿开采/石油天然气开采、黑色金属、有色金属、石化化工、建材、医药、纺织、家电、食品、烟草、轻工、机械、汽车、航空/航天、船舶、轨道交通、电子、电力、热力和燃气、建筑业、农业、服务业",
      ),
    },
  }),
  count("solution-domains", S31, "覆盖的领域数量", "平台解决方案覆盖九大重点领域中的几个？", "enablement.solutions.domains", "个", {
    optional: true,
    max: DOMAINS.length,
    help: {
      text: "领域指安全生产、节能减排、质量管控、供应链管理、研发设计、生产制造、运营管理、仓储物流、运维服务九大重点领域。",
      citation: cite(
        `${FORM} > ${S31}`,
        "领域数量是指安全生产、节能减排、质量管控、供应链管理、研发设计、生产制造、运营管理、仓储物流、运维服务九大重点领域",
      ),
    },
  }),
  count("solutions-effective", S31, "提供有效解决方案数量", "平台提供的有效解决方案有多少个？", "enablement.solutions.effective", "个", {
    optional: true,
    help: {
      text: "有效解决方案之间不能交叉、边界清晰：例如 A、B、C 三个行业的供应链管理只算 1 个。",
      citation: cite(
        `${FORM} > ${S31}`,
        "有效解决方案指解决方案之间不能有交叉，边界清晰，例如 A 行业供应链管理、B 行业供应链管理、C 行业供应链管理，只能认定为 1 个有效解决方案",
      ),
    },
  }),
  {
    id: "solution-technologies",
    section: S31,
    label: "运用以下技术",
    prompt: "解决方案运用了以下哪些技术？（可多选）",
    kind: "multiChoice",
    field: "enablement.solutions.technologies",
    optional: true,
    options: TECHNOLOGIES,
  },
  notes(
    "solutions-notes",
    S31,
    SUPPLEMENT,
    `请列出解决方案并详细介绍其中5至8个（${SKIP_LATER}）。`,
    "enablement.solutions.notes",
    "提供解决方案列表，详细介绍 5-8 个解决方案情况，包括解决的痛点问题、部署方案、预期推广效益等",
  ),

  count("parks-served", S32, "累计服务园区数量", "2021年以来平台累计服务了多少个园区？", "enablement.parks.served", "个", {
    help: since2021(S32),
  }),
  count(
    "parks-national",
    S32,
    "服务园区获评国家级示范园区、工业和信息化部“平台+园区”示范项目数量",
    "服务的园区中获评国家级示范园区或工信部“平台+园区”示范项目的有多少个？",
    "enablement.parks.national",
    "个",
    { help: since2021(S32) },
  ),
  count("parks-provincial", S32, "服务园区获评省级示范园区数量", "服务的园区中获评省级示范园区的有多少个？", "enablement.parks.provincial", "个", {
    help: since2021(S32),
  }),
  notes(
    "parks-notes",
    S32,
    SUPPLEMENT,
    `请详细介绍3个对园区管理侧和产业侧赋能的标杆案例（${SKIP_LATER}）。`,
    "enablement.parks.notes",
    "围绕提升园区数字化管理能力和解决园区内企业数字化转型问题，详细介绍 3 个对园区管理侧和产业侧赋能的标杆案例",
  ),

  count("cases-miit", S33, "获评工业和信息化部应用案例", "2021年以来平台有多少个案例获评工业和信息化部应用案例？", "enablement.sectors.miitCases", "个", {
    help: since2021(S33),
  }),
  count("cases-provincial", S33, "获评省级应用案例", "2021年以来平台有多少个案例获评省级应用案例？", "enablement.sectors.provincialCases", "个", {
    help: since2021(S33),
  }),
  {
    id: "top-industries",
    section: S33,
    label: "平台业务量及收入占比最高的 3 个行业",
    prompt: "平台业务量及收入占比最高的3个行业是哪些？（如：机械、汽车、电子）",
    kind: "text",
    field: "enablement.sectors.topIndustries",
    optional: true,
    help: {
      text: "申报书要求列举平台业务量及收入占比最高的 3 个行业和 3 个领域。",
      citation: cite(`${FORM} > ${S33}`, "列举平台业务量及收入占比最高的 3 个行业"),
    },
  },
  {
    id: "top-domains",
    section: S33,
    label: "平台业务量及收入占比最高的 3 个领域",
    prompt: "平台业务量及收入占比最高的3个领域是哪些？（最多选3个）",
    kind: "multiChoice",
    field: "enablement.sectors.topDomains",
    optional: true,
    options: DOMAIN_OPTIONS,
    maxChoices: 3,
  },
  notes(
    "sectors-notes",
    S33,
    SUPPLEMENT,
    `请介绍3个行业/领域标杆案例（${SKIP_LATER}）。`,
    "enablement.sectors.notes",
    "介绍 3 个行业/领域标杆案例，包括用户情况与需求、平台建设应用内容、已取得的效益、复制推广计划等",
  ),

  count("sme-served", S34, "累计服务中小企业数量", "2021年以来平台累计服务了多少家中小企业？", "enablement.sme.served", "家", {
    help: since2021(S34),
  }),
  {
    id: "sme-contract",
    section: S34,
    label: "累计服务中小企业合同金额（万元）",
    prompt: "2021年以来服务中小企业的合同金额累计多少万元？（如：1200万元）",
    kind: "money",
    field: "enablement.sme.contractWan",
    unit: "万元",
    help: since2021(S34),
  },
  notes(
    "sme-notes",
    S34,
    "补充说明材料",
    `请介绍服务中小企业的创新产品和创新商业模式（${SKIP_LATER}）。`,
    "enablement.sme.notes",
    "介绍服务中小企业的创新产品、创新商业模式等",
  ),

  notes(
    "international",
    S35,
    "国际业务拓展能力",
    `请介绍平台的国际业务模式及为海外企业提供的平台赋能解决方案（${SKIP_LATER}）。`,
    "enablement.international",
    "介绍国际业务模式，对海外企业提供平台赋能解决方案",
  ),

  // ── 4. 平台社会贡献度 ──
  count(
    "stability-honors",
    S41,
    "服务地方获“六稳”“六保”省部级荣誉数量",
    "2021年以来平台服务地方获得“六稳”“六保”省部级荣誉多少个？",
    "society.stability.honors",
    "个",
    { help: since2021(S41) },
  ),
  count(
    "stability-city-honor",
    S41,
    "注册地获“建设信息基础设施和推进产业数字化成效明显市（州）”",
    "2021年以来企业注册地获评“建设信息基础设施和推进产业数字化成效明显市（州）”的数量是多少个？",
    "society.stability.cityHonors",
    "个",
    { help: since2021(S41) },
  ),
  notes(
    "stability-notes",
    S41,
    "补充说明材料",
    `请介绍平台在服务地方“六稳”“六保”、工业稳增长等方面发挥的作用（${SKIP_LATER}）。`,
    "society.stability.notes",
    "介绍平台服务地方“六稳”“六保”、工业稳增长等方面发挥的作用",
  ),

  count("dual-solutions", S42, "有效解决方案数量", "“双链”“双碳”方面的有效解决方案有多少个？", "society.dualChainCarbon.solutions", "个", {
    optional: true,
  }),
  count("dual-industries", S42, "覆盖的行业数量", "这些解决方案覆盖多少个行业？", "society.dualChainCarbon.industries", "个", {
    optional: true,
  }),
  count("dual-domains", S42, "覆盖的领域数量", "这些解决方案覆盖九大重点领域中的几个？", "society.dualChainCarbon.domains", "个", {
    optional: true,
    max: DOMAINS.length,
  }),
  notes(
    "dual-notes",
    S42,
    SUPPLEMENT,
    `请各介绍1个“双链”和“双碳”解决方案及其推广情况（${SKIP_LATER}）。`,
    "society.dualChainCarbon.notes",
    "介绍“双链”、“双碳”解决方案各1个，并介绍推广情况",
  ),

  notes(
    "economic-analysis",
    S43,
    "支撑经济或行业运行分析",
    `请介绍平台依托平台数据支撑产业经济运行监测分析等情况（${SKIP_LATER}）。`,
    "society.economicAnalysis",
    "介绍平台依托工业互联网平台数据支撑产业经济运行监测分析等情况",
  ),
  notes(
    "key-work",
    S44,
    "部重点工作参与情况",
    `请介绍平台承担创新发展工程项目、参与试点示范等部重点工作的情况（${SKIP_LATER}）。`,
    "society.keyWork",
    "包括承担创新发展工程项目,参与试点示范、“工业互联网平台进园区”“全国工业互联网平台赋能深度行”、工业互联网平台创新合作中心等",
  ),

  ...standardSteps,
  notes(
    "standards-notes",
    S45,
    SUPPLEMENT,
    `请列出主导或参与制定的已立项工业互联网平台领域标准及归口标委会（${SKIP_LATER}）。`,
    "society.standards.notes",
    "提供主导或参与制定的已立项的工业互联网平台领域标准列表，归口标委会等",
  ),

  // ── 5. 平台可持续发展能力 ──
  {
    id: "platform-revenue-3y",
    section: S51,
    label: "近三年平台相关的累计业务收入（万元）",
    prompt: "近三年与平台相关的业务收入累计多少万元？（如：6800万元）",
    kind: "money",
    field: "sustainability.revenue3yWan",
    unit: "万元",
    help: STARRED,
  },
  {
    id: "platform-revenue-2022",
    section: S51,
    label: "2022 年平台相关的业务收入（万元）",
    prompt: "2022年与平台相关的业务收入是多少万元？",
    kind: "money",
    field: "sustainability.revenue2022Wan",
    unit: "万元",
    help: STARRED,
  },
  {
    id: "platform-cost-3y",
    section: S51,
    label: "近三年平台相关的累计业务成本（万元）",
    prompt: "近三年与平台相关的业务成本累计多少万元？",
    kind: "money",
    field: "sustainability.cost3yWan",
    unit: "万元",
    help: STARRED,
  },
  {
    id: "platform-cost-2022",
    section: S51,
    label: "2022 年平台相关的业务成本（万元）",
    prompt: "2022年与平台相关的业务成本是多少万元？",
    kind: "money",
    field: "sustainability.cost2022Wan",
    unit: "万元",
    help: STARRED,
  },
  {
    id: "roi",
    section: S51,
    label: "投资回报率",
    prompt: "平台的投资回报率是多少？（如：12.5%）",
    kind: "percent",
    field: "sustainability.roi",
    unit: "%",
    min: -100,
    help: STARRED,
  },
  {
    id: "listed-or-vc",
    section: S51,
    label: "企业已上市或已获得 VC/PE 投资",
    prompt: "企业是否已上市或已获得 VC/PE 投资？",
    kind: "yesNo",
    field: "sustainability.listedOrVc",
    help: STARRED,
  },
  {
    id: "rd-spend",
    section: S52,
    label: "企业研发投入（万元）",
    prompt: (item) => `${item.label}企业研发投入是多少万元？`,
    kind: "money",
    field: "sustainability.rdSpendWan",
    unit: "万元",
    forEach: () => RD_YEARS,
    help: STARRED,
  },
  {
    id: "rd-ratio",
    section: S52,
    label: "研发投入占主营业务收入比例",
    prompt: (item) => `${item.label}研发投入占主营业务收入的百分之几？（如：6.8%）`,
    kind: "percent",
    field: "sustainability.rdRatio",
    unit: "%",
    min: 0,
    max: 100,
    forEach: () => RD_YEARS,
    help: STARRED,
  },
  count("staff", S52, "从业人员数量", "企业从业人员有多少人？", "sustainability.employees", "人", {
    profileField: "employees",
    help: STARRED,
  }),
  notes(
    "resources-notes",
    S52,
    "补充说明材料",
    `请补充说明其他资源投入情况（${SKIP_LATER}）。`,
    "sustainability.resourcesNotes",
    "其他资源投入情况",
  ),
  notes(
    "ecosystem",
    S53,
    "生态运营能力",
    `请介绍平台赋能特定行业/区域平台建设、带动解决方案服务商发展、产融合作、产教融合和人才培育等情况（${SKIP_LATER}）。`,
    "sustainability.ecosystem",
    "介绍赋能特定行业/区域平台建设、带动行业解决方案服务商发展、产融合作、产教融合、人才培育等情况",
  ),

  // ── 二、（3）（4） ──
  notes(
    "architecture",
    S_ARCH,
    "工业互联网平台的技术架构及方案介绍",
    `请介绍平台的业务框架、功能架构、技术架构和实施架构（限2500字，${SKIP_LATER}）。`,
    "architecture",
    "包含但不限于平台业务框架、功能架构、技术架构、实施架构等",
    { maxLength: 2500 },
  ),
  notes(
    "development-plan",
    S_PLAN,
    "工业互联网平台下一步研发和运营计划",
    `请介绍平台下一步在技术创新、产品升级、产业合作、商业模式拓展等方面的研发和运营计划（限1000字，${SKIP_LATER}）。`,
    "developmentPlan",
    "包含但不限于技术创新、产品升级、产业合作、商业模式拓展等",
    { maxLength: 1000 },
  ),
];

export const flow: ApplicationFlow = {
  programId: "fj-2023-cross-industry-platform",
  formTitle: texts.form.title,
  intro:
    "我们将按《2023年跨行业跨领域工业互联网平台申报书》逐项填写企业基本信息、平台基本信息和五个维度的能力指标，带*的客观指标须如实填写并准备证明材料。问题较多，叙述类内容可先回复“跳过”，稍后在文档中补写。",
  steps,
};
