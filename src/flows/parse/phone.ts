/**
 * Mainland China phone numbers as typed in chat.
 *
 * Mobile: 11 digits starting 1[3-9], optionally prefixed +86 / 0086 / 86, with spaces or
 * hyphens anywhere: 「138 0013 8000」「+86 13800138000」. Normalised to "13800138000".
 *
 * Landline: area code + 7–8 digit subscriber number: 「0591-87430181」「0591 87430181」
 * 「(0591)87430181」「059187430181」「+86 591 87430181」, optional extension 「-8001」
 * 「转8001」「分机8001」「ext.8001」. Area codes are 010 / 02X (3 digits) or 0[3-9]XX (4 digits),
 * which is what makes 「059187430181」 splittable. A bare 7–8 digit local number is
 * accepted only with `defaultAreaCode`. Normalised to "0591-87430181" or
 * "0591-87430181-8001".
 *
 * Rejected: service numbers (400/800, 95xxx, 12345-style short numbers), which are not a
 * person's contact number, and anything else.
 */
import { toHalfWidth } from "./normalize.ts";
import { fail, type ParseResult } from "./result.ts";

export const PHONE_ERROR_CODES = [
  "PHONE_EMPTY",
  "PHONE_INVALID_CHARS",
  "PHONE_MOBILE_LENGTH",
  "PHONE_MOBILE_PREFIX",
  "PHONE_AREA_CODE",
  "PHONE_LANDLINE_LENGTH",
  "PHONE_LANDLINE_NUMBER",
  "PHONE_NEEDS_AREA_CODE",
  "PHONE_SERVICE_NUMBER",
  "PHONE_EXTENSION",
  "PHONE_INVALID",
] as const;
export type PhoneErrorCode = (typeof PHONE_ERROR_CODES)[number];

export type PhoneKind = "mobile" | "landline";

export interface PhoneNumber {
  readonly kind: PhoneKind;
  /** "13800138000", "0591-87430181", "0591-87430181-8001". */
  readonly normalized: string;
  /** Landline only: "0591". */
  readonly areaCode?: string;
  /** Mobile: the 11 digits; landline: the subscriber number without area code. */
  readonly number: string;
  readonly extension?: string;
}

export interface PhoneOptions {
  /** Area code for bare 7–8 digit local numbers, e.g. "0591" (a leading 0 is added if missing). */
  readonly defaultAreaCode?: string;
}

/** `value` is the normalised form; `phone` holds the pieces. */
export type PhoneResult = ParseResult<string, PhoneErrorCode, { readonly phone: PhoneNumber }>;

const AREA_CODE = /^0(?:10|2\d|[3-9]\d{2})/;
const EXTENSION_WORD = /(?:转|分机|ext\.?|x|#)\s*(\d*)\s*$/i;

function landline(area: string, subscriber: string, extension: string | undefined): PhoneResult {
  if (subscriber.length < 7 || subscriber.length > 8) return fail("PHONE_LANDLINE_LENGTH", { length: subscriber.length });
  if (!/^[2-9]/.test(subscriber)) return fail("PHONE_LANDLINE_NUMBER");
  const normalized = `${area}-${subscriber}${extension ? `-${extension}` : ""}`;
  const phone: PhoneNumber = extension
    ? { kind: "landline", normalized, areaCode: area, number: subscriber, extension }
    : { kind: "landline", normalized, areaCode: area, number: subscriber };
  return { ok: true, value: normalized, phone };
}

export function parsePhone(input: string, options: PhoneOptions = {}): PhoneResult {
  let s = toHalfWidth(input).trim();
  if (s === "") return fail("PHONE_EMPTY");

  let extension: string | undefined;
  const extMatch = EXTENSION_WORD.exec(s);
  if (extMatch) {
    const ext = extMatch[1] ?? "";
    if (!/^\d{1,6}$/.test(ext)) return fail("PHONE_EXTENSION");
    extension = ext;
    s = s.slice(0, extMatch.index).trim();
  }

  let international = false;
  const intl = /^(?:\+|00)\s*86[\s-]*/.exec(s);
  if (intl) {
    international = true;
    s = s.slice(intl[0].length);
  } else if (/^\+/.test(s)) {
    return fail("PHONE_INVALID"); // another country
  }
  if (!/^[\d\s\-().]+$/.test(s)) return fail("PHONE_INVALID_CHARS");
  const groups = s.split(/[\s\-().]+/).filter((g) => g !== "");
  let digits = groups.join("");
  if (digits === "") return fail("PHONE_INVALID");

  // "86 138 0013 8000" without the plus.
  if (!international && /^861[3-9]\d{9}$/.test(digits)) digits = digits.slice(2);
  if (international && !digits.startsWith("1") && !digits.startsWith("0")) digits = `0${digits}`;

  if (/^(?:400|800)\d{7}$/.test(digits) || /^95\d{3,6}$/.test(digits) || /^1\d{4}$/.test(digits)) {
    return fail("PHONE_SERVICE_NUMBER");
  }

  if (digits.startsWith("1")) {
    if (extension !== undefined) return fail("PHONE_EXTENSION");
    if (digits.length !== 11) return fail("PHONE_MOBILE_LENGTH", { length: digits.length });
    if (!/^1[3-9]/.test(digits)) return fail("PHONE_MOBILE_PREFIX");
    return { ok: true, value: digits, phone: { kind: "mobile", normalized: digits, number: digits } };
  }

  if (digits.startsWith("0")) {
    const area = AREA_CODE.exec(digits)?.[0];
    if (area === undefined) return fail("PHONE_AREA_CODE");
    let subscriber = digits.slice(area.length);
    // 0591-87430181-8001: a hyphen-separated extension, recognisable only from the groups.
    if (extension === undefined && subscriber.length > 8 && groups.length >= 3) {
      const last = groups[groups.length - 1] ?? "";
      const without = subscriber.slice(0, subscriber.length - last.length);
      if (last.length <= 6 && (without.length === 7 || without.length === 8)) {
        extension = last;
        subscriber = without;
      }
    }
    return landline(area, subscriber, extension);
  }

  // A local number without area code.
  if (digits.length === 7 || digits.length === 8) {
    if (options.defaultAreaCode === undefined) return fail("PHONE_NEEDS_AREA_CODE");
    const area = options.defaultAreaCode.startsWith("0") ? options.defaultAreaCode : `0${options.defaultAreaCode}`;
    if (AREA_CODE.exec(area)?.[0] !== area) throw new RangeError(`parsePhone: bad defaultAreaCode ${options.defaultAreaCode}`);
    return landline(area, digits, extension);
  }
  return fail("PHONE_INVALID");
}
