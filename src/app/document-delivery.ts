import fs from "node:fs/promises";
import path from "node:path";
import { Job, QueueEvents, type ConnectionOptions, type Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { ConversationEngine, DocumentPort, DocumentRequest } from "../flows/engine/engine.ts";
import type { UserKey } from "../flows/engine/store.ts";
import { DOCUMENTS_QUEUE, documentJobSchema, userHash } from "../documents/job.ts";
import { CANCELLED_TTL_SECONDS, cancelledKey, documentOutcomeSchema, outcomesKey, type DocumentOutcome } from "../documents/outcomes.ts";
import { DocumentQueue } from "../documents/queue.ts";
import type { Logger } from "../shared/log.ts";
import type { Outbox } from "./outbox.ts";

export interface DocumentDeliveryOptions {
  connection: ConnectionOptions;
  prefix: string;
  log: Logger;
  /** Where the worker stores files (DOCUMENTS_DIR), for 删除我的数据. */
  documentsDir?: string;
  /** Counts documents delivered and given up on. */
  onOutcome?: (kind: DocumentOutcome["kind"]) => void;
  /** How often pending outcomes are looked for without an event (missed during an outage). @defaultValue 15 s */
  sweepMs?: number;
}

/**
 * Connects the engine to the `documents` queue: enqueues confirmed drafts and delivers what
 * the workers made. A worker records each job's outcome in Redis before the job completes
 * (src/documents/outcomes.ts); any service process — on the queue's event, on start, or on a
 * periodic sweep — records it on the draft, posts the message to the outbox (keyed by job
 * id, so it is sent once) and then drops the record. A document finished while no service
 * process ran is thereby delivered by the next one, once.
 */
export class DocumentDelivery implements DocumentPort {
  private readonly events: QueueEvents;
  private readonly producer: DocumentQueue;
  private readonly waiters = new Map<string, () => void>();
  private readonly ours = new Set<string>();
  private readonly key: string;
  private sweep: NodeJS.Timeout | null = null;
  /** Deliveries under way, so `close` lets them finish before Redis goes. */
  private readonly delivering = new Set<Promise<boolean>>();
  private lastErrorLog = 0;

  constructor(
    private readonly opts: DocumentDeliveryOptions,
    private readonly engine: ConversationEngine,
    private readonly outbox: Outbox,
  ) {
    this.key = outcomesKey(opts.prefix);
    this.producer = new DocumentQueue({ connection: opts.connection, prefix: opts.prefix });
    this.events = new QueueEvents(DOCUMENTS_QUEUE, { connection: opts.connection, prefix: opts.prefix });
    this.events.on("completed", ({ jobId }) => void this.deliver(jobId));
    this.events.on("failed", ({ jobId }) => void this.deliver(jobId));
    this.events.on("active", ({ jobId }) => void this.showProgress(jobId));
    // Connection errors repeat while Redis is down: one line per 10 s, no stacks.
    const onError = (err: Error) => this.logError(err);
    this.events.on("error", onError);
    this.producer.queue.on("error", onError);
  }

  get queue(): Queue {
    return this.producer.queue;
  }

  /** Resolves once the listener is subscribed (events before that are not seen: `catchUp` covers them). */
  async ready(): Promise<void> {
    await this.events.waitUntilReady();
    const every = this.opts.sweepMs ?? 15_000;
    this.sweep = setInterval(() => void this.catchUp().catch((err: unknown) => this.logError(err as Error)), every);
    this.sweep.unref();
  }

  /** Deliver every recorded outcome not yet delivered. Returns how many were delivered now. */
  async catchUp(): Promise<number> {
    const client = await this.client();
    const ids = await client.hkeys(this.key);
    let n = 0;
    for (const id of ids) if (await this.deliver(id)) n++;
    return n;
  }

  async enqueue(request: DocumentRequest): Promise<void> {
    const jobId = await this.producer.add({ version: 1, ...request });
    this.ours.add(jobId);
    // Which jobs are this user's, so 删除我的数据 finds them without scanning the keyspace.
    const key = this.userJobsKey(userHash(request.user));
    const client = await this.client();
    await client.multi().sadd(key, jobId).expire(key, 90 * 24 * 3600).exec();
  }

  private userJobsKey(hash: string): string {
    return `${this.opts.prefix}:${DOCUMENTS_QUEUE}:user:${hash}`;
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
            void this.deliver(id).then(async (done) => {
              if (!done && (await this.producer.queue.getJobState(id)) === "unknown" && !(await this.hasOutcome(id))) this.settle(id);
            });
          }),
      ),
    );
    return this.ours.size;
  }

  /**
   * 删除我的数据: the user's queued jobs (payloads hold their answers), undelivered outcomes
   * and generated files. A job being rendered right now cannot be removed: each job first gets
   * a tombstone (`cancelledKey`), which its worker looks for before and after storing the file
   * and then drops the file and the outcome (src/documents/queue.ts); the tombstones are
   * written before the folder is deleted, so a file stored meanwhile goes one way or the other.
   */
  async forgetUser(user: UserKey): Promise<void> {
    const hash = userHash(user);
    const client = await this.client();
    const ids = await client.smembers(this.userJobsKey(hash));
    if (ids.length > 0) {
      const tx = client.multi();
      for (const id of ids) tx.set(cancelledKey(this.opts.prefix, id), "1", "EX", CANCELLED_TTL_SECONDS);
      await tx.exec();
    }
    for (const id of ids) {
      await this.producer.queue.remove(id).catch((err: unknown) => this.opts.log.warn({ err: (err as Error).message }, "could not remove a job of a deleted user"));
      this.ours.delete(id);
    }
    if (ids.length > 0) await client.hdel(this.key, ...ids);
    await client.del(this.userJobsKey(hash));
    if (this.opts.documentsDir) await fs.rm(path.join(this.opts.documentsDir, hash), { recursive: true, force: true });
  }

  /** The queue's own Redis connection (the same server and options as the workers'). */
  private async client(): Promise<Redis> {
    return (await this.producer.queue.getBackend().client) as unknown as Redis;
  }

  private async hasOutcome(jobId: string): Promise<boolean> {
    const client = await this.client();
    return (await client.hexists(this.key, jobId)) === 1;
  }

  /** Deliver one recorded outcome; false when there is none (not finished, or delivered already). */
  private deliver(jobId: string): Promise<boolean> {
    const p = this.deliverNow(jobId);
    this.delivering.add(p);
    void p.finally(() => this.delivering.delete(p));
    return p;
  }

  private async deliverNow(jobId: string): Promise<boolean> {
    try {
      const client = await this.client();
      const raw = await client.hget(this.key, jobId);
      if (!raw) return false;
      const parsed = documentOutcomeSchema.safeParse(JSON.parse(raw));
      if (!parsed.success) {
        this.opts.log.error({ jobId }, "document outcome unreadable, dropped");
        await client.hdel(this.key, jobId);
        return false;
      }
      const o = parsed.data;
      const message =
        o.kind === "done" && o.result
          ? await this.engine.documentReady(o.user, o.draftId, o.draftVersion, o.result)
          : await this.engine.documentFailed(o.user, o.draftId, o.draftVersion, o.reason ?? "failed");
      // The draft records the delivery and the outbox keys it by job id, so of several
      // processes delivering at once one posts; the others find nothing to do.
      if (message) await this.outbox.post(o.address, message, `${o.kind}:${jobId}`);
      else await this.outbox.flush(o.address);
      if ((await client.hdel(this.key, jobId)) === 1) this.opts.onOutcome?.(o.kind);
      this.settle(jobId);
      return true;
    } catch (err) {
      this.logError(err as Error, jobId);
      return false;
    }
  }

  private async showProgress(jobId: string): Promise<void> {
    try {
      const job = await Job.fromId(this.producer.queue, jobId);
      const data = documentJobSchema.safeParse(job?.data);
      if (data.success) await this.outbox.progress(data.data.address, "uploading-document");
    } catch {
      // Progress is a nicety; the document itself is delivered from the outcome record.
    }
  }

  private settle(jobId: string): void {
    this.ours.delete(jobId);
    this.waiters.get(jobId)?.();
    this.waiters.delete(jobId);
  }

  private logError(err: Error, jobId?: string): void {
    const now = Date.now();
    if (now - this.lastErrorLog < 10_000) return;
    this.lastErrorLog = now;
    this.opts.log.warn({ jobId, err: err.message }, "document queue unavailable");
  }

  async close(): Promise<void> {
    if (this.sweep) clearInterval(this.sweep);
    this.sweep = null;
    await this.events.close();
    // A job that finished while the worker was closing is being delivered now: let it finish
    // (a send that fails because the adapter has stopped is kept in the outbox for the next start).
    await Promise.allSettled([...this.delivering]);
    await this.producer.close();
  }
}
