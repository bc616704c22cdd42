import {
  fieldLabels,
  matchProfile,
  profileSchema,
  sortFields,
  type Profile,
  type ProfileField,
} from "../eligibility/index.ts";
import { answerForOption, readAnswer, type AnswerResult } from "../forms/answer-input.ts";
import { promptOf, type StepInstance } from "../forms/expand.ts";
import { fromProfileValue, toProfileValue } from "../forms/profile-bridge.ts";
import type { Answer, Step } from "../forms/types.ts";
import { findPlaceIn, formatPlace } from "../parse/index.ts";
import { GATE_PREFIX, gateBefore, gateOf, type Gate } from "../questionnaire/gates.ts";
import { profileQuestions } from "../questionnaire/questions.ts";
import { hasPending, holdPending, sayContacts, takePending } from "./asides.ts";
import { button } from "./buttons.ts";
import type { Catalog } from "./catalog.ts";
import { classifyAside } from "./classify.ts";
import { bump, say, seqOf, type Turn } from "./context.ts";
import { controlOf, isSoftSkip, looksLikeQuestion } from "./intents.ts";
import { text, type Button, type OutboundMessage } from "./messages.ts";
import type { Mode } from "./state.ts";
import { engineTexts as t } from "./texts.ts";
import { sayVerdicts } from "./verdicts.ts";

type QuestionnaireMode = Extract<Mode, { kind: "questionnaire" }>;

function profileOf(turn: Turn): Profile {
  return turn.state.session.profile as Profile;
}

/**
 * The next fact to ask: among the fields that some still-undecided verdict is missing,
 * the one most verdicts wait for (ties in contract order). Facts that cannot change any
 * verdict are never asked; the user's 不清楚 answers are not asked again this round.
 */
