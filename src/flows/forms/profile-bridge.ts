/**
 * Between answers and the enterprise profile. A step with a `profileField` (every question
 * of the eligibility questionnaire, and application steps that repeat a profile fact) is
 * pre-filled from the profile and writes its answer back. Answer values already have the
 * profile's types (yesNo → boolean, money → 万元, count → integer, multiChoice → option ids
 * = the profile's enum values), so the bridge checks shapes rather than converting units.
 */
import { answerFromValue } from "./answer-input.ts";
import type { Answer, Answers, Step } from "./types.ts";

/**
 * The profile value for an answer of this step: boolean, number, string, string[] (a fresh
 * array), or { before, after }. undefined when the value does not have the kind's shape
 * (the profile then keeps the fact as unknown).
 */
export function toProfileValue(step: Step, answer: Answer): unknown {
  const v = answer.value;
  switch (step.kind) {
    case "yesNo":
      return typeof v === "boolean" ? v : undefined;
    case "number":
    case "money":
    case "percent":
      return typeof v === "number" && Number.isFinite(v) ? v : undefined;
    case "count":
      return typeof v === "number" && Number.isInteger(v) ? v : undefined;
    case "multiChoice":
      return Array.isArray(v) && v.every((x) => typeof x === "string") ? [...(v as readonly string[])] : undefined;
    case "beforeAfter":
      return typeof v === "object" && "before" in v && "after" in v ? { before: v.before, after: v.after } : undefined;
    case "text":
    case "longText": {
      if (typeof v !== "string") return undefined;
      const s = v.trim();
      return s === "" ? undefined : s;
    }
    case "choice":
      // Levels asked as options 「一级」…「五级」 (ids "1".."5") are numbers in the profile.
      if (typeof v === "string" && /^\d+$/.test(v) && step.profileField === "smartMaturityLevel") return Number(v);
      return typeof v === "string" && v !== "" ? v : undefined;
    case "date":
    case "creditCode":
    case "phone":
    case "email":
      return typeof v === "string" && v !== "" ? v : undefined;
    default:
      return undefined;
  }
}

/**
 * An Answer (value and display) for a profile value, to pre-fill the step; undefined when
 * the profile does not know the fact (null/undefined) or the value does not fit the step
 * (wrong type, unknown option, outside the step's bounds). `answers` resolves options that
 * depend on earlier answers.
 */
export function fromProfileValue(step: Step, value: unknown, answers: Answers = {}): Answer | undefined {
  if (step.kind === "choice" && typeof value === "number") return answerFromValue(step, String(value), answers);
  return answerFromValue(step, value, answers);
}
