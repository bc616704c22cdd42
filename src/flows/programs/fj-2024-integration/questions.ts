/**
 * Application flow of fj-2024-integration (闽工信函信息〔2024〕182号): the 附件1 form
 * 《福建省省级新一代信息技术与制造业融合发展项目申报书》, step by step.
 *
 * The form is shared by five directions. Section 一 (基本信息) and the 申报类别 checkbox are
 * asked of everyone; then only the chosen direction's indicators and 项目介绍 outline; then
 * the 承诺书. Direction steps use fields prefixed with the camelCase category id
 * (platform-demo → "platformDemo.…"), so the document and the tests can tell them apart.
 *
 * Indicators: the form itself prints no figures outside the narratives; the counts, money
 * and yes/no steps below are the figures its outline items and the notice's 申报条件 ask
 * for, asked first so the eligibility rules (and the profile) get them even when the
 * narratives are skipped.
 *
 * Guidance strings are the form's parenthesised notes, verbatim, including the corpus's
 * 「服务的行业 and 用户群体」 (an artefact of the corpus text where the original prints 和).
 */
import type { Citation } from "../../eligibility/index.ts";
import { valueOf } from "../../forms/expand.ts";
import type { Answers, ApplicationFlow, ChoiceOption, Step, StepItem } from "../../forms/types.ts";
import { DOC } from "./params.ts";
import { texts } from "./texts.ts";

type CategoryId = "platform-demo" | "platform-sme" | "benchmark-digital" | "benchmark-data-security" | "identifier";

const cite = (section: string, quote: string): Citation => ({ docNumber: DOC, section, quote });

const isCategory =
  (id: CategoryId) =>
  (a: Answers): boolean =>
    valueOf(a, "category") === id;

const FORM = "附件1";
const S1 = "一、申报单位基本信息";
const S2 = "二、申报项目基本信息";
const S3 = "三、申报单位承诺和各地工信部门推荐意见";

/** 上一年度 for a notice dated 2024-04-02; 近三年 = 2021–2023 (单位简介 item 2). */
const LAST_YEAR = "2023";
const PRIOR_YEARS: readonly StepItem[] = [
  { key: "2022", label: "2022年" },
  { key: "2021", label: "2021年" },
];
const THREE_YEARS: readonly StepItem[] = [{ key: LAST_YEAR, label: `${LAST_YEAR}年` }, ...PRIOR_YEARS];

/** 企业上一年度财务审计报告、营业执照: every direction's 附件及佐证材料 item 1 (texts.materials.all[1]). */
const COMMON_MATERIALS = texts.materials.all.slice(1, 2);

// ── Narrative helpers ──

interface NarrativeSpec {
  id: string;
  section: string;
  /** The outline item as printed, e.g. "一、平台概述". */
  label: string;
  field: string;
  /** The item's parenthesised note, verbatim; absent where the form prints none. */
  guidance?: string;
  /**
   * The form limits the whole 项目介绍 of a direction (5000 or 2000 字), not each item; the
   * per-item maxLength is that whole limit, and the document checks the total.
   */
  maxLength: number;
  when: (a: Answers) => boolean;
  help?: Step["help"];
}

function narrative(s: NarrativeSpec): Step {
  const heading = s.label.replace(/^[一二三四五六七八九十]+、/, "");
  return {
    id: s.id,
    section: s.section,
    label: s.label,
    prompt: `请填写项目介绍「${s.label}」（可回复“跳过”，之后在文档中补写）。`,
    kind: "longText",
    field: s.field,
    optional: true,
    maxLength: s.maxLength,
    when: s.when,
    ...(s.guidance !== undefined ? { guidance: s.guidance } : {}),
    help: s.help ?? {
      text: `请围绕「${heading}」填写，信息应真实可靠、重点突出、表述准确。`,
      citation: cite("三、报送方式 > （一）", "填报信息应真实可靠、重点突出、表述准确"),
    },
  };
}

/** 附件及佐证材料 are attachments, not answers: one optional line listing what will be provided. */
function attachments(
  id: string,
  section: string,
  field: string,
  when: (a: Answers) => boolean,
  materials: readonly string[],
  quote: string,
): Step {
  return {
    id,
    section,
    label: "附件及佐证材料",
    prompt: "您准备随申报书提供哪些附件及佐证材料？请逐项列出，例如：2023年度财务审计报告、营业执照、专利证书。",
    kind: "text",
    field,
    optional: true,
    maxLength: 500,
    when,
    help: {
      text: `附件及佐证材料不在对话中填写，请另行准备：${[...COMMON_MATERIALS, ...materials].join("；")}；以及其他企业认为需要补充的材料。`,
      citation: cite(`${FORM} > ${S2} > 项目介绍 > 附件及佐证材料`, quote),
    },
  };
}

// ── 二、申报类别 ──

/** Option ids are the program's category ids; labels are the form's checkboxes. */
const CATEGORY_OPTIONS: readonly ChoiceOption[] = [
  { id: "platform-demo", label: "省级工业互联网示范平台" },
  { id: "platform-sme", label: "平台赋能中小企业数字化转型" },
  // The form prints 5G 全连接工厂 as a sixth checkbox; the notice files it under 方向三, so it
  // is this option plus the follow-up step "benchmark-digital-5g".
  { id: "benchmark-digital", label: "数字化标杆企业（含5G全连接工厂）" },
  { id: "benchmark-data-security", label: "工业数据安全标杆企业" },
  { id: "identifier", label: "标识解析类" },
];

// ── 方向一：工业互联网示范平台 ──

const PD = `${S2} > 项目介绍（示范平台方向）`;
const pd = isCategory("platform-demo");

const PLATFORM_TYPES: readonly ChoiceOption[] = [
  { id: "cross-industry", label: "跨行业、跨领域综合型平台" },
  { id: "industry-region", label: "重点行业、重点区域特色型平台" },
  { id: "technology", label: "面向特定技术领域的专业型平台" },
];

