import { expandSteps } from "../forms/expand.ts";
import { button } from "./buttons.ts";
import type { ApplicationEntry } from "./catalog.ts";
import { bump, say, touch, type Turn } from "./context.ts";
import { text } from "./messages.ts";
import type { Draft } from "./state.ts";
import { engineTexts as t } from "./texts.ts";

/** Telegram allows 4096 characters per message; stay well below with room for buttons. */
const MAX_MESSAGE_CHARS = 3500;
const REVIEW_VALUE_CHARS = 80;

function clip(s: string): string {
  const cs = [...s.replace(/\s+/g, " ")];
  return cs.length > REVIEW_VALUE_CHARS ? `${cs.slice(0, REVIEW_VALUE_CHARS - 1).join("")}…（共 ${cs.length} 字）` : s;
}

/** Every answer, numbered (the numbers 修改 uses), grouped by the form's sections. */
export function reviewLines(entry: ApplicationEntry, draft: Draft): { lines: string[]; missing: string[] } {
  const instances = expandSteps(entry.flow.steps, draft.answers);
  const lines: string[] = [];
  const missing: string[] = [];
  let section = "";
  instances.forEach((inst, k) => {
    if (inst.step.section !== section) {
      section = inst.step.section;
      lines.push(t.review.section(section));
    }
    const a = draft.answers[inst.key];
    const label = inst.item ? `${inst.step.label}（${inst.item.label}）` : inst.step.label;
    let shown: string;
    if (a && "value" in a) shown = clip(a.display);
    else if (a) shown = inst.step.guidance ? t.review.skippedWithGuidance : t.review.skipped;
    else {
      shown = t.review.skipped;
      if (!inst.step.optional) missing.push(label);
    }
    lines.push(t.review.line(k + 1, label, shown));
  });
  return { lines, missing };
}

/** Split long text into messages under the platform limit, at line boundaries. */
export function chunkLines(lines: string[], max = MAX_MESSAGE_CHARS): string[] {
  const out: string[] = [];
  let cur = "";
  for (const line of lines) {
    if (cur && cur.length + line.length + 1 > max) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur}\n${line}` : line;
  }
  if (cur) out.push(cur);
  return out;
}

export function showReview(turn: Turn, entry: ApplicationEntry, draft: Draft, opts: { editPick?: boolean } = {}): void {
  const { lines, missing } = reviewLines(entry, draft);
  if (!opts.editPick) {
    draft.status = "review";
    draft.cursor = null;
    draft.editing = false;
  }
  turn.state.session.mode = opts.editPick ? { kind: "editPick", draftId: draft.id } : { kind: "review", draftId: draft.id };
  const seq = bump(turn);
  const chunks = chunkLines([t.review.header(entry.flow.formTitle, draft.id), ...lines]);
  const last = chunks.pop() ?? "";
  for (const c of chunks) say(turn, text(c));
  if (opts.editPick) {
    const pick = text(t.review.editPick, [button(seq, "cancel", t.buttons.cancel)]);
    pick.numbersAreAnswers = true; // 「3」 is the item to change, not button [3]
    say(turn, text(last), pick);
    return;
  }
  const footer = missing.length > 0 ? t.review.missingRequired(missing.join("、")) : t.review.footer;
  const buttons = missing.length > 0 ? [button(seq, "edit", t.buttons.edit)] : [button(seq, "confirm", t.buttons.confirm), button(seq, "edit", t.buttons.edit)];
  buttons.push(button(seq, "pause", t.buttons.pause));
  say(turn, text(`${last}\n\n${footer}`, buttons));
}

/** 确认提交: queue the document for this version of the draft (once per version). */
export function submit(turn: Turn, entry: ApplicationEntry, draft: Draft): void {
  if (draft.status === "submitted" && draft.submittedVersion === draft.version) {
    say(turn, text(t.submit.alreadySubmitted));
    return;
  }
  if (draft.status === "ready" && draft.document?.version === draft.version) {
    say(turn, text(t.submit.alreadyReady));
    return;
  }
  const { missing } = reviewLines(entry, draft);
  if (missing.length > 0) return showReview(turn, entry, draft);
  draft.status = "submitted";
  draft.failure = null;
  touch(turn, draft);
  draft.submittedVersion = draft.version;
  turn.state.session.mode = { kind: "idle" };
  bump(turn);
  turn.effects.push({ type: "document", draftId: draft.id, draftVersion: draft.version, programId: entry.program.id });
  say(turn, text(t.submit.queued(entry.flow.formTitle)));
}
