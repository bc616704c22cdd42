// Dev aid: scores the methods on the TUNING half only and prints each miss with the answer.
// Usage: npx tsx scripts/dev/tune-v2.ts [--verbose] [--ids s-int-01,...]
import { parseArgs } from "node:util";
import { answerExtractive } from "../../src/knowledge/extractive.ts";
import { freshKnowledgeBase, fromAnswer, loadItems, score, type EvalItem } from "../bench/qa-eval.ts";

const { values } = parseArgs({ options: { verbose: { type: "boolean" }, ids: { type: "string" } } });
const env = await freshKnowledgeBase();
try {
  for (const file of ["seed-questions.jsonl", "fresh-questions.jsonl", "tuning-extra.jsonl"]) {
    let items: EvalItem[] = await loadItems(file, "tuning");
    if (values.ids) items = items.filter((i) => values.ids!.split(",").includes(i.id));
    for (const method of ["v1", "v2"] as const) {
      const results = [];
      for (const it of items) results.push(fromAnswer(await answerExtractive(env.ctx, it.q, { method })));
      const s = score(method, items, results);
      console.log(`${file} ${method}: doc@1 ${s.docAt1}/${s.answerable} inAnswer ${s.factInAnswer} top3 ${s.factInTop3} wrongRef ${s.wrongRefusals} passages ${s.passages} OOD refused ${s.correctRefusals}/${s.outOfDomain}`);
      if (method === "v2") {
        for (const m of s.misses) {
          const i = items.findIndex((x) => m.startsWith(x.id + " ") || m === x.id || m.startsWith(x.id));
          const it = items[i]!;
          console.log(`  ${m} | ${it.q} | want ${it.must.join("/")}`);
          if (values.verbose) console.log(`    ${results[i]!.answer.replace(/\n/g, "\n    ").slice(0, 600)}`);
        }
      }
    }
  }
} finally {
  await env.cleanup();
}
