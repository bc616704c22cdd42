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

/** One line per baseline; a wide gap between runs is a table cell boundary. */
function pdfLines(items: PdfItem[]): string[] {
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
    for (const it of row) {
      const charWidth = it.str.length > 0 ? it.width / it.str.length : it.height;
      if (end !== null) line += it.x - end > Math.max(charWidth, it.height) * 2 ? " | " : "";
      line += it.str;
      end = it.x + it.width;
    }
    return line.trimEnd();
  });
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
      pages.push(pdfLines(items).join("\n"));
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
