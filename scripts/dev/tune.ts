// Dev aid: grid over fusion parameters on the dev set plus the paraphrase fixtures.
import fs from "node:fs";
import { answerExtractive } from "../../src/knowledge/extractive.ts";
import { loadCorpus } from "../../src/knowledge/corpus.ts";
import { HashingEmbeddings } from "../../src/knowledge/embeddings.ts";
import { KnowledgeIndex } from "../../src/knowledge/index-store.ts";
import { normalizeForMatch } from "../../src/knowledge/text-clean.ts";
import { fixedClock } from "../../src/shared/clock.ts";

const notices = await loadCorpus("corpus");
const index = await KnowledgeIndex.build(notices, new HashingEmbeddings());
const ctx = { index, notices: new Map(notices.map((n) => [n.meta.docId, n.meta])), clock: fixedClock("2026-11-22") };
const read = (f: string) => fs.readFileSync(f, "utf8").trim().split("\n").map((l) => JSON.parse(l));
const items = [...read("../shared/eval/qa-dev.jsonl").filter((d) => !d.unanswerable), ...read("test/fixtures/in-domain-paraphrases.jsonl")];
for (const mode of ["bm25", "vector", "hybrid"] as const) {
  const grid = mode === "hybrid" ? [[10, 0.3], [10, 0.5], [20, 0.3], [20, 0.5], [20, 0.7], [60, 0.5], [60, 1]] : [[20, 0.7]];
  for (const [rrfK, vectorWeight] of grid) {
    let q3 = 0, inAns = 0, refused = 0;
    for (const it of items) {
      const a = await answerExtractive(ctx, it.q, { mode, rrfK, vectorWeight });
      const hay = normalizeForMatch([a.answer, ...a.citations.slice(0, 3).map((c) => c.text)].join(""));
      if (it.must.some((m: string) => hay.includes(normalizeForMatch(m)))) q3++;
      if (it.must.some((m: string) => normalizeForMatch(a.answer).includes(normalizeForMatch(m)))) inAns++;
      if (!a.answerable) refused++;
    }
    console.log(mode, rrfK, vectorWeight, `quote@3 ${q3}/${items.length} inAnswer ${inAns} refused ${refused}`);
  }
}
