import type { Answer } from "../forms/types.ts";
import { optionsOf } from "../forms/expand.ts";
import { button, parseButton } from "./buttons.ts";
import { entryNamedIn, entryOf, type ApplicationEntry } from "./catalog.ts";
import { bump, say, seqOf, type Turn } from "./context.ts";
import { deleteDraft, latestDraft, latestOpenDraft, listDrafts, pickProgram, resumeById } from "./drafts.ts";
import {
  continueDraft,
  editPickText,
  fillingAction,
  fillingText,
  pause,
  progress,
  resumeDraft,
  startFilling,
  stepHelp,
  viewOf,
} from "./filling.ts";
import { sayContacts } from "./asides.ts";
import { sayVerdictDetails, statusOf } from "./verdicts.ts";
import { classifyAside } from "./classify.ts";
import { commandOf, controlOf, isApplyIntent, isApplyRequest, isCheckIntent, looksLikeQuestion } from "./intents.ts";
import type { Command, InboundMessage } from "./messages.ts";
import { text } from "./messages.ts";
import {
  cancelQuestionnaire,
  questionnaireAction,
  questionnaireHelp,
  questionnaireText,
  startQuestionnaire,
  startQuestionnaireFrom,
} from "./questionnaire.ts";
import { showReview, submit } from "./review.ts";
import type { Draft } from "./state.ts";
import { engineTexts as t } from "./texts.ts";

/** Longest message taken at all; longer ones are refused before any parsing. */
export const MAX_INBOUND_CHARS = 6000;

/** Apply one inbound message to the working copy in `turn`. Synchronous and pure apart from `turn`. */
export function applyMessage(turn: Turn, msg: InboundMessage): void {
  if (msg.kind === "unsupported" || msg.kind === "file") {
    say(turn, text(t.errors.unsupported));
    return repromptCurrent(turn);
  }
  if (msg.kind === "action") {
    onAction(turn, msg.action ?? "", msg.text);
    if (turn.replies.length === 0 && turn.effects.length === 0 && !turn.deleteUser) idleMenu(turn, t.idle.notUnderstood);
    return;
  }
  const command = msg.kind === "command" ? msg.command : commandOf(msg.text);
  if (command) {
    onCommand(turn, command);
    if (turn.replies.length === 0) idleMenu(turn, t.help);
    return;
  }
  const input = msg.text;
  const length = [...input].length;
  if (length > MAX_INBOUND_CHARS) {
    say(turn, text(t.errors.tooLong(MAX_INBOUND_CHARS, length)));
    return repromptCurrent(turn);
  }
  if (input.trim() === "") {
    say(turn, text(t.errors.empty));
    return repromptCurrent(turn);
  }
  onText(turn, input);
  if (turn.replies.length === 0 && turn.effects.length === 0 && !turn.deleteUser) idleMenu(turn, t.idle.notUnderstood);
}

/** The three ways in, with a lead line; also the reply of last resort, so no message goes unanswered. */
function idleMenu(turn: Turn, lead: string): void {
  const seq = bump(turn);
  say(turn, text(lead, [button(seq, "check", t.buttons.check), button(seq, "apply", t.buttons.apply), button(seq, "drafts", t.buttons.drafts)]));
}

function activeDraft(turn: Turn): { draft: Draft; entry: ApplicationEntry } | null {
  const m = turn.state.session.mode;
  if (!("draftId" in m)) return null;
  const draft = turn.state.drafts[m.draftId];
  const entry = draft ? entryOf(turn.ctx.catalog, draft.programId) : undefined;
  if (!draft || !entry) {
    turn.state.session.mode = { kind: "idle" };
    return null;
  }
  return { draft, entry };
}

/** Show the current question again (after an error, a sticker, a stale button). */
function repromptCurrent(turn: Turn): void {
  const m = turn.state.session.mode;
  const active = activeDraft(turn);
  if (m.kind === "filling" && active) return continueDraft(turn, active.entry, active.draft);
  if ((m.kind === "review" || m.kind === "editPick") && active) return showReview(turn, active.entry, active.draft, { editPick: m.kind === "editPick" });
  if (m.kind === "questionnaire") return questionnaireText(turn, "");
}

