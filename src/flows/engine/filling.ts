import { applicableDeadline, isPassed, noticeStatus, type Profile } from "../eligibility/index.ts";
import { answerForOption, readAnswer } from "../forms/answer-input.ts";
import { checkAnswer } from "../forms/checks.ts";
import { expandSteps, optionsOf, promptOf, type StepInstance } from "../forms/expand.ts";
import { fromProfileValue, toProfileValue } from "../forms/profile-bridge.ts";
import type { Answer } from "../forms/types.ts";
import { button } from "./buttons.ts";
import type { ApplicationEntry } from "./catalog.ts";
import { bump, say, seqOf, touch, type Turn } from "./context.ts";
import { controlOf, isSoftSkip, looksLikeQuestion } from "./intents.ts";
import { hasPending, holdPending, sayContacts, takePending } from "./asides.ts";
import { classifyAside, type Aside } from "./classify.ts";
import { text, type Button, type OutboundMessage } from "./messages.ts";
import { showReview } from "./review.ts";
import type { Draft } from "./state.ts";
import { engineTexts as t } from "./texts.ts";

const MAX_BUTTON_OPTIONS = 8;
const KEEP_WORDS = new Set(["沿用", "保持", "保持不变", "不变", "确认", "好", "是的", "对"]);

export interface FlowView {
  instances: StepInstance[];
  done: number;
  total: number;
}

export function viewOf(entry: ApplicationEntry, draft: Draft): FlowView {
  const instances = expandSteps(entry.flow.steps, draft.answers);
  const done = instances.filter((i) => i.key in draft.answers).length;
  return { instances, done, total: instances.length };
}

function profileOf(turn: Turn): Profile {
  return turn.state.session.profile as Profile;
}

/** The profile's value for this step as an answer, when the step mirrors a profile fact. */
function prefillOf(turn: Turn, draft: Draft, inst: StepInstance): Answer | undefined {
  if (inst.item) return undefined;
  const field = inst.step.profileField;
  const v = field ? profileOf(turn)[field] : inst.step.fromProfile?.(profileOf(turn));
  return v === undefined || v === null ? undefined : fromProfileValue(inst.step, v, draft.answers);
}

/**
 * Facts the enterprise already gave (in the self-check or another form) are not asked
 * again: the steps they answer are filled when the draft starts, listed for the user, and
 * can be changed with 修改 like any answer.
 */
function fillFromProfile(turn: Turn, entry: ApplicationEntry, draft: Draft): string[] {
  const filled: string[] = [];
  for (let round = 0; round < 3; round++) {
    let added = false;
    for (const inst of expandSteps(entry.flow.steps, draft.answers)) {
      if (inst.key in draft.answers) continue;
      const pre = prefillOf(turn, draft, inst);
      if (!pre) continue;
      draft.answers[inst.key] = pre;
      filled.push(`${inst.step.label}：${pre.display}`);
      added = true;
    }
    if (!added) break;
  }
  return filled;
}

function deadlineNote(turn: Turn, entry: ApplicationEntry): string {
  const d = applicableDeadline(entry.program.deadlines, profileOf(turn));
  const status = noticeStatus(entry.program, profileOf(turn), turn.ctx.today, turn.ctx.historyAfterYears);
  if (!d && status.kind === "history" && status.reason === "old") return t.flow.historyOld(status.year);
  if (!d) return t.flow.noDeadline;
  return isPassed(d.date, turn.ctx.today) ? t.flow.deadlinePassed(d.date) : t.flow.deadlineOpen(d.date);
}

export function newDraft(turn: Turn, entry: ApplicationEntry, preset: Record<string, Answer>): Draft {
  let id = turn.ctx.newId();
  while (id in turn.state.drafts) id = turn.ctx.newId();
  const draft: Draft = {
    id,
    programId: entry.program.id,
    status: "filling",
    answers: { ...preset },
    cursor: null,
    history: [],
    editing: false,
    version: 1,
    createdAt: turn.ctx.nowIso,
    updatedAt: turn.ctx.nowIso,
    submittedVersion: null,
    document: null,
    failure: null,
  };
  turn.state.drafts[id] = draft;
  turn.state.session.draftIds.push(id);
  return draft;
}

function firstOpen(instances: StepInstance[], draft: Draft): StepInstance | undefined {
  return instances.find((i) => !(i.key in draft.answers));
}

