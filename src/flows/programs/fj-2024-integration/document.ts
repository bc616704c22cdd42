/**
 * 《福建省省级新一代信息技术与制造业融合发展项目申报书》 (附件1 of 闽工信函信息〔2024〕182号) as
 * a .docx, in the form's order: title; 一、申报单位基本信息 (table; 单位简介 item 2 — 近三年营业收入、
 * 利润、研发投入 — as a year table inside its cell); 二、申报项目基本信息 (申报类别 ☑/☐ with the form's
 * six boxes, 5G 全连接工厂 ticked instead of 数字化标杆企业 when the applicant files as one; 项目介绍 of
 * the chosen direction only: its figures, its 成效 KPI table for 数字化标杆企业, the outline items
 * with the answer or the item's guidance, 附件及佐证材料); 三、the 申报主体承诺书 on its own page and
 * the bureau's blank 推荐意见.
 *
 * The form has no cover page and no 推荐单位 / 申报日期 fields: none is added.
 */
import type { Paragraph, Table } from "docx";
import { expandSteps, type StepInstance } from "../../forms/expand.ts";
import type { Answers } from "../../forms/types.ts";
import { flow } from "./questions.ts";
import {
  CONTENT_WIDTH,
  TABLE_SIZE,
  answerOf,
  cellNarrative,
  cellParagraph,
  checkbox,
  checkboxLine,
  commitmentPage,
  createDocument,
  displayOf,
  docxFileName,
  formTable,
  heading1,
  kpiRow,
  kpiRows,
  labelCell,
  narrativeBody,
  packDocx,
  paragraph,
  signatureLines,
  title,
  wanCell,
  widthsOf,
  type Block,
  type CellSpec,
  type RowSpec,
} from "../../../documents/docx-kit.ts";
import type { DocumentInput, FormGenerator } from "../../../documents/types.ts";

const PROGRAM_ID = "fj-2024-integration";
const FORM_TITLE = flow.formTitle;
/** Text in the form's cells: the one table size. */
const CELL = TABLE_SIZE;

// ───────────────────────────── form texts ─────────────────────────────

/** The title as the notice breaks it over two lines. */
const TITLE_LINES = "福建省省级新一代信息技术与制造业\n融合发展项目申报书";
const PROFILE_ITEM_2 = "2、近三年营业收入、利润、研发投入金额等财务指标情况。";
const PROFILE_NOTE = "单位简介不超过 500 字，需附相关佐证材料";

/**
 * The 申报主体承诺书, as the notice prints it. Item 2 reads 「申报资料 and 文件」 in the extracted
 * notice text, an artefact of the extraction (the flow's own help quotes it as 「申报资料和文件」);
 * the signed page prints 和.
 */
export const COMMITMENT: readonly string[] = [
  "本单位承诺：",
  "1. 申报书中所填写的内容真实、合法、有效。",
  "2. 提供的申报资料和文件内容真实、准确、完整，事实存在。",
  "3. 所报送的材料符合国家保密规定，未涉及国家秘密和其他敏感信息。",
  "4. 涉及的知识产权（商业秘密）明晰完整，归属本单位或技术来源正当合法，未剽窃他人成果，未侵犯他人的知识产权或商业秘密。",
  "若发生与上述承诺相违背的事实，由本单位承担相应责任。",
];

const DATE_BLANK = "\u3000\u3000年\u3000\u3000月\u3000\u3000日";

type CategoryId = "platform-demo" | "platform-sme" | "benchmark-digital" | "benchmark-data-security" | "identifier";

interface Direction {
  /** The form's 「注：…方向填报(… 字以内)」 line, verbatim. */
  note: string;
  /** The form's 附件及佐证材料 text (without the item number), verbatim. */
  attachments: string;
}

