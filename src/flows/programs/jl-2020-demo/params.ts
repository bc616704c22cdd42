import type { Param } from "../../eligibility/index.ts";

/** The guide prints no 文号 and no date beyond its 2020 round. */
export const DOC = null;
const SINCE = "2020";

const p = <T>(value: T, section: string, quote: string): Param<T> => ({
  value,
  since: SINCE,
  source: { docNumber: DOC, section, quote },
});

export const params = {
  province: p("吉林省", "二、申报条件 > （一）", "在吉林省行政区域内注册"),
  // 「非亏损企业」: a profit of exactly 0 is not a loss.
  minProfitWan: p(0, "二、申报条件 > （一）", "非亏损企业"),
  minLocalEnterpriseUsers: p(5, "二、申报条件 > （二）", "不少于5户吉林省本地企业使用平台的合同或协议"),
};
