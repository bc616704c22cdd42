import { Queue, Worker, type ConnectionOptions, type Job } from "bullmq";
import { entryOf, type Catalog } from "../../flows/engine/catalog.ts";
import type { NoticeMeta } from "../../knowledge/notice-meta.ts";
import { isoDayInChina, type Clock } from "../../shared/clock.ts";
import type { Logger } from "../../shared/log.ts";
import type { Audiences } from "./audience.ts";
import type { Broadcasts, Recipient } from "./broadcast.ts";
import { staffTexts as t } from "./texts.ts";

export const REMINDERS_QUEUE = "reminders";
const DAY = 86_400_000;

export interface ReminderOptions {
  connection: ConnectionOptions;
  queuePrefix: string;
  clock: Clock;
  log: Logger;
  /** Days before each deadline (REMINDER_OFFSETS_DAYS). */
  offsetsDays: readonly number[];
  /** Hour of the day, China time (REMINDER_HOUR). */
  hour: number;
  catalog: Catalog;
  /** The corpus as it is now on disk (an ingest in another process shows up). */
  notices: () => Promise<NoticeMeta[]>;
  audiences: Audiences;
  broadcasts: Broadcasts;
}

interface ReminderJob {
  docId: string;
  date: string;
  offset: number;
}

export interface ReminderSync {
  /** Reminders scheduled (still ahead) over all notices. */
  scheduled: number;
  /** Scheduled jobs removed (their deadline gone or moved). */
  removed: number;
  /** Reminders scheduled per notice (docId → count), for notices with any ahead. */
  byDoc: Record<string, number>;
}

/** Deterministic: one job per notice, deadline and offset, so scheduling again adds nothing. */
export function reminderJobId(j: ReminderJob): string {
  return `rem.${j.docId}.${j.date}.${j.offset}`;
}

/** When the reminder `offset` days before `date` goes out: that day at `hour` in China (UTC+8). */
export function fireTime(date: string, offset: number, hour: number): number {
  return Date.parse(`${date}T${String(hour).padStart(2, "0")}:00:00+08:00`) - offset * DAY;
}

/**
 * Deadline reminders as BullMQ delayed jobs: `sync` computes, from every notice's deadlines,
 * one job per deadline and offset whose time is still ahead (by the injected clock), adds the
 * missing ones and removes scheduled ones whose deadline is gone or changed. When one fires,
 * it checks the deadline again and fans out as a broadcast whose id is the job id, so a
 * reminder reaches each chat once however often it is scheduled or run.
 */
export class Reminders {
  readonly queue: Queue<ReminderJob>;
  private worker: Worker<ReminderJob> | null = null;
  private syncing: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: ReminderOptions) {
    this.queue = new Queue<ReminderJob>(REMINDERS_QUEUE, { connection: opts.connection, prefix: opts.queuePrefix });
    this.queue.on("error", (err) => opts.log.warn({ err: err.message }, "reminder queue error"));
  }

  /** Schedule from the corpus (at start, and when a notice is ingested or its deadlines change). Returns how many are scheduled. */
  async sync(given?: NoticeMeta[]): Promise<ReminderSync> {
    // One at a time in this process (a resync on a corpus change can meet the periodic one).
    const next = this.syncing.then(() => this.syncNow(given));
    this.syncing = next.catch(() => undefined);
    return next;
  }

  private async syncNow(given?: NoticeMeta[]): Promise<ReminderSync> {
    const { clock, offsetsDays, hour } = this.opts;
    const notices = given ?? (await this.opts.notices());
    const now = clock.now().getTime();
    const wanted = new Map<string, { job: ReminderJob; at: number }>();
    const byDoc: Record<string, number> = {};
    for (const n of notices) {
      if (!n.takesApplications) continue;
      for (const d of n.deadlines) {
        for (const offset of offsetsDays) {
          const at = fireTime(d.date, offset, hour);
          if (at <= now) continue; // never for a passed time: a late reminder is noise
          const job = { docId: n.docId, date: d.date, offset };
          wanted.set(reminderJobId(job), { job, at });
          byDoc[n.docId] = (byDoc[n.docId] ?? 0) + 1;
        }
      }
    }
    let removed = 0;
    for (const j of await this.queue.getDelayed()) {
      if (j.id && !wanted.has(j.id)) {
        await j.remove();
        removed++;
      }
    }
    for (const [id, { job, at }] of wanted) {
      const existing = await this.queue.getJob(id);
      if (existing) {
        const state = await existing.getState();
        if (state === "delayed" || state === "active" || state === "completed") continue;
        await existing.remove();
      }
      await this.queue.add("remind", job, { jobId: id, delay: Math.max(0, at - now), removeOnComplete: { age: 400 * 24 * 3600 }, removeOnFail: { age: 30 * 24 * 3600 }, attempts: 3, backoff: { type: "exponential", delay: 5000 } });
    }
    this.opts.log.info({ scheduled: wanted.size, removed }, "deadline reminders scheduled");
    return { scheduled: wanted.size, removed, byDoc };
  }

  /** Reminders now scheduled (delayed) for one notice. */
  async countFor(docId: string): Promise<number> {
    return (await this.queue.getDelayed()).filter((j) => j.id?.startsWith(`rem.${docId}.`)).length;
  }

  startWorker(): Worker<ReminderJob> {
    this.worker = new Worker<ReminderJob>(REMINDERS_QUEUE, (job) => this.fire(job), { connection: this.opts.connection, prefix: this.opts.queuePrefix, concurrency: 1 });
    this.worker.on("error", (err) => this.opts.log.warn({ err: err.message }, "reminder worker error"));
    return this.worker;
  }

  /** One reminder: skipped if the deadline is gone or passed; else a broadcast to its audience. */
  async fire(job: Job<ReminderJob>): Promise<string> {
    const { docId, date, offset } = job.data;
    const { clock, catalog, log } = this.opts;
    const notice = (await this.opts.notices()).find((n) => n.docId === docId);
    const deadline = notice?.deadlines.find((d) => d.date === date);
    if (!notice || !deadline) return "gone";
    const today = isoDayInChina(clock.now());
    if (date < today) return "passed";
    const programIds = catalog.programs.filter((p) => p.noticeId === docId).map((p) => p.id);
    const reached = await this.opts.audiences.forReminder(programIds);
    const days = Math.max(0, Math.round((Date.parse(date) - Date.parse(today)) / DAY));
    const head = t.reminder.body(notice.title, notice.docNumber, date, days, deadline.what);
    const recipients: Recipient[] = reached.map((r) => ({
      channel: r.channel,
      chatId: r.chatId,
      text: head + r.drafts.map((d) => t.reminder.draft(entryOf(catalog, d.programId)?.flow.formTitle ?? d.programId, d.remaining)).join("") + t.footer,
    }));
    const id = reminderJobId({ docId, date, offset });
    await this.opts.broadcasts.start({ id, text: head, audience: `reminder ${docId} ${date} -${offset}d`, kind: "reminder", createdAt: Date.now() }, recipients);
    log.info({ docId, offset, recipients: recipients.length }, "deadline reminder sent to the broadcast queue");
    return "sent";
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}
