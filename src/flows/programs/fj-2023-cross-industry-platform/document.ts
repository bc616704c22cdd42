/**
 * 《2023年跨行业跨领域工业互联网平台申报书》 (附件2 of the 福建省 2023 notice, an MIIT template) as a
 * .docx, in the form's own order: cover; 一、申报企业基本信息 (table, with 企业简介, the form's
 * 真实性承诺 row and the bureau's blank 推荐单位 row — the form's only commitment, so no separate
 * 承诺书 page); 二、(1) 平台基本信息 (建设方式 / IaaS ☑/☐); (2) 能力介绍 indicators 1.1–5.3, each a
 * table of its objective indicators as the form words them (answer displays; 是/否 and 技术 boxes
 * ☑/☐) followed by its 补充说明 (answer, or the form's guidance where skipped); (3) 技术架构,
 * (4) 下一步发展计划; (5) 材料清单.
 *
 * The form prints a □ before each objective indicator line; those boxes carry no choice and are
 * left out. The form's trailing 说明 1–5 are instructions for the filler (followed: A4, fonts), not
 * printed. Form texts are the notice's (corpus/notices/fj-2023-cross-industry-platform.txt),
 * verbatim except where its extraction garbled them (noted where so).
 */
import type { Paragraph, Table } from "docx";
import { optionsOf, valueOf } from "../../forms/expand.ts";
import type { Answers, Step } from "../../forms/types.ts";
import { DEVICE_TYPES, DOMAINS, MODEL_TYPES, flow } from "./questions.ts";
import {
  CONTENT_WIDTH,
  FONTS,
  SEAL_ROOM,
  TABLE_SIZE,
  blankOr,
  checkOptions,
  checkboxLine,
  chosenIds,
  createDocument,
  displayOf,
  docxFileName,
  formTable,
  heading1,
  heading2,
  heading3,
  labelCell,
  narrativeBody,
  packDocx,
  pageBreak,
  paragraph,
  run,
  title,
  wanCell,
  type Block,
  type CellSpec,
  type RowSpec,
} from "../../../documents/docx-kit.ts";
import type { DocumentInput, FormGenerator } from "../../../documents/types.ts";

const PROGRAM_ID = "fj-2023-cross-industry-platform";
const FORM_TITLE = flow.formTitle;

// ───────────────────────────── form texts ─────────────────────────────

const COVER_ISSUER = "工业和信息化部编制";
const INTRO_LIMIT = "（限 1000 字）";
const INTRO_PARTS = [
  { id: "intro-overview", heading: "（一）申报单位情况介绍" },
  { id: "intro-competence", heading: "（二）申报单位核心竞争力介绍" },
] as const;
const COMMITMENT = "我单位申报的所有材料，均真实、完整，如有不实，愿承担相应的责任。";
const COMMITMENT_SIGNATURE = "法定代表人签章：\u3000\u3000\u3000\u3000公章：\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日";
const RECOMMENDATION = "同意推荐该单位申报 2023 年跨行业跨领域工业互联网平台。";
const RECOMMENDATION_SIGNATURE = "推荐单位公章：\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日";

const DEVICE_CLASSES_NOTE =
  "(运行设备包括：采矿设备、化工设备、冶炼设备、电力设备、建材设备、动力设备、仪器仪表等；加工设备包括：机床、机器人、电工、电子设备、轻工设备等；行走设备包括：工程机械、农林机械、物流设备、交通设备等；其他设备包括：安全生产设备、污染防治设备等)";
const INDUSTRIES_NOTE =
  "(行业分类包括煤炭/黑色金属矿开采/石油天然气开采、黑色金属、有色金属、石化化工、建材、医药、纺织、家电、食品、烟草、轻工、机械、汽车、航空/航天、船舶、轨道交通、电子、电力、热力和燃气、建筑业、农业、服务业)";
const EFFECTIVE_NOTE =
  "(有效解决方案指解决方案之间不能有交叉，边界清晰，例如 A 行业供应链管理、B 行业供应链管理、C 行业供应链管理，只能认定为 1 个有效解决方案)";

const ARCH_HEADING = "工业互联网平台的技术架构及方案介绍（包含但不限于平台业务框架、功能架构、技术架构、实施架构等）（限 2500 字）";
const PLAN_HEADING = "工业互联网平台下一步研发和运营计划（包含但不限于技术创新、产品升级、产业合作、商业模式拓展等）（限 1000 字）";

