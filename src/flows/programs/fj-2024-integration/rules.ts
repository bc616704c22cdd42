import { anyOf, flagIs, kindsIncludeAny, provinceIs, threshold, type Rule } from "../../eligibility/index.ts";
import { DOC, params } from "./params.ts";
import { texts } from "./texts.ts";

// ── 二、申报条件: general conditions, every category ──

export const operatesInFujian = provinceIs({ id: "operates-in-fujian", param: params.province });

export const independentLegalEntity = flagIs({
  id: "independent-legal-entity",
  field: "independentLegalEntity",
  expected: true,
  citation: { docNumber: DOC, section: "二、申报条件", quote: "具有独立法人资格" },
});

export const notListedAbnormalOrDishonest = flagIs({
  id: "not-listed-abnormal-or-dishonest",
  field: "dishonestListed",
  expected: false,
  citation: { docNumber: DOC, section: "二、申报条件", quote: "未被列入企业经营异常名录或失信企业名单" },
});

/**
 * The notice excludes only 涉黑涉恶 violations, but the profile records any violation
 * (「违法违规（含涉黑涉恶）」): a recorded violation cannot decide, so it asks for confirmation.
 */
export const noGangCrime3Years: Rule = {
  id: "no-gang-crime-3-years",
  citation: { docNumber: DOC, section: "二、申报条件", quote: "近三年无涉黑涉恶违法行为" },
  needs: ["illegalRecordLast3Years"],
  check(p) {
    const v = p.illegalRecordLast3Years;
    if (v == null) return { status: "unknown", missing: ["illegalRecordLast3Years"], message: texts.gangCrime.unknown };
    return v ? { status: "unknown", message: texts.gangCrime.confirm } : { status: "pass", message: texts.gangCrime.clean };
  },
};

export const general: readonly Rule[] = [operatesInFujian, independentLegalEntity, noGangCrime3Years, notListedAbnormalOrDishonest];

// ── 二、（一）工业互联网平台类: platform-demo and platform-sme ──

export const platformApplicantKind = kindsIncludeAny({
  id: "platform-applicant-kind",
  // 「等」 leaves the list open; automation firms are read in (see docs/matching.md).
  anyOf: ["manufacturer", "it", "internet", "automation"],
  requiredLabel: "工业企业、信息技术企业、互联网企业等",
  citation: { docNumber: DOC, section: "二、（一）工业互联网平台类", quote: "申报主体包括工业企业、信息技术企业、互联网企业等" },
});

export const platformRevenue = threshold({
  id: "revenue-at-least-3000-wan",
  field: "revenueLastYearWan",
  param: params.minRevenuePlatformWan,
  op: "atLeast",
  unit: "wan",
});

export const platformConnections = anyOf({
  id: "platform-connections",
  citation: {
    docNumber: DOC,
    section: "二、（一）工业互联网平台类 > 2.有效性",
    quote: "省级示范平台连接服务企业超过100家，或连接服务产品、设备1万套（件）以上",
  },
  rules: [
    threshold({
      id: "connected-enterprises-over-100",
      field: "platformConnectedEnterprises",
      param: params.minConnectedEnterprisesExclusive,
      op: "moreThan",
      unit: "count",
      noun: "家",
    }),
    threshold({
      id: "connected-devices-at-least-10000",
      field: "platformConnectedDevices",
      param: params.minConnectedDevices,
      op: "atLeast",
      unit: "count",
      noun: "套",
    }),
  ],
});

export const isProvincialDemoPlatform = flagIs({
  id: "provincial-demo-platform",
  field: "provincialDemoPlatform",
  expected: true,
  texts: texts.demoPlatform,
  citation: {
    docNumber: DOC,
    section: "一、申报范围 > 方向二：平台赋能中小企业数字化转型",
    quote: "支持省级以上工业互联网示范平台（含当年评选的）持续赋能中小企业数字化转型",
  },
});

export const newServedEnterprises = threshold({
  id: "new-served-enterprises-at-least-100",
  field: "platformNewServedEnterprisesThisYear",
  param: params.minNewServedEnterprises,
  op: "atLeast",
  unit: "count",
  noun: "家",
});

export const platformDemo: readonly Rule[] = [...general, platformApplicantKind, platformRevenue, platformConnections];
export const platformSme: readonly Rule[] = [
  ...general,
  platformApplicantKind,
  platformRevenue,
  isProvincialDemoPlatform,
  newServedEnterprises,
];

// ── 二、（二）标杆企业类: benchmark-digital and benchmark-data-security ──

export const benchmarkIndustrial = kindsIncludeAny({
  id: "benchmark-industrial-enterprise",
  anyOf: ["manufacturer"],
  requiredLabel: "工业企业",
  citation: { docNumber: DOC, section: "二、（二）标杆企业类", quote: "申报主体为工业企业" },
});

export const benchmarkRevenue = threshold({
  id: "revenue-at-least-1e4-wan",
  field: "revenueLastYearWan",
  param: params.minRevenueBenchmarkWan,
  op: "atLeast",
  unit: "wan",
});

/**
 * 「项目已经建成」 sits under 示范性, but unlike the rest of that criterion it is a fact, not a
 * judgement: a project still being built cannot show 「取得较好的实际效果」. Hard condition.
 */
export const benchmarkProjectCompleted = flagIs({
  id: "project-completed",
  field: "projectCompleted",
  expected: true,
  citation: { docNumber: DOC, section: "二、（二）标杆企业类 > 3.示范性", quote: "项目已经建成" },
});

export const benchmark: readonly Rule[] = [...general, benchmarkIndustrial, benchmarkRevenue, benchmarkProjectCompleted];

// ── 二、（三）标识解析类 ──

export const identifierOperator = kindsIncludeAny({
  id: "identifier-operator",
  anyOf: ["identifier-operator"],
  requiredLabel: "标识解析建设运营单位",
  citation: { docNumber: DOC, section: "二、（三）标识解析类", quote: "申报主体为辖区内标识解析建设运营单位" },
});

export const identifierRevenue = threshold({
  id: "revenue-at-least-3000-wan",
  field: "revenueLastYearWan",
  param: params.minRevenueIdentifierWan,
  op: "atLeast",
  unit: "wan",
});

export const identifierEnterprises = threshold({
  id: "identifier-enterprises-over-300",
  field: "identifierRegisteredEnterprises",
  param: params.minIdentifierEnterprisesExclusive,
  op: "moreThan",
  unit: "count",
  noun: "家",
});

export const identifierRegistrations = threshold({
  id: "identifier-registrations-over-3e7",
  field: "identifierRegistrations",
  param: params.minIdentifierRegistrationsExclusive,
  op: "moreThan",
  unit: "count",
});

export const identifierResolutions = threshold({
  id: "identifier-resolutions-over-1e8",
  field: "identifierResolutions",
  param: params.minIdentifierResolutionsExclusive,
  op: "moreThan",
  unit: "count",
  noun: "次",
});

export const identifier: readonly Rule[] = [
  ...general,
  identifierOperator,
  identifierRevenue,
  identifierEnterprises,
  identifierRegistrations,
  identifierResolutions,
];
