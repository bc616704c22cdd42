/**
 * 《2020年度省级工业互联网及制造业服务化示范项目申报书》 (附件4-1 of the 吉林省 2020 申报指南) as a
 * .docx, followed by the other materials the chat fills: cover; 填写说明; 一、（一）项目基本信息表
 * (项目类别 ☑/☐ with the form's eight boxes, ticked by `formCategoryOf`; 提供服务类型 ☑/☐; 项目责任单位
 * with the 2017/2018/2019 finance columns; 项目责任人; 项目联系人; 项目基本情况; 工业互联网项目已具备能力);
 * 附件4-2 项目建设方案 (the outline's chapters 1–10, answer or the outline's line where skipped);
 * 附件4-3 绩效目标 (table; 定量/定性 rows from the 「指标名称：指标值」 lines); 附件4-4 真实性承诺书
 * with blanks for signature and seal.
 *
 * Attachment numbers follow the printed headings (4-3 绩效目标, 4-4 承诺书); the notice's list of
 * materials numbers them the other way round. Form texts are the notice's
 * (corpus/notices/jl-2020-demo.txt), verbatim.
 */
import type { Paragraph, Table } from "docx";
import { optionsOf, valueOf } from "../../forms/expand.ts";
import type { Answers, Step } from "../../forms/types.ts";
import { FINANCE_YEARS, FORM_CATEGORIES, SERVICE_TYPES, flow, formCategoryOf } from "./questions.ts";
import {
  CONTENT_WIDTH,
  FONTS,
  TABLE_SIZE,
  blankOr,
  checkbox,
  checkboxLine,
  chosenIds,
  commitmentPage,
  createDocument,
  displayOf,
  docxFileName,
  formTable,
  heading1,
  heading2,
  heading3,
  inParentheses,
  labelCell,
  linesOf,
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

const PROGRAM_ID = "jl-2020-demo";
const FORM_TITLE = flow.formTitle;

// ───────────────────────────── form texts ─────────────────────────────

const COVER_ISSUERS = ["吉林省工业和信息化厅", "吉林省财政厅"] as const;

const INSTRUCTIONS: readonly string[] = [
  "一、请严格按照表中要求填写各项。",
  "二、申报书由项目责任单位编写，并报送所属市（县）工信局。",
  "三、项目申报书中第一次出现外文名词时，要写清全称和缩写，再出现同一词时可以使用缩写。",
  "四、组织机构代码或统一社会信用代码是指项目责任单位组织机构代码证或登记证书上的标识代码，它是由登记管理部门所赋予的唯一法人标识代码。",
  "五、项目责任单位对所填报的相关内容真实性负责。",
  "六、填报格式说明：请用A4幅面编辑，正文字体为3号仿宋体，单倍行距。一级标题3号黑体，二级标题3号楷体。",
];

const BASICS_LABEL = "项目基本情况（可提供合作云平台服务商相关资质）";
const CAPABILITY_LABEL =
  "工业互联网项目已具备能力（注：所填指标数量需提供相关证明材料，可提供合作云平台服务商相关资质，指标数量统计时间截止到通知下发之日。两化融合创新示范项目、制造业服务化及工业软件项目可参照本表适当修改）";

/** 提供服务类型 as the form lines them up (four lines, then 其他). */
const SERVICE_LINES: readonly (readonly string[])[] = [
  ["rd-collaboration", "customization", "supply-chain", "networked-manufacturing"],
  ["design-manufacturing", "equipment-management", "lifecycle"],
  ["cluster", "total-solution", "it-value-added"],
];

const PLAN_ATTACHMENT = "附件4-2";
const PLAN_TITLE = "2020省级工业互联网及制造业服务化示范项目建设方案";
const PLAN_CHAPTERS = [
  "plan-summary",
  "plan-organization",
  "plan-needs",
  "plan-content",
  "plan-results",
  "plan-schedule",
  "plan-benefits",
  "plan-intent",
  "plan-conclusion",
] as const;
const PLAN_LAST = "10.附件";

const PERF_ATTACHMENT = "附件4-3";
const PERF_TITLE = "2020年工业互联网建设及制造业服务化\n示范项目绩效目标";
const PERF_NOTES: readonly string[] = [
  "注：1.绩效指标分为定量指标和定性指标两类。其中定量指标包括核心技术指标、产量规模、应用目标、对外提供服务、技术成果转化等方面（指标名称），相关指标值须量化可考核。定性指标主要包括促进产业转型升级、促进智能化、绿色化发展、提升质量安全、推动产业升级等社会效益方面（指标名称）。项目申报单位应结合项目实际情况填写。",
  "2.项目绩效目标将作为绩效评价和验收考核的重要依据之一，请按要求认真填写。",
];

const COMMITMENT_ATTACHMENT = "附件4-4";
const COMMITMENT_TITLE = "项目申报材料及其附属文件真实性承诺书";
export const COMMITMENT =
  "我单位项目申报提供的所有文件、资料都是真实、完整、有效的，本单位承诺对申报材料及其附属材料的真实性承担法律责任；承诺本项目未通过其他渠道获取过市级财政性资金支持；授权允许对企业法人代表或项目负责人个人信用信息开展查询；项目申报后，我单位不会以任何形式干预后续进行的项目审查、评审和确定工作。";
const COMMITMENT_SIGNATURES: readonly string[] = [
  "法定代表人（授权人）签章：＿＿＿＿＿＿＿＿",
  "公章：＿＿＿＿＿＿＿＿",
  "年\u3000\u3000月\u3000\u3000日",
];

// ───────────────────────────── helpers ─────────────────────────────

const STEPS: ReadonlyMap<string, Step> = new Map(flow.steps.map((s) => [s.id, s]));

function step(id: string): Step {
  const s = STEPS.get(id);
  if (!s) throw new Error(`${PROGRAM_ID}: the flow has no step ${id}`);
  return s;
}

/** Text in the form's cells: the one table size. */
const small = { size: TABLE_SIZE } as const;

/** ☑ 是 ☐ 否 for a yesNo answer (both ☐ when unanswered). */
function yesNo(a: Answers, key: string): { yes: boolean; no: boolean } {
  const v = valueOf(a, key);
  return { yes: v === true, no: v === false };
}

/** 「指标名称：指标值」 lines of a 绩效指标 answer as [name, value] (no colon: the whole line is the name). */
export function indicatorLines(text: string): [string, string][] {
  return linesOf(text)
    .map((l) => l.trim().replace(/^\d+[.、．)）]\s*/, ""))
    .filter((l) => l !== "")
    .map((l) => {
      const m = /^(.+?)\s*[：:]\s*(.+)$/.exec(l);
      return m ? [m[1]!, m[2]!] : [l, ""];
    });
}