const platformDemoSteps: Step[] = [
  {
    id: "platform-demo-type",
    section: PD,
    label: "平台类型",
    prompt: "平台属于哪一类？",
    kind: "choice",
    field: "platformDemo.platformType",
    optional: true,
    options: PLATFORM_TYPES,
    when: pd,
    help: {
      text: "示范平台包括跨行业、跨领域综合型平台，重点行业、重点区域特色型平台和面向特定技术领域的专业型平台；推荐汇总表按此归类。",
      citation: cite(
        "一、申报范围 > 方向一：工业互联网示范平台",
        "包括跨行业、跨领域综合型平台，重点行业、重点区域特色型平台和面向特定技术领域的专业型平台",
      ),
    },
  },
  {
    id: "platform-demo-connected-enterprises",
    section: PD,
    label: "连接服务企业用户数",
    prompt: "截至申报日，平台连接服务的企业用户有多少家？例如：120家。",
    kind: "count",
    unit: "家",
    min: 0,
    field: "platformDemo.connectedEnterprises",
    profileField: "platformConnectedEnterprises",
    when: pd,
    help: {
      text: "有效性要求：连接服务企业超过100家，或连接服务产品、设备1万套（件）以上，两项满足其一即可。（方向一写作「100家以上」，申报条件写作「超过100家」，恰为100家的请向省工信厅确认。）需提供截止申报日的运行截图和连接设备清单。",
      citation: cite(
        "二、（一）工业互联网平台类 > 2.有效性",
        "省级示范平台连接服务企业超过 100 家，或连接服务产品、设备 1 万套（件）以上",
      ),
    },
  },
  {
    id: "platform-demo-connected-devices",
    section: PD,
    label: "连接服务产品/工业设备数",
    prompt: "截至申报日，平台连接服务的产品、工业设备有多少套（件）？例如：1.2万套。",
    kind: "count",
    unit: "套",
    min: 0,
    field: "platformDemo.connectedDevices",
    profileField: "platformConnectedDevices",
    when: pd,
    help: {
      text: "连接服务产品、设备1万套（件）以上，或连接服务企业超过100家，满足其一即可。",
      citation: cite(
        "二、（一）工业互联网平台类 > 2.有效性",
        "省级示范平台连接服务企业超过 100 家，或连接服务产品、设备 1 万套（件）以上",
      ),
    },
  },
  {
    id: "platform-demo-industrial-apps",
    section: PD,
    label: "云化工业软件、工业机理模型、微服务组件或工业 APP 数量",
    prompt: "平台部署的云化工业软件、工业机理模型、微服务组件或工业APP共有多少个？例如：85个。",
    kind: "count",
    unit: "个",
    min: 0,
    field: "platformDemo.industrialApps",
    optional: true,
    when: pd,
    help: {
      text: "项目介绍「四、平台应用服务能力」要求重点说明这一数量，并说明与同行业相比是否具有先进性。",
      citation: cite(
        `${FORM} > ${S2} > 项目介绍（示范平台方向）> 四、平台应用服务能力`,
        "重点说明部署的云化工业软件、工业机理模型、微服务组件或工业 APP 数量",
      ),
    },
  },
  {
    id: "platform-demo-ip",
    section: PD,
    label: "自主专利权或软件著作权数量",
    prompt: "平台相关的自主专利权和软件著作权共有多少项？例如：12项。",
    kind: "count",
    unit: "项",
    min: 0,
    field: "platformDemo.patentsAndCopyrights",
    optional: true,
    when: pd,
    help: {
      text: "创新性评审看平台是否拥有自主专利权或软件著作权；证书复印件作为佐证材料提供。",
      citation: cite("二、（一）工业互联网平台类 > 1.创新性", "拥有自主专利权或软件著作权"),
    },
  },
  {
    id: "platform-demo-investment",
    section: PD,
    label: "平台自身建设与研发投入",
    prompt: "平台自身建设与研发累计投入多少万元？例如：2500万。",
    kind: "money",
    unit: "万元",
    min: 0,
    field: "platformDemo.investment",
    optional: true,
    when: pd,
    help: {
      text: "用于项目介绍「五、平台投入产出能力」。",
      citation: cite(
        `${FORM} > ${S2} > 项目介绍（示范平台方向）> 五、平台投入产出能力`,
        "平台自身建设与研发投入情况，平台自身具有较好的经济效益",
      ),
    },
  },
  narrative({
    id: "platform-demo-intro-overview",
    section: PD,
    label: "一、平台概述",
    field: "platformDemo.intro.overview",
    guidance: "包括服务的行业 and 用户群体，平台面向用户采用的商业服务模式",
    maxLength: 5000,
    when: pd,
  }),
  narrative({
    id: "platform-demo-intro-basic-tech",
    section: PD,
    label: "二、平台基础技术能力",
    field: "platformDemo.intro.basicTech",
    guidance:
      "包括兼容多类工业通信协议的工业设备管理，软件应用管理，用户与开发者管理，数据资源管理；部署哪些安全防护功能模块或组件，是否满足接入安全、设备安全、应用安全和数据安全防护要求，在平台边缘计算或人工智能应用中，是否具备关键零部件的安全可靠能力",
    maxLength: 5000,
    when: pd,
    help: {
      text: "方向一要求部署安全防护功能模块或组件，确保接入安全、设备安全、应用安全和数据安全，并在平台边缘计算或人工智能应用中具备关键零部件的安全可靠能力。",
      citation: cite("一、申报范围 > 方向一：工业互联网示范平台", "部署安全防护功能模块或组件，确保接入安全、设备安全、应用安全和数据安全"),
    },
  }),
  narrative({
    id: "platform-demo-intro-resources",
    section: PD,
    label: "三、平台资源管理能力",
    field: "platformDemo.intro.resources",
    guidance: "包括存储和计算服务，应用开发服务，平台间工业数据、工业 APP 等调用服务，安全防护服务，新技术应用服务",
    maxLength: 5000,
    when: pd,
  }),
  narrative({
    id: "platform-demo-intro-app-services",
    section: PD,
    label: "四、平台应用服务能力",
    field: "platformDemo.intro.appServices",
    guidance:
      "平台云计算架构设计，平台设备协议兼容、边缘计算、异构数据融合、工业大数据分析、工业应用软件开发与部署等关键技术，重点说明部署的云化工业软件、工业机理模型、微服务组件或工业 APP 数量，与同行业相比是否具有先进性及其体现",
    maxLength: 5000,
    when: pd,
  }),
  narrative({
    id: "platform-demo-intro-input-output",
    section: PD,
    label: "五、平台投入产出能力",
    field: "platformDemo.intro.inputOutput",
    guidance: "平台自身建设与研发投入情况，平台自身具有较好的经济效益",
    maxLength: 5000,
    when: pd,
  }),
  narrative({
    id: "platform-demo-intro-service-effect",
    section: PD,
    label: "六、平台应用服务效果",
    field: "platformDemo.intro.serviceEffect",
    guidance:
      "1. 形成生产管理、工艺流程优化、设备健康管理、产品质量管控、能源管控、安全生产、远程服务、供应链管理、产融合作等工业互联网平台解决方案；2. 实施多个典型应用场景；3. 连接服务企业用户数，或连接服务产品/工业设备数，服务用户效益提升情况等",
    maxLength: 5000,
    when: pd,
    help: {
      text: "示范性评审看平台是否在特定行业、特定领域形成成熟的运营服务模式，具备较强的成长潜力和借鉴价值。",
      citation: cite("二、（一）工业互联网平台类 > 3.示范性", "在特定行业、特定领域形成成熟的运营服务模式"),
    },
  }),
  attachments(
    "platform-demo-attachments",
    PD,
    "platformDemo.attachments",
    pd,
    texts.materials["platform-demo"],
    "截止申报日平台连接服务企业数，或连接服务产品/工业设备实际运行截图，连接设备清单，以及 3 家以上用户使用报告，典型服务案例",
  ),
];

