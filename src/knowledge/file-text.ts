import path from "node:path";

/**
 * The text of a notice file as bureaus publish it: UTF-8 .txt/.md, a PDF's text layer,
 * Word .docx (mammoth) or .doc (word-extractor). Tables come out one row per line with
 * cells joined by 「 | 」, as the notice parser reads them.
 */
export type FileTextError = "NOT_TEXT" | "SCANNED_PDF" | "BAD_DOCUMENT";

export class FileTextFailure extends Error {
  constructor(
    readonly code: FileTextError,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type NoticeFormat = "text" | "pdf" | "docx" | "doc";

export function formatOf(file: string, bytes: Buffer): NoticeFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".pdf" || bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (ext === ".docx") return "docx";
  if (ext === ".doc") return "doc";
  return "text";
}

export async function fileText(file: string, bytes: Buffer): Promise<string> {
  switch (formatOf(file, bytes)) {
    case "pdf":
      return pdfText(bytes);
    case "docx":
      return docxText(bytes);
    case "doc":
      return docText(bytes);
    default:
      return utf8Text(bytes);
  }
}

function utf8Text(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (err) {
    throw new FileTextFailure("NOT_TEXT", "not UTF-8 text", { cause: err });
  }
  if (text.includes("\u0000")) throw new FileTextFailure("NOT_TEXT", "contains NUL bytes");
  return text;
}

interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface PdfLine {
  text: string;
  /** Left and right edges of the line's text. */
  x0: number;
  x1: number;
  /** Width of one character of the line. */
  charWidth: number;
  /** Cells set apart by wide gaps (a table row). */
  cells: boolean;
  /** Font size: the width of a full-width (CJK) character. */
  size: number;
}

/** One line per baseline; a wide gap between runs is a table cell boundary. */
function pdfLines(items: PdfItem[]): PdfLine[] {
  const rows: PdfItem[][] = [];
  for (const it of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - it.y) <= Math.max(2, it.height * 0.4)) row.push(it);
    else rows.push([it]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    let line = "";
    let end: number | null = null;
    let cells = false;
    let chars = 0;
    for (const it of row) {
      const charWidth = it.str.length > 0 ? it.width / it.str.length : it.height;
      if (end !== null && it.x - end > Math.max(charWidth, it.height) * 2) {
        line += " | ";
        cells = true;
      }
      line += it.str;
      chars += [...it.str].length;
      end = it.x + it.width;
    }
    const x0 = row[0]!.x;
    const x1 = end ?? x0;
    return { text: line.trimEnd(), x0, x1, charWidth: Math.max(1, chars > 0 ? (x1 - x0) / chars : row[0]!.height), cells, size: Math.max(1, ...row.map((it) => it.height)) };
  });
}

/** A line that starts a heading, a list item, an annex or a signature date: never the continuation of a wrapped line. */
const STARTS_BLOCK = /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、](?!\d)|附件|附表|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$)/;

/** Width of what a line starts with that the layout does not break: a run of Latin letters and digits (half width each) or one character. */
function firstTokenWidth(line: PdfLine): number {
  const run = /^[A-Za-z0-9.%@:/_-]+/.exec(line.text)?.[0];
  return run ? run.length * 0.55 * line.size : line.size;
}

/**
 * A page's lines as paragraphs: a line that runs to the right margin of the page's text (the next
 * line's first word would not have fitted after it), followed by
 * a line starting at the left margin (no first-line indent) that opens no heading or list item, was
 * wrapped by the layout and continues on the next line (「…营业收入不低于」 + 「8000 万元。」). Table rows,
 * indented lines and short lines keep their breaks.
 */
