/**
 * 《福建省先进级智能工厂申报书》 (附件3 of 闽工信函装备〔2025〕123号) as a .docx, in the form's
 * own order: cover; 一、(一) 申报单位基本信息 and (二) 智能工厂基本信息 tables (with the
 * 工厂整体建设成效 KPI rows and the 真实性承诺 row, where the form has its commitment); 相关附件;
 * 二 … 七 narratives (answer, or the form's guidance where skipped); 三 per chosen scenario, grouped
 * by the five smart-factory 环节 plus （六）多环节模式创新, with the parts the chat does not ask
 * (SCENARIO_DOCUMENT_ONLY) printed with their guidance; 八 附表1–7.
 *
 * Form texts below are the notice's (corpus/notices/fj-2025-smart-factory-advanced.txt), verbatim
 * except where its extraction garbled them (noted where so).
 */
import type { Paragraph, Table } from "docx";
import { SMART_FACTORY_STAGES } from "../../eligibility/index.ts";
import { optionsOf } from "../../forms/expand.ts";
import type { Answers, Step } from "../../forms/types.ts";
import { KPIS, SCENARIO_DOCUMENT_ONLY, chosenScenarios, flow } from "./questions.ts";
import { MULTI_SEGMENT, scenarioLabel, type Scenario } from "./scenarios.ts";
import {
  CONTENT_WIDTH,
  FONTS,
  LANDSCAPE_CONTENT_WIDTH,
  SEAL_ROOM,
  TABLE_SIZE,
  answerOf,
  blankOr,
  checkOptions,
  checkbox,
  checkboxLine,
  chosenIds,
  createDocument,
  displayOf,
  docxFileName,
  footnoteRef,
  formTable,
  heading1,
  heading2,
  heading3,
  inParentheses,
  kpiRow,
  kpiRows,
  labelCell,
  linesOf,
  listTable,
  narrative,
  narrativeBody,
  packDocx,
  paragraph,
  run,
  title,
  widthsOf,
  landscape,
  wanCell,
  LandscapeSection,
  type Block,
  type CellSpec,
  type RowSpec,
} from "../../../documents/docx-kit.ts";
import type { DocumentInput, FormGenerator } from "../../../documents/types.ts";

const PROGRAM_ID = "fj-2025-smart-factory-advanced";
const FORM_TITLE = flow.formTitle;

// ───────────────────────────── form texts ─────────────────────────────

const COVER_ISSUER = "福建省工业和信息化厅编制";
const COVER_YEAR = "二〇二五年";

const FOOTNOTES: Readonly<Record<number, string>> = {
  1: "根据《统计上大中小微型企业划分办法（2017）》《关于印发中小企业划型标准规定的通知》规定，工业企业大、中、小、微企业划分标准如下：从业人员 1000 人及以上，且营业收入 40000 万元及以上的为大型企业；从业人员 300 人及以上 1000 人以下，且营业收入 2000 万元及以上 40000 万元以下的为中型企业；从业人员 20 人及以上 300 人以下，且营业收入 300 万元及以上 2000 万元以下的为小型企业；从业人员 20 人以下或营业收入 300 万元以下的为微型企业。",
  2: "所属行业大类和中类，根据《国民经济行业分类与代码（GB/T 4754-2017）》进行选填。",
  3: "安全生产事故认定标准见《生产安全事故报告和调查处理条例》（中华人民共和国国务院令第 493 号）第三条，环境事故认定标准见《国家突发环境事件应急预案》（国办函〔2014〕119 号）附件 1。",
};

/** The form's 真实性承诺 row, verbatim. */
export const COMMITMENT =
  "本单位近三年经营和财务状况良好，无不良信用记录、无较大及以上安全、环保等事故，无违法违规行为。本单位使用的关键技术装备、工业软件、工业操作系统、系统解决方案等安全可控，网络安全和数据安全风险可控。申报的所有材料均真实完整。如违背以上承诺，愿意承担相关责任。";
const COMMITMENT_SIGNATURE = "法定代表人签章：\u3000\u3000\u3000\u3000公章：\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日";