// ── 方向二：平台赋能中小企业数字化转型 ──

const PS = `${S2} > 项目介绍（平台赋能中小企业数字化转型方向）`;
const ps = isCategory("platform-sme");

const platformSmeSteps: Step[] = [
  {
    id: "platform-sme-demo-platform",
    section: PS,
    label: "省级以上工业互联网示范平台",
    prompt: "申报平台是否为省级以上工业互联网示范平台（含当年评选的）？请回答“是”或“否”。",
    kind: "yesNo",
    field: "platformSme.provincialDemoPlatform",
    profileField: "provincialDemoPlatform",
    when: ps,
    help: {
      text: "本方向支持省级以上工业互联网示范平台（含当年评选的）持续赋能中小企业数字化转型。",
      citation: cite(
        "一、申报范围 > 方向二：平台赋能中小企业数字化转型",
        "支持省级以上工业互联网示范平台（含当年评选的）持续赋能中小企业数字化转型",
      ),
    },
  },
  {
    id: "platform-sme-connected-enterprises",
    section: PS,
    label: "连接服务企业用户总数",
    prompt: "平台连接服务的企业用户总数是多少家？例如：650家。",
    kind: "count",
    unit: "家",
    min: 0,
    field: "platformSme.connectedEnterprises",
    profileField: "platformConnectedEnterprises",
    when: ps,
    help: {
      text: "项目介绍「三、平台应用服务情况」要求说明连接服务企业用户总数和年度新增连接服务企业数。",
      citation: cite(
        `${FORM} > ${S2} > 项目介绍（平台赋能中小企业数字化转型方向）> 三、平台应用服务情况`,
        "连接服务企业用户总数，年度新增连接服务企业数",
      ),
    },
  },
  {
    id: "platform-sme-new-enterprises",
    section: PS,
    label: "年度新增连接服务企业数",
    prompt: "平台年度新增连接和有效服务的企业有多少家？例如：150家。",
    kind: "count",
    unit: "家",
    min: 0,
    field: "platformSme.newServedEnterprises",
    profileField: "platformNewServedEnterprisesThisYear",
    when: ps,
    help: {
      text: "年度新增连接和有效服务企业数达到100家（含）以上的予以分档支持（通知未列明各档标准）；需提供平台上一年度新增连接服务企业的正式合同、税务发票、运行截图和10家以上用户使用报告。",
      citation: cite(
        "二、（一）工业互联网平台类 > 2.有效性",
        "对年度新增连接和有效服务企业数达到 100 家（含）以上的予以分档支持",
      ),
    },
  },
  {
    id: "platform-sme-investment",
    section: PS,
    label: "平台投入",
    prompt: "平台累计投入多少万元？例如：1800万。",
    kind: "money",
    unit: "万元",
    min: 0,
    field: "platformSme.investment",
    optional: true,
    when: ps,
    help: {
      text: "用于项目介绍「二、平台运营情况」。",
      citation: cite(
        `${FORM} > ${S2} > 项目介绍（平台赋能中小企业数字化转型方向）> 二、平台运营情况`,
        "平台投入、营收、利润、数据治理、安全防护等",
      ),
    },
  },
  {
    id: "platform-sme-revenue",
    section: PS,
    label: "平台营收",
    prompt: `平台${LAST_YEAR}年营业收入是多少万元？例如：3200万。`,
    kind: "money",
    unit: "万元",
    min: 0,
    field: "platformSme.revenue",
    optional: true,
    when: ps,
  },
  {
    id: "platform-sme-profit",
    section: PS,
    label: "平台利润",
    prompt: `平台${LAST_YEAR}年利润是多少万元？例如：300万；亏损请写“亏损120万”或 -120。`,
    kind: "money",
    unit: "万元",
    min: Number.NEGATIVE_INFINITY,
    field: "platformSme.profit",
    optional: true,
    when: ps,
  },
  narrative({
    id: "platform-sme-intro-overview",
    section: PS,
    label: "一、平台概述",
    field: "platformSme.intro.overview",
    guidance: "包括服务的行业 and 用户群体，平台面向用户采用的商业服务模式",
    maxLength: 2000,
    when: ps,
  }),
  narrative({
    id: "platform-sme-intro-operations",
    section: PS,
    label: "二、平台运营情况",
    field: "platformSme.intro.operations",
    guidance: "平台投入、营收、利润、数据治理、安全防护等",
    maxLength: 2000,
    when: ps,
  }),
  narrative({
    id: "platform-sme-intro-services",
    section: PS,
    label: "三、平台应用服务情况",
    field: "platformSme.intro.services",
    guidance:
      "1. 典型服务案例；2. 形成的工业互联网平台解决方案；3. 实施的典型应用场景；4. 连接服务企业用户总数，年度新增连接服务企业数，服务用户效益提升情况等",
    maxLength: 2000,
    when: ps,
  }),
  attachments(
    "platform-sme-attachments",
    PS,
    "platformSme.attachments",
    ps,
    texts.materials["platform-sme"],
    "平台上一年度新增连接服务企业的正式合同文件、税务发票、平台实际运行截图、10 家以上用户使用报告等",
  ),
];

// ── 方向三：数字化标杆企业（含5G全连接工厂） ──

const BD = `${S2} > 项目介绍（数字化标杆企业方向）`;
const bd = isCategory("benchmark-digital");
const bd5g = (a: Answers): boolean => bd(a) && valueOf(a, "benchmark-digital-5g") === true;

const INNOVATION_AREAS: readonly ChoiceOption[] = [
  { id: "platform-design", label: "平台化设计" },
  { id: "smart-manufacturing", label: "智能化制造" },
  { id: "digital-management", label: "数字化管理" },
  { id: "personalized-customization", label: "个性化定制" },
  { id: "networked-collaboration", label: "网络化协同" },
  { id: "service-extension", label: "服务化延伸" },
];

/** 二、（二）2.有效性: the kinds of result, as the notice lists them. */
const EFFECTS: readonly ChoiceOption[] = [
  { id: "efficiency", label: "生产效率提高" },
  { id: "operating-cost", label: "运营成本降低" },
  { id: "rd-cycle", label: "产品研制周期缩短" },
  { id: "defect-rate", label: "产品不良率降低" },
  { id: "data-security", label: "数据安全防护能力提升" },
  { id: "energy", label: "能源利用率提高" },
];

/** The measurable results among those chosen, as KPI items (数据安全防护能力 has no single figure). */
const EFFECT_KPIS: Readonly<Record<string, string>> = {
  efficiency: "生产效率",
  "operating-cost": "运营成本",
  "rd-cycle": "产品研制周期",
  "defect-rate": "产品不良率",
  energy: "能源利用率",
};

function chosenKpis(a: Answers): StepItem[] {
  const v = valueOf(a, "benchmark-digital-effects");
  if (!Array.isArray(v)) return [];
  return EFFECTS.filter((o) => v.includes(o.id) && EFFECT_KPIS[o.id] !== undefined).map((o) => ({
    key: o.id,
    label: EFFECT_KPIS[o.id] ?? o.label,
    better: o.id === "operating-cost" || o.id === "rd-cycle" || o.id === "defect-rate" ? "lower" : "higher",
  }));
}

