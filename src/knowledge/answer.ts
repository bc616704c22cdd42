import { isoDayInChina, type Clock } from "../shared/clock.ts";
import { AppError } from "../shared/errors.ts";
import type { KnowledgeIndex } from "./index-store.ts";
import type { NoticeMeta } from "./notice-meta.ts";
import type { Hit, RetrievalMode } from "./retrieve.ts";
import { normalizeForMatch } from "./text-clean.ts";
import { qaTexts } from "./texts.ts";
import { foldWidth, generalIdfTable, type WeightedQuery } from "./tokenize.ts";

export const MAX_QUESTION_CHARS = 500;

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
  /**
   * answer: the notice states the fact asked; passages: the most relevant text, quoted
   * under 「通知中最相关的原文如下」, when the exact fact is not certain; refusal: outside the notices.
   */
  outcome: "answer" | "passages" | "refusal";
  /** Best passage's coverage of the question, the answerability signal (0..1). */
  coverage: number;
  /** Why a question was refused (English, for logs and staff): which check found it outside the notices. */
  refusedBecause?: RefusalReason;
}

/** The check that found a question outside the notices. */
export type RefusalReason =
  | "results-list"
  | "not-a-question"
  | "later-year"
  | "deferred"
  | "nothing-retrieved"
  | "attribute-only"
  | "place-not-covered"
  | "specific-term-missing"
  | "other-program"
  | "policy-document"
  | "place-only"
  | "low-coverage"
  | "names-no-thing"
  | "named-in-passing";

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

export function isBlankForm(text: string, { instructionsAreContent = false } = {}): boolean {
  // Numbered headings (「17.设备智能运维」) are short but not blank fields.
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => !/^[（(]?\d{1,2}[.．、)）]/.test(l));
  if (lines.length === 0) return false;
  // A table row is a blank field unless (for the new method) one of its cells is an instruction (「以“智能工厂”结尾…」).
  const blankRow = (l: string) => l.split(" | ").length >= 3 && !(instructionsAreContent && l.split(" | ").some((cell) => cell.trim().length > 16));
  const blank = lines.filter((l) => /[：:]$|☐|_{3,}|\| *$|^\S{2,12}$/.test(l) || blankRow(l));
  return blank.length / lines.length >= 0.5;
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
  /** "v2" (default): topic-word answerability with three outcomes; "v1": the first coverage-threshold method. */
  method?: "v1" | "v2";
  /**
   * The notice the conversation is about (the program being filled in, or the notice the last answer
   * quoted): a question naming no notice, no place and no program (「电子版交什么格式」) is answered from it.
   */
  contextNotice?: string;
}

export interface AnswerContext {
  index: KnowledgeIndex;
  notices: Map<string, NoticeMeta>;
  clock: Clock;
}

/** The answer as plain text for a terminal: the answer, then its numbered sources. */
export function renderAnswerText(a: Pick<Answer, "answer" | "citations">): string {
  const refs = a.citations.map((c, i) => qaTexts.sourceLine(i + 1, c.title, c.docNumber, c.section));
  return [a.answer, ...(refs.length ? [qaTexts.sourcesHeading, ...refs] : [])].join("\n");
}
