import fs from "node:fs/promises";
import path from "node:path";
import { Queue, UnrecoverableError, Worker, type ConnectionOptions, type Job } from "bullmq";
import type { Redis } from "ioredis";
import type { Clock } from "../shared/clock.ts";
import { generatorFor } from "../flows/programs/index.ts";
import type { Logger } from "../shared/log.ts";
import { DOCUMENTS_QUEUE, documentJobSchema, jobIdOf, userHash, type DocumentJob, type DocumentResult } from "./job.ts";
import { cancelledKey, outcomeOf, outcomesKey } from "./outcomes.ts";
import { convertToPdf } from "./pdf.ts";
import type { DocumentInput } from "./types.ts";

export interface DocumentsOptions {
  /** BullMQ connection (ioredis options or a redis:// URL). */
  connection: ConnectionOptions;
  /** BullMQ key prefix. @defaultValue "bull" */
  prefix?: string;
  /** Where finished files are stored. */
  outDir: string;
  log: Logger;
  clock: Clock;
  /** Also produce a PDF when LibreOffice is installed. @defaultValue false */
  pdf?: boolean;
  /**
   * Awaited once the document is rendered and about to be stored (`rendered`), and once its
   * file is stored (`stored`): a test acts there (e.g. deletes the user's data mid-job). Unset in production.
   */
  checkpoint?: (stage: "rendered" | "stored", jobId: string) => Promise<void>;
}

/** Attempts per document and the first retry delay (exponential backoff). */
export const JOB_ATTEMPTS = 3;
export const RETRY_DELAY_MS = 1000;

/** Producer side: validates the payload and adds it once per draft version. */
export class DocumentQueue {
  readonly queue: Queue;

  constructor(private readonly opts: Pick<DocumentsOptions, "connection" | "prefix">) {
    this.queue = new Queue(DOCUMENTS_QUEUE, { connection: opts.connection, prefix: opts.prefix ?? "bull" });
  }