const ATTACHMENTS: readonly string[] = [
  "1. 企业营业执照复印件；",
  "2. 企业 2022 年-2024 年三年公司财务情况佐证材料；",
  "3. 智能制造能力成熟度评估报告；",
  "4. 法人和非法人组织公共信用信息报告（概览部分）；",
  "5. 其它证明材料如：企业行业地位等证明材料；申报单位在工厂建设方面取得的知识产权、专利、标准等证明材料。",
];

const KPI_BLOCK_LABEL = "工厂整体建设成效(根据实际情况填写, 如果当前没有, 可以不填)";
const PROJECT_NAME_GUIDANCE = "填写具体智能工厂名称, (以“智能工厂”结尾, 不能以车间、项目等结尾。)";
const SCENES_GUIDANCE =
  "按照附件2《智能制造典型场景参考指引(2024年版)》中的环节和场景名称准确填写, 格式“环节-场景”。";
const INTEGRATORS_GUIDANCE = "可按不同环节实施主体, 填写多个";
const DATES_GUIDANCE = "如: 2022年1月1日-2024年12月31日";
const MATURITY_NOTE = "（智能制造能力成熟度评估结果或其他能力证明等材料需后附）";
const SECTION3_GUIDANCE =
  "(此部分参考《智能工厂梯度培育要素条件》(附件1)和《智能制造典型场景参考指引(2024年版)》(附件2)进行编写，并按照附表1和附表2对每个场景建设情况分先后顺序进行详细描述。)";

/** Section 三's headings: the five smart-factory 环节, then 多环节模式创新. */
const STAGE_HEADINGS: readonly { stage: string | null; heading: string }[] = [
  ...SMART_FACTORY_STAGES.map((stage, i) => ({ stage, heading: `（${"一二三四五"[i]}）${stage}` })),
  { stage: null, heading: `（六）${MULTI_SEGMENT}（选填）` },
];

// 附表 headers. 附表1's 「其他」 header is garbled in the extracted text (「其他(如对 其他车间的
// 于间、联动效 应等)」); it is restored from section 三's item 8 (「如对于其他车间、工厂的带动效应等」).
const TABLE1_HEADER = [
  "序号",
  "具体场景名称",
  "具体场景描述（结合要素条件进行描述）（150字以内）",
  "解决的痛点问题描述（150字以内）",
  "采用的技术方案（包括供应商）（300字以内，可以配图）",
  "保障要素（如人、管理机制、组织标准、培训等）（150字以内，选填）",
  "实施成果（最好通过量化指标描述）（200字以内）",
  "其他（如对于其他车间、工厂的带动效应等）（150字以内，选填）",
  "备注",
] as const;
const TABLE2_HEADER = [
  "序号",
  "具体场景名称（与上表格对应）",
  "关键技术装备、软件/系统名称",
  "品牌",
  "供应商",
  "新技术名称",
  "应用描述（150字以内）",
  "备注",
] as const;

interface ListTableSpec {
  number: number;
  title: string;
  stepId?: string;
  header: readonly string[];
  widths: readonly number[];
  /** Classifiers for the columns between the name and 备注 (in order); absent → one 关键参数 column. */
  fields?: readonly ((part: string) => boolean)[];
  /** Printed on landscape pages (too wide for portrait). */
  landscape?: boolean;
}

const STANDARD_TYPE = /^(?:标准类型[:：]?)?(国标|行标|团标|企标|国家标准|行业标准|团体标准|企业标准|地方标准|地标)$/;
const STANDARD_STATUS = /^(?:标准状态[:：]?)?(已发布|草案|征求意见稿|报批稿)$/;
const STANDARD_NUMBER = /^(?:标准号[:：]?)?[A-Za-z]{1,4}\d*(?:\/[A-Za-z]{1,6})?\s*[\d.]+(?:[-—]\d{2,4})?$/;
const PATENT_TYPE = /^(?:专利类型[:：]?)?(发明|发明专利|实用新型|实用新型专利|外观|外观设计|外观设计专利|软著|软件著作权)$/;
const PATENT_STATUS = /^(?:专利状态[:：]?)?(已发布|已授权|审查中|已受理|实审中)$/;
const PATENT_NUMBER = /^(?:专利号[:：]?|登记号[:：]?)?(?:ZL|CN)?\s*[\d.X]{6,}[A-Z]?$|软著登字/i;

