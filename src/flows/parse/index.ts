/**
 * Parsers for what people type in a chat (money, credit codes, phones, e-mails, dates,
 * counts, percentages), shared by the eligibility matcher and the chat flows. Every parser
 * is pure and returns `{ ok: true, value, ... } | { ok: false, code, params? }`; show users
 * `parseErrorText(failure)`.
 */
export type { ParamValue, ParseFail, ParseOk, ParseResult } from "./result.ts";
export { PARSE_ERROR_CODES, isParseErrorCode, type ParseErrorCode, type ParseFailure } from "./codes.ts";
export { PARSE_TEXTS, parseErrorText, type ParseText } from "./texts.ts";

export { normalizeInput, toHalfWidth } from "./normalize.ts";

export {
  DEFAULT_MAX_WAN,
  MONEY_ERROR_CODES,
  parseMoneyWan,
  type MoneyErrorCode,
  type MoneyOptions,
  type MoneyResult,
} from "./money.ts";
export {
  CREDIT_CODE_CHARSET,
  CREDIT_CODE_ERROR_CODES,
  CREDIT_CODE_WEIGHTS,
  creditCodeCheckChar,
  normalizeCreditCode,
  parseCreditCode,
  type CreditCodeErrorCode,
  type CreditCodeParts,
  type CreditCodeResult,
} from "./credit-code.ts";
export {
  PHONE_ERROR_CODES,
  parsePhone,
  type PhoneErrorCode,
  type PhoneKind,
  type PhoneNumber,
  type PhoneOptions,
  type PhoneResult,
} from "./phone.ts";
export { EMAIL_ERROR_CODES, parseEmail, type EmailErrorCode, type EmailResult } from "./email.ts";
export {
  DATE_ERROR_CODES,
  parseDate,
  type DateErrorCode,
  type DateOptions,
  type DatePrecision,
  type DateResult,
} from "./date.ts";
export {
  COUNT_ERROR_CODES,
  DEFAULT_COUNT_UNITS,
  parseCount,
  type CountErrorCode,
  type CountOptions,
  type CountResult,
} from "./count.ts";
export {
  PERCENT_ERROR_CODES,
  parsePercent,
  type PercentErrorCode,
  type PercentOptions,
  type PercentResult,
} from "./percent.ts";

export {
  countSchema,
  creditCodeSchema,
  dateSchema,
  emailSchema,
  moneyWanSchema,
  parsedString,
  parseFailureFromZod,
  percentSchema,
  phoneSchema,
  zodParseErrorText,
} from "./schemas.ts";
export { stripApproximation } from "./approximate.ts";
export { parseRelativeDate, type RelativeDate } from "./relative-date.ts";
export { findPlaceIn, formatPlace, parsePlace, type Place, type PlaceResult } from "./place.ts";
