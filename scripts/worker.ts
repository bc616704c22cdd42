import path from "node:path";
import type { ConnectionOptions } from "bullmq";
import { connectRedis, within } from "../src/app/create-app.ts";
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
// Jobs in progress finish within SHUTDOWN_TIMEOUT_MS; after that the worker closes by force and
// another worker (or the next start) recovers the job as stalled. Never hangs on a dead Redis.
let stopping = false;
const stop = async () => {
  if (stopping) return; // Ctrl+C arrives from the terminal and again relayed by tsx
  stopping = true;
  log.info("document worker stopping");
  const ok = await within(worker.close(), config.SHUTDOWN_TIMEOUT_MS).then(
    () => true,
    () => false,
  );
  if (!ok) await within(worker.close(true), 2000).catch(() => undefined);
  await within(conn.server?.stop() ?? Promise.resolve(), 5000).catch(() => undefined);
  process.exit(ok ? 0 : 1);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