export function nextField(profile: Profile, skipped: ReadonlySet<string>, catalog: Catalog, today: string): ProfileField | null {
  const m = matchProfile(profile, catalog.programs, today);
  const counts = new Map<ProfileField, number>();
  for (const r of m.results) {
    if (r.verdict !== "unknown") continue;
    for (const f of r.missing) if (!skipped.has(f)) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  let best: ProfileField | null = null;
  let bestCount = 0;
  for (const f of sortFields(counts.keys())) {
    const c = counts.get(f)!;
    if (c > bestCount) {
      best = f;
      bestCount = c;
    }
  }
  return best;
}

const GATE_OPTIONS_STEP: Step = { id: "gate", section: "", label: "", prompt: "", kind: "yesNo", field: "gate" };

/** The question being asked: a profile fact, or a gate (「是否运营工业互联网平台？」). */
function instanceOf(field: string): StepInstance {
  const gate = gateOf(field);
  if (gate) return { key: field, field, step: { ...GATE_OPTIONS_STEP, id: field, label: gate.prompt, prompt: gate.prompt, help: { text: gate.help, citation: gate.citation } } };
  const step = profileQuestions[field as ProfileField];
  return { key: field, step, field };
}

/** 资格自测 asked in words that name a place: the place is taken as the enterprise's, and said so. */
export function startQuestionnaireFrom(turn: Turn, input: string): void {
  const place = answeredFields(turn).length === 0 ? findPlaceIn(input) : null;
  if (!place) return startQuestionnaire(turn);
  const p = turn.state.session.profile;
  p.province = place.province;
  if (place.city) p.city = place.city;
  say(turn, text(t.questionnaire.placeFromMessage(formatPlace({ ...place, county: null }))));
  turn.state.session.mode = { kind: "questionnaire", field: null, history: [], skipped: [], gates: [] };
  say(turn, text(t.questionnaire.start));
  askNext(turn);
}

export function startQuestionnaire(turn: Turn): void {
  const known = answeredFields(turn);
  turn.state.session.mode = { kind: "questionnaire", field: null, history: [], skipped: [], gates: [] };
  if (known.length > 0) {
    // Run again: offer to change answers rather than repeat the same verdicts.
    const seq = bump(turn);
    const open = nextField(profileOf(turn), new Set(), turn.ctx.catalog, turn.ctx.today) !== null;
    const buttons = [button(seq, "qv", t.buttons.showVerdicts), button(seq, "qe", t.buttons.editAnswers)];
    if (open) buttons.push(button(seq, "qc", t.buttons.continueCheck));
    buttons.push(button(seq, "qr", t.buttons.restartCheck));
    say(turn, text(t.questionnaire.again(known.length), buttons));
    return;
  }
  say(turn, text(t.questionnaire.start));
  askNext(turn);
}

function mode(turn: Turn): QuestionnaireMode {
  const m = turn.state.session.mode;
  if (m.kind !== "questionnaire") throw new Error("questionnaire handler outside the questionnaire");
  return m;
}

function askNext(turn: Turn, lead: string[] = []): void {
  const m = mode(turn);
  m.picking = false;
  const field = nextField(profileOf(turn), new Set(m.skipped), turn.ctx.catalog, turn.ctx.today);
  const gate = field ? gateBefore(field, profileOf(turn), m.gates ?? []) : undefined;
  m.field = gate ? GATE_PREFIX + gate.id : field;
  bump(turn);
  if (!m.field) {
    turn.state.session.mode = { kind: "idle" };
    sayVerdicts(turn, lead);
    return;
  }
  say(turn, questionMessage(turn, lead));
}

function questionMessage(turn: Turn, lead: string[] = [], confirming = false): OutboundMessage {
  const m = mode(turn);
  const inst = instanceOf(m.field!);
  const seq = seqOf(turn);
  const lines = [...lead, t.questionnaire.header(m.history.length + 1), promptOf(inst)];
  const buttons: Button[] = confirming ? [button(seq, "pending", t.buttons.confirmPending)] : [];
  const options = typeof inst.step.options === "function" ? inst.step.options({}) : (inst.step.options ?? []);
  if (inst.step.kind === "yesNo") {
    buttons.push(button(seq, "o:yes", t.buttons.yes), button(seq, "o:no", t.buttons.no));
  } else if (options.length > 0) {
    lines.push(...options.map((o, k) => `${k + 1}. ${o.label}`));
    lines.push(inst.step.kind === "multiChoice" ? t.flow.multiHint(inst.step.maxChoices ?? options.length) : t.flow.choiceHint);
    if (inst.step.kind === "choice") buttons.push(...options.map((o) => button(seq, `o:${o.id}`, o.label)));
  }
  const known = inst.step.profileField ? profileOf(turn)[inst.step.profileField] : undefined;
  const current = known === undefined || known === null ? undefined : fromProfileValue(inst.step, known);
  if (current) {
    lines.push(t.flow.currentAnswer(current.display));
    buttons.push(button(seq, "keep", t.buttons.keep(current.display)));
  }
  lines.push(t.flow.helpAvailable);
  buttons.push(button(seq, "skip", t.buttons.unknownSkip));
  if (m.history.length > 0) buttons.push(button(seq, "back", t.buttons.back));
  buttons.push(button(seq, "cancel", t.buttons.cancel));
  const message = text(lines.join("\n"), buttons);
  if (inst.step.kind !== "yesNo") message.numbersAreAnswers = true;
  return message;
}

/** Save an answer to the asked fact (or gate). Returns an error message when the profile refuses it. */
function record(turn: Turn, answer: Answer, implied?: Readonly<Record<string, string>>): string | null {
  const m = mode(turn);
  const key = m.field!;
  const gate = gateOf(key);
  if (gate) {
    m.gates = [...(m.gates ?? []), gate.id];
    if (answer.value === false) applyGate(turn, gate);
    m.history.push(key);
    return null;
  }
  const err = setFact(turn, key as ProfileField, answer, implied);
  if (err === null) m.history.push(key);
  return err;
}

function applyGate(turn: Turn, gate: Gate): void {
  const p = turn.state.session.profile;
  for (const [f, v] of Object.entries(gate.whenNo)) if (p[f] == null) p[f] = v;
}

/** Write one fact (and facts it implies, e.g. a city's province) to the profile, checked by its schema. */
function setFact(turn: Turn, field: ProfileField, answer: Answer, implied?: Readonly<Record<string, string>>): string | null {
  const value = toProfileValue(profileQuestions[field], answer);
  const next: Record<string, unknown> = { ...turn.state.session.profile, [field]: value };
  for (const [f, v] of Object.entries(implied ?? {})) if (f !== field && next[f] == null) next[f] = v;
  const parsed = profileSchema.safeParse(next);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? "invalid";
  turn.state.session.profile = next;
  return null;
}

/** A rough figure is fine unless it sits near a threshold: then ±10 % would change a verdict. */
function nearThreshold(turn: Turn, field: ProfileField, value: number): boolean {
  const at = (v: number) =>
    matchProfile({ ...profileOf(turn), [field]: v } as Profile, turn.ctx.catalog.programs, turn.ctx.today)
      .results.map((r) => r.verdict)
      .join();
  const delta = Math.abs(value) * 0.1;
  const base = at(value);
  return at(value - delta) !== base || at(value + delta) !== base;
}

export function questionnaireText(turn: Turn, input: string): void {
  const m = mode(turn);
  if (m.picking) return pickText(turn, input);
  if (!m.field) {
    // Between questions (the re-run offer): a correction or 修改 still works.
    const aside = classifyAside(input);
    if (aside?.kind === "correction") return correct(turn, aside.subject, aside.value);
    if (controlOf(input) === "edit") return showAnswers(turn);
    return askNext(turn);
  }
  const control = controlOf(input);
  if (control === "back") return back(turn);
  if (control === "skip") return skipField(turn);
  if (control === "edit") return showAnswers(turn);
  const bare = input.trim();
  if (hasPending(turn, m.field)) {
    const held = takePending(turn, m.field, bare);
    if (held) return recordAndGo(turn, held);
  }
  const aside = classifyAside(bare);
  if (aside) {
    switch (aside.kind) {
      case "stop":
        return cancelQuestionnaire(turn);
      case "help":
        return questionnaireHelp(turn);
      case "human":
        sayContacts(turn, turn.ctx.catalog.applications);
        say(turn, questionMessage(turn));
        return;
      case "smalltalk":
        say(turn, questionMessage(turn, [t.questionnaire.smalltalk]));
        return;
      case "correction":
        return correct(turn, aside.subject, aside.value);
    }
  }
  const inst = instanceOf(m.field);
  const result = readAnswer(inst, input, {}, { today: turn.ctx.today });
  // 「没有」 on a figure is 0 (read above); on a place it is not a place and is asked again.
  if (!result.ok && isSoftSkip(bare) && !inst.step.place) return skipField(turn);
  if (result.ok) return takeAnswer(turn, inst, result);
  if (looksLikeQuestion(bare, true)) {
    turn.effects.push({ type: "qa", question: bare, after: [questionMessage(turn, [t.flow.questionAnswered])] });
    return;
  }
  say(turn, questionMessage(turn, [result.message]));
}

function takeAnswer(turn: Turn, inst: StepInstance, result: Extract<AnswerResult, { ok: true }>): void {
  const m = mode(turn);
  const v = result.answer.value;
  const doubtful = result.confirm !== undefined || (result.approximate === true && typeof v === "number" && inst.step.profileField !== undefined && nearThreshold(turn, inst.step.profileField, v));
  if (doubtful) {
    holdPending(turn, m.field!, result.answer);
    say(turn, questionMessage(turn, [result.confirm ?? t.questionnaire.nearThreshold(result.answer.display)], true));
    return;
  }
  recordAndGo(turn, result.answer, result.implied);
}

function recordAndGo(turn: Turn, answer: Answer, implied?: Readonly<Record<string, string>>): void {
  const err = record(turn, answer, implied);
  if (err === null) return askNext(turn);
  say(turn, questionMessage(turn, [t.errors.internal]));
}

export function questionnaireAction(turn: Turn, action: string): void {
  const m = mode(turn);
  if (action === "back") return back(turn);
  if (action === "skip") return skipField(turn);
  if (action === "cancel") return cancelQuestionnaire(turn);
  if (action === "qv") return void ((turn.state.session.mode = { kind: "idle" }), sayVerdicts(turn));
  if (action === "qe") return showAnswers(turn);
  if (action === "qc") return askNext(turn);
  if (action === "qr") {
    turn.state.session.profile = {};
    say(turn, text(t.questionnaire.start));
    return askNext(turn);
  }
  if (action.startsWith("qf:")) return reask(turn, action.slice(3));
  if (!m.field) return askNext(turn);
  const field = m.field;
  if (action === "pending") {
    const held = takePending(turn, field, null);
    return held ? recordAndGo(turn, held) : askNext(turn);
  }
  if (action === "keep") {
    m.history.push(field);
    m.skipped.push(field); // known and kept: do not ask it again this round
    return askNext(turn);
  }
  if (action.startsWith("o:")) {
    const result = answerForOption(instanceOf(field), action.slice(2), {});
    if (result.ok) return recordAndGo(turn, result.answer);
    say(turn, questionMessage(turn, [result.message]));
    return;
  }
  askNext(turn);
}

export function questionnaireHelp(turn: Turn): void {
  const m = mode(turn);
  if (!m.field) return askNext(turn);
  const { step } = instanceOf(m.field);
  const lines = [step.help ? t.flow.stepHelp(step.label, step.help.text) : t.flow.noStepHelp(step.label)];
  const c = step.help?.citation;
  if (c) lines.push(t.flow.stepHelpCitation(c.docNumber, c.section, c.quote));
  const q = questionMessage(turn);
  q.buttons.push(button(seqOf(turn), "cmds", t.buttons.allCommands));
  say(turn, text(lines.join("\n")), q);
}

/** Facts the user has given, in contract order. */
function answeredFields(turn: Turn): ProfileField[] {
  const p = profileOf(turn);
  return sortFields((Object.keys(p) as ProfileField[]).filter((f) => p[f] != null && f in profileQuestions));
}

/** 修改 in the self-check: the answers so far, numbered; a number (or button) re-asks that fact. */
function showAnswers(turn: Turn): void {
  const m = mode(turn);
  const fields = answeredFields(turn);
  const seq = bump(turn);
  if (fields.length === 0) {
    m.picking = false;
    say(turn, text(t.questionnaire.nothingToEdit));
    return askNext(turn);
  }
  m.picking = true;
  const p = profileOf(turn);
  const lines = fields.map((f, k) => `${k + 1}. ${fieldLabels[f]}：${fromProfileValue(profileQuestions[f], p[f])?.display ?? String(p[f])}`);
  const msg = text(`${t.questionnaire.editHeader}\n${lines.join("\n")}\n${t.questionnaire.editPick}`, [button(seq, "qc", t.buttons.continueCheck)]);
  msg.numbersAreAnswers = true;
  say(turn, msg);
}

function pickText(turn: Turn, input: string): void {
  const fields = answeredFields(turn);
  const n = Number(input.trim().replace(/^第|项$/g, ""));
  const byNumber = Number.isInteger(n) ? fields[n - 1] : undefined;
  const byName = fields.find((f) => fieldLabels[f] === input.trim() || input.includes(fieldLabels[f]));
  const field = byNumber ?? byName;
  if (!field) {
    mode(turn).picking = false;
    const aside = classifyAside(input);
    if (aside?.kind === "correction") return correct(turn, aside.subject, aside.value);
    say(turn, text(t.review.editPickInvalid(fields.length)));
    return showAnswers(turn);
  }
  reask(turn, field);
}

/** Ask one fact again (its current answer shown and kept until replaced). */
function reask(turn: Turn, field: string): void {
  const m = mode(turn);
  if (!(field in profileQuestions)) return askNext(turn);
  m.picking = false;
  m.skipped = m.skipped.filter((f) => f !== field);
  m.field = field;
  bump(turn);
  say(turn, questionMessage(turn));
}

const FIELD_WORDS: ReadonlyArray<readonly [string, ProfileField]> = [
  ["省", "province"], ["城市", "city"], ["市", "city"], ["营收", "revenueLastYearWan"], ["收入", "revenueLastYearWan"],
  ["利润", "profitLastYearWan"], ["人数", "employees"], ["员工", "employees"], ["人员", "employees"], ["名称", "name"], ["类型", "kinds"],
  ["行业", "sector"], ["成熟度", "smartMaturityLevel"], ["法人", "independentLegalEntity"],
];

/** 「省份填错了，应该是福建省」: change that fact (or the one just answered) and carry on. */
function correct(turn: Turn, subject: string, value: string): void {
  const m = mode(turn);
  const last = [...m.history].reverse().find((f) => f in profileQuestions) as ProfileField | undefined;
  const named = subject
    ? ((Object.keys(profileQuestions) as ProfileField[]).find((f) => fieldLabels[f].includes(subject) || subject.includes(fieldLabels[f])) ??
      FIELD_WORDS.find(([w]) => subject.includes(w))?.[1])
    : last;
  if (!named) {
    if (m.field) say(turn, questionMessage(turn, [t.aside.correctionUnknown]));
    else showAnswers(turn);
    return;
  }
  const r = readAnswer(instanceOf(named), value, {}, { today: turn.ctx.today });
  if (!r.ok) {
    m.field = named;
    bump(turn);
    say(turn, questionMessage(turn, [t.aside.correctionFailed(fieldLabels[named], r.message)]));
    return;
  }
  const err = setFact(turn, named, r.answer, r.implied);
  if (err !== null) {
    say(turn, questionMessage(turn, [t.errors.internal]));
    return;
  }
  // A corrected place also corrects what it implied (厦门 → 福建省).
  if (r.implied?.province && named !== "province") turn.state.session.profile.province = r.implied.province;
  m.skipped = m.skipped.filter((f) => f !== named);
  askNext(turn, [t.aside.corrected(fieldLabels[named], r.answer.display)]);
}

function back(turn: Turn): void {
  const m = mode(turn);
  const prev = m.history.pop();
  if (!prev) {
    say(turn, questionMessage(turn, [t.questionnaire.noBack]));
    return;
  }
  m.skipped = m.skipped.filter((f) => f !== prev);
  m.gates = (m.gates ?? []).filter((g) => GATE_PREFIX + g !== prev);
  // Ask the previous fact again, showing what was answered; its value stays until replaced.
  m.field = prev;
  bump(turn);
  say(turn, questionMessage(turn));
}

function skipField(turn: Turn): void {
  const m = mode(turn);
  if (m.field) {
    const gate = gateOf(m.field);
    // 不清楚 on a gate: ask its facts one by one instead.
    if (gate) m.gates = [...(m.gates ?? []), gate.id];
    else m.skipped.push(m.field);
    m.history.push(m.field);
  }
  askNext(turn);
}

export function cancelQuestionnaire(turn: Turn): void {
  turn.state.session.mode = { kind: "idle" };
  turn.state.session.pending = null;
  const seq = bump(turn);
  say(turn, text(t.questionnaire.cancelled, [button(seq, "check", t.buttons.continueCheck)]));
}
