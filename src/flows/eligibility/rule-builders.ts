import type { EnterpriseKind, Profile, ProfileField, SmartFactoryStage } from "./profile.ts";
import { sortFields } from "./profile.ts";
import {
  combinatorTexts,
  fieldLabels,
  flagTexts,
  formatThreshold,
  formatValue,
  kindLabels,
  kindTexts,
  regionTexts,
  stageTexts,
  thresholdTexts,
  type Unit,
} from "./texts.ts";
import type { Check, Citation, Param, Rule } from "./types.ts";

type FieldsOfType<T> = { [K in ProfileField]-?: NonNullable<Profile[K]> extends T ? K : never }[ProfileField];
export type NumericField = FieldsOfType<number>;
export type FlagField = FieldsOfType<boolean>;

/**
 * 「不少于」「以上」「及以上」「（含）以上」 include the number: atLeast.
 * 「超」「超过」 do not: moreThan.
 */
export type Comparison = "atLeast" | "moreThan";

/** A numeric threshold over one profile field. The citation defaults to the parameter's source. */
export function threshold(opts: {
  id: string;
  field: NumericField;
  param: Param<number>;
  op: Comparison;
  unit: Unit;
  /** Counting word: 家, 套, 次, 户 … */
  noun?: string;
  citation?: Citation;
}): Rule {
  const { id, field, param, op, unit, noun = "" } = opts;
  const label = fieldLabels[field];
  const t = thresholdTexts;
  const min = param.value;
  const shown = formatThreshold(min, unit, noun);
  const missing = [field] as const;
  return {
    id,
    citation: opts.citation ?? param.source,
    needs: missing,
    check(p) {
      const v = p[field];
      if (v == null) {
        return { status: "unknown", missing, message: op === "atLeast" ? t.atLeastUnknown(label, shown) : t.moreThanUnknown(label, shown) };
      }
      const actual = formatValue(v, unit, noun);
      if (op === "atLeast") {
        return v >= min
          ? { status: "pass", message: t.atLeastPass(label, actual, shown) }
          : { status: "fail", message: t.atLeastFail(label, actual, shown) };
      }
      return v > min
        ? { status: "pass", message: t.moreThanPass(label, actual, shown) }
        : { status: "fail", message: t.moreThanFail(label, actual, shown) };
    },
  };
}

/** A yes/no fact that must have the expected value. */
export function flagIs(opts: {
  id: string;
  field: FlagField;
  expected: boolean;
  citation: Citation;
  texts?: { yes: string; no: string; unknown: string };
}): Rule {
  const { id, field, expected } = opts;
  const texts = opts.texts ?? flagTexts[field];
  if (!texts) throw new Error(`flagIs: no texts for field ${field}`);
  const missing = [field] as const;
  return {
    id,
    citation: opts.citation,
    needs: missing,
    check(p) {
      const v = p[field];
      if (v == null) return { status: "unknown", missing, message: texts.unknown };
      return { status: v === expected ? "pass" : "fail", message: v ? texts.yes : texts.no };
    },
  };
}

/** "福建省" / "福建" / " 福建省 " compare equal; so do "福州市" and "福州". */
export function normalizeRegion(s: string): string {
  return s.replace(/\s+/g, "").replace(/(省|市|自治区|特别行政区)$/, "");
}

export function sameRegion(a: string | null | undefined, b: string): boolean {
  return a != null && (a === b || normalizeRegion(a) === normalizeRegion(b));
}

/** Registered / operating in a province. */
export function provinceIs(opts: { id: string; param: Param<string>; citation?: Citation }): Rule {
  const required = opts.param.value;
  const missing = ["province"] as const;
  return {
    id: opts.id,
    citation: opts.citation ?? opts.param.source,
    needs: missing,
    check(p) {
      if (p.province == null) return { status: "unknown", missing, message: regionTexts.unknown(required) };
      return sameRegion(p.province, required)
        ? { status: "pass", message: regionTexts.pass(p.province) }
        : { status: "fail", message: regionTexts.fail(p.province, required) };
    },
  };
}

export function describeKinds(kinds: readonly EnterpriseKind[]): string {
  return kinds.map((k) => kindLabels[k]).join("、");
}

/** The enterprise is at least one of the listed kinds. `requiredLabel` is the notice's own wording. */
export function kindsIncludeAny(opts: {
  id: string;
  anyOf: readonly EnterpriseKind[];
  requiredLabel: string;
  citation: Citation;
}): Rule {
  const { anyOf, requiredLabel } = opts;
  const missing = ["kinds"] as const;
  return {
    id: opts.id,
    citation: opts.citation,
    needs: missing,
    check(p) {
      if (p.kinds == null) return { status: "unknown", missing, message: kindTexts.unknown(requiredLabel) };
      const have = describeKinds(p.kinds);
      return p.kinds.some((k) => anyOf.includes(k))
        ? { status: "pass", message: kindTexts.pass(have) }
        : { status: "fail", message: kindTexts.fail(have, requiredLabel) };
    },
  };
}

/** Covered smart-factory 环节 include every required one. */
export function stagesIncludeAll(opts: { id: string; param: Param<readonly SmartFactoryStage[]>; citation?: Citation }): Rule {
  const required = opts.param.value;
  const requiredLabel = required.join("、");
  const missing = ["smartFactoryStages"] as const;
  return {
    id: opts.id,
    citation: opts.citation ?? opts.param.source,
    needs: missing,
    check(p) {
      const stages = p.smartFactoryStages;
      if (stages == null) return { status: "unknown", missing, message: stageTexts.unknown(requiredLabel) };
      const lacking = required.filter((s) => !stages.includes(s));
      return lacking.length === 0
        ? { status: "pass", message: stageTexts.pass(requiredLabel) }
        : { status: "fail", message: stageTexts.fail(lacking.join("、"), requiredLabel) };
    },
  };
}

/**
 * Alternatives (「…，或…」): pass if any passes, fail only if all fail, otherwise unknown
 * naming the facts that could still make one pass.
 */
export function anyOf(opts: { id: string; citation: Citation; rules: readonly Rule[] }): Rule {
  const { rules } = opts;
  return {
    id: opts.id,
    citation: opts.citation,
    needs: sortFields(rules.flatMap((r) => r.needs)),
    check(p, ctx) {
      const checks: Check[] = rules.map((r) => r.check(p, ctx));
      const message = combinatorTexts.joinAlternatives(checks.map((c) => c.message));
      if (checks.some((c) => c.status === "pass")) return { status: "pass", message };
      if (checks.every((c) => c.status === "fail")) return { status: "fail", message };
      return {
        status: "unknown",
        message,
        missing: sortFields(checks.flatMap((c) => (c.status === "unknown" ? (c.missing ?? []) : []))),
      };
    },
  };
}
