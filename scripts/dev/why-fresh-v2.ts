// Dev aid: the v2 outcome and answer of each question given as arguments, on the seeds plus the
// fixture notices and the tuning notices ingested (QA_DEBUG=1 prints the best candidates). Use tuning questions only.
import { answerExtractive } from "../../src/knowledge/extractive.ts";
import { tuningKnowledgeBase } from "../bench/qa-eval.ts";
const env = await tuningKnowledgeBase();
for (const q of process.argv.slice(2)) { const a = await answerExtractive(env.ctx, q); console.log(q, a.outcome, a.coverage, a.answer.slice(0, 200).replace(/\n/g, " ")); }
await env.cleanup();