const LIST_TABLES: readonly ListTableSpec[] = [
  // 附表1 and 附表2 are nine and eight columns wide: printed on landscape pages.
  { number: 1, title: "具体场景描述", header: TABLE1_HEADER, widths: widthsOf([0.6, 1.2, 1.3, 1, 1.3, 1, 1, 1, 0.6], LANDSCAPE_CONTENT_WIDTH), landscape: true },
  {
    number: 2,
    title: "具体场景采用的关键装备、软件/系统及新技术情况",
    header: TABLE2_HEADER,
    widths: widthsOf([0.6, 1.4, 1.4, 0.8, 1, 1, 1.4, 0.6], LANDSCAPE_CONTENT_WIDTH),
    landscape: true,
  },
  {
    number: 3,
    title: "项目突破的关键技术清单（选填）",
    stepId: "key-technologies",
    header: ["序号", "技术名称", "关键参数（两到三个核心参数）", "备注"],
    widths: widthsOf([0.7, 2.3, 3.5, 1]),
  },
  {
    number: 4,
    title: "项目突破的关键装备清单（选填）",
    stepId: "key-equipment",
    header: ["序号", "装备名称", "关键参数（两到三个核心参数）", "备注"],
    widths: widthsOf([0.7, 2.3, 3.5, 1]),
  },
  {
    number: 5,
    title: "项目突破的关键软件/系统清单（选填）",
    stepId: "key-software",
    header: ["序号", "软件/系统名称", "关键参数（两到三个核心参数）", "备注"],
    widths: widthsOf([0.7, 2.3, 3.5, 1]),
  },
  {
    number: 6,
    title: "项目建设过程中形成的标准清单（选填）",
    stepId: "standards",
    header: ["序号", "标准名称", "标准类型（选填 国标、行标、团标、企标）", "标准状态（选填 已发布、草案）", "标准号", "备注"],
    widths: widthsOf([0.7, 2.4, 1.5, 1.5, 1.6, 0.8]),
    fields: [(p) => STANDARD_TYPE.test(p), (p) => STANDARD_STATUS.test(p), (p) => STANDARD_NUMBER.test(p)],
  },
  {
    number: 7,
    title: "项目建设过程中形成的专利清单（选填）",
    stepId: "patents",
    header: ["序号", "专利名称", "专利类型（选填 发明、实用新型、外观、软著）", "专利状态（选填 已发布、审查中）", "专利号", "备注"],
    widths: widthsOf([0.7, 2.4, 1.5, 1.5, 1.6, 0.8]),
    fields: [(p) => PATENT_TYPE.test(p), (p) => PATENT_STATUS.test(p), (p) => PATENT_NUMBER.test(p)],
  },
];

// ───────────────────────────── helpers ─────────────────────────────

/** Runs inside table cells: the one table size. */
const CELL = { size: TABLE_SIZE } as const;

const STEPS: ReadonlyMap<string, Step> = new Map(flow.steps.map((s) => [s.id, s]));

function step(id: string): Step {
  const s = STEPS.get(id);
  if (!s) throw new Error(`${PROGRAM_ID}: the flow has no step ${id}`);
  return s;
}

const guidanceOf = (id: string): string | undefined => step(id).guidance;

/** The ☑/☐ options of a choice / multiChoice step. */
function boxes(answers: Answers, id: string, except: readonly string[] = []) {
  return checkOptions(
    optionsOf(step(id), answers).filter((o) => !except.includes(o.id)),
    chosenIds(answers, id),
  );
}

/** 「value」, or the form's placeholder in parentheses when there is none. */
const valueOr = (value: string, placeholder: string): string => (value.trim() !== "" ? value : inParentheses(placeholder));

/**
 * One line of a 附表3–7 answer as table cells: 「名称：参数」 for the parameter tables; for the
 * standard / patent lists, the parts (split on ，、；| or tabs) recognised as type, status and
 * number go to their columns and the rest is the name.
 */
