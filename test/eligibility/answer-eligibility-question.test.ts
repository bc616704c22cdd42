import { describe, expect, it } from "vitest";
import { answerEligibilityQuestion, isEligibilityQuestion, statedFacts } from "../../src/flows/eligibility/index.ts";
import { programs } from "../../src/flows/programs/index.ts";

const ask = (q: string) => answerEligibilityQuestion(q, programs, "2026-11-22");

describe("facts stated in a question, read with the chat parsers", () => {
  it.each([
    ["我们是国企，营收五千万，能报平台类吗？", { revenueLastYearWan: 5000 }, "国企"],
    ["营业收入1.2亿能申报吗", { revenueLastYearWan: 12000 }, null],
    ["年收入两个亿可以报吗", { revenueLastYearWan: 20000 }, null],
    ["我们亏损了500万能报示范项目吗", { profitLastYearWan: -500 }, null],
    ["成熟度三级能报先进级智能工厂吗", { smartMaturityLevel: 3 }, null],
    ["我们是福州的分公司", { city: "福州市", province: "福建省", branchOfLegalEntity: true, independentLegalEntity: false }, null],
  ])("%s", (q, profile, ownership) => {
    const f = statedFacts(q);
    expect(f.profile).toMatchObject(profile);
    expect(f.ownership).toBe(ownership);
  });

  it("「智能工厂」 names a program, not the company's kind", () => {
    expect(statedFacts("成熟度三级能报先进级智能工厂吗").profile.kinds).toBeUndefined();
  });
});

describe("eligibility questions answered by the rules", () => {
  it("passes the platform revenue floor at 5000 万元, citing the clause, and offers the self-check", () => {
    const a = ask("我们是国企，营收五千万，能报平台类吗？")!;
    expect(a.results[0]).toMatchObject({ programId: "fj-2024-integration", category: "platform-demo", verdict: "eligible" });
    expect(a.text).toContain("✓ 上一年度营业收入 5000 万元，不少于 3000 万元");
    expect(a.text).toContain("「上一年度营业收入不少于3000万元」");
    expect(a.text).toContain("国企不是该通知的申报条件");
    expect(a.text).toContain("资格自测");
  });

  it.each([
    ["营收9999万能报数字化标杆企业吗", "ineligible"],
    ["营收1亿能报数字化标杆企业吗", "eligible"],
    ["营收1.5亿能报数字化标杆企业吗", "eligible"],
  ])("%s → %s (1亿元 floor, just below, at and above)", (q, verdict) => {
    const a = ask(q)!;
    expect(a.results.find((r) => r.category === "benchmark-digital")!.verdict).toBe(verdict);
  });

  it("fails a loss-making company on the Jilin non-loss condition", () => {
    const a = ask("吉林的制造业企业亏损了500万能报示范项目吗")!;
    expect(a.results[0]!.verdict).toBe("ineligible");
    expect(a.text).toContain("「非亏损企业」");
  });

  it.each([
    ["平台类营收要多少？"],
    ["我们能报平台类吗？"],
    ["营收五千万的企业多吗"],
    ["明天会下雨吗"],
  ])("leaves %s to policy Q&A (no stated fact, or not an eligibility question)", (q) => {
    expect(ask(q)).toBeNull();
  });
});

describe("isEligibilityQuestion (for the engine's router)", () => {
  it.each([
    ["营收8000万能申报数字化标杆企业吗", true],
    ["我想申报先进级智能工厂", false],
    ["我们公司能报什么？", false],
  ])("%s → %s", (q, want) => {
    expect(isEligibilityQuestion(q, programs)).toBe(want);
  });
});
