import { describe, expect, it } from "vitest";
import { readAnswer } from "../../src/flows/forms/answer-input.ts";
import type { StepInstance } from "../../src/flows/forms/expand.ts";
import type { Step } from "../../src/flows/forms/types.ts";
import { catalog } from "../../src/flows/programs/index.ts";
import { profileQuestionList } from "../../src/flows/questionnaire/questions.ts";

const inst = (step: Step): StepInstance => ({ key: step.id, step, field: step.field });
const yesNo: Step = { id: "yn", section: "", label: "", prompt: "", kind: "yesNo", field: "yn" };

describe("yes/no by common wordings", () => {
  it.each([
    ["建好了", true], ["可以", true], ["是的", true], ["有的", true], ["已运营", true], ["有签订", true], ["对的", true],
    ["没有啊", false], ["没有", false], ["还没呢", false], ["不运营", false], ["没被列入", false], ["还在建", false], ["无", false],
  ])("%s → %s", (input, value) => {
    expect(readAnswer(inst(yesNo), input, {})).toMatchObject({ ok: true, answer: { value } });
  });
  it.each(["不清楚", "不是很确定", "看情况"])("%s is not a yes or a no", (input) => {
    expect(readAnswer(inst(yesNo), input, {}).ok).toBe(false);
  });
});

describe("choices by everyday names", () => {
  const ownership = catalog.applications.find((a) => a.program.id === "fj-2025-smart-factory-advanced")!.flow.steps.find((s) => s.id === "ownership")!;
  it.each([
    ["民企", "民营"], ["民营企业", "民营"], ["私企", "民营"], ["外企", "三资"], ["央企", "中央企业"], ["国企", "地方国企"],
  ])("%s → %s", (input, label) => {
    expect(readAnswer(inst(ownership), input, {})).toMatchObject({ ok: true, answer: { display: label } });
  });
});

describe("losses wherever a profit can be negative", () => {
  const profitSteps = [...profileQuestionList, ...catalog.applications.flatMap((a) => a.flow.steps)].filter(
    (s) => s.kind === "money" && s.label.includes("利润"),
  );
  it("finds the profit rows of the self-check and the forms", () => {
    expect(profitSteps.length).toBeGreaterThanOrEqual(5);
  });
  it.each(profitSteps.flatMap((s) => ["亏了200万", "亏损200万", "-200万"].map((x) => [s.label, x, s] as const)))("%s ← %s", (_label, input, step) => {
    expect(readAnswer(inst(step), input, {})).toMatchObject({ ok: true, answer: { value: -200 } });
  });
});
