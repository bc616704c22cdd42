import fs from "node:fs";
import path from "node:path";
import { answerExtractive } from "../../src/knowledge/extractive.ts";
import { loadCorpus } from "../../src/knowledge/corpus.ts";
import { HashingEmbeddings } from "../../src/knowledge/embeddings.ts";
import { KnowledgeIndex } from "../../src/knowledge/index-store.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { normalizeForMatch } from "../../src/knowledge/text-clean.ts";
const notices = await loadCorpus("corpus");
const index = await KnowledgeIndex.build(notices, new HashingEmbeddings());
const ctx = { index, notices: new Map(notices.map((n) => [n.meta.docId, n.meta])), clock: fixedClock("2026-11-22") };
const mode = (process.argv[2] ?? "hybrid") as any;
const dev = fs.readFileSync("../shared/eval/qa-dev.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l));
const para = fs.readFileSync("test/fixtures/in-domain-paraphrases.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l));
const ood = fs.readFileSync("test/fixtures/out-of-domain.txt", "utf8").trim().split("\n");
for (const item of [...dev.filter((d: any) => !d.unanswerable), ...para]) {
  try {
    const a = await answerExtractive(ctx, item.q, { mode });
    const hay = normalizeForMatch([a.answer, ...a.citations.slice(0, 3).map((c) => c.text)].join(""));
    const ok = item.must.some((m: string) => hay.includes(normalizeForMatch(m)));
    const inAnswer = item.must.some((m: string) => normalizeForMatch(a.answer).includes(normalizeForMatch(m)));
    console.log(`IN  cov=${a.coverage.toFixed(2)} ${ok ? "ok " : "MISS"} ans=${inAnswer ? "y" : "n"} ${item.q} → ${a.citations[0]?.section ?? "-"}`);
  } catch (e) { console.log("IN ERR", item.q, (e as Error).message); }
}
for (const q of ood) {
  try {
    const a = await answerExtractive(ctx, q, { mode });
    console.log(`OUT cov=${a.coverage.toFixed(2)} ${a.answerable ? "ANSWERED" : "refused"} ${q}`);
  } catch (e) { console.log("OUT ERR", q, (e as Error).message); }
}
