import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { profileSchema } from "../../src/flows/eligibility/index.ts";
import { expandSteps, optionsOf } from "../../src/flows/forms/expand.ts";
import type { Answer, Answers, AnswerValue } from "../../src/flows/forms/types.ts";
import { program } from "../../src/flows/programs/jl-2020-demo/index.ts";
import {
  CATEGORY_IDS,
  FINANCE_YEARS,
  flow,
  formCategoryOf,
} from "../../src/flows/programs/jl-2020-demo/questions.ts";

const NOTICE = path.resolve(import.meta.dirname, "../../corpus/notices/jl-2020-demo.txt");

/** Verbatim means: equal after removing HTML tags, markdown bold markers and all whitespace. */
const squash = (s: string) => s.replace(/<[^>]*>/g, "").replace(/\*\*/g, "").replace(/\s+/g, "");
const notice = squash(readFileSync(NOTICE, "utf8"));

const ans = (value: AnswerValue): Answer => ({ value, display: String(value) });
const skipped = { skipped: true } as const;

const categoryIds = program.categories.flatMap((c) => (c.id === null ? [] : [c.id]));

/** A category answered (or skipped: the general conditions alone). */
const withCategory = (id: string | null, extra: Answers = {}): Answers => ({
  category: id === null ? skipped : ans(id),
  ...extra,
});

const keys = (a: Answers) => expandSteps(flow.steps, a).map((i) => i.key);

/** Answer sets that open every conditional branch. */
const scenarios: [string, Answers][] = [
  ["nothing answered", {}],
  ...categoryIds.map((id): [string, Answers] => [id, withCategory(id)]),
  ["general, 两化融合", withCategory(null, { "form-category": ans("two-integration") })],
  ["general, 上平台用平台", withCategory(null, { "form-category": ans("on-platform") })],
  [
    "platform, every follow-up open",
    withCategory("platform", {
      "form-category": ans("industry-platform"),
      "service-types": ans(["supply-chain", "other"]),
      "data-collection-third-party": ans(true),
      deployment: ans("hybrid"),
    }),
  ],
];

const PLATFORM_ONLY = ["platform-industry", "cloud-provider", "platform-status", "planned-service-2020"];
const CAPABILITY = flow.steps.filter((s) => s.section.endsWith("工业互联网项目已具备能力")).map((s) => s.id);

