import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { answerExtractive, type Answer } from "../../src/knowledge/answer.ts";
import { loadCorpus, type Notice } from "../../src/knowledge/corpus.ts";
import { HashingEmbeddings } from "../../src/knowledge/embeddings.ts";
import { KnowledgeIndex } from "../../src/knowledge/index-store.ts";
import type { RetrievalMode } from "../../src/knowledge/retrieve.ts";
import { parseSections } from "../../src/knowledge/structure.ts";
import { normalizeForMatch } from "../../src/knowledge/text-clean.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { projectRoot } from "../../src/shared/config.ts";
import { ms, percentile, type BenchTable } from "./table.ts";

export interface EvalItem {
  id: string;
  q: string;
  doc: string[];
  must: string[];
  unanswerable?: boolean;
}

export const defaultEvalFile = path.resolve(projectRoot, "..", "shared", "eval", "qa-dev.jsonl");

export async function loadEval(file = defaultEvalFile): Promise<EvalItem[]> {
  const text = await fs.readFile(file, "utf8");
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as EvalItem);
}

/** doc@1: the first citation is the expected notice (title or 文号 contains a marker). */
export function docAt1(item: EvalItem, a: Answer): boolean {
  const c = a.citations[0];
  if (!c) return false;
  const hay = normalizeForMatch(`${c.title} ${c.docNumber ?? ""} ${c.noticeTitle ?? ""} ${c.noticeDocNumber ?? ""}`);
  return item.doc.some((d) => hay.includes(normalizeForMatch(d)));
}

/** quote@3: an expected text is in the answer or the top three passages (whitespace-insensitive). */
export function quoteAt3(item: EvalItem, a: Answer): boolean {
  const hay = normalizeForMatch([a.answer, ...a.citations.slice(0, 3).map((c) => c.text)].join("\n"));
  return item.must.some((m) => hay.includes(normalizeForMatch(m)));
}

export interface ModeScore {
  mode: RetrievalMode;
  docAt1: number;
  quoteAt3: number;
  refusedCorrectly: number;
  wrongRefusals: number;
  answeredOutOfDomain: number;
  failures: string[];
}

export async function scoreMode(index: KnowledgeIndex, notices: Notice[], items: EvalItem[], mode: RetrievalMode): Promise<ModeScore> {
  const ctx = { index, notices: new Map(notices.map((n) => [n.meta.docId, n.meta])), clock: fixedClock("2026-11-22") };
  const answerable = items.filter((i) => !i.unanswerable);
  const out: ModeScore = { mode, docAt1: 0, quoteAt3: 0, refusedCorrectly: 0, wrongRefusals: 0, answeredOutOfDomain: 0, failures: [] };
  for (const item of items) {
    const a = await answerExtractive(ctx, item.q, { top: 3, mode });
    if (item.unanswerable) {
      if (a.answerable) {
        out.answeredOutOfDomain++;
        out.failures.push(`${item.id} answered (coverage ${a.coverage})`);
      } else out.refusedCorrectly++;
      continue;
    }
    if (!a.answerable) {
      out.wrongRefusals++;
      out.failures.push(`${item.id} refused (coverage ${a.coverage})`);
    }
    const d = docAt1(item, a);
    const q = quoteAt3(item, a);
    if (d) out.docAt1++;
    if (q) out.quoteAt3++;
    if (!d || !q) out.failures.push(`${item.id} doc@1=${d} quote@3=${q} → ${a.citations[0]?.section ?? "-"}`);
  }
  out.docAt1 /= answerable.length;
  out.quoteAt3 /= answerable.length;
  return out;
}

async function latency(index: KnowledgeIndex, notices: Notice[], questions: string[], rounds: number) {
  const ctx = { index, notices: new Map(notices.map((n) => [n.meta.docId, n.meta])), clock: fixedClock("2026-11-22") };
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t = performance.now();
      await answerExtractive(ctx, q, { top: 3 });
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length };
}

