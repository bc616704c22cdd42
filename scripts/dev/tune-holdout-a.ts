// Dev aid: the retired blind set (test/fixtures/qa/tuning-holdout-a/, now tuning data) scored as the
// benchmark scores it — seed questions on the five seed notices, fresh questions after `ingest` of the
// fixture notices and the set's own notices — printing each miss with the answer.
// --file F runs another tuning file (e.g. tuning-b.jsonl, about seeds, fixture and these notices) on the larger base.
// --set D scores another retired set (e.g. tuning-holdout-h2) the same way.
// --dump F appends one JSON line per question (outcome, scored right or not) for analyses by kind of question.
// --context asks each question as a follow-up about its own notice (contextNotice), out-of-domain ones without.
// Usage: npx tsx scripts/dev/tune-holdout-a.ts [--context] [--dump F] [--verbose] [--ids id,...] [--only seed|fresh] [--file tuning-b.jsonl] [--set tuning-holdout-h2]
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Answer } from "../../src/knowledge/answer.ts";
import { answerExtractive } from "../../src/knowledge/extractive.ts";
import { freshKnowledgeBase, freshNoticesDir, fromAnswer, loadItems, qaFixtures, score } from "../bench/qa-eval.ts";

const { values } = parseArgs({ options: { verbose: { type: "boolean" }, ids: { type: "string" }, only: { type: "string" }, file: { type: "string" }, set: { type: "string" }, dump: { type: "string" }, notices: { type: "string" }, context: { type: "boolean" } } });
const dir = path.join(qaFixtures, values.set ?? "tuning-holdout-a");
const seedKb = await freshKnowledgeBase([]);
// --notices D ingests the set's notices from another folder (e.g. PDF copies made with LibreOffice) instead of notices/.
const freshKb = await freshKnowledgeBase([freshNoticesDir, values.notices ?? path.join(dir, "notices")], (d, f) => !values.notices || d !== values.notices || !f.endsWith(".txt") || !fs.existsSync(path.join(d, f.replace(/\.txt$/, ".pdf"))));
try {
  const sets = values.file ? ([[values.file, freshKb]] as const) : ([["seed", seedKb], ["fresh", freshKb]] as const);
  for (const [name, env] of sets) {
    if (values.only && values.only !== name) continue;
    let items = await loadItems(values.file ? path.join(qaFixtures, values.file) : path.join(dir, `${name}-questions.jsonl`));
    if (values.ids) items = items.filter((i) => values.ids!.split(",").includes(i.id));
    const answers: Answer[] = [];
    // --context: each question asked as a follow-up in a conversation about its own notice (the notice its doc marker names).
    const contextOf = (it: (typeof items)[number]) =>
      values.context && it.doc.length > 0 ? [...env.ctx.notices.values()].find((m) => it.doc.some((d) => `${m.title} ${m.docNumber ?? ""}`.includes(d)))?.docId : undefined;
    for (const it of items) answers.push(await answerExtractive(env.ctx, it.q, { method: "v2", contextNotice: contextOf(it) }));
    const results = answers.map(fromAnswer);
    const s = score("v2", items, results);
    // --dump F: every question's outcome and whether it was scored right, one JSON line each (appended).
    if (values.dump) {
      const missed = new Set(s.misses.map((m) => m.split(" ")[0]));
      fs.appendFileSync(values.dump, items.map((it, k) => JSON.stringify({ set: values.set ?? "tuning-holdout-a", file: values.file ?? name, id: it.id, q: it.q, ood: !!it.unanswerable, outcome: results[k]!.outcome, reason: answers[k]!.refusedBecause, ok: !missed.has(it.id) })).join("\n") + "\n");
    }
    console.log(`${name}: doc@1 ${s.docAt1}/${s.answerable} inAnswer ${s.factInAnswer} (${(s.factInAnswer / s.answerable).toFixed(2)}) top3 ${s.factInTop3} wrongRef ${s.wrongRefusals} passages ${s.passages} OOD refused ${s.correctRefusals}/${s.outOfDomain}`);
    for (const m of s.misses) {
      const i = items.findIndex((x) => m.startsWith(x.id + " ") || m === x.id);
      const it = items[i]!;
      console.log(`  ${m} [${results[i]!.outcome}] | ${it.q} | want ${(it.must ?? []).join("/")} @ ${(it.doc ?? []).join("/")}`);
      if (values.verbose) console.log(`    ${results[i]!.answer.replace(/\n/g, "\n    ").slice(0, 700)}`);
    }
  }
} finally {
  await seedKb.cleanup();
  await freshKb.cleanup();
}
