/**
 * The layout engine shared by every program's 推荐汇总表: a declarative spec (the notice's
 * title lines, its header row, one column per printed column, optional category groups)
 * rendered as one A4-landscape worksheet with exceljs.
 *
 * Texts in a spec are the notice's own, verbatim, including the spaces the corpus text
 * carries where the printed cell wraps (「项目 总投 (万元)」): tests compare them with the
 * notice file character for character. Cells wrap, so the spaces fall where the print
 * breaks its lines.
 */
import ExcelJS from "exceljs";
import { valueOf } from "../../flows/forms/expand.ts";
import type { Answers } from "../../flows/forms/types.ts";
import { AppError } from "../../shared/errors.ts";
import type { DocumentInput, SummaryInput } from "../types.ts";

export type SummaryErrorCode = "NO_SUMMARY_TABLE" | "PROGRAM_MISMATCH";

export class SummaryError extends AppError {
  constructor(
    readonly code: SummaryErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type CellValue = string | number | undefined;

export interface SummaryColumn {
  /** The header cell exactly as the notice prints it. */
  header: string;
  /** Excel column width (characters; one CJK character counts two). */
  width: number;
  /**
   * The cell for one application; `position` is its 1-based row number in the table
   * (序号, and the 推荐顺序 where a table has one). Undefined leaves the cell empty.
   */
  value: (app: DocumentInput, position: number) => CellValue;
  align?: "left" | "center" | "right";
  /** Excel number format for numeric cells, e.g. "0.00" or "#,##0.####". */
  numFmt?: string;
}

/** A block of rows under a group heading, as the notice prints 「(一) 工业互联网示范平台类」. */
export interface SummaryGroup {
  /** Printed in the 序号 column, e.g. "(一)". */
  marker: string;
  /** Printed in the second column, verbatim. */
  label: string;
  matches: (app: DocumentInput) => boolean;
}

export interface SummaryTableSpec {
  programId: string;
  /** Worksheet name (at most 31 characters, no []:*?/\). */
  sheetName: string;
  /** The attachment line as printed, e.g. "附件 2". */
  attachment: string;
  /** The table title as printed; may depend on the input (e.g. 「XX市」 replaced by the city). */
  title: string | ((input: SummaryInput) => string);
  /**
   * Lines between the title and the table (推荐单位（盖章）：…, 联系人：…), label and the value
   * filled in when known. Printed in order, left-aligned.
   */
  headerLines: (input: SummaryInput) => readonly string[];
  columns: readonly SummaryColumn[];
  /**
   * Group headings the notice prints inside the table. Every group is printed even when
   * empty (the notice's layout); applications keep their input order inside a group, and
   * those matching no group follow the last one.
   */
  groups?: readonly SummaryGroup[];
  /** Lines printed under the table (the notice's 注, or our own clearly-marked notes). */
  notes?: readonly string[];
}

// ── Answer accessors for column mappings ──

/** The answer's display text, or undefined when the step was skipped or not asked. */
export function display(answers: Answers, key: string): string | undefined {
  const a = answers[key];
  if (!a || !("display" in a)) return undefined;
  const s = a.display.trim();
  return s === "" ? undefined : s;
}

/** The answer's number (money in 万元, counts), or undefined when absent or not a number. */
export function numberValue(answers: Answers, key: string): number | undefined {
  const v = valueOf(answers, key);
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** Non-empty parts joined with a separator; undefined when none. */
export function joinParts(parts: readonly (string | undefined)[], separator: string): string | undefined {
  const xs = parts.filter((p): p is string => p !== undefined && p !== "");
  return xs.length > 0 ? xs.join(separator) : undefined;
}

/**
 * The 推荐单位 to print in the header: the compiler given by staff (`--compiler`, else the
 * RECOMMENDING_UNIT configuration). Never an applicant's own text: the 推荐单位 an applicant
 * typed into its 申报书 says whom it applies through, not who compiles and seals this table.
 */
export function compilerOf(input: SummaryInput): string | undefined {
  const given = input.compiler?.trim();
  return given ? given : undefined;
}

// ── Rendering ──

const FONT_BODY = "仿宋_GB2312";
const FONT_HEADER = "宋体";
const FONT_TITLE = "宋体";
const FONT_ATTACHMENT = "黑体";
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Excel's own limit for a cell's text. */
const MAX_CELL_CHARS = 32_767;
/** Points per text line at 11 pt, with some leading. */
const LINE_HEIGHT = 15;

/** Characters XML 1.0 cannot carry (exceljs would write an unreadable file). */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function cleanText(s: string): string {
  const t = s.replace(XML_INVALID, "").replace(/\r\n?/g, "\n");
  return t.length > MAX_CELL_CHARS ? t.slice(0, MAX_CELL_CHARS) : t;
}

/** Display width in Excel character units: CJK and full-width characters count two. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    w += cp > 0x2e7f ? 2 : 1;
  }
  return w;
}

/** Lines a text takes in a column of the given width, wrapping. */
function linesIn(s: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return s.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

function titleOf(spec: SummaryTableSpec, input: SummaryInput): string {
  return typeof spec.title === "function" ? spec.title(input) : spec.title;
}

/** Applications in printed order, with each group's heading where it starts. */
type Row = { kind: "group"; group: SummaryGroup } | { kind: "app"; app: DocumentInput; position: number };

function layoutRows(spec: SummaryTableSpec, apps: readonly DocumentInput[]): Row[] {
  const rows: Row[] = [];
  let position = 0;
  const push = (app: DocumentInput) => rows.push({ kind: "app", app, position: ++position });
  if (!spec.groups || spec.groups.length === 0) {
    apps.forEach(push);
    return rows;
  }
  const placed = new Set<DocumentInput>();
  for (const group of spec.groups) {
    rows.push({ kind: "group", group });
    for (const app of apps) {
      if (placed.has(app) || !group.matches(app)) continue;
      placed.add(app);
      push(app);
    }
  }
  apps.filter((a) => !placed.has(a)).forEach(push);
  return rows;
}

/** The workbook's timestamps: the latest generation time among the applications (pure output). */
function stampOf(input: SummaryInput): Date {
  const times = input.applications.map((a) => Date.parse(a.generatedAt)).filter((t) => Number.isFinite(t));
  return new Date(times.length > 0 ? Math.max(...times) : 0);
}

export async function renderTable(spec: SummaryTableSpec, input: SummaryInput): Promise<Buffer> {
  const wrong = input.applications.find((a) => a.programId !== input.programId);
  if (input.programId !== spec.programId || wrong) {
    throw new SummaryError(
      "PROGRAM_MISMATCH",
      `summary table of ${spec.programId} given ${wrong ? `an application of ${wrong.programId}` : `program ${input.programId}`}`,
    );
  }
  const columns = spec.columns;
  const ncol = columns.length;
  const stamp = stampOf(input);

  const wb = new ExcelJS.Workbook();
  wb.creator = "申报助手";
  wb.lastModifiedBy = "申报助手";
  wb.created = stamp;
  wb.modified = stamp;
  const ws = wb.addWorksheet(spec.sheetName, {
    pageSetup: {
      paperSize: 9, // A4 (ExcelJS.PaperSize is a const enum, not available at run time)
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "第 &P 页，共 &N 页" },
  });
  ws.columns = columns.map((c) => ({ width: c.width }));
  const totalWidth = columns.reduce((s, c) => s + c.width, 0);

  const fullWidthLine = (text: string, font: Partial<ExcelJS.Font>, align: "left" | "center", height?: number) => {
    const row = ws.addRow([cleanText(text)]);
    ws.mergeCells(row.number, 1, row.number, ncol);
    const cell = row.getCell(1);
    cell.font = font;
    cell.alignment = { horizontal: align, vertical: "middle", wrapText: true };
    row.height = height ?? Math.max(LINE_HEIGHT + 3, linesIn(text, totalWidth) * LINE_HEIGHT + 3);
    return row;
  };

  // ── Title block ──
  fullWidthLine(spec.attachment, { name: FONT_ATTACHMENT, size: 12 }, "left", 20);
  fullWidthLine(titleOf(spec, input), { name: FONT_TITLE, size: 18, bold: true }, "center", 32);
  for (const line of spec.headerLines(input)) fullWidthLine(line, { name: FONT_BODY, size: 12 }, "left", 20);

  // ── Header row ──
  const header = ws.addRow(columns.map((c) => c.header));
  header.height = Math.max(...columns.map((c) => linesIn(c.header, c.width))) * LINE_HEIGHT + 6;
  header.eachCell({ includeEmpty: true }, (cell) => {
    cell.font = { name: FONT_HEADER, size: 11, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
  });
  ws.views = [{ state: "frozen", ySplit: header.number, xSplit: 0 }];
  ws.pageSetup.printTitlesRow = `${header.number}:${header.number}`;

  // ── Body ──
  for (const r of layoutRows(spec, input.applications)) {
    const values: CellValue[] =
      r.kind === "group"
        ? [r.group.marker, r.group.label, ...Array<CellValue>(Math.max(0, ncol - 2)).fill(undefined)]
        : columns.map((c) => c.value(r.app, r.position));
    const row = ws.addRow(values.map((v) => (typeof v === "string" ? cleanText(v) : v ?? null)));
    let lines = 1;
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const v = values[i];
      cell.font = { name: FONT_BODY, size: 11, bold: r.kind === "group" };
      cell.border = BORDER;
      const horizontal = r.kind === "group" ? (i === 0 ? "center" : "left") : c.align ?? (typeof v === "number" ? "right" : "left");
      cell.alignment = { horizontal, vertical: "middle", wrapText: true };
      if (typeof v === "number" && c.numFmt) cell.numFmt = c.numFmt;
      if (typeof v === "string") lines = Math.max(lines, linesIn(v, c.width));
    });
    row.height = lines * LINE_HEIGHT + 6;
  }

  // ── Notes ──
  for (const note of spec.notes ?? []) fullWidthLine(note, { name: FONT_BODY, size: 10.5 }, "left");

  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
