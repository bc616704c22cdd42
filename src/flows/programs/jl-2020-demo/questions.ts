import type { Citation } from "../../eligibility/index.ts";
import { valueOf } from "../../forms/expand.ts";
import type { Answers, ApplicationFlow, ChoiceOption, Step, StepHelp, StepItem } from "../../forms/types.ts";
import { DOC } from "./params.ts";
import { texts } from "./texts.ts";

/**
 * The 申报书 (附件4-1) row by row: cover, then 一、（一）项目基本信息表 — project rows, 项目责任单位
 * with its 2017–2019 finance columns, 项目责任人, 项目联系人, 项目基本情况, and the table
 * 「工业互联网项目已具备能力」. The 申报书 has no narrative part: the narratives are the outline
 * of the 项目建设方案 (附件4-2) and the 绩效目标 table (printed as 附件4-3), both required
 * materials, asked here as optional longText.
 */

const cite = (section: string, quote: string): Citation => ({ docNumber: DOC, section, quote });

const FORM = "附件4-1";
const S_COVER = "封面";
const S_TABLE = "一、（一）项目基本信息表";
const S_ORG = `${S_TABLE} > 项目责任单位信息`;
const S_FIN = `${S_TABLE} > 项目责任单位信息（2017—2019年）`;
const S_LEADER = `${S_TABLE} > 项目责任人信息`;
const S_CONTACT = `${S_TABLE} > 项目联系人信息`;
const S_BASICS = `${S_TABLE} > 项目基本情况`;
const S_CAP = `${S_TABLE} > 工业互联网项目已具备能力`;
const S_PLAN = "附件4-2 项目建设方案";
const S_PERF = "附件4-3 绩效目标";

// ── 项目类别 ──

/** The rule module's categories (program.categories without null), labels from texts.ts. */
export const CATEGORY_IDS = ["platform", "research-institute", "innovation-center", "software", "servitization"] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

const CATEGORY_OPTIONS: readonly ChoiceOption[] = CATEGORY_IDS.map((id) => ({ id, label: texts.categories[id] }));

/** The eight 项目类别 boxes printed on the 申报书. */
export const FORM_CATEGORIES = {
  industryPlatform: { id: "industry-platform", label: "行业级工业互联网平台项目" },
  enterprisePlatform: { id: "enterprise-platform", label: "企业级工业互联网平台项目" },
  servitization: { id: "servitization", label: "制造业服务化项目" },
  researchInstitute: { id: "research-institute", label: "新型创新研发机构项目" },
  publicService: { id: "public-service", label: "公共服务项目" },
  onPlatform: { id: "on-platform", label: "上平台用平台项目" },
  software: { id: "software", label: "工业软件项目" },
  twoIntegration: { id: "two-integration", label: "两化融合创新示范项目" },
} as const satisfies Record<string, ChoiceOption>;

const F = FORM_CATEGORIES;

/**
 * Which boxes fit a rule category. 支持重点（二） counts 研究机构 and 创新中心 among 公共服务平台,
 * so both may tick 公共服务 or 新型创新研发机构. Without a category (the general conditions
 * alone) the boxes are those the rule module leaves to the general conditions.
 */
const FORM_CATEGORIES_BY_CATEGORY: Record<CategoryId | "none", readonly ChoiceOption[]> = {
  platform: [F.industryPlatform, F.enterprisePlatform],
  "research-institute": [F.researchInstitute, F.publicService],
  "innovation-center": [F.publicService, F.researchInstitute],
  software: [F.software],
  servitization: [F.servitization],
  none: [F.publicService, F.onPlatform, F.twoIntegration],
};

export function categoryOf(answers: Answers): CategoryId | null {
  const v = valueOf(answers, "category");
  return typeof v === "string" && (CATEGORY_IDS as readonly string[]).includes(v) ? (v as CategoryId) : null;
}

function formCategoryOptions(answers: Answers): readonly ChoiceOption[] {
  return FORM_CATEGORIES_BY_CATEGORY[categoryOf(answers) ?? "none"];
}

/**
 * The 项目类别 box to tick: the answer to "form-category", or the only box that fits the
 * category (software, servitization), where that step is not asked.
 */
export function formCategoryOf(answers: Answers): ChoiceOption | undefined {
  const options = formCategoryOptions(answers);
  if (options.length === 1) return options[0];
  const v = valueOf(answers, "form-category");
  return options.find((o) => o.id === v);
}

