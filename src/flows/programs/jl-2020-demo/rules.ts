import { flagIs, kindsIncludeAny, provinceIs, threshold, type Rule } from "../../eligibility/index.ts";
import { DOC, params } from "./params.ts";
import { texts } from "./texts.ts";

// ── 二、申报条件 （一）（九）: general conditions, every category ──

export const registeredInJilin = provinceIs({ id: "registered-in-jilin", param: params.province });

/** 「新一代信息技术类企业」 is read to include internet firms; automation alone does not qualify. */
export const applicantKind = kindsIncludeAny({
  id: "applicant-kind",
  anyOf: ["manufacturer", "it", "internet"],
  requiredLabel: "制造业企业或新一代信息技术类企业",
  citation: { docNumber: DOC, section: "二、申报条件 > （一）", quote: "注册的制造业企业或新一代信息技术类企业" },
});

export const independentLegalEntity = flagIs({
  id: "independent-legal-entity",
  field: "independentLegalEntity",
  expected: true,
  citation: { docNumber: DOC, section: "二、申报条件 > （一）", quote: "企业需为独立法人单位" },
});

export const notLossMaking: Rule = {
  id: "not-loss-making",
  citation: params.minProfitWan.source,
  needs: ["profitLastYearWan"],
  check(p) {
    const v = p.profitLastYearWan;
    if (v == null) return { status: "unknown", missing: ["profitLastYearWan"], message: texts.profit.unknown };
    return v >= params.minProfitWan.value
      ? { status: "pass", message: texts.profit.pass(v) }
      : { status: "fail", message: texts.profit.fail(v) };
  },
};

const twoIntegrationFlag = flagIs({
  id: "two-integration-self-assessed",
  field: "twoIntegrationSelfAssessed",
  expected: true,
  citation: {
    docNumber: DOC,
    section: "二、申报条件 > （一）",
    quote: "制造业企业需在中国两化融合服务平台完成两化融合自评估",
  },
});

/** Only manufacturers must have completed the 两化融合 self-assessment. */
export const twoIntegrationIfManufacturer: Rule = {
  id: twoIntegrationFlag.id,
  citation: twoIntegrationFlag.citation,
  needs: ["kinds", "twoIntegrationSelfAssessed"],
  check(p, ctx) {
    if (p.kinds == null) return { status: "unknown", missing: ["kinds"], message: texts.twoIntegration.unknownKinds };
    if (!p.kinds.includes("manufacturer")) return { status: "pass", message: texts.twoIntegration.notApplicable };
    return twoIntegrationFlag.check(p, ctx);
  },
};

/**
 * The guide excludes 重大 accidents; the profile records 较大及以上 (a wider class), so a recorded
 * accident cannot decide and asks for confirmation.
 */
export const noMajorAccident3Years: Rule = {
  id: "no-major-accident-3-years",
  citation: { docNumber: DOC, section: "二、申报条件 > （九）", quote: "企业近三年来没有重大安全、环保等责任事故" },
  needs: ["majorAccidentLast3Years"],
  check(p) {
    const v = p.majorAccidentLast3Years;
    if (v == null) return { status: "unknown", missing: ["majorAccidentLast3Years"], message: texts.accident.unknown };
    return v ? { status: "unknown", message: texts.accident.confirm } : { status: "pass", message: texts.accident.clean };
  },
};

export const noIllegalRecord = flagIs({
  id: "no-illegal-record-3-years",
  field: "illegalRecordLast3Years",
  expected: false,
  citation: { docNumber: DOC, section: "二、申报条件 > （九）", quote: "无违法违规行为" },
});

export const general: readonly Rule[] = [
  registeredInJilin,
  applicantKind,
  independentLegalEntity,
  notLossMaking,
  twoIntegrationIfManufacturer,
  noMajorAccident3Years,
  noIllegalRecord,
];

// ── 二、（二）工业互联网平台 ──

export const cloudProviderContract = flagIs({
  id: "cloud-provider-contract",
  field: "cloudProviderContract",
  expected: true,
  citation: {
    docNumber: DOC,
    section: "二、申报条件 > （二）",
    quote: "申报单位需提供2019年、2020年与云平台服务商（或代理商）签订的合作协议、服务合同及首付款发票",
  },
});

export const localEnterpriseUsers = threshold({
  id: "local-enterprise-users-at-least-5",
  field: "localEnterpriseUsers",
  param: params.minLocalEnterpriseUsers,
  op: "atLeast",
  unit: "count",
  noun: "户",
});

export const platform: readonly Rule[] = [...general, cloudProviderContract, localEnterpriseUsers];

// ── 二、（五）工业软件 ──

export const softwareCompleted = flagIs({
  id: "software-completed",
  field: "projectCompleted",
  expected: true,
  texts: texts.softwareDone,
  citation: { docNumber: DOC, section: "二、申报条件 > （五）", quote: "工业软件项目应已研发完成" },
});

export const software: readonly Rule[] = [...general, softwareCompleted];
