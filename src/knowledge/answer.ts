import { isoDayInChina, type Clock } from "../shared/clock.ts";
import { AppError } from "../shared/errors.ts";
import type { IndexedChunk, KnowledgeIndex } from "./index-store.ts";
import type { NoticeMeta } from "./notice-meta.ts";
import { retrieve, type Hit, type RetrievalMode } from "./retrieve.ts";
import { normalizeForMatch } from "./text-clean.ts";
import { qaTexts } from "./texts.ts";
import { foldWidth, generalIdfTable, type WeightedQuery } from "./tokenize.ts";

export const MAX_QUESTION_CHARS = 500;
/** Share of the question's content (IDF-weighted) a passage must cover to be an answer. */
// Calibrated with scripts/dev/calibrate.ts: in-domain questions cover ≥ 0.71, out-of-domain ≤ 0.55.
export const ANSWERABLE_COVERAGE = 0.63;
/** How many top hits compete, on coverage, to be the quoted passage. */
const ANSWER_POOL = 8;

export class QuestionError extends AppError {
  constructor(
    readonly code: "EMPTY_QUESTION" | "QUESTION_TOO_LONG" | "NO_CONTENT",
    readonly chars = 0,
  ) {
    super(`invalid question: ${code} (${chars} chars)`);
  }
  userMessage(): string {
    return this.code === "QUESTION_TOO_LONG"
      ? qaTexts.errors.QUESTION_TOO_LONG(this.chars, MAX_QUESTION_CHARS)
      : qaTexts.errors[this.code];
  }
}

export interface Citation {
  docId: string;
  title: string;
  docNumber: string | null;
  section: string;
  text: string;
  score: number;
  /** The enclosing notice, when the passage is in a forwarded notice with its own 文号. */
  noticeTitle?: string;
  noticeDocNumber?: string | null;
}

export interface Answer {
  question: string;
  answerable: boolean;
  answer: string;
  citations: Citation[];
  /** How the answer text was made. */
  method: "extractive" | "llm" | "refusal";
  /** Best passage's coverage of the question, the answerability signal (0..1). */
  coverage: number;
}

/** Strips markup and emoji; rejects what is not a question before any search runs. */
export function sanitizeQuestion(raw: string): string {
  const chars = [...raw].length;
  if (raw.trim() === "") throw new QuestionError("EMPTY_QUESTION");
  if (chars > MAX_QUESTION_CHARS) throw new QuestionError("QUESTION_TOO_LONG", chars);
  const cleaned = raw
    .replace(/<[^>]{0,200}>/g, " ")
    .replace(/[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u200d\ufe0f]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  if (!/[\p{L}\p{N}]/u.test(cleaned)) throw new QuestionError("NO_CONTENT");
  return cleaned;
}

const idfOf = (w: string) => generalIdfTable().get(w) ?? 11;

/** IDF-weighted share of the question's content words found in the text (or their synonyms). */
export function coverage(query: WeightedQuery, text: string, topic = ""): number {
  const hay = normalizeForMatch(foldWidth(text));
  const topicHay = normalizeForMatch(foldWidth(topic));
  let total = 0;
  let found = 0;
  for (const w of query.content) {
    // Words that only name the notice or section (「融合发展」) matter less than what is asked.
    const weight = idfOf(w) * (topicHay !== "" && topicHay.includes(normalizeForMatch(foldWidth(w))) ? 0.3 : 1);
    total += weight;
    const alts = [w, ...(query.alternatives.get(w) ?? [])];
    if (alts.some((a) => hay.includes(normalizeForMatch(foldWidth(a))))) found += weight;
  }
  return total === 0 ? 0 : found / total;
}

const chunkHaystack = (c: IndexedChunk) => `${c.title} ${c.noticeTitle} ${c.docNumber ?? ""} ${c.section} ${c.text}`;

const FIGURE = /\d|[一二三四五六七八九十百千万亿]+(个|家|级|次|字|户)/;
const ASKS_ABOUT_FORM = /(申报书|表|填|格式|字数|多少字|写)/;

/** Length of the longest run of 4+ Chinese characters of the question found verbatim in the text. */
export function longestSharedRun(question: string, text: string): number {
  const hay = normalizeForMatch(text);
  let best = 0;
  for (const m of question.matchAll(/[\u3400-\u9fff]{4,}/g)) {
    const run = m[0];
    for (let i = 0; i + Math.max(best + 1, 4) <= run.length; i++) {
      for (let len = Math.max(best + 1, 4); i + len <= run.length && hay.includes(run.slice(i, i + len)); len++) best = len;
    }
  }
  return best;
}

export function isBlankForm(text: string): boolean {
  // Numbered headings (「17.设备智能运维」) are short but not blank fields.
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => !/^[（(]?\d{1,2}[.．、)）]/.test(l));
  if (lines.length === 0) return false;
  const blank = lines.filter((l) => /[：:]$|☐|_{3,}|\| *$|^\S{2,12}$/.test(l) || l.split(" | ").length >= 3);
  return blank.length / lines.length >= 0.5;
}