/** Begin a new draft of a program and ask its first question. */
export function startFilling(turn: Turn, entry: ApplicationEntry, preset: Record<string, Answer> = {}): void {
  const draft = newDraft(turn, entry, preset);
  const filled = fillFromProfile(turn, entry, draft);
  draft.cursor = firstOpen(viewOf(entry, draft).instances, draft)?.key ?? null;
  turn.state.session.mode = { kind: "filling", draftId: draft.id };
  const lines = [t.flow.start(entry.flow.formTitle, entry.flow.intro), deadlineNote(turn, entry)];
  if (filled.length > 0) lines.push(t.flow.filledFromProfile(filled.length, filled.join("；")));
  lines.push(t.controlsHint);
  say(turn, text(lines.join("\n")));
  continueDraft(turn, entry, draft);
}

/** Re-enter a draft where it stopped (cursor, or the review when all is answered). */
export function resumeDraft(turn: Turn, entry: ApplicationEntry, draft: Draft): void {
  const view = viewOf(entry, draft);
  if (draft.status === "submitted" || draft.status === "ready" || draft.status === "failed") {
    // Editing a submitted draft starts a new version; the earlier document stays as it was.
    draft.status = "filling";
    touch(turn, draft);
  }
  say(turn, text(t.flow.resumed(entry.flow.formTitle, view.done, view.total)));
  turn.state.session.mode = { kind: "filling", draftId: draft.id };
  continueDraft(turn, entry, draft);
}

/** Ask the cursor's question, or show the review when nothing is left to ask. */
export function continueDraft(turn: Turn, entry: ApplicationEntry, draft: Draft, lead: string[] = []): void {
  const view = viewOf(entry, draft);
  let inst = draft.cursor ? view.instances.find((i) => i.key === draft.cursor) : undefined;
  if (!inst) {
    inst = firstOpen(view.instances, draft);
    draft.cursor = inst?.key ?? null;
  }
  bump(turn);
  if (!inst) {
    if (lead.length > 0) say(turn, text(lead.join("\n")));
    showReview(turn, entry, draft);
    return;
  }
  draft.status = "filling";
  turn.state.session.mode = { kind: "filling", draftId: draft.id };
  say(turn, promptMessage(turn, entry, draft, inst, view, lead));
}

/** The message asking one question, with its buttons. Uses the current prompt sequence. */
export function promptMessage(
  turn: Turn,
  entry: ApplicationEntry,
  draft: Draft,
  inst: StepInstance,
  view: FlowView = viewOf(entry, draft),
  lead: string[] = [],
  confirming = false,
): OutboundMessage {
  const seq = seqOf(turn);
  const { step } = inst;
  const n = view.instances.indexOf(inst) + 1;
  const lines = [...lead, t.flow.sectionHeader(step.section, n, view.total), promptOf(inst)];
  if (step.kind === "text" || step.kind === "longText") {
    if (step.maxLength) lines[lines.length - 1] += t.flow.maxLengthHint(step.maxLength);
  }
  if (step.optional) lines.push(step.kind === "longText" ? t.flow.optionalLongNote : t.flow.optionalNote);
  const buttons: Button[] = confirming ? [button(seq, "pending", t.buttons.confirmPending)] : [];
  const options = step.kind === "yesNo" ? [] : optionsOf(step, draft.answers);
  if (options.length > 0) {
    lines.push(...options.map((o, k) => `${k + 1}. ${o.label}`));
    lines.push(step.kind === "multiChoice" ? t.flow.multiHint(step.maxChoices ?? options.length) : t.flow.choiceHint);
    if (step.kind === "choice" && options.length <= MAX_BUTTON_OPTIONS) {
      buttons.push(...options.map((o) => button(seq, `o:${o.id}`, o.label)));
    }
  }
  if (step.kind === "yesNo") buttons.push(button(seq, "o:yes", t.buttons.yes), button(seq, "o:no", t.buttons.no));
  const current = draft.answers[inst.key];
  if (current && "value" in current) {
    lines.push(t.flow.currentAnswer(current.display));
    buttons.push(button(seq, "keep", t.buttons.keep(current.display)));
  } else {
    const pre = prefillOf(turn, draft, inst);
    if (pre) {
      lines.push(t.flow.prefilled(pre.display));
      buttons.push(button(seq, "keep", t.buttons.usePrefill(pre.display)));
    }
  }
  if (step.help) lines.push(t.flow.helpAvailable);
  if (step.optional) buttons.push(button(seq, "skip", t.buttons.skip));
  if (draft.history.length > 0) buttons.push(button(seq, "back", t.buttons.back));
  buttons.push(button(seq, "pause", t.buttons.pause));
  const message = text(lines.join("\n"), buttons);
  // Every question but yes/no takes a typed number (choices: the option's number, as its button).
  if (step.kind !== "yesNo") message.numbersAreAnswers = true;
  return message;
}

