import type { z } from "zod";
import { AppError } from "../../shared/errors.ts";
import { profileSchema, type Profile } from "./profile.ts";
import { profileErrorTexts } from "./texts.ts";

/** One problem with one field. `field` is a path such as "employees" or "kinds[0]". */
export interface ProfileIssue {
  field: string;
  /** zod issue code, e.g. "invalid_type", "unrecognized_keys". */
  code: string;
  /** Chinese, names the field. */
  message: string;
}

export class ProfileInvalidError extends AppError {
  readonly code = "PROFILE_INVALID";
  constructor(
    readonly issues: readonly ProfileIssue[],
    options?: { cause?: unknown },
  ) {
    // English for logs; field names only, never values (they may be personal data).
    super(`Invalid profile: ${issues.map((i) => `${i.field} (${i.code})`).join(", ")}`, options);
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) out += typeof seg === "number" ? `[${seg}]` : out ? `.${String(seg)}` : String(seg);
  return out || "(profile)";
}

function toIssues(issue: z.core.$ZodIssue): ProfileIssue[] {
  const t = profileErrorTexts.issue;
  const field = fieldPath(issue.path);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((k) => ({
        field: fieldPath([...issue.path, k]),
        code: issue.code,
        message: t.unrecognized_keys(fieldPath([...issue.path, k])),
      }));
    case "invalid_type":
      return [{ field, code: issue.code, message: t.invalid_type(field, issue.expected) }];
    case "too_small":
      return [{ field, code: issue.code, message: t.too_small(field, String(issue.minimum)) }];
    case "too_big":
      return [{ field, code: issue.code, message: t.too_big(field, String(issue.maximum)) }];
    case "invalid_value":
      return [{ field, code: issue.code, message: t.invalid_value(field, issue.values.map(String).join("、")) }];
    default:
      return [{ field, code: issue.code, message: t.other(field) }];
  }
}

/** Validate an already-parsed JSON value; throws ProfileInvalidError naming every bad field. */
export function parseProfile(input: unknown): Profile {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ProfileInvalidError([
      { field: "(profile)", code: "invalid_type", message: profileErrorTexts.PROFILE_NOT_JSON },
    ]);
  }
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) throw new ProfileInvalidError(parsed.error.issues.flatMap(toIssues), { cause: parsed.error });
  return parsed.data;
}

/** Parse one JSON text (a CLI line or stdin) into a profile. */
export function parseProfileJson(text: string): Profile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // No `cause`: V8's SyntaxError message quotes the input, which may be personal data.
    throw new ProfileInvalidError([
      { field: "(profile)", code: "invalid_json", message: profileErrorTexts.PROFILE_NOT_JSON },
    ]);
  }
  return parseProfile(value);
}
