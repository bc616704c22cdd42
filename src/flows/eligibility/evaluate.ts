import { applicableDeadline, deadlineViews, isPassed, type DeadlineView } from "./deadlines.ts";
import { orderForUser } from "./order.ts";
import { sortFields, type Profile, type ProfileField } from "./profile.ts";
import { sizeClassOf, type SizeClass } from "./size-class.ts";
import type { Category, Check, EvalContext, Program, Rule, RuleOutcome } from "./types.ts";

export type Verdict = "eligible" | "unknown" | "ineligible";

/** One program × category, as printed by `match` (contracts/cli.md). */
export interface ProgramResult {
  programId: string;
  category: string | null;
  categoryLabel: string;
  title: string;
  docNumber: string | null;
  issuer: string;
  /** Date of the notice (YYYY-MM-DD, or YYYY). */
  noticeDate: string;
  verdict: Verdict;
  /** The deadline that applies to this enterprise (see applicableDeadline), or null if none is printed. */
  deadline: string | null;
  deadlinePassed: boolean | null;
  /** Shared by the categories of one program: do not mutate. */
  deadlines: readonly DeadlineView[];
  reasons: RuleOutcome[];
  /** Profile fields that would let an "unknown" rule decide; empty once a rule fails (nothing to ask). */
  missing: ProfileField[];
  /** Shared by every result of this category: do not mutate. */
  advisories: readonly string[];
}

export interface MatchResult {
  asOf: string;
  sizeClass: SizeClass | null;
  results: ProgramResult[];
}

/** Ineligible if any rule fails; else unknown if any rule cannot decide; else eligible. */
export function verdictOf(outcomes: readonly { status: string }[]): Verdict {
  let unknown = false;
  for (const o of outcomes) {
    if (o.status === "fail") return "ineligible";
    if (o.status === "unknown") unknown = true;
  }
  return unknown ? "unknown" : "eligible";
}

/** Per program: its distinct rules (shared by categories, checked once per profile) and each category's view. */
interface CompiledProgram {
  rules: readonly Rule[];
  categories: readonly { category: Category; ruleIndexes: readonly number[]; advisories: readonly string[] }[];
}

const compiled = new WeakMap<Program, CompiledProgram>();

function compile(program: Program): CompiledProgram {
  let c = compiled.get(program);
  if (c) return c;
  const rules: Rule[] = [];
  const indexOf = new Map<Rule, number>();
  const categories = program.categories.map((category) => ({
    category,
    ruleIndexes: category.rules.map((r) => {
      let i = indexOf.get(r);
      if (i === undefined) {
        i = rules.push(r) - 1;
        indexOf.set(r, i);
      }
      return i;
    }),
    advisories: Object.freeze([...category.advisories, ...program.advisories]),
  }));
  c = { rules, categories };
  compiled.set(program, c);
  return c;
}

function resultOf(
  program: Program,
  category: Category,
  ruleIndexes: readonly number[],
  advisories: readonly string[],
  rules: readonly Rule[],
  checks: readonly Check[],
  profile: Profile,
  asOf: string,
  deadlines: DeadlineView[],
): ProgramResult {
  const reasons: RuleOutcome[] = new Array(ruleIndexes.length);
  let missing: ProfileField[] | null = null;
  for (let k = 0; k < ruleIndexes.length; k++) {
    const i = ruleIndexes[k] as number;
    const c = checks[i] as Check;
    const rule = rules[i] as Rule;
    reasons[k] = { ruleId: rule.id, status: c.status, message: c.message, citation: rule.citation };
    if (c.missing) (missing ??= []).push(...c.missing);
  }
  const deadline = applicableDeadline(program.deadlines, profile);
  const verdict = verdictOf(reasons);
  return {
    programId: program.id,
    category: category.id,
    categoryLabel: category.label,
    title: program.title,
    docNumber: program.docNumber,
    issuer: program.issuer,
    noticeDate: program.noticeDate,
    verdict,
    deadline: deadline?.date ?? null,
    deadlinePassed: deadline ? isPassed(deadline.date, asOf) : null,
    deadlines,
    reasons,
    missing: verdict !== "ineligible" && missing ? sortFields(missing) : [],
    advisories,
  };
}

/** All categories of one program for one profile, in catalog order. */
export function evaluateProgram(program: Program, profile: Profile, ctx: EvalContext, asOf: string): ProgramResult[] {
  const c = compile(program);
  const checks = c.rules.map((r) => r.check(profile, ctx));
  const deadlines = deadlineViews(program.deadlines, asOf);
  return c.categories.map((cat) =>
    resultOf(program, cat.category, cat.ruleIndexes, cat.advisories, c.rules, checks, profile, asOf, deadlines),
  );
}

/** Every program × category for one profile, ordered for the user. */
export function matchProfile(profile: Profile, programs: readonly Program[], asOf: string): MatchResult {
  const sizeClass = sizeClassOf(profile);
  const ctx: EvalContext = { sizeClass };
  const results: ProgramResult[] = [];
  for (const program of programs) results.push(...evaluateProgram(program, profile, ctx, asOf));
  return { asOf, sizeClass, results: orderForUser(results) };
}