export function listRow(line: string, fields: readonly ((part: string) => boolean)[] | undefined): string[] {
  const text = line.trim().replace(/^\d+[.、．)）]\s*/, "");
  if (!fields) {
    const m = /^(.+?)\s*[：:\t]\s*(.+)$/.exec(text);
    return m ? [m[1]!, m[2]!] : [text, ""];
  }
  const tokens = text.split(/([，,、；;|\t])/);
  const cells = fields.map(() => "");
  let name = "";
  for (let i = 0; i < tokens.length; i += 2) {
    const part = tokens[i]!.trim();
    if (part === "") continue;
    const slot = fields.findIndex((f, k) => cells[k] === "" && f(part));
    if (slot >= 0) cells[slot] = part.replace(/^[^：:]*[：:]/, "");
    else name = name === "" ? part : `${name}${tokens[i - 1] ?? "，"}${part}`;
  }
  return [name, ...cells];
}

/**
 * The items of a 附表3–7 answer, one table row each: one per line, and — since a chat message is
 * often one line — also one per 「；」-separated part or numbered part (「1.… 2.…」) of a line.
 * A parameter table splits on 「；」 only where every part has its own 「名称：参数」, so that
 * parameters separated by 「；」 stay with their item.
 */
export function listItems(text: string, fields: ListTableSpec["fields"]): string[] {
  const out: string[] = [];
  for (const line of linesOf(text)) {
    const numbered = line
      .split(/\s*(?=(?:^|[\s；;，,。])\(?\d{1,2}[.、．)）](?!\d))/)
      .map((p) => p.replace(/^[\s；;，,。]+/, "").trim())
      .filter((p) => p !== "");
    for (const part of numbered) {
      const pieces = part.split(/[；;]/).map((p) => p.trim()).filter((p) => p !== "");
      const split = fields !== undefined || pieces.every((p) => /[：:]/.test(p));
      out.push(...(split ? pieces : [part]));
    }
  }
  return out;
}

function scenarioName(answers: Answers, s: Scenario): string {
  const instance = displayOf(answers, `scenario-instance-name[${s.id}]`);
  return instance !== "" ? `${scenarioLabel(s)}-${instance}` : scenarioLabel(s);
}

/** The SCENARIO_DOCUMENT_ONLY part whose label starts with the given number (「4.」「（1）」). */
function documentOnly(prefix: string): { label: string; guidance?: string } | undefined {
  return SCENARIO_DOCUMENT_ONLY.find((p) => p.label.startsWith(prefix));
}

// ───────────────────────────── sections ─────────────────────────────

function cover(input: DocumentInput): Block[] {
  const a = input.answers;
  const line = (label: string, value: string): Paragraph =>
    paragraph([run(label), blankOr(value, 12)], { before: 240, after: 120, leftIndent: 1280 });
  const lines = [
    ["申报单位（盖章）：", displayOf(a, "company-name")],
    ["项目名称：", displayOf(a, "project-name")],
    ["法人代表：", displayOf(a, "legal-rep-name")],
    ["推荐单位：", displayOf(a, "recommender")],
    // Dated by the applicant when it is filed, not when the bot wrote it.
    ["申报日期：", ""],
  ] as const;
  return [
    ...Array.from({ length: 5 }, () => paragraph("")),
    title(FORM_TITLE, { after: 1200 }),
    ...lines.map(([label, value]) => line(label, value)),
    ...Array.from({ length: 6 }, () => paragraph("")),
    paragraph(COVER_ISSUER, { align: "center", font: FONTS.heading1 }),
    paragraph(COVER_YEAR, { align: "center", font: FONTS.heading1 }),
  ];
}

