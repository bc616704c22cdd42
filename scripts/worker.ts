import path from "node:path";
import type { ConnectionOptions } from "bullmq";
import { connectRedis } from "../src/app/create-app.ts";
import { createDocumentWorker } from "../src/documents/queue.ts";
import { cliContext } from "./cli-support.ts";

/**
 * `npm run worker`: a document worker process for the `documents` queue. Run as many as
 * needed; each renders WORKER_CONCURRENCY documents at once. Stops cleanly on SIGINT/SIGTERM
 * (a job in progress finishes; a killed worker's job is recovered as stalled by another).
 */
const { config, clock, log } = cliContext();
const conn = await connectRedis(config, log);
const worker = createDocumentWorker(
  {
    connection: { ...conn.options } as ConnectionOptions,
    prefix: `${config.REDIS_PREFIX}q`,
    outDir: config.documentsDir,
    log,
    clock,
    pdf: config.DOCUMENT_PDF === "on",
  },
  { concurrency: config.WORKER_CONCURRENCY },
);
log.info({ concurrency: config.WORKER_CONCURRENCY, outDir: path.relative(process.cwd(), config.documentsDir) }, "document worker started");
const stop = async () => {
  log.info("document worker stopping");
  await worker.close();
  await conn.server?.stop();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
