import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ENTERPRISE_KINDS,
  PROFILE_FIELDS,
  SMART_FACTORY_STAGES,
  fieldLabels,
  profileSchema,
  type Profile,
  type ProfileField,
} from "../../src/flows/eligibility/index.ts";
import { optionsOf, type StepInstance } from "../../src/flows/forms/expand.ts";
import { readAnswer } from "../../src/flows/forms/answer-input.ts";
import { fromProfileValue, toProfileValue } from "../../src/flows/forms/profile-bridge.ts";
import type { Step } from "../../src/flows/forms/types.ts";
import { profileQuestionList, profileQuestions } from "../../src/flows/questionnaire/questions.ts";

const inst = (s: Step): StepInstance => ({ key: s.id, step: s, field: s.field });

/** One typed answer per field and the profile value it must become. */
const SAMPLES: Record<ProfileField, [input: string, value: unknown]> = {
  name: ["福建某某智能科技有限公司", "福建某某智能科技有限公司"],
  province: ["福建省", "福建省"],
  city: ["福州市", "福州市"],
  independentLegalEntity: ["是", true],
  branchOfLegalEntity: ["不是", false],
  kinds: ["1、3", ["manufacturer", "internet"]],
  sector: ["有色金属", "有色金属"],
  employees: ["1200人", 1200],
  revenueLastYearWan: ["1.2亿", 12000],
  profitLastYearWan: ["亏损200万", -200],
  dishonestListed: ["没有", false],
  illegalRecordLast3Years: ["无", false],
  majorAccidentLast3Years: ["否", false],
  smartMaturityLevel: ["二级", 2],
  basicSmartFactorySelfAssessed: ["已完成", true],
  smartFactoryStages: ["生产作业、生产管理、运营管理", ["生产作业", "生产管理", "运营管理"]],
  twoIntegrationSelfAssessed: ["是的", true],
  provincialDemoPlatform: ["是", true],
  platformConnectedEnterprises: ["150家", 150],
  platformConnectedDevices: ["1.2万套", 12000],
  platformNewServedEnterprisesThisYear: ["120", 120],
  cloudProviderContract: ["有", true],
  localEnterpriseUsers: ["6户", 6],
  identifierRegisteredEnterprises: ["320家", 320],
  identifierRegistrations: ["3500万", 35_000_000],
  identifierResolutions: ["1.2亿次", 120_000_000],
  projectCompleted: ["已建成", true],
};

