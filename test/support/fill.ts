import { displayAnswerValue } from "../../src/flows/forms/answer-input.ts";
import { expandSteps, optionsOf, type StepInstance } from "../../src/flows/forms/expand.ts";
import type { Answer, Answers, AnswerValue, ApplicationFlow } from "../../src/flows/forms/types.ts";

export type Filled = Record<string, Answer | { skipped: true }>;

export interface FillOptions {
  /** Which option a choice step takes (index, wrapping); yes/no alternates with it. @defaultValue 0 */
  choice?: number;
  /** Skip optional steps instead of answering them. @defaultValue false */
  skipOptional?: boolean;
  /** Values by instance key, taking precedence over the samples (`{ skipped: true }` skips). */
  overrides?: Record<string, AnswerValue | { skipped: true }>;
  /** Options a multiChoice step takes (from the first). @defaultValue as many as it allows */
  multiChoice?: number;
  /** Per-program look of the samples (a Jilin form gets a Jilin phone and code). */
  sample?: Partial<typeof DEFAULT_SAMPLE>;
}

const DEFAULT_SAMPLE = { day: "2015-03-18", month: "2019-06", creditCode: "91350100MA2XXXXX1X", phoneArea: "0591-8743", emailDomain: "example.cn", moneyBase: 100 };

/** A plausible value for an instance, distinct per instance where the kind allows. */
export function sampleValue(inst: StepInstance, n: number, answers: Answers, opts: FillOptions = {}): AnswerValue {
  const { step } = inst;
  const look = { ...DEFAULT_SAMPLE, ...opts.sample };
  const choice = opts.choice ?? 0;
  switch (step.kind) {
    case "text":
      return `文本${n}`;
    case "longText":
      return `叙述${n}：${step.label}`;
    case "number":
    case "count":
      return Math.max(step.min ?? 0, Math.min(step.max ?? 100 + n, 100 + n));
    case "money":
      return look.moneyBase + n;
    case "percent":
      return (n % 90) + 0.5;
    case "date":
      return step.monthPrecision ? look.month : look.day;
    case "creditCode":
      return look.creditCode;
    case "phone":
      return `${look.phoneArea}${String(1000 + n)}`;
    case "email":
      return `u${n}@${look.emailDomain}`;
    case "choice": {
      const options = optionsOf(step, answers);
      return options[choice % options.length]!.id;
    }
    case "multiChoice": {
      const options = optionsOf(step, answers);
      const max = Math.min(opts.multiChoice ?? step.maxChoices ?? options.length, options.length);
      return options.slice(0, Math.max(max, step.minChoices ?? 1)).map((o) => o.id);
    }
    case "yesNo":
      return choice % 2 === 0;
    case "beforeAfter":
      return { before: n, after: n + 10 };
  }
}

/**
 * Answers for every question the flow asks, in order, as the chat would have stored them
 * (value + display): each answer can open later steps (`when`, `forEach`), so the flow is
 * expanded again after every answer. Pure; no reader is involved.
 */
export function fillFlow(flow: ApplicationFlow, opts: FillOptions = {}): { answers: Filled; asked: StepInstance[] } {
  const answers: Filled = {};
  const asked: StepInstance[] = [];
  let n = 0;
  for (;;) {
    const next = expandSteps(flow.steps, answers).find((i) => !(i.key in answers));
    if (!next) return { answers, asked };
    if (asked.length > 2000) throw new Error(`${flow.programId}: the flow does not end (at ${next.key})`);
    asked.push(next);
    const o = opts.overrides?.[next.key];
    if ((o !== undefined && typeof o === "object" && o !== null && "skipped" in o) || (o === undefined && opts.skipOptional && next.step.optional)) {
      answers[next.key] = { skipped: true };
      continue;
    }
    const value = o !== undefined ? (o as AnswerValue) : sampleValue(next, ++n, answers, opts);
    answers[next.key] = { value, display: displayAnswerValue(next.step, value, answers) };
  }
}