function onCommand(turn: Turn, command: Command): void {
  const m = turn.state.session.mode;
  const active = activeDraft(turn);
  switch (command) {
    case "help":
      // Inside a question, 帮助 explains that question; the command list is one tap away.
      if (m.kind === "filling" && active) return stepHelp(turn, active.entry, active.draft);
      if (m.kind === "questionnaire" && m.field) return questionnaireHelp(turn);
      return showCommands(turn);
    case "start": {
      const seq = bump(turn);
      say(turn, text(command === "start" ? t.welcome : t.help, [
        button(seq, "check", t.buttons.check),
        button(seq, "apply", t.buttons.apply),
        button(seq, "drafts", t.buttons.drafts),
      ]));
      if (m.kind !== "idle" && m.kind !== "confirmDelete") repromptCurrent(turn);
      return;
    }
    case "check":
      return startQuestionnaire(turn);
    case "apply":
      return pickProgram(turn);
    case "drafts":
      turn.state.session.mode = { kind: "idle" };
      return listDrafts(turn);
    case "subscribe":
    case "unsubscribe":
      return subscribe(turn, command === "subscribe");
    case "delete": {
      turn.state.session.mode = { kind: "confirmDelete" };
      const seq = bump(turn);
      say(turn, text(t.delete.confirm, [button(seq, "delyes", t.buttons.confirmDelete), button(seq, "delno", t.buttons.cancel)]));
      return;
    }
    case "cancel":
      if (m.kind === "questionnaire") return cancelQuestionnaire(turn);
      if (m.kind === "confirmDelete") return cancelDelete(turn);
      if (m.kind === "editPick" && active) return showReview(turn, active.entry, active.draft);
      if (active) {
        turn.state.session.mode = { kind: "idle" };
        bump(turn);
        say(turn, text(t.flow.cancelled));
        return;
      }
      say(turn, text(t.help));
      return;
    case "progress":
      if (active) return progress(turn, active.entry, active.draft);
      return listDrafts(turn);
    case "pause":
      if (active) return pause(turn, active.entry, active.draft);
      if (m.kind === "questionnaire") return cancelQuestionnaire(turn);
      return listDrafts(turn);
    case "resume": {
      if (active) return resumeDraft(turn, active.entry, active.draft);
      const latest = latestOpenDraft(turn);
      if (!latest) return listDrafts(turn);
      const entry = entryOf(turn.ctx.catalog, latest.programId);
      if (entry) return resumeDraft(turn, entry, latest);
      return listDrafts(turn);
    }
  }
}

function showCommands(turn: Turn): void {
  const m = turn.state.session.mode;
  const seq = bump(turn);
  say(turn, text(t.help, [button(seq, "check", t.buttons.check), button(seq, "apply", t.buttons.apply), button(seq, "drafts", t.buttons.drafts)]));
  if (m.kind !== "idle" && m.kind !== "confirmDelete") repromptCurrent(turn);
}

function cancelDelete(turn: Turn): void {
  turn.state.session.mode = { kind: "idle" };
  bump(turn); // the 确认删除 button stops working
  say(turn, text(t.delete.cancelled));
}

function subscribe(turn: Turn, on: boolean): void {
  const s = turn.state.session;
  if (s.subscribed === on) {
    say(turn, text(on ? t.subscribe.already : t.subscribe.notSubscribed));
    return;
  }
  s.subscribed = on;
  turn.effects.push({ type: "subscribe", on });
  say(turn, text(on ? t.subscribe.on : t.subscribe.off));
}

