/**
 * 推荐汇总表 (the bureaus' recommendation summary) per program, as .xlsx in the notice's
 * own column layout. Every program module has one (its summary.ts):
 *
 * - fj-2024-integration: 附件 2 项目推荐汇总表 (grouped by 申报类别);
 * - fj-2023-cross-industry-platform: 附件 3 推荐信息汇总表;
 * - jl-2020-demo: 附件4-5 申报信息汇总表;
 * - fj-2025-smart-factory-advanced: 附件4 项目推荐表 — the notice prints no columns, so the
 *   table is generic and labelled as such (see its module).
 *
 * Other ids (fj-2018-industrial-internet-opinion takes no applications) have none:
 * `renderSummary` throws SummaryError NO_SUMMARY_TABLE.
 */
import { programModules, summaryFor } from "../../flows/programs/index.ts";
import type { SummaryInput } from "../types.ts";
import { renderTable, SummaryError, type SummaryTableSpec } from "./table.ts";

export { summaryFor };
export { SummaryError, type SummaryErrorCode, type SummaryTableSpec } from "./table.ts";

/** Program ids that have a summary table. */
export function summaryProgramIds(): string[] {
  return programModules.map((m) => m.program.id);
}

function tableOf(programId: string): SummaryTableSpec {
  const spec = summaryFor(programId);
  if (!spec) throw new SummaryError("NO_SUMMARY_TABLE", `program ${programId} has no summary table`);
  return spec;
}

/**
 * The .xlsx bytes: one row per application in the order given (inside its group where the
 * table groups rows), 序号 1..n. Throws SummaryError NO_SUMMARY_TABLE for a program without
 * a table, PROGRAM_MISMATCH when an application belongs to another program.
 */
export async function renderSummary(input: SummaryInput): Promise<Buffer> {
  return renderTable(tableOf(input.programId), input);
}

/** File name shown to the user: the table's title, with the 推荐单位 when given. */
export function summaryFileName(input: SummaryInput): string {
  const spec = tableOf(input.programId);
  const title = typeof spec.title === "function" ? spec.title(input) : spec.title;
  const compiler = input.compiler?.trim().replace(/[\\/:*?"<>|\s]+/g, "");
  return `${title.replace(/\s+/g, "")}${compiler ? `-${compiler}` : ""}.xlsx`;
}
