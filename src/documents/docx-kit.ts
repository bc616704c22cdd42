/**
 * Building blocks for the 申报书 generators, on the `docx` library.
 *
 * Formatting follows the notices' own rules (e.g. fj-2023 / jl-2020: 「请用 A4 幅面编辑，正文字体为
 * 3号仿宋体，单倍行距；一级标题3号黑体；二级标题3号楷体」): A4 portrait, body 仿宋 三号 (16pt),
 * heading 1 黑体 三号, heading 2 楷体 三号, single line spacing. Fonts are set on the styles
 * (docDefaults, Title, Heading1, Heading2) with an eastAsia name, so Word and LibreOffice pick
 * the Chinese face for Chinese text; Latin letters and digits use Times New Roman.
 *
 * Text: the `docx` library escapes XML specials (& < > " '); characters XML 1.0 cannot carry at
 * all (C0 controls other than tab/newline, lone surrogates, U+FFFE/U+FFFF) are dropped by
 * `cleanText`, which every helper applies. Emoji (valid surrogate pairs) pass through.
 * Newlines in a value become separate paragraphs (or line breaks inside a table cell).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageOrientation,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { Answer, Answers } from "../flows/forms/types.ts";

// ───────────────────────────── page and type ─────────────────────────────

/** A4 portrait in twips, margins as Word's Chinese A4 default (上下 2.54 cm, 左右 3.17 cm). */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: 1440, bottom: 1440, left: 1800, right: 1800 },
} as const;

/** Width between the margins, in twips: what a full-width table spans. */
export const CONTENT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

export const FONTS = {
  /** 仿宋 (FangSong): body text. */
  body: "仿宋",
  /** 黑体 (SimHei): title and first-level headings. */
  heading1: "黑体",
  /** 楷体 (KaiTi): second-level headings. */
  heading2: "楷体",
  /** Latin letters and digits. */
  latin: "Times New Roman",
} as const;

/** Chinese font sizes (字号) in half-points, as docx `size` takes them. */
export const SIZES = {
  erhao: 44, // 二号 22pt
  sanhao: 32, // 三号 16pt
  sihao: 28, // 四号 14pt
  xiaosi: 24, // 小四 12pt
  wuhao: 21, // 五号 10.5pt
} as const;

/**
 * The one text size inside every table (小四), nested tables and cell paragraphs included:
 * the form tables are too dense for 三号, and one size reads as one form.
 */
export const TABLE_SIZE = SIZES.xiaosi;

/** A4 landscape: the width between the margins, for wide annex tables (see `landscape`). */
export const LANDSCAPE_CONTENT_WIDTH = PAGE.height - PAGE.margin.left - PAGE.margin.right;

/**
 * Vertical room (twips) above a line to be sealed (盖章/公章) or signed: an official seal is
 * about 4 cm across and is stamped over the line, so about 2.5 cm is kept free above it.
 */
export const SEAL_ROOM = 1440;

const font = (eastAsia: string) => ({ eastAsia, ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin, hint: "eastAsia" });

/** Single line spacing (240 = 1 line, auto). */
const SINGLE = { line: 240, lineRule: LineRuleType.AUTO } as const;

/** First-line indent of two characters of 三号 text. */
const INDENT_2CH = { firstLine: 640 };

// ───────────────────────────── text ─────────────────────────────

// C0 controls except tab / LF / CR, U+FFFE / U+FFFF, and UTF-16 halves not in a pair.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text XML 1.0 can carry: invalid characters removed, CRLF / CR as LF. */
export function cleanText(text: string): string {
  return text.replace(INVALID_XML, "").replace(/\r\n?/g, "\n");
}

/** The lines of a (multi-line) value, trailing blank lines dropped. */
export function linesOf(text: string): string[] {
  const lines = cleanText(text).split("\n");
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop();
  return lines;
}

