/**
 * A document worker in its own process that pauses mid-job, so a test can kill it
 * (SIGKILL) while it holds the job and check another worker recovers it as stalled.
 * argv: redisPort prefix outDir
 */
import { Worker } from "bullmq";
import { processDocumentJob } from "../../src/documents/queue.ts";
import { DOCUMENTS_QUEUE } from "../../src/documents/job.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { createLogger } from "../../src/shared/log.ts";

const [port, prefix, outDir] = process.argv.slice(2);
const opts = { connection: { host: "127.0.0.1", port: Number(port) }, prefix: prefix!, outDir: outDir!, log: createLogger("silent"), clock: fixedClock("2026-11-22") };
new Worker(
  DOCUMENTS_QUEUE,
  async (job) => {
    process.stdout.write(`started ${job.id}\n`);
    await new Promise((r) => setTimeout(r, 60_000)); // killed before this ends
    return processDocumentJob(job, opts);
  },
  { connection: opts.connection, prefix: opts.prefix, lockDuration: 1000, stalledInterval: 500 },
);