// 附件 6 reads 「杀手铜 APP 清单」 in the extracted text, an OCR slip for 杀手锏 (as 2.3 prints it).
const MATERIALS: readonly string[] = [
  "附件 1：工业设备清单（按运行设备、加工设备、行走设备和其他设备四类分别整理，包括设备类型、名称及设备 ID 等）",
  "附件 2：工业模型清单（按研发仿真模型、业务流程模型、行业机理模型和数据算法模型四类分别整理）",
  "附件 3：工业 APP 清单（按自研 APP、生态伙伴 APP 两类分别整理，包括 APP 名称、功能描述、聚焦行业、应用场景、开发者、联系人等）",
  "附件 4：服务工业企业清单（包括企业名称、服务金额、联系人等）",
  "附件 5：平台开发者注册清单（包括开发者姓名、联系方式等）",
  "附件 6：杀手锏 APP 清单（包括 APP 名称、功能描述、聚焦行业、应用场景、订阅数量、日活次数、近一年月均收入等）",
  "附件 7：解决方案清单（包括解决方案名称，聚焦行业、领域，解决的痛点难点问题等）",
  "附件 8：企业人员花名册",
  "附件 9：财务报表、客户服务合同等体现工业互联网平台运营情况的财务信息",
  "附件 10：产品专利和知识产权证书",
  "附件 11：申报通知发布日期前系统和软件运行日志",
  "附件 12：企业运营资质",
  "附件 13：其他说明材料",
];

// ───────────────────────────── helpers ─────────────────────────────

const STEPS: ReadonlyMap<string, Step> = new Map(flow.steps.map((s) => [s.id, s]));

function step(id: string): Step {
  const s = STEPS.get(id);
  if (!s) throw new Error(`${PROGRAM_ID}: the flow has no step ${id}`);
  return s;
}

const guidanceOf = (id: string): string | undefined => step(id).guidance;

/** ☑ 是 ☐ 否 for a yesNo answer (both ☐ when unanswered). */
function yesNoBoxes(a: Answers, key: string): string {
  const v = valueOf(a, key);
  return checkboxLine([
    { label: "是", checked: v === true },
    { label: "否", checked: v === false },
  ]);
}

/** The ☑/☐ options of a choice / multiChoice step. */
function boxes(a: Answers, id: string): string {
  return checkboxLine(checkOptions(optionsOf(step(id), a), chosenIds(a, id)));
}

// ───────────────────────────── indicators ─────────────────────────────

/** One line of an indicator table: [label | value], or a label over several [sub-label | value]. */
type IndicatorRow = { label: string; value: CellSpec } | { label: string; parts: readonly { label: string; value: CellSpec }[] };

interface Indicator {
  heading: string;
  rows?: (a: Answers) => readonly IndicatorRow[];
  /** The form's explanatory notes printed under the indicators. */
  notes?: readonly string[];
  /** The narrative step: its label as the heading (unless `bare`), then the answer or its guidance. */
  narrative?: { id: string; label?: string };
}

interface IndicatorGroup {
  heading: string;
  indicators: readonly Indicator[];
}

/** A value cell: amounts as the plain number of 万元 (every amount row of the form says 万元). */
const v = (a: Answers, key: string): CellSpec => (step(key.replace(/\[[^\]]*\]$/, "")).kind === "money" ? wanCell(a, key) : displayOf(a, key));
const since2021 = "（数据均从 2021 年开始计算）";