export interface RunStyle {
  bold?: boolean;
  size?: number;
  underline?: boolean;
  superScript?: boolean;
  /** An eastAsia font other than the paragraph's (e.g. FONTS.heading1 for a bold title line). */
  font?: string;
}

function runOptions(style: RunStyle) {
  return {
    ...(style.bold !== undefined ? { bold: style.bold } : {}),
    ...(style.size !== undefined ? { size: style.size } : {}),
    ...(style.underline ? { underline: {} } : {}),
    ...(style.superScript ? { superScript: true } : {}),
    ...(style.font !== undefined ? { font: font(style.font) } : {}),
  };
}

/** One run of text: cleaned, newlines folded to spaces. */
export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text: cleanText(text).replace(/\n/g, " "), ...runOptions(style) });
}

/** Runs for a multi-line text: line breaks between lines (for text inside one paragraph). */
export function runsWithBreaks(text: string, style: RunStyle = {}): TextRun[] {
  return linesOf(text).map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...runOptions(style) }));
}

/** A reference to one of the document's footnotes (see `createDocument`'s `footnotes`). */
export function footnoteRef(id: number): FootnoteReferenceRun {
  return new FootnoteReferenceRun(id);
}

// ───────────────────────────── paragraphs ─────────────────────────────

export type Inline = TextRun | FootnoteReferenceRun;
export type Block = Paragraph | Table;

export interface ParagraphStyle extends RunStyle {
  align?: "left" | "center" | "right" | "justify";
  /** First-line indent of two characters (正文 paragraphs). */
  indent?: boolean;
  /** Left indent of the whole paragraph, in twips. */
  leftIndent?: number;
  pageBreakBefore?: boolean;
  keepNext?: boolean;
  /** Space before / after, in twips. */
  before?: number;
  after?: number;
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function paragraphOptions(style: ParagraphStyle) {
  return {
    ...(style.align ? { alignment: ALIGN[style.align] } : {}),
    ...(style.indent || style.leftIndent !== undefined
      ? { indent: { ...(style.indent ? INDENT_2CH : {}), ...(style.leftIndent !== undefined ? { left: style.leftIndent } : {}) } }
      : {}),
    ...(style.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(style.keepNext ? { keepNext: true } : {}),
    ...(style.before !== undefined || style.after !== undefined
      ? { spacing: { ...SINGLE, before: style.before ?? 0, after: style.after ?? 0 } }
      : {}),
  };
}

/** One paragraph of text or runs. Newlines in a string become line breaks; the run style applies to a string only. */
export function paragraph(content: string | readonly Inline[] = "", style: ParagraphStyle = {}): Paragraph {
  const children = typeof content === "string" ? runsWithBreaks(content, style) : content;
  return new Paragraph({ children, ...paragraphOptions(style) });
}

/** One paragraph per line of the text (blank lines kept as empty paragraphs): 正文 with indent by default. */
export function paragraphs(text: string, style: ParagraphStyle = { indent: true }): Paragraph[] {
  const lines = linesOf(text);
  if (lines.length === 0) return [paragraph("", style)];
  return lines.map((line) => new Paragraph({ children: [run(line, style)], ...paragraphOptions(style) }));
}

/** The document title: 黑体 二号, centred. */
export function title(text: string, style: ParagraphStyle = {}): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.TITLE,
    children: runsWithBreaks(text, style),
    ...paragraphOptions({ align: "center", ...style }),
  });
}

/** 一级标题: 黑体 三号 (style Heading1). */
export function heading1(text: string, style: ParagraphStyle = {}): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, children: runsWithBreaks(text), ...paragraphOptions(style) });
}

/** 二级标题: 楷体 三号 (style Heading2). */
export function heading2(text: string, style: ParagraphStyle = {}): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, children: runsWithBreaks(text), ...paragraphOptions(style) });
}

/** 三级标题 as the forms print them (「1. 预期目标」): 仿宋 三号 bold (style Heading3). */
export function heading3(text: string, style: ParagraphStyle = {}): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_3, children: runsWithBreaks(text), ...paragraphOptions(style) });
}

