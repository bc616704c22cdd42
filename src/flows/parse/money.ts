/**
 * Amounts of money as people type them in chat, converted to 万元 (10,000 yuan), the unit
 * every industrial-policy notice uses for revenue, investment and subsidy thresholds.
 *
 * Accepted: 3000万, 3000万元, 3千万, 三千万元, 1.2亿, 1亿2千万, 一亿两千万, 8,000万元,
 * 30000000元, 3000 万, 两个亿, 2个亿, 0.5亿元, 十万, 一百二十万, 500千元, 3000w, ¥3000,
 * 人民币3000万元, full-width digits. A bare number (1500) is read in `defaultUnit` and
 * rejected when the caller gives none.
 *
 * Only RMB: any foreign currency (3000万美元, $500万, 500万港币) is rejected rather than
 * converted, since conversion needs a rate and date that a chat answer does not carry.
 */
import {
  compareDecimal,
  decimalFromInt,
  decimalToNumber,
  decimalToString,
  shiftDecimal,
  type Decimal,
} from "./decimal.ts";
import { normalizeInput } from "./normalize.ts";
import { scanQuantity } from "./numeral.ts";
import { fail, type ParseResult } from "./result.ts";

export const MONEY_ERROR_CODES = [
  "MONEY_EMPTY",
  "MONEY_NOT_A_NUMBER",
  "MONEY_NEGATIVE",
  "MONEY_APPROXIMATE",
  "MONEY_RANGE",
  "MONEY_MULTIPLE",
  "MONEY_AMBIGUOUS",
  "MONEY_NEEDS_UNIT",
  "MONEY_NOT_RMB",
  "MONEY_WRONG_UNIT",
  "MONEY_TOO_LARGE",
] as const;
export type MoneyErrorCode = (typeof MONEY_ERROR_CODES)[number];

export interface MoneyOptions {
  /**
   * Unit of a bare number such as 「1500」 or 「3千」 (no 万/亿/元 written). Leave unset
   * when the question did not name a unit: the parser then asks for one.
   */
  readonly defaultUnit?: "wan" | "yuan";
  /** Largest accepted amount in 万元; default 1e9 (10 万亿元). */
  readonly maxWan?: number;
}

export interface MoneyExtra {
  /** The exact amount in 万元 as a plain decimal string, e.g. "12000", "0.3". */
  readonly exact: string;
}

/** `value` is in 万元. */
export type MoneyResult = ParseResult<number, MoneyErrorCode, MoneyExtra>;

export const DEFAULT_MAX_WAN = 1e9;

const FOREIGN_CURRENCY =
  /美元|美金|欧元|英镑|日元|日币|港元|港币|澳元|澳币|加元|韩元|卢布|新台币|台币|新加坡元|瑞郎|外币|[\d万亿千百十wW]\s*刀|\$|€|£|\b(?:USD|EUR|HKD|JPY|GBP|AUD|CAD|SGD|TWD|KRW)\b/i;
const RMB_PREFIX = /^(?:人民币|RMB|CNY)?¥?$/i;
const RMB_SUFFIX = /^(?:(元|圆|块钱|块)整?)?(?:人民币|RMB|CNY)?$/i;

export function parseMoneyWan(input: string, options: MoneyOptions = {}): MoneyResult {
  const s = normalizeInput(input);
  if (s === "") return fail("MONEY_EMPTY");
  if (FOREIGN_CURRENCY.test(s)) return fail("MONEY_NOT_RMB");

  const scanned = scanQuantity(s);
  if (!scanned.ok) {
    switch (scanned.kind) {
      case "EMPTY":
        return fail("MONEY_EMPTY");
      case "APPROXIMATE":
        return fail("MONEY_APPROXIMATE");
      case "RANGE":
        return fail("MONEY_RANGE");
      case "MULTIPLE":
        return fail("MONEY_MULTIPLE");
      case "AMBIGUOUS":
        return fail("MONEY_AMBIGUOUS");
      case "NOT_A_NUMBER":
        return fail("MONEY_NOT_A_NUMBER");
    }
  }
  if (scanned.negative) return fail("MONEY_NEGATIVE");
  if (!RMB_PREFIX.test(scanned.prefix)) return fail("MONEY_NOT_A_NUMBER");
  const suffix = RMB_SUFFIX.exec(scanned.suffix);
  if (!suffix) return fail("MONEY_WRONG_UNIT", { unit: scanned.suffix });

  // Yuan scale whenever the amount names its own scale: 万/亿, 元/块, or the ¥ sign.
  const explicitYuan = suffix[1] !== undefined || scanned.prefix.includes("¥");
  let wan: Decimal;
  if (scanned.hasBigUnit || explicitYuan) wan = shiftDecimal(scanned.value, -4);
  else if (options.defaultUnit === "wan") wan = scanned.value;
  else if (options.defaultUnit === "yuan") wan = shiftDecimal(scanned.value, -4);
  else return fail("MONEY_NEEDS_UNIT");

  const max = options.maxWan ?? DEFAULT_MAX_WAN;
  if (compareDecimal(wan, maxAsDecimal(max)) > 0) return fail("MONEY_TOO_LARGE");
  return { ok: true, value: decimalToNumber(wan), exact: decimalToString(wan) };
}

function maxAsDecimal(max: number): Decimal {
  if (Number.isInteger(max)) return decimalFromInt(BigInt(max));
  return shiftDecimal(decimalFromInt(BigInt(Math.round(max * 1e6))), -6);
}
