import type { Profile, ProfileField } from "./profile.ts";
import type { SizeClass } from "./size-class.ts";

/**
 * Where a rule comes from. `quote` is verbatim notice text (whitespace and markdown `**`
 * aside); `docNumber` is the 文号 as printed, or null where the notice prints none.
 * `external` marks an outside definition (a national standard the notice relies on):
 * its quote paraphrases that standard and is not checked against the corpus.
 */
export interface Citation {
  docNumber: string | null;
  section: string;
  quote: string;
  external?: boolean;
}

/** A dated parameter (OpenFisca's parameters/*.yaml): the value, since when, and where it is written. */
export interface Param<T> {
  value: T;
  /** YYYY-MM-DD (or YYYY where only the year is printed): when the value takes effect. */
  since: string;
  source: Citation;
}

export type RuleStatus = "pass" | "fail" | "unknown";

/** What one rule says about one profile. */
export interface Check {
  status: RuleStatus;
  /** Chinese, with the actual figures. */
  message: string;
  /** Profile fields that would let the rule decide (only when status is "unknown"). */
  missing?: readonly ProfileField[];
}

/** Facts derived once per profile, shared by every rule. */
export interface EvalContext {
  sizeClass: SizeClass | null;
}

/** A hard condition: a small named function over the profile, with its citation. */
export interface Rule {
  id: string;
  citation: Citation;
  /** Profile fields the rule reads. */
  needs: readonly ProfileField[];
  check(profile: Profile, ctx: EvalContext): Check;
}

export interface RuleOutcome {
  ruleId: string;
  status: RuleStatus;
  message: string;
  citation: Citation;
}

export interface Category {
  /** null for a program without categories (or a program's general conditions). */
  id: string | null;
  /** Chinese label as the notice names it. */
  label: string;
  /** Every hard condition, general ones included. */
  rules: readonly Rule[];
  /** Qualitative criteria experts judge, and hard conditions no profile field can decide. */
  advisories: readonly string[];
  /** 附件/佐证材料 specific to this category. */
  materials?: readonly string[];
}

export interface ProgramDeadline {
  date: string;
  /** What is due, in the notice's words. */
  what: string;
  /** Who must deliver: the enterprise, or a 工信部门 forwarding upward. */
  party: "enterprise" | "bureau";
  /** Where the deadline applies when the notice limits it (a city), e.g. "福州市". */
  region?: string;
  source: Citation;
}

export interface ProgramContact {
  name: string;
  phone: string | null;
  email: string | null;
  note: string | null;
}

/** How many projects a city may recommend (数字化标杆企业各地推荐数量 …). */
export interface CityQuota {
  categoryId: string;
  city: string;
  /** null where the notice leaves it to the city (平潭 自行确定). */
  count: number | null;
}

export interface ProgramForm {
  /** e.g. "附件1" */
  attachment: string;
  title: string;
}

/** A document part with its own 文号 (e.g. a provincial notice forwarded by a city bureau). */
export interface ProgramPart {
  docNumber: string;
  title: string;
  issuer: string;
}

export interface Program {
  id: string;
  /** docId of the notice in corpus/notices/. */
  noticeId: string;
  title: string;
  docNumber: string | null;
  issuer: string;
  region: string;
  /** YYYY-MM-DD, or YYYY where only the year is known. */
  noticeDate: string;
  parts: readonly ProgramPart[];
  categories: readonly Category[];
  deadlines: readonly ProgramDeadline[];
  contacts: readonly ProgramContact[];
  cityQuotas: readonly CityQuota[];
  /** Materials every applicant submits (附件/佐证材料). */
  materials: readonly string[];
  form: ProgramForm;
  /** Program-wide advisories, shown with every category. */
  advisories: readonly string[];
  /** Every dated parameter the rules read, for audit and the citation test. */
  params: Readonly<Record<string, Param<unknown>>>;
}
