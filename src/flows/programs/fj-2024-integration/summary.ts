/**
 * fj-2024-integration (闽工信函信息〔2024〕182号) 附件 2 「项目推荐汇总表」: nine columns,
 * rows grouped under the five 申报类别 headings the notice prints ((一)…(五)), all five
 * printed even when empty. 序号 runs 1..n down the whole table (the notice numbers only the
 * groups); inside a group applications keep the order they were given in.
 *
 * Columns without a step in the flow, left empty for the 推荐单位 to fill:
 * - 「推荐理由 …」: the 推荐单位's own assessment (the 申报书 has no such field);
 * - 「所属 县区」: the 申报书 asks only 单位详细地址 (step "address"); the county is not
 *   derived from free text.
 */
import { valueOf } from "../../forms/expand.ts";
import type { DocumentInput } from "../../../documents/types.ts";
import { compilerOf, display, joinParts, numberValue, type SummaryGroup, type SummaryTableSpec } from "../../../documents/summary/table.ts";

/** Step ids of the fj-2024-integration flow this table reads. */
export const STEPS = {
  projectName: "project-name",
  applicantName: "applicant-name",
  category: "category",
  platformType: "platform-demo-type",
  innovationAreas: "benchmark-digital-innovation-areas",
  fiveG: "benchmark-digital-5g",
  totalInvestment: "total-investment",
  revenueLastYear: "revenue-last-year",
  contactName: "contact-name",
  contactMobile: "contact-mobile",
} as const;

/** As printed under the table, verbatim (its 「包括：包括」 too). */
const NOTE =
  "注：工业互联网示范平台类别包括：包括跨行业、跨领域综合型平台，重点行业、重点区域特色型平台和面向特定技术领域的专业型平台；数字化标杆企业类别包括平台化设计、智能化制造、数字化管理、个性化定制、网络化协同、服务化延伸和 5G 全连接工厂。";

/** The notice's 「5G 全连接工厂」, as its note prints it. */
const FIVE_G = "5G 全连接工厂";

const inCategory =
  (id: string) =>
  (app: DocumentInput): boolean =>
    valueOf(app.answers, STEPS.category) === id;

const GROUPS: readonly SummaryGroup[] = [
  { marker: "(一)", label: "工业互联网示 范平台类", matches: inCategory("platform-demo") },
  { marker: "(二)", label: "平台赋能类", matches: inCategory("platform-sme") },
  { marker: "(三)", label: "数字化标杆企 业类", matches: inCategory("benchmark-digital") },
  { marker: "(四)", label: "工业数据安全 标杆企业类", matches: inCategory("benchmark-data-security") },
  { marker: "(五)", label: "标识解析类", matches: inCategory("identifier") },
];

/**
 * 申报类别 (可多选): the sub-categories the note lists — the platform type for 示范平台, the
 * innovation areas (and 5G 全连接工厂) for 数字化标杆企业; the direction itself otherwise,
 * or where the sub-category was skipped.
 */
function categoryCell(app: DocumentInput): string | undefined {
  const a = app.answers;
  const direction = display(a, STEPS.category);
  switch (valueOf(a, STEPS.category)) {
    case "platform-demo":
      return display(a, STEPS.platformType) ?? direction;
    case "benchmark-digital":
      return (
        joinParts(
          [display(a, STEPS.innovationAreas), valueOf(a, STEPS.fiveG) === true ? FIVE_G : undefined],
          "、",
        ) ?? direction
      );
    default:
      return direction;
  }
}

const WAN = "#,##0.####";

export const summaryTable: SummaryTableSpec = {
  programId: "fj-2024-integration",
  sheetName: "项目推荐汇总表",
  attachment: "附件 2",
  title: "项目推荐汇总表",
  headerLines: (input) => [`推荐单位（盖章）：${compilerOf(input) ?? ""}`, "联系人：", "联系电话："],
  columns: [
    { header: "序号", width: 6, align: "center", value: (_a, n) => n },
    { header: "项目名称", width: 24, value: (a) => display(a.answers, STEPS.projectName) },
    { header: "企业名称", width: 24, value: (a) => display(a.answers, STEPS.applicantName) },
    { header: "申报类别 (可多选)", width: 18, value: categoryCell },
    { header: "项目 总投 (万元)", width: 11, numFmt: WAN, value: (a) => numberValue(a.answers, STEPS.totalInvestment) },
    { header: "上年 营收 (万元)", width: 11, numFmt: WAN, value: (a) => numberValue(a.answers, STEPS.revenueLastYear) },
    // No step: the 推荐单位 writes its reasons (100 字以内).
    { header: "推荐理由 (突出主要场景、特点、成效、 推广价值等，100 字以内)", width: 34, value: () => undefined },
    {
      header: "联系方式",
      width: 20,
      value: (a) => joinParts([display(a.answers, STEPS.contactName), display(a.answers, STEPS.contactMobile)], " "),
    },
    // No step: the form asks 单位详细地址 only.
    { header: "所属 县区", width: 10, value: () => undefined },
  ],
  groups: GROUPS,
  notes: [NOTE],
};
