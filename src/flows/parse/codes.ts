/** Every error code any parser in this folder can return. texts.ts must cover all of them. */
import { COUNT_ERROR_CODES } from "./count.ts";
import { CREDIT_CODE_ERROR_CODES } from "./credit-code.ts";
import { DATE_ERROR_CODES } from "./date.ts";
import { EMAIL_ERROR_CODES } from "./email.ts";
import { MONEY_ERROR_CODES } from "./money.ts";
import { PERCENT_ERROR_CODES } from "./percent.ts";
import { PHONE_ERROR_CODES } from "./phone.ts";
import type { ParseFail } from "./result.ts";

export const PARSE_ERROR_CODES = [
  ...MONEY_ERROR_CODES,
  ...CREDIT_CODE_ERROR_CODES,
  ...PHONE_ERROR_CODES,
  ...EMAIL_ERROR_CODES,
  ...DATE_ERROR_CODES,
  ...COUNT_ERROR_CODES,
  ...PERCENT_ERROR_CODES,
] as const;
export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

/** A failure from any parser here. */
export type ParseFailure = ParseFail<ParseErrorCode>;

const CODE_SET: ReadonlySet<string> = new Set(PARSE_ERROR_CODES);
export function isParseErrorCode(code: unknown): code is ParseErrorCode {
  return typeof code === "string" && CODE_SET.has(code);
}
