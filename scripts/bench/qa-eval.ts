import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Answer, AnswerContext } from "../../src/knowledge/answer.ts";
import type { KnowledgeIndex } from "../../src/knowledge/index-store.ts";
import { KnowledgeBase } from "../../src/knowledge/knowledge-base.ts";
import { normalizeForMatch } from "../../src/knowledge/text-clean.ts";
import { bigrams } from "../../src/knowledge/tokenize.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { loadConfig, projectRoot } from "../../src/shared/config.ts";
import { createLogger } from "../../src/shared/log.ts";

/** One eval question: expected notice markers (title or 文号 substrings) and facts (any one suffices). */
export interface EvalItem {
  id: string;
  q: string;
  doc: string[];
  must: string[];
  unanswerable?: boolean;
}

export const qaFixtures = path.join(projectRoot, "test", "fixtures", "qa");
export const freshNoticesDir = path.join(qaFixtures, "notices");
/** Notices written for tuning only (qa-*.txt; meta-*.txt belong to the metadata checks), ingested by the dev tools, never by the benchmark. */
export const tuningNoticesDir = path.join(qaFixtures, "tuning-notices");
export const EVAL_TODAY = "2026-11-22";

/** Fixed split by the id's hash: the tuning half may be looked at, the validation half is only reported. */
export function splitOf(id: string): "tuning" | "validation" {
  return createHash("sha256").update(id).digest()[0]! % 2 === 1 ? "validation" : "tuning";
}

/** Question files that are tuning data as a whole (never reported as validation). */
export const TUNING_ONLY_FILES = ["tuning-extra.jsonl", "tuning-fresh.jsonl", "tuning-b.jsonl", "tuning-c.jsonl"];

export async function loadItems(file: string, split?: "tuning" | "validation"): Promise<EvalItem[]> {
  if (TUNING_ONLY_FILES.includes(path.basename(file)) && split === "validation") return [];
  const text = await fs.readFile(path.isAbsolute(file) ? file : path.join(qaFixtures, file), "utf8");
  const items = text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as EvalItem);
  if (TUNING_ONLY_FILES.includes(path.basename(file))) return items;
  return split ? items.filter((i) => splitOf(i.id) === split) : items;
}

/** As the sets' checker compares (check-set.mjs): after NFKC (full-width brackets and digits fold) and without whitespace. */
const fold = (s: string) => normalizeForMatch(s.normalize("NFKC"));
const has = (hay: string, needles: string[]) => needles.some((m) => fold(hay).includes(fold(m)));

/** A method's answer reduced to what is scored. */
export interface Scored {
  answerable: boolean;
  outcome: string;
  answer: string;
  top: Array<{ title: string; docNumber: string | null; noticeTitle?: string; noticeDocNumber?: string | null; text: string }>;
}

export const fromAnswer = (a: Answer): Scored => ({ answerable: a.answerable, outcome: a.outcome, answer: a.answer, top: a.citations });

export interface Score {
  method: string;
  docAt1: number;
  factInAnswer: number;
  factInTop3: number;
  wrongRefusals: number;
  correctRefusals: number;
  outOfDomain: number;
  answerable: number;
  passages: number;
  misses: string[];
}

export function score(method: string, items: EvalItem[], results: Scored[]): Score {
  const s: Score = { method, docAt1: 0, factInAnswer: 0, factInTop3: 0, wrongRefusals: 0, correctRefusals: 0, outOfDomain: 0, answerable: 0, passages: 0, misses: [] };
  items.forEach((item, i) => {
    const r = results[i]!;
    if (item.unanswerable) {
      s.outOfDomain++;
      if (!r.answerable) s.correctRefusals++;
      else s.misses.push(`${item.id} answered`);
      return;
    }
    s.answerable++;
    if (!r.answerable) s.wrongRefusals++;
    if (r.outcome === "passages") s.passages++;
    const c = r.top[0];
    const d = !!c && has(`${c.title} ${c.docNumber ?? ""} ${c.noticeTitle ?? ""} ${c.noticeDocNumber ?? ""}`, item.doc);
    const inAnswer = r.answerable && has(r.answer, item.must);
    const inTop3 = inAnswer || has(r.top.slice(0, 3).map((t) => t.text).join("\n"), item.must);
    if (d) s.docAt1++;
    if (inAnswer) s.factInAnswer++;
    if (inTop3) s.factInTop3++;
    if (!d || !inAnswer) s.misses.push(`${item.id}${r.answerable ? "" : " refused"}${d ? "" : " wrong-doc"}${inAnswer ? "" : " no-fact"}`);
  });
  return s;
}

