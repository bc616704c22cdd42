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
export const ANSWERABLE_COVERAGE = 0.55;

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
export function coverage(query: WeightedQuery, text: string): number {
  const hay = normalizeForMatch(foldWidth(text));
  let total = 0;
  let found = 0;
  for (const w of query.content) {
    const weight = idfOf(w);
    total += weight;
    const alts = [w, ...(query.alternatives.get(w) ?? [])];
    if (alts.some((a) => hay.includes(normalizeForMatch(foldWidth(a))))) found += weight;
  }
  return total === 0 ? 0 : found / total;
}

const chunkHaystack = (c: IndexedChunk) => `${c.title} ${c.noticeTitle} ${c.docNumber ?? ""} ${c.section} ${c.text}`;

const ASKS_FOR_FIGURE = /(多少|几|什么时候|何时|哪天|截止|期限|数量|要求|标准|门槛|比例|字)/;

function sentences(text: string): string[] {
  return text
    .split(/(?<=[。；！？])|\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 1);
}

/** The passage's sentences that answer best, verbatim, in their original order. */
export function bestQuote(query: WeightedQuery, question: string, text: string): string {
  const list = sentences(text);
  if (list.length <= 1) return text.trim();
  const wantsFigure = ASKS_FOR_FIGURE.test(question);
  const scored = list.map((s, i) => ({
    i,
    s,
    score: coverage(query, s) + (wantsFigure && /\d|[一二三四五六七八九十百千万亿]+(个|家|级|次|字)/.test(s) ? 0.15 : 0),
  }));
  const top = [...scored].sort((a, b) => b.score - a.score || a.i - b.i)[0]!;
  const picked = [top];
  // A short sentence rarely stands alone: keep its neighbour for context.
  if (top.s.length < 30) {
    const next = scored[top.i + 1] ?? scored[top.i - 1];
    if (next) picked.push(next);
  }
  return picked
    .sort((a, b) => a.i - b.i)
    .map((p) => p.s)
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
export async function answerExtractive(ctx: AnswerContext, rawQuestion: string, options: AskOptions = {}): Promise<Answer> {
  const question = sanitizeQuestion(rawQuestion);
  const top = Math.max(1, options.top ?? 3);
  const { hits, query } = await retrieve(ctx.index, question, { mode: options.mode ?? "hybrid", k: Math.max(top, 5) });
  const covered = hits.map((h) => ({ hit: h, coverage: coverage(query, chunkHaystack(h.chunk)) }));
  // The answer passage: best coverage among the top hits, ties to the higher rank.
  const ranked = covered.slice(0, 3).sort((a, b) => b.coverage - a.coverage || b.hit.score - a.hit.score);
  const best = ranked[0];
  const bestCoverage = best ? Math.round(best.coverage * 1000) / 1000 : 0;
  if (!best || best.coverage < ANSWERABLE_COVERAGE) {
    return { question: rawQuestion, answerable: false, answer: qaTexts.notFound, citations: [], method: "refusal", coverage: bestCoverage };
  }
  const ordered = [best.hit, ...hits.filter((h) => h !== best.hit)].slice(0, top);
  const c = best.hit.chunk;
  const parts = [qaTexts.answerLead(c.title, c.docNumber, c.section), qaTexts.quote(bestQuote(query, question, c.text))];
  const second = ranked[1];
  if (second && second.hit.chunk.docId === c.docId && second.coverage >= Math.max(ANSWERABLE_COVERAGE, best.coverage - 0.05) && second.hit.chunk.section !== c.section) {
    const s = second.hit.chunk;
    parts.push(qaTexts.alsoLead(s.title, s.docNumber, s.section), qaTexts.quote(bestQuote(query, question, s.text)));
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