// ───────────────────────────── cover and instructions ─────────────────────────────

function cover(input: DocumentInput): Block[] {
  const a = input.answers;
  const line = (label: string, value: string): Paragraph =>
    paragraph([run(label), blankOr(value, 12)], { before: 240, after: 120, leftIndent: 640 });
  const start = displayOf(a, "period-start");
  const end = displayOf(a, "period-end");
  return [
    ...Array.from({ length: 4 }, () => paragraph("")),
    title(FORM_TITLE, { after: 1200 }),
    line("项目名称：", displayOf(a, "project-name")),
    line("项目责任单位：", displayOf(a, "org-name")),
    line("项目责任人（法人代表）：", displayOf(a, "leader-name")),
    line("项目技术负责人：", displayOf(a, "tech-lead")),
    paragraph(
      [
        run("项目年限："),
        start !== "" ? run(start, { underline: true }) : run("20\u3000\u3000年\u3000\u3000月"),
        run(" 至 "),
        end !== "" ? run(end, { underline: true }) : run("20\u3000\u3000年\u3000\u3000月"),
      ],
      { before: 240, after: 120, leftIndent: 640 },
    ),
    // Dated by the applicant when it is filed, not when the bot wrote it.
    line("填报日期：", ""),
    ...Array.from({ length: 6 }, () => paragraph("")),
    ...COVER_ISSUERS.map((t) => paragraph(t, { align: "center", font: FONTS.heading1 })),
  ];
}

function instructions(): Block[] {
  return [title("填 写 说 明", { pageBreakBefore: true, after: 240 }), ...INSTRUCTIONS.map((t) => paragraph(t, { indent: true }))];
}

// ───────────────────────────── 项目基本信息表 ─────────────────────────────

/** Grid: [group, label, value / sub-label, label / indicator, value]. */
// Value columns wide enough for an 18-character code (column 3) and a landline (column 5) on
// one line; e-mail addresses get rows of their own.
const W = [900, 1200, 3000, 1200, CONTENT_WIDTH - 6300];