/** A page break: the next paragraph starts a page. */
export function pageBreak(): Paragraph {
  return new Paragraph({ children: [], pageBreakBefore: true });
}

// ───────────────────────────── answers ─────────────────────────────

/** The answer under the key, if answered (not skipped, not absent). */
export function answerOf(answers: Answers, key: string): Answer | undefined {
  const a = answers[key];
  return a && "value" in a ? a : undefined;
}

/** The answer's display string; "" when skipped or absent. */
export function displayOf(answers: Answers, key: string): string {
  return answerOf(answers, key)?.display ?? "";
}

/** Option ids of a multiChoice answer (or the id of a choice answer); [] when unanswered. */
export function chosenIds(answers: Answers, key: string): readonly string[] {
  const v = answerOf(answers, key)?.value;
  if (typeof v === "string") return [v];
  return Array.isArray(v) ? (v as readonly string[]) : [];
}

// ───────────────────────────── checkboxes ─────────────────────────────

export const CHECKED = "☑";
export const UNCHECKED = "☐";

export interface CheckOption {
  label: string;
  checked: boolean;
  /** Printed after the label, e.g. 「（事故名称：…）」. */
  suffix?: string;
}

/** 「☑ 民营」 / 「☐ 三资」. */
export function checkbox(option: CheckOption): string {
  return `${option.checked ? CHECKED : UNCHECKED} ${option.label}${option.suffix ?? ""}`;
}

/** Options on one line, separated by two ideographic spaces, as the forms print them. */
export function checkboxLine(options: readonly CheckOption[]): string {
  return options.map(checkbox).join("\u3000\u3000");
}

/** The options of a choice / multiChoice step with the chosen ids ticked. */
export function checkOptions(
  options: readonly { id: string; label: string }[],
  chosen: readonly string[],
): CheckOption[] {
  return options.map((o) => ({ label: o.label, checked: chosen.includes(o.id) }));
}

/** A blank to write on (「＿＿＿＿」), or the value filling it, underlined. */
export function blankOr(value: string, width = 4, style: RunStyle = {}): TextRun {
  return value.trim() === "" ? run("＿".repeat(width), style) : run(value, { ...style, underline: true });
}

// ───────────────────────────── narratives ─────────────────────────────

export interface NarrativeOptions {
  /** The heading above the text (a paragraph, or text for `heading3`). */
  heading?: Paragraph | string;
  /** The user's text; "" / undefined when skipped or absent. */
  text?: string | undefined;
  /** The form's guidance, printed in parentheses where the user wrote nothing. */
  guidance?: string | undefined;
  /** Style of the body paragraphs (default 正文 with indent). */
  style?: ParagraphStyle;
}

