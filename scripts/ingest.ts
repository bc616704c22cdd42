import { parseArgs } from "node:util";
import { IngestError, KnowledgeBase, ingestTexts } from "../src/knowledge/index.ts";
import { Redis } from "ioredis";
import { publishCorpusChanged } from "../src/app/staff/corpus-watch.ts";
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
const ingested: string[] = [];
for (const file of positionals) {
  try {
    const result = await kb.ingest(file);
    ingested.push(result.docId);
    if (values.json) writeJson(result);
    else process.stdout.write(`已导入 ${result.docId}：${result.title}（${result.chunks} 段）\n`);
  } catch (err) {
    if (!(err instanceof IngestError)) throw err;
    failures++;
    process.stderr.write(`${file}: ${ingestTexts[err.code]} [${err.code}] ${err.message}\n`);
  }
}
// A running service on the same Redis reschedules its deadline reminders at once (it also
// watches corpus/notices, and resyncs every 10 minutes regardless).
if (ingested.length > 0 && ctx.config.REDIS_URL) {
  const redis = new Redis(ctx.config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000, retryStrategy: () => null });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    for (const docId of ingested) await publishCorpusChanged(redis, ctx.config.REDIS_PREFIX, docId);
  } catch (err) {
    process.stderr.write(`could not tell the service about the new notice (it picks it up within 10 minutes): ${(err as Error).message}\n`);
  } finally {
    redis.disconnect();
  }
}
process.exitCode = failures > 0 ? 1 : 0;