describe("jl-2020-demo application flow", () => {
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
        expect(opts.length, inst.key).toBeGreaterThan(inst.step.id === "form-category" ? 1 : 0);
        expect(new Set(opts.map((o) => o.id)).size, inst.key).toBe(opts.length);
      }
    }
  });

  it("the category step offers exactly the program's non-null category ids", () => {
    const step = flow.steps.find((s) => s.id === "category");
    expect(step?.kind).toBe("choice");
    expect(step?.field).toBe("category");
    const opts = step ? optionsOf(step, {}) : [];
    expect(opts.map((o) => o.id)).toEqual(categoryIds);
    expect([...CATEGORY_IDS]).toEqual(categoryIds);
    for (const o of opts) expect(o.label).toBe(program.categories.find((c) => c.id === o.id)?.label);
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

  it("narratives are optional longText", () => {
    const narratives = flow.steps.filter((s) => s.kind === "longText");
    expect(narratives.length).toBeGreaterThanOrEqual(12);
    for (const s of narratives) expect(s.optional, s.id).toBe(true);
  });

  it("finance steps give one row per year, 2017–2019", () => {
    expect(FINANCE_YEARS.map((y) => y.key)).toEqual(["2017", "2018", "2019"]);
    const finance = flow.steps.filter((s) => s.id.startsWith("fin-"));
    expect(finance.map((s) => s.label)).toEqual(["总资产（万元）", "负债率", "主营业务收入（万元）", "税金（万元）", "利润（万元）"]);
    const instances = expandSteps(flow.steps, {});
    for (const s of finance) {
      const rows = instances.filter((i) => i.step.id === s.id);
      expect(rows.map((r) => r.key)).toEqual([`${s.id}[2017]`, `${s.id}[2018]`, `${s.id}[2019]`]);
      expect(rows.map((r) => r.field)).toEqual(["2017", "2018", "2019"].map((y) => `${s.field}.${y}`));
    }
    // 利润 may be a loss: the money reader takes negatives only where min < 0.
    expect(finance.find((s) => s.id === "fin-profit")?.min).toBeLessThan(0);
  });

  it.each([...categoryIds, null])("platform-only rows are asked only for the platform category (%s)", (id) => {
    const k = keys(withCategory(id));
    for (const s of PLATFORM_ONLY) expect(k.includes(s), s).toBe(id === "platform");
  });

  it.each([
    ["platform", true],
    ["research-institute", true],
    ["innovation-center", true],
    ["software", false],
    ["servitization", false],
  ] as const)("the 已具备能力 table follows the category (%s → %s)", (id, asked) => {
    expect(CAPABILITY.length).toBeGreaterThan(10);
    const k = keys(withCategory(id));
    const always = CAPABILITY.filter((s) => !["data-collection-vendor", "deployment-provider"].includes(s));
    for (const s of always) expect(k.includes(s), s).toBe(asked);
  });

  it("the 已具备能力 table is left out for 两化融合创新示范 and asked for 公共服务", () => {
    expect(keys(withCategory(null, { "form-category": ans("two-integration") }))).not.toContain("protocols");
    expect(keys(withCategory(null, { "form-category": ans("public-service") }))).toContain("protocols");
  });

  it("the 申报书's 项目类别 box is asked where the category leaves a choice and implied otherwise", () => {
    for (const id of ["platform", "research-institute", "innovation-center", null]) {
      expect(keys(withCategory(id)), String(id)).toContain("form-category");
    }
    expect(keys(withCategory("software"))).not.toContain("form-category");
    expect(keys(withCategory("servitization"))).not.toContain("form-category");
    expect(formCategoryOf(withCategory("software"))?.label).toBe("工业软件项目");
    expect(formCategoryOf(withCategory("servitization"))?.label).toBe("制造业服务化项目");
    expect(formCategoryOf(withCategory("platform", { "form-category": ans("enterprise-platform") }))?.label).toBe(
      "企业级工业互联网平台项目",
    );
    // Every box printed on the form is reachable.
    const reachable = new Set<string>();
    for (const id of [...categoryIds, null]) {
      const step = flow.steps.find((s) => s.id === "form-category");
      if (step) for (const o of optionsOf(step, withCategory(id))) reachable.add(o.label);
      const implied = formCategoryOf(withCategory(id));
      if (implied) reachable.add(implied.label);
    }
    expect(reachable.size).toBe(8);
    for (const label of reachable) expect(notice).toContain(`□${label}`);
  });

  it("follow-up rows open only on their answer", () => {
    expect(keys({ "service-types": ans(["supply-chain"]) })).not.toContain("service-types-other");
    expect(keys({ "service-types": ans(["other"]) })).toContain("service-types-other");
    const platform = withCategory("platform");
    expect(keys({ ...platform, deployment: ans("private") })).not.toContain("deployment-provider");
    expect(keys({ ...platform, deployment: ans("public") })).toContain("deployment-provider");
    expect(keys({ ...platform, "data-collection-third-party": ans(false) })).not.toContain("data-collection-vendor");
    expect(keys({ ...platform, "data-collection-third-party": ans(true) })).toContain("data-collection-vendor");
  });

  it("service types are the form's ten boxes plus 其他", () => {
    const step = flow.steps.find((s) => s.id === "service-types");
    expect(step?.kind).toBe("multiChoice");
    const labels = step ? optionsOf(step, {}).map((o) => o.label) : [];
    expect(labels).toHaveLength(11);
    for (const l of labels) expect(notice).toContain(`□${l}`);
  });

  it("profile fields are mapped with matching value types", () => {
    const mapped = flow.steps.filter((s) => s.profileField);
    expect(mapped.map((s) => [s.id, s.profileField, s.kind])).toEqual([["org-name", "name", "text"]]);
    for (const s of mapped) expect(s.profileField && s.profileField in profileSchema.shape).toBe(true);
  });
});
