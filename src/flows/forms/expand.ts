import type { Answers, ChoiceOption, Step, StepItem } from "./types.ts";

/** One question as asked: a step, or a repeated step for one item. */
export interface StepInstance {
  /** Key in `Answers`: the step id, or `stepId[itemKey]` for a repeated step. */
  key: string;
  step: Step;
  item?: StepItem;
  /** The form field, with the item key appended for repeated steps. */
  field: string;
}

export function instanceKey(stepId: string, item?: StepItem): string {
  return item ? `${stepId}[${item.key}]` : stepId;
}

/**
 * The questions a flow asks for the answers so far, in order: steps whose `when` holds,
 * repeated steps once per item. Pure; re-run after every answer, since answers change
 * which steps apply.
 */
export function expandSteps(steps: readonly Step[], answers: Answers): StepInstance[] {
  const out: StepInstance[] = [];
  for (const step of steps) {
    if (step.when && !step.when(answers)) continue;
    if (step.forEach) {
      for (const item of step.forEach(answers)) {
        out.push({ key: instanceKey(step.id, item), step, item, field: `${step.field}.${item.key}` });
      }
    } else {
      out.push({ key: step.id, step, field: step.field });
    }
  }
  return out;
}

export function promptOf(instance: StepInstance): string {
  const { step, item } = instance;
  return typeof step.prompt === "function" ? step.prompt(item ?? { key: "", label: "" }) : step.prompt;
}

export function optionsOf(step: Step, answers: Answers): readonly ChoiceOption[] {
  if (!step.options) return [];
  return typeof step.options === "function" ? step.options(answers) : step.options;
}

/** The answer's value if the step was answered (not skipped, not absent). */
export function valueOf(answers: Answers, key: string) {
  const a = answers[key];
  return a && "value" in a ? a.value : undefined;
}
