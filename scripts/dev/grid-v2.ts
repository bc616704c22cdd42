// Dev aid: grid over the v2 outcome thresholds on the TUNING half only (seed + fresh notices + tuning-extra.jsonl),
// plus the out-of-domain fixture used by the tests. Prints one line per setting.
import fs from "node:fs";
import { OUTCOME_THRESHOLDS } from "../../src/knowledge/answer-v2.ts";
import { answerExtractive } from "../../src/knowledge/extractive.ts";
import { freshKnowledgeBase, fromAnswer, loadItems, score } from "../bench/qa-eval.ts";

const env = await freshKnowledgeBase();
const items = [...(await loadItems("seed-questions.jsonl", "tuning")), ...(await loadItems("fresh-questions.jsonl", "tuning")), ...(await loadItems("tuning-extra.jsonl", "tuning"))];
const ood = fs.readFileSync("test/fixtures/out-of-domain.txt", "utf8").split("\n").filter((l) => l.trim() !== "");
for (const answer of [0.5, 0.6, 0.7]) {
  for (const passages of [0.35, 0.4, 0.45, 0.5, 0.55, 0.6]) {
    for (const sentence of [0.3, 0.5, 0.7]) {
      Object.assign(OUTCOME_THRESHOLDS, { answer, passages, sentence });
      const results = [];
      for (const it of items) results.push(fromAnswer(await answerExtractive(env.ctx, it.q)));
      let oodAnswered = 0;
      for (const q of ood) if ((await answerExtractive(env.ctx, q).catch(() => ({ answerable: false }))).answerable) oodAnswered++;
      const s = score("v2", items, results);
      console.log(`answer ${answer} passages ${passages} sentence ${sentence}: inAnswer ${s.factInAnswer}/${s.answerable} wrongRef ${s.wrongRefusals} passages ${s.passages} OOD answered ${s.outOfDomain - s.correctRefusals}+${oodAnswered}/${s.outOfDomain + ood.length}`);
    }
  }
}
await env.cleanup();
