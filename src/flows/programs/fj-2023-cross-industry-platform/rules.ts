import { describeKinds, flagIs, provinceIs, sizeClassLabels, type ProfileField, type Rule } from "../../eligibility/index.ts";
import { DOC, params } from "./params.ts";
import { texts } from "./texts.ts";

export const registeredInFujian = provinceIs({ id: "registered-in-fujian", param: params.province });

export const independentLegalEntity = flagIs({
  id: "independent-legal-entity",
  field: "independentLegalEntity",
  expected: true,
  citation: { docNumber: DOC, section: "一、申报条件 > （一）", quote: "在福建省内注册、具有独立法人资格" },
});

/** Being listed as dishonest contradicts 「良好的社会信用」, the one part of that clause a profile can decide. */
export const goodSocialCredit = flagIs({
  id: "good-social-credit",
  field: "dishonestListed",
  expected: false,
  citation: { docNumber: DOC, section: "一、申报条件 > （一）", quote: "良好的社会信用" },
});

const NON_MANUFACTURER_KINDS = ["internet", "it", "automation"] as const;

/**
 * 「制造行业大型骨干企业、互联网企业、信息技术企业、自动化企业等」: internet, IT and automation
 * firms of any size; a manufacturer only when it is 大型 by the 2017 size classes.
 */
export const applicantKind: Rule = {
  id: "applicant-kind",
  citation: params.manufacturerSizeClass.source,
  needs: ["kinds", "employees", "revenueLastYearWan"],
  check(p, ctx) {
    const t = texts.kind;
    if (p.kinds == null) return { status: "unknown", missing: ["kinds"], message: t.unknown };
    const have = describeKinds(p.kinds);
    if (p.kinds.some((k) => (NON_MANUFACTURER_KINDS as readonly string[]).includes(k))) {
      return { status: "pass", message: t.passNonManufacturer(have) };
    }
    if (!p.kinds.includes("manufacturer")) return { status: "fail", message: t.failKind(have) };
    if (ctx.sizeClass === null) {
      const missing: ProfileField[] = [];
      if (p.employees == null) missing.push("employees");
      if (p.revenueLastYearWan == null) missing.push("revenueLastYearWan");
      return { status: "unknown", missing, message: t.unknownManufacturerSize(have) };
    }
    return ctx.sizeClass === params.manufacturerSizeClass.value
      ? { status: "pass", message: t.passLargeManufacturer(have) }
      : { status: "fail", message: t.failManufacturerSize(have, sizeClassLabels[ctx.sizeClass]) };
  },
};

export const all: readonly Rule[] = [registeredInFujian, independentLegalEntity, goodSocialCredit, applicantKind];
