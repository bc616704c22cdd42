import { parseArgs } from "node:util";
import { IngestError, KnowledgeBase, ingestTexts } from "../src/knowledge/index.ts";
import { cliContext, fail, writeJson } from "./cli-support.ts";

const usage = "usage: npm run --silent ingest -- [--json] FILE...";
let parsed;
try {
  parsed = parseArgs({ options: { json: { type: "boolean" } }, allowPositionals: true });
} catch (err) {
  fail(`${(err as Error).message}\n${usage}`);
}
const { values, positionals } = parsed;
if (positionals.length === 0) fail(usage);

const ctx = cliContext();
const kb = await KnowledgeBase.open(ctx);
let failures = 0;
for (const file of positionals) {
  try {
    const result = await kb.ingest(file);
    if (values.json) writeJson(result);
    else process.stdout.write(`已导入 ${result.docId}：${result.title}（${result.chunks} 段）\n`);
  } catch (err) {
    if (!(err instanceof IngestError)) throw err;
    failures++;
    process.stderr.write(`${file}: ${ingestTexts[err.code]} [${err.code}] ${err.message}\n`);
  }
}
process.exitCode = failures > 0 ? 1 : 0;