function reflow(lines: PdfLine[]): string[] {
  const body = lines.filter((l) => !l.cells && l.text.length > 0);
  if (body.length < 3) return lines.map((l) => l.text);
  // The right margin: where most long lines end (a title or a line of a pre-broken text may stick out).
  const ends = body.filter((l) => [...l.text].length >= 8).map((l) => l.x1).sort((a, b) => a - b);
  if (ends.length < 3) return lines.map((l) => l.text);
  const right = ends[Math.floor(ends.length * 0.75)]!;
  const left = Math.min(...body.map((l) => l.x0));
  const out: string[] = [];
  let joining = false;
  lines.forEach((line, i) => {
    if (joining) out[out.length - 1] += line.text;
    else out.push(line.text);
    const next = lines[i + 1];
    joining =
      !!next &&
      !line.cells &&
      !next.cells &&
      line.x1 + firstTokenWidth(next) >= right - 2 * line.size &&
      line.x1 <= right + 2 * line.size &&
      // A sentence, an addressee line or a title ends its paragraph.
      !/[。！？：:；;]$|(通知|决定|意见|办法|细则|方案|指南|公告)$/.test(line.text) &&
      next.x0 <= left + 0.5 * next.charWidth &&
      !STARTS_BLOCK.test(next.text);
  });
  return out;
}

async function pdfText(bytes: Buffer): Promise<string> {
  const { getDocumentProxy } = await import("unpdf");
  let pages: string[];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    pages = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items = (content.items as Array<{ str?: string; transform?: number[]; width?: number; height?: number }>)
        .filter((i) => typeof i.str === "string" && i.str.trim() !== "" && i.transform)
        .map((i) => ({ str: i.str!, x: i.transform![4]!, y: i.transform![5]!, width: i.width ?? 0, height: i.height ?? 10 }));
      pages.push(reflow(pdfLines(items)).join("\n"));
    }
    await pdf.destroy();
  } catch (err) {
    throw new FileTextFailure("BAD_DOCUMENT", "PDF could not be read", { cause: err });
  }
  const text = pages.join("\n\n");
  // No characters at all: a scan (images only). OCR is out of scope; the staff must supply text.
  if (!/[\p{L}\p{N}]/u.test(text)) throw new FileTextFailure("SCANNED_PDF", "PDF has no text layer");
  return text;
}

const decodeEntities = (s: string) =>
  s.replace(/&nbsp;/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** mammoth's HTML → lines: paragraphs and headings one per line, table rows as 「a | b | c」. */
export function htmlToLines(html: string): string {
  const text = html
    .replace(/<tr[^>]*>([\s\S]*?)<\/tr>/gi, (_, row: string) => {
      const cells = [...row.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((m) =>
        m[1]!.replace(/<\/p>\s*<p[^>]*>/gi, " ").replace(/<[^>]+>/g, "").trim(),
      );
      return `\n${cells.join(" | ")}\n`;
    })
    .replace(/<\/(p|h[1-6]|li|table)>/gi, "\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, "");
  return decodeEntities(text)
    .split("\n")
    .map((l) => l.trim())
    .filter((l, i, all) => l !== "" || (i > 0 && all[i - 1] !== ""))
    .join("\n");
}

async function docxText(bytes: Buffer): Promise<string> {
  const mammoth = await import("mammoth");
  try {
    const { value } = await mammoth.convertToHtml({ buffer: bytes });
    return htmlToLines(value);
  } catch (err) {
    throw new FileTextFailure("BAD_DOCUMENT", ".docx could not be read", { cause: err });
  }
}

async function docText(bytes: Buffer): Promise<string> {
  const { default: WordExtractor } = await import("word-extractor");
  try {
    const doc = await new WordExtractor().extract(bytes);
    // Word 97 tables: cells end with a tab-like cell mark, rows with a line break.
    return doc
      .getBody()
      .split("\n")
      .map((l) => l.replace(/\t+$/, "").replace(/\t/g, " | ").trim())
      .join("\n");
  } catch (err) {
    throw new FileTextFailure("BAD_DOCUMENT", ".doc could not be read", { cause: err });
  }
}
