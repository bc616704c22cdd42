import type { IndexedChunk } from "./index-store.ts";
import { retrieve } from "./retrieve.ts";
import { normalizeForMatch } from "./text-clean.ts";
import { qaTexts } from "./texts.ts";
import type { WeightedQuery } from "./tokenize.ts";
import {
  coverage,
  deadlineNote,
  isBlankForm,
  sanitizeQuestion,
  toCitation,
  type Answer,
  type AnswerContext,
  type AskOptions,
} from "./answer.ts";

/**
 * The first answering method (kept for the benchmark's side-by-side comparison):
 * a passage answers when it covers ≥ 0.63 of the question's IDF-weighted words.
 */
export const ANSWERABLE_COVERAGE = 0.63;
/** How many top hits compete, on coverage, to be the quoted passage. */
const ANSWER_POOL = 8;

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

/** Retrieval, coverage-threshold answerability and the extractive answer (method "v1"). */
export async function answerV1(
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
    return { question: rawQuestion, answerable: false, answer: qaTexts.notFound, citations: [], method: "refusal", outcome: "refusal", coverage: bestCoverage };
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
    outcome: "answer",
    coverage: bestCoverage,
  };
}

