import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ProfileField } from "../../src/flows/eligibility/index.ts";
import { expandSteps, optionsOf } from "../../src/flows/forms/expand.ts";
import type { Answer, Answers, InputKind, Step } from "../../src/flows/forms/types.ts";
import { DOC } from "../../src/flows/programs/fj-2024-integration/params.ts";
import { flow } from "../../src/flows/programs/fj-2024-integration/questions.ts";
import { program } from "../../src/flows/programs/fj-2024-integration/index.ts";

const NOTICE = readFileSync(path.resolve(import.meta.dirname, "../../corpus/notices/fj-2024-integration.txt"), "utf8");

/** Whitespace-insensitive, markdown bold and HTML tags (<p>, <input …/>) aside. */
const squash = (s: string) =>
  s
    .replace(/<[^>]*>/g, "")
    .replace(/\*\*/g, "")
    .replace(/\s+/g, "");
const notice = squash(NOTICE);

const CATEGORY_IDS = program.categories.map((c) => c.id).filter((id): id is string => id !== null);

/** Direction steps' fields start with the camelCase category id. */
const prefixOf = (categoryId: string) => categoryId.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase()) + ".";

const ans = (value: Answer["value"], display = String(value)): Answer => ({ value, display });

/** Answers that open every conditional step of one direction (5G, all effects, assessment done). */
function answersFor(categoryId: string): Answers {
  return {
    category: ans(categoryId, categoryId),
    "benchmark-digital-5g": ans(true, "是"),
    "benchmark-digital-effects": ans(["efficiency", "operating-cost", "rd-cycle", "defect-rate", "data-security", "energy"], "全部"),
    "benchmark-data-security-assessment": ans(true, "是"),
  };
}

const steps = flow.steps;