function categoryCell(a: Answers): Paragraph[] {
  const chosen = formCategoryOf(a)?.id;
  const industry = displayOf(a, "platform-industry");
  const F = FORM_CATEGORIES;
  const withBlank = (o: { id: string; label: string }, suffix: string) =>
    paragraph([run(`${checkbox({ label: o.label, checked: chosen === o.id })}，${suffix}：`, small), blankOr(chosen === o.id ? industry : "", 10, small)], small);
  return [
    withBlank(F.industryPlatform, "面向行业"),
    withBlank(F.enterprisePlatform, "企业所属行业"),
    ...[F.servitization, F.researchInstitute, F.publicService, F.onPlatform, F.software, F.twoIntegration].map((o) =>
      paragraph(checkbox({ label: o.label, checked: chosen === o.id }), small),
    ),
  ];
}

function serviceCell(a: Answers): Paragraph[] {
  const chosen = chosenIds(a, "service-types");
  const label = (id: string) => SERVICE_TYPES.find((o) => o.id === id)?.label ?? id;
  const other = chosen.includes("other");
  return [
    ...SERVICE_LINES.map((ids) => paragraph(checkboxLine(ids.map((id) => ({ label: label(id), checked: chosen.includes(id) }))), small)),
    paragraph([run(checkbox({ label: label("other"), checked: other }), small), blankOr(other ? displayOf(a, "service-types-other") : "", 8, small)], small),
  ];
}

