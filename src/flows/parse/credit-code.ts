/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 *   position 1      registration authority code (登记管理部门代码)
 *   position 2      organization type (机构类别代码)
 *   positions 3–8   administrative division code (登记管理机关行政区划码), digits only
 *   positions 9–17  organization code (主体标识码 / 组织机构代码)
 *   position 18     check character over positions 1–17
 *
 * Characters come from 0-9 and the capital letters without I, O, Z, S, V. The check
 * character is C18 = 31 − (Σ value(Ci)·Wi mod 31), with 31 written as 0.
 *
 * Deliberately not validated: the allowed values of positions 1–2 (the list of
 * registration authorities has grown since 2015, e.g. A for military units, N for
 * agriculture) and the GB 11714 check digit inside positions 9–17 (not guaranteed for
 * every registrant type). The position-18 check already catches typos.
 */
import { toHalfWidth } from "./normalize.ts";
import { fail, type ParseResult } from "./result.ts";

export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
export const CREDIT_CODE_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export const CREDIT_CODE_ERROR_CODES = [
  "CREDIT_CODE_EMPTY",
  "CREDIT_CODE_LENGTH",
  "CREDIT_CODE_CHAR",
  "CREDIT_CODE_DIVISION",
  "CREDIT_CODE_CHECK",
] as const;
export type CreditCodeErrorCode = (typeof CREDIT_CODE_ERROR_CODES)[number];

export interface CreditCodeParts {
  readonly authority: string;
  readonly orgType: string;
  readonly division: string;
  readonly orgCode: string;
  readonly checkChar: string;
}

/** `value` is the normalised 18-character code. */
export type CreditCodeResult = ParseResult<string, CreditCodeErrorCode, { readonly parts: CreditCodeParts }>;

/** Trim, drop spaces and hyphens, full-width to half-width, upper case. */
export function normalizeCreditCode(input: string): string {
  return toHalfWidth(input).replace(/[\s\-_]/g, "").toUpperCase();
}

/**
 * The check character for the first 17 characters (already normalised). Throws on a
 * wrong length or a character outside the charset: this is for fixtures and for code
 * that has validated its input.
 */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`creditCodeCheckChar: expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i] ?? "");
    if (value < 0) throw new RangeError(`creditCodeCheckChar: illegal character at position ${i + 1}`);
    sum += value * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  const check = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET[check === 31 ? 0 : check] ?? "0";
}

export function parseCreditCode(input: string): CreditCodeResult {
  const code = normalizeCreditCode(input);
  if (code === "") return fail("CREDIT_CODE_EMPTY");
  const chars = Array.from(code);
  if (chars.length !== 18) return fail("CREDIT_CODE_LENGTH", { length: chars.length });
  for (let i = 0; i < 18; i += 1) {
    const ch = chars[i] ?? "";
    if (!CREDIT_CODE_CHARSET.includes(ch)) return fail("CREDIT_CODE_CHAR", { position: i + 1, char: ch });
  }
  for (let i = 2; i < 8; i += 1) {
    const ch = chars[i] ?? "";
    if (!/[0-9]/.test(ch)) return fail("CREDIT_CODE_DIVISION", { position: i + 1, char: ch });
  }
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return fail("CREDIT_CODE_CHECK");
  return {
    ok: true,
    value: code,
    parts: {
      authority: code.slice(0, 1),
      orgType: code.slice(1, 2),
      division: code.slice(2, 8),
      orgCode: code.slice(8, 17),
      checkChar: code.slice(17),
    },
  };
}
