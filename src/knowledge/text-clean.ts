/**
 * Clean-up of extraction artifacts in notice text. Wording is never changed: only
 * whitespace the PDF/HTML extraction inserted, markup, and checkbox tags.
 */

const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff";
const CJK_PUNCT = "\\u3000-\\u303f\\uff00-\\uffef“”‘’—…·";
const WIDE = `${CJK}${CJK_PUNCT}`;

// A space next to a CJK character or CJK punctuation is an extraction artifact
// (「不少于 3000 万元」, 「孙 哲」); spaces between two Latin tokens are kept.
const spaceAfterWide = new RegExp(`([${WIDE}])[ \\t\\u00a0\\u3000]+`, "g");
const spaceBeforeWide = new RegExp(`[ \\t\\u00a0\\u3000]+([${WIDE}])`, "g");

export function collapseCjkSpaces(s: string): string {
  return s.replace(spaceAfterWide, "$1").replace(spaceBeforeWide, "$1");
}

/** Strip HTML fragments and markdown emphasis, render checkboxes as ☐. */
export function stripMarkup(s: string): string {
  return s
    .replace(/<input[^>]*type="checkbox"[^>]*checked[^>]*\/?>/gi, "☑")
    .replace(/<input[^>]*type="checkbox"[^>]*\/?>/gi, "☐")
    .replace(/<\/p>\s*<p[^>]*>/gi, "\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/?[a-z][^>]*>/gi, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/\*\*/g, "")
    .replace(/\^\[(\d+)\]/g, "[$1]")
    .replace(/\[image:[^\]]*\]/g, "");
}

const tidy = (s: string) => collapseCjkSpaces(s).replace(/[ \u00a0]{2,}/g, " ").trim();

/** A PDF's table columns: three spaces or more (or two ideographic spaces) between cells. */
const COLUMN_GAP = /[ \u00a0]{3,}|\u3000{2,}/;
/** A text export's box-drawn table: 「│ 等级 │ 标准 │」 rows and rules made only of box-drawing characters. */
const BOX_RULE = /^[\s\u2500-\u257f+\-=|]+$/;
const BOX_BAR = /[│┃║┆┇┊┋]/;

/** A row of three cells or more set apart by runs of spaces, its cells separated by tabs. */
function columnsToTabs(line: string): string {
  if (line.includes("\t")) return line;
  const cells = line.trim().split(COLUMN_GAP);
  return cells.length >= 3 ? cells.join("\t") : line;
}

/** A box-drawn row's cells separated by tabs; a rule line emptied. */
function unboxed(line: string): string {
  if (!/[\u2500-\u257f]/.test(line)) return line;
  if (BOX_RULE.test(line)) return "";
  if (!BOX_BAR.test(line)) return line;
  return line
    .split(/[│┃║┆┇┊┋]/)
    .map((c) => c.trim())
    .filter((c) => c !== "")
    .join("\t");
}

/**
 * Cleans one raw line; table rows become 「a | b | c」 with empty cells dropped: tab-separated rows,
 * and rows of three cells or more a PDF export set apart with runs of spaces.
 */
export function cleanLine(raw: string): string {
  return stripMarkup(raw)
    .split("\n")
    .map(unboxed)
    .map(columnsToTabs)
    .map((line) =>
      line.includes("\t")
        ? line
            .split("\t")
            .map(tidy)
            .filter((c) => c !== "" && !/^-+$/.test(c))
            .join(" | ")
        : tidy(line),
    )
    .join("\n");
}

/**
 * The form used to test that a quote is verbatim: no whitespace, no markdown emphasis,
 * full-width digits and letters folded. Both sides of a comparison go through it.
 */
export function normalizeForMatch(s: string): string {
  return s
    .replace(/\*\*/g, "")
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, "");
}