const benchmarkDigitalSteps: Step[] = [
  {
    id: "benchmark-digital-completed",
    section: BD,
    label: "项目已经建成",
    prompt: "申报项目是否已经建成？请回答“是”或“否”。",
    kind: "yesNo",
    field: "benchmarkDigital.projectCompleted",
    profileField: "projectCompleted",
    when: bd,
    help: {
      text: "标杆企业类的示范性要求项目已经建成，具备比较成熟的实践应用场景，取得较好的实际效果；各地工信部门会实地调研把关。",
      citation: cite("二、（二）标杆企业类 > 3.示范性", "项目已经建成，具备比较成熟的实践应用场景，取得较好的实际效果"),
    },
  },
  {
    id: "benchmark-digital-5g-scenarios",
    section: BD,
    label: "5G 全连接工厂关键环节场景应用数",
    prompt: "5G全连接工厂已在多少个关键环节实现场景应用？例如：6个。",
    kind: "count",
    unit: "个",
    min: 0,
    field: "benchmarkDigital.fiveGScenarios",
    when: bd5g,
    help: {
      text: "5G全连接工厂须满足5个以上关键环节的场景应用。",
      citation: cite(
        `${FORM} > ${S2} > 项目介绍（数字化标杆企业方向）> 二、项目实施的创新性`,
        "5G 全连接工厂须满足 5 个以上关键环节的场景应用",
      ),
    },
  },
  {
    id: "benchmark-digital-innovation-areas",
    section: BD,
    label: "创新应用方面",
    prompt: "项目在哪些方面有创新应用？可多选。",
    kind: "multiChoice",
    field: "benchmarkDigital.innovationAreas",
    options: INNOVATION_AREAS,
    optional: true,
    when: bd,
    help: {
      text: "创新性评审看项目在平台化设计、智能化制造、数字化管理、个性化定制、网络化协同、服务化延伸、工业数据安全和5G+工业互联网等方面是否有比较先进的创新应用内容。",
      citation: cite(
        "二、（二）标杆企业类 > 1.创新性",
        "在平台化设计、智能化制造、数字化管理、个性化定制、网络化协同、服务化延伸、工业数据安全和5G+工业互联网等方面具有比较先进的创新应用内容",
      ),
    },
  },
  {
    id: "benchmark-digital-effects",
    section: BD,
    label: "主要成效",
    prompt: "与新技术应用前相比，项目在哪些方面取得了明显成效？可多选。",
    kind: "multiChoice",
    field: "benchmarkDigital.effects",
    options: EFFECTS,
    optional: true,
    when: bd,
    help: {
      text: "有效性要求与新技术应用前相比，至少一项比较明显的成效。",
      citation: cite(
        "二、（二）标杆企业类 > 2.有效性",
        "与新技术应用前相比，用户在以下方面形成至少一项比较明显的成效，包括生产效率提高、运营成本降低、产品研制周期缩短、产品不良率降低、数据安全防护能力提升、能源利用率提高等",
      ),
    },
  },
  {
    id: "benchmark-digital-kpi",
    section: BD,
    label: "成效指标（实施前后）",
    prompt: (item) => `「${item.label}」在项目实施前后分别是多少？请用同一单位，例如：实施前 85，实施后 120（件/小时）。`,
    kind: "beforeAfter",
    field: "benchmarkDigital.kpi",
    optional: true,
    when: bd,
    forEach: chosenKpis,
    checks: [
      {
        kind: "improves",
        citation: cite(`${FORM} > ${S2} > 项目介绍（数字化标杆企业方向）> 三、项目实施的有效性`, "与项目实施前的效果比较"),
      },
    ],
    help: {
      text: "项目介绍「三、项目实施的有效性」要求与项目实施前的效果比较；变化率会自动计算。",
      citation: cite(
        `${FORM} > ${S2} > 项目介绍（数字化标杆企业方向）> 三、项目实施的有效性`,
        "与项目实施前的效果比较",
      ),
    },
  },
  {
    id: "benchmark-digital-payback",
    section: BD,
    label: "投资收益周期",
    prompt: "项目的投资收益周期大约是几年？例如：3.5。",
    kind: "number",
    unit: "年",
    min: 0,
    field: "benchmarkDigital.paybackYears",
    optional: true,
    when: bd,
    help: {
      text: "示范性要求投入产出比合理；项目介绍「四、项目实施的示范性」要求重点介绍投入产出比和投资收益周期。",
      citation: cite(
        `${FORM} > ${S2} > 项目介绍（数字化标杆企业方向）> 四、项目实施的示范性`,
        "重点介绍项目投入产出比，投资收益周期",
      ),
    },
  },
  narrative({
    id: "benchmark-digital-intro-overview",
    section: BD,
    label: "一、项目概述",
    field: "benchmarkDigital.intro.overview",
    guidance:
      "包括企业数字化背景，项目总体情况及当前状态，设备联网、数据采集等。5G 全连接工厂应涵盖 5G 网络、算法模型、连接终端等设施建设情况",
    maxLength: 5000,
    when: bd,
  }),
  narrative({
    id: "benchmark-digital-intro-innovation",
    section: BD,
    label: "二、项目实施的创新性",
    field: "benchmarkDigital.intro.innovation",
    guidance:
      "在平台化设计、智能化制造、数字化管理、个性化定制、网络化协同、服务化延伸等方面具有创新应用内容，新一代信息技术应用创新情况。5G 全连接工厂须满足 5 个以上关键环节的场景应用",
    maxLength: 5000,
    when: bd,
    help: {
      text: "创新性：融合新一代信息技术创新应用，有比较先进的创新应用内容。",
      citation: cite("二、（二）标杆企业类 > 1.创新性", "融合新一代信息技术创新应用"),
    },
  }),
  narrative({
    id: "benchmark-digital-intro-effectiveness",
    section: BD,
    label: "三、项目实施的有效性",
    field: "benchmarkDigital.intro.effectiveness",
    guidance:
      "与项目实施前的效果比较，重点说明项目实施前企业存在哪些痛点、难点，分析实施后效益提升、成本降低及模式创新等方面已经取得的成效，对上下游企业赋能情况",
    maxLength: 5000,
    when: bd,
  }),
  narrative({
    id: "benchmark-digital-intro-demonstration",
    section: BD,
    label: "四、项目实施的示范性",
    field: "benchmarkDigital.intro.demonstration",
    guidance:
      "重点介绍项目投入产出比，投资收益周期，实施中的典型经验和做法，以及该经验做法是否和相关行业或区域复制推广，或者实际上已经具备复制推广价值，将对相关行业和区域同类业务发展起到示范带动意义",
    maxLength: 5000,
    when: bd,
    help: {
      text: "示范性：具备比较成熟的实践应用场景，取得较好的实际效果，投入产出比合理，对行业具有较好的借鉴、复制和推广价值。",
      citation: cite("二、（二）标杆企业类 > 3.示范性", "投入产出比合理，对行业具有较好的借鉴、复制和推广价值"),
    },
  }),
  narrative({
    id: "benchmark-digital-intro-security",
    section: BD,
    label: "五、项目实施的安全性",
    field: "benchmarkDigital.intro.security",
    guidance: "重点介绍项目建设是否采取一定的工业互联网安全措施",
    maxLength: 5000,
    when: bd,
    help: {
      text: "安全性：建立落实与本行业类别级别相适应的工业互联网安全管理制度，项目建设应用的平台、设备、软件、控制系统等应符合基本的安全防护要求。",
      citation: cite(
        "二、（二）标杆企业类 > 4.安全性",
        "项目建设应用的平台、设备、软件、控制系统等应符合基本的安全防护要求",
      ),
    },
  }),
  attachments(
    "benchmark-digital-attachments",
    BD,
    "benchmarkDigital.attachments",
    bd,
    texts.materials["benchmark-digital"],
    "企业上一年度财务审计报告，没有的，应当提供相关财务报表、营业执照、专利、获奖证书、无涉黑承诺和其他佐证材料复印件，其他企业认为需要补充的材料",
  ),
];

