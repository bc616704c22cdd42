import {
  fieldLabels,
  matchProfile,
  noticeStatus,
  sizeClassLabels,
  type MatchResult,
  type NoticeStatus,
  type Profile,
  type ProgramResult,
} from "../eligibility/index.ts";
import { button } from "./buttons.ts";
import { entryOf } from "./catalog.ts";
import { bump, say, type Turn } from "./context.ts";
import { text, type Button } from "./messages.ts";
import { chunkLines } from "./review.ts";
import { engineTexts as t } from "./texts.ts";

/**
 * The self-check's verdicts: one line per program and category (verdict, the deciding
 * reason, the deadline or 往年), with the full cited reasons one tap away (「查看详细理由」)
 * and buttons to start filling. Notices past their deadline, or old with none printed, are
 * history: offered for preparing, never as open.
 */
export function sayVerdicts(turn: Turn, lead: string[] = []): void {
  const profile = turn.state.session.profile as Profile;
  const m = matchProfile(profile, turn.ctx.catalog.programs, turn.ctx.today);
  const seq = bump(turn);
  const lines = [...lead, t.verdicts.header(m.asOf, m.sizeClass ? sizeClassLabels[m.sizeClass] : t.verdicts.sizeUnknown)];
  const buttons: Button[] = [];
  const seen = new Set<string>();
  for (const group of groupLines(m)) {
    const r = group[0]!;
    const entry = entryOf(turn.ctx.catalog, r.programId);
    const name = entry?.shortName ?? r.title;
    const category = categoryOf(m, group);
    const status = statusOf(turn, r.programId);
    lines.push(t.verdicts.line(t.verdicts.marks2[r.verdict] ?? "", name, category, decidingReason(r), when(status)));
    if (r.verdict === "ineligible" || !entry) continue;
    const id = r.category ? `${r.programId}:${r.category}` : r.programId;
    if (seen.has(id)) continue;
    seen.add(id);
    const label = r.category ? `${entry.shortName}·${r.categoryLabel}` : entry.shortName;
    buttons.push(button(seq, `a:${id}`, status.kind === "history" ? t.buttons.prepareProgram(label) : t.buttons.applyProgram(label)));
  }
  const footer = buttons.length > 0 ? t.verdicts.footer : t.verdicts.noneEligible;
  lines.push("", footer);
  buttons.unshift(button(seq, "qd", t.buttons.verdictDetails));
  buttons.push(button(seq, "check", t.buttons.editAnswers));
  const chunks = chunkLines(lines);
  const last = chunks.pop() ?? "";
  for (const c of chunks) say(turn, text(c));
  say(turn, text(last, buttons));
}

/** Categories of one program with the same verdict and deciding reason are one line. */
function groupLines(m: MatchResult): ProgramResult[][] {
  const order: ProgramResult["verdict"][] = ["eligible", "unknown", "ineligible"];
  const groups = new Map<string, ProgramResult[]>();
  for (const v of order) {
    for (const r of m.results.filter((x) => x.verdict === v)) {
      const key = `${r.programId}|${r.verdict}|${decidingReason(r)}`;
      const g = groups.get(key) ?? [];
      g.push(r);
      groups.set(key, g);
    }
  }
  return [...groups.values()];
}

/** 「各类别」 when the line covers every category of the program, else their labels. */
function categoryOf(m: MatchResult, group: readonly ProgramResult[]): string {
  const r = group[0]!;
  if (group.length === 1) return r.category ? r.categoryLabel : "";
  const all = m.results.filter((x) => x.programId === r.programId).length;
  return group.length === all ? t.verdicts.allCategories : group.map((x) => x.categoryLabel).join("、");
}

function decidingReason(r: ProgramResult): string {
  if (r.verdict === "ineligible") return r.reasons.find((x) => x.status === "fail")?.message ?? "";
  if (r.verdict === "unknown") return t.verdicts.missing(r.missing.map((f) => fieldLabels[f]).join("、")).trim();
  return t.verdicts.allPass;
}

export function statusOf(turn: Turn, programId: string): NoticeStatus {
  const program = turn.ctx.catalog.programs.find((p) => p.id === programId);
  if (!program) return { kind: "open", deadline: null };
  return noticeStatus(program, turn.state.session.profile as Profile, turn.ctx.today, turn.ctx.historyAfterYears);
}

function when(s: NoticeStatus): string {
  if (s.kind === "open") return s.deadline ? t.verdicts.openUntil(s.deadline) : t.verdicts.noDeadlineShort;
  return s.reason === "deadlinePassed" ? t.verdicts.historyPassed(s.deadline) : t.verdicts.historyOld(s.year);
}

/** 「查看详细理由」: every program and category with each reason and its clause. */
export function sayVerdictDetails(turn: Turn): void {
  const m = matchProfile(turn.state.session.profile as Profile, turn.ctx.catalog.programs, turn.ctx.today);
  const chunks = chunkLines(verdictDetailLines(m, (programId) => when(statusOf(turn, programId))));
  const last = chunks.pop() ?? "";
  for (const c of chunks) say(turn, text(c));
  const seq = bump(turn);
  say(turn, text(last, [button(seq, "check", t.buttons.editAnswers), button(seq, "apply", t.buttons.apply)]));
}

/**
 * The lines of the detailed verdicts: a numbered head per program and category (「✅ 1. …」),
 * then its reasons, each followed by its clause (indented), then its deadline status.
 */
export function verdictDetailLines(m: MatchResult, status: (programId: string) => string): string[] {
  const lines = [t.verdicts.header(m.asOf, m.sizeClass ? sizeClassLabels[m.sizeClass] : t.verdicts.sizeUnknown)];
  let n = 0;
  for (const group of groupLines(m)) {
    const r = group[0]!;
    n += 1;
    const category = categoryOf(m, group);
    lines.push("", `${t.verdicts.marks2[r.verdict] ?? ""} ${t.verdicts.program(n, r.title, category, r.docNumber)}`);
    const shown = r.verdict === "ineligible" ? r.reasons.filter((x) => x.status === "fail") : r.reasons;
    for (const x of shown) {
      lines.push(t.verdicts.reason(t.verdicts.marks[x.status] ?? "", x.message));
      lines.push(t.verdicts.citation(x.citation.docNumber, x.citation.section, x.citation.quote));
    }
    if (r.missing.length > 0) lines.push(t.verdicts.missing(r.missing.map((f) => fieldLabels[f]).join("、")));
    lines.push(`   ${status(r.programId)}`);
  }
  return lines;
}