function infoTable(a: Answers): Table {
  // Amounts as the plain number of 万元: every amount row of this table says 万元.
  const val = (key: string, span = 1): CellSpec => ({ text: step(key).kind === "money" ? wanCell(a, key) : displayOf(a, key), span });
  const L = (text: string, span = 1) => labelCell(text, { span });
  const pairRow = (group: CellSpec[], l1: string, k1: string, l2: string, k2: string): RowSpec => [...group, L(l1), val(k1), L(l2), val(k2)];
  const grouped = (label: string, rows: number): CellSpec[] => [labelCell(label, { rowSpan: rows })];

  const year = (id: string): CellSpec[] =>
    FINANCE_YEARS.map((y) => {
      const key = `${id}[${y.key}]`;
      return { text: step(id).kind === "money" ? wanCell(a, key) : displayOf(a, key), align: "center" as const };
    });
  const autonomy = chosenIds(a, "autonomy");
  const autonomyOptions = optionsOf(step("autonomy"), a);
  const storage = valueOf(a, "data-storage");
  const collection = yesNo(a, "data-collection-third-party");
  const architecture = yesNo(a, "cloud-architecture");
  const deployment = valueOf(a, "deployment");
  const provider = displayOf(a, "deployment-provider");

  const rows: RowSpec[] = [
    [L("项目名称", 2), val("project-name", 3)],
    [L("预计完成时间", 2), val("expected-completion", 3)],
    [L("项目类别", 2), { span: 3, blocks: categoryCell(a) }],
    [L("提供服务类型", 2), { span: 3, blocks: serviceCell(a) }],

    pairRow(grouped("项目责任单位信息", 6), "单位名称", "org-name", "单位性质", "org-nature"),
    pairRow([], "通讯地址", "org-address", "邮政编码", "org-postcode"),
    pairRow([], "所在地区", "org-region", "单位主管部门", "org-supervisor"),
    pairRow([], "组织机构代码/统一社会信用代码", "org-credit-code", "联系电话", "org-phone"),
    pairRow([], "传真号码", "org-fax", "单位成立时间", "org-founded"),
    [L("电子信箱"), val("org-email", 3)],

    [{ text: "", span: 2 }, ...FINANCE_YEARS.map((y) => labelCell(y.key))],
    [L("总资产（万元）", 2), ...year("fin-total-assets")],
    [L("负债率", 2), ...year("fin-debt-ratio")],
    [L("主营业务收入（万元）", 2), ...year("fin-revenue")],
    [L("税金（万元）", 2), ...year("fin-tax")],
    [L("利润（万元）", 2), ...year("fin-profit")],

    pairRow(grouped("项目责任人信息", 7), "姓名", "leader-name", "性别", "leader-gender"),
    pairRow([], "证件类型", "leader-id-type", "证件号码", "leader-id-number"),
    pairRow([], "工作单位", "leader-employer", "职称/职务", "leader-title"),
    pairRow([], "最高学历", "leader-education", "从事专业", "leader-major"),
    pairRow([], "移动电话", "leader-mobile", "固定电话", "leader-phone"),
    [L("传真号码"), val("leader-fax", 3)],
    [L("电子信箱"), val("leader-email", 3)],

    pairRow(grouped("项目联系人信息", 4), "姓名", "contact-name", "工作单位", "contact-employer"),
    pairRow([], "移动电话", "contact-mobile", "固定电话", "contact-phone"),
    [L("传真号码"), val("contact-fax", 3)],
    [L("电子信箱"), val("contact-email", 3)],

    [...grouped(BASICS_LABEL, 8), L("项目总投资（万元）", 2), val("total-investment", 2)],
    [L("合作云平台服务商", 2), val("cloud-provider", 2)],
    [L("平台当前建设运营情况", 2), { span: 2, blocks: narrativeBody(displayOf(a, "platform-status"), undefined, small) }],
    [L("2020年规划为平台使用企业提供的服务总额", 2), val("planned-service-2020", 2)],
    [L("创新能力"), L("拥有行业创新相关核心技术专利或软件著作权（项）", 2), val("patents")],
    [
      L("自主可控"),
      { span: 3, blocks: autonomyOptions.map((o) => paragraph(checkbox({ label: o.label, checked: autonomy.includes(o.id) }), small)) },
    ],
    [
      L("项目实施"),
      L("牵头承担信息通信、云计算、大数据、物联网、人工智能、信息物理系统、工业信息安全、互联网应用、工业互联网相关领域的省部级项目", 2),
      val("provincial-projects"),
    ],
    [L("标准制定"), L("牵动参与制定相关行业级、国家级标准数量（个）", 2), val("standards")],

    // 工业互联网项目已具备能力: [group, ability, sub-ability, indicator, value].
    [
      labelCell(CAPABILITY_LABEL, { rowSpan: 13 }),
      labelCell("工业资源管理能力（可提供合作云服务商相关资质）", { rowSpan: 8 }),
      L("工业设备管理能力"),
      L("支持的工业协议数量（个）"),
      val("protocols"),
    ],
    [labelCell("软件应用管理能力", { rowSpan: 3 }), L("云化设计、管理类工业软件数量（个）（注：现有工业软件的云化部署）"), val("cloud-software")],
    [L("工业APP数量（个）(注：基于平台开发与部署，面向特定场景的应用软件）"), val("apps")],
    [L("工业机理模型、微服务组件数量（个）"), val("models")],
    [labelCell("用户与开发者管理能力", { rowSpan: 2 }), L("平台注册用户数（名）"), val("registered-users")],
    [L("平台开发者数量（名）(注：至少上传过1个微服务或1个工业 APP)"), val("developers")],
    [
      labelCell("数据资源管理能力", { rowSpan: 2 }),
      {
        span: 2,
        blocks: [
          paragraph("数据存储与管理", small),
          paragraph(checkbox({ label: "第三方数据存储与管理系统", checked: storage === "third-party" }), small),
          paragraph(checkbox({ label: "自主研发的数据存储与管理系统", checked: storage === "self-developed" }), small),
        ],
      },
    ],
    [
      {
        span: 2,
        blocks: [
          paragraph("数据采集解决方案能力", small),
          paragraph(
            [
              run(checkbox({ label: "集成第三方解决方案（请注明厂商）", checked: collection.yes }), small),
              blankOr(collection.yes ? displayOf(a, "data-collection-vendor") : "", 8, small),
            ],
            small,
          ),
        ],
      },
    ],
    [labelCell("项目应用服务能力", { rowSpan: 3 }), L("存储和计算服务"), L("平台积累的工业数据存量（TB)"), val("data-stock")],
    [L("安全防护能力"), L("平台安全防护的工具库、病毒库、漏洞库数量（个)"), val("security-libraries")],
    [L("新技术应用服务能力"), L("基于人工智能、区块链等新技术的业务功能数量（个）"), val("new-tech-features")],
    [
      labelCell("项目基础技术能力", { rowSpan: 2 }),
      labelCell("架构设计", { rowSpan: 2 }),
      {
        span: 2,
        blocks: [
          paragraph("是否具有完整的云计算架构", small),
          paragraph(checkbox({ label: "是", checked: architecture.yes }), small),
          paragraph(checkbox({ label: "否", checked: architecture.no }), small),
        ],
      },
    ],
    [
      {
        span: 2,
        blocks: [
          paragraph("云部署模式", small),
          paragraph(checkbox({ label: "私有云", checked: deployment === "private" }), small),
          paragraph(
            [run(checkbox({ label: "公有云", checked: deployment === "public" }), small), blankOr(deployment === "public" ? provider : "", 6, small), run("(服务商名称）", small)],
            small,
          ),
          paragraph(
            [run(checkbox({ label: "混合云", checked: deployment === "hybrid" }), small), blankOr(deployment === "hybrid" ? provider : "", 6, small), run("(公有云服务商名称)", small)],
            small,
          ),
        ],
      },
    ],
  ];
  return formTable(W, rows);
}

