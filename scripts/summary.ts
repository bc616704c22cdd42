import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { connectRedis } from "../src/app/create-app.ts";
import { renderSummary, summaryFileName, summaryFor, summaryProgramIds } from "../src/documents/summary/index.ts";
import { confirmedApplications, RedisStateStore } from "../src/flows/engine/store.ts";
import { cliContext, fail, writeJson } from "./cli-support.ts";

/**
 * `npm run --silent summary -- --program ID [--compiler 推荐单位] [--out FILE]`: the program's
 * 推荐汇总表 (.xlsx, in the notice's column layout) of every confirmed application, for staff.
 * The 推荐单位 header is `--compiler`, else RECOMMENDING_UNIT, else left blank (never taken from
 * the applications). Prints {"path","rows"} on stdout.
 */
let args;
try {
  args = parseArgs({ options: { program: { type: "string" }, compiler: { type: "string" }, out: { type: "string" } } }).values;
} catch (err) {
  fail(`${(err as Error).message}\nusage: npm run --silent summary -- --program ID [--compiler 推荐单位] [--out FILE]`);
}
if (!args.program || !summaryFor(args.program)) fail(`--program: one of ${summaryProgramIds().join(", ")}`);
const { config, clock, log } = cliContext();
const conn = await connectRedis(config, log);
const redis = new Redis({ ...conn.options, maxRetriesPerRequest: 5 });
try {
  const store = new RedisStateStore(redis, log, { prefix: config.REDIS_PREFIX });
  const apps = await confirmedApplications(redis, store, args.program);
  const compiler = args.compiler?.trim() || config.RECOMMENDING_UNIT;
  const input = {
    programId: args.program,
    ...(compiler ? { compiler } : {}),
    applications: apps.map((a) => ({
      programId: args.program!,
      draftId: a.draft.id,
      draftVersion: a.draft.version,
      answers: a.draft.answers,
      profile: a.profile,
      generatedAt: a.draft.updatedAt || clock.now().toISOString(),
    })),
  };
  const bytes = await renderSummary(input);
  const out = path.resolve(args.out ?? path.join(config.documentsDir, "summaries", summaryFileName(input)));
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, bytes);
  writeJson({ path: out, rows: apps.length });
} finally {
  redis.disconnect();
  await conn.server?.stop();
}
