import { describe, expect, it } from "vitest";
import type { Profile, ProfileField, Verdict } from "../../src/flows/eligibility/index.ts";
import { reason, resultFor, without } from "./helpers.ts";

const ID = "fj-2025-smart-factory-advanced";
const AS_OF = "2025-04-01";

const base: Profile = {
  province: "福建省",
  city: "福州市",
  independentLegalEntity: true,
  kinds: ["manufacturer"],
  employees: 500,
  revenueLastYearWan: 5000,
  dishonestListed: false,
  majorAccidentLast3Years: false,
  illegalRecordLast3Years: false,
  projectCompleted: true,
  basicSmartFactorySelfAssessed: true,
  smartMaturityLevel: 2,
  smartFactoryStages: ["生产作业", "生产管理", "运营管理"],
};

type Case = [name: string, profile: Profile, verdict: Verdict, ruleId: string, status: string];
const run = (cases: Case[]) =>
  it.each(cases)("%s", (_n, profile, verdict, ruleId, status) => {
    const r = resultFor(ID, null, profile, AS_OF);
    expect(r.verdict).toBe(verdict);
    expect(reason(r, ruleId).status).toBe(status);
  });

describe("fj-2025-smart-factory-advanced: 规模以上工业企业 (2000 万元及以上, external definition)", () => {
  run([
    ["营业收入 1999 万元", { ...base, revenueLastYearWan: 1999 }, "ineligible", "above-designated-size-revenue-at-least-2000-wan", "fail"],
    ["营业收入恰为 2000 万元", { ...base, revenueLastYearWan: 2000 }, "eligible", "above-designated-size-revenue-at-least-2000-wan", "pass"],
    ["营业收入 2001 万元", { ...base, revenueLastYearWan: 2001 }, "eligible", "above-designated-size-revenue-at-least-2000-wan", "pass"],
    ["不是工业企业", { ...base, kinds: ["it"] }, "ineligible", "industrial-enterprise", "fail"],
  ]);

  it("cites the statistics standard as external", () => {
    const c = reason(resultFor(ID, null, base, AS_OF), "above-designated-size-revenue-at-least-2000-wan").citation;
    expect(c.external).toBe(true);
    expect(c.quote).toContain("2000万元及以上");
  });
});

describe("fj-2025-smart-factory-advanced: GB/T 39116 二级及以上, covered 环节, self-assessment", () => {
  run([
    ["成熟度一级", { ...base, smartMaturityLevel: 1 }, "ineligible", "maturity-level-at-least-2", "fail"],
    ["成熟度恰为二级", { ...base, smartMaturityLevel: 2 }, "eligible", "maturity-level-at-least-2", "pass"],
    ["成熟度三级", { ...base, smartMaturityLevel: 3 }, "eligible", "maturity-level-at-least-2", "pass"],
    ["成熟度 0（未评估）", { ...base, smartMaturityLevel: 0 }, "ineligible", "maturity-level-at-least-2", "fail"],
    ["成熟度未提供", without(base, "smartMaturityLevel"), "unknown", "maturity-level-at-least-2", "unknown"],
    ["缺运营管理环节", { ...base, smartFactoryStages: ["生产作业", "生产管理", "研发设计"] }, "ineligible", "covers-required-stages", "fail"],
    ["五个环节全覆盖", { ...base, smartFactoryStages: ["工厂建设", "研发设计", "生产作业", "生产管理", "运营管理"] }, "eligible", "covers-required-stages", "pass"],
    ["环节未提供", without(base, "smartFactoryStages"), "unknown", "covers-required-stages", "unknown"],
    ["未完成基础级自建自评", { ...base, basicSmartFactorySelfAssessed: false }, "ineligible", "basic-smart-factory-self-assessed", "fail"],
    ["智能工厂尚未建成", { ...base, projectCompleted: false }, "ineligible", "smart-factory-built", "fail"],
  ]);

  it("names the lacking 环节 and the level in words", () => {
    const r = resultFor(ID, null, { ...base, smartMaturityLevel: 1, smartFactoryStages: ["生产作业"] }, AS_OF);
    expect(reason(r, "maturity-level-at-least-2").message).toBe("智能制造能力成熟度自评估等级 一级，低于 二级");
    expect(reason(r, "covers-required-stages").message).toBe("未覆盖生产管理、运营管理环节（须至少覆盖生产作业、生产管理、运营管理）");
  });
});

describe("fj-2025-smart-factory-advanced: credit, accidents, legal record, region", () => {
  run([
    ["有不良信用记录", { ...base, dishonestListed: true }, "ineligible", "no-bad-credit-record", "fail"],
    ["近三年发生较大及以上事故", { ...base, majorAccidentLast3Years: true }, "ineligible", "no-major-accident-3-years", "fail"],
    ["近三年有违法违规行为", { ...base, illegalRecordLast3Years: true }, "ineligible", "no-illegal-record-3-years", "fail"],
    ["在省外生产经营", { ...base, province: "广东省" }, "ineligible", "operates-in-fujian", "fail"],
  ]);
});

describe("fj-2025-smart-factory-advanced: 独立法人, and branches in 石油石化、有色金属", () => {
  const branch = (sector: string | undefined, extra: Partial<Profile> = {}): Profile => {
    const p: Profile = { ...base, independentLegalEntity: false, branchOfLegalEntity: true, sector, ...extra };
    if (sector === undefined) delete p.sector;
    return p;
  };
  const cases: [string, Profile, Verdict, ProfileField[]][] = [
    ["石油石化企业的分支机构", branch("石油石化"), "eligible", []],
    ["有色金属企业的分支机构", branch("有色金属"), "eligible", []],
    ["有色金属冶炼企业的分支机构", branch("有色金属冶炼"), "eligible", []],
    ["纺织服装企业的分支机构", branch("纺织服装"), "ineligible", []],
    ["分支机构，行业未提供", branch(undefined), "unknown", ["sector"]],
    ["非独立法人，也不是分支机构", branch("石油石化", { branchOfLegalEntity: false }), "ineligible", []],
    ["非独立法人，石油石化，未说明是否分支机构", without(branch("石油石化"), "branchOfLegalEntity"), "unknown", ["branchOfLegalEntity"]],
    ["非独立法人，行业与分支机构都未说明", without(branch(undefined), "branchOfLegalEntity"), "unknown", ["branchOfLegalEntity", "sector"]],
    ["非独立法人，纺织服装，未说明是否分支机构", without(branch("纺织服装"), "branchOfLegalEntity"), "ineligible", []],
    ["独立法人资格未说明", without(base, "independentLegalEntity"), "unknown", ["independentLegalEntity"]],
    ["独立法人，行业不论", { ...base, sector: "纺织服装" }, "eligible", []],
  ];
  it.each(cases)("%s", (_n, profile, verdict, missing) => {
    const r = resultFor(ID, null, profile, AS_OF);
    expect(r.verdict).toBe(verdict);
    expect(r.missing).toEqual(missing);
  });

  it("cites the provincial notice, not the city forwarding notice", () => {
    const r = resultFor(ID, null, branch("石油石化"), AS_OF);
    expect(reason(r, "legal-entity-or-allowed-branch").citation.docNumber).toBe("闽工信函装备〔2025〕123号");
    expect(r.docNumber).toBe("榕工信装备〔2025〕30号");
  });
});