const GROUPS: readonly IndicatorGroup[] = [
  {
    heading: "1. 平台资源管理能力",
    indicators: [
      {
        heading: "1.1 工业设备数量*",
        rows: (a) => [
          { label: "可连接的工业设备/产品/产线种类及数量（台/套）", value: v(a, "devices-total") },
          { label: "其中（台/套）", parts: DEVICE_TYPES.map((t) => ({ label: t.label, value: v(a, `devices-by-type[${t.key}]`) })) },
          { label: "公有云连接设备（台/套）", value: v(a, "devices-public-cloud") },
          { label: "私有云连接设备（台/套）", value: v(a, "devices-private-cloud") },
          { label: "基于公有云的工业设备日运行数量（台/套）（指每日上传实时运行数据的工业设备数量）", value: v(a, "devices-daily-running") },
          { label: "工业协议兼容适配数量（种）", value: v(a, "protocols") },
        ],
        notes: [DEVICE_CLASSES_NOTE],
        narrative: { id: "devices-notes" },
      },
      {
        heading: "1.2 工业模型数量*",
        rows: (a) => [
          { label: "工业模型数量（个）", value: v(a, "models-total") },
          { label: "其中（个）", parts: MODEL_TYPES.map((t) => ({ label: t.label, value: v(a, `models-by-type[${t.key}]`) })) },
        ],
        narrative: { id: "models-notes" },
      },
      {
        heading: "1.3 工业 APP 数量*",
        rows: (a) => [
          { label: "工业 APP 数量（个）", value: v(a, "apps-total") },
          {
            label: "其中（个）",
            parts: [
              { label: "自研工业 APP 数量", value: v(a, "apps-by-source[selfDeveloped]") },
              { label: "生态伙伴工业 APP 数量", value: v(a, "apps-by-source[partner]") },
              { label: "基于平台开发的工业 APP 数量", value: v(a, "apps-by-origin[platformBuilt]") },
              { label: "传统工业软件云化 APP 数量", value: v(a, "apps-by-origin[cloudified]") },
            ],
          },
          { label: "工业 APP 种类（个）", parts: DOMAINS.map((d) => ({ label: d.label, value: v(a, `apps-by-domain[${d.key}]`) })) },
          { label: "工业 APP 月活跃数量（个）（指当月有用户访问或者调用过的工业 APP 数量）", value: v(a, "apps-monthly-active") },
        ],
        narrative: { id: "apps-notes" },
      },
      {
        heading: "1.4 服务工业企业数量*",
        rows: (a) => [
          { label: "注册工业企业用户数（个）", value: v(a, "enterprise-users") },
          { label: "其中，付费工业企业数（个）", value: v(a, "paying-enterprises") },
        ],
        narrative: { id: "enterprises-notes" },
      },
      {
        heading: "1.5 平台开发者数量*",
        rows: (a) => [
          { label: "第三方开发者注册总数（个）", value: v(a, "developers-registered") },
          {
            label: "第三方活跃开发者数（个）（活跃开发者为近一个月至少登陆1次平台且对平台的工具或者环境进行调用的开发者）",
            value: v(a, "developers-active"),
          },
        ],
        narrative: { id: "developers-notes" },
      },
    ],
  },
  {
    heading: "2. 平台核心技术水平",
    indicators: [
      {
        heading: "2.1 平台技术创新能力*",
        rows: (a) => [
          { label: "平台核心软硬件技术获得的专利数量（个）", value: v(a, "patents") },
          { label: "平台核心软硬件技术获得的软著数量（个）", value: v(a, "software-copyrights") },
        ],
        narrative: { id: "innovation-notes" },
      },
      {
        heading: "2.2 平台产品可靠性和安全防护能力",
        rows: (a) =>
          (
            [
              ["access", "具有设备和数据接入安全防护手段"],
              ["data", "具有数据安全防护"],
              ["code", "具有代码安全防护"],
              ["application", "具有应用安全防护"],
              ["visit", "具有访问安全防护"],
            ] as const
          ).map(([key, label]) => ({ label, value: yesNoBoxes(a, `security[${key}]`) })),
        narrative: { id: "security-notes" },
      },
      {
        heading: "2.3 自研杀手锏工业 APP 情况*（杀手锏 APP 指平台上订阅用户数最多的 5 个工业 APP）",
        rows: (a) => [
          { label: "支持跨平台调用", value: yesNoBoxes(a, "killer-cross-platform") },
          {
            label: "公有云杀手锏 APP 日活（次）（指部署在公有云上的杀手锏工业 APP 平均每天被调用的次数，同一用户每天调用次数不重复计算）",
            value: v(a, "killer-daily-active"),
          },
          { label: "杀手锏 APP 订阅量", value: v(a, "killer-subscriptions") },
          { label: "2022 年月平均收入（万元）（5 个杀手锏 APP 累计月均收入）", value: v(a, "killer-monthly-revenue") },
          { label: "获评省部级优秀 APP 数量（2021 年以来）（个）", value: v(a, "killer-awards") },
        ],
        narrative: { id: "killer-notes" },
      },
    ],
  },
  {
    heading: "3. 平台赋能成效",
    indicators: [
      {
        heading: "3.1 解决方案供给能力",
        rows: (a) => [
          { label: "覆盖的行业数量（个）", value: v(a, "solution-industries") },
          {
            label:
              "覆盖的领域数量（个）（领域数量是指安全生产、节能减排、质量管控、供应链管理、研发设计、生产制造、运营管理、仓储物流、运维服务九大重点领域）",
            value: v(a, "solution-domains"),
          },
          { label: "提供有效解决方案数量（个）", value: v(a, "solutions-effective") },
          { label: "运用以下技术", value: boxes(a, "solution-technologies") },
        ],
        notes: [INDUSTRIES_NOTE, EFFECTIVE_NOTE],
        narrative: { id: "solutions-notes" },
      },
      {
        heading: `3.2 赋能园区转型成效*${since2021}`,
        rows: (a) => [
          { label: "累计服务园区数量（个）", value: v(a, "parks-served") },
          { label: "服务园区获评国家级示范园区、工业和信息化部“平台+园区”示范项目数量（个）", value: v(a, "parks-national") },
          { label: "服务园区获评省级示范园区数量（个）", value: v(a, "parks-provincial") },
        ],
        narrative: { id: "parks-notes" },
      },
      {
        heading: `3.3 赋能行业和领域成效*${since2021}`,
        rows: (a) => [
          { label: "获评工业和信息化部应用案例（个）", value: v(a, "cases-miit") },
          { label: "获评省级应用案例（个）", value: v(a, "cases-provincial") },
          { label: "平台业务量及收入占比最高的 3 个行业", value: v(a, "top-industries") },
          { label: "平台业务量及收入占比最高的 3 个领域", value: v(a, "top-domains") },
        ],
        narrative: { id: "sectors-notes" },
      },
      {
        heading: `3.4 中小企业服务能力*${since2021}`,
        rows: (a) => [
          { label: "累计服务中小企业数量（个）", value: v(a, "sme-served") },
          { label: "累计服务中小企业合同金额（万元）", value: v(a, "sme-contract") },
        ],
        narrative: { id: "sme-notes" },
      },
      { heading: "3.5 国际业务拓展能力*", narrative: { id: "international", label: "" } },
    ],
  },
  {
    heading: "4. 平台社会贡献度",
    indicators: [
      {
        heading: `4.1 稳增长支撑能力*${since2021}`,
        rows: (a) => [
          { label: "服务地方获“六稳”“六保”省部级荣誉数量（个）", value: v(a, "stability-honors") },
          { label: "注册地获“建设信息基础设施和推进产业数字化成效明显市（州）”（个）", value: v(a, "stability-city-honor") },
        ],
        narrative: { id: "stability-notes" },
      },
      {
        heading: "4.2 “双链”及“双碳”支撑能力",
        rows: (a) => [
          { label: "有效解决方案数量（个）", value: v(a, "dual-solutions") },
          { label: "覆盖的行业数量（个）", value: v(a, "dual-industries") },
          { label: "覆盖的领域数量（个）", value: v(a, "dual-domains") },
        ],
        narrative: { id: "dual-notes" },
      },
      { heading: "4.3 支撑经济或行业运行分析", narrative: { id: "economic-analysis", label: "" } },
      { heading: "4.4 部重点工作参与情况", narrative: { id: "key-work", label: "" } },
      {
        heading: "4.5 参与标准制定情况*",
        rows: (a) =>
          (
            [
              ["national", "国家标准"],
              ["industry", "行业标准"],
              ["international", "国际标准"],
            ] as const
          ).map(([key, label]) => ({
            label: `${label}（个）`,
            parts: [
              { label: "总数", value: v(a, `standards-${key}`) },
              { label: "其中牵头制定", value: v(a, `standards-${key}-led`) },
            ],
          })),
        narrative: { id: "standards-notes" },
      },
    ],
  },
  {
    heading: "5. 平台可持续发展能力",
    indicators: [
      {
        heading: "5.1 盈利和融资能力*",
        rows: (a) => [
          {
            label: "主营业务收入（万元）",
            parts: [
              { label: "近三年平台相关的累计业务收入", value: v(a, "platform-revenue-3y") },
              { label: "2022 年平台相关的业务收入", value: v(a, "platform-revenue-2022") },
            ],
          },
          {
            label: "主营业务成本（万元）",
            parts: [
              { label: "近三年平台相关的累计业务成本", value: v(a, "platform-cost-3y") },
              { label: "2022 年平台相关的业务成本", value: v(a, "platform-cost-2022") },
            ],
          },
          { label: "投资回报率", value: v(a, "roi") },
          { label: "企业已上市或已获得 VC/PE 投资", value: yesNoBoxes(a, "listed-or-vc") },
        ],
      },
      {
        heading: "5.2 公司资源调配能力*",
        rows: (a) => [
          {
            label: "企业研发投入（万元）",
            parts: ["2021", "2022"].map((y) => ({ label: `${y} 年`, value: v(a, `rd-spend[${y}]`) })),
          },
          {
            label: "占主营业务收入比例（%）",
            parts: ["2021", "2022"].map((y) => ({ label: `${y} 年`, value: v(a, `rd-ratio[${y}]`) })),
          },
          { label: "从业人员数量（人）", value: v(a, "staff") },
        ],
        narrative: { id: "resources-notes" },
      },
      {
        heading: "5.3 生态运营能力（介绍赋能特定行业/区域平台建设、带动行业解决方案服务商发展、产融合作、产教融合、人才培育等情况）",
        narrative: { id: "ecosystem", label: "" },
      },
    ],
  },
];

