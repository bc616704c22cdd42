import { describe, expect, it } from "vitest";
import type { Profile, ProfileField, Verdict } from "../../src/flows/eligibility/index.ts";
import { reason, resultFor, without } from "./helpers.ts";

const ID = "fj-2024-integration";

/** Passes every category of the 2024 notice. */
const base: Profile = {
  province: "福建省",
  city: "福州市",
  independentLegalEntity: true,
  kinds: ["manufacturer", "it", "identifier-operator"],
  employees: 500,
  revenueLastYearWan: 20000,
  dishonestListed: false,
  illegalRecordLast3Years: false,
  projectCompleted: true,
  platformConnectedEnterprises: 150,
  platformConnectedDevices: 0,
  provincialDemoPlatform: true,
  platformNewServedEnterprisesThisYear: 150,
  identifierRegisteredEnterprises: 400,
  identifierRegistrations: 40_000_000,
  identifierResolutions: 200_000_000,
};

type Case = [name: string, category: string, profile: Profile, verdict: Verdict, ruleId: string, status: string];

describe("fj-2024-integration: the base profile qualifies everywhere", () => {
  it.each(["platform-demo", "platform-sme", "benchmark-digital", "benchmark-data-security", "identifier"])("%s", (cat) => {
    const r = resultFor(ID, cat, base);
    expect(r.verdict).toBe("eligible");
    expect(r.missing).toEqual([]);
    expect(r.docNumber).toBe("闽工信函信息〔2024〕182号");
  });
});

describe("fj-2024-integration: revenue thresholds (「不少于」 includes the number)", () => {
  const cases: Case[] = [
    ["平台类营业收入 2999 万元，差 1 万元", "platform-demo", { ...base, revenueLastYearWan: 2999 }, "ineligible", "revenue-at-least-3000-wan", "fail"],
    ["平台类营业收入恰为 3000 万元", "platform-demo", { ...base, revenueLastYearWan: 3000 }, "eligible", "revenue-at-least-3000-wan", "pass"],
    ["平台类营业收入 3001 万元", "platform-demo", { ...base, revenueLastYearWan: 3001 }, "eligible", "revenue-at-least-3000-wan", "pass"],
    ["赋能类营业收入 2999 万元", "platform-sme", { ...base, revenueLastYearWan: 2999 }, "ineligible", "revenue-at-least-3000-wan", "fail"],
    ["标杆类营业收入 9999 万元", "benchmark-digital", { ...base, revenueLastYearWan: 9999 }, "ineligible", "revenue-at-least-1e4-wan", "fail"],
    ["标杆类营业收入恰为 1 亿元", "benchmark-digital", { ...base, revenueLastYearWan: 10000 }, "eligible", "revenue-at-least-1e4-wan", "pass"],
    ["标杆类营业收入 10001 万元", "benchmark-data-security", { ...base, revenueLastYearWan: 10001 }, "eligible", "revenue-at-least-1e4-wan", "pass"],
    ["数据安全标杆营业收入 9999 万元", "benchmark-data-security", { ...base, revenueLastYearWan: 9999 }, "ineligible", "revenue-at-least-1e4-wan", "fail"],
    ["标识解析营业收入 2999 万元", "identifier", { ...base, revenueLastYearWan: 2999 }, "ineligible", "revenue-at-least-3000-wan", "fail"],
    ["标识解析营业收入恰为 3000 万元", "identifier", { ...base, revenueLastYearWan: 3000 }, "eligible", "revenue-at-least-3000-wan", "pass"],
    ["营业收入未提供", "benchmark-digital", without(base, "revenueLastYearWan"), "unknown", "revenue-at-least-1e4-wan", "unknown"],
  ];
  it.each(cases)("%s", (_n, cat, profile, verdict, ruleId, status) => {
    const r = resultFor(ID, cat, profile);
    expect(r.verdict).toBe(verdict);
    expect(reason(r, ruleId).status).toBe(status);
  });

  it("says the actual figure and the threshold", () => {
    const r = resultFor(ID, "benchmark-digital", { ...base, revenueLastYearWan: 8000 });
    expect(reason(r, "revenue-at-least-1e4-wan").message).toBe("上一年度营业收入 8000 万元，低于 1 亿元");
    const ok = resultFor(ID, "benchmark-digital", { ...base, revenueLastYearWan: 15000 });
    expect(reason(ok, "revenue-at-least-1e4-wan")).toEqual({
      ruleId: "revenue-at-least-1e4-wan",
      status: "pass",
      message: "上一年度营业收入 15000 万元，不少于 1 亿元",
      citation: { docNumber: "闽工信函信息〔2024〕182号", section: "二、（二）标杆企业类", quote: "上一年度营业收入不少于1亿元" },
    });
  });

  it("names the missing field", () => {
    expect(resultFor(ID, "benchmark-digital", without(base, "revenueLastYearWan")).missing).toEqual(["revenueLastYearWan"]);
  });
});

