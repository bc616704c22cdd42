/**
 * fj-2023-cross-industry-platform 附件 3 「2023 年跨行业跨领域工业互联网平台推荐信息汇总表」:
 * five columns, every one filled from the flow. The 推荐单位 is the compiler staff give (never
 * the 推荐单位 an applicant typed). The 推荐单位's own 联系人 and 联系方式 are not in any
 * application: printed blank.
 */
import type { SummaryTableSpec } from "../../../documents/summary/table.ts";
import { compilerOf, display } from "../../../documents/summary/table.ts";

/** Step ids of the fj-2023-cross-industry-platform flow this table reads. */
export const STEPS = {
  platformName: "platform-name",
  companyName: "company-name",
  contactName: "contact-name",
  contactMobile: "contact-mobile",
} as const;

export const summaryTable: SummaryTableSpec = {
  programId: "fj-2023-cross-industry-platform",
  sheetName: "推荐信息汇总表",
  attachment: "附件 3",
  title: "2023 年跨行业跨领域工业互联网平台推荐信息汇总表",
  headerLines: (input) => [`推荐单位（盖章）：${compilerOf(input) ?? ""}`, "联系人：", "联系方式："],
  columns: [
    { header: "序号", width: 6, align: "center", value: (_a, n) => n },
    { header: "工业互联网平台名称", width: 32, value: (a) => display(a.answers, STEPS.platformName) },
    { header: "依托企业", width: 32, value: (a) => display(a.answers, STEPS.companyName) },
    { header: "联系人", width: 12, value: (a) => display(a.answers, STEPS.contactName) },
    { header: "联系方式（手机）", width: 18, value: (a) => display(a.answers, STEPS.contactMobile) },
  ],
};
