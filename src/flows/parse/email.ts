/**
 * A practical e-mail check for contact fields: one @, a local part of common characters,
 * and a domain of at least two DNS labels ending in an alphabetic TLD. Full-width
 * characters (＠, ．) and the ideographic full stop 「。」 that Chinese input methods produce
 * in place of "." are normalised; the domain is lower-cased (the local part keeps its case,
 * which mail servers may treat as significant). Quoted local parts, IP-literal domains and
 * internationalised (non-ASCII) addresses are rejected: nobody types those into a form.
 */
import { toHalfWidth } from "./normalize.ts";
import { fail, type ParseResult } from "./result.ts";

export const EMAIL_ERROR_CODES = [
  "EMAIL_EMPTY",
  "EMAIL_HAS_SPACES",
  "EMAIL_MISSING_AT",
  "EMAIL_MULTIPLE_AT",
  "EMAIL_LOCAL_INVALID",
  "EMAIL_DOMAIN_INVALID",
  "EMAIL_TOO_LONG",
] as const;
export type EmailErrorCode = (typeof EMAIL_ERROR_CODES)[number];

export type EmailResult = ParseResult<string, EmailErrorCode>;

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export function parseEmail(input: string): EmailResult {
  let s = toHalfWidth(input).replace(/。/g, ".").trim();
  s = s.replace(/^mailto:/i, "");
  if (s === "") return fail("EMAIL_EMPTY");
  if (/\s/.test(s)) return fail("EMAIL_HAS_SPACES");
  const at = s.split("@");
  if (at.length === 1) return fail("EMAIL_MISSING_AT");
  if (at.length > 2) return fail("EMAIL_MULTIPLE_AT");
  const local = at[0] ?? "";
  const domain = (at[1] ?? "").toLowerCase();
  if (local.length === 0 || local.length > 64 || !LOCAL.test(local)) return fail("EMAIL_LOCAL_INVALID");
  const labels = domain.split(".");
  if (
    domain.length === 0 ||
    domain.length > 253 ||
    labels.length < 2 ||
    !labels.every((l) => LABEL.test(l)) ||
    !TLD.test(labels[labels.length - 1] ?? "")
  ) {
    return fail("EMAIL_DOMAIN_INVALID");
  }
  const value = `${local}@${domain}`;
  if (value.length > 254) return fail("EMAIL_TOO_LONG");
  return { ok: true, value };
}
