// Dev aid: the topic words, ask and outcome of each question given as arguments (seed corpus).
import { answerExtractive } from "../../src/knowledge/extractive.ts";
import { loadCorpus } from "../../src/knowledge/corpus.ts";
import { HashingEmbeddings } from "../../src/knowledge/embeddings.ts";
import { KnowledgeIndex } from "../../src/knowledge/index-store.ts";
import { topicWords } from "../../src/knowledge/answer-v2.ts";
import { askOf, placesIn } from "../../src/knowledge/question-analysis.ts";
import { queryTokens } from "../../src/knowledge/tokenize.ts";
import { fixedClock } from "../../src/shared/clock.ts";

const notices = await loadCorpus("corpus");
const index = await KnowledgeIndex.build(notices, new HashingEmbeddings());
const ctx = { index, notices: new Map(notices.map((n) => [n.meta.docId, n.meta])), clock: fixedClock("2026-11-22") };
for (const q of process.argv.slice(2)) {
  const a = await answerExtractive(ctx, q);
  const topic = topicWords(queryTokens(q), placesIn(q), askOf(q), q).map((t) => `${t.word}:${t.weight.toFixed(1)}${t.noun ? "" : "v"}`);
  console.log(`${q} | ask ${askOf(q)} | topic ${topic.join(" ")} | ${a.outcome} ${a.coverage}\n  ${a.answer.slice(0, 200).replace(/\n/g, " ")}`);
}