const DIRECTIONS: Readonly<Record<CategoryId, Direction>> = {
  "platform-demo": {
    note: "注：示范平台方向填报(5000 字以内)",
    attachments:
      "（1. 企业上一年度财务审计报告没有的，应当提供相关财务报表；营业执照、专利、获奖证书、无涉黑承诺和其他佐证材料复印件；2. 截止申报日平台连接服务企业数，或连接服务产品/工业设备实际运行截图，连接设备清单，以及 3 家以上用户使用报告，典型服务案例；3. 其他企业认为需要补充的材料）",
  },
  "platform-sme": {
    note: "注：平台赋能中小企业数字化转型方向填报(2000 字以内)",
    attachments:
      "（1. 企业上一年度财务审计报告，没有的，应当提供相关财务报表；营业执照、专利、获奖证书、无涉黑承诺和其他佐证材料复印件；2. 平台上一年度新增连接服务企业的正式合同文件、税务发票、平台实际运行截图、10 家以上用户使用报告等；3. 其他企业认为需要补充的材料）",
  },
  "benchmark-digital": {
    note: "注：数字化标杆企业方向填报(5000 字以内)",
    attachments:
      "（企业上一年度财务审计报告，没有的，应当提供相关财务报表、营业执照、专利、获奖证书、无涉黑承诺和其他佐证材料复印件，其他企业认为需要补充的材料）",
  },
  "benchmark-data-security": {
    note: "注：工业数据安全标杆企业方向填报（5000字以内）",
    attachments:
      "（1.企业上一年度财务审计报告，没有的，应当提供相关财务报表、营业执照、信用中国报告和其他佐证材料复印件；2.企业数据安全管理制度文件，如管理组织架构、数据权限管理、供应链数据管理、系统设备管理等，战略规划等材料复印件，开展数据安全培训、演练等活动文件及照片等；3.企业2022年1月以来网络数据安全系统采购合同复印件；4.企业数据安全评估报告以及整改措施、报送数据安全风险及事件的佐证材料；5.其他企业认为需要补充的材料）",
  },
  identifier: {
    note: "注：标识解析方向填报(2000字以内)",
    attachments:
      "（1.企业上一年度财务审计报告，没有的，应当提供相关财务报表、营业执照、专利、获奖证书、无涉黑承诺和其他佐证材料复印件；2.与国家平台对接、企业注册数、标识注册量、标识解析量平台运行截图及清单等，以及3家以上典型服务案例的正式合同及用户使用报告3.其他企业认为需要补充的材料）",
  },
};

const isCategory = (v: unknown): v is CategoryId => typeof v === "string" && v in DIRECTIONS;

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

// ───────────────────────────── 一、申报单位基本信息 ─────────────────────────────

const YEARS = ["2021", "2022", "2023"] as const;

/** 近三年 figures: the last year is its own step, the two before a repeated one. */
function financeKey(kind: "revenue" | "profit" | "rd", year: string): string {
  if (kind === "rd") return `rd-spending[${year}]`;
  return year === "2023" ? `${kind}-last-year` : `${kind}-prior[${year}]`;
}

function financeTable(a: Answers): Table {
  const rows: RowSpec[] = [
    [labelCell("指标"), ...YEARS.map((y) => labelCell(`${y}年`))],
    ...(
      [
        ["营业收入（万元）", "revenue"],
        ["利润（万元）", "profit"],
        ["研发投入（万元）", "rd"],
      ] as const
    ).map(([label, kind]): RowSpec => [{ text: label }, ...YEARS.map((y) => ({ text: wanCell(a, financeKey(kind, y)), align: "center" as const }))]),
  ];
  return formTable(widthsOf([1.3, 1, 1, 1], 6400), rows);
}