  /** Returns the job id. A second call for the same draft version returns the same id and adds nothing. */
  async add(payload: DocumentJob): Promise<string> {
    const job = documentJobSchema.parse(payload);
    const jobId = jobIdOf(job);
    await this.queue.add("render", job, {
      jobId,
      attempts: JOB_ATTEMPTS,
      backoff: { type: "exponential", delay: RETRY_DELAY_MS },
      // The payload holds the user's answers: it leaves Redis once done. Delivery reads the
      // outcome record the worker writes (outcomes.ts), not the finished job.
      removeOnComplete: true,
      removeOnFail: true,
    });
    return jobId;
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

/**
 * Render, store atomically, optionally convert to PDF. Throws UnrecoverableError for bad payloads.
 * `cancelled` says whether the user deleted their data since the job was queued (the job's
 * tombstone): it is asked before rendering, before storing and after storing (and after the
 * PDF), and a cancelled job leaves no file behind and returns null. 删除我的数据 writes the
 * tombstone before it deletes the user's folder, so a file stored before the last look is
 * removed by one or the other.
 */
export async function processDocumentJob(job: Job, opts: DocumentsOptions, cancelled: () => Promise<boolean> = async () => false): Promise<DocumentResult | null> {
  const parsed = documentJobSchema.safeParse(job.data);
  if (!parsed.success) {
    opts.log.error({ jobId: job.id, issues: parsed.error.issues.length }, "document job payload invalid, not retried");
    throw new UnrecoverableError(`invalid document job payload (${parsed.error.issues.length} issues)`);
  }
  const data = parsed.data;
  const generator = generatorFor(data.programId);
  if (!generator) throw new UnrecoverableError(`no document generator for program ${data.programId}`);
  const dropped = () => (opts.log.info({ jobId: job.id }, "document job of a deleted user dropped"), null);
  if (await cancelled()) return dropped();
  const input: DocumentInput = {
    programId: data.programId,
    draftId: data.draftId,
    draftVersion: data.draftVersion,
    answers: data.answers,
    profile: data.profile,
    generatedAt: opts.clock.now().toISOString(),
  };
  await job.updateProgress(10);
  const bytes = await generator.render(input);
  if (await cancelled()) return dropped();
  await opts.checkpoint?.("rendered", job.id ?? "");
  await job.updateProgress(70);
  const dir = path.join(opts.outDir, userHash(data.user));
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${data.draftId}-v${data.draftVersion}.docx`);
  // Write then rename: a worker killed mid-write never leaves a half file under the final name.
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  let pdfPath: string | null = null;
  const removeStored = async () => {
    for (const f of [tmp, file, pdfPath]) if (f) await fs.rm(f, { force: true });
    await fs.rmdir(dir).catch(() => undefined); // the user's folder, unless other files are in it
    return dropped();
  };
  await fs.writeFile(tmp, bytes);
  await fs.rename(tmp, file);
  await opts.checkpoint?.("stored", job.id ?? "");
  if (await cancelled()) return removeStored();
  if (opts.pdf) {
    try {
      pdfPath = await convertToPdf(file, dir);
    } catch (err) {
      opts.log.warn({ jobId: job.id, err: (err as Error).message }, "PDF conversion failed; sending the .docx only");
    }
    if (await cancelled()) return removeStored();
  }
  await job.updateProgress(100);
  opts.log.info({ jobId: job.id, programId: data.programId, bytes: bytes.length }, "document generated");
  return { path: file, name: generator.fileName(input), pdfPath, bytes: bytes.length };
}

export interface WorkerOptions {
  concurrency?: number;
  /** Lock time before a silent worker's job counts as stalled. @defaultValue 30000 */
  lockDuration?: number;
  /** How often stalled jobs are looked for. @defaultValue 30000 */
  stalledInterval?: number;
}

/** Consumer side (`npm run worker`, or in-process with `npm start`). */
export function createDocumentWorker(opts: DocumentsOptions, w: WorkerOptions = {}): Worker {
  const key = outcomesKey(opts.prefix ?? "bull");
  // Record the outcome before the job completes: a worker killed in between reruns the job
  // (stalled) and writes the same record again.
  const record = async (job: Job, r: { result: DocumentResult } | { reason: string }) => {
    const data = documentJobSchema.safeParse(job.data);
    if (!data.success || !job.id) return;
    const client = await worker.getBackend().client;
    await client.hset(key, { [job.id]: JSON.stringify(outcomeOf(job.id, data.data, r)) });
  };
  const cancelled = (job: Job) => async () => {
    if (!job.id) return false;
    const client = (await worker.getBackend().client) as unknown as Redis;
    return (await client.exists(cancelledKey(opts.prefix ?? "bull", job.id))) === 1;
  };
  const worker: Worker = new Worker(DOCUMENTS_QUEUE, async (job) => {
    try {
      const result = await processDocumentJob(job, opts, cancelled(job));
      // A deleted user's job: no file and no outcome (nothing to deliver, nothing kept about them).
      if (result === null) return null;
      await record(job, { result });
      return result;
    } catch (err) {
      const final = err instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (final && !(await cancelled(job)().catch(() => false))) await record(job, { reason: (err as Error).message });
      throw err;
    }
  }, {
    connection: opts.connection,
    prefix: opts.prefix ?? "bull",
    concurrency: w.concurrency ?? 4,
    lockDuration: w.lockDuration ?? 30_000,
    stalledInterval: w.stalledInterval ?? 30_000,
    maxStalledCount: 2,
  });
  worker.on("failed", (job, err) => {
    opts.log.warn({ jobId: job?.id, attempt: job?.attemptsMade, err: err.message }, "document job attempt failed");
  });
  worker.on("error", (err) => opts.log.error({ err: err.message }, "document worker error"));
  return worker;
}