const isPlatform = (a: Answers) => categoryOf(a) === "platform";

/**
 * 「工业互联网项目已具备能力」 is for 工业互联网 projects; 两化融合创新示范、制造业服务化及工业软件
 * 项目 「可参照本表适当修改」, so the table is not asked for them (they adapt it in the document).
 */
export function isIndustrialInternetProject(a: Answers): boolean {
  const c = categoryOf(a);
  if (c === "software" || c === "servitization") return false;
  return formCategoryOf(a)?.id !== F.twoIntegration.id;
}

// ── 提供服务类型 ──

export const SERVICE_TYPES: readonly ChoiceOption[] = [
  { id: "rd-collaboration", label: "研发设计协同" },
  { id: "customization", label: "定制化服务" },
  { id: "supply-chain", label: "供应链管理" },
  { id: "networked-manufacturing", label: "网络化协同制造" },
  { id: "design-manufacturing", label: "设计与制造协同" },
  { id: "equipment-management", label: "设备管理服务" },
  { id: "lifecycle", label: "产品全生命周期管理" },
  { id: "cluster", label: "产业集群服务" },
  { id: "total-solution", label: "系统整体解决方案" },
  { id: "it-value-added", label: "信息技术增值服务" },
  { id: "other", label: "其他（请注明）" },
];

// ── 2017–2019 finance columns ──

/** The finance columns the 申报书 prints: 2017, 2018, 2019. */
export const FINANCE_YEARS: readonly StepItem[] = [
  { key: "2017", label: "2017年" },
  { key: "2018", label: "2018年" },
  { key: "2019", label: "2019年" },
];

const years = () => FINANCE_YEARS;

const CAPABILITY_HELP: StepHelp = {
  text: "所填指标数量需提供证明材料，可提供合作云平台服务商相关资质；统计截止到通知下发之日。不适用可回复“跳过”。",
  citation: cite(
    `${FORM} > ${S_CAP}`,
    "所填指标数量需提供相关证明材料，可提供合作云平台服务商相关资质，指标数量统计时间截止到通知下发之日",
  ),
};

function capabilityCount(id: string, label: string, prompt: string, field: string, unit: string, help: StepHelp = CAPABILITY_HELP): Step {
  return {
    id,
    section: S_CAP,
    label,
    prompt,
    kind: "count",
    field: `capability.${field}`,
    unit,
    min: 0,
    optional: true,
    when: isIndustrialInternetProject,
    help,
  };
}

/** A 建设方案 chapter: optional narrative whose guidance is the outline's own line. */
function planChapter(id: string, label: string, prompt: string, field: string, guidance: string): Step {
  return {
    id,
    section: S_PLAN,
    label,
    prompt,
    kind: "longText",
    field: `plan.${field}`,
    optional: true,
    guidance,
    help: { text: `要点：${guidance}`, citation: cite("附件4-2 建设方案编制大纲", guidance) },
  };
}

const SKIP_LATER = "可回复“跳过”，稍后在文档中补写";

