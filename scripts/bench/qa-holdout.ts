import fs from "node:fs";
import path from "node:path";
import type { AnswerContext } from "../../src/knowledge/answer.ts";
import { loadCorpus } from "../../src/knowledge/corpus.ts";
import { HashingEmbeddings } from "../../src/knowledge/embeddings.ts";
import { KnowledgeIndex } from "../../src/knowledge/index-store.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { projectRoot } from "../../src/shared/config.ts";
import { compare, failureCounts, metadataAccuracy, qualityRows } from "./qa.ts";
import { EVAL_TODAY, freshKnowledgeBase, freshNoticesDir, loadItems, qaFixtures } from "./qa-eval.ts";
import type { BenchTable } from "./table.ts";

/**
 * The blind held-out set (test/fixtures/qa/holdout/, see its README): questions and notices
 * written by an author who did not see the answer code or its results. Only aggregates are
 * printed — never which question failed — so the set stays usable as a held-out set.
 */
export const holdoutDir = path.join(qaFixtures, "holdout");

export async function benchQaHoldout(): Promise<BenchTable[]> {
  if (!fs.existsSync(path.join(holdoutDir, "seed-questions.jsonl"))) {
    return [{ title: "Q&A held-out set", rows: [{ status: "test/fixtures/qa/holdout/ is missing: nothing measured" }] }];
  }
  const tables: BenchTable[] = [];
  const notices = await loadCorpus(path.join(projectRoot, "corpus"));
  const index = await KnowledgeIndex.build(notices, new HashingEmbeddings());
  const seedCtx: AnswerContext = { index, notices: new Map(notices.map((n) => [n.meta.docId, n.meta])), clock: fixedClock(EVAL_TODAY) };
  const seedItems = await loadItems(path.join(holdoutDir, "seed-questions.jsonl"));
  const seedScores = await compare(seedCtx, seedItems);
  const seedNew = seedScores.at(-1)!;
  tables.push({
    title: `Q&A held-out set (blind) on the five seed notices (${seedItems.length} questions, ${seedNew.answerable} answerable, ${seedNew.outOfDomain} out of domain)`,
    rows: qualityRows(seedScores),
    note: failureCounts(seedNew),
  });

  const holdoutNotices = path.join(holdoutDir, "notices");
  const fresh = await freshKnowledgeBase([freshNoticesDir, holdoutNotices]);
  try {
    const freshItems = await loadItems(path.join(holdoutDir, "fresh-questions.jsonl"));
    const freshScores = await compare(fresh.ctx, freshItems);
    const freshNew = freshScores.at(-1)!;
    tables.push({
      title: `Q&A held-out set (blind) after \`ingest\` of ${fresh.ingested.length} real-shaped notices (${freshItems.length} questions, ${freshNew.answerable} answerable, ${freshNew.outOfDomain} out of domain)`,
      rows: qualityRows(freshScores),
      note: failureCounts(freshNew),
    });
  } finally {
    await fresh.cleanup();
  }

  const meta = await metadataAccuracy(holdoutNotices, path.join(holdoutDir, "expected-meta.json"));
  tables.push({
    title: "Metadata read by `ingest` from the held-out notices (printed fields right)",
    rows: [{ fields: meta.fields, right: meta.right, share: (meta.right / Math.max(1, meta.fields)).toFixed(2) }],
    note: `${meta.misses.length} field(s) wrong (not listed: the set stays blind)`,
  });
  return tables;
}
