import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { profileSchema } from "../../src/flows/eligibility/index.ts";
import { expandSteps, optionsOf } from "../../src/flows/forms/expand.ts";
import type { Answer, Answers, AnswerValue, Step } from "../../src/flows/forms/types.ts";
import { program } from "../../src/flows/programs/fj-2023-cross-industry-platform/index.ts";
import { flow } from "../../src/flows/programs/fj-2023-cross-industry-platform/questions.ts";

const NOTICE = path.resolve(import.meta.dirname, "../../corpus/notices/fj-2023-cross-industry-platform.txt");

/** Verbatim means: equal after removing HTML tags, markdown bold markers and all whitespace. */
const squash = (s: string) => s.replace(/<[^>]*>/g, "").replace(/\*\*/g, "").replace(/\s+/g, "");
const notice = squash(readFileSync(NOTICE, "utf8"));

const ans = (value: AnswerValue): Answer => ({ value, display: String(value) });
const byId = (id: string): Step => {
  const s = flow.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
};

/** Answer sets that open every conditional branch. */
const scenarios: [string, Answers][] = [
  ["nothing answered", {}],
  ["self-built, own IaaS", { "build-mode": ans("self"), iaas: ans("self") }],
  ["co-built, rented IaaS", { "build-mode": ans("joint"), iaas: ans("rented") }],
];

describe("fj-2023-cross-industry-platform application flow", () => {
  it("belongs to its program and names the 申报书", () => {
    expect(flow.programId).toBe(program.id);
    expect(flow.formTitle).toBe(program.form.title);
    expect(flow.intro.length).toBeGreaterThan(10);
  });

  it("step ids are unique and kebab-case", () => {
    const ids = flow.steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(scenarios)("fields are unique and dotted camelCase after expansion (%s)", (_n, answers) => {
    const fields = expandSteps(flow.steps, answers).map((i) => i.field);
    expect(new Set(fields).size).toBe(fields.length);
    for (const f of fields) expect(f).toMatch(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)*$/);
  });

  it.each(scenarios)("every choice step has options (%s)", (_n, answers) => {
    for (const inst of expandSteps(flow.steps, answers)) {
      if (inst.step.kind === "choice" || inst.step.kind === "multiChoice") {
        const opts = optionsOf(inst.step, answers);
        expect(opts.length, inst.key).toBeGreaterThan(0);
        expect(new Set(opts.map((o) => o.id)).size, inst.key).toBe(opts.length);
      }
    }
  });

  it("every step has a section, a label and a prompt", () => {
    for (const s of flow.steps) {
      expect(s.section.length, s.id).toBeGreaterThan(0);
      expect(s.label.length, s.id).toBeGreaterThan(0);
      const p = typeof s.prompt === "function" ? s.prompt({ key: "k", label: "测试" }) : s.prompt;
      expect(p.length, s.id).toBeGreaterThan(4);
    }
  });

  const cited = flow.steps.filter((s) => s.help?.citation).map((s) => [s.id, s] as const);
  it.each(cited)("help citation of %s is verbatim notice text", (_id, s) => {
    const c = s.help?.citation;
    expect(c?.docNumber).toBe(program.docNumber);
    expect(c?.section.length).toBeGreaterThan(0);
    expect(notice).toContain(squash(c?.quote ?? "∅"));
  });

  const guided = flow.steps.filter((s) => s.guidance !== undefined).map((s) => [s.id, s] as const);
  it.each(guided)("guidance of %s is verbatim notice text", (_id, s) => {
    expect(s.kind).toBe("longText");
    expect(notice).toContain(squash(s.guidance ?? "∅"));
  });

  it("narratives are optional longText with guidance", () => {
    const narratives = flow.steps.filter((s) => s.kind === "longText");
    expect(narratives.length).toBeGreaterThan(20);
    for (const s of narratives) {
      expect(s.optional, s.id).toBe(true);
      expect(s.guidance, s.id).toBeTruthy();
    }
  });

  it("objective indicators of starred (*) items are required; those of unstarred items are optional", () => {
    // 3.3's top-3 行业/领域 are blanks inside its 补充说明 narrative, not objective indicators.
    const narrativeBlanks = new Set(["top-industries", "top-domains"]);
    const indicators = flow.steps.filter(
      (s) => s.section.startsWith("二、（2）") && s.kind !== "longText" && !narrativeBlanks.has(s.id),
    );
    const starred = indicators.filter((s) => s.section.endsWith("*"));
    const plain = indicators.filter((s) => !s.section.endsWith("*"));
    expect(starred.length).toBeGreaterThan(30);
    expect(plain.length).toBeGreaterThan(5);
    for (const s of starred) expect(s.optional, s.id).not.toBe(true);
    for (const s of plain) expect(s.optional, s.id).toBe(true);
    for (const id of narrativeBlanks) expect(byId(id).optional, id).toBe(true);
  });

  it("every starred item of the form has a section, in the form's order", () => {
    const starredInForm = ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.3", "3.2", "3.3", "3.4", "3.5", "4.1", "4.5", "5.1", "5.2"];
    const sections = [...new Set(flow.steps.map((s) => s.section))];
    const starredHere = sections.filter((s) => s.endsWith("*")).map((s) => /（2）(\d\.\d)/.exec(s)?.[1]);
    expect(starredHere).toEqual(starredInForm);
  });

  it("conditional rows follow their answer", () => {
    const keys = (a: Answers) => expandSteps(flow.steps, a).map((i) => i.key);
    expect(keys({})).not.toContain("build-partner");
    expect(keys({ "build-mode": ans("self") })).not.toContain("build-partner");
    expect(keys({ "build-mode": ans("joint") })).toContain("build-partner");
    expect(keys({ iaas: ans("self") })).not.toContain("iaas-provider");
    expect(keys({ iaas: ans("rented") })).toContain("iaas-provider");
  });

  it("repeated rows expand per item", () => {
    const keys = expandSteps(flow.steps, {}).map((i) => i.key);
    expect(keys.filter((k) => k.startsWith("rd-spend["))).toEqual(["rd-spend[2021]", "rd-spend[2022]"]);
    expect(keys.filter((k) => k.startsWith("rd-ratio["))).toEqual(["rd-ratio[2021]", "rd-ratio[2022]"]);
    expect(keys.filter((k) => k.startsWith("devices-by-type["))).toHaveLength(4);
    expect(keys.filter((k) => k.startsWith("apps-by-domain["))).toHaveLength(9);
    expect(keys.filter((k) => k.startsWith("security["))).toHaveLength(5);
  });

  it("profile fields are mapped with matching value types", () => {
    const mapped = Object.fromEntries(flow.steps.filter((s) => s.profileField).map((s) => [s.profileField, s.kind]));
    expect(mapped).toEqual({
      name: "text",
      revenueLastYearWan: "money",
      profitLastYearWan: "money",
      platformConnectedDevices: "count",
      platformConnectedEnterprises: "count",
      employees: "count",
    });
    for (const s of flow.steps.filter((x) => x.profileField)) {
      expect(s.forEach, s.id).toBeUndefined();
      expect(s.profileField && s.profileField in profileSchema.shape).toBe(true);
    }
    // Profit may be a loss: the money reader takes negatives only where min < 0.
    expect(byId("profit-last-year").min).toBeLessThan(0);
  });
});