function currentInstance(entry: ApplicationEntry, draft: Draft): { inst: StepInstance; view: FlowView } | null {
  const view = viewOf(entry, draft);
  const inst = view.instances.find((i) => i.key === draft.cursor);
  return inst ? { inst, view } : null;
}

/** Store an answer on the draft; its profile fact (and facts it implies, e.g. a city's province) go to the profile. */
function saveAnswer(turn: Turn, draft: Draft, inst: StepInstance, answer: Answer | { skipped: true }, implied?: Readonly<Record<string, string>>): void {
  draft.answers[inst.key] = answer;
  const profile = turn.state.session.profile;
  if ("value" in answer && inst.step.profileField && !inst.item) {
    const v = toProfileValue(inst.step, answer);
    if (v !== undefined) profile[inst.step.profileField] = v;
  }
  for (const [field, v] of Object.entries(implied ?? {})) if (profile[field] == null) profile[field] = v;
  touch(turn, draft);
}

/** Record an accepted answer and move on. */
function accept(
  turn: Turn,
  entry: ApplicationEntry,
  draft: Draft,
  inst: StepInstance,
  answer: Answer | { skipped: true },
  lead: string[] = [],
  implied?: Readonly<Record<string, string>>,
): void {
  saveAnswer(turn, draft, inst, answer, implied);
  advance(turn, entry, draft, inst.key, lead);
}

function advance(turn: Turn, entry: ApplicationEntry, draft: Draft, fromKey: string, lead: string[]): void {
  const view = viewOf(entry, draft);
  const open = firstOpen(view.instances, draft);
  let next: StepInstance | undefined;
  if (draft.editing) {
    // Back to the review, unless the change opened new required questions (a new category).
    next = open;
    if (!next) draft.editing = false;
  } else {
    // The next question not answered yet (answers pre-filled from the profile are not asked again).
    const idx = view.instances.findIndex((i) => i.key === fromKey);
    next = idx >= 0 ? view.instances.slice(idx + 1).find((i) => !(i.key in draft.answers)) : open;
    if (!next) next = open;
  }
  if (next) {
    if (draft.history.at(-1) !== fromKey) draft.history.push(fromKey);
    draft.cursor = next.key;
  } else {
    draft.cursor = null;
  }
  continueDraft(turn, entry, draft, lead);
}

/** Free text while a question is open: a control word, a question about the step, or the answer. */
export function fillingText(turn: Turn, entry: ApplicationEntry, draft: Draft, input: string): void {
  const cur = currentInstance(entry, draft);
  if (!cur) return continueDraft(turn, entry, draft);
  const { inst, view } = cur;
  const control = controlOf(input);
  if (control === "back") return goBack(turn, entry, draft);
  if (control === "skip") return skip(turn, entry, draft);
  if (control === "edit") return startEditPick(turn, entry, draft);
  const bare = input.trim();
  if (hasPending(turn, inst.key)) {
    const held = takePending(turn, inst.key, bare);
    if (held) return accept(turn, entry, draft, inst, held);
  }
  if (KEEP_WORDS.has(bare) && inst.step.kind !== "yesNo" && keep(turn, entry, draft)) return;
  const aside = classifyAside(bare);
  // In a narrative, 「…不对，改为…」 is prose unless it names an earlier answer.
  const prose = aside?.kind === "correction" && inst.step.kind === "longText" && !namedAnswer(cur.view, draft, aside.subject);
  if (aside && !prose) return fillingAside(turn, entry, draft, cur, aside);
  const freeForm = inst.step.kind === "text" || inst.step.kind === "longText";
  if (freeForm && looksLikeQuestion(bare, false) && [...bare].length <= 60) {
    return askAbout(turn, entry, draft, inst, view, bare);
  }
  const result = readAnswer(inst, input, draft.answers, { today: turn.ctx.today });
  if (inst.step.optional && isSoftSkip(bare) && (freeForm || !result.ok)) return skip(turn, entry, draft);
  if (result.ok) {
    const checked = checkAnswer(inst, result.answer, draft.answers, (id) => entry.flow.steps.find((x) => x.id === id)?.label ?? id);
    if (checked && "refuse" in checked) return void say(turn, promptMessage(turn, entry, draft, inst, view, [checked.refuse]));
    const doubt =
      result.confirm ??
      (checked && "confirm" in checked ? checked.confirm : undefined) ??
      (inst.step.kind === "longText" && [...bare].length < SHORT_NARRATIVE ? t.aside.confirmShort(inst.step.label, bare) : undefined);
    if (doubt) {
      holdPending(turn, inst.key, result.answer);
      say(turn, promptMessage(turn, entry, draft, inst, view, [doubt], true));
      return;
    }
    return accept(turn, entry, draft, inst, result.answer, [], result.implied);
  }
  if (!freeForm && looksLikeQuestion(bare, true)) return askAbout(turn, entry, draft, inst, view, bare);
  say(turn, promptMessage(turn, entry, draft, inst, view, [result.message]));
}

