import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchQa } from "./bench/qa.ts";
import { renderTable, type BenchTable } from "./bench/table.ts";

const { values } = parseArgs({
  options: { only: { type: "string" }, synthetic: { type: "string" } },
});
const only = values.only?.split(",");
const want = (name: string) => !only || only.includes(name);

const print = (t: BenchTable) => process.stdout.write(`${renderTable(t)}\n`);
process.stdout.write(`# npm run bench (${new Date().toISOString().slice(0, 10)}, node ${process.version})\n\n`);

if (want("qa")) {
  const syntheticNotices = values.synthetic ? Number(values.synthetic) : 1000;
  for (const t of await benchQa({ syntheticNotices })) print(t);
}

// Suites added by later work register here; each exports a function returning tables.
const suites: Array<[string, string, string]> = [
  ["qa-holdout", "./bench/qa-holdout.ts", "benchQaHoldout"],
  ["match", "./bench/match.ts", "benchMatch"],
  ["engine", "./bench/engine.ts", "benchEngine"],
  ["documents", "./bench/documents.ts", "benchDocuments"],
  ["selfcheck", "./bench/selfcheck.ts", "benchSelfCheck"],
  ["feishu", "./bench/feishu.ts", "benchFeishu"],
  ["telegram", "./bench/telegram.ts", "benchTelegram"],
  ["web", "./bench/web.ts", "benchWeb"],
  ["broadcast", "./bench/broadcast.ts", "benchBroadcast"],
];
for (const [name, file, fn] of suites) {
  if (!want(name) || !fs.existsSync(path.join(import.meta.dirname, file))) continue;
  const mod = await import(file);
  const result: BenchTable | BenchTable[] = await mod[fn]();
  for (const t of Array.isArray(result) ? result : [result]) print(t);
}
