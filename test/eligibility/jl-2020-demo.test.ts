import { describe, expect, it } from "vitest";
import type { Profile, ProfileField, Verdict } from "../../src/flows/eligibility/index.ts";
import { reason, resultFor, without } from "./helpers.ts";

const ID = "jl-2020-demo";

const base: Profile = {
  province: "吉林省",
  kinds: ["it"],
  independentLegalEntity: true,
  profitLastYearWan: 10,
  majorAccidentLast3Years: false,
  illegalRecordLast3Years: false,
  cloudProviderContract: true,
  localEnterpriseUsers: 5,
  projectCompleted: true,
};

const CATEGORIES = [null, "platform", "research-institute", "innovation-center", "software", "servitization"];

describe("jl-2020-demo: the base profile qualifies for every category", () => {
  it.each(CATEGORIES)("%s", (cat) => {
    const r = resultFor(ID, cat, base);
    expect(r.verdict).toBe("eligible");
    expect(r.deadline).toBeNull();
    expect(r.deadlinePassed).toBeNull();
  });
});

type Case = [name: string, category: string | null, profile: Profile, verdict: Verdict, missing: ProfileField[]];

describe("jl-2020-demo: general conditions (二、（一）（九）)", () => {
  const cases: Case[] = [
    ["利润 -0.01 万元：亏损", null, { ...base, profitLastYearWan: -0.01 }, "ineligible", []],
    ["利润恰为 0：非亏损", null, { ...base, profitLastYearWan: 0 }, "eligible", []],
    ["利润 0.01 万元", null, { ...base, profitLastYearWan: 0.01 }, "eligible", []],
    ["利润未提供", null, without(base, "profitLastYearWan"), "unknown", ["profitLastYearWan"]],
    ["在福建注册", null, { ...base, province: "福建省" }, "ineligible", []],
    ["互联网企业算新一代信息技术类", null, { ...base, kinds: ["internet"] }, "eligible", []],
    ["仅为自动化企业", null, { ...base, kinds: ["automation"] }, "ineligible", []],
    ["制造业企业未说明两化融合自评估", null, { ...base, kinds: ["manufacturer"] }, "unknown", ["twoIntegrationSelfAssessed"]],
    ["制造业企业未完成两化融合自评估", null, { ...base, kinds: ["manufacturer"], twoIntegrationSelfAssessed: false }, "ineligible", []],
    ["制造业企业已完成两化融合自评估", null, { ...base, kinds: ["manufacturer"], twoIntegrationSelfAssessed: true }, "eligible", []],
    ["非制造业企业不要求两化融合自评估", null, { ...base, kinds: ["it"], twoIntegrationSelfAssessed: false }, "eligible", []],
    ["企业类型未提供", null, without(base, "kinds"), "unknown", ["kinds"]],
    ["非独立法人单位", "software", { ...base, independentLegalEntity: false }, "ineligible", []],
    ["有违法违规行为", "servitization", { ...base, illegalRecordLast3Years: true }, "ineligible", []],
    ["发生较大及以上事故：须确认是否重大责任事故", null, { ...base, majorAccidentLast3Years: true }, "unknown", []],
    ["事故情况未说明", null, without(base, "majorAccidentLast3Years"), "unknown", ["majorAccidentLast3Years"]],
  ];
  it.each(cases)("%s", (_n, cat, profile, verdict, missing) => {
    const r = resultFor(ID, cat, profile);
    expect(r.verdict).toBe(verdict);
    expect(r.missing).toEqual(missing);
  });

  it("the loss message has the figure", () => {
    expect(reason(resultFor(ID, null, { ...base, profitLastYearWan: -50 }), "not-loss-making").message).toBe(
      "上一年度利润 -50 万元，为亏损企业",
    );
  });
});

describe("jl-2020-demo: platform (二、（二）) and software (二、（五）)", () => {
  const cases: Case[] = [
    ["本地企业用户 4 户", "platform", { ...base, localEnterpriseUsers: 4 }, "ineligible", []],
    ["本地企业用户恰为 5 户", "platform", { ...base, localEnterpriseUsers: 5 }, "eligible", []],
    ["本地企业用户 6 户", "platform", { ...base, localEnterpriseUsers: 6 }, "eligible", []],
    ["本地企业用户 4 户不影响通用条件", null, { ...base, localEnterpriseUsers: 4 }, "eligible", []],
    ["本地企业用户未提供", "platform", without(base, "localEnterpriseUsers"), "unknown", ["localEnterpriseUsers"]],
    ["未与云平台服务商签约", "platform", { ...base, cloudProviderContract: false }, "ineligible", []],
    ["云平台合同未说明", "platform", without(base, "cloudProviderContract"), "unknown", ["cloudProviderContract"]],
    ["工业软件尚未研发完成", "software", { ...base, projectCompleted: false }, "ineligible", []],
    ["制造业服务化不要求已建成", "servitization", { ...base, projectCompleted: false }, "eligible", []],
  ];
  it.each(cases)("%s", (_n, cat, profile, verdict, missing) => {
    const r = resultFor(ID, cat, profile);
    expect(r.verdict).toBe(verdict);
    expect(r.missing).toEqual(missing);
  });

  it("hard conditions no field can decide are listed as advisories", () => {
    expect(resultFor(ID, "servitization", base).advisories.some((a) => a.includes("项目已启动或部分实施"))).toBe(true);
  });
});
