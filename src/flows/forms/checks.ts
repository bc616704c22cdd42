import { answerErrorTexts as E } from "./answer-texts.ts";
import { valueOf, type StepInstance } from "./expand.ts";
import type { Answer, Answers } from "./types.ts";

/**
 * The notice's constraints declared on a step (`Step.checks`), applied to an answer that
 * already parsed. `refuse`: the answer breaks the notice's rule and is asked again;
 * `confirm`: it is unusual (a KPI that got worse) and is saved only when the user confirms.
 * Messages cite the clause.
 */
export type CheckOutcome = { refuse: string } | { confirm: string } | null;

export function checkAnswer(inst: StepInstance, answer: Answer, answers: Answers, labelOf: (stepId: string) => string): CheckOutcome {
  for (const c of inst.step.checks ?? []) {
    const cite = E.CHECK_CITATION(c.citation.docNumber, c.citation.section, c.citation.quote);
    const v = answer.value;
    switch (c.kind) {
      case "endsWith":
        if (typeof v === "string" && !v.trim().endsWith(c.suffix)) return { refuse: `${E.CHECK_ENDS_WITH(inst.step.label, c.suffix)}\n${cite}` };
        break;
      case "notBefore": {
        const other = valueOf(answers, c.stepId);
        // Dates are YYYY-MM or YYYY-MM-DD: compare at the coarser precision.
        if (typeof v === "string" && typeof other === "string") {
          const n = Math.min(v.length, other.length);
          if (v.slice(0, n) < other.slice(0, n)) return { refuse: `${E.CHECK_NOT_BEFORE(inst.step.label, labelOf(c.stepId))}\n${cite}` };
        }
        break;
      }
      case "improves":
        if (typeof v === "object" && v !== null && "before" in v) {
          const lower = inst.item?.better === "lower";
          const worse = lower ? v.after > v.before : v.after < v.before;
          if (worse) return { confirm: `${E.CHECK_WORSE(inst.item?.label ?? inst.step.label, answer.display, lower)}\n${cite}` };
        }
        break;
    }
  }
  return null;
}
