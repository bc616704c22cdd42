// Dev aid: grid over the v2 constants on the TUNING half only (seed + fresh + tuning notices, tuning-extra.jsonl, tuning-fresh.jsonl),
// plus the out-of-domain fixture used by the tests. Prints one line per setting.
// Usage: npx tsx scripts/dev/grid-v2.ts            outcome thresholds (answer, passages, sentence)
//        npx tsx scripts/dev/grid-v2.ts --weights  verb weight and title shade, at the current thresholds
import fs from "node:fs";
import { OUTCOME_THRESHOLDS, TITLE_SHADE, VERB_WEIGHT } from "../../src/knowledge/answer-v2.ts";
import { answerExtractive } from "../../src/knowledge/extractive.ts";
import { fromAnswer, loadItems, score, tuningKnowledgeBase } from "../bench/qa-eval.ts";

const env = await tuningKnowledgeBase();
const items = [
  ...(await loadItems("seed-questions.jsonl", "tuning")),
  ...(await loadItems("fresh-questions.jsonl", "tuning")),
  ...(await loadItems("tuning-extra.jsonl", "tuning")),
  ...(await loadItems("tuning-fresh.jsonl", "tuning")),
];
const ood = fs.readFileSync("test/fixtures/out-of-domain.txt", "utf8").split("\n").filter((l) => l.trim() !== "");

async function line(label: string) {
  const results = [];
  for (const it of items) results.push(fromAnswer(await answerExtractive(env.ctx, it.q)));
  let oodAnswered = 0;
  for (const q of ood) if ((await answerExtractive(env.ctx, q).catch(() => ({ answerable: false }))).answerable) oodAnswered++;
  const s = score("v2", items, results);
  console.log(`${label}: inAnswer ${s.factInAnswer}/${s.answerable} wrongRef ${s.wrongRefusals} passages ${s.passages} OOD answered ${s.outOfDomain - s.correctRefusals}+${oodAnswered}/${s.outOfDomain + ood.length}`);
}

if (process.argv.includes("--weights")) {
  for (const verb of [0.3, 0.5, 1]) {
    for (const shade of [0, 0.3, 0.6, 1]) {
      VERB_WEIGHT.value = verb;
      TITLE_SHADE.value = shade;
      await line(`verb ${verb} shade ${shade}`);
    }
  }
} else {
  for (const answer of [0.5, 0.6, 0.7]) {
    for (const passages of [0.4, 0.45, 0.5, 0.55, 0.6]) {
      for (const sentence of [0.3, 0.5, 0.7]) {
        Object.assign(OUTCOME_THRESHOLDS, { answer, passages, sentence });
        await line(`answer ${answer} passages ${passages} sentence ${sentence}`);
      }
    }
  }
}
await env.cleanup();