/** (一) 申报单位基本信息: grid [label, sub-label, value, label/value, value]. */
function basicTable(a: Answers): Table {
  // Value columns wide enough for a landline with area code; the 18-character code and the
  // e-mail address get rows of their own so that neither is broken.
  const W = [1700, 900, 1902, 1902, CONTENT_WIDTH - 1700 - 900 - 1902 * 2];
  const L = (text: string, span = 2) => labelCell(text, { span });
  const v = (id: string, span = 1): CellSpec => ({ text: displayOf(a, id), span });
  // Amounts as the plain number of 万元 (the rows say 万元), rates as displayed.
  const year = (id: string) =>
    ["2022", "2023", "2024"].map((y) => {
      const key = `${id}[${y}]`;
      return { text: step(id).kind === "money" ? wanCell(a, key) : displayOf(a, key), align: "center" as const };
    });

  const smOther = chosenIds(a, "sm-projects").includes("other");
  const accident = answerOf(a, "major-accident")?.value;
  const accidentName = displayOf(a, "accident-name");

  const rows: RowSpec[] = [
    [L("企业名称"), v("company-name", 3)],
    [L("统一社会信用代码"), v("credit-code", 3)],
    [L("成立时间"), v("founded-on", 3)],
    [L("企业性质"), { text: checkboxLine(boxes(a, "ownership")), span: 3 }],
    [{ runs: [run("企业类型", CELL), footnoteRef(1)], label: true, span: 2 }, { text: checkboxLine(boxes(a, "size-class")), span: 3 }],
    [
      { runs: [run("所属行业大类", CELL), footnoteRef(2)], label: true, span: 2 },
      { text: valueOr(displayOf(a, "industry-division"), "行业大类代码+名称") },
      labelCell("所属行业中类"),
      { text: valueOr(displayOf(a, "industry-group"), "行业中类代码+名称") },
    ],
    [L("单位地址"), v("address", 3)],
    [L("法人代表/负责人", 1), labelCell("姓名"), v("legal-rep-name"), labelCell("电话"), v("legal-rep-phone")],
    [labelCell("联系人", { rowSpan: 4 }), labelCell("姓名"), v("contact-name"), labelCell("电话"), v("contact-phone")],
    [labelCell("职务"), v("contact-title"), labelCell("手机"), v("contact-mobile")],
    [labelCell("传真"), v("contact-fax", 3)],
    [labelCell("邮箱"), v("contact-email", 3)],
    [L("信用等级"), v("credit-rating", 3)],
    [L("近三年发展情况"), labelCell("2022 年"), labelCell("2023 年"), labelCell("2024 年")],
    [L("资产总额（万元）"), ...year("total-assets")],
    [L("负债率（%）"), ...year("debt-ratio")],
    [L("主营业务收入（万元）"), ...year("main-revenue")],
    [L("利润率（%）"), ...year("profit-margin")],
    [L("实缴税金（万元）"), ...year("taxes-paid")],
    [
      L("是否入选国家级、省级智能制造相关项目"),
      {
        span: 3,
        runs: [
          run(`${checkboxLine(boxes(a, "sm-projects", ["other"]))}\u3000\u3000其他 `, CELL),
          blankOr(smOther ? displayOf(a, "sm-projects-other") : "", 5, CELL),
        ],
      },
    ],
    [L("智能制造能力成熟度评估结果或其他能力证明材料"), { text: `${checkboxLine(boxes(a, "maturity-level"))} ${MATURITY_NOTE}`, span: 3 }],
    [
      { runs: [run("企业近三年是否发生过较大安全生产事故或环境事故", CELL), footnoteRef(3)], label: true, span: 2 },
      {
        span: 3,
        runs: [
          run(`${checkbox({ label: "是", checked: accident === true })}（事故名称：`, CELL),
          blankOr(accident === true ? accidentName : "", 5, CELL),
          run(`）\u3000\u3000${checkbox({ label: "否", checked: accident === false })}`, CELL),
        ],
      },
    ],
    [L("企业简介"), { span: 3, blocks: narrativeBody(displayOf(a, "company-profile"), guidanceOf("company-profile"), { size: TABLE_SIZE }) }],
  ];
  return formTable(W, rows);
}

