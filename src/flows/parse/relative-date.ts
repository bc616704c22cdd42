/**
 * Dates said relative to today (「今天」「上个月」「去年5月」「今年3月10日」), resolved with the
 * injected clock's day. The caller confirms the result with the user before saving it.
 */
export interface RelativeDate {
  /** "YYYY-MM-DD" or "YYYY-MM". */
  value: string;
  precision: "day" | "month";
}

const pad = (n: number) => String(n).padStart(2, "0");
const CN: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

function num(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  if (/^\d{1,2}$/.test(s)) return Number(s);
  return Object.hasOwn(CN, s) ? CN[s] : undefined;
}

function validDay(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** `today` is YYYY-MM-DD. Returns null when the text is not a relative date. */
export function parseRelativeDate(input: string, today: string): RelativeDate | null {
  const m0 = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!m0) return null;
  const [y, mo, d] = [Number(m0[1]), Number(m0[2]), Number(m0[3])];
  const s = input.trim().replace(/[\s。.!！]+$/u, "").replace(/^(?:是|在|于)/u, "").replace(/(?:的时候|左右|份)$/u, "");
  const shift = (days: number) => {
    const t = new Date(Date.UTC(y, mo - 1, d + days));
    return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  };
  if (/^(今天|今日)$/u.test(s)) return { value: today, precision: "day" };
  if (/^(昨天|昨日)$/u.test(s)) return { value: shift(-1), precision: "day" };
  if (/^前天$/u.test(s)) return { value: shift(-2), precision: "day" };
  if (/^(本月|这个月|当月)$/u.test(s)) return { value: `${y}-${pad(mo)}`, precision: "month" };
  if (/^(上个月|上月)$/u.test(s)) {
    const t = new Date(Date.UTC(y, mo - 2, 1));
    return { value: `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`, precision: "month" };
  }
  const m = /^(今年|去年|前年)(\d{1,2}|十[一二]?|[一二两三四五六七八九])月(?:(\d{1,2})[日号])?$/u.exec(s);
  if (!m) return null;
  const year = y - ({ 今年: 0, 去年: 1, 前年: 2 } as Record<string, number>)[m[1]!]!;
  const month = num(m[2]);
  if (month === undefined || month < 1 || month > 12) return null;
  if (m[3] === undefined) return { value: `${year}-${pad(month)}`, precision: "month" };
  const day = Number(m[3]);
  return validDay(year, month, day) ? { value: `${year}-${pad(month)}-${pad(day)}`, precision: "day" } : null;
}
