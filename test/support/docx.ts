/**
 * Opens a generated .docx for assertions: unzips it (fflate, the zip library `docx` itself
 * depends on) and reads word/document.xml, word/styles.xml and word/footnotes.xml with a small
 * XML reader (elements, attributes, text, the five entities and numeric references).
 */
import { strFromU8, unzipSync } from "fflate";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith("#x") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!,
  );
}

/** A minimal XML parser: enough for WordprocessingML parts (no DTDs, CDATA kept as text). */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: "#root", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const re = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const top = stack[stack.length - 1]!;
    if (m[1] !== undefined) top.children.push(m[1]);
    else if (m[6] !== undefined) top.children.push(decode(m[6]));
    else if (m[3] !== undefined) {
      if (m[2] === "/") {
        if (stack.length > 1) stack.pop();
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of (m[4] ?? "").matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]!] = decode(a[2] ?? a[3] ?? "");
      const el: XmlElement = { name: m[3], attrs, children: [] };
      top.children.push(el);
      if (m[5] !== "/") stack.push(el);
    }
  }
  return root;
}

const isEl = (n: XmlNode): n is XmlElement => typeof n !== "string";

/** Descendants named `name`, in document order; `stopAt` names are not descended into. */
export function all(el: XmlElement, name: string, stopAt: readonly string[] = []): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (!isEl(c)) continue;
      if (c.name === name) out.push(c);
      if (!stopAt.includes(c.name)) walk(c);
    }
  };
  walk(el);
  return out;
}

const first = (el: XmlElement, name: string): XmlElement | undefined => all(el, name)[0];

/** A paragraph's text: w:t, w:tab as a tab, w:br / w:cr as a newline (not inside nested paragraphs). */
export function paragraphText(p: XmlElement): string {
  let out = "";
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (!isEl(c)) continue;
      if (c.name === "w:t") out += c.children.filter((x): x is string => typeof x === "string").join("");
      else if (c.name === "w:tab") out += "\t";
      else if (c.name === "w:br" || c.name === "w:cr") out += "\n";
      else if (c.name !== "w:p" && c.name !== "w:rPr" && c.name !== "w:pPr") walk(c);
    }
  };
  walk(p);
  return out;
}

/** A cell's text: its paragraphs (nested tables' included) joined by newlines. */
const cellText = (tc: XmlElement): string => all(tc, "w:p").map(paragraphText).join("\n");

export interface DocxParagraph {
  text: string;
  /** w:pStyle, e.g. "Heading1". */
  style?: string;
}

export interface DocxContent {
  /** Part names in the zip. */
  files: string[];
  /** Every paragraph in document order, table cells included. */
  paragraphs: string[];
  /** `paragraphs` joined by newlines: for `toContain`. */
  text: string;
  /** Paragraphs directly in the body (not in tables), with their style. */
  body: DocxParagraph[];
  /** Every table (nested ones too, after their parent), as rows of cell texts. Cells merged down
   * (w:vMerge continue) are "" in the rows below. */
  tables: string[][][];
  /** w:pgSz of each section (w:w, w:h in twips). */
  pageSizes: { width: number; height: number }[];
  /** Distinct w:rFonts names over document.xml and styles.xml. */
  fonts: { eastAsia: string[]; ascii: string[] };
  /** Fonts and size (half-points) of each paragraph style with run properties, by style id. */
  styles: Record<string, { eastAsia?: string; ascii?: string; size?: number }>;
  /** The footnotes' texts (word/footnotes.xml, separators left out). */
  footnotes: string[];
  documentXml: string;
  stylesXml: string;
}