/** A narrative shorter than this is confirmed before it goes into the 申报书. */
const SHORT_NARRATIVE = 6;

/** Something said in passing while a question is open: never saved as the answer. */
function fillingAside(turn: Turn, entry: ApplicationEntry, draft: Draft, cur: { inst: StepInstance; view: FlowView }, aside: Aside): void {
  switch (aside.kind) {
    case "stop":
      return pause(turn, entry, draft);
    case "help":
      return stepHelp(turn, entry, draft);
    case "human":
      sayContacts(turn, [entry]);
      say(turn, promptMessage(turn, entry, draft, cur.inst, cur.view));
      return;
    case "smalltalk":
      say(turn, promptMessage(turn, entry, draft, cur.inst, cur.view, [t.aside.smalltalkInFlow]));
      return;
    case "correction":
      return correctEarlier(turn, entry, draft, cur, aside.subject, aside.value);
  }
}

function labelOf(inst: StepInstance): string {
  return inst.item ? `${inst.step.label}（${inst.item.label}）` : inst.step.label;
}

function namedAnswer(view: FlowView, draft: Draft, subject: string): StepInstance | undefined {
  if (!subject) return undefined;
  return view.instances.filter((i) => i.key in draft.answers && (labelOf(i).includes(subject) || subject.includes(i.step.label))).at(-1);
}

/** 「省份填错了，应该是福建省」: change the earlier answer named (or the previous one), stay on the current question. */
function correctEarlier(turn: Turn, entry: ApplicationEntry, draft: Draft, cur: { inst: StepInstance; view: FlowView }, subject: string, value: string): void {
  const named = subject
    ? namedAnswer(cur.view, draft, subject)
    : cur.view.instances.find((i) => i.key in draft.answers && i.key === draft.history.at(-1));
  if (!named) {
    if (subject && (cur.inst.step.label.includes(subject) || subject.includes(cur.inst.step.label))) return fillingText(turn, entry, draft, value);
    say(turn, promptMessage(turn, entry, draft, cur.inst, cur.view, [t.aside.correctionUnknown]));
    return;
  }
  const r = readAnswer(named, value, draft.answers, { today: turn.ctx.today });
  const checked = r.ok ? checkAnswer(named, r.answer, draft.answers, (id) => entry.flow.steps.find((x) => x.id === id)?.label ?? id) : null;
  if (!r.ok || (checked && "refuse" in checked)) {
    const why = !r.ok ? r.message : checked && "refuse" in checked ? checked.refuse : "";
    say(turn, promptMessage(turn, entry, draft, cur.inst, cur.view, [t.aside.correctionFailed(labelOf(named), why)]));
    return;
  }
  saveAnswer(turn, draft, named, r.answer, r.implied);
  continueDraft(turn, entry, draft, [t.aside.corrected(labelOf(named), r.answer.display)]);
}

function askAbout(turn: Turn, entry: ApplicationEntry, draft: Draft, inst: StepInstance, view: FlowView, question: string): void {
  turn.effects.push({
    type: "qa",
    question,
    noticeId: entry.program.noticeId,
    after: [promptMessage(turn, entry, draft, inst, view, [t.flow.questionAnswered])],
  });
}

/** A button press while filling (already checked to be current). */
export function fillingAction(turn: Turn, entry: ApplicationEntry, draft: Draft, action: string): void {
  if (action === "back") return goBack(turn, entry, draft);
  if (action === "skip") return skip(turn, entry, draft);
  if (action === "pause") return pause(turn, entry, draft);
  if (action === "keep") {
    if (!keep(turn, entry, draft)) continueDraft(turn, entry, draft);
    return;
  }
  if (action === "pending") {
    const cur = currentInstance(entry, draft);
    const held = cur ? takePending(turn, cur.inst.key, null) : null;
    if (cur && held) return accept(turn, entry, draft, cur.inst, held);
    return continueDraft(turn, entry, draft);
  }
  if (action.startsWith("o:")) {
    const cur = currentInstance(entry, draft);
    if (!cur) return continueDraft(turn, entry, draft);
    const result = answerForOption(cur.inst, action.slice(2), draft.answers);
    if (result.ok) return accept(turn, entry, draft, cur.inst, result.answer);
    say(turn, promptMessage(turn, entry, draft, cur.inst, cur.view, [result.message]));
    return;
  }
  continueDraft(turn, entry, draft);
}