// ───────────────────────────── 附件4-2 / 4-3 / 4-4 ─────────────────────────────

function planSection(a: Answers): Block[] {
  return [
    heading1(PLAN_ATTACHMENT, { pageBreakBefore: true }),
    title(PLAN_TITLE, { after: 240 }),
    ...PLAN_CHAPTERS.flatMap((id) => [heading2(step(id).label), ...narrativeBody(displayOf(a, id), step(id).guidance)]),
    heading2(PLAN_LAST),
    paragraph("", { indent: true }),
  ];
}

function indicatorRows(a: Answers, id: string, category: string): RowSpec[] {
  const lines = indicatorLines(displayOf(a, id));
  const body: RowSpec[] =
    lines.length > 0
      ? lines.map(([name, value], i) => [`${i + 1}. ${name}`, value])
      : [[{ text: inParentheses(step(id).guidance ?? ""), span: 2 }], ["1", ""], ["2", ""], ["...", ""]];
  return body.map((r, i) => (i === 0 ? [labelCell(category, { rowSpan: body.length }), ...r] : r));
}

function performanceSection(a: Answers): Block[] {
  const PW = [1800, 1400, 3000, CONTENT_WIDTH - 6200];
  const quantitative = indicatorRows(a, "perf-quantitative", "定量指标");
  const qualitative = indicatorRows(a, "perf-qualitative", "定性指标");
  const total = 1 + quantitative.length + qualitative.length;
  const rows: RowSpec[] = [
    [labelCell("申报项目名称"), { text: displayOf(a, "project-name"), span: 3 }],
    [labelCell("项目申报单位"), { text: displayOf(a, "org-name"), span: 3 }],
    [labelCell("项目计划总投资"), { text: wanCell(a, "total-investment") !== "" ? `${wanCell(a, "total-investment")}万元` : "", span: 3 }],
    [labelCell("总体目标"), { span: 3, blocks: narrativeBody(displayOf(a, "perf-overall"), undefined, small) }],
    [labelCell("绩效指标", { rowSpan: total }), labelCell("指标类别"), labelCell("指标名称"), labelCell("指标值")],
    ...quantitative,
    ...qualitative,
  ];
  return [
    heading1(PERF_ATTACHMENT, { pageBreakBefore: true }),
    title(PERF_TITLE, { after: 240 }),
    formTable(PW, rows),
    ...PERF_NOTES.map((n) => paragraph(n, { size: TABLE_SIZE, before: 60 })),
  ];
}

function commitmentSection(): Block[] {
  return commitmentPage({
    section: COMMITMENT_ATTACHMENT,
    title: COMMITMENT_TITLE,
    paragraphs: [COMMITMENT],
    signatures: COMMITMENT_SIGNATURES,
  });
}

// ───────────────────────────── generator ─────────────────────────────

function build(input: DocumentInput) {
  const a = input.answers;
  return createDocument({
    title: FORM_TITLE,
    children: [
      ...cover(input),
      ...instructions(),
      pageBreak(),
      heading1("一、项目基本信息"),
      heading2("（一）项目基本信息表"),
      infoTable(a),
      ...planSection(a),
      ...performanceSection(a),
      ...commitmentSection(),
    ],
  });
}

export const generator: FormGenerator = {
  programId: PROGRAM_ID,
  async render(input: DocumentInput): Promise<Buffer> {
    return packDocx(build(input));
  },
  fileName(input: DocumentInput): string {
    const name = displayOf(input.answers, "org-name");
    return docxFileName(FORM_TITLE, name !== "" ? name : input.draftId);
  },
};