describe("fj-2024-integration: platform connections (企业「超过100家」 strict, 设备「1万套以上」 inclusive)", () => {
  const p = (e: number | undefined, d: number | undefined): Profile => {
    const x: Profile = { ...base, platformConnectedEnterprises: e, platformConnectedDevices: d };
    if (e === undefined) delete x.platformConnectedEnterprises;
    if (d === undefined) delete x.platformConnectedDevices;
    return x;
  };
  const cases: [string, Profile, Verdict, ProfileField[]][] = [
    ["连接企业 99 家，设备 0 套", p(99, 0), "ineligible", []],
    ["连接企业恰为 100 家（不超过），设备 0 套", p(100, 0), "ineligible", []],
    ["连接企业 101 家", p(101, 0), "eligible", []],
    ["企业 0 家，设备 9999 套", p(0, 9999), "ineligible", []],
    ["企业 0 家，设备恰为 1 万套", p(0, 10000), "eligible", []],
    ["企业 0 家，设备 10001 套", p(0, 10001), "eligible", []],
    ["企业数未提供，设备 0 套", p(undefined, 0), "unknown", ["platformConnectedEnterprises"]],
    ["企业数未提供，设备 1 万套：已满足其一", p(undefined, 10000), "eligible", []],
    ["两项都未提供", p(undefined, undefined), "unknown", ["platformConnectedEnterprises", "platformConnectedDevices"]],
  ];
  it.each(cases)("%s", (_n, profile, verdict, missing) => {
    const r = resultFor(ID, "platform-demo", profile);
    expect(r.verdict).toBe(verdict);
    expect(r.missing).toEqual(missing);
  });

  it("the 100-enterprise message says 未超过", () => {
    expect(reason(resultFor(ID, "platform-demo", p(100, 0)), "platform-connections").message).toBe(
      "平台连接服务企业数 100 家，未超过 100 家；平台连接服务产品/设备数 0 套，低于 1 万套",
    );
  });

  it("platform-sme does not require the demo-platform connection figures", () => {
    expect(resultFor(ID, "platform-sme", p(undefined, undefined)).verdict).toBe("eligible");
  });
});

describe("fj-2024-integration: 平台赋能中小企业 (「达到100家（含）以上」, provincial demo platform)", () => {
  const cases: Case[] = [
    ["年度新增服务企业 99 家", "platform-sme", { ...base, platformNewServedEnterprisesThisYear: 99 }, "ineligible", "new-served-enterprises-at-least-100", "fail"],
    ["年度新增服务企业恰为 100 家", "platform-sme", { ...base, platformNewServedEnterprisesThisYear: 100 }, "eligible", "new-served-enterprises-at-least-100", "pass"],
    ["年度新增服务企业 101 家", "platform-sme", { ...base, platformNewServedEnterprisesThisYear: 101 }, "eligible", "new-served-enterprises-at-least-100", "pass"],
    ["不是省级以上示范平台", "platform-sme", { ...base, provincialDemoPlatform: false }, "ineligible", "provincial-demo-platform", "fail"],
    ["未说明是否示范平台", "platform-sme", without(base, "provincialDemoPlatform"), "unknown", "provincial-demo-platform", "unknown"],
  ];
  it.each(cases)("%s", (_n, cat, profile, verdict, ruleId, status) => {
    const r = resultFor(ID, cat, profile);
    expect(r.verdict).toBe(verdict);
    expect(reason(r, ruleId).status).toBe(status);
  });
});

describe("fj-2024-integration: identifier-resolution figures (「超」 is strict)", () => {
  const cases: Case[] = [
    ["注册工业企业 299 家", "identifier", { ...base, identifierRegisteredEnterprises: 299 }, "ineligible", "identifier-enterprises-over-300", "fail"],
    ["注册工业企业恰为 300 家", "identifier", { ...base, identifierRegisteredEnterprises: 300 }, "ineligible", "identifier-enterprises-over-300", "fail"],
    ["注册工业企业 301 家", "identifier", { ...base, identifierRegisteredEnterprises: 301 }, "eligible", "identifier-enterprises-over-300", "pass"],
    ["标识注册量 29999999", "identifier", { ...base, identifierRegistrations: 29_999_999 }, "ineligible", "identifier-registrations-over-3e7", "fail"],
    ["标识注册量恰为 3000 万", "identifier", { ...base, identifierRegistrations: 30_000_000 }, "ineligible", "identifier-registrations-over-3e7", "fail"],
    ["标识注册量 30000001", "identifier", { ...base, identifierRegistrations: 30_000_001 }, "eligible", "identifier-registrations-over-3e7", "pass"],
    ["解析量 99999999 次", "identifier", { ...base, identifierResolutions: 99_999_999 }, "ineligible", "identifier-resolutions-over-1e8", "fail"],
    ["解析量恰为 1 亿次", "identifier", { ...base, identifierResolutions: 100_000_000 }, "ineligible", "identifier-resolutions-over-1e8", "fail"],
    ["解析量 100000001 次", "identifier", { ...base, identifierResolutions: 100_000_001 }, "eligible", "identifier-resolutions-over-1e8", "pass"],
    ["解析量未提供", "identifier", without(base, "identifierResolutions"), "unknown", "identifier-resolutions-over-1e8", "unknown"],
  ];
  it.each(cases)("%s", (_n, cat, profile, verdict, ruleId, status) => {
    const r = resultFor(ID, cat, profile);
    expect(r.verdict).toBe(verdict);
    expect(reason(r, ruleId).status).toBe(status);
  });

  it("messages carry the figures", () => {
    const r = resultFor(ID, "identifier", { ...base, identifierRegisteredEnterprises: 300, identifierResolutions: 100_000_000 });
    expect(reason(r, "identifier-enterprises-over-300").message).toBe("二级节点注册工业企业数 300 家，未超过 300 家");
    expect(reason(r, "identifier-resolutions-over-1e8").message).toBe("标识解析量 100000000 次，未超过 1 亿次");
  });
});