/** The form's guidance in parentheses, as printed: 「（以问题为导向……）」. */
export function inParentheses(guidance: string): string {
  const g = guidance.trim();
  return /^[（(]/.test(g) ? g : `（${g}）`;
}

/** The narrative body: the user's text, or — skipped or absent — the guidance in parentheses, or an empty line. */
export function narrativeBody(text: string | undefined, guidance: string | undefined, style: ParagraphStyle = { indent: true }): Paragraph[] {
  if (text !== undefined && text.trim() !== "") return paragraphs(text, style);
  if (guidance !== undefined && guidance.trim() !== "") return [paragraph(inParentheses(guidance), style)];
  return [paragraph("", style)];
}

/** A narrative section: heading, then the answer or the guidance. */
export function narrative(options: NarrativeOptions): Paragraph[] {
  const out: Paragraph[] = [];
  if (options.heading !== undefined) {
    out.push(typeof options.heading === "string" ? heading3(options.heading, { keepNext: true }) : options.heading);
  }
  out.push(...narrativeBody(options.text, options.guidance, options.style));
  return out;
}

// ───────────────────────────── tables ─────────────────────────────

export interface CellOptions {
  /** Text (newlines → line breaks). */
  text?: string;
  /** Runs of one paragraph. */
  runs?: readonly Inline[];
  /** Whole blocks (several paragraphs, a nested table). */
  blocks?: readonly Block[];
  /** Grid columns spanned (default 1). */
  span?: number;
  /** Rows spanned downwards (default 1): leave the cell out of the rows below. */
  rowSpan?: number;
  /** A label cell: centred vertically and horizontally. */
  label?: boolean;
  align?: "left" | "center" | "right" | "justify";
  bold?: boolean;
}

/** A cell: plain text, or options. */
export type CellSpec = string | CellOptions;
export type RowSpec = readonly CellSpec[];

export interface TableOptions {
  /** Repeat the first row on each page (header rows of long lists). */
  headerRow?: boolean;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
} as const;

function cellChildren(spec: CellOptions, size: number): Block[] {
  const style: ParagraphStyle = {
    size,
    ...(spec.bold !== undefined ? { bold: spec.bold } : {}),
    ...(spec.align ? { align: spec.align } : spec.label ? { align: "center" as const } : {}),
  };
  const out: Block[] = [];
  if (spec.text !== undefined) out.push(paragraph(spec.text, style));
  if (spec.runs !== undefined) out.push(paragraph(spec.runs, style));
  if (spec.blocks !== undefined) out.push(...spec.blocks);
  // A cell must end with a paragraph (Word refuses a cell that ends with a table).
  if (out.length === 0 || out[out.length - 1] instanceof Table) out.push(paragraph("", style));
  return out;
}

/**
 * A bordered form table on a grid of `widths` (twips, summing to CONTENT_WIDTH for a full-width
 * table). Each row lists its cells; a cell spans `span` grid columns and `rowSpan` rows (cells
 * covered by a row span are left out of the rows below, and docx writes the continuation cells).
 * Text is TABLE_SIZE (blocks put in a cell should be `cellParagraph`s); rows are never split
 * across pages (a row taller than a page still breaks: Word and LibreOffice both allow it).
 */
export function formTable(widths: readonly number[], rows: readonly RowSpec[], options: TableOptions = {}): Table {
  const size = TABLE_SIZE;
  // Grid columns still covered by a row span from above, per row.
  const covered = new Map<number, Set<number>>();
  const tableRows = rows.map((row, r) => {
    const taken = covered.get(r) ?? new Set<number>();
    let col = 0;
    const cells = row.map((c) => {
      while (taken.has(col)) col++;
      const spec: CellOptions = typeof c === "string" ? { text: c } : c;
      const span = Math.max(1, spec.span ?? 1);
      const rowSpan = Math.max(1, spec.rowSpan ?? 1);
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      for (let rr = r + 1; rr < r + rowSpan; rr++) {
        const set = covered.get(rr) ?? new Set<number>();
        for (let cc = col; cc < col + span; cc++) set.add(cc);
        covered.set(rr, set);
      }
      col += span;
      return new TableCell({
        children: cellChildren(spec, size),
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        ...(span > 1 ? { columnSpan: span } : {}),
        ...(rowSpan > 1 ? { rowSpan } : {}),
      });
    });
    return new TableRow({ children: cells, cantSplit: true, ...(options.headerRow && r === 0 ? { tableHeader: true } : {}) });
  });
  return new Table({
    rows: tableRows,
    columnWidths: [...widths],
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
  });
}

/** A paragraph inside a table cell (a cell's `blocks`): TABLE_SIZE whatever the style says. */
export function cellParagraph(content: string | readonly Inline[] = "", style: Omit<ParagraphStyle, "size"> = {}): Paragraph {
  return paragraph(content, { ...style, size: TABLE_SIZE });
}

/** `narrativeBody` inside a table cell, at TABLE_SIZE. */
export function cellNarrative(text: string | undefined, guidance: string | undefined, style: Omit<ParagraphStyle, "size"> = {}): Paragraph[] {
  return narrativeBody(text, guidance, { ...style, size: TABLE_SIZE });
}

/**
 * An amount for a cell whose row or column says 万元: the plain number of 万元 (「12000」,
 * 「-200」, 「0.5」), never the chat's display (「1.2 亿元（12000 万元）」); "" when unanswered.
 */
export function wanCell(answers: Answers, key: string): string {
  const v = answerOf(answers, key)?.value;
  return typeof v === "number" && Number.isFinite(v) ? formatNumber(v) : "";
}

/** A label cell (centred). */
export function labelCell(text: string, extra: Omit<CellOptions, "text" | "label"> = {}): CellOptions {
  return { text, label: true, ...extra };
}

/** Widths dividing `total` in the given proportions (integers, summing exactly to total). */
export function widthsOf(proportions: readonly number[], total: number = CONTENT_WIDTH): number[] {
  const sum = proportions.reduce((a, b) => a + b, 0);
  const out = proportions.map((p) => Math.floor((p / sum) * total));
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

/** Two columns: [label | value] per row. */
export function labelledTable(rows: readonly (readonly [string, CellSpec])[], options: TableOptions & { labelWidth?: number } = {}): Table {
  const labelWidth = options.labelWidth ?? 2400;
  return formTable(
    [labelWidth, CONTENT_WIDTH - labelWidth],
    rows.map(([label, value]) => [labelCell(label), value]),
    options,
  );
}

/** A list table: a header row, then one row per item (at least one empty row, for writing in). */
export function listTable(widths: readonly number[], header: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): Table {
  const body = rows.length > 0 ? rows : [header.map(() => "")];
  return formTable(
    widths,
    [header.map((h) => labelCell(h)), ...body.map((r) => r.map((c) => c as CellSpec))],
    { headerRow: true, ...options },
  );
}

// ───────────────────────────── KPI ─────────────────────────────

export const KPI_HEADER = ["指标", "建设前", "建成后", "变化率"] as const;

/** One KPI row; blank cells for a KPI without values. */
export interface KpiRow {
  label: string;
  before?: string;
  after?: string;
  change?: string;
}

const BEFORE_AFTER_DISPLAY = /^建设前\s*(.+?)，建成后\s*(.+?)，变化率\s*(.+)$/;

function formatNumber(n: number): string {
  return n === 0 ? "0" : String(Number(n.toPrecision(12)));
}

/** 「+50%」 「-33.33%」 「—」 (before = 0), as the review shows it. */
export function changeRate(before: number, after: number): string {
  if (before === 0 || !Number.isFinite(before) || !Number.isFinite(after)) return "—";
  const rate = ((after - before) / Math.abs(before)) * 100;
  const r = (Math.sign(rate) * Math.round(Math.abs(rate) * 100 + 1e-9)) / 100;
  if (r === 0) return "0%";
  return r > 0 ? `+${formatNumber(r)}%` : `${formatNumber(r)}%`;
}

/**
 * A KPI row from a beforeAfter answer: the parts of its display (「建设前 60，建成后 90，变化率
 * +50%」, what the user confirmed), or, if the display has another shape, from the value.
 */
export function kpiRow(label: string, answer: Answer | undefined): KpiRow {
  if (!answer) return { label };
  const m = BEFORE_AFTER_DISPLAY.exec(answer.display);
  if (m) return { label, before: m[1]!, after: m[2]!, change: m[3]! };
  const v = answer.value;
  if (typeof v === "object" && v !== null && "before" in v && "after" in v) {
    return { label, before: formatNumber(v.before), after: formatNumber(v.after), change: changeRate(v.before, v.after) };
  }
  return { label, before: answer.display };
}

/**
 * The KPI header and rows, for a table whose grid is [label?, 指标, 建设前, 建成后, 变化率]: with
 * `label`, a first cell spanning all the rows (as the forms print 「工厂整体建设成效」), `extra`
 * rows included (each four cells wide, e.g. 「其他个性化指标」).
 */
export function kpiRows(rows: readonly KpiRow[], label?: CellOptions, extra: readonly RowSpec[] = []): RowSpec[] {
  const lead: CellSpec[] = label ? [{ ...label, label: true, rowSpan: rows.length + 1 + extra.length }] : [];
  return [
    [...lead, ...KPI_HEADER.map((h) => labelCell(h))],
    ...rows.map((r) => [
      { text: r.label },
      { text: r.before ?? "", align: "center" as const },
      { text: r.after ?? "", align: "center" as const },
      { text: r.change ?? "", align: "center" as const },
    ]),
    ...extra,
  ];
}

/** A stand-alone KPI table: 指标 | 建设前 | 建成后 | 变化率. */
export function kpiTable(rows: readonly KpiRow[], options: TableOptions = {}): Table {
  return formTable(widthsOf([4, 1.5, 1.5, 1.5]), kpiRows(rows), options);
}

// ───────────────────────────── 承诺书 ─────────────────────────────

export interface CommitmentOptions {
  /** A section heading printed first on the new page (e.g. 「三、申报单位承诺和各地工信部门推荐意见」). */
  section?: string;
  /** The 承诺书's title (e.g. 「申报主体承诺书」). */
  title: string;
  /** The commitment text, verbatim, one paragraph per entry. */
  paragraphs: readonly string[];
  /** Signature lines, right-aligned; default 「法定代表人（签字）：＿＿＿＿」「（单位盖章）」「年 月 日」. */
  signatures?: readonly (string | readonly Inline[])[];
  /** Paragraphs after the signatures (e.g. the recommending bureau's opinion block). */
  after?: readonly Block[];
}

export const DEFAULT_SIGNATURES: readonly string[] = ["法定代表人（签字）：＿＿＿＿", "（单位盖章）", "年\u3000\u3000月\u3000\u3000日"];

const SEALED = /盖章|公章|签章/;
const SIGNED = /签字|签名/;

/** Room (twips) above a line to be signed by hand: about 1.3 cm. */
export const SIGNATURE_ROOM = 720;

/**
 * Right-aligned lines to seal, sign and date: a line to be sealed gets SEAL_ROOM above it, one
 * to be signed SIGNATURE_ROOM, a date line a blank line; dates are left for the applicant
 * (「年　月　日」).
 */
export function signatureLines(lines: readonly (string | readonly Inline[])[]): Paragraph[] {
  return lines.map((s) => {
    const text = typeof s === "string" ? s : "";
    const before = SEALED.test(text) ? SEAL_ROOM : SIGNED.test(text) ? SIGNATURE_ROOM : 320;
    return paragraph(s, { align: "right", before });
  });
}

/** The 承诺书 on a page of its own. */
export function commitmentPage(options: CommitmentOptions): Block[] {
  const out: Block[] = [];
  if (options.section !== undefined) {
    out.push(heading1(options.section, { pageBreakBefore: true }));
    out.push(title(options.title, { before: 240, after: 240 }));
  } else {
    out.push(title(options.title, { pageBreakBefore: true, before: 240, after: 240 }));
  }
  for (const p of options.paragraphs) out.push(paragraph(p, { indent: true }));
  out.push(...signatureLines(options.signatures ?? DEFAULT_SIGNATURES));
  if (options.after) out.push(...options.after);
  return out;
}

// ───────────────────────────── document ─────────────────────────────

/** Blocks printed on A4 landscape pages, a section of their own (see `landscape`). */
export class LandscapeSection {
  constructor(readonly blocks: readonly Block[]) {}
}

/** Wide tables (e.g. a nine-column 附表) on landscape pages: LANDSCAPE_CONTENT_WIDTH wide. */
export function landscape(blocks: readonly Block[]): LandscapeSection {
  return new LandscapeSection(blocks);
}

export interface DocumentOptions {
  /** Stored as the document's title property. */
  title: string;
  /** The body; a `landscape(...)` entry starts landscape pages, and portrait resumes after it. */
  children: readonly (Block | LandscapeSection)[];
  /** Footnotes by id, referenced with `footnoteRef(id)`. */
  footnotes?: Readonly<Record<number, string>>;
  /** Page numbers centred in the footer (「— 1 —」); default true. */
  pageNumbers?: boolean;
}

const styles = {
  default: {
    document: {
      run: { font: font(FONTS.body), size: SIZES.sanhao },
      paragraph: { spacing: { ...SINGLE, before: 0, after: 0 } },
    },
    title: {
      run: { font: font(FONTS.heading1), size: SIZES.erhao, bold: false, color: "000000" },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { ...SINGLE, before: 0, after: 240 } },
    },
    heading1: {
      run: { font: font(FONTS.heading1), size: SIZES.sanhao, bold: false, color: "000000" },
      paragraph: { keepNext: true, outlineLevel: 0, spacing: { ...SINGLE, before: 240, after: 120 } },
    },
    heading2: {
      run: { font: font(FONTS.heading2), size: SIZES.sanhao, bold: false, italics: false, color: "000000" },
      paragraph: { keepNext: true, outlineLevel: 1, spacing: { ...SINGLE, before: 120, after: 120 } },
    },
    heading3: {
      run: { font: font(FONTS.body), size: SIZES.sanhao, bold: true, italics: false, color: "000000" },
      paragraph: { keepNext: true, outlineLevel: 2, spacing: { ...SINGLE, before: 120, after: 0 } },
    },
  },
} as const;

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], size: SIZES.xiaosi, font: font(FONTS.latin) })],
      }),
    ],
  });
}

