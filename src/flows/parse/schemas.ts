/**
 * zod schemas built on the parsers, for code that validates whole objects with
 * `safeParse`. A failed parse becomes a `custom` issue whose `message` is the error code
 * (English, for logs) and whose `params.parseFailure` holds the failure; read it back with
 * `parseFailureFromZod` and show `parseErrorText(...)` to the user.
 *
 * The schemas accept strings only: a non-string is an ordinary zod `invalid_type` issue,
 * for which `parseFailureFromZod` returns undefined.
 */
import { z } from "zod";
import { isParseErrorCode, type ParseErrorCode, type ParseFailure } from "./codes.ts";
import { parseCount, type CountOptions } from "./count.ts";
import { parseCreditCode } from "./credit-code.ts";
import { parseDate, type DateOptions } from "./date.ts";
import { parseEmail } from "./email.ts";
import { parseMoneyWan, type MoneyOptions } from "./money.ts";
import { parsePercent, type PercentOptions } from "./percent.ts";
import { parsePhone, type PhoneOptions } from "./phone.ts";
import type { ParseFail } from "./result.ts";
import { parseErrorText } from "./texts.ts";

type Parser<T> = (input: string) => { readonly ok: true; readonly value: T } | ParseFail<ParseErrorCode>;

/** A string schema that outputs the parser's `value` or reports the parser's error code. */
export function parsedString<T>(parse: Parser<T>) {
  return z.string().transform((input, ctx): T => {
    const result = parse(input);
    if (result.ok) return result.value;
    const failure: ParseFailure = result.params
      ? { ok: false, code: result.code, params: result.params }
      : { ok: false, code: result.code };
    ctx.addIssue({ code: "custom", message: result.code, params: { parseFailure: failure }, input });
    return z.NEVER;
  });
}

/** Outputs the amount in 万元. */
export const moneyWanSchema = (options: MoneyOptions = {}) => parsedString((s) => parseMoneyWan(s, options));
/** Outputs the normalised 18-character code. */
export const creditCodeSchema = () => parsedString(parseCreditCode);
/** Outputs the normalised number ("13800138000", "0591-87430181"). */
export const phoneSchema = (options: PhoneOptions = {}) => parsedString((s) => parsePhone(s, options));
/** Outputs the address with a lower-cased domain. */
export const emailSchema = () => parsedString(parseEmail);
/** Outputs "YYYY-MM-DD" or, for month precision, "YYYY-MM". */
export const dateSchema = (options: DateOptions = {}) => parsedString((s) => parseDate(s, options));
/** Outputs an integer. */
export const countSchema = (options: CountOptions = {}) => parsedString((s) => parseCount(s, options));
/** Outputs percent points (12.5 for 12.5%). */
export const percentSchema = (options: PercentOptions = {}) => parsedString((s) => parsePercent(s, options));

/** The first parse failure among a ZodError's issues (undefined for other issue kinds). */
export function parseFailureFromZod(error: z.ZodError): ParseFailure | undefined {
  for (const issue of error.issues) {
    if (issue.code !== "custom") continue;
    const candidate: unknown = issue.params?.parseFailure;
    if (typeof candidate === "object" && candidate !== null && "code" in candidate && isParseErrorCode(candidate.code)) {
      return candidate as ParseFailure;
    }
  }
  return undefined;
}

/** The Chinese message for the first parse failure in a ZodError, if any. */
export function zodParseErrorText(error: z.ZodError): string | undefined {
  const failure = parseFailureFromZod(error);
  return failure ? parseErrorText(failure) : undefined;
}
