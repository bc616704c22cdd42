import { outsideDefinitions, type Param, type SmartFactoryStage } from "../../eligibility/index.ts";

/** The Fuzhou city notice that forwards the provincial one. */
export const CITY_DOC = "榕工信装备〔2025〕30号";
/** The provincial notice and its 附件: every eligibility rule comes from here. */
export const PROVINCE_DOC = "闽工信函装备〔2025〕123号";
const SINCE = "2025-03-21";
/** The 要素条件 attachment; the extracted text heads it 「附件 2」 but the notice lists it as 附件1. */
export const FACTORS_SECTION = "附件1《智能工厂梯度培育要素条件》";

const p = <T>(value: T, section: string, quote: string, docNumber: string = PROVINCE_DOC): Param<T> => ({
  value,
  since: SINCE,
  source: { docNumber, section, quote },
});

export const params = {
  province: p("福建省", "一、申报条件 > 1.", "在福建省内依法生产经营"),
  branchAllowedSectors: p(
    ["石油石化", "有色金属"] as readonly string[],
    "一、申报条件 > 1.",
    "石油石化、有色金属等有行业特殊情况的，允许法人的分支机构申报",
  ),
  minMaturityLevel: p(2, "一、申报条件 > 2.", "达到《智能制造能力成熟度模型》（GB/T39116-2020）二级及以上"),
  requiredStages: p(
    ["生产作业", "生产管理", "运营管理"] as readonly SmartFactoryStage[],
    "一、申报条件 > 3.",
    "且至少覆盖生产作业、生产管理、运营管理三个环节",
  ),
  // 「规模以上工业企业」 is defined outside the notice.
  aboveDesignatedSizeRevenueWan: outsideDefinitions.aboveDesignatedSizeRevenueWan,
  cityDeadline: p("2025-04-10", "2.", "收件截止2025年4月10日，逾期不予接收", CITY_DOC),
  provinceDeadline: p(
    "2025-04-15",
    "三、工作要求 > 3.",
    "请于2025年4月15日前将本地区、本集团智能制造能力成熟度自评估和基础级工厂复核工作总结",
  ),
};
