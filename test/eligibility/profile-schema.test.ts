import { describe, expect, it } from "vitest";
import { parseProfile, parseProfileJson, ProfileInvalidError } from "../../src/flows/eligibility/index.ts";

function issuesOf(input: unknown) {
  try {
    parseProfile(input);
  } catch (err) {
    expect(err).toBeInstanceOf(ProfileInvalidError);
    return (err as ProfileInvalidError).issues;
  }
  throw new Error("expected the profile to be rejected");
}

describe("profile schema rejects what it does not know, naming the field", () => {
  const cases: [string, unknown, string, string][] = [
    ["unknown field", { province: "福建省", revenue: 100 }, "revenue", "unrecognized_keys"],
    ["employees as a string", { employees: "500" }, "employees", "invalid_type"],
    ["employees not an integer", { employees: 1.5 }, "employees", "invalid_type"],
    ["employees negative", { employees: -1 }, "employees", "too_small"],
    ["revenue negative", { revenueLastYearWan: -0.5 }, "revenueLastYearWan", "too_small"],
    ["revenue as Chinese text", { revenueLastYearWan: "3千万" }, "revenueLastYearWan", "invalid_type"],
    ["a kind that does not exist", { kinds: ["manufacturer", "bank"] }, "kinds[1]", "invalid_value"],
    ["kinds not an array", { kinds: "manufacturer" }, "kinds", "invalid_type"],
    ["maturity level 6", { smartMaturityLevel: 6 }, "smartMaturityLevel", "too_big"],
    ["a stage that does not exist", { smartFactoryStages: ["仓储物流"] }, "smartFactoryStages[0]", "invalid_value"],
    ["province as a number", { province: 35 }, "province", "invalid_type"],
    ["a flag as a string", { independentLegalEntity: "是" }, "independentLegalEntity", "invalid_type"],
    ["not an object", [1, 2], "(profile)", "invalid_type"],
  ];
  it.each(cases)("%s", (_n, input, field, code) => {
    const issues = issuesOf(input);
    expect(issues).toContainEqual(expect.objectContaining({ field, code }));
    if (field !== "(profile)") expect(issues.find((i) => i.field === field)?.message).toContain(field);
  });

  it("reports every unknown field", () => {
    expect(issuesOf({ a: 1, b: 2 }).map((i) => i.field)).toEqual(["a", "b"]);
  });

  it("the English log message names fields, never values", () => {
    const err = (() => {
      try {
        parseProfile({ name: 12345678, secret: "13800138000" });
      } catch (e) {
        return e as Error;
      }
      throw new Error("expected a rejection");
    })();
    expect(err.message).toContain("name");
    expect(err.message).toContain("secret");
    expect(err.message).not.toContain("13800138000");
    expect(err.message).not.toContain("12345678");
  });

  it("rejects text that is not JSON without echoing it", () => {
    expect(() => parseProfileJson("{name: 某某公司}")).toThrow(ProfileInvalidError);
  });
});

describe("profile schema accepts", () => {
  it("an empty profile (every fact unknown)", () => {
    expect(parseProfile({})).toEqual({});
  });
  it("null as an unknown fact, and an empty string as absent", () => {
    const p = parseProfile({ employees: null, province: "  " });
    expect(p.employees).toBeNull();
    expect(p.province).toBeUndefined();
  });
  it("a full profile", () => {
    const full = {
      name: "某某公司",
      province: "福建省",
      city: "福州市",
      independentLegalEntity: true,
      branchOfLegalEntity: false,
      kinds: ["manufacturer", "it", "internet", "automation", "identifier-operator"],
      sector: "纺织服装",
      employees: 500,
      revenueLastYearWan: 8000.5,
      profitLastYearWan: -20,
      dishonestListed: false,
      illegalRecordLast3Years: false,
      majorAccidentLast3Years: false,
      smartMaturityLevel: 0,
      basicSmartFactorySelfAssessed: true,
      smartFactoryStages: ["工厂建设", "研发设计", "生产作业", "生产管理", "运营管理"],
      twoIntegrationSelfAssessed: true,
      provincialDemoPlatform: false,
      platformConnectedEnterprises: 0,
      platformConnectedDevices: 0,
      platformNewServedEnterprisesThisYear: 0,
      cloudProviderContract: true,
      localEnterpriseUsers: 0,
      identifierRegisteredEnterprises: 0,
      identifierRegistrations: 0,
      identifierResolutions: 0,
      projectCompleted: false,
    };
    expect(parseProfile(full)).toEqual(full);
  });
});