/** 1,000 notices built from the seeds' sections, shuffled across notices, with their own titles. */
export function syntheticCorpus(seeds: Notice[], count: number, seed = 42): Notice[] {
  let state = seed;
  const rand = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const sections = seeds.flatMap((n) =>
    parseSections(n.text, n.meta).map((s) => [...s.path.slice(-1), ...s.paragraphs].join("\n")),
  );
  const cities = ["福州", "厦门", "泉州", "漳州", "三明", "莆田", "南平", "龙岩", "宁德", "长春", "吉林", "四平"];
  const out: Notice[] = [];
  for (let i = 0; i < count; i++) {
    const city = cities[i % cities.length]!;
    const year = 2015 + (i % 12);
    const picked = Array.from({ length: 40 }, () => sections[Math.floor(rand() * sections.length)]!);
    const title = `${city}市工业和信息化局关于组织开展${year}年第${i + 1}批工业项目申报工作的通知`;
    out.push({
      meta: {
        docId: `synthetic-${i}`,
        title,
        issuer: `${city}市工业和信息化局`,
        docNumber: `${city}工信〔${year}〕${i + 1}号`,
        date: `${year}-03-01`,
        region: null,
        takesApplications: true,
        deadlines: [{ date: `${year}-04-30`, what: "报送申报材料" }],
        contacts: [],
        attachments: [],
        parts: [],
      },
      text: `${title}\n\n${picked.join("\n\n")}`,
    });
  }
  return out;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

export async function benchQa(options: { evalFile?: string; syntheticNotices?: number } = {}): Promise<BenchTable[]> {
  const items = await loadEval(options.evalFile);
  const notices = await loadCorpus(path.join(projectRoot, "corpus"));
  const embeddings = new HashingEmbeddings();
  const tables: BenchTable[] = [];

  let t = performance.now();
  const index = await KnowledgeIndex.build(notices, embeddings);
  const buildMs = performance.now() - t;
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "shenbao-bench-"));
  t = performance.now();
  await index.save(tmp);
  const saveMs = performance.now() - t;
  t = performance.now();
  await KnowledgeIndex.load(tmp, embeddings);
  const loadMs = performance.now() - t;

  const scores: ModeScore[] = [];
  for (const mode of ["bm25", "vector", "hybrid"] as const) scores.push(await scoreMode(index, notices, items, mode));
  const answerable = items.filter((i) => !i.unanswerable).length;
  tables.push({
    title: `Retrieval quality on the dev set (${items.length} questions, ${answerable} answerable)`,
    rows: scores.map((s) => ({
      method: s.mode,
      "doc@1": s.docAt1.toFixed(2),
      "quote@3": s.quoteAt3.toFixed(2),
      "correct refusals": `${s.refusedCorrectly}/${items.length - answerable}`,
      "wrong refusals": s.wrongRefusals,
    })),
    note: scores
      .filter((s) => s.failures.length > 0)
      .map((s) => `${s.mode} misses: ${s.failures.join("; ")}`)
      .join("\n"),
  });

  const questions = items.map((i) => i.q);
  const small = await latency(index, notices, questions, 10);
  const synthetic = syntheticCorpus(notices, options.syntheticNotices ?? 1000);
  const heapBefore = process.memoryUsage().heapUsed;
  t = performance.now();
  const big = await KnowledgeIndex.build(synthetic, embeddings);
  const bigBuildMs = performance.now() - t;
  const mem = process.memoryUsage();
  const large = await latency(big, synthetic, questions, 3);
  tables.push({
    title: "Answer latency (hybrid, extractive, no LLM) and index size",
    rows: [
      {
        corpus: `${notices.length} seed notices`,
        chunks: index.chunks.size,
        "build ms": Math.round(buildMs),
        "save / load ms": `${Math.round(saveMs)} / ${Math.round(loadMs)}`,
        "p50 ms": ms(small.p50),
        "p95 ms": ms(small.p95),
        "heap MB": "-",
      },
      {
        corpus: `${synthetic.length} synthetic notices`,
        chunks: big.chunks.size,
        "build ms": Math.round(bigBuildMs),
        "save / load ms": "-",
        "p50 ms": ms(large.p50),
        "p95 ms": ms(large.p95),
        "heap MB": `${mb(mem.heapUsed - heapBefore)} (rss ${mb(mem.rss)})`,
      },
    ],
    note: `p95 at ${synthetic.length} notices is ${(large.p95 / small.p95).toFixed(1)}× the p95 at 5 notices (same questions, same run).`,
  });
  await fs.rm(tmp, { recursive: true, force: true });
  return tables;
}
