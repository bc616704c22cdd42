import { Job, QueueEvents, type ConnectionOptions, type Queue } from "bullmq";
import type { ConversationEngine, DocumentPort, DocumentRequest } from "../flows/engine/engine.ts";
import { DOCUMENTS_QUEUE, documentJobSchema, documentResultSchema } from "../documents/job.ts";
import { DocumentQueue, JOB_ATTEMPTS } from "../documents/queue.ts";
import type { Logger } from "../shared/log.ts";
import type { Outbox } from "./outbox.ts";

/**
 * Connects the engine to the `documents` queue: enqueues confirmed drafts, and listens to
 * queue events (from any worker process) to deliver finished files through the outbox to the
 * chat the user used. The draft records each delivery and the outbox keys it by job id, so
 * several listening processes send once; a process that does not serve the chat leaves the
 * message pending in the outbox for one that does.
 */
export class DocumentDelivery implements DocumentPort {
  private readonly events: QueueEvents;
  private readonly producer: DocumentQueue;
  private readonly waiters = new Map<string, () => void>();
  private readonly ours = new Set<string>();

  constructor(
    private readonly opts: { connection: ConnectionOptions; prefix: string; log: Logger },
    private readonly engine: ConversationEngine,
    private readonly outbox: Outbox,
  ) {
    this.producer = new DocumentQueue({ connection: opts.connection, prefix: opts.prefix });
    this.events = new QueueEvents(DOCUMENTS_QUEUE, { connection: opts.connection, prefix: opts.prefix });
    this.events.on("completed", ({ jobId, returnvalue }) => void this.onCompleted(jobId, returnvalue));
    this.events.on("failed", ({ jobId, failedReason }) => void this.onFailed(jobId, failedReason));
    this.events.on("error", (err) => opts.log.error({ err: err.message }, "queue events error"));
  }

  get queue(): Queue {
    return this.producer.queue;
  }

  /** Resolves once the listener is subscribed (events before that are not seen). */
  async ready(): Promise<void> {
    await this.events.waitUntilReady();
  }

  /**
   * Record and post documents that completed while no service process was listening (BullMQ
   * keeps completed jobs 7 days). Idempotent: the draft records each delivery, the outbox
   * keys it by job id. Returns how many jobs were looked at.
   * TODO(durability): final failures are not caught up, and this relies on completed jobs
   * being kept; once job payloads leave Redis when done, record delivery from the worker instead.
   */
  async catchUp(limit = 1000): Promise<number> {
    const jobs = await this.producer.queue.getCompleted(0, limit - 1);
    for (const job of jobs) if (job.id) await this.onCompleted(job.id, job.returnvalue);
    return jobs.length;
  }

  async enqueue(request: DocumentRequest): Promise<void> {
    const jobId = await this.producer.add({ version: 1, ...request });
    this.ours.add(jobId);
  }

  /** Wait until every job this process queued is delivered or has failed for good (at most `timeoutMs`). */
  async drain(timeoutMs: number): Promise<number> {
    const pending = [...this.ours];
    const until = Date.now() + timeoutMs;
    await Promise.all(
      pending.map(
        (id) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, Math.max(0, until - Date.now()));
            this.waiters.set(id, () => {
              clearTimeout(timer);
              resolve();
            });
            // It may have finished before we started waiting.
            void this.producer.queue.getJobState(id).then((s) => {
              if (s === "completed" || s === "failed" || s === "unknown") void this.settleExisting(id, s);
            });
          }),
      ),
    );
    return this.ours.size;
  }

  private async settleExisting(jobId: string, state: string): Promise<void> {
    if (state === "completed") {
      const job = await Job.fromId(this.producer.queue, jobId);
      if (job) return this.onCompleted(jobId, job.returnvalue);
    }
    if (state === "failed") {
      const job = await Job.fromId(this.producer.queue, jobId);
      if (job) return this.onFailed(jobId, job.failedReason);
    }
    this.settle(jobId);
  }

  private settle(jobId: string): void {
    this.ours.delete(jobId);
    this.waiters.get(jobId)?.();
    this.waiters.delete(jobId);
  }

  private async jobData(jobId: string) {
    const job = await Job.fromId(this.producer.queue, jobId);
    const data = documentJobSchema.safeParse(job?.data);
    return job && data.success ? { job, data: data.data } : null;
  }

  private async onCompleted(jobId: string, returnvalue: unknown): Promise<void> {
    try {
      const found = await this.jobData(jobId);
      const result = documentResultSchema.safeParse(typeof returnvalue === "string" ? JSON.parse(returnvalue) : returnvalue);
      if (!found || !result.success) return;
      const message = await this.engine.documentReady(found.data.user, found.data.draftId, found.data.draftVersion, result.data);
      if (message) await this.outbox.post(found.data.address, message, `done:${jobId}`);
      // Recorded by another process: what it posted may be ours to send.
      else await this.outbox.flush(found.data.address);
    } catch (err) {
      this.opts.log.error({ jobId, err: (err as Error).message }, "document delivery failed");
    } finally {
      this.settle(jobId);
    }
  }

  private async onFailed(jobId: string, reason: string): Promise<void> {
    try {
      const found = await this.jobData(jobId);
      if (!found) return;
      // Attempts left: BullMQ retries with backoff; the user hears only of the final failure.
      const final = found.job.attemptsMade >= (found.job.opts.attempts ?? JOB_ATTEMPTS) || /Unrecoverable|invalid|no document generator/i.test(reason);
      if (!final) return;
      const message = await this.engine.documentFailed(found.data.user, found.data.draftId, found.data.draftVersion, reason);
      if (message) await this.outbox.post(found.data.address, message, `failed:${jobId}`);
      this.settle(jobId);
    } catch (err) {
      this.opts.log.error({ jobId, err: (err as Error).message }, "failure notice failed");
      this.settle(jobId);
    }
  }

  async close(): Promise<void> {
    await this.events.close();
    await this.producer.close();
  }
}
