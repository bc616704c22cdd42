import { expandSteps, optionsOf } from "../../src/flows/forms/expand.ts";
import type { Step } from "../../src/flows/forms/types.ts";
import type { RedisStateStore } from "../../src/flows/engine/store.ts";
import { catalog } from "../../src/flows/programs/index.ts";
import { creditCodeCheckChar } from "../../src/flows/parse/index.ts";

export const VALID_CREDIT_CODE = (() => {
  const first17 = "91350100MA2Y00001";
  return first17 + creditCodeCheckChar(first17);
})();

/** A valid typed answer for a step, by kind (what a careful user would type). */
export function sampleAnswer(step: Step, answers: Parameters<typeof optionsOf>[1]): string {
  switch (step.kind) {
    case "text": {
      if (step.place) return "吉林省长春市朝阳区";
      const suffix = step.checks?.find((c) => c.kind === "endsWith");
      return suffix?.kind === "endsWith" ? `测试填写内容${suffix.suffix}` : "测试填写内容";
    }
    case "longText":
      return "本项目围绕生产作业、生产管理开展智能化改造，成效显著。";
    case "number":
      return String(Math.max(step.min ?? 0, Math.min(step.max ?? 50, 50)));
    case "count":
      return String(Math.max(step.min ?? 0, Math.min(step.max ?? 120, 120)));
    case "money":
      return "3000万";
    case "percent":
      return "12.5%";
    case "choice":
      return "1";
    case "multiChoice": {
      const n = optionsOf(step, answers).length;
      return n >= 2 && (step.maxChoices ?? n) >= 2 && (step.minChoices ?? 1) <= 2 ? "1,2" : "1";
    }
    case "date":
      return step.monthPrecision ? "2024-01" : "2024-01-15";
    case "creditCode":
      return VALID_CREDIT_CODE;
    case "phone":
      return "13800138000";
    case "email":
      return "contact@example.cn";
    case "yesNo":
      return "是";
    case "beforeAfter":
      return "80 90";
  }
}

/** The step the user's draft is on, read from the store (tests choose answers by kind). */
export async function currentStep(store: RedisStateStore, userId: string): Promise<{ step: Step; key: string } | null> {
  const { state } = await store.load({ channel: "console", userId });
  const mode = state?.session.mode;
  if (!state || !mode || mode.kind !== "filling") return null;
  const draft = state.drafts[mode.draftId]!;
  const entry = catalog.applications.find((a) => a.program.id === draft.programId)!;
  const inst = expandSteps(entry.flow.steps, draft.answers).find((i) => i.key === draft.cursor);
  return inst ? { step: inst.step, key: inst.key } : null;
}
