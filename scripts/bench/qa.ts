import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { AnswerContext } from "../../src/knowledge/answer.ts";
import { answerExtractive } from "../../src/knowledge/extractive.ts";
import { loadCorpus, type Notice } from "../../src/knowledge/corpus.ts";
import { HashingEmbeddings } from "../../src/knowledge/embeddings.ts";
import { KnowledgeIndex } from "../../src/knowledge/index-store.ts";
import { parseSections } from "../../src/knowledge/structure.ts";
import { fileText } from "../../src/knowledge/file-text.ts";
import { extractMetadata } from "../../src/knowledge/metadata.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { projectRoot } from "../../src/shared/config.ts";
import { BigramBm25, EVAL_TODAY, freshKnowledgeBase, freshNoticesDir, fromAnswer, loadItems, score, type EvalItem, type Score, type Scored } from "./qa-eval.ts";
import { ms, percentile, type BenchTable } from "./table.ts";

async function latency(index: KnowledgeIndex, notices: Notice[], questions: string[], rounds: number) {
  const ctx = { index, notices: new Map(notices.map((n) => [n.meta.docId, n.meta])), clock: fixedClock(EVAL_TODAY) };
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

const pct = (n: number, d: number) => (d === 0 ? "-" : (n / d).toFixed(2));

/** Failures of a held-out run by kind, without ids: which question failed is not printed, so nobody tunes on it. */
export function failureCounts(s: Score): string {
  const count = (re: RegExp) => s.misses.filter((m) => re.test(m)).length;
  return `${s.method} failures by kind (ids not printed: held-out data): refused ${count(/ refused/)}, wrong notice first ${count(/wrong-doc/)}, fact not in answer ${count(/no-fact/)}, out-of-domain answered ${count(/ answered$/)}`;
}

export function qualityRows(scores: Score[]) {
  return scores.map((s) => ({
    method: s.method,
    "doc@1": pct(s.docAt1, s.answerable),
    "fact in answer": pct(s.factInAnswer, s.answerable),
    "fact in top 3": pct(s.factInTop3, s.answerable),
    "passages outcome": s.method === "new (v2)" ? s.passages : "-",
    "wrong refusals": `${s.wrongRefusals}/${s.answerable}`,
    "correct refusals": `${s.correctRefusals}/${s.outOfDomain}`,
  }));
}

export async function compare(ctx: AnswerContext, items: EvalItem[]): Promise<Score[]> {
  const baseline = new BigramBm25(ctx.index);
  const run = async (f: (q: string) => Promise<Scored> | Scored) => {
    const out: Scored[] = [];
    for (const it of items) out.push(await f(it.q));
    return out;
  };
  return [
    score("plain bigram BM25", items, await run((q) => baseline.ask(q))),
    score("previous (v1)", items, await run(async (q) => fromAnswer(await answerExtractive(ctx, q, { method: "v1" })))),
    score("new (v2)", items, await run(async (q) => fromAnswer(await answerExtractive(ctx, q, { method: "v2" })))),
  ];
}

interface ExpectedMeta {
  title: string;
  docNumber: string | null;
  issuer: string;
  date: string;
  deadlines: string[];
  contacts: Array<[string, string]>;
}

/** Printed fields right: title, 文号, issuer, date, each deadline, each contact (name and phone); extra deadlines and contacts count as wrong. */
/** Notices written in the shapes of real notices for tuning metadata extraction (`meta-*.txt`). */
export const tuningNoticesDir = path.join(projectRoot, "test", "fixtures", "qa", "tuning-notices");

export async function metadataAccuracy(dir = freshNoticesDir, expectedFile = path.join(dir, "expected-meta.json")): Promise<{ right: number; fields: number; misses: string[] }> {
  const expected = JSON.parse(await fs.readFile(expectedFile, "utf8")) as Record<string, ExpectedMeta>;
  let right = 0;
  let fields = 0;
  const misses: string[] = [];
  for (const [file, want] of Object.entries(expected)) {
    const got = extractMetadata(await fileText(path.join(dir, file), await fs.readFile(path.join(dir, file))));
    const check = (name: string, ok: boolean) => {
      fields++;
      if (ok) right++;
      else misses.push(`${file}: ${name}`);
    };
    check("title", got.title === want.title);
    check("docNumber", got.docNumber === want.docNumber);
    check("issuer", got.issuer === want.issuer);
    check("date", got.date === want.date);
    for (const d of want.deadlines) check(`deadline ${d}`, got.deadlines.some((x) => x.date === d));
    // A condition's date taken for a deadline (「注册成立时间在2023年12月31日之前」) is wrong too.
    for (const x of got.deadlines) {
      if (!want.deadlines.includes(x.date)) {
        fields++;
        misses.push(`${file}: extra deadline ${x.date}`);
      }
    }
    for (const [name, phone] of want.contacts) check(`contact ${name}`, got.contacts.some((c) => c.name === name && c.phone === phone));
    for (const c of got.contacts) {
      if (!want.contacts.some(([name, phone]) => c.name === name && c.phone === phone)) {
        fields++;
        misses.push(`${file}: extra contact ${c.name ?? "?"} ${c.phone ?? ""}`);
      }
    }
  }
  return { right, fields, misses };
}

export async function benchQa(options: { syntheticNotices?: number } = {}): Promise<BenchTable[]> {
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

  const seedItems = await loadItems("seed-questions.jsonl", "validation");
  const seedCtx: AnswerContext = { index, notices: new Map(notices.map((n) => [n.meta.docId, n.meta])), clock: fixedClock(EVAL_TODAY) };
  const seedScores = await compare(seedCtx, seedItems);
  const newSeed = seedScores[2]!;
  tables.push({
    title: `Q&A on the five seed notices: validation half (${seedItems.length} questions, ${newSeed.answerable} answerable, ${newSeed.outOfDomain} out of domain)`,
    rows: qualityRows(seedScores),
    note: failureCounts(newSeed),
  });

  const fresh = await freshKnowledgeBase();
  try {
    const freshItems = await loadItems("fresh-questions.jsonl", "validation");
    const freshScores = await compare(fresh.ctx, freshItems);
    const newFresh = freshScores[2]!;
    tables.push({
      title: `Q&A on ${fresh.ingested.length} real-shaped notices of other provinces after \`ingest\` (seeds + them indexed): validation half (${freshItems.length} questions, ${newFresh.answerable} answerable, ${newFresh.outOfDomain} out of domain)`,
      rows: qualityRows(freshScores),
      note: failureCounts(newFresh),
    });
  } finally {
    await fresh.cleanup();
  }

  // The four real-shaped notices of the Q&A set, and the tuning notices written for metadata shapes
  // (信息公开 table, Chinese-numeral dates, joint issuers, PDF line breaks …). Both were used for tuning.
  const metaRows = [];
  const metaMisses: string[] = [];
  for (const [set, dir] of [["real-shaped notices (notices/)", freshNoticesDir], ["tuning notices (tuning-notices/)", tuningNoticesDir]] as const) {
    const expected = JSON.parse(await fs.readFile(path.join(dir, "expected-meta.json"), "utf8")) as Record<string, unknown>;
    const meta = await metadataAccuracy(dir);
    metaRows.push({ set, notices: Object.keys(expected).length, fields: meta.fields, right: meta.right, share: pct(meta.right, meta.fields) });
    metaMisses.push(...meta.misses);
  }
  tables.push({
    title: "Metadata read by `ingest` from notices in real shapes (printed fields right; tuning sets)",
    rows: metaRows,
    note: metaMisses.length ? `misses: ${metaMisses.join("; ")}` : "no misses",
  });

  const questions = seedItems.map((i) => i.q);
  const small = await latency(index, notices, questions, 10);
  const synthetic = syntheticCorpus(notices, options.syntheticNotices ?? 1000);
  const heapBefore = process.memoryUsage().heapUsed;
  t = performance.now();
  const big = await KnowledgeIndex.build(synthetic, embeddings);
  const bigBuildMs = performance.now() - t;
  const mem = process.memoryUsage();
  const large = await latency(big, synthetic, questions, 3);
  tables.push({
    title: "Answer latency (new method, hybrid, extractive, no LLM) and index size",
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