/** Keep the shown answer (current, or pre-filled from the profile). False when there is none. */
function keep(turn: Turn, entry: ApplicationEntry, draft: Draft): boolean {
  const cur = currentInstance(entry, draft);
  if (!cur) return false;
  const existing = draft.answers[cur.inst.key];
  if (existing && "value" in existing) {
    advance(turn, entry, draft, cur.inst.key, []);
    return true;
  }
  const pre = prefillOf(turn, draft, cur.inst);
  if (pre) {
    accept(turn, entry, draft, cur.inst, pre);
    return true;
  }
  return false;
}

export function goBack(turn: Turn, entry: ApplicationEntry, draft: Draft): void {
  const prev = draft.history.pop();
  if (prev === undefined) {
    const cur = currentInstance(entry, draft);
    if (cur) say(turn, promptMessage(turn, entry, draft, cur.inst, cur.view, [t.flow.noBack]));
    return;
  }
  draft.cursor = prev;
  draft.editing = false;
  touch(turn, draft);
  continueDraft(turn, entry, draft);
}

export function skip(turn: Turn, entry: ApplicationEntry, draft: Draft): void {
  const cur = currentInstance(entry, draft);
  if (!cur) return continueDraft(turn, entry, draft);
  if (!cur.inst.step.optional) {
    say(turn, promptMessage(turn, entry, draft, cur.inst, cur.view, [t.flow.cannotSkip(cur.inst.step.label)]));
    return;
  }
  accept(turn, entry, draft, cur.inst, { skipped: true }, [t.flow.skipped(cur.inst.step.label)]);
}

export function pause(turn: Turn, entry: ApplicationEntry, draft: Draft): void {
  const view = viewOf(entry, draft);
  turn.state.session.mode = { kind: "idle" };
  bump(turn);
  say(turn, text(t.flow.paused(view.done, view.total), [button(seqOf(turn), "r:" + draft.id, t.buttons.continueFilling)]));
}

export function progress(turn: Turn, entry: ApplicationEntry, draft: Draft): void {
  const view = viewOf(entry, draft);
  const bySection = new Map<string, { done: number; total: number }>();
  for (const i of view.instances) {
    const s = bySection.get(i.step.section) ?? { done: 0, total: 0 };
    s.total += 1;
    if (i.key in draft.answers) s.done += 1;
    bySection.set(i.step.section, s);
  }
  const sections = [...bySection].map(([name, s]) => t.flow.progressSection(name, s.done, s.total)).join("\n");
  say(turn, text(t.flow.progress(entry.flow.formTitle, view.done, view.total, sections)));
  const cur = currentInstance(entry, draft);
  if (cur && turn.state.session.mode.kind === "filling") say(turn, promptMessage(turn, entry, draft, cur.inst, cur.view));
}

export function stepHelp(turn: Turn, entry: ApplicationEntry, draft: Draft): void {
  const cur = currentInstance(entry, draft);
  if (!cur) return continueDraft(turn, entry, draft);
  const { step } = cur.inst;
  const lines = step.help
    ? [t.flow.stepHelp(step.label, step.help.text)]
    : [t.flow.noStepHelp(step.label)];
  const c = step.help?.citation;
  if (c) lines.push(t.flow.stepHelpCitation(c.docNumber, c.section, c.quote));
  const prompt = promptMessage(turn, entry, draft, cur.inst, cur.view);
  prompt.buttons.push(button(seqOf(turn), "cmds", t.buttons.allCommands));
  say(turn, text(lines.join("\n")), prompt);
}

export function startEditPick(turn: Turn, entry: ApplicationEntry, draft: Draft): void {
  showReview(turn, entry, draft, { editPick: true });
}

/** A number typed after 修改: re-ask that item, then come back to the review. */
export function editPickText(turn: Turn, entry: ApplicationEntry, draft: Draft, input: string): void {
  const view = viewOf(entry, draft);
  const n = Number(input.trim().replace(/^第|项$/g, ""));
  const inst = Number.isInteger(n) ? view.instances[n - 1] : undefined;
  if (!inst) {
    say(turn, text(t.review.editPickInvalid(view.total)));
    return;
  }
  if (draft.cursor && draft.cursor !== inst.key && !(draft.cursor in draft.answers)) draft.history.push(draft.cursor);
  draft.cursor = inst.key;
  draft.editing = true;
  touch(turn, draft);
  continueDraft(turn, entry, draft);
}