const steps: Step[] = [
  // ── 封面 ──
  {
    id: "project-name",
    section: S_COVER,
    label: "项目名称",
    prompt: "本次申报的项目名称是什么？（如：XX行业工业互联网平台建设项目）",
    kind: "text",
    field: "project.name",
  },
  {
    id: "tech-lead",
    section: S_COVER,
    label: "项目技术负责人",
    prompt: "项目技术负责人是谁？",
    kind: "text",
    field: "project.techLead",
  },
  {
    id: "period-start",
    section: S_COVER,
    label: "项目年限（起）",
    prompt: "项目从哪年哪月开始？（如：2019年7月）",
    kind: "date",
    field: "project.period.start",
    monthPrecision: true,
  },
  {
    id: "period-end",
    section: S_COVER,
    label: "项目年限（止）",
    prompt: "项目到哪年哪月结束？（如：2021年6月）",
    kind: "date",
    field: "project.period.end",
    monthPrecision: true,
    checks: [{ kind: "notBefore", stepId: "period-start", citation: cite(`${FORM} > ${S_COVER}`, "项目年限") }],
  },

  // ── 一、（一）项目基本信息表 ──
  {
    id: "expected-completion",
    section: S_TABLE,
    label: "预计完成时间",
    prompt: "项目预计什么时候完成？（如：2021年6月）",
    kind: "date",
    field: "project.expectedCompletion",
    monthPrecision: true,
  },
  {
    id: "category",
    section: S_TABLE,
    label: "项目类别",
    prompt: "本项目属于以下哪一类？（两化融合创新示范、公共服务、上平台用平台等其他项目请回复“跳过”）",
    kind: "choice",
    field: "category",
    // Skipped = no extra conditions: the rule module's null category (general conditions only).
    optional: true,
    options: CATEGORY_OPTIONS,
    help: {
      text: "类别决定适用的申报条件：平台、研究机构、创新中心、工业软件、制造业服务化项目各有附加条件；两化融合创新示范、公共服务、上平台用平台项目只适用通用条件。",
      citation: cite(`${FORM} > ${S_TABLE} > 项目类别`, "□新型创新研发机构项目 □公共服务项目 □上平台用平台项目"),
    },
  },
  {
    id: "form-category",
    section: S_TABLE,
    label: "项目类别（申报书勾选项）",
    prompt: "申报书“项目类别”一栏应勾选哪一项？",
    kind: "choice",
    field: "project.formCategory",
    options: formCategoryOptions,
    when: (a) => formCategoryOptions(a).length > 1,
  },
  {
    id: "platform-industry",
    section: S_TABLE,
    label: "面向行业/企业所属行业",
    prompt: "行业级平台请填面向的行业，企业级平台请填企业所属行业（如：汽车零部件）。",
    kind: "text",
    field: "project.platformIndustry",
    when: isPlatform,
  },
  {
    id: "service-types",
    section: S_TABLE,
    label: "提供服务类型",
    prompt: "项目提供哪些服务类型？（可多选，不适用可回复“跳过”）",
    kind: "multiChoice",
    field: "project.serviceTypes",
    optional: true,
    options: SERVICE_TYPES,
    help: {
      text: "制造业服务化示范项目聚焦这些领域。",
      citation: cite(
        "一、支持重点 > （五）",
        "专项聚焦研发设计协同、定制化服务、供应链管理、网络化协同制造、设计与制造协同、设备管理服务、产品全生命周期管理、产业集群服务能力、系统整体解决方案和信息技术增值服务等领域的制造业服务化示范项目",
      ),
    },
  },
  {
    id: "service-types-other",
    section: S_TABLE,
    label: "提供服务类型：其他（请注明）",
    prompt: "请注明“其他”服务类型是什么。",
    kind: "text",
    field: "project.serviceTypesOther",
    when: (a) => {
      const v = valueOf(a, "service-types");
      return Array.isArray(v) && v.includes("other");
    },
  },

  // ── 项目责任单位信息 ──
  {
    id: "org-name",
    section: S_ORG,
    label: "单位名称",
    prompt: "项目责任单位的全称是什么（与营业执照一致）？",
    kind: "text",
    field: "org.name",
    profileField: "name",
  },
  {
    id: "org-nature",
    section: S_ORG,
    label: "单位性质",
    prompt: "单位性质是什么？（如：民营企业、国有企业、外资企业）",
    kind: "text",
    field: "org.nature",
    maxLength: 50,
  },
  {
    id: "org-address",
    section: S_ORG,
    label: "通讯地址",
    prompt: "单位的通讯地址是什么？",
    kind: "text",
    field: "org.address",
  },
  {
    id: "org-postcode",
    section: S_ORG,
    label: "邮政编码",
    prompt: "通讯地址的邮政编码是多少？（6位数字，如 130000）",
    kind: "text",
    field: "org.postcode",
    maxLength: 6,
  },
  {
    id: "org-region",
    section: S_ORG,
    label: "所在地区",
    prompt: "单位所在地区是哪里？（如：吉林省长春市朝阳区）",
    kind: "text",
    place: "region",
    field: "org.region",
  },
  {
    id: "org-supervisor",
    section: S_ORG,
    label: "单位主管部门",
    prompt: "单位的主管部门是哪个？（没有可回复“跳过”）",
    kind: "text",
    field: "org.supervisor",
    optional: true,
  },
  {
    id: "org-phone",
    section: S_ORG,
    label: "联系电话",
    prompt: "单位的联系电话是多少？（如：0431-88888888）",
    kind: "phone",
    field: "org.phone",
  },
  {
    id: "org-credit-code",
    section: S_ORG,
    label: "组织机构代码/统一社会信用代码",
    prompt: "请提供单位的18位统一社会信用代码。",
    kind: "creditCode",
    field: "org.creditCode",
    help: {
      text: "指项目责任单位组织机构代码证或登记证书上的标识代码；现行营业执照上的统一社会信用代码即可。",
      citation: cite(
        `${FORM} > 填写说明 四`,
        "组织机构代码或统一社会信用代码是指项目责任单位组织机构代码证或登记证书上的标识代码",
      ),
    },
  },
  {
    id: "org-fax",
    section: S_ORG,
    label: "传真号码",
    prompt: "单位的传真号码是多少？（没有可回复“跳过”）",
    kind: "phone",
    field: "org.fax",
    optional: true,
  },
  {
    id: "org-founded",
    section: S_ORG,
    label: "单位成立时间",
    prompt: "单位是什么时候成立的？写到月即可（如：2010年5月 或 2010-05-20）",
    kind: "date",
    monthPrecision: true,
    field: "org.foundedDate",
  },
  {
    id: "org-email",
    section: S_ORG,
    label: "电子信箱",
    prompt: "单位的电子信箱是什么？",
    kind: "email",
    field: "org.email",
  },

  // ── 2017、2018、2019 finance columns ──
  {
    id: "fin-total-assets",
    section: S_FIN,
    label: "总资产（万元）",
    prompt: (y) => `${y.label}末单位总资产是多少万元？（如：5.2亿 或 52000万元）`,
    kind: "money",
    field: "finance.totalAssetsWan",
    unit: "万元",
    forEach: years,
  },
  {
    id: "fin-debt-ratio",
    section: S_FIN,
    label: "负债率",
    prompt: (y) => `${y.label}末资产负债率是多少？（如：45.6%）`,
    kind: "percent",
    field: "finance.debtRatio",
    unit: "%",
    min: 0,
    forEach: years,
  },
  {
    id: "fin-revenue",
    section: S_FIN,
    label: "主营业务收入（万元）",
    prompt: (y) => `${y.label}主营业务收入是多少万元？`,
    kind: "money",
    field: "finance.revenueWan",
    unit: "万元",
    forEach: years,
  },
  {
    id: "fin-tax",
    section: S_FIN,
    label: "税金（万元）",
    prompt: (y) => `${y.label}缴纳税金多少万元？`,
    kind: "money",
    field: "finance.taxWan",
    unit: "万元",
    forEach: years,
  },
  {
    id: "fin-profit",
    section: S_FIN,
    label: "利润（万元）",
    prompt: (y) => `${y.label}利润是多少万元？（亏损可写“亏损120万”或 -120）`,
    kind: "money",
    field: "finance.profitWan",
    unit: "万元",
    // A loss is negative: min below 0 lets the money reader accept it.
    min: Number.NEGATIVE_INFINITY,
    forEach: years,
    help: {
      text: "申报单位须为经营状况、总体财务状况和纳税信誉良好的非亏损企业。",
      citation: cite("二、申报条件 > （一）", "经营状况、总体财务状况和纳税信誉良好的非亏损企业"),
    },
  },

  // ── 项目责任人信息 ──
  {
    id: "leader-name",
    section: S_LEADER,
    label: "姓名",
    prompt: "项目责任人（法人代表）叫什么名字？",
    kind: "text",
    field: "leader.name",
  },
  {
    id: "leader-gender",
    section: S_LEADER,
    label: "性别",
    prompt: "项目责任人的性别是？",
    kind: "choice",
    field: "leader.gender",
    options: [
      { id: "male", label: "男" },
      { id: "female", label: "女" },
    ],
  },
  {
    id: "leader-id-type",
    section: S_LEADER,
    label: "证件类型",
    prompt: "项目责任人的证件类型是什么？（如：居民身份证）",
    kind: "text",
    field: "leader.idType",
    maxLength: 30,
  },
  {
    id: "leader-id-number",
    section: S_LEADER,
    label: "证件号码",
    prompt: "项目责任人的证件号码是多少？（也可回复“跳过”，打印后手填）",
    kind: "text",
    field: "leader.idNumber",
    optional: true,
    maxLength: 30,
  },
  {
    id: "leader-employer",
    section: S_LEADER,
    label: "工作单位",
    prompt: "项目责任人的工作单位是？",
    kind: "text",
    field: "leader.employer",
  },
  {
    id: "leader-title",
    section: S_LEADER,
    label: "职称/职务",
    prompt: "项目责任人的职称或职务是什么？（如：董事长、高级工程师）",
    kind: "text",
    field: "leader.title",
  },
  {
    id: "leader-education",
    section: S_LEADER,
    label: "最高学历",
    prompt: "项目责任人的最高学历是什么？（如：硕士研究生）",
    kind: "text",
    field: "leader.education",
    maxLength: 30,
  },
  {
    id: "leader-major",
    section: S_LEADER,
    label: "从事专业",
    prompt: "项目责任人从事什么专业？（如：计算机应用）",
    kind: "text",
    field: "leader.major",
  },
  {
    id: "leader-mobile",
    section: S_LEADER,
    label: "移动电话",
    prompt: "项目责任人的手机号码是多少？",
    kind: "phone",
    field: "leader.mobile",
  },
  {
    id: "leader-phone",
    section: S_LEADER,
    label: "固定电话",
    prompt: "项目责任人的固定电话是多少？（没有可回复“跳过”）",
    kind: "phone",
    field: "leader.phone",
    optional: true,
  },
  {
    id: "leader-fax",
    section: S_LEADER,
    label: "传真号码",
    prompt: "项目责任人的传真号码是多少？（没有可回复“跳过”）",
    kind: "phone",
    field: "leader.fax",
    optional: true,
  },
  {
    id: "leader-email",
    section: S_LEADER,
    label: "电子信箱",
    prompt: "项目责任人的电子信箱是什么？",
    kind: "email",
    field: "leader.email",
  },

  // ── 项目联系人信息 ──
  {
    id: "contact-name",
    section: S_CONTACT,
    label: "姓名",
    prompt: "项目联系人叫什么名字？",
    kind: "text",
    field: "contact.name",
  },
  {
    id: "contact-employer",
    section: S_CONTACT,
    label: "工作单位",
    prompt: "项目联系人的工作单位是？",
    kind: "text",
    field: "contact.employer",
  },
  {
    id: "contact-mobile",
    section: S_CONTACT,
    label: "移动电话",
    prompt: "项目联系人的手机号码是多少？",
    kind: "phone",
    field: "contact.mobile",
  },
  {
    id: "contact-phone",
    section: S_CONTACT,
    label: "固定电话",
    prompt: "项目联系人的固定电话是多少？（没有可回复“跳过”）",
    kind: "phone",
    field: "contact.phone",
    optional: true,
  },
  {
    id: "contact-fax",
    section: S_CONTACT,
    label: "传真号码",
    prompt: "项目联系人的传真号码是多少？（没有可回复“跳过”）",
    kind: "phone",
    field: "contact.fax",
    optional: true,
  },
  {
    id: "contact-email",
    section: S_CONTACT,
    label: "电子信箱",
    prompt: "项目联系人的电子信箱是什么？",
    kind: "email",
    field: "contact.email",
  },

  // ── 项目基本情况 ──
  {
    id: "total-investment",
    section: S_BASICS,
    label: "项目总投资（万元）",
    prompt: "项目总投资是多少万元？（如：3000万元）",
    kind: "money",
    field: "project.totalInvestmentWan",
    unit: "万元",
  },
  {
    id: "cloud-provider",
    section: S_BASICS,
    label: "合作云平台服务商",
    prompt: "平台合作（或租赁）的云平台服务商是哪家？（如：华为云）",
    kind: "text",
    field: "project.cloudProvider",
    when: isPlatform,
    help: {
      text: "重点支持与国内主流云平台服务商合作建设（或租赁）的模式；须提供2019年、2020年与云平台服务商（或代理商）签订的合作协议、服务合同及首付款发票。",
      citation: cite(
        "二、申报条件 > （二）",
        "申报单位需提供2019年、2020年与云平台服务商（或代理商）签订的合作协议、服务合同及首付款发票",
      ),
    },
  },
  {
    id: "platform-status",
    section: S_BASICS,
    label: "平台当前建设运营情况",
    prompt: `请简述平台当前的建设和运营情况（${SKIP_LATER}）。`,
    kind: "longText",
    field: "project.platformStatus",
    optional: true,
    maxLength: 500,
    when: isPlatform,
  },
  {
    id: "planned-service-2020",
    section: S_BASICS,
    label: "2020年规划为平台使用企业提供的服务总额",
    prompt: "2020年计划为平台使用企业提供的服务总额是多少万元？",
    kind: "money",
    field: "project.plannedService2020Wan",
    unit: "万元",
    when: isPlatform,
  },
  {
    id: "patents",
    section: S_BASICS,
    label: "创新能力：拥有行业创新相关核心技术专利或软件著作权（项）",
    prompt: "单位拥有多少项行业创新相关的核心技术专利或软件著作权？（没有请填 0）",
    kind: "count",
    field: "project.patents",
    unit: "项",
    min: 0,
  },
  {
    id: "autonomy",
    section: S_BASICS,
    label: "自主可控",
    prompt: "项目在哪些层级实现了自主可控？（可多选，没有可回复“跳过”）",
    kind: "multiChoice",
    field: "project.autonomy",
    optional: true,
    options: [
      { id: "chip", label: "芯片级" },
      { id: "server", label: "服务器级" },
      { id: "database", label: "数据库级" },
      { id: "platform", label: "平台级" },
    ],
    help: {
      text: "优先支持具备全栈自主可控能力的工业互联网行业或企业平台。",
      citation: cite("二、申报条件 > （二）", "优先支持具备全栈自主可控能力的工业互联网行业或企业平台"),
    },
  },
  {
    id: "provincial-projects",
    section: S_BASICS,
    label: "项目实施：牵头承担信息通信、云计算、大数据、物联网、人工智能、信息物理系统、工业信息安全、互联网应用、工业互联网相关领域的省部级项目",
    prompt: "单位牵头承担过哪些信息通信、云计算、大数据、人工智能、工业互联网等相关领域的省部级项目？（列出项目名称，没有可回复“跳过”）",
    kind: "text",
    field: "project.provincialProjects",
    optional: true,
    maxLength: 500,
  },
  {
    id: "standards",
    section: S_BASICS,
    label: "标准制定：牵动参与制定相关行业级、国家级标准数量（个）",
    prompt: "单位牵头或参与制定的相关行业级、国家级标准有多少个？（没有请填 0）",
    kind: "count",
    field: "project.standards",
    unit: "项",
    min: 0,
  },

  // ── 工业互联网项目已具备能力 ──
  capabilityCount("protocols", "支持的工业协议数量（个）", "平台支持多少种工业协议？", "protocols", "个"),
  capabilityCount(
    "cloud-software",
    "云化设计、管理类工业软件数量（个）",
    "平台上云化部署的设计、管理类工业软件有多少个？",
    "cloudSoftware",
    "个",
    {
      text: "指现有工业软件的云化部署。",
      citation: cite(`${FORM} > ${S_CAP}`, "现有工业软件的云化部署"),
    },
  ),
  capabilityCount("apps", "工业APP数量（个）", "基于平台开发与部署、面向特定场景的工业 APP 有多少个？", "apps", "个", {
    text: "指基于平台开发与部署，面向特定场景的应用软件。",
    citation: cite(`${FORM} > ${S_CAP}`, "基于平台开发与部署，面向特定 场景的应用软件"),
  }),
  capabilityCount("models", "工业机理模型、微服务组件数量（个）", "平台上的工业机理模型和微服务组件共有多少个？", "models", "个"),
  capabilityCount("registered-users", "平台注册用户数（名）", "平台注册用户有多少名？", "registeredUsers", "人"),
  capabilityCount("developers", "平台开发者数量（名）", "至少上传过1个微服务或1个工业 APP 的平台开发者有多少名？", "developers", "人", {
    text: "开发者指至少上传过1个微服务或1个工业 APP 的开发者。",
    citation: cite(`${FORM} > ${S_CAP}`, "至少上传过1个微服务或1个工业 APP"),
  }),
  {
    id: "data-storage",
    section: S_CAP,
    label: "数据存储与管理",
    prompt: "平台的数据存储与管理系统是第三方的还是自主研发的？",
    kind: "choice",
    field: "capability.dataStorage",
    optional: true,
    when: isIndustrialInternetProject,
    options: [
      { id: "third-party", label: "第三方数据存储与管理系统" },
      { id: "self-developed", label: "自主研发的数据存储与管理系统" },
    ],
  },
  {
    id: "data-collection-third-party",
    section: S_CAP,
    label: "数据采集解决方案能力：集成第三方解决方案",
    prompt: "平台的数据采集是否集成了第三方解决方案？",
    kind: "yesNo",
    field: "capability.dataCollection.thirdParty",
    optional: true,
    when: isIndustrialInternetProject,
  },
  {
    id: "data-collection-vendor",
    section: S_CAP,
    label: "数据采集解决方案能力：第三方厂商",
    prompt: "集成的第三方数据采集解决方案来自哪家厂商？",
    kind: "text",
    field: "capability.dataCollection.vendor",
    when: (a) => isIndustrialInternetProject(a) && valueOf(a, "data-collection-third-party") === true,
  },
  {
    id: "data-stock",
    section: S_CAP,
    label: "平台积累的工业数据存量（TB）",
    prompt: "平台积累的工业数据存量有多少 TB？（如：12.5）",
    kind: "number",
    field: "capability.dataStockTb",
    unit: "TB",
    min: 0,
    optional: true,
    when: isIndustrialInternetProject,
    help: CAPABILITY_HELP,
  },
  capabilityCount("security-libraries", "平台安全防护的工具库、病毒库、漏洞库数量（个）", "平台安全防护的工具库、病毒库、漏洞库共有多少个？", "securityLibraries", "个"),
  capabilityCount(
    "new-tech-features",
    "基于人工智能、区块链等新技术的业务功能数量（个）",
    "平台基于人工智能、区块链等新技术的业务功能有多少个？",
    "newTechFeatures",
    "个",
  ),
  {
    id: "cloud-architecture",
    section: S_CAP,
    label: "是否具有完整的云计算架构",
    prompt: "平台是否具有完整的云计算架构？",
    kind: "yesNo",
    field: "capability.cloudArchitecture",
    optional: true,
    when: isIndustrialInternetProject,
  },
  {
    id: "deployment",
    section: S_CAP,
    label: "云部署模式",
    prompt: "平台采用哪种云部署模式？",
    kind: "choice",
    field: "capability.deployment",
    optional: true,
    when: isIndustrialInternetProject,
    options: [
      { id: "private", label: "私有云" },
      { id: "public", label: "公有云" },
      { id: "hybrid", label: "混合云" },
    ],
  },
  {
    id: "deployment-provider",
    section: S_CAP,
    label: "公有云服务商名称",
    prompt: "所用公有云的服务商名称是什么？（如：阿里云）",
    kind: "text",
    field: "capability.deploymentProvider",
    when: (a) => {
      if (!isIndustrialInternetProject(a)) return false;
      const v = valueOf(a, "deployment");
      return v === "public" || v === "hybrid";
    },
  },

  // ── 附件4-2 项目建设方案 ──
  planChapter(
    "plan-summary",
    "1.项目简介",
    `请简介项目的建设目标、投资规模及筹资方案（${SKIP_LATER}）。`,
    "summary",
    "项目简介，包括名称、建设单位、建设目标、投资规模及筹资方案等",
  ),
  planChapter(
    "plan-organization",
    "2.建设单位概况",
    `请介绍建设单位概况、同类机构比较优势、平台建设团队和现有工业互联网应用系统（${SKIP_LATER}）。`,
    "organization",
    "建设单位概况，包括单位基本情况介绍、单位与国内外同类机构的优势比较分析、平台建设团队情况、本单位工业互联网的整体框架规划或设想、现有工业互联网相关应用系统情况等",
  ),
  planChapter(
    "plan-needs",
    "3.建设需求分析",
    `请分析项目的建设背景、先进性、功能需求和预期解决的重大问题（${SKIP_LATER}）。`,
    "needs",
    "建设需求分析，包括建设背景、先进性、业务流程和能力分析、功能需求分析、预期解决的重大问题等",
  ),
  planChapter(
    "plan-content",
    "4.建设内容",
    `请介绍平台总体架构、功能模块、数据管理方案和安全性（${SKIP_LATER}）。`,
    "content",
    "建设内容，包括平台总体架构、功能模块、数据管理方案、安全性等",
  ),
  planChapter(
    "plan-results",
    "5.已有成效",
    `请介绍已具备的能力、服务对象数量和典型应用案例（${SKIP_LATER}）。`,
    "results",
    "已有成效，包括具备的能力、服务对象数量、典型应用案例等",
  ),
  planChapter(
    "plan-schedule",
    "6.实施进度及组织安排",
    `请说明各建设阶段的时间节点和具体目标（${SKIP_LATER}）。`,
    "schedule",
    "实施进度及组织安排，须明确平台建设各阶段的时间节点和具体目标",
  ),
  planChapter(
    "plan-benefits",
    "7.经济及社会效益",
    `请说明项目的直接和间接经济效益及社会效益（${SKIP_LATER}）。`,
    "benefits",
    "经济及社会效益，经济效益包括直接和间接效益，社会效益包括建成后可公开、共享、交换的信息及其效益，在业务、服务、管理等方面的创新效益，项目建设对行业的影响和带动作用",
  ),
  planChapter(
    "plan-intent",
    "8.项目发展意愿",
    `请说明加入我省工业互联网平台体系的意愿、期望的合作内容和目标（${SKIP_LATER}）。`,
    "intent",
    "项目发展意愿,包括加入我省工业互联网平台体系的意愿，期望合作内容和形式，期望实现的目标等",
  ),
  planChapter("plan-conclusion", "9.结论与建议", `请写出结论与建议（${SKIP_LATER}）。`, "conclusion", "结论与建议"),

  // ── 附件4-3 绩效目标 ──
  {
    id: "perf-overall",
    section: S_PERF,
    label: "总体目标",
    prompt: `请写出项目的总体绩效目标（${SKIP_LATER}）。`,
    kind: "longText",
    field: "performance.overall",
    optional: true,
    maxLength: 1000,
    help: {
      text: "须提交实事求是，可考核、可量化、可检查、可验收的绩效目标，它将作为绩效评价和验收考核的依据。",
      citation: cite("二、申报条件 > （十）", "项目单位需提交实事求是，可考核、可量化、可检查、可验收的绩效目标"),
    },
  },
  {
    id: "perf-quantitative",
    section: S_PERF,
    label: "绩效指标：定量指标",
    prompt: `请逐行列出定量指标，格式为“指标名称：指标值”（如：平台注册企业数：200家；${SKIP_LATER}）。`,
    kind: "longText",
    field: "performance.quantitative",
    optional: true,
    maxLength: 2000,
    guidance: "定量指标包括核心技术指标、产量规模、应用目标、对外提供服务、技术成果转化等方面（指标名称），相关指标值须量化可考核",
    help: {
      text: "定量指标包括核心技术指标、产量规模、应用目标、对外提供服务、技术成果转化等方面，指标值须量化可考核。",
      citation: cite(
        `${S_PERF} > 注 1`,
        "定量指标包括核心技术指标、产量规模、应用目标、对外提供服务、技术成果转化等方面（指标名称），相关指标值须量化可考核",
      ),
    },
  },
  {
    id: "perf-qualitative",
    section: S_PERF,
    label: "绩效指标：定性指标",
    prompt: `请逐行列出定性指标，格式为“指标名称：指标值”（如：促进产业转型升级：带动10家企业上云；${SKIP_LATER}）。`,
    kind: "longText",
    field: "performance.qualitative",
    optional: true,
    maxLength: 2000,
    guidance: "定性指标主要包括促进产业转型升级、促进智能化、绿色化发展、提升质量安全、推动产业升级等社会效益方面（指标名称）",
    help: {
      text: "定性指标主要包括促进产业转型升级、促进智能化绿色化发展、提升质量安全、推动产业升级等社会效益方面。",
      citation: cite(
        `${S_PERF} > 注 1`,
        "定性指标主要包括促进产业转型升级、促进智能化、绿色化发展、提升质量安全、推动产业升级等社会效益方面（指标名称）",
      ),
    },
  },
];

export const flow: ApplicationFlow = {
  programId: "jl-2020-demo",
  formTitle: texts.form.title,
  intro:
    "我们将按《2020年度省级工业互联网及制造业服务化示范项目申报书》逐项填写项目信息、项目类别、单位信息和2017—2019年财务数据，最后是建设方案和绩效目标等叙述内容。叙述内容可先回复“跳过”，稍后在文档中补写。",
  steps,
};