describe("fj-2024-integration application flow", () => {
  it("belongs to the program and prints the form's title", () => {
    expect(flow.programId).toBe(program.id);
    expect(flow.formTitle).toBe(program.form?.title);
    expect(flow.intro.length).toBeGreaterThan(10);
  });

  it("step ids are unique and kebab-case", () => {
    const ids = steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("fields are dotted camelCase and unique, also after expansion", () => {
    const fields = steps.map((s) => s.field);
    expect(new Set(fields).size).toBe(fields.length);
    for (const f of fields) expect(f).toMatch(/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/);
    for (const id of CATEGORY_IDS) {
      const expanded = expandSteps(steps, answersFor(id));
      const xs = expanded.map((i) => i.field);
      expect(new Set(xs).size, id).toBe(xs.length);
      const keys = expanded.map((i) => i.key);
      expect(new Set(keys).size, id).toBe(keys.length);
    }
  });

  it("choice steps have options with unique ids", () => {
    for (const s of steps.filter((x) => x.kind === "choice" || x.kind === "multiChoice")) {
      const opts = optionsOf(s, answersFor("benchmark-digital"));
      expect(opts.length, s.id).toBeGreaterThan(1);
      expect(new Set(opts.map((o) => o.id)).size, s.id).toBe(opts.length);
    }
  });

  it("the category step offers exactly the program's categories", () => {
    const category = steps.find((s) => s.id === "category");
    expect(category?.kind).toBe("choice");
    expect(category?.field).toBe("category");
    expect(optionsOf(category as Step, {}).map((o) => o.id)).toEqual(CATEGORY_IDS);
  });

  it("every help citation is verbatim notice text with the notice's 文号", () => {
    const cited = steps.filter((s) => s.help?.citation);
    expect(cited.length).toBeGreaterThan(20);
    for (const s of cited) {
      const c = s.help?.citation;
      if (!c) continue;
      expect(c.docNumber, s.id).toBe(DOC);
      expect(c.section.length, s.id).toBeGreaterThan(0);
      expect(c.quote.length, s.id).toBeGreaterThan(2);
      expect(notice, `${s.id}: ${c.quote}`).toContain(squash(c.quote));
    }
  });

  it("every guidance is verbatim notice text, on longText steps only", () => {
    const guided = steps.filter((s) => s.guidance !== undefined);
    expect(guided.length).toBeGreaterThan(20);
    for (const s of guided) {
      expect(s.kind, s.id).toBe("longText");
      expect(notice, `${s.id}: ${s.guidance}`).toContain(squash(s.guidance ?? ""));
    }
  });

  it("narratives are optional and within their direction's 字数 limit", () => {
    const limits: Record<string, number> = {
      "platform-demo": 5000,
      "platform-sme": 2000,
      "benchmark-digital": 5000,
      "benchmark-data-security": 5000,
      identifier: 2000,
    };
    for (const [id, limit] of Object.entries(limits)) {
      const intro = steps.filter((s) => s.field.startsWith(`${prefixOf(id)}intro.`));
      expect(intro.length, id).toBeGreaterThanOrEqual(3);
      for (const s of intro) {
        expect(s.kind, s.id).toBe("longText");
        expect(s.optional, s.id).toBe(true);
        expect(s.maxLength, s.id).toBe(limit);
      }
    }
    expect(steps.find((s) => s.id === "unit-profile")?.maxLength).toBe(500);
  });

  it("profile-linked steps have the profile field's type", () => {
    const kindOf: Partial<Record<ProfileField, InputKind>> = {
      name: "text",
      sector: "text",
      revenueLastYearWan: "money",
      profitLastYearWan: "money",
      provincialDemoPlatform: "yesNo",
      platformConnectedEnterprises: "count",
      platformConnectedDevices: "count",
      platformNewServedEnterprisesThisYear: "count",
      identifierRegisteredEnterprises: "count",
      identifierRegistrations: "count",
      identifierResolutions: "count",
      projectCompleted: "yesNo",
    };
    const linked = steps.filter((s) => s.profileField);
    expect(linked.length).toBeGreaterThan(10);
    for (const s of linked) {
      expect(s.forEach, s.id).toBeUndefined();
      expect(kindOf[s.profileField as ProfileField], `${s.id} → ${String(s.profileField)}`).toBe(s.kind);
    }
  });

  it("without a category, no direction's steps are asked", () => {
    const fields = expandSteps(steps, {}).map((i) => i.field);
    for (const id of CATEGORY_IDS) expect(fields.filter((f) => f.startsWith(prefixOf(id))), id).toEqual([]);
    expect(fields).toContain("category");
    expect(fields).toContain("basic.creditCode");
    expect(fields).toContain("commitment.agreed");
  });

  it.each(CATEGORY_IDS)("choosing %s asks that direction's steps and none of the others'", (id) => {
    const answers: Answers = { category: { value: id, display: id } };
    const fields = expandSteps(steps, answers).map((i) => i.field);
    const own = steps.filter((s) => s.field.startsWith(prefixOf(id)));
    // Its steps that do not wait on a further answer are all asked.
    const ownUnconditional = own.filter((s) => s.when?.(answers) && !s.forEach);
    expect(ownUnconditional.length, id).toBeGreaterThanOrEqual(5);
    for (const s of ownUnconditional) expect(fields, s.id).toContain(s.field);
    expect(fields.filter((f) => f.startsWith(`${prefixOf(id)}intro.`)).length).toBeGreaterThanOrEqual(3);
    for (const other of CATEGORY_IDS.filter((x) => x !== id)) {
      expect(fields.filter((f) => f.startsWith(prefixOf(other))), other).toEqual([]);
    }
    // Every direction step is conditional on the category.
    for (const s of own) expect(s.when?.({}) ?? true, s.id).toBe(false);
    // The shared table and the commitment are asked whatever the category.
    expect(fields).toContain("basic.applicantName");
    expect(fields).toContain("commitment.agreed");
  });

  it("5G and KPI follow-ups appear only when their answers call for them", () => {
    const base: Answers = { category: ans("benchmark-digital", "数字化标杆企业") };
    const keys = (a: Answers) => expandSteps(steps, a).map((i) => i.key);
    expect(keys(base)).not.toContain("benchmark-digital-5g-scenarios");
    expect(keys({ ...base, "benchmark-digital-5g": ans(true, "是") })).toContain("benchmark-digital-5g-scenarios");
    const withEffects = keys({ ...base, "benchmark-digital-effects": ans(["efficiency", "data-security"], "生产效率提高、数据安全防护能力提升") });
    expect(withEffects.filter((k) => k.startsWith("benchmark-digital-kpi["))).toEqual(["benchmark-digital-kpi[efficiency]"]);
    const ds: Answers = { category: ans("benchmark-data-security", "工业数据安全标杆企业") };
    expect(keys(ds)).not.toContain("benchmark-data-security-assessment-third-party");
    expect(keys({ ...ds, "benchmark-data-security-assessment": ans(true, "是") })).toContain(
      "benchmark-data-security-assessment-third-party",
    );
  });

  it("repeated financial steps get one key per year and do not clash with the last year's", () => {
    const fields = expandSteps(steps, {}).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(["basic.finance.revenue.2023", "basic.finance.revenue.2022", "basic.finance.revenue.2021"]));
    expect(fields.filter((f) => f.startsWith("basic.finance.rdSpending."))).toHaveLength(3);
  });
});