// ── 方向四：工业数据安全标杆企业 ──

const BS = `${S2} > 项目介绍（工业数据安全标杆企业方向）`;
const bs = isCategory("benchmark-data-security");
const bsAssessed = (a: Answers): boolean => bs(a) && valueOf(a, "benchmark-data-security-assessment") === true;

const benchmarkDataSecuritySteps: Step[] = [
  {
    id: "benchmark-data-security-completed",
    section: BS,
    label: "项目已经建成",
    prompt: "数据安全项目是否已经建成？请回答“是”或“否”。",
    kind: "yesNo",
    field: "benchmarkDataSecurity.projectCompleted",
    profileField: "projectCompleted",
    when: bs,
    help: {
      text: "标杆企业类（含工业数据安全标杆企业）的示范性要求项目已经建成。工业数据安全标杆企业联系人：黄剑 0591-87839441。",
      citation: cite("二、（二）标杆企业类 > 3.示范性", "项目已经建成"),
    },
  },
  {
    id: "benchmark-data-security-core-data",
    section: BS,
    label: "国家安全相关的重要核心数据",
    prompt: "公司是否有国家安全相关的重要核心数据？请回答“是”或“否”。",
    kind: "yesNo",
    field: "benchmarkDataSecurity.hasCoreData",
    optional: true,
    when: bs,
    help: {
      text: "项目介绍「一、重要数据梳理情况」要求说明这一点；数据目录和具体内容不在申报书中体现。",
      citation: cite(
        `${FORM} > ${S2} > 项目介绍（工业数据安全标杆企业方向）> 一、重要数据梳理情况`,
        "是否有国家安全相关的重要核心数据。数据目录和具体内容不体现",
      ),
    },
  },
  {
    id: "benchmark-data-security-trainings",
    section: BS,
    label: "2022年1月以来数据安全培训次数",
    prompt: "2022年1月以来，公司开展了多少次数据安全培训？例如：8次。",
    kind: "count",
    unit: "次",
    min: 0,
    field: "benchmarkDataSecurity.trainings",
    optional: true,
    when: bs,
    help: {
      text: "用于项目介绍「二、数据安全管理制度」；培训活动文件及照片作为佐证材料提供。",
      citation: cite(
        `${FORM} > ${S2} > 项目介绍（工业数据安全标杆企业方向）> 二、数据安全管理制度`,
        "数据安全培训，2022年1月以来数据安全培训情况",
      ),
    },
  },
  {
    id: "benchmark-data-security-drills",
    section: BS,
    label: "2022年1月以来数据安全演练次数",
    prompt: "2022年1月以来，公司开展了多少次数据安全演练？例如：4次。",
    kind: "count",
    unit: "次",
    min: 0,
    field: "benchmarkDataSecurity.drills",
    optional: true,
    when: bs,
    help: {
      text: "用于项目介绍「二、数据安全管理制度」；演练活动文件及照片作为佐证材料提供。",
      citation: cite(
        `${FORM} > ${S2} > 项目介绍（工业数据安全标杆企业方向）> 二、数据安全管理制度`,
        "数据安全演练，2022年1月以来数据安全演练情况",
      ),
    },
  },
  {
    id: "benchmark-data-security-investment",
    section: BS,
    label: "2022年1月以来网络及数据安全系统建设资金投入",
    prompt: "2022年1月以来，网络及数据安全系统建设共投入多少万元？例如：350万。",
    kind: "money",
    unit: "万元",
    min: 0,
    field: "benchmarkDataSecurity.investment",
    optional: true,
    when: bs,
    help: {
      text: "用于项目介绍「三、数据安全系统建设」；需附2022年1月以来网络数据安全系统采购合同复印件。",
      citation: cite(
        `${FORM} > ${S2} > 项目介绍（工业数据安全标杆企业方向）> 三、数据安全系统建设`,
        "2022年1月以来网络及数据安全系统建设资金投入情况",
      ),
    },
  },
  {
    id: "benchmark-data-security-assessment",
    section: BS,
    label: "本年度开展数据安全评估",
    prompt: "本年度是否开展了数据安全评估？请回答“是”或“否”。",
    kind: "yesNo",
    field: "benchmarkDataSecurity.assessment.done",
    optional: true,
    when: bs,
    help: {
      text: "项目介绍「五、数据安全报告情况」要求说明本年度数据安全评估、整改及向工信主管部门报送情况。",
      citation: cite(
        `${FORM} > ${S2} > 项目介绍（工业数据安全标杆企业方向）> 五、数据安全报告情况`,
        "本年度开展数据安全评估情况，是否委托第三方机构开展",
      ),
    },
  },
  {
    id: "benchmark-data-security-assessment-third-party",
    section: BS,
    label: "委托第三方机构开展评估",
    prompt: "数据安全评估是否委托第三方机构开展？请回答“是”或“否”。",
    kind: "yesNo",
    field: "benchmarkDataSecurity.assessment.thirdParty",
    optional: true,
    when: bsAssessed,
  },
  {
    id: "benchmark-data-security-assessment-reported",
    section: BS,
    label: "评估情况已向工信主管部门报送",
    prompt: "评估及整改情况是否已向工信主管部门报送？请回答“是”或“否”。",
    kind: "yesNo",
    field: "benchmarkDataSecurity.assessment.reported",
    optional: true,
    when: bsAssessed,
    help: {
      text: "需提供数据安全评估报告以及整改措施、报送数据安全风险及事件的佐证材料。",
      citation: cite(
        `${FORM} > ${S2} > 项目介绍（工业数据安全标杆企业方向）> 五、数据安全报告情况`,
        "针对评估发现的问题进行整改情况，并向工信主管部门报送情况",
      ),
    },
  },
  narrative({
    id: "benchmark-data-security-intro-important-data",
    section: BS,
    label: "一、重要数据梳理情况",
    field: "benchmarkDataSecurity.intro.importantData",
    guidance:
      "公司数据资产的梳理情况，如何开展数据分级分类工作，识别出需保护的重要数据类型，包含但不限于企业核心工艺、设计、财务等数据，上游企业要求保护的数据，并说明需要保护的原因。是否有国家安全相关的重要核心数据。数据目录和具体内容不体现",
    maxLength: 5000,
    when: bs,
    help: {
      text: "方向四：开展工业数据资产识别与分类分级、数据隐私保护、数据防泄漏、数据攻击检测、数据安全监测预警、数据安全防护体系设计等数据安全管理工作；注意不要写出数据目录和具体内容。",
      citation: cite("一、申报范围 > 方向四：工业数据安全标杆企业", "开展工业数据资产识别与分类分级"),
    },
  }),
  narrative({
    id: "benchmark-data-security-intro-management",
    section: BS,
    label: "二、数据安全管理制度",
    field: "benchmarkDataSecurity.intro.management",
    guidance:
      "包括但不限于以下内容：1.数据安全管理的组织架构，责任部门人员构成，名单、职务和分工，数据权限管理情况；2.供应链数据管理，供应链数据安全方案制定，风险控制措施等；3.数据安全培训，2022年1月以来数据安全培训情况；4.数据安全演练，2022年1月以来数据安全演练情况；5.信息安全系统设备管理情况",
    maxLength: 5000,
    when: bs,
  }),
  narrative({
    id: "benchmark-data-security-intro-systems",
    section: BS,
    label: "三、数据安全系统建设",
    field: "benchmarkDataSecurity.intro.systems",
    guidance:
      "整体防护系统，可实现功能，构成模块情况，应用相关技术，实际工作中起到的防护效果、具体案例，以及2022年1月以来网络及数据安全系统建设资金投入情况",
    maxLength: 5000,
    when: bs,
  }),
  narrative({
    id: "benchmark-data-security-intro-planning",
    section: BS,
    label: "四、数据安全规划",
    field: "benchmarkDataSecurity.intro.planning",
    guidance: "公司数据安全规划情况，主要包括目标、路径、措施，未来在管理制度及系统建设方面的构想等",
    maxLength: 5000,
    when: bs,
  }),
  narrative({
    id: "benchmark-data-security-intro-reporting",
    section: BS,
    label: "五、数据安全报告情况",
    field: "benchmarkDataSecurity.intro.reporting",
    guidance:
      "1.数据安全评估，本年度开展数据安全评估情况，是否委托第三方机构开展，针对评估发现的问题进行整改情况，并向工信主管部门报送情况；2.风险事件报送，公司本年度遇到发现的网络安全、数据安全风险隐患情况，以及处置措施，并向工信主管部门报送情况",
    maxLength: 5000,
    when: bs,
  }),
  attachments(
    "benchmark-data-security-attachments",
    BS,
    "benchmarkDataSecurity.attachments",
    bs,
    texts.materials["benchmark-data-security"],
    "企业2022年1月以来网络数据安全系统采购合同复印件",
  ),
];