function onAction(turn: Turn, payload: string, label: string): void {
  const parsed = parseButton(payload);
  if (parsed?.action === "delyes" && turn.state.session.mode.kind !== "confirmDelete") {
    // 确认删除 pressed after the deletion was cancelled (or in another chat): nothing is deleted.
    say(turn, text(t.delete.stale));
    return repromptCurrent(turn);
  }
  if (parsed && parsed.seq !== seqOf(turn)) {
    // A stale 资格自测 / 我的草稿 / 确认提交 still means what it says: handle it as typed.
    const command = commandOf(label);
    if (command) return onCommand(turn, command);
    if (controlOf(label) === "confirm") return onText(turn, label);
  }
  if (!parsed || parsed.seq !== seqOf(turn)) {
    say(turn, text(t.errors.staleButton));
    return repromptCurrent(turn);
  }
  const { action } = parsed;
  const m = turn.state.session.mode;
  const active = activeDraft(turn);
  if (action === "cmds") return showCommands(turn);
  if (action === "qd") return sayVerdictDetails(turn);
  if (action === "check") return startQuestionnaire(turn);
  if (action === "apply") return pickProgram(turn);
  if (action === "drafts") return listDrafts(turn);
  if (action.startsWith("a:")) return applyFor(turn, action.slice(2), false);
  if (action.startsWith("n:")) return applyFor(turn, action.slice(2), true);
  if (action.startsWith("r:")) return resumeById(turn, action.slice(2));
  if (action.startsWith("x:")) return deleteDraft(turn, action.slice(2));
  if (action === "delyes" && m.kind === "confirmDelete") {
    turn.deleteUser = true;
    say(turn, text(t.delete.done));
    return;
  }
  if (action === "delno") return cancelDelete(turn);
  if (m.kind === "questionnaire") return questionnaireAction(turn, action);
  if (active) {
    if (action === "confirm") return submit(turn, active.entry, active.draft);
    if (action === "edit") return showReview(turn, active.entry, active.draft, { editPick: true });
    if (action === "cancel" && m.kind === "editPick") return showReview(turn, active.entry, active.draft);
    if (action === "pause") return pause(turn, active.entry, active.draft);
    if (m.kind === "filling") return fillingAction(turn, active.entry, active.draft, action);
  }
  repromptCurrent(turn);
}

/** Start (or continue) filling a program; `spec` is `programId[:categoryId]`. */
function applyFor(turn: Turn, spec: string, forceNew: boolean): void {
  const [programId = "", category] = spec.split(":");
  const entry = entryOf(turn.ctx.catalog, programId);
  if (!entry) return pickProgram(turn);
  const existing = forceNew
    ? undefined
    : turn.state.session.draftIds
        .map((id) => turn.state.drafts[id])
        .find((d) => d && d.programId === programId && (d.status === "filling" || d.status === "review"));
  if (existing) {
    say(turn, text(t.flow.existingDraft(entry.shortName, existing.id)));
    resumeDraft(turn, entry, existing);
    const last = turn.replies.at(-1);
    if (last) last.buttons.push(button(seqOf(turn), `n:${programId}`, t.buttons.newDraft));
    return;
  }
  startFilling(turn, entry, category ? presetCategory(entry, category) : {});
}

/**
 * A category chosen in the questionnaire's verdicts pre-answers the flow's `category`
 * step (a naming convention for flows with categories), so the user is not asked twice.
 */
function presetCategory(entry: ApplicationEntry, categoryId: string): Record<string, Answer> {
  const step = entry.flow.steps.find((s) => s.id === "category");
  const option = step ? optionsOf(step, {}).find((o) => o.id === categoryId) : undefined;
  return step && option ? { [step.id]: { value: option.id, display: option.label } } : {};
}

function reopenQuestionnaire(turn: Turn, input: string): void {
  turn.state.session.mode = { kind: "questionnaire", field: null, history: [], skipped: [], gates: [] };
  questionnaireText(turn, input);
}

/** 「你好」「在吗」: a returning user hears what they were doing, with a button to go on. */
function greet(turn: Turn): void {
  const open = latestOpenDraft(turn);
  const entry = open ? entryOf(turn.ctx.catalog, open.programId) : undefined;
  if (open && entry) {
    const view = viewOf(entry, open);
    const seq = bump(turn);
    say(turn, text(t.idle.welcomeBack(entry.flow.formTitle, view.done, view.total), [
      button(seq, `r:${open.id}`, t.buttons.continueFilling),
      button(seq, "drafts", t.buttons.drafts),
      button(seq, "check", t.buttons.check),
    ]));
    return;
  }
  const known = Object.keys(turn.state.session.profile).length > 0;
  idleMenu(turn, known ? t.idle.welcomeBackProfile : t.welcome);
}

/** 确认提交 typed with no review open: say where the latest draft stands instead of searching the notices. */
function confirmOutsideReview(turn: Turn): void {
  const latest = latestDraft(turn);
  const entry = latest ? entryOf(turn.ctx.catalog, latest.programId) : undefined;
  if (!latest || !entry) return idleMenu(turn, t.submit.nothingToSubmit);
  if (latest.status === "submitted") return void say(turn, text(t.submit.alreadySubmitted));
  if (latest.status === "ready") return void say(turn, text(t.submit.alreadyReady));
  if (latest.status === "review") return submit(turn, entry, latest);
  resumeDraft(turn, entry, latest);
}