/** A document: A4 portrait with the notices' fonts and sizes, one section. */
export function createDocument(options: DocumentOptions): Document {
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const [id, text] of Object.entries(options.footnotes ?? {})) {
    footnotes[id] = { children: [paragraph(text, { size: SIZES.wuhao })] };
  }
  // Consecutive blocks share a section; each landscape entry is a section of its own.
  const parts: Array<{ landscape: boolean; children: Block[] }> = [];
  for (const c of options.children) {
    if (c instanceof LandscapeSection) parts.push({ landscape: true, children: [...c.blocks] });
    else if (parts.length === 0 || parts[parts.length - 1]!.landscape) parts.push({ landscape: false, children: [c] });
    else parts[parts.length - 1]!.children.push(c);
  }
  return new Document({
    title: cleanText(options.title),
    creator: "申报助手",
    styles,
    footnotes,
    sections: parts.map((part) => ({
      properties: {
        page: {
          size: { width: PAGE.width, height: PAGE.height, orientation: part.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { ...PAGE.margin, header: 851, footer: 992, gutter: 0 },
        },
      },
      ...(options.pageNumbers === false ? {} : { footers: { default: pageNumberFooter() } }),
      children: part.children,
    })),
  });
}

/** The .docx bytes. */
export async function packDocx(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}

// ───────────────────────────── names and dates ─────────────────────────────

/** Characters Windows, macOS or Linux refuse in a file name, and controls. */
const ILLEGAL_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001F\u007F]/g;

/**
 * 「<title>-<name>.docx」 with characters illegal in file names replaced by 「_」, whitespace
 * folded, and the name part cut to keep the whole under 120 characters.
 */
export function docxFileName(formTitle: string, name: string): string {
  const clean = (s: string) =>
    cleanText(s)
      .replace(/\s+/g, " ")
      .replace(ILLEGAL_FILE_CHARS, "_")
      .trim()
      .replace(/^[. ]+|[. ]+$/g, "");
  const t = clean(formTitle);
  const n = Array.from(clean(name)).slice(0, Math.max(1, 120 - Array.from(t).length - 6)).join("");
  return `${t}-${n || "申报书"}.docx`;
}

/** 「2025年3月21日」 for an ISO timestamp, in China time (UTC+8); "" when unreadable. */
export function chineseDate(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return "";
  const d = new Date(t + 8 * 3600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
