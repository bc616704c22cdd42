/**
 * Whole-number counts with the measure words people add: 300家, 1万套, 1.5万, 一千, 200人.
 * Used for headcounts, numbers of enterprises, devices, sets (台套) and similar KPI fields.
 */
import { compareDecimal, decimalFromInt, decimalToNumber, isIntegerDecimal } from "./decimal.ts";
import { scanQuantity } from "./numeral.ts";
import { fail, type ParseResult } from "./result.ts";

export const COUNT_ERROR_CODES = [
  "COUNT_EMPTY",
  "COUNT_NOT_A_NUMBER",
  "COUNT_NEGATIVE",
  "COUNT_NOT_INTEGER",
  "COUNT_APPROXIMATE",
  "COUNT_RANGE",
  "COUNT_MULTIPLE",
  "COUNT_AMBIGUOUS",
  "COUNT_WRONG_UNIT",
  "COUNT_TOO_LARGE",
] as const;
export type CountErrorCode = (typeof COUNT_ERROR_CODES)[number];

/** Measure words accepted when the caller does not list its own. */
export const DEFAULT_COUNT_UNITS: readonly string[] = [
  "个", "家", "户", "套", "台", "台套", "件", "项", "名", "人", "位", "条", "款", "种",
  "次", "座", "栋", "间", "张", "辆", "批", "场", "所", "处", "只", "支", "部", "份",
];

export interface CountOptions {
  /**
   * Measure words allowed after the number (a bare number is always allowed). Defaults to
   * DEFAULT_COUNT_UNITS; pass e.g. ["人", "名"] for a headcount field.
   */
  readonly units?: readonly string[];
  /** Largest accepted count; default Number.MAX_SAFE_INTEGER. */
  readonly max?: number;
}

export type CountResult = ParseResult<number, CountErrorCode>;

export function parseCount(input: string, options: CountOptions = {}): CountResult {
  const scanned = scanQuantity(input);
  if (!scanned.ok) {
    switch (scanned.kind) {
      case "EMPTY":
        return fail("COUNT_EMPTY");
      case "APPROXIMATE":
        return fail("COUNT_APPROXIMATE");
      case "RANGE":
        return fail("COUNT_RANGE");
      case "MULTIPLE":
        return fail("COUNT_MULTIPLE");
      case "AMBIGUOUS":
        return fail("COUNT_AMBIGUOUS");
      case "NOT_A_NUMBER":
        return fail("COUNT_NOT_A_NUMBER");
    }
  }
  if (scanned.negative) return fail("COUNT_NEGATIVE");
  if (scanned.prefix !== "") return fail("COUNT_NOT_A_NUMBER");
  const units = options.units ?? DEFAULT_COUNT_UNITS;
  if (scanned.suffix !== "" && !units.includes(scanned.suffix)) {
    return fail("COUNT_WRONG_UNIT", { unit: scanned.suffix });
  }
  if (!isIntegerDecimal(scanned.value)) return fail("COUNT_NOT_INTEGER");
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  if (compareDecimal(scanned.value, decimalFromInt(BigInt(Math.floor(max)))) > 0) return fail("COUNT_TOO_LARGE");
  return { ok: true, value: decimalToNumber(scanned.value) };
}