const ASKS_FOR_FIGURE = /(多少|几|什么时候|何时|哪天|截止|期限|数量|要求|标准|门槛|比例|字)/;

/** Sentences, each remembering whether a line break follows it in the passage. */
function sentences(text: string): Array<{ s: string; endsLine: boolean }> {
  return text.split("\n").flatMap((line) => {
    const parts = line
      .split(/(?<=[。；！？])/)
      .map((s) => s.trim())
      .filter((s) => s.length > 1);
    return parts.map((s, i) => ({ s, endsLine: i === parts.length - 1 }));
  });
}

/** The passage's sentences that answer best, verbatim, in their original order. */
export function bestQuote(query: WeightedQuery, question: string, text: string, topic = ""): string {
  const list = sentences(text);
  if (list.length <= 1) return text.trim();
  const wantsFigure = ASKS_FOR_FIGURE.test(question);
  const asksAboutForm = ASKS_ABOUT_FORM.test(question);
  const scored = list.map(({ s, endsLine }, i) => ({
    i,
    s,
    endsLine,
    score: coverage(query, s, topic) + (wantsFigure && FIGURE.test(s) ? 0.15 : 0),
  }));
  const top = [...scored].sort((a, b) => b.score - a.score || a.i - b.i)[0]!;
  const picked = [top];
  // A short sentence rarely stands alone: keep its neighbour for context.
  if (top.s.length < 30) {
    const next = scored[top.i + 1] ?? scored[top.i - 1];
    if (next) picked.push(next);
  }
  // Sentences from different lines are kept apart by a space, never glued.
  return picked
    .sort((a, b) => a.i - b.i)
    .map((p, k, all) => (k < all.length - 1 && p.endsLine ? `${p.s} ` : p.s))
    .join("");
}

export function deadlineNote(meta: NoticeMeta | undefined, clock: Clock): string | null {
  if (!meta) return null;
  if (!meta.takesApplications) return qaTexts.noApplications;
  const today = isoDayInChina(clock.now());
  if (meta.deadlines.length === 0) {
    const year = meta.date?.slice(0, 4);
    return year && year < today.slice(0, 4) ? qaTexts.noDeadlinePrinted(year) : null;
  }
  const dates = [...new Set(meta.deadlines.map((d) => d.date))].sort();
  const formatted = dates.map(qaTexts.formatDate).join("、");
  return dates.every((d) => d < today) ? qaTexts.deadlinesPassed(formatted) : qaTexts.deadlinesOpen(formatted);
}

export function toCitation(hit: Hit): Citation {
  const c = hit.chunk;
  const citation: Citation = {
    docId: c.docId,
    title: c.title,
    docNumber: c.docNumber,
    section: c.section,
    text: c.text,
    score: hit.score,
  };
  if (c.title !== c.noticeTitle) {
    citation.noticeTitle = c.noticeTitle;
    citation.noticeDocNumber = c.noticeDocNumber;
  }
  return citation;
}

