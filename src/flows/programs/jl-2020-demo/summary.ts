/**
 * jl-2020-demo 附件4-5 「XX市省级工业互联网及制造业服务化示范项目申报信息汇总表」: six
 * columns, every one filled from the flow. The title's 「XX市」 is the city (市 or 自治州) the
 * compiler's name starts with (「长春市工业和信息化局」 → 「长春市…」), left as printed when
 * there is no compiler or it names none.
 *
 * 项目类别 is the box the 申报书 ticks (formCategoryOf: the step "form-category", or the only
 * box that fits the step "category"), else the category's own label.
 */
import { formCategoryOf } from "./questions.ts";
import type { SummaryInput } from "../../../documents/types.ts";
import type { SummaryTableSpec } from "../../../documents/summary/table.ts";
import { compilerOf, display } from "../../../documents/summary/table.ts";

/** Step ids of the jl-2020-demo flow this table reads. */
export const STEPS = {
  projectName: "project-name",
  orgName: "org-name",
  category: "category",
  formCategory: "form-category",
  contactName: "contact-name",
  contactMobile: "contact-mobile",
} as const;

export const TITLE = "XX市省级工业互联网及制造业服务化示范项目申报信息汇总表";

/** 「长春市」 from 「长春市工业和信息化局」 or 「吉林省延边朝鲜族自治州工业和信息化局」 → 「延边朝鲜族自治州」. */
export function cityOf(compiler: string | undefined): string | undefined {
  if (!compiler) return undefined;
  const m = /^(?:吉林省)?([^省市州]{1,10}?(?:市|自治州))/.exec(compiler.trim());
  return m?.[1];
}

function title(input: SummaryInput): string {
  const city = cityOf(compilerOf(input));
  return city ? TITLE.replace(/^XX市/, city) : TITLE;
}

export const summaryTable: SummaryTableSpec = {
  programId: "jl-2020-demo",
  sheetName: "申报信息汇总表",
  attachment: "附件4-5",
  title,
  headerLines: (input) => [`推荐单位（盖章）：${compilerOf(input) ?? ""}`],
  columns: [
    { header: "序号", width: 6, align: "center", value: (_a, n) => n },
    { header: "项目名称", width: 32, value: (a) => display(a.answers, STEPS.projectName) },
    { header: "依托企业", width: 30, value: (a) => display(a.answers, STEPS.orgName) },
    {
      header: "项目类别",
      width: 22,
      value: (a) => formCategoryOf(a.answers)?.label ?? display(a.answers, STEPS.category),
    },
    { header: "联系人", width: 12, value: (a) => display(a.answers, STEPS.contactName) },
    { header: "联系方式（手机）", width: 18, value: (a) => display(a.answers, STEPS.contactMobile) },
  ],
};
