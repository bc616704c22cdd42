import { describe, expect, it } from "vitest";
import { readAnswer } from "../../src/flows/forms/answer-input.ts";
import { optionsOf, promptOf, type StepInstance } from "../../src/flows/forms/expand.ts";
import type { Answers, Step } from "../../src/flows/forms/types.ts";
import { catalog } from "../../src/flows/programs/index.ts";
import { profileQuestionList } from "../../src/flows/questionnaire/questions.ts";

/**
 * Every example a prompt shows (「例如：…」「如：…」, alternatives split on 或 and ；) is
 * accepted by that step's reader: the bot never refuses its own example answer.
 */
function examplesOf(prompt: string): string[] {
  const out: string[] = [];
  for (const m of prompt.matchAll(/(?:例如|如)[：:\s]\s*([^（）()]+)/gu)) {
    const body = m[1]!.split(/。/u)[0]!;
    for (const segment of body.split(/；|;/u)) {
      const quoted = [...segment.matchAll(/“([^”]+)”/gu)].map((q) => q[1]!);
      const bare = /或\s*([-\d.]+%?)\s*$/u.exec(segment)?.[1];
      // 「亏损请填负数，如 -3%」 is an instruction; its own 如 is matched on its own.
      if (quoted.length === 0 && /请|如\s/u.test(segment)) continue;
      const alts = quoted.length > 0 ? [...quoted, ...(bare ? [bare] : [])] : segment.split(/ 或 |，或 |、或/u);
      for (const alt of alts) {
        const ex = alt.replace(/^[“"「]|[”"」]$/gu, "").trim();
        if (ex !== "" && !/XX|某某|\.\.\.|…/u.test(ex)) out.push(ex);
      }
    }
  }
  return out;
}

/** Answers that select every option of every multi-choice step, so each repeated step shows all its items. */
function allChosen(steps: readonly Step[]): Answers {
  const a: Record<string, { value: readonly string[]; display: string }> = {};
  for (const s of steps) if (s.kind === "multiChoice") a[s.id] = { value: optionsOf(s, a).map((o) => o.id), display: "" };
  return a;
}

function instancesOf(steps: readonly Step[]): StepInstance[] {
  const answers = allChosen(steps);
  return steps.flatMap((step) =>
    step.forEach ? step.forEach(answers).map((item) => ({ key: `${step.id}[${item.key}]`, step, item, field: step.field })) : [{ key: step.id, step, field: step.field }],
  );
}

const flows = [
  ["questionnaire", profileQuestionList] as const,
  ...catalog.applications.map((a) => [a.program.id, a.flow.steps] as const),
];

const cases = flows.flatMap(([flow, steps]) =>
  instancesOf(steps).flatMap((inst) => examplesOf(promptOf(inst)).map((ex) => [flow, inst.key, ex, inst] as const)),
);

describe("every prompt example is accepted by its step", () => {
  it("finds examples in every flow", () => {
    for (const [flow] of flows) expect(cases.filter((c) => c[0] === flow).length, flow).toBeGreaterThan(3);
  });
  it.each(cases.map(([flow, key, ex, inst]) => [flow, key, ex, inst]))("%s %s ← %j", (_flow, _key, example, inst) => {
    const r = readAnswer(inst as StepInstance, example as string, allChosen([]), { today: "2026-11-22" });
    expect(r.ok ? "ok" : r.message).toBe("ok");
  });
});