// ── 方向五：标识解析 ──

const ID = `${S2} > 项目介绍（标识解析方向）`;
const idf = isCategory("identifier");

const identifierSteps: Step[] = [
  {
    id: "identifier-national-platform",
    section: ID,
    label: "与国家平台对接",
    prompt: "二级节点是否已与国家平台对接？请回答“是”或“否”。",
    kind: "yesNo",
    field: "identifier.nationalPlatformConnected",
    when: idf,
    help: {
      text: "项目介绍「五、项目实施成效」要求说明是否与国家平台对接，并附平台运行截图及清单。",
      citation: cite(
        `${FORM} > ${S2} > 项目介绍（标识解析方向）> 五、项目实施成效`,
        "是否与国家平台对接、企业注册数、标识注册量、标识解析量",
      ),
    },
  },
  {
    id: "identifier-registered-enterprises",
    section: ID,
    label: "二级节点注册工业企业数",
    prompt: "二级节点注册的工业企业有多少家？例如：320家。",
    kind: "count",
    unit: "家",
    min: 0,
    field: "identifier.registeredEnterprises",
    profileField: "identifierRegisteredEnterprises",
    when: idf,
    help: {
      text: "有效性要求二级节点注册工业企业数超过300家（恰为300家不满足）。",
      citation: cite("二、（三）标识解析类 > 2.有效性", "二级节点注册工业企业数应当超 300 家"),
    },
  },
  {
    id: "identifier-registrations",
    section: ID,
    label: "标识注册量",
    prompt: "标识注册量是多少？例如：3500万。",
    kind: "count",
    unit: "个",
    min: 0,
    field: "identifier.registrations",
    profileField: "identifierRegistrations",
    when: idf,
    help: {
      text: "有效性要求标识注册量超过3000万。",
      citation: cite("二、（三）标识解析类 > 2.有效性", "标识注册量超 3000 万"),
    },
  },
  {
    id: "identifier-resolutions",
    section: ID,
    label: "标识解析量",
    prompt: "标识解析量是多少次？例如：1.2亿次。",
    kind: "count",
    unit: "次",
    min: 0,
    field: "identifier.resolutions",
    profileField: "identifierResolutions",
    when: idf,
    help: {
      text: "有效性要求解析量超过1亿次。",
      citation: cite("二、（三）标识解析类 > 2.有效性", "解析量超 1 亿次"),
    },
  },
  {
    id: "identifier-service-cases",
    section: ID,
    label: "典型服务案例数",
    prompt: "有多少家工业企业的成熟服务案例可提供正式合同及用户使用报告？例如：5家。",
    kind: "count",
    unit: "家",
    min: 0,
    field: "identifier.serviceCases",
    optional: true,
    when: idf,
    help: {
      text: "有效性要求具备工业企业成熟服务案例；佐证材料需提供3家以上典型服务案例的正式合同及用户使用报告。",
      citation: cite("二、（三）标识解析类 > 2.有效性", "具备工业企业成熟服务案例"),
    },
  },
  narrative({
    id: "identifier-intro-background",
    section: ID,
    label: "一、项目建设背景和意义",
    field: "identifier.intro.background",
    maxLength: 2000,
    when: idf,
    help: {
      text: "方向五：二级节点建设运营单位实施标识解析集成创新，开展产品追溯、供应链管理、设备健康管理等应用，服务工业企业上标识、用标识。",
      citation: cite("一、申报范围 > 方向五：标识解析", "开展产品追溯、供应链管理、设备健康管理等应用，服务工业企业上标识、用标识"),
    },
  }),
  narrative({
    id: "identifier-intro-goals",
    section: ID,
    label: "二、项目建设目标和主要任务",
    field: "identifier.intro.goals",
    maxLength: 2000,
    when: idf,
  }),
  narrative({
    id: "identifier-intro-scope",
    section: ID,
    label: "三、项目建设主体、服务对象及适用场景",
    field: "identifier.intro.scope",
    maxLength: 2000,
    when: idf,
  }),
  narrative({
    id: "identifier-intro-technical",
    section: ID,
    label: "四、项目技术方案与实施内容",
    field: "identifier.intro.technical",
    maxLength: 2000,
    when: idf,
    help: {
      text: "创新性：标识解析应当支持数据智能关联，在相关行业开展设备运维管理、生产管控、供应链管理、产业链协同、产品追溯等创新应用，具备业务串联集成增值服务能力。",
      citation: cite("二、（三）标识解析类 > 1.创新性", "标识解析应当支持数据智能关联"),
    },
  }),
  narrative({
    id: "identifier-intro-results",
    section: ID,
    label: "五、项目实施成效",
    field: "identifier.intro.results",
    guidance: "是否与国家平台对接、企业注册数、标识注册量、标识解析量，项目主要解决的问题，项目实施前与实施后效果比较",
    maxLength: 2000,
    when: idf,
  }),
  narrative({
    id: "identifier-intro-demonstration",
    section: ID,
    label: "六、项目示范作用",
    field: "identifier.intro.demonstration",
    guidance:
      "突出项目实施中的典型经验和做法，对相关行业、相关区域、典型场景开展的可复制性和示范价值，项目产生的社会效益和经济效益，以及项目已开展的推广复制案例",
    maxLength: 2000,
    when: idf,
    help: {
      text: "示范性：标识应用解决行业存在的痛点难点，应用模式能够复制推广到相关行业领域，有较强的借鉴价值。",
      citation: cite("二、（三）标识解析类 > 3.示范性", "标识应用解决行业存在的痛点难点，应用模式能够复制推广到相关行业领域"),
    },
  }),
  attachments(
    "identifier-attachments",
    ID,
    "identifier.attachments",
    idf,
    texts.materials.identifier,
    "与国家平台对接、企业注册数、标识注册量、标识解析量平台运行截图及清单等，以及3家以上典型服务案例的正式合同及用户使用报告",
  ),
];

