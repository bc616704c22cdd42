import type { MatchResult } from "./evaluate.ts";
import { fieldLabels, reportTexts as t, sizeClassLabels, verdictLabels } from "./texts.ts";

/** Human-readable Chinese report of a match (the CLI's default output). */
export function formatReport(m: MatchResult): string {
  const lines = [t.header(m.asOf, m.sizeClass ? sizeClassLabels[m.sizeClass] : t.sizeUnknown)];
  for (const r of m.results) {
    lines.push("", t.program(r.categoryLabel, r.title, r.docNumber), t.verdict(verdictLabels[r.verdict]));
    lines.push(r.deadline ? t.deadline(r.deadline, r.deadlinePassed === true) : t.noDeadline);
    for (const reason of r.reasons) lines.push(t.reason(t.marks[reason.status], reason.message, reason.citation.quote));
    if (r.missing.length > 0) lines.push(t.missing(r.missing.map((f) => fieldLabels[f]).join("、")));
  }
  return lines.join("\n") + "\n";
}
