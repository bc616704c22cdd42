// Dev aid: scores the methods on the TUNING data only and prints each miss with the answer.
// seed/fresh/tuning-extra questions run on the seeds plus the fixture notices (as the benchmark);
// tuning-fresh.jsonl, about the tuning notices (tuning-notices/qa-*), on the seeds plus both folders
// ingested (tuning only, never in the benchmark). --all-notices runs every file on the larger one.
// Usage: npx tsx scripts/dev/tune-v2.ts [--verbose] [--ids s-int-01,...] [--files tuning-fresh.jsonl,...] [--v2-only]
import { parseArgs } from "node:util";
import { answerExtractive } from "../../src/knowledge/extractive.ts";
import { freshKnowledgeBase, fromAnswer, loadItems, score, tuningKnowledgeBase, type EvalItem } from "../bench/qa-eval.ts";

const { values } = parseArgs({ options: { verbose: { type: "boolean" }, ids: { type: "string" }, files: { type: "string" }, "v2-only": { type: "boolean" }, "all-notices": { type: "boolean" } } });
const files = values.files?.split(",") ?? ["seed-questions.jsonl", "fresh-questions.jsonl", "tuning-extra.jsonl", "tuning-fresh.jsonl"];
const base = values["all-notices"] ? null : await freshKnowledgeBase();
const wide = await tuningKnowledgeBase();
try {
  for (const file of files) {
    const env = file === "tuning-fresh.jsonl" || !base ? wide : base;
    let items: EvalItem[] = await loadItems(file, "tuning");
    if (values.ids) items = items.filter((i) => values.ids!.split(",").includes(i.id));
    for (const method of values["v2-only"] ? (["v2"] as const) : (["v1", "v2"] as const)) {
      const results = [];
      const times: number[] = [];
      for (const it of items) {
        const t0 = performance.now();
        results.push(fromAnswer(await answerExtractive(env.ctx, it.q, { method })));
        times.push(performance.now() - t0);
      }
      const s = score(method, items, results);
      const p95 = times.sort((a, b) => a - b)[Math.floor(times.length * 0.95)] ?? 0;
      console.log(`${file} ${method}: doc@1 ${s.docAt1}/${s.answerable} inAnswer ${s.factInAnswer} top3 ${s.factInTop3} wrongRef ${s.wrongRefusals} passages ${s.passages} OOD refused ${s.correctRefusals}/${s.outOfDomain} p95 ${p95.toFixed(1)} ms`);
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
  await base?.cleanup();
  await wide.cleanup();
}
