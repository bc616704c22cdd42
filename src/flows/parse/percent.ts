/**
 * Percentages for KPI fields: 12.5%, 12.5 (a bare number is taken as percent points, i.e.
 * the same as 12.5%), 百分之十二点五, and negative values (-3%, 负3%) only when the field
 * allows them (e.g. growth rates). The value returned is in percent points: 12.5, not 0.125.
 */
import { decimalToNumber } from "./decimal.ts";
import { normalizeInput } from "./normalize.ts";
import { scanQuantity } from "./numeral.ts";
import { fail, type ParseResult } from "./result.ts";

export const PERCENT_ERROR_CODES = [
  "PERCENT_EMPTY",
  "PERCENT_NOT_A_NUMBER",
  "PERCENT_NEGATIVE",
  "PERCENT_APPROXIMATE",
  "PERCENT_RANGE",
  "PERCENT_MULTIPLE",
  "PERCENT_WRONG_UNIT",
  "PERCENT_OUT_OF_RANGE",
] as const;
export type PercentErrorCode = (typeof PERCENT_ERROR_CODES)[number];

export interface PercentOptions {
  /** Accept -3% / 负3% (growth rates). Default false. */
  readonly allowNegative?: boolean;
  /** Inclusive bounds in percent points, e.g. { min: 0, max: 100 } for a share. */
  readonly min?: number;
  readonly max?: number;
}

export type PercentResult = ParseResult<number, PercentErrorCode>;

export function parsePercent(input: string, options: PercentOptions = {}): PercentResult {
  let s = normalizeInput(input);
  if (s === "") return fail("PERCENT_EMPTY");
  // 百分之 must go before scanning: its 百 would otherwise read as a hundred.
  const spoken = /^(-|负)?\s*百分之/.exec(s);
  if (spoken) s = `${spoken[1] ?? ""}${s.slice(spoken[0].length)}`;

  const scanned = scanQuantity(s);
  if (!scanned.ok) {
    switch (scanned.kind) {
      case "EMPTY":
        return fail("PERCENT_EMPTY");
      case "APPROXIMATE":
        return fail("PERCENT_APPROXIMATE");
      case "RANGE":
        return fail("PERCENT_RANGE");
      case "MULTIPLE":
        return fail("PERCENT_MULTIPLE");
      case "AMBIGUOUS":
      case "NOT_A_NUMBER":
        return fail("PERCENT_NOT_A_NUMBER");
    }
  }
  if (scanned.prefix !== "") return fail("PERCENT_NOT_A_NUMBER");
  if (scanned.hasBigUnit) return fail("PERCENT_NOT_A_NUMBER"); // 12万%
  const suffixOk = spoken ? scanned.suffix === "" : scanned.suffix === "" || scanned.suffix === "%";
  if (!suffixOk) return fail("PERCENT_WRONG_UNIT", { unit: scanned.suffix });
  if (scanned.negative && !options.allowNegative) return fail("PERCENT_NEGATIVE");

  const magnitude = decimalToNumber(scanned.value);
  const value = scanned.negative && magnitude !== 0 ? -magnitude : magnitude;
  const { min, max } = options;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const params: Record<string, number> = {};
    if (min !== undefined) params.min = min;
    if (max !== undefined) params.max = max;
    return fail("PERCENT_OUT_OF_RANGE", params);
  }
  return { ok: true, value };
}
