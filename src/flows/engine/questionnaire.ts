import {
  fieldLabels,
  matchProfile,
  profileSchema,
  sizeClassLabels,
  sortFields,
  type MatchResult,
  type Profile,
  type ProfileField,
  type ProgramResult,
} from "../eligibility/index.ts";
import { answerForOption, readAnswer } from "../forms/answer-input.ts";
import { promptOf, type StepInstance } from "../forms/expand.ts";
import { fromProfileValue, toProfileValue } from "../forms/profile-bridge.ts";
import type { Answer } from "../forms/types.ts";
import { profileQuestions } from "../questionnaire/questions.ts";
import { button } from "./buttons.ts";
import { entryOf, type Catalog } from "./catalog.ts";
import { bump, say, seqOf, type Turn } from "./context.ts";
import { controlOf, looksLikeQuestion } from "./intents.ts";
import { text, type Button, type OutboundMessage } from "./messages.ts";
import { chunkLines } from "./review.ts";
import type { Mode } from "./state.ts";
import { engineTexts as t } from "./texts.ts";

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

function instanceOf(field: ProfileField): StepInstance {
  const step = profileQuestions[field];
  return { key: field, step, field };
}

export function startQuestionnaire(turn: Turn): void {
  turn.state.session.mode = { kind: "questionnaire", field: null, history: [], skipped: [] };
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
  const field = nextField(profileOf(turn), new Set(m.skipped), turn.ctx.catalog, turn.ctx.today);
  m.field = field;
  bump(turn);
  if (!field) {
    if (lead.length > 0) say(turn, text(lead.join("\n")));
    finish(turn);
    return;
  }
  say(turn, questionMessage(turn, lead));
}

function questionMessage(turn: Turn, lead: string[] = []): OutboundMessage {
  const m = mode(turn);
  const inst = instanceOf(m.field as ProfileField);
  const seq = seqOf(turn);
  const lines = [...lead, t.questionnaire.header(m.history.length + 1), promptOf(inst)];
  const buttons: Button[] = [];
  const options = typeof inst.step.options === "function" ? inst.step.options({}) : (inst.step.options ?? []);
  if (inst.step.kind === "yesNo") {
    buttons.push(button(seq, "o:yes", t.buttons.yes), button(seq, "o:no", t.buttons.no));
  } else if (options.length > 0) {
    lines.push(...options.map((o, k) => `${k + 1}. ${o.label}`));
    lines.push(inst.step.kind === "multiChoice" ? t.flow.multiHint(inst.step.maxChoices ?? options.length) : t.flow.choiceHint);
    if (inst.step.kind === "choice") buttons.push(...options.map((o) => button(seq, `o:${o.id}`, o.label)));
  }
  const known = profileOf(turn)[inst.step.profileField as ProfileField];
  const current = known === undefined || known === null ? undefined : fromProfileValue(inst.step, known);
  if (current) {
    lines.push(t.flow.currentAnswer(current.display));
    buttons.push(button(seq, "keep", t.buttons.keep(current.display)));
  }
  buttons.push(button(seq, "skip", t.buttons.unknownSkip));
  if (m.history.length > 0) buttons.push(button(seq, "back", t.buttons.back));
  buttons.push(button(seq, "cancel", t.buttons.cancel));
  const message = text(lines.join("\n"), buttons);
  if (inst.step.kind !== "yesNo") message.numbersAreAnswers = true;
  return message;
}

function record(turn: Turn, answer: Answer): string | null {
  const m = mode(turn);
  const field = m.field as ProfileField;
  const value = toProfileValue(profileQuestions[field], answer);
  const next = { ...turn.state.session.profile, [field]: value };
  const parsed = profileSchema.safeParse(next);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? "invalid";
  turn.state.session.profile = next;
  m.history.push(field);
  return null;
}

export function questionnaireText(turn: Turn, input: string): void {
  const m = mode(turn);
  if (!m.field) return askNext(turn);
  const control = controlOf(input);
  if (control === "back") return back(turn);
  if (control === "skip") return skipField(turn);
  const inst = instanceOf(m.field as ProfileField);
  const result = readAnswer(inst, input, {});
  if (result.ok) {
    const err = record(turn, result.answer);
    if (err === null) return askNext(turn);
  }
  const bare = input.trim();
  if (looksLikeQuestion(bare, !result.ok)) {
    turn.effects.push({ type: "qa", question: bare, after: [questionMessage(turn, [t.flow.questionAnswered])] });
    return;
  }
  say(turn, questionMessage(turn, [result.ok ? t.errors.internal : result.message]));
}