describe("fj-2024-integration: kinds of enterprise per category", () => {
  const cases: Case[] = [
    ["标杆企业须为工业企业：信息技术企业不行", "benchmark-digital", { ...base, kinds: ["it"] }, "ineligible", "benchmark-industrial-enterprise", "fail"],
    ["标识解析须为建设运营单位：制造业企业不行", "identifier", { ...base, kinds: ["manufacturer"] }, "ineligible", "identifier-operator", "fail"],
    ["平台类：互联网企业可以", "platform-demo", { ...base, kinds: ["internet"] }, "eligible", "platform-applicant-kind", "pass"],
    ["平台类：「等」含自动化企业", "platform-demo", { ...base, kinds: ["automation"] }, "eligible", "platform-applicant-kind", "pass"],
    ["平台类：仅标识解析运营单位不在列", "platform-demo", { ...base, kinds: ["identifier-operator"] }, "ineligible", "platform-applicant-kind", "fail"],
    ["未选择任何类型", "platform-demo", { ...base, kinds: [] }, "ineligible", "platform-applicant-kind", "fail"],
    ["企业类型未提供", "benchmark-digital", without(base, "kinds"), "unknown", "benchmark-industrial-enterprise", "unknown"],
  ];
  it.each(cases)("%s", (_n, cat, profile, verdict, ruleId, status) => {
    const r = resultFor(ID, cat, profile);
    expect(r.verdict).toBe(verdict);
    expect(reason(r, ruleId).status).toBe(status);
  });
});

describe("fj-2024-integration: general conditions (二、申报条件)", () => {
  const cases: Case[] = [
    ["在浙江生产经营", "benchmark-digital", { ...base, province: "浙江省" }, "ineligible", "operates-in-fujian", "fail"],
    ["省份写作「福建」", "benchmark-digital", { ...base, province: "福建" }, "eligible", "operates-in-fujian", "pass"],
    ["省份未提供", "benchmark-digital", without(base, "province"), "unknown", "operates-in-fujian", "unknown"],
    ["不具有独立法人资格", "platform-demo", { ...base, independentLegalEntity: false }, "ineligible", "independent-legal-entity", "fail"],
    ["列入经营异常名录或失信名单", "identifier", { ...base, dishonestListed: true }, "ineligible", "not-listed-abnormal-or-dishonest", "fail"],
    ["有违法违规记录：通知只排除涉黑涉恶，须确认", "benchmark-digital", { ...base, illegalRecordLast3Years: true }, "unknown", "no-gang-crime-3-years", "unknown"],
    ["违法违规记录未说明", "benchmark-digital", without(base, "illegalRecordLast3Years"), "unknown", "no-gang-crime-3-years", "unknown"],
    ["标杆项目尚未建成", "benchmark-digital", { ...base, projectCompleted: false }, "ineligible", "project-completed", "fail"],
    ["数据安全标杆项目是否建成未说明", "benchmark-data-security", without(base, "projectCompleted"), "unknown", "project-completed", "unknown"],
  ];
  it.each(cases)("%s", (_n, cat, profile, verdict, ruleId, status) => {
    const r = resultFor(ID, cat, profile);
    expect(r.verdict).toBe(verdict);
    expect(reason(r, ruleId).status).toBe(status);
  });

  it("a recorded violation asks for confirmation, not for a field", () => {
    const r = resultFor(ID, "benchmark-digital", { ...base, illegalRecordLast3Years: true });
    expect(r.missing).toEqual([]);
    expect(reason(r, "no-gang-crime-3-years").message).toContain("涉黑涉恶");
  });

  it("an ineligible result asks nothing more", () => {
    const r = resultFor(ID, "benchmark-digital", without({ ...base, province: "浙江省" }, "projectCompleted"));
    expect(r.verdict).toBe("ineligible");
    expect(r.missing).toEqual([]);
  });

  it("advisories never decide: the qualitative criteria are listed for an eligible profile", () => {
    const r = resultFor(ID, "benchmark-digital", base);
    expect(r.verdict).toBe("eligible");
    expect(r.advisories.some((a) => a.startsWith("创新性"))).toBe(true);
    expect(r.advisories.some((a) => a.startsWith("安全性"))).toBe(true);
  });
});