export function openDocx(bytes: Uint8Array): DocxContent {
  const zip = unzipSync(bytes instanceof Buffer ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes);
  const part = (name: string) => (zip[name] ? strFromU8(zip[name]!) : "");
  const documentXml = part("word/document.xml");
  if (!documentXml) throw new Error("not a .docx: word/document.xml missing");
  const stylesXml = part("word/styles.xml");
  const doc = parseXml(documentXml);
  const styles = parseXml(stylesXml);
  const body = first(doc, "w:body");
  if (!body) throw new Error("word/document.xml has no w:body");

  const tables = all(body, "w:tbl").map((tbl) =>
    all(tbl, "w:tr", ["w:tbl"]).map((tr) => all(tr, "w:tc", ["w:tbl"]).map(cellText)),
  );

  const fonts = { eastAsia: new Set<string>(), ascii: new Set<string>() };
  for (const root of [doc, styles]) {
    for (const f of all(root, "w:rFonts")) {
      if (f.attrs["w:eastAsia"]) fonts.eastAsia.add(f.attrs["w:eastAsia"]);
      if (f.attrs["w:ascii"]) fonts.ascii.add(f.attrs["w:ascii"]);
    }
  }

  const styleInfo: DocxContent["styles"] = {};
  const defaults = first(styles, "w:rPrDefault");
  const info = (rPr: XmlElement | undefined) => {
    const f = rPr && first(rPr, "w:rFonts");
    const sz = rPr && first(rPr, "w:sz");
    return {
      ...(f?.attrs["w:eastAsia"] ? { eastAsia: f.attrs["w:eastAsia"] } : {}),
      ...(f?.attrs["w:ascii"] ? { ascii: f.attrs["w:ascii"] } : {}),
      ...(sz?.attrs["w:val"] ? { size: Number(sz.attrs["w:val"]) } : {}),
    };
  };
  if (defaults) styleInfo["#default"] = info(defaults);
  for (const s of all(styles, "w:style")) {
    const id = s.attrs["w:styleId"];
    const rPr = s.children.find((c): c is XmlElement => isEl(c) && c.name === "w:rPr");
    if (id && rPr) styleInfo[id] = info(rPr);
  }

  const footnotesXml = part("word/footnotes.xml");
  const footnotes = footnotesXml
    ? all(parseXml(footnotesXml), "w:footnote")
        .filter((f) => !f.attrs["w:type"] || f.attrs["w:type"] === "normal")
        .map((f) => all(f, "w:p").map(paragraphText).join("\n").trim())
    : [];

  const paragraphs = all(body, "w:p").map(paragraphText);
  return {
    files: Object.keys(zip),
    paragraphs,
    text: paragraphs.join("\n"),
    body: body.children.filter((c): c is XmlElement => isEl(c) && c.name === "w:p").map((p) => {
      const style = first(p, "w:pStyle")?.attrs["w:val"];
      return { text: paragraphText(p), ...(style ? { style } : {}) };
    }),
    tables,
    pageSizes: all(body, "w:pgSz").map((s) => ({ width: Number(s.attrs["w:w"]), height: Number(s.attrs["w:h"]) })),
    fonts: { eastAsia: [...fonts.eastAsia], ascii: [...fonts.ascii] },
    styles: styleInfo,
    footnotes,
    documentXml,
    stylesXml,
  };
}

/** `openDocx`, for callers that read the file asynchronously anyway. */
export async function readDocx(bytes: Uint8Array): Promise<DocxContent> {
  return openDocx(bytes);
}

/**
 * The cells after the first cell whose text is `label` (trimmed), in any table: for a row
 * 「统一社会信用代码 | 9135… | 成立时间 | 2008年5月20日」, `rowAfter(doc, "统一社会信用代码")` is
 * ["9135…", "成立时间", "2008年5月20日"]. Undefined when no cell has that text.
 */
export function rowAfter(doc: Pick<DocxContent, "tables">, label: string): string[] | undefined {
  for (const table of doc.tables) {
    for (const row of table) {
      const i = row.findIndex((c) => c.trim() === label);
      if (i >= 0) return row.slice(i + 1);
    }
  }
  return undefined;
}

/** The first table whose first row's cells include `header`. */
export function tableWithHeader(doc: Pick<DocxContent, "tables">, header: string): string[][] | undefined {
  return doc.tables.find((t) => t[0]?.some((c) => c.trim() === header));
}

/** Index of the first paragraph equal to (or, with a RegExp, matching) `what`; -1 when none. */
export function indexOfParagraph(doc: Pick<DocxContent, "paragraphs">, what: string | RegExp): number {
  return doc.paragraphs.findIndex((p) => (typeof what === "string" ? p.trim() === what : what.test(p)));
}
