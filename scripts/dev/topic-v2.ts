// Dev aid: the ask, places, unit, jieba words and topic words (weight, n = noun) of each question given as arguments.
import { topicWords } from "../../src/knowledge/answer-v2.ts";
import { askOf, placesIn, askUnit } from "../../src/knowledge/question-analysis.ts";
import { queryTokens, words, tagsOf } from "../../src/knowledge/tokenize.ts";
for (const q of process.argv.slice(2)) {
  const ask = askOf(q); const places = placesIn(q);
  const t = topicWords(queryTokens(q), places, ask, q);
  console.log(q, ask, places, String(askUnit(q, ask)), words(q).join("/"), t.map((x) => `${x.word}:${x.weight.toFixed(1)}${x.noun ? "n" : ""}`).join(" "));
}