/** Indicator tables: grid [label, sub-label, value]. */
const INDICATOR_WIDTHS = [3300, 2300, CONTENT_WIDTH - 5600];

function indicatorTable(rows: readonly IndicatorRow[]): Table {
  const specs: RowSpec[] = [];
  for (const r of rows) {
    if ("parts" in r) {
      r.parts.forEach((p, i) => {
        const lead: CellSpec[] = i === 0 ? [labelCell(r.label, { rowSpan: r.parts.length })] : [];
        specs.push([...lead, labelCell(p.label), p.value]);
      });
    } else {
      specs.push([labelCell(r.label, { span: 2 }), r.value]);
    }
  }
  return formTable(INDICATOR_WIDTHS, specs);
}

function indicatorBlock(a: Answers, ind: Indicator): Block[] {
  const out: Block[] = [heading3(ind.heading, { keepNext: true })];
  if (ind.rows) out.push(indicatorTable(ind.rows(a)));
  for (const n of ind.notes ?? []) out.push(paragraph(n, { size: TABLE_SIZE }));
  if (ind.narrative) {
    const { id } = ind.narrative;
    const label = ind.narrative.label ?? step(id).label;
    if (label !== "") out.push(paragraph(`${label}：`, { before: 120, keepNext: true }));
    out.push(...narrativeBody(displayOf(a, id), guidanceOf(id)));
  }
  return out;
}

