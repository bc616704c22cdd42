/**
 * Calendar dates as typed in chat: 2024年5月30日, 2024年5月30号, 2024-05-30, 2024/5/30,
 * 2024.5.30, 20240530, 二〇二五年三月二十一日, month precision 2024年5月 / 2024-05, and
 * dates without a year (5月30日, 5/30) when the caller passes `referenceYear`.
 * Calendar validity is checked (2月30日, 2023年2月29日 are rejected).
 *
 * Not accepted: two-digit years (24年5月: which century is obvious to people but the
 * parser refuses to guess — it asks for four digits), day-first orders (30/5/2024), times
 * of day, and year-only input.
 */
import { normalizeInput } from "./normalize.ts";
import { fail, type ParseResult } from "./result.ts";

export const DATE_ERROR_CODES = [
  "DATE_EMPTY",
  "DATE_INVALID_FORMAT",
  "DATE_NEEDS_YEAR",
  "DATE_TWO_DIGIT_YEAR",
  "DATE_NEEDS_MONTH",
  "DATE_NEEDS_DAY",
  "DATE_INVALID_MONTH",
  "DATE_INVALID_DAY",
  "DATE_YEAR_OUT_OF_RANGE",
] as const;
export type DateErrorCode = (typeof DATE_ERROR_CODES)[number];

export type DatePrecision = "day" | "month";

export interface DateOptions {
  /** Year used when the input has none (5月30日). Without it such input fails with DATE_NEEDS_YEAR. */
  readonly referenceYear?: number;
  /** Reject month-precision input (2024年5月) with DATE_NEEDS_DAY. */
  readonly requireDay?: boolean;
  /** Accepted years, inclusive; default 1900–2100. */
  readonly minYear?: number;
  readonly maxYear?: number;
}

export interface DateExtra {
  readonly precision: DatePrecision;
  readonly year: number;
  readonly month: number;
  /** Present when precision is "day". */
  readonly day?: number;
}

/** `value` is "YYYY-MM-DD" (precision "day") or "YYYY-MM" (precision "month"). */
export type DateResult = ParseResult<string, DateErrorCode, DateExtra>;

const CN_DIGIT: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, "○": 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 1–2 Arabic digits, or a Chinese numeral up to 三十九: 五, 十, 十二, 二十一, 三十一. */
function smallInt(s: string): number | undefined {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  const single = CN_DIGIT[s];
  if (single !== undefined && single > 0 && s.length === 1) return single;
  const m = /^([一二三])?十([一二三四五六七八九])?$/u.exec(s);
  if (!m) return undefined;
  const tens = m[1] === undefined ? 1 : (CN_DIGIT[m[1]] ?? 0);
  const ones = m[2] === undefined ? 0 : (CN_DIGIT[m[2]] ?? 0);
  return tens * 10 + ones;
}

type YearParse = { year: number } | { error: "DATE_TWO_DIGIT_YEAR" | "DATE_INVALID_FORMAT" };

/** 2024, or positional Chinese digits 二〇二五 / 二零二五. */
function parseYear(s: string): YearParse {
  if (/^\d{4}$/.test(s)) return { year: Number(s) };
  if (/^\d{2}$/.test(s)) return { error: "DATE_TWO_DIGIT_YEAR" };
  const chars = Array.from(s);
  if (chars.every((c) => c in CN_DIGIT)) {
    if (chars.length === 4) return { year: Number(chars.map((c) => CN_DIGIT[c]).join("")) };
    if (chars.length === 2) return { error: "DATE_TWO_DIGIT_YEAR" };
  }
  return { error: "DATE_INVALID_FORMAT" };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

interface RawDate {
  yearText: string | undefined;
  monthText: string;
  dayText: string | undefined;
}

function splitInput(s: string): RawDate | "YEAR_ONLY" | undefined {
  const cn = /^(?:([^年月日号]+)年)?([^年月日号]+)月(?:([^年月日号]+)[日号]?)?$/u.exec(s);
  if (cn) return { yearText: cn[1], monthText: cn[2] ?? "", dayText: cn[3] };
  if (/^[^年月日号]+年$/u.test(s)) return "YEAR_ONLY";
  const noYear = /^(\d{1,2})([-/.])(\d{1,2})$/.exec(s);
  if (noYear) return { yearText: undefined, monthText: noYear[1] ?? "", dayText: noYear[3] };
  const withYear = /^(\d{4}|\d{2})([-/.])(\d{1,2})(?:\2(\d{1,2}))?$/.exec(s);
  // Two-digit year and month only ("24/5") was taken as month/day above.
  if (withYear) return { yearText: withYear[1], monthText: withYear[3] ?? "", dayText: withYear[4] };
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) return { yearText: compact[1], monthText: compact[2] ?? "", dayText: compact[3] };
  return undefined;
}

export function parseDate(input: string, options: DateOptions = {}): DateResult {
  const s = normalizeInput(input).replace(/\s+/g, "").replace(/[。.]$/u, "");
  if (s === "") return fail("DATE_EMPTY");
  const raw = splitInput(s);
  if (raw === "YEAR_ONLY") return fail("DATE_NEEDS_MONTH");
  if (raw === undefined) return fail("DATE_INVALID_FORMAT");

  const month = smallInt(raw.monthText);
  const day = raw.dayText === undefined ? undefined : smallInt(raw.dayText);
  if (month === undefined || (raw.dayText !== undefined && day === undefined)) return fail("DATE_INVALID_FORMAT");

  // Checked before the year so that "13/5" is not answered with "which year?".
  if (month < 1 || month > 12) return fail("DATE_INVALID_MONTH", { month });

  let year: number;
  if (raw.yearText === undefined) {
    if (options.referenceYear === undefined) return fail("DATE_NEEDS_YEAR");
    year = options.referenceYear;
  } else {
    const y = parseYear(raw.yearText);
    if ("error" in y) return fail(y.error);
    year = y.year;
  }
  const minYear = options.minYear ?? 1900;
  const maxYear = options.maxYear ?? 2100;
  if (year < minYear || year > maxYear) return fail("DATE_YEAR_OUT_OF_RANGE", { min: minYear, max: maxYear });

  if (day === undefined) {
    if (options.requireDay) return fail("DATE_NEEDS_DAY");
    return { ok: true, value: `${pad(year, 4)}-${pad(month, 2)}`, precision: "month", year, month };
  }
  if (day < 1 || day > daysInMonth(year, month)) return fail("DATE_INVALID_DAY", { year, month, day });
  return { ok: true, value: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`, precision: "day", year, month, day };
}