export interface AskOptions {
  top?: number;
  mode?: RetrievalMode;
}

export interface AnswerContext {
  index: KnowledgeIndex;
  notices: Map<string, NoticeMeta>;
  clock: Clock;
}

/** Retrieval, answerability and the extractive answer; no LLM involved. */
export async function answerExtractive(
  ctx: AnswerContext,
  rawQuestion: string,
  options: AskOptions & { rrfK?: number; vectorWeight?: number } = {},
): Promise<Answer> {
  const question = sanitizeQuestion(rawQuestion);
  const top = Math.max(1, options.top ?? 3);
  const { hits, query } = await retrieve(ctx.index, question, { ...options, mode: options.mode ?? "hybrid", k: Math.max(top, ANSWER_POOL) });
  const wantsFigure = ASKS_FOR_FIGURE.test(question);
  const asksAboutForm = ASKS_ABOUT_FORM.test(question);
  const covered = hits.map((h) => {
    const cov = coverage(query, chunkHaystack(h.chunk));
    // A question after a figure prefers the passage that states one.
    const figure = wantsFigure && FIGURE.test(h.chunk.text) ? 0.1 : 0;
    // Blank form fields (「联系人：」「☐」「_____」) name a topic without answering it.
    const form = !asksAboutForm && isBlankForm(h.chunk.text) ? 0.2 : 0;
    const phrase = 0.1 * Math.min(1, longestSharedRun(question, h.chunk.text) / 8);
    return { hit: h, coverage: cov, selection: cov + figure + phrase - form + 0.05 * h.score };
  });
  // The answer passage: best coverage among the top hits, then figures, then rank.
  const ranked = covered.slice(0, ANSWER_POOL).sort((a, b) => b.selection - a.selection);
  const best = ranked[0];
  const bestCoverage = best ? Math.round(best.coverage * 1000) / 1000 : 0;
  if (!best || best.coverage < ANSWERABLE_COVERAGE) {
    return { question: rawQuestion, answerable: false, answer: qaTexts.notFound, citations: [], method: "refusal", coverage: bestCoverage };
  }
  const ordered = [best.hit, ...hits.filter((h) => h !== best.hit)].slice(0, top);
  const c = best.hit.chunk;
  const topic = (x: IndexedChunk) => `${x.title} ${x.noticeTitle} ${x.section}`;
  const parts = [qaTexts.answerLead(c.title, c.docNumber, c.section), qaTexts.quote(bestQuote(query, question, c.text, topic(c)))];
  const second = ranked[1];
  if (
    second &&
    second.hit.chunk.docId === c.docId &&
    second.coverage >= Math.max(ANSWERABLE_COVERAGE, best.coverage) &&
    second.hit.chunk.section !== c.section &&
    !isBlankForm(second.hit.chunk.text)
  ) {
    const s = second.hit.chunk;
    parts.push(qaTexts.alsoLead(s.title, s.docNumber, s.section), qaTexts.quote(bestQuote(query, question, s.text, topic(s))));
  }
  const note = deadlineNote(ctx.notices.get(c.docId), ctx.clock);
  if (note) parts.push(note);
  return {
    question: rawQuestion,
    answerable: true,
    answer: parts.join("\n"),
    citations: ordered.map(toCitation),
    method: "extractive",
    coverage: bestCoverage,
  };
}

/** The answer as plain text for a terminal: the answer, then its numbered sources. */
export function renderAnswerText(a: Answer): string {
  const refs = a.citations.map((c, i) => qaTexts.sourceLine(i + 1, c.title, c.docNumber, c.section));
  return [a.answer, ...(refs.length ? [qaTexts.sourcesHeading, ...refs] : [])].join("\n");
}