describe("one question per profile field", () => {
  it("covers every ProfileField and nothing else", () => {
    expect(Object.keys(profileQuestions).sort()).toEqual([...PROFILE_FIELDS].sort());
    expect(profileQuestionList.map((s) => s.profileField)).toEqual(PROFILE_FIELDS);
  });

  it("step ids are unique kebab-case", () => {
    const ids = profileQuestionList.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it.each(PROFILE_FIELDS.map((f) => [f] as const))("%s", (field) => {
    const q = profileQuestions[field];
    expect(q.profileField).toBe(field);
    expect(q.field).toBe(field);
    expect(q.section).toBe("资格自测");
    expect(q.label).toBe(fieldLabels[field]);
    expect(q.optional).toBe(true);
    expect(typeof q.prompt).toBe("string");
    expect(String(q.prompt)).toMatch(/[\u4e00-\u9fff]/);
    expect(q.help?.text).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("kinds match the profile schema", () => {
  const expectedKind = (field: ProfileField): Step["kind"] => {
    const schema = profileSchema.shape[field].unwrap().unwrap();
    const def = schema.def as { type: string };
    if (def.type === "boolean") return "yesNo";
    if (def.type === "array") return "multiChoice";
    if (def.type === "pipe") return "text"; // trimmed string → undefined for ""
    return field.endsWith("Wan") ? "money" : "count";
  };

  it.each(PROFILE_FIELDS.map((f) => [f] as const))("%s", (field) => {
    expect(profileQuestions[field].kind).toBe(expectedKind(field));
  });

  it("enum fields offer exactly the profile's enum values as option ids", () => {
    expect(optionsOf(profileQuestions.kinds, {}).map((o) => o.id)).toEqual([...ENTERPRISE_KINDS]);
    expect(optionsOf(profileQuestions.smartFactoryStages, {}).map((o) => o.id)).toEqual([...SMART_FACTORY_STAGES]);
  });

  it.each(PROFILE_FIELDS.map((f) => [f, ...SAMPLES[f]] as const))("%s ← %j", (field, input, value) => {
    const q = profileQuestions[field];
    const r = readAnswer(inst(q), input, {});
    expect(r.ok, r.ok ? "" : r.message).toBe(true);
    if (!r.ok) return;
    const v = toProfileValue(q, r.answer);
    expect(v).toEqual(value);
    const parsed: Profile = profileSchema.parse({ [field]: v });
    expect(parsed[field]).toEqual(value);
  });

  it("the whole sample profile parses", () => {
    const profile: Record<string, unknown> = {};
    for (const f of PROFILE_FIELDS) {
      const r = readAnswer(inst(profileQuestions[f]), SAMPLES[f][0], {});
      if (r.ok) profile[f] = toProfileValue(profileQuestions[f], r.answer);
    }
    expect(() => profileSchema.parse(profile)).not.toThrow();
    expect(Object.keys(profile).length).toBe(PROFILE_FIELDS.length);
  });

  it.each<[ProfileField, string]>([
    ["profitLastYearWan", "-200万"],
    ["profitLastYearWan", "负200万元"],
    ["profitLastYearWan", "亏了200万"],
  ])("a loss is accepted: %s ← %s", (field, input) => {
    const q = profileQuestions[field];
    const r = readAnswer(inst(q), input, {});
    expect(r).toEqual({ ok: true, answer: { value: -200, display: "-200 万元" } });
  });

  it.each<[ProfileField, string, string]>([
    ["revenueLastYearWan", "-200万", "MONEY_NEGATIVE"],
    ["revenueLastYearWan", "亏损200万", "MONEY_NEGATIVE"],
    ["smartMaturityLevel", "6", "VALUE_TOO_LARGE"],
    ["smartMaturityLevel", "二点五级", "COUNT_NOT_INTEGER"],
    ["employees", "-5", "COUNT_NEGATIVE"],
    ["employees", "300家", "COUNT_WRONG_UNIT"],
    ["kinds", "农业", "MULTI_UNKNOWN"],
    ["independentLegalEntity", "也许", "YES_NO_INVALID"],
  ])("refused: %s ← %s", (field, input, code) => {
    expect(readAnswer(inst(profileQuestions[field]), input, {})).toMatchObject({ ok: false, code });
  });

  it("都不是 is an answer for the enum fields (an empty list, not unknown)", () => {
    for (const f of ["kinds", "smartFactoryStages"] as const) {
      const q = profileQuestions[f];
      const r = readAnswer(inst(q), "都不是", {});
      expect(r).toEqual({ ok: true, answer: { value: [], display: "无" } });
      if (r.ok) expect(profileSchema.parse({ [f]: toProfileValue(q, r.answer) })[f]).toEqual([]);
    }
  });
});

describe("fromProfileValue → toProfileValue round-trips", () => {
  it.each(PROFILE_FIELDS.map((f) => [f, SAMPLES[f][1]] as const))("%s = %j", (field, value) => {
    const q = profileQuestions[field];
    const answer = fromProfileValue(q, value);
    expect(answer).toBeDefined();
    if (!answer) return;
    expect(answer.display.length).toBeGreaterThan(0);
    expect(toProfileValue(q, answer)).toEqual(value);
  });

  it("the display matches what reading the typed answer shows", () => {
    for (const f of PROFILE_FIELDS) {
      const q = profileQuestions[f];
      const r = readAnswer(inst(q), SAMPLES[f][0], {});
      if (!r.ok) throw new Error(r.message);
      expect(fromProfileValue(q, SAMPLES[f][1])?.display).toBe(r.answer.display);
    }
  });

  it.each<[ProfileField, unknown]>([
    ["employees", null],
    ["employees", undefined],
    ["employees", "300"],
    ["employees", 2.5],
    ["independentLegalEntity", "yes"],
    ["kinds", ["farming"]],
    ["smartMaturityLevel", 9],
    ["revenueLastYearWan", -1],
    ["name", ""],
  ])("unknown or unfit value gives no pre-fill: %s = %j", (field, value) => {
    expect(fromProfileValue(profileQuestions[field], value)).toBeUndefined();
  });

  it("a loss round-trips", () => {
    const q = profileQuestions.profitLastYearWan;
    const a = fromProfileValue(q, -350.5);
    expect(a).toEqual({ value: -350.5, display: "-350.5 万元" });
    if (a) expect(toProfileValue(q, a)).toBe(-350.5);
  });
});

describe("help citations are verbatim notice text", () => {
  const NOTICES = path.resolve(import.meta.dirname, "../../corpus/notices");
  const squash = (s: string) => s.replace(/\*\*/g, "").replace(/\s+/g, "");
  const corpus = readdirSync(NOTICES)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => squash(readFileSync(path.join(NOTICES, f), "utf8")));

  const cited = profileQuestionList.flatMap((q) => (q.help?.citation ? [[q.id, q.help.citation] as const] : []));

  it("most questions carry a citation", () => {
    expect(cited.length).toBeGreaterThanOrEqual(PROFILE_FIELDS.length - 1);
  });

  it.each(cited)("%s", (_id, c) => {
    expect(c.external).toBeFalsy();
    expect(c.section.length).toBeGreaterThan(0);
    expect(c.quote.length).toBeGreaterThan(2);
    expect(corpus.some((text) => text.includes(squash(c.quote))), c.quote).toBe(true);
  });
});
