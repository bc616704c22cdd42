import type { Param } from "../../eligibility/index.ts";

/** The notice prints no 文号. */
export const DOC = null;
const SINCE = "2023-06-05";

const p = <T>(value: T, section: string, quote: string): Param<T> => ({
  value,
  since: SINCE,
  source: { docNumber: DOC, section, quote },
});

export const params = {
  province: p("福建省", "一、申报条件 > （一）", "申报单位应在福建省内注册"),
  // 「制造行业大型骨干企业」: a manufacturer must be 大型 by the 2017 size classes.
  manufacturerSizeClass: p(
    "large" as const,
    "一、申报条件 > （二）",
    "申报单位应为制造行业大型骨干企业、互联网企业、信息技术企业、自动化企业等",
  ),
  deadline: p("2023-06-12", "二、申报程序 > （二）", "于2023年6月12日前将项目申报书(一式三份)"),
};
