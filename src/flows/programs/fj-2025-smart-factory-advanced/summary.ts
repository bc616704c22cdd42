/**
 * fj-2025-smart-factory-advanced 附件4 「先进级智能制造工厂项目推荐表」.
 *
 * The notice prints only the attachment line, the title, 「推荐单位（盖章）：」 and
 * 「推荐单位联系人：」: no columns (the corpus text, like the published notice, has no table
 * there). The bureaus still have to send it — 「按优先顺序填报推荐汇总表（附件4）」 — so this
 * is a generic table, and says so in a note under it: its columns are the 申报书's (附件3)
 * own field labels, plus 推荐顺序 because the notice asks for priority order. 推荐顺序 is the
 * row order, as 序号.
 */
import { valueOf } from "../../forms/expand.ts";
import type { DocumentInput } from "../../../documents/types.ts";
import type { SummaryTableSpec } from "../../../documents/summary/table.ts";
import { compilerOf, display, numberValue } from "../../../documents/summary/table.ts";

/** Step ids of the fj-2025-smart-factory-advanced flow this table reads. */
export const STEPS = {
  companyName: "company-name",
  projectName: "project-name",
  industry: "factory-industry",
  industryOther: "factory-industry-other",
  subIndustry: "sub-industry",
  maturityLevel: "maturity-level",
  investment: "investment",
  buildAddress: "build-address",
  contactName: "contact-name",
  contactMobile: "contact-mobile",
} as const;

/** Marks the table as ours: the notice prints no columns. */
export const GENERIC_NOTE =
  "注：通知附件4只印表名和“推荐单位（盖章）：”“推荐单位联系人：”两行，未印表格栏目。本表栏目由申报助手按《福建省先进级智能工厂申报书》（附件3）的栏目拟定，“推荐顺序”按通知“按优先顺序填报推荐汇总表”的要求设置；上级工信部门另发表样的，以表样为准。";

/** 所属行业: the ticked box, or what 其他 names. */
function industryCell(app: DocumentInput): string | undefined {
  if (valueOf(app.answers, STEPS.industry) === "other") {
    return display(app.answers, STEPS.industryOther) ?? display(app.answers, STEPS.industry);
  }
  return display(app.answers, STEPS.industry);
}

export const summaryTable: SummaryTableSpec = {
  programId: "fj-2025-smart-factory-advanced",
  sheetName: "项目推荐表",
  attachment: "附件4",
  title: "先进级智能制造工厂项目推荐表",
  headerLines: (input) => [`推荐单位（盖章）：${compilerOf(input) ?? ""}`, "推荐单位联系人："],
  columns: [
    { header: "序号", width: 6, align: "center", value: (_a, n) => n },
    { header: "企业名称", width: 24, value: (a) => display(a.answers, STEPS.companyName) },
    { header: "项目名称", width: 26, value: (a) => display(a.answers, STEPS.projectName) },
    { header: "所属行业", width: 10, value: industryCell },
    { header: "细分行业", width: 14, value: (a) => display(a.answers, STEPS.subIndustry) },
    { header: "智能制造能力成熟度评估结果", width: 14, align: "center", value: (a) => display(a.answers, STEPS.maturityLevel) },
    { header: "项目投资(万元)", width: 12, numFmt: "#,##0.####", value: (a) => numberValue(a.answers, STEPS.investment) },
    { header: "建设地址", width: 24, value: (a) => display(a.answers, STEPS.buildAddress) },
    { header: "联系人", width: 10, value: (a) => display(a.answers, STEPS.contactName) },
    { header: "手机", width: 14, value: (a) => display(a.answers, STEPS.contactMobile) },
    { header: "推荐顺序", width: 8, align: "center", value: (_a, n) => n },
  ],
  notes: [GENERIC_NOTE],
};
