// Dev aid: per-stage timings of answering on a synthetic corpus (npx tsx scripts/dev/profile.ts 300).
import { answerExtractive } from "../../src/knowledge/extractive.ts";
import { loadCorpus } from "../../src/knowledge/corpus.ts";
import { HashingEmbeddings } from "../../src/knowledge/embeddings.ts";
import { KnowledgeIndex } from "../../src/knowledge/index-store.ts";
import { bm25Ranking, vectorRanking } from "../../src/knowledge/retrieve.ts";
import { queryTokens } from "../../src/knowledge/tokenize.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { syntheticCorpus } from "../bench/qa.ts";

const n = Number(process.argv[2] ?? 300);
const seeds = await loadCorpus("corpus");
const notices = syntheticCorpus(seeds, n);
const index = await KnowledgeIndex.build(notices, new HashingEmbeddings());
const qs = ["工业互联网平台类的申报主体上一年度营业收入要多少？", "智能工厂福州什么时候截止收件？", "明天会下雨吗？", "设备智能运维场景主要解决什么问题？"];
const ctx = { index, notices: new Map(notices.map((x) => [x.meta.docId, x.meta])), clock: fixedClock("2026-11-22") };
const time = async (label: string, f: (q: string) => unknown) => {
  const t = performance.now();
  for (let i = 0; i < 5; i++) for (const q of qs) await f(q);
  console.log(label, ((performance.now() - t) / (5 * qs.length)).toFixed(1), "ms");
};
await time("tokens", async () => qs.map(queryTokens));
await time("bm25", async () => { for (const q of qs) bm25Ranking(index, queryTokens(q)); });
await time("vector", async () => { for (const q of qs) await vectorRanking(index, q); });
await time("answer", async () => { for (const q of qs) await answerExtractive(ctx, q); });