// ───────────────────────────── sections ─────────────────────────────

function cover(input: DocumentInput): Block[] {
  const a = input.answers;
  const line = (label: string, value: string): Paragraph =>
    paragraph([run(label), blankOr(value, 12)], { before: 240, after: 120, leftIndent: 1280 });
  return [
    ...Array.from({ length: 5 }, () => paragraph("")),
    title(FORM_TITLE, { after: 1200 }),
    line("项 目 名 称：", displayOf(a, "project-name")),
    line("申 报 单 位（盖 章）：", displayOf(a, "company-name")),
    line("推 荐 单 位（盖 章）：", displayOf(a, "recommender")),
    // Dated by the applicant when it is filed, not when the bot wrote it.
    line("申 报 日 期：", ""),
    ...Array.from({ length: 8 }, () => paragraph("")),
    paragraph(COVER_ISSUER, { align: "center", font: FONTS.heading1 }),
  ];
}

/** 一、申报企业基本信息: grid [label, sub-label, value, label, value]. */
function basicTable(a: Answers): Table {
  // Value columns wide enough for an 18-character code and a landline on one line; 传真 and
  // E-mail get rows of their own so that an e-mail address is never broken.
  const W = [1200, 900, 2900, 1200, CONTENT_WIDTH - 1200 - 900 - 2900 - 1200];
  const L = (text: string, span = 2) => labelCell(text, { span });
  const val = (id: string, span = 1): CellSpec => ({ text: displayOf(a, id), span });
  const wan = (id: string): CellSpec => ({ text: wanCell(a, id) });
  const small = { size: TABLE_SIZE };
  const intro: Paragraph[] = [
    paragraph(INTRO_LIMIT, small),
    ...INTRO_PARTS.flatMap(({ id, heading }) => [
      paragraph(heading, { ...small, bold: true }),
      ...narrativeBody(displayOf(a, id), guidanceOf(id), { ...small, indent: true }),
    ]),
  ];
  const rows: RowSpec[] = [
    [{ text: "企业基本信息", label: true, bold: true, span: 5 }],
    [L("企业名称"), val("company-name", 3)],
    [L("组织机构代码"), val("org-code"), labelCell("成立时间"), val("founded")],
    [L("单位地址"), val("address", 3)],
    [labelCell("联系人", { rowSpan: 4 }), labelCell("姓名"), val("contact-name"), labelCell("电话"), val("contact-phone")],
    [labelCell("职务"), val("contact-title"), labelCell("手机"), val("contact-mobile")],
    [labelCell("传真"), val("contact-fax", 3)],
    [labelCell("E-mail"), val("contact-email", 3)],
    [L("总资产（万元）"), wan("total-assets"), labelCell("负债率"), val("debt-ratio")],
    [L("信用等级"), val("credit-rating"), labelCell("上年销售（万元）"), wan("sales-last-year")],
    [L("上年税金（万元）"), wan("tax-last-year"), labelCell("上年利润（万元）"), wan("profit-last-year")],
    [L("企业简介"), { span: 3, blocks: intro }],
    [
      L("真实性承诺"),
      {
        span: 3,
        blocks: [paragraph(COMMITMENT, { ...small, indent: true }), paragraph(COMMITMENT_SIGNATURE, { ...small, align: "right", before: SEAL_ROOM })],
      },
    ],
    [
      L("推荐单位"),
      {
        span: 3,
        blocks: [
          paragraph(RECOMMENDATION, { ...small, indent: true }),
          paragraph(RECOMMENDATION_SIGNATURE, { ...small, align: "right", before: SEAL_ROOM }),
        ],
      },
    ],
  ];
  return formTable(W, rows);
}

