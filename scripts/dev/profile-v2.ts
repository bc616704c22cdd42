// Dev aid: where answer time goes on a synthetic corpus (retrieval vs the v2 answer step).
import { answerExtractive } from "../../src/knowledge/extractive.ts";
import { loadCorpus } from "../../src/knowledge/corpus.ts";
import { HashingEmbeddings } from "../../src/knowledge/embeddings.ts";
import { KnowledgeIndex } from "../../src/knowledge/index-store.ts";
import { retrieve } from "../../src/knowledge/retrieve.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { syntheticCorpus } from "../bench/qa.ts";
import { loadItems } from "../bench/qa-eval.ts";

const n = Number(process.argv[2] ?? 300);
const seeds = await loadCorpus("corpus");
const notices = syntheticCorpus(seeds, n);
const index = await KnowledgeIndex.build(notices, new HashingEmbeddings());
const ctx = { index, notices: new Map(notices.map((x) => [x.meta.docId, x.meta])), clock: fixedClock("2026-11-22") };
const qs = (await loadItems("seed-questions.jsonl", "tuning")).map((i) => i.q);
const time = async (label: string, f: (q: string) => Promise<unknown>) => {
  const t: number[] = [];
  for (let r = 0; r < 3; r++) for (const q of qs) {
    const s = performance.now();
    await f(q);
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  console.log(label, "p50", t[Math.floor(t.length / 2)]!.toFixed(1), "p95", t[Math.floor(t.length * 0.95)]!.toFixed(1));
};
await time("retrieve k=12", (q) => retrieve(index, q, { k: 12 }));
await time("answer v1", (q) => answerExtractive(ctx, q, { method: "v1" }));
await time("answer v2", (q) => answerExtractive(ctx, q));