export function questionnaireAction(turn: Turn, action: string): void {
  const m = mode(turn);
  if (action === "back") return back(turn);
  if (action === "skip") return skipField(turn);
  if (action === "cancel") return cancelQuestionnaire(turn);
  if (!m.field) return askNext(turn);
  const field = m.field as ProfileField;
  if (action === "keep") {
    m.history.push(field);
    m.skipped.push(field); // known and kept: do not ask it again this round
    return askNext(turn);
  }
  if (action.startsWith("o:")) {
    const result = answerForOption(instanceOf(field), action.slice(2), {});
    if (result.ok && record(turn, result.answer) === null) return askNext(turn);
    if (!result.ok) say(turn, questionMessage(turn, [result.message]));
    return;
  }
  askNext(turn);
}

function back(turn: Turn): void {
  const m = mode(turn);
  const prev = m.history.pop();
  if (!prev) {
    say(turn, questionMessage(turn, [t.questionnaire.noBack]));
    return;
  }
  m.skipped = m.skipped.filter((f) => f !== prev);
  // Ask the previous fact again, showing what was answered; its value stays until replaced.
  m.field = prev;
  bump(turn);
  say(turn, questionMessage(turn));
}

function skipField(turn: Turn): void {
  const m = mode(turn);
  if (m.field) {
    m.skipped.push(m.field);
    m.history.push(m.field);
  }
  askNext(turn);
}

export function cancelQuestionnaire(turn: Turn): void {
  turn.state.session.mode = { kind: "idle" };
  bump(turn);
  say(turn, text(t.questionnaire.cancelled));
}

/** The verdicts, eligible first, each reason with its clause; buttons to start filling. */
function finish(turn: Turn): void {
  turn.state.session.mode = { kind: "idle" };
  const m = matchProfile(profileOf(turn), turn.ctx.catalog.programs, turn.ctx.today);
  const messages = renderVerdicts(m);
  const seq = seqOf(turn);
  const buttons: Button[] = [];
  const seen = new Set<string>();
  for (const r of m.results) {
    if (r.verdict === "ineligible") continue;
    const entry = entryOf(turn.ctx.catalog, r.programId);
    if (!entry) continue;
    const id = r.category ? `${r.programId}:${r.category}` : r.programId;
    if (seen.has(id)) continue;
    seen.add(id);
    const name = r.category ? `${entry.shortName}·${r.categoryLabel}` : entry.shortName;
    buttons.push(button(seq, `a:${id}`, t.buttons.applyProgram(name)));
  }
  const last = messages.pop() ?? "";
  for (const msg of messages) say(turn, text(msg));
  const footer = buttons.length > 0 ? t.verdicts.footer : t.verdicts.noneEligible;
  say(turn, text(`${last}\n\n${footer}`, buttons));
}

export function renderVerdicts(m: MatchResult): string[] {
  const lines = [t.verdicts.header(m.asOf, m.sizeClass ? sizeClassLabels[m.sizeClass] : t.verdicts.sizeUnknown)];
  const groups: ProgramResult["verdict"][] = ["eligible", "unknown", "ineligible"];
  let n = 0;
  for (const g of groups) {
    const rs = m.results.filter((r) => r.verdict === g);
    if (rs.length === 0) continue;
    lines.push("", t.verdicts.group[g]);
    for (const r of rs) {
      n += 1;
      const category = r.category ? r.categoryLabel : "";
      if (g === "ineligible") {
        const failed = r.reasons.filter((x) => x.status === "fail");
        const sig = failed.map((x) => x.ruleId).join("|");
        // Categories of one program failing on the same general condition are shown once.
        const same = rs.filter((o) => o.programId === r.programId && o.reasons.filter((x) => x.status === "fail").map((x) => x.ruleId).join("|") === sig);
        if (same.length > 1 && same[0] !== r) {
          n -= 1;
          continue;
        }
        const label = same.length > 1 ? t.verdicts.allCategories : category;
        lines.push(t.verdicts.ineligibleShort(n, r.title, label, failed.map((x) => x.message).join("；")));
        for (const f of failed) lines.push(t.verdicts.citation(f.citation.docNumber, f.citation.section, f.citation.quote));
        continue;
      }
      lines.push(t.verdicts.program(n, r.title, category, r.docNumber));
      for (const x of r.reasons) {
        lines.push(t.verdicts.reason(t.verdicts.marks[x.status] ?? "", x.message));
        lines.push(t.verdicts.citation(x.citation.docNumber, x.citation.section, x.citation.quote));
      }
      if (r.missing.length > 0) lines.push(t.verdicts.missing(r.missing.map((f) => fieldLabels[f]).join("、")));
      if (r.deadline) lines.push(r.deadlinePassed ? t.verdicts.deadlinePassed(r.deadline) : t.verdicts.deadlineOpen(r.deadline));
      else lines.push(t.verdicts.noDeadline);
    }
  }
  return chunkLines(lines);
}