/** The plain baseline: BM25 over character bigrams of each passage; the top passage is the answer. */
export class BigramBm25 {
  private readonly docs: Array<{ chunk: ReturnType<KnowledgeIndex["chunks"]["get"]> & object; tf: Map<string, number>; len: number }> = [];
  private readonly df = new Map<string, number>();
  private avgLen = 0;

  constructor(index: KnowledgeIndex) {
    for (const chunk of index.chunks.values()) {
      const tf = new Map<string, number>();
      const grams = bigrams(`${chunk.section} ${chunk.text}`);
      for (const g of grams) tf.set(g, (tf.get(g) ?? 0) + 1);
      for (const g of tf.keys()) this.df.set(g, (this.df.get(g) ?? 0) + 1);
      this.docs.push({ chunk, tf, len: grams.length });
    }
    this.avgLen = this.docs.reduce((s, d) => s + d.len, 0) / Math.max(1, this.docs.length);
  }

  ask(question: string): Scored {
    const q = [...new Set(bigrams(question))];
    const n = this.docs.length;
    const ranked = this.docs
      .map((d) => {
        let s = 0;
        for (const g of q) {
          const f = d.tf.get(g);
          if (!f) continue;
          const df = this.df.get(g)!;
          const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
          s += (idf * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * d.len) / this.avgLen));
        }
        return { d, s };
      })
      .filter((x) => x.s > 0)
      .sort((a, b) => b.s - a.s)
      .slice(0, 3);
    const top = ranked.map(({ d }) => ({ title: d.chunk.title, docNumber: d.chunk.docNumber, noticeTitle: d.chunk.noticeTitle, noticeDocNumber: d.chunk.noticeDocNumber, text: d.chunk.text }));
    return { answerable: top.length > 0, outcome: top.length > 0 ? "answer" : "refusal", answer: top[0]?.text ?? "", top };
  }
}

/** The seed corpus plus the real-shaped fixture notices, added through `ingest` (metadata read from the text). */
export async function freshKnowledgeBase(dirs: string[] = [freshNoticesDir], accept: (dir: string, file: string) => boolean = () => true) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "shenbao-eval-"));
  await fs.cp(path.join(projectRoot, "corpus"), path.join(dir, "corpus"), { recursive: true });
  const config = loadConfig({ CORPUS_DIR: path.join(dir, "corpus"), INDEX_DIR: path.join(dir, "index") });
  const kb = await KnowledgeBase.open({ config, clock: fixedClock(EVAL_TODAY), log: createLogger("silent") });
  const ingested = [];
  for (const noticesDir of dirs) {
    const files = (await fs.readdir(noticesDir)).filter((f) => /\.(txt|md|pdf|docx|doc)$/.test(f) && accept(noticesDir, f)).sort();
    for (const f of files) ingested.push({ file: f, result: await kb.ingest(path.join(noticesDir, f)) });
  }
  const ctx: AnswerContext = { index: kb.searchIndex, notices: new Map(kb.allNotices().map((m) => [m.docId, m])), clock: fixedClock(EVAL_TODAY) };
  return { kb, ctx, ingested, cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
}

/** The dev tools' knowledge base: seeds, the fixture notices and the tuning notices (qa-*), all through `ingest`. */
export const tuningKnowledgeBase = () => freshKnowledgeBase([freshNoticesDir, tuningNoticesDir], (dir, f) => dir !== tuningNoticesDir || f.startsWith("qa-"));
