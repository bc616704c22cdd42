import { describe, expect, it } from "vitest";
import { readAnswer } from "../../src/flows/forms/answer-input.ts";
import { profileQuestionList } from "../../src/flows/questionnaire/questions.ts";
import { promptExamples } from "../programs/prompt-examples.ts";

/**
 * The self-check's side of 「every example a prompt shows is accepted by that step's
 * reader」 (the programs' forms are walked by test/programs/conformance.test.ts).
 */
const cases = profileQuestionList.flatMap((step) =>
  promptExamples(typeof step.prompt === "string" ? step.prompt : "").map((example) => [step.id, example, step] as const),
);

describe("every self-check prompt example is accepted by its question", () => {
  it("finds examples", () => {
    expect(cases.length).toBeGreaterThan(5);
  });
  it.each(cases)("%s ← %j", (_id, example, step) => {
    const r = readAnswer({ key: step.id, step, field: step.field }, example, {}, { today: "2026-11-22" });
    expect(r.ok ? "ok" : r.message).toBe("ok");
  });
});