// ── The flow ──

export const flow: ApplicationFlow = {
  programId: "fj-2024-integration",
  formTitle: texts.form.title,
  intro:
    "我们将按《福建省省级新一代信息技术与制造业融合发展项目申报书》（附件1）逐项填写：先填申报单位基本信息，再选申报类别并填写该方向的指标和项目介绍，最后确认承诺书。项目介绍各段可先跳过，之后在文档中补写。",
  steps: [
    // ── 一、申报单位基本信息: the table's rows in print order ──
    {
      id: "applicant-name",
      section: S1,
      label: "申报单位",
      prompt: "请填写申报单位全称（与营业执照一致），例如：福建某某科技有限公司。",
      kind: "text",
      field: "basic.applicantName",
      profileField: "name",
      help: {
        text: "申报主体应当在福建省辖区内生产经营，具有独立法人资格，运营和财务状况良好，近三年无涉黑涉恶违法行为，未被列入企业经营异常名录或失信企业名单。",
        citation: cite(
          "二、申报条件",
          "申报主体应当在辖区内生产经营，具有独立法人资格，运营和财务状况良好，近三年无涉黑涉恶违法行为，未被列入企业经营异常名录或失信企业名单",
        ),
      },
    },
    {
      id: "address",
      section: S1,
      label: "单位详细地址",
      prompt: "请填写单位详细地址，例如：福建省泉州市丰泽区某某路88号。",
      kind: "text",
      field: "basic.address",
      help: {
        text: "申报书按属地原则报送所在设区市或平潭综合实验区工信部门。",
        citation: cite("三、报送方式 > （一）", "申报单位按照属地原则，向所在设区市或平潭综合实验区工信部门报送"),
      },
    },
    {
      id: "project-name",
      section: S1,
      label: "申报项目名称",
      prompt: "请填写申报项目名称，例如：某某行业工业互联网平台建设项目。",
      kind: "text",
      field: "basic.projectName",
      maxLength: 100,
    },
    {
      id: "total-investment",
      section: S1,
      label: "项目总投资",
      prompt: "项目总投资是多少万元？例如：1200万 或 0.12亿。",
      kind: "money",
      unit: "万元",
      min: 0,
      field: "basic.totalInvestment",
    },
    {
      // The form prints one cell 「年 月-- 年 月」: asked as two month-precision dates.
      id: "period-start",
      section: S1,
      label: "项目实施周期（起）",
      prompt: "项目实施周期从哪年哪月开始？例如：2022年3月。",
      kind: "date",
      monthPrecision: true,
      field: "basic.implementationPeriod.start",
    },
    {
      id: "period-end",
      section: S1,
      label: "项目实施周期（止）",
      prompt: "项目实施周期到哪年哪月结束？例如：2023年12月。",
      kind: "date",
      monthPrecision: true,
      field: "basic.implementationPeriod.end",
      checks: [{ kind: "notBefore", stepId: "period-start", citation: cite(`${FORM} > ${S1}`, "项目实施周期") }],
    },
    {
      id: "credit-code",
      section: S1,
      label: "统一社会信用代码",
      prompt: "请填写18位统一社会信用代码（见营业执照），例如：91350100XXXXXXXXXX。",
      kind: "creditCode",
      field: "basic.creditCode",
    },
    {
      id: "established",
      section: S1,
      label: "注册成立时间",
      prompt: "单位注册成立于哪年哪月？例如：2010年6月。",
      kind: "date",
      monthPrecision: true,
      field: "basic.establishedAt",
    },
    {
      id: "industry",
      section: S1,
      label: "所属行业",
      prompt: "单位所属行业是什么？例如：电气机械和器材制造业。",
      kind: "text",
      field: "basic.industry",
      profileField: "sector",
    },
    {
      id: "ownership",
      section: S1,
      label: "单位性质",
      prompt: "单位性质是什么？例如：民营企业、国有企业、外资企业。",
      kind: "text",
      field: "basic.ownership",
    },
    {
      id: "legal-representative",
      section: S1,
      label: "法定代表人",
      prompt: "法定代表人姓名是什么？",
      kind: "text",
      field: "basic.legalRepresentative",
    },
    {
      id: "legal-representative-phone",
      section: S1,
      label: "联系电话",
      prompt: "法定代表人的联系电话是多少？例如：0591-87654321 或 13800000000。",
      kind: "phone",
      field: "basic.legalRepresentativePhone",
    },
    {
      id: "contact-name",
      section: S1,
      label: "申报联系人",
      prompt: "申报联系人姓名是什么？",
      kind: "text",
      field: "basic.contactName",
    },
    {
      id: "contact-mobile",
      section: S1,
      label: "手机号码",
      prompt: "申报联系人的手机号码是多少？例如：13800000000。",
      kind: "phone",
      field: "basic.contactMobile",
    },
    {
      id: "contact-email",
      section: S1,
      label: "电子邮箱",
      prompt: "申报联系人的电子邮箱是什么？例如：zhangsan@example.com。",
      kind: "email",
      field: "basic.contactEmail",
    },
    {
      // 单位简介 item 1 is narrative; item 2 (近三年营业收入、利润、研发投入) is asked as the
      // figures below and written into the same cell by the document. 500 字 is the whole cell.
      id: "unit-profile",
      section: S1,
      label: "单位简介",
      prompt: "请简要介绍单位的主营业务、主要产品和市场、研发创新能力和核心竞争力（500字以内，可回复“跳过”稍后补写）。",
      kind: "longText",
      field: "basic.unitProfile",
      optional: true,
      maxLength: 500,
      guidance:
        "主营业务、主要产品、主要市场和客户、研发创新能力（包含省级以上科技奖项、发明专利、标准制定、承担省级以上重大项目等）、核心竞争力（包含行业地位、行业资质、优势技术）等方面基本情况",
      help: {
        text: "单位简介不超过500字，需附相关佐证材料（如科技奖项、发明专利证书）。",
        citation: cite(`${FORM} > ${S1} > 单位简介`, "单位简介不超过 500 字，需附相关佐证材料"),
      },
    },
    {
      id: "revenue-last-year",
      section: S1,
      label: `营业收入（${LAST_YEAR}年）`,
      prompt: `单位${LAST_YEAR}年（上一年度）营业收入是多少万元？例如：8500万 或 1.2亿。`,
      kind: "money",
      unit: "万元",
      min: 0,
      field: `basic.finance.revenue.${LAST_YEAR}`,
      profileField: "revenueLastYearWan",
      help: {
        text: "平台类、标识解析类要求上一年度营业收入不少于3000万元，标杆企业类不少于1亿元；需附上一年度财务审计报告（没有的提供财务报表）。",
        citation: cite("二、（二）标杆企业类", "申报主体为工业企业，上一年度营业收入不少于1亿元"),
      },
    },
    {
      id: "revenue-prior",
      section: S1,
      label: "营业收入（2021—2022年）",
      prompt: (item) => `单位${item.label}营业收入是多少万元？例如：7800万。`,
      kind: "money",
      unit: "万元",
      min: 0,
      field: "basic.finance.revenue",
      optional: true,
      forEach: () => PRIOR_YEARS,
      help: {
        text: "单位简介要求说明近三年营业收入、利润、研发投入金额等财务指标。",
        citation: cite(`${FORM} > ${S1} > 单位简介`, "近三年营业收入、利润、研发投入金额等财务指标情况"),
      },
    },
    {
      id: "profit-last-year",
      section: S1,
      label: `利润（${LAST_YEAR}年）`,
      prompt: `单位${LAST_YEAR}年利润是多少万元？例如：600万；亏损请写“亏损120万”或 -120。`,
      kind: "money",
      unit: "万元",
      min: Number.NEGATIVE_INFINITY,
      field: `basic.finance.profit.${LAST_YEAR}`,
      profileField: "profitLastYearWan",
      optional: true,
      help: {
        text: "申报条件要求运营和财务状况良好，由各地工信部门审核。",
        citation: cite("二、申报条件", "运营和财务状况良好"),
      },
    },
    {
      id: "profit-prior",
      section: S1,
      label: "利润（2021—2022年）",
      prompt: (item) => `单位${item.label}利润是多少万元？例如：450万；亏损请写“亏损120万”或 -120。`,
      kind: "money",
      unit: "万元",
      min: Number.NEGATIVE_INFINITY,
      field: "basic.finance.profit",
      optional: true,
      forEach: () => PRIOR_YEARS,
    },
    {
      id: "rd-spending",
      section: S1,
      label: "研发投入（2021—2023年）",
      prompt: (item) => `单位${item.label}研发投入是多少万元？例如：320万。`,
      kind: "money",
      unit: "万元",
      min: 0,
      field: "basic.finance.rdSpending",
      optional: true,
      forEach: () => THREE_YEARS,
    },

    // ── 二、申报项目基本信息 ──
    {
      id: "category",
      section: S2,
      label: "申报类别",
      prompt: "请选择申报类别（只能选一项）。",
      kind: "choice",
      field: "category",
      options: CATEGORY_OPTIONS,
      help: {
        text: "申报类别请选一项。5G全连接工厂属于数字化标杆企业方向：选「数字化标杆企业」后会再问是否申报5G全连接工厂。工业数据安全标杆企业联系人：黄剑 0591-87839441。",
        citation: cite(`${FORM} > ${S2} > 申报类别`, "申报类别 (请√选一项)"),
      },
    },
    {
      // The form's sixth checkbox. Yes: tick 「5G 全连接工厂」 instead of 「数字化标杆企业」.
      id: "benchmark-digital-5g",
      section: S2,
      label: "5G 全连接工厂",
      prompt: "是否按5G全连接工厂申报？请回答“是”或“否”。",
      kind: "yesNo",
      field: "benchmarkDigital.fiveGFactory",
      when: bd,
      help: {
        text: "5G全连接工厂按《5G全连接工厂建设指南》（工信厅信管〔2022〕23号）建设，须满足5个以上关键环节的场景应用。",
        citation: cite(
          "一、申报范围 > 方向三：数字化标杆企业 > 7.5G 全连接工厂",
          "按照《工业和信息化部办公厅关于印发5G全连接工厂建设指南的通知》（工信厅信管〔2022〕23号）要求",
        ),
      },
    },
    ...platformDemoSteps,
    ...platformSmeSteps,
    ...benchmarkDigitalSteps,
    ...benchmarkDataSecuritySteps,
    ...identifierSteps,

    // ── 三、申报单位承诺和各地工信部门推荐意见 (推荐意见 is the bureau's) ──
    {
      id: "commitment",
      section: S3,
      label: "申报主体承诺书",
      prompt: "请确认本单位作出申报主体承诺书中的四项承诺（内容真实、材料真实完整、符合保密规定、知识产权清晰），回答“是”表示确认。",
      kind: "yesNo",
      field: "commitment.agreed",
      help: {
        text: "承诺书内容：申报书中所填写的内容真实、合法、有效；提供的申报资料和文件内容真实、准确、完整，事实存在；所报送的材料符合国家保密规定，未涉及国家秘密和其他敏感信息；涉及的知识产权（商业秘密）明晰完整，归属本单位或技术来源正当合法。打印后由申报单位盖章、法定代表人签字。",
        citation: cite(`${FORM} > ${S3} > 申报主体承诺书`, "若发生与上述承诺相违背的事实，由本单位承担相应责任"),
      },
    },
    {
      id: "commitment-date",
      section: S3,
      label: "日期",
      prompt: "承诺书落款日期是哪天？例如：2024年5月20日（也可跳过，打印后手写）。",
      kind: "date",
      field: "commitment.date",
      optional: true,
    },
  ],
};
