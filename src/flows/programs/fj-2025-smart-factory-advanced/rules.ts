import { flagIs, kindsIncludeAny, provinceIs, stagesIncludeAll, threshold, type Rule } from "../../eligibility/index.ts";
import { FACTORS_SECTION, PROVINCE_DOC, params } from "./params.ts";
import { texts } from "./texts.ts";

const BASIC = `${FACTORS_SECTION} > 一、基础要求`;

function inAllowedSector(sector: string): boolean {
  return params.branchAllowedSectors.value.some((s) => sector.includes(s));
}

/**
 * 独立法人资格, with the notice's exception: a branch (分支机构) of a legal entity may apply
 * in 石油石化、有色金属. The 「等」 leaves room for other special industries at the bureau's
 * discretion; a branch in any other sector fails with a message saying so.
 */
export const legalEntityOrAllowedBranch: Rule = {
  id: "legal-entity-or-allowed-branch",
  citation: {
    docNumber: PROVINCE_DOC,
    section: "一、申报条件 > 1.",
    quote: "申报主体具有独立法人资格，在福建省内依法生产经营（石油石化、有色金属等有行业特殊情况的，允许法人的分支机构申报）",
  },
  needs: ["independentLegalEntity", "branchOfLegalEntity", "sector"],
  check(p) {
    const t = texts.legalEntity;
    if (p.independentLegalEntity === true) return { status: "pass", message: t.independent };
    if (p.branchOfLegalEntity === true) {
      if (p.sector == null) return { status: "unknown", missing: ["sector"], message: t.branchNeedsSector };
      return inAllowedSector(p.sector)
        ? { status: "pass", message: t.branchAllowed(p.sector) }
        : { status: "fail", message: t.branchOtherSector(p.sector) };
    }
    if (p.independentLegalEntity == null) {
      return { status: "unknown", missing: ["independentLegalEntity"], message: t.unknown };
    }
    // Not a legal entity; a branch only helps in an allowed sector.
    if (p.branchOfLegalEntity === false) return { status: "fail", message: t.notEntityNotBranch };
    if (p.sector != null && !inAllowedSector(p.sector)) return { status: "fail", message: t.notEntityNotBranch };
    return {
      status: "unknown",
      missing: p.sector == null ? ["branchOfLegalEntity", "sector"] : ["branchOfLegalEntity"],
      message: t.notEntityAskBranch,
    };
  },
};

export const operatesInFujian = provinceIs({ id: "operates-in-fujian", param: params.province });

export const industrialEnterprise = kindsIncludeAny({
  id: "industrial-enterprise",
  anyOf: ["manufacturer"],
  requiredLabel: texts.aboveDesignatedSize,
  citation: { docNumber: PROVINCE_DOC, section: `${BASIC} > 1.`, quote: "企业应为规模以上工业企业" },
});

/** 规模以上 = 年主营业务收入 2000 万元及以上; the profile's 营业收入 stands in for 主营业务收入. */
export const aboveDesignatedSize = threshold({
  id: "above-designated-size-revenue-at-least-2000-wan",
  field: "revenueLastYearWan",
  param: params.aboveDesignatedSizeRevenueWan,
  op: "atLeast",
  unit: "wan",
});

export const noBadCredit = flagIs({
  id: "no-bad-credit-record",
  field: "dishonestListed",
  expected: false,
  citation: { docNumber: PROVINCE_DOC, section: `${BASIC} > 2.`, quote: "无不良信用记录" },
});

export const noMajorAccident = flagIs({
  id: "no-major-accident-3-years",
  field: "majorAccidentLast3Years",
  expected: false,
  citation: { docNumber: PROVINCE_DOC, section: `${BASIC} > 2.`, quote: "无较大及以上安全、环保等事故" },
});

export const noIllegalRecord = flagIs({
  id: "no-illegal-record-3-years",
  field: "illegalRecordLast3Years",
  expected: false,
  citation: { docNumber: PROVINCE_DOC, section: `${BASIC} > 2.`, quote: "无违法违规行为" },
});

export const factoryBuilt = flagIs({
  id: "smart-factory-built",
  field: "projectCompleted",
  expected: true,
  texts: texts.factoryBuilt,
  citation: { docNumber: PROVINCE_DOC, section: "一、申报条件 > 2.", quote: "申报主体已完成智能工厂建设" },
});

export const basicFactorySelfAssessed = flagIs({
  id: "basic-smart-factory-self-assessed",
  field: "basicSmartFactorySelfAssessed",
  expected: true,
  citation: { docNumber: PROVINCE_DOC, section: "一、申报条件 > 2.", quote: "完成基础级智能工厂自建自评" },
});

export const maturityLevel = threshold({
  id: "maturity-level-at-least-2",
  field: "smartMaturityLevel",
  param: params.minMaturityLevel,
  op: "atLeast",
  unit: "level",
});

export const coveredStages = stagesIncludeAll({ id: "covers-required-stages", param: params.requiredStages });

export const all: readonly Rule[] = [
  legalEntityOrAllowedBranch,
  operatesInFujian,
  industrialEnterprise,
  aboveDesignatedSize,
  noBadCredit,
  noMajorAccident,
  noIllegalRecord,
  factoryBuilt,
  basicFactorySelfAssessed,
  maturityLevel,
  coveredStages,
];