/** (二) 智能工厂基本信息, the KPI rows, 项目简述 and 真实性承诺: grid [label, 指标, 建设前, 建成后, 变化率]. */
function factoryTable(a: Answers): Table {
  const W = [1900, 2806, 1200, 1200, CONTENT_WIDTH - 1900 - 2806 - 2400];
  const row = (label: string, value: CellSpec): RowSpec => [labelCell(label), typeof value === "string" ? { text: value, span: 4 } : { ...value, span: 4 }];

  const industryOther = answerOf(a, "factory-industry")?.value === "other" ? displayOf(a, "factory-industry-other") : "";
  const scenarios = chosenScenarios(a);
  const stages = displayOf(a, "stages");
  const scenesBlocks: Paragraph[] =
    scenarios.length === 0 && stages === ""
      ? [paragraph(inParentheses(SCENES_GUIDANCE), { size: TABLE_SIZE })]
      : [
          ...(stages !== "" ? [paragraph(`覆盖的环节：${stages}`, { size: TABLE_SIZE })] : []),
          ...scenarios.map((s, i) => paragraph(`${i + 1}. ${scenarioLabel(s)}`, { size: TABLE_SIZE })),
        ];
  const start = displayOf(a, "start-date");
  const end = displayOf(a, "end-date");
  const dates = start !== "" || end !== "" ? `${start || "＿＿"}-${end || "＿＿"}` : DATES_GUIDANCE;

  const chosenKpis = new Set(chosenIds(a, "kpi-chosen"));
  const kpis = KPIS.map((k) => kpiRow(k.label, chosenKpis.has(k.key) ? answerOf(a, `kpi[${k.key}]`) : undefined));
  const kpiOther = displayOf(a, "kpi-other");

  const rows: RowSpec[] = [
    row("项目名称", valueOr(displayOf(a, "project-name"), PROJECT_NAME_GUIDANCE)),
    row("所属行业", {
      runs: [run(`${checkboxLine(boxes(a, "factory-industry", ["other"]))}\u3000\u3000其他`, CELL), blankOr(industryOther, 5, CELL)],
    }),
    row("细分行业", displayOf(a, "sub-industry")),
    row("覆盖的环节和具体场景", { blocks: scenesBlocks }),
    row("建设地址", displayOf(a, "build-address")),
    row("建设集成商", valueOr(displayOf(a, "integrators"), INTEGRATORS_GUIDANCE)),
    row("起止日期", dates),
    row("项目投资(万元)", wanCell(a, "investment")),
    ...kpiRows(kpis, { text: KPI_BLOCK_LABEL }, [[labelCell("其他个性化指标"), { text: kpiOther, span: 3 }]]),
    row("项目简述", { blocks: narrativeBody(displayOf(a, "project-summary"), undefined, { size: TABLE_SIZE }) }),
    row("真实性承诺", {
      blocks: [paragraph(COMMITMENT, { size: TABLE_SIZE, indent: true }), paragraph(COMMITMENT_SIGNATURE, { size: TABLE_SIZE, align: "right", before: SEAL_ROOM })],
    }),
  ];
  return formTable(W, rows);
}

function scenarioBlock(a: Answers, s: Scenario): Block[] {
  const body = (text: string | undefined, guidance: string | undefined) => narrativeBody(text, guidance);
  const sub = (label: string, value: string): Paragraph => paragraph([run(`${label}：`), blankOr(value, 10)], { indent: true });
  const docPart = (prefix: string, fallback: string): Block[] => {
    const part = documentOnly(prefix);
    return [heading3(part?.label ?? fallback, { keepNext: true }), ...body(undefined, part?.guidance)];
  };
  const placed = new Set(["（1）", "（2）", "4.", "5.", "6.", "8.", "9.", "10."]);
  const rest = SCENARIO_DOCUMENT_ONLY.filter((p) => ![...placed].some((prefix) => p.label.startsWith(prefix)));
  return [
    heading3(`1. 场景名称：${scenarioName(a, s)}`, { keepNext: true }),
    heading3("2. 场景基本信息", { keepNext: true }),
    sub(documentOnly("（1）")?.label ?? "（1）场景解决方案供应商名称，联系人及联系方式", ""),
    sub(documentOnly("（2）")?.label ?? "（2）场景建设起止日期", ""),
    sub("（3）场景建设总投资(万元)", wanCell(a, `scenario-investment[${s.id}]`)),
    heading3("3. 场景实例描述", { keepNext: true }),
    ...body(displayOf(a, `scenario-description[${s.id}]`), guidanceOf("scenario-description")),
    ...docPart("4.", "4. 解决的痛点问题描述"),
    ...docPart("5.", "5. 采用的技术方案（包括供应商）"),
    ...docPart("6.", "6. 保障要素"),
    heading3("7. 已实施成效", { keepNext: true }),
    ...body(displayOf(a, `scenario-results[${s.id}]`), guidanceOf("scenario-results")),
    ...docPart("8.", "8. 其他"),
    ...docPart("9.", "9. 经济性和可推广性"),
    ...docPart("10.", "10. 场景实例采用的关键装备、软件、工艺、技术、数据模型需求等情况"),
    // Parts added to SCENARIO_DOCUMENT_ONLY later still print, after the form's ten.
    ...rest.flatMap((p) => [heading3(p.label, { keepNext: true }), ...body(undefined, p.guidance)]),
  ];
}