/** 二、(1) 工业互联网平台基本信息. */
function platformTable(a: Answers): Table {
  const W = [2400, CONTENT_WIDTH - 2400];
  const small = { size: TABLE_SIZE };
  const mode = valueOf(a, "build-mode");
  const iaas = valueOf(a, "iaas");
  const box = (checked: boolean, label: string) => `${checkboxLine([{ label, checked }])}`;
  const rows: RowSpec[] = [
    [labelCell("平台名称"), displayOf(a, "platform-name")],
    [labelCell("建设主体"), displayOf(a, "platform-builder")],
    [labelCell("建设时间"), displayOf(a, "platform-built-at")],
    [labelCell("投资金额"), wanCell(a, "platform-investment") !== "" ? `${wanCell(a, "platform-investment")}万元` : ""],
    [
      labelCell("建设方式"),
      {
        blocks: [
          paragraph(box(mode === "self", "自建"), small),
          paragraph(
            [run(`${box(mode === "joint", "合作共建")} 请注明合作企业名称`, small), blankOr(mode === "joint" ? displayOf(a, "build-partner") : "", 5, small)],
            small,
          ),
        ],
      },
    ],
    [
      labelCell("IaaS 基础设施"),
      {
        blocks: [
          paragraph(box(iaas === "self", "自建"), small),
          paragraph(
            [run(`${box(iaas === "rented", "租用")} 请注明服务商名称`, small), blankOr(iaas === "rented" ? displayOf(a, "iaas-provider") : "", 5, small)],
            small,
          ),
        ],
      },
    ],
  ];
  return formTable(W, rows);
}

function capabilitySection(a: Answers): Block[] {
  const out: Block[] = [heading2("（2）工业互联网平台能力介绍", { before: 240 })];
  for (const g of GROUPS) {
    out.push(heading3(g.heading, { keepNext: true }));
    for (const ind of g.indicators) out.push(...indicatorBlock(a, ind));
  }
  return out;
}

function closingSections(a: Answers): Block[] {
  return [
    heading2("（3）工业互联网平台技术架构"),
    heading3(ARCH_HEADING, { keepNext: true }),
    ...narrativeBody(displayOf(a, "architecture"), guidanceOf("architecture")),
    heading2("（4）工业互联网平台下一步发展计划"),
    heading3(PLAN_HEADING, { keepNext: true }),
    ...narrativeBody(displayOf(a, "development-plan"), guidanceOf("development-plan")),
    heading2("（5）其他说明材料"),
    paragraph("材料清单（作为附件放后）：", { indent: true }),
    ...MATERIALS.map((m) => paragraph(m, { indent: true })),
  ];
}

// ───────────────────────────── generator ─────────────────────────────

function build(input: DocumentInput) {
  const a = input.answers;
  return createDocument({
    title: FORM_TITLE,
    children: [
      ...cover(input),
      pageBreak(),
      heading1("一、申报企业基本信息"),
      basicTable(a),
      heading1("二、工业互联网平台申报材料", { pageBreakBefore: true }),
      heading2("（1）工业互联网平台基本信息"),
      platformTable(a),
      ...capabilitySection(a),
      ...closingSections(a),
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