function basicTable(a: Answers): Table {
  // Value cells wide enough for an 18-character code, a landline with area code and an e-mail
  // on one line (the form's one contact row is two here: 电子邮箱 gets a row of its own).
  const W = [1500, 1700, 1300, 1300, 1200, CONTENT_WIDTH - 7000];
  const v = (id: string, span = 1): CellSpec => ({ text: displayOf(a, id), span });
  const full = (label: string, id: string): RowSpec => [labelCell(label), v(id, 5)];
  const pair = (l1: string, c1: CellSpec, l2: string, c2: CellSpec): RowSpec => [
    labelCell(l1),
    typeof c1 === "string" ? { text: c1, span: 2 } : { ...c1, span: 2 },
    labelCell(l2),
    typeof c2 === "string" ? { text: c2, span: 2 } : { ...c2, span: 2 },
  ];

  const investment = wanCell(a, "total-investment");
  const start = displayOf(a, "period-start");
  const end = displayOf(a, "period-end");
  const period = start !== "" || end !== "" ? `${start || "\u3000年\u3000月"}--${end || "\u3000年\u3000月"}` : "\u3000年\u3000月--\u3000年\u3000月";
  const established = displayOf(a, "established");

  const profile = displayOf(a, "unit-profile");
  const profileBlocks: Block[] = [
    ...(profile !== ""
      ? cellNarrative(profile, undefined)
      : [cellParagraph(`1、${answerGuidance("unit-profile")}；`)]),
    cellParagraph(PROFILE_ITEM_2),
    financeTable(a),
    ...(profile === "" ? [cellParagraph(PROFILE_NOTE)] : []),
  ];

  return formTable(W, [
    full("申报单位", "applicant-name"),
    full("单位详细地址", "address"),
    full("申报项目名称", "project-name"),
    pair("项目总投资", `${investment !== "" ? investment : "\u3000\u3000"}万元`, "项目实施周期", period),
    pair("统一社会信用代码", displayOf(a, "credit-code"), "注册成立时间", established !== "" ? established : "\u3000年\u3000月"),
    pair("所属行业", displayOf(a, "industry"), "单位性质", displayOf(a, "ownership")),
    pair("法定代表人", displayOf(a, "legal-representative"), "联系电话", displayOf(a, "legal-representative-phone")),
    pair("申报联系人", displayOf(a, "contact-name"), "手机号码", displayOf(a, "contact-mobile")),
    full("电子邮箱", "contact-email"),
    [labelCell("单位简介"), { span: 5, blocks: profileBlocks }],
  ]);
}

function answerGuidance(id: string): string {
  return flow.steps.find((s) => s.id === id)?.guidance ?? "";
}

// ───────────────────────────── 二、申报项目基本信息 ─────────────────────────────

function categoryLines(a: Answers): Paragraph[] {
  const category = answerOf(a, "category")?.value;
  const fiveG = answerOf(a, "benchmark-digital-5g")?.value === true;
  const is = (id: CategoryId) => category === id;
  return [
    paragraph(
      `平台类：${checkboxLine([
        { label: "省级工业互联网示范平台", checked: is("platform-demo") },
        { label: "平台赋能中小企业数字化转型", checked: is("platform-sme") },
      ])}`,
      { size: CELL },
    ),
    paragraph(
      `标杆企业类：${checkboxLine([
        { label: "数字化标杆企业", checked: is("benchmark-digital") && !fiveG },
        { label: "工业数据安全标杆企业", checked: is("benchmark-data-security") },
        { label: "5G 全连接工厂", checked: is("benchmark-digital") && fiveG },
      ])}`,
      { size: CELL },
    ),
    paragraph(checkbox({ label: "标识解析类", checked: is("identifier") }), { size: CELL }),
  ];
}

