import { describe, expect, it } from "vitest";
import type { Profile, ProfileField, Verdict } from "../../src/flows/eligibility/index.ts";
import { reason, resultFor, without } from "./helpers.ts";

const ID = "fj-2023-cross-industry-platform";
const AS_OF = "2023-06-01";

const base: Profile = { province: "福建省", independentLegalEntity: true, dishonestListed: false, kinds: ["internet"] };
const maker = (employees?: number, revenueLastYearWan?: number): Profile => {
  const p: Profile = { ...base, kinds: ["manufacturer"], employees, revenueLastYearWan };
  if (employees === undefined) delete p.employees;
  if (revenueLastYearWan === undefined) delete p.revenueLastYearWan;
  return p;
};

describe("fj-2023-cross-industry-platform: 制造行业大型骨干企业、互联网企业、信息技术企业、自动化企业等", () => {
  const cases: [string, Profile, Verdict, ProfileField[]][] = [
    ["互联网企业，规模不论", base, "eligible", []],
    ["信息技术企业", { ...base, kinds: ["it"] }, "eligible", []],
    ["自动化企业", { ...base, kinds: ["automation"] }, "eligible", []],
    ["制造企业，从业人员 1000、营业收入 4 亿元：大型", maker(1000, 40000), "eligible", []],
    ["制造企业，从业人员 999：中型", maker(999, 40000), "ineligible", []],
    ["制造企业，营业收入 39999 万元：中型", maker(1000, 39999), "ineligible", []],
    ["制造企业，从业人员 1001、营业收入 40001 万元", maker(1001, 40001), "eligible", []],
    ["制造企业，从业人员未提供", maker(undefined, 50000), "unknown", ["employees"]],
    ["制造企业，规模都未提供", maker(), "unknown", ["employees", "revenueLastYearWan"]],
    ["制造企业，从业人员 10 人：已是微型", maker(10), "ineligible", []],
    ["仅为标识解析运营单位", { ...base, kinds: ["identifier-operator"] }, "ineligible", []],
    ["企业类型未提供", without(base, "kinds"), "unknown", ["kinds"]],
  ];
  it.each(cases)("%s", (_n, profile, verdict, missing) => {
    const r = resultFor(ID, null, profile, AS_OF);
    expect(r.verdict).toBe(verdict);
    expect(r.missing).toEqual(missing);
  });

  it("says the size class it computed", () => {
    expect(reason(resultFor(ID, null, maker(999, 40000), AS_OF), "applicant-kind").message).toContain("中型企业");
  });
});

describe("fj-2023-cross-industry-platform: 在福建省内注册、独立法人、良好的社会信用", () => {
  const cases: [string, Profile, Verdict, string, string][] = [
    ["在吉林注册", { ...base, province: "吉林省" }, "ineligible", "registered-in-fujian", "fail"],
    ["不具有独立法人资格", { ...base, independentLegalEntity: false }, "ineligible", "independent-legal-entity", "fail"],
    ["列入失信名单", { ...base, dishonestListed: true }, "ineligible", "good-social-credit", "fail"],
    ["信用情况未说明", without(base, "dishonestListed"), "unknown", "good-social-credit", "unknown"],
  ];
  it.each(cases)("%s", (_n, profile, verdict, ruleId, status) => {
    const r = resultFor(ID, null, profile, AS_OF);
    expect(r.verdict).toBe(verdict);
    expect(reason(r, ruleId).status).toBe(status);
  });

  it("has no 文号 and cites with docNumber null", () => {
    const r = resultFor(ID, null, base, AS_OF);
    expect(r.docNumber).toBeNull();
    expect(r.reasons.every((x) => x.citation.docNumber === null)).toBe(true);
  });
});