function scenesSection(a: Answers): Block[] {
  const scenarios = chosenScenarios(a);
  const out: Block[] = [heading1("三、项目场景建设情况"), paragraph(SECTION3_GUIDANCE, { indent: true })];
  for (const { stage, heading } of STAGE_HEADINGS) {
    out.push(heading2(heading));
    for (const s of scenarios.filter((x) => x.stage === stage)) out.push(...scenarioBlock(a, s));
  }
  return out;
}

function narrativeSections(a: Answers): Block[] {
  const section = (id: string): Paragraph[] => [heading1(step(id).label), ...narrativeBody(displayOf(a, id), guidanceOf(id))];
  return [
    heading1("二、项目总体情况"),
    heading2("（一）项目实施背景。（300字以内）"),
    ...narrativeBody(displayOf(a, "background"), guidanceOf("background")),
    heading2("（二）项目整体方案。（700字以内）"),
    ...narrativeBody(displayOf(a, "overall-plan"), guidanceOf("overall-plan")),
    ...scenesSection(a),
    ...section("integration"),
    ...section("advancement"),
    ...section("implementation-results"),
    heading1("七、下一步预期目标和实施推广计划"),
    ...["goals", "next-steps", "growth", "promotion"].flatMap((id) =>
      narrative({ heading: step(id).label, text: displayOf(a, id), guidance: guidanceOf(id) }),
    ),
  ];
}

function appendixTables(a: Answers): Array<Block | LandscapeSection> {
  const scenarios = chosenScenarios(a);
  const out: Array<Block | LandscapeSection> = [heading1("八、相关附表")];
  for (const t of LIST_TABLES) out.push(paragraph(`附表 ${t.number}. ${t.title}`, { indent: true }));
  let pendingBreak = true;
  for (const t of LIST_TABLES) {
    let rows: string[][];
    if (t.number === 1) {
      rows = scenarios.map((s, i) => [
        String(i + 1),
        scenarioName(a, s),
        displayOf(a, `scenario-description[${s.id}]`),
        "",
        "",
        "",
        displayOf(a, `scenario-results[${s.id}]`),
        "",
        "",
      ]);
    } else if (t.number === 2) {
      rows = scenarios.map((s, i) => [String(i + 1), scenarioName(a, s), "", "", "", "", "", ""]);
    } else {
      rows = listItems(displayOf(a, t.stepId ?? ""), t.fields).map((item, i) => [String(i + 1), ...listRow(item, t.fields), ""]);
    }
    const blocks = [
      // A section break starts a page itself; portrait annexes after landscape ones start one too.
      paragraph(`附表 ${t.number}`, { font: FONTS.heading1, pageBreakBefore: pendingBreak && !t.landscape, before: pendingBreak ? 0 : 240, keepNext: true }),
      paragraph(t.title, { align: "center", bold: true, after: 120, keepNext: true }),
      listTable(t.widths, t.header, rows),
    ];
    pendingBreak = false;
    const last = out[out.length - 1];
    if (t.landscape && last instanceof LandscapeSection) out[out.length - 1] = landscape([...last.blocks, ...blocks]);
    else if (t.landscape) out.push(landscape(blocks));
    else out.push(...blocks);
  }
  return out;
}

// ───────────────────────────── generator ─────────────────────────────

function build(input: DocumentInput) {
  const a = input.answers;
  return createDocument({
    title: FORM_TITLE,
    footnotes: FOOTNOTES,
    children: [
      ...cover(input),
      heading1("一、申报单位和项目基本信息", { pageBreakBefore: true }),
      heading2("（一）申报单位基本信息"),
      basicTable(a),
      heading2("（二）智能工厂基本信息", { before: 240 }),
      factoryTable(a),
      paragraph("相关附件：", { before: 240 }),
      ...ATTACHMENTS.map((t) => paragraph(t, { indent: true })),
      ...narrativeSections(a),
      ...appendixTables(a),
    ],
  });
}

export const generator: FormGenerator = {
  programId: PROGRAM_ID,
  async render(input: DocumentInput): Promise<Buffer> {
    return packDocx(build(input));
  },
  fileName(input: DocumentInput): string {
    const name = displayOf(input.answers, "company-name");
    return docxFileName(FORM_TITLE, name !== "" ? name : input.draftId);
  },
};
