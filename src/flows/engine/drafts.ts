import { applicableDeadline, noticeStatus, type Profile } from "../eligibility/index.ts";
import { isoDayInChina } from "../../shared/clock.ts";
import { button } from "./buttons.ts";
import { entryOf } from "./catalog.ts";
import { bump, say, type Turn } from "./context.ts";
import { resumeDraft, viewOf } from "./filling.ts";
import { text, type Button } from "./messages.ts";
import type { Draft } from "./state.ts";
import { engineTexts as t } from "./texts.ts";

export function listDrafts(turn: Turn): void {
  const { session } = turn.state;
  const drafts = session.draftIds.map((id) => turn.state.drafts[id]).filter((d): d is Draft => d !== undefined);
  const seq = bump(turn);
  if (drafts.length === 0) {
    say(turn, text(t.drafts.none, [button(seq, "check", t.buttons.check), button(seq, "apply", t.buttons.apply)]));
    return;
  }
  const lines: string[] = [t.drafts.header];
  const buttons: Button[] = [];
  drafts.forEach((d, k) => {
    const entry = entryOf(turn.ctx.catalog, d.programId);
    if (!entry) return;
    const view = viewOf(entry, d);
    lines.push(t.drafts.line(k + 1, entry.shortName, d.id, t.drafts.status[d.status] ?? d.status, view.done, view.total, isoDayInChina(new Date(d.updatedAt))));
    buttons.push(button(seq, `r:${d.id}`, t.buttons.resume(entry.shortName, d.id)));
  });
  for (const d of drafts) {
    const entry = entryOf(turn.ctx.catalog, d.programId);
    if (entry) buttons.push(button(seq, `x:${d.id}`, t.buttons.deleteDraft(entry.shortName, d.id)));
  }
  say(turn, text(lines.join("\n"), buttons));
}

export function resumeById(turn: Turn, draftId: string): void {
  const draft = turn.state.drafts[draftId];
  const entry = draft ? entryOf(turn.ctx.catalog, draft.programId) : undefined;
  if (!draft || !entry) {
    say(turn, text(t.drafts.notFound));
    return;
  }
  resumeDraft(turn, entry, draft);
}

export function deleteDraft(turn: Turn, draftId: string): void {
  const draft = turn.state.drafts[draftId];
  if (!draft) {
    say(turn, text(t.drafts.notFound));
    return;
  }
  const name = entryOf(turn.ctx.catalog, draft.programId)?.shortName ?? draft.programId;
  delete turn.state.drafts[draftId];
  turn.state.session.draftIds = turn.state.session.draftIds.filter((id) => id !== draftId);
  const m = turn.state.session.mode;
  if ("draftId" in m && m.draftId === draftId) turn.state.session.mode = { kind: "idle" };
  bump(turn);
  say(turn, text(t.drafts.deleted(name, draftId)));
}

/** The most recently updated draft that is still being filled or reviewed. */
export function latestOpenDraft(turn: Turn): Draft | undefined {
  let best: Draft | undefined;
  for (const id of turn.state.session.draftIds) {
    const d = turn.state.drafts[id];
    if (!d || (d.status !== "filling" && d.status !== "review")) continue;
    if (!best || d.updatedAt >= best.updatedAt) best = d;
  }
  return best;
}

/** The most recently updated draft, whatever its status. */
export function latestDraft(turn: Turn): Draft | undefined {
  let best: Draft | undefined;
  for (const id of turn.state.session.draftIds) {
    const d = turn.state.drafts[id];
    if (d && (!best || d.updatedAt >= best.updatedAt)) best = d;
  }
  return best;
}

/** 申报填报 without a program: the catalog, with each notice's deadline status. */
export function pickProgram(turn: Turn): void {
  const seq = bump(turn);
  const lines: string[] = [t.pick.header];
  const profile = turn.state.session.profile as Profile;
  turn.ctx.catalog.applications.forEach((entry, k) => {
    const d = applicableDeadline(entry.program.deadlines, profile);
    const status = noticeStatus(entry.program, profile, turn.ctx.today, turn.ctx.historyAfterYears);
    const old = status.kind === "history" && status.reason === "old" ? t.pick.old(status.year) : "";
    const note = d ? (d.date < turn.ctx.today ? t.pick.passed(d.date) : t.pick.open(d.date)) : old;
    lines.push(t.pick.line(k + 1, entry.shortName, entry.program.title, note));
  });
  const buttons = turn.ctx.catalog.applications.map((e) => button(seq, `a:${e.program.id}`, t.buttons.applyProgram(e.shortName)));
  say(turn, text(lines.join("\n"), buttons));
}