function onText(turn: Turn, input: string): void {
  const m = turn.state.session.mode;
  const active = activeDraft(turn);
  switch (m.kind) {
    case "questionnaire":
      return questionnaireText(turn, input);
    case "filling":
      if (active) return fillingText(turn, active.entry, active.draft, input);
      break;
    case "editPick":
      if (active) return editPickText(turn, active.entry, active.draft, input);
      break;
    case "review":
      if (active) {
        const aside = classifyAside(input);
        if (aside?.kind === "stop") return pause(turn, active.entry, active.draft);
        if (aside?.kind === "human") {
          sayContacts(turn, [active.entry]);
          return showReview(turn, active.entry, active.draft);
        }
        if (aside?.kind === "smalltalk" || aside?.kind === "help") return showReview(turn, active.entry, active.draft);
        const c = controlOf(input);
        if (c === "confirm") return submit(turn, active.entry, active.draft);
        if (c === "edit") return showReview(turn, active.entry, active.draft, { editPick: true });
        if (c === "back") {
          const d = active.draft;
          d.cursor = d.history.pop() ?? null;
          return continueDraft(turn, active.entry, d);
        }
      }
      break;
    case "confirmDelete":
      if (controlOf(input) === "confirm" || input.trim() === "确认删除") {
        turn.deleteUser = true;
        say(turn, text(t.delete.done));
        return;
      }
      return cancelDelete(turn);
    case "idle":
      break;
  }
  // Outside a question: intents first, then policy Q&A.
  if (m.kind === "idle") {
    const aside = classifyAside(input);
    if (aside?.kind === "human") return sayContacts(turn, turn.ctx.catalog.applications);
    if (aside?.kind === "smalltalk") return greet(turn);
    if (aside?.kind === "stop") return idleMenu(turn, t.idle.stopAck);
    if (aside?.kind === "help") return showCommands(turn);
    // 「省份填错了，应该是福建省」 after the verdicts: change the fact, then the verdicts follow.
    if (aside?.kind === "correction") return reopenQuestionnaire(turn, input);
    if (controlOf(input) === "edit") {
      const open = latestOpenDraft(turn);
      const entry = open ? entryOf(turn.ctx.catalog, open.programId) : undefined;
      if (open && entry) return showReview(turn, entry, open, { editPick: true });
      if (Object.keys(turn.state.session.profile).length > 0) return reopenQuestionnaire(turn, input);
    }
    if (input.trim() === "确认删除") {
      say(turn, text(t.delete.stale));
      return;
    }
    if (controlOf(input) === "confirm") return confirmOutsideReview(turn);
    const named = entryNamedIn(turn.ctx.catalog, input);
    // 「我想申报先进级智能工厂」 starts the form; a question that names a program never does.
    if (named && isApplyRequest(input)) return applyFor(turn, named.program.id, false);
    if (isCheckIntent(input)) return startQuestionnaireFrom(turn, input);
    if (named) {
      const seq = bump(turn);
      const history = statusOf(turn, named.program.id).kind === "history";
      const offer = text(t.idle.offerProgram(named.shortName), [
        button(seq, `a:${named.program.id}`, history ? t.buttons.prepareProgram(named.shortName) : t.buttons.applyProgram(named.shortName)),
      ]);
      turn.effects.push({ type: "qa", question: input.trim(), after: [offer] });
      return;
    }
    if (isApplyIntent(input) && [...input].length <= 12) return pickProgram(turn);
    if (!looksLikeQuestion(input, true) && [...input.trim()].length < 4) {
      // 「是」「3」「好的」 out of context: not worth a search that can only miss.
      return idleMenu(turn, t.idle.notUnderstood);
    }
  }
  const after = [];
  if (m.kind === "review" && active) {
    const seq = seqOf(turn);
    after.push(text(t.review.footer, [button(seq, "confirm", t.buttons.confirm), button(seq, "edit", t.buttons.edit)]));
  }
  turn.effects.push({ type: "qa", question: input.trim(), after });
}