/** The chosen direction's part of 项目介绍: its figures, KPIs, outline items and attachments. */
function introBlocks(a: Answers): Block[] {
  const category = answerOf(a, "category")?.value;
  if (!isCategory(category)) return [paragraph("", { size: CELL })];
  const direction = DIRECTIONS[category];
  // The direction's steps as asked for these answers (its `when`s applied), in the flow's order.
  const prefix = `${category}-`;
  const instances = expandSteps(flow.steps, a).filter((i) => i.step.id.startsWith(prefix) && i.step.id !== "benchmark-digital-5g");
  const figures = instances.filter((i) => i.step.kind !== "longText" && i.step.kind !== "beforeAfter" && !i.step.id.endsWith("-attachments"));
  const kpis = instances.filter((i) => i.step.kind === "beforeAfter");
  const items = instances.filter((i) => i.step.kind === "longText");
  const attachments = instances.find((i) => i.step.id.endsWith("-attachments"));

  const bold = (text: string) => paragraph(text, { size: CELL, bold: true, keepNext: true });
  const out: Block[] = [paragraph(direction.note, { size: CELL, align: "center" })];
  if (figures.length > 0) {
    out.push(
      bold("主要指标："),
      formTable(
        widthsOf([3, 2], 6400),
        figures.map((i) =>
          i.step.kind === "money" ? [{ text: `${labelOf(i)}（万元）` }, { text: wanCell(a, i.key) }] : [{ text: labelOf(i) }, { text: displayOf(a, i.key) }],
        ),
      ),
    );
  }
  if (kpis.length > 0) {
    out.push(
      bold(`${kpis[0]!.step.label}：`),
      formTable(
        widthsOf([2, 1.5, 1.5, 1.4], 6400),
        kpiRows(kpis.map((i) => kpiRow(i.item?.label ?? i.step.label, answerOf(a, i.key)))),
      ),
    );
  }
  for (const i of items) {
    out.push(bold(i.step.label), ...narrativeBody(displayOf(a, i.key), i.step.guidance, { size: CELL, indent: true }));
  }
  out.push(
    bold(`${NUMERALS[items.length] ?? String(items.length + 1)}、附件及佐证材料`),
    ...narrativeBody(attachments ? displayOf(a, attachments.key) : "", direction.attachments, { size: CELL, indent: true }),
  );
  return out;
}

const labelOf = (i: StepInstance): string => (i.item ? `${i.step.label}（${i.item.label}）` : i.step.label);

function projectTable(a: Answers): Table {
  return formTable(
    [1500, CONTENT_WIDTH - 1500],
    [
      [labelCell("申报类别\n（请√选一项）"), { blocks: categoryLines(a) }],
      [labelCell("项目介绍"), { blocks: introBlocks(a) }],
    ],
  );
}

// ───────────────────────────── 三、承诺书 ─────────────────────────────

function commitment(a: Answers): Block[] {
  const date = displayOf(a, "commitment-date");
  return commitmentPage({
    section: "三、申报单位承诺和各地工信部门推荐意见",
    title: "申报主体承诺书",
    paragraphs: COMMITMENT,
    signatures: ["申报单位（盖章）：\u3000\u3000\u3000\u3000\u3000\u3000", "法定代表人（签字）：＿＿＿＿", `日期：${date !== "" ? date : DATE_BLANK}`],
    after: [
      paragraph(""),
      // Room to write the opinion, then to seal and date it (SEAL_ROOM above the seal line).
      paragraph("设区市工信局、平潭综合实验区经发局意见：", { before: 480, keepNext: true }),
      paragraph("", { keepNext: true }),
      ...signatureLines(["推荐单位（公章）：\u3000\u3000\u3000\u3000\u3000\u3000", `日期：${DATE_BLANK}`]),
    ],
  });
}

// ───────────────────────────── generator ─────────────────────────────

function build(input: DocumentInput) {
  const a = input.answers;
  return createDocument({
    title: FORM_TITLE,
    children: [
      title(FORM_TITLE === TITLE_LINES.replace("\n", "") ? TITLE_LINES : FORM_TITLE),
      heading1("一、申报单位基本信息"),
      basicTable(a),
      heading1("二、申报项目基本信息", { before: 240 }),
      projectTable(a),
      ...commitment(a),
    ],
  });
}

export const generator: FormGenerator = {
  programId: PROGRAM_ID,
  async render(input: DocumentInput): Promise<Buffer> {
    return packDocx(build(input));
  },
  fileName(input: DocumentInput): string {
    const name = displayOf(input.answers, "applicant-name");
    return docxFileName(FORM_TITLE, name !== "" ? name : input.draftId);
  },
};
