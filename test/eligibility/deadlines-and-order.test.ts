import { describe, expect, it } from "vitest";
import { matchProfile, orderForUser, type Profile } from "../../src/flows/eligibility/index.ts";
import { programs } from "../../src/flows/programs/index.ts";
import { resultFor } from "./helpers.ts";

describe("deadlinePassed: open through the deadline day, passed the day after", () => {
  const cases: [string, string, string | null, Profile, string, boolean][] = [
    ["2024 融合发展：截止前一天", "fj-2024-integration", "benchmark-digital", {}, "2024-05-29", false],
    ["2024 融合发展：截止当天", "fj-2024-integration", "benchmark-digital", {}, "2024-05-30", false],
    ["2024 融合发展：截止次日", "fj-2024-integration", "benchmark-digital", {}, "2024-05-31", true],
    ["2023 跨行业平台：截止当天", "fj-2023-cross-industry-platform", null, {}, "2023-06-12", false],
    ["2023 跨行业平台：截止次日", "fj-2023-cross-industry-platform", null, {}, "2023-06-13", true],
    ["智能工厂，福州企业：市局截止当天", "fj-2025-smart-factory-advanced", null, { city: "福州市" }, "2025-04-10", false],
    ["智能工厂，福州企业：市局截止次日", "fj-2025-smart-factory-advanced", null, { city: "福州市" }, "2025-04-11", true],
    ["智能工厂，厦门企业：4月11日仍在省厅截止前", "fj-2025-smart-factory-advanced", null, { city: "厦门市" }, "2025-04-11", false],
    ["智能工厂，厦门企业：省厅截止当天", "fj-2025-smart-factory-advanced", null, { city: "厦门市" }, "2025-04-15", false],
    ["智能工厂，厦门企业：省厅截止次日", "fj-2025-smart-factory-advanced", null, { city: "厦门市" }, "2025-04-16", true],
    ["智能工厂，城市未知：按最早的截止日", "fj-2025-smart-factory-advanced", null, {}, "2025-04-11", true],
  ];
  it.each(cases)("%s", (_n, id, cat, profile, asOf, passed) => {
    expect(resultFor(id, cat, profile, asOf).deadlinePassed).toBe(passed);
  });

  it.each([
    ["福州市", "2025-04-10"],
    ["福州", "2025-04-10"],
    ["厦门市", "2025-04-15"],
    [undefined, "2025-04-10"],
  ])("smart-factory deadline for city %s is %s", (city, date) => {
    const profile: Profile = city ? { city } : {};
    const r = resultFor("fj-2025-smart-factory-advanced", null, profile, "2025-04-01");
    expect(r.deadline).toBe(date);
    expect(r.deadlines.map((d) => d.date)).toEqual(["2025-04-10", "2025-04-15"]);
  });

  it("a program that prints no deadline has deadline null", () => {
    const r = resultFor("jl-2020-demo", "platform", {}, "2020-06-01");
    expect([r.deadline, r.deadlinePassed]).toEqual([null, null]);
  });
});

describe("ordering for the user", () => {
  const r = (name: string, verdict: "eligible" | "unknown" | "ineligible", deadline: string | null, passed: boolean | null) => ({
    name,
    verdict,
    deadline,
    deadlinePassed: passed,
  });

  it("eligible-open, unknown-open, no deadline, passed, then ineligible", () => {
    const input = [
      r("ineligible-open", "ineligible", "2024-05-30", false),
      r("eligible-passed", "eligible", "2023-06-12", true),
      r("unknown-open", "unknown", "2024-05-30", false),
      r("eligible-nodeadline", "eligible", null, null),
      r("unknown-passed", "unknown", "2023-06-12", true),
      r("eligible-open-later", "eligible", "2024-06-30", false),
      r("eligible-open", "eligible", "2024-05-30", false),
      r("unknown-nodeadline", "unknown", null, null),
    ];
    expect(orderForUser(input).map((x) => x.name)).toEqual([
      "eligible-open",
      "eligible-open-later",
      "unknown-open",
      "eligible-nodeadline",
      "unknown-nodeadline",
      "eligible-passed",
      "unknown-passed",
      "ineligible-open",
    ]);
  });

  it("a real match puts the open 2024 benchmark first and the ineligible last", () => {
    const profile: Profile = {
      province: "福建省",
      city: "厦门市",
      independentLegalEntity: true,
      kinds: ["manufacturer"],
      employees: 800,
      revenueLastYearWan: 12000,
      dishonestListed: false,
      illegalRecordLast3Years: false,
      projectCompleted: true,
    };
    const m = matchProfile(profile, programs, "2024-05-01");
    expect(m.sizeClass).toBe("medium");
    expect(m.results.length).toBe(programs.reduce((n, p) => n + p.categories.length, 0));
    const first = m.results[0];
    expect([first?.programId, first?.verdict, first?.deadlinePassed]).toEqual(["fj-2024-integration", "eligible", false]);
    const verdicts = m.results.map((x) => x.verdict);
    const firstIneligible = verdicts.indexOf("ineligible");
    expect(verdicts.slice(firstIneligible).every((v) => v === "ineligible")).toBe(true);
  });
});
