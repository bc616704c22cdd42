import path from "node:path";
import type { ConnectionOptions } from "bullmq";
import type { Redis } from "ioredis";
import type { Catalog } from "../../flows/engine/catalog.ts";
import type { InboundMessage } from "../../flows/engine/messages.ts";
import type { Send } from "../../flows/engine/engine.ts";
import type { RedisStateStore } from "../../flows/engine/store.ts";
import type { NoticeMeta } from "../../knowledge/notice-meta.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Config } from "../../shared/config.ts";
import type { Logger } from "../../shared/log.ts";
import type { Outbox } from "../outbox.ts";
import type { Address } from "../../bots/port.ts";
import { Audiences } from "./audience.ts";
import { Broadcasts, type BroadcastWorkers, type ChannelLimit } from "./broadcast.ts";
import { StaffDesk } from "./desk.ts";
import { watchCorpus, type CorpusWatch } from "./corpus-watch.ts";
import { NoticeIntake, type IntakeKnowledge } from "./intake.ts";
import { Reminders } from "./reminders.ts";

export { Audiences, Broadcasts, StaffDesk, Reminders };
export { watchCorpus, publishCorpusChanged, corpusChannel } from "./corpus-watch.ts";
export { NoticeIntake, noticeCorrectionsSchema, type StagedNotice, type NoticeCorrections, type IntakeKnowledge } from "./intake.ts";

const RESYNC_MS = 10 * 60_000;

export interface StaffDeps {
  config: Config;
  clock: Clock;
  log: Logger;
  redis: Redis;
  connection: ConnectionOptions;
  queuePrefix: string;
  store: RedisStateStore;
  catalog: Catalog;
  /** The corpus as it is now on disk (an ingest in another process shows up). */
  notices: () => Promise<NoticeMeta[]>;
  outbox: Outbox;
  /** The knowledge base notices are staged against and ingested into (staff uploads); `refresh` reloads it after another process's ingest. */
  kb: IntakeKnowledge & { refresh?: () => Promise<boolean> };
  /** Downloads a file a user sent, through the adapter of its channel (staff uploads in chat). */
  fetchFile?: (to: Address, ref: string, maxBytes: number) => Promise<Buffer>;
  /** Staged uploads live here; default `<DATA_DIR>/intake`. */
  intakeDir?: string;
  /** Debounce of corpus-change notices (fs.watch, pub/sub) before the reminders are recomputed. */
  corpusDebounceMs?: number;
}

export interface Staff {
  desk: StaffDesk;
  broadcasts: Broadcasts;
  reminders: Reminders;
  audiences: Audiences;
  /** Staged notice uploads (chat and console): confirm ingests and reschedules the reminders at once. */
  intake: NoticeIntake;
  /** Recompute the deadline reminders from the corpus now. */
  resyncReminders(): Promise<void>;
  /** Staff commands and topic subscriptions first; true when handled (the engine is skipped). */
  intercept(message: InboundMessage, send: Send): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Bureau staff: broadcasts (workers for the channels this process serves, sending through
 * the outbox), deadline reminders (scheduled from the corpus, one worker), the staff desk.
 */
export async function startStaff(d: StaffDeps): Promise<Staff> {
  const { config } = d;
  const limits = Object.fromEntries(
    (["telegram", "feishu", "web", "console"] as const).map((c) => [c, { perSecond: config.BROADCAST_RATES[c], chatIntervalMs: config.BROADCAST_CHAT_INTERVAL_MS[c], groupPerWindow: config.BROADCAST_GROUP_PER_MINUTE[c], groupWindowMs: 60_000 }]),
  ) as Record<"telegram" | "feishu" | "web" | "console", ChannelLimit>;
  const broadcasts = new Broadcasts({ redis: d.redis, connection: d.connection, prefix: config.REDIS_PREFIX, queuePrefix: d.queuePrefix, log: d.log, limits });
  const audiences = new Audiences(d.redis, d.store, d.catalog, broadcasts.inactiveKey);
  const reminders = new Reminders({
    connection: d.connection,
    queuePrefix: d.queuePrefix,
    clock: d.clock,
    log: d.log,
    offsetsDays: config.REMINDER_OFFSETS_DAYS,
    hour: config.REMINDER_HOUR,
    catalog: d.catalog,
    notices: d.notices,
    audiences,
    broadcasts,
  });
  // Recomputed at start, at once after a staff upload is confirmed, promptly after any other
  // corpus change (`npm run ingest` publishes on Redis; fs.watch on corpus/notices) and every
  // RESYNC_MS as a safety net.
  const resync = () =>
    reminders.sync().then(
      () => undefined,
      (err: unknown) => d.log.warn({ err: (err as Error).message }, "reminder scheduling failed"),
    );
  const intake = new NoticeIntake({
    kb: d.kb,
    redis: d.redis,
    prefix: config.REDIS_PREFIX,
    dir: d.intakeDir ?? path.join(config.dataDir, "intake"),
    clock: d.clock,
    log: d.log,
    onIngested: async () => {
      await reminders.sync();
    },
  });
  const desk = new StaffDesk({ redis: d.redis, store: d.store, catalog: d.catalog, clock: d.clock, log: d.log, staff: config.STAFF_USERS, staffChats: config.STAFF_CHATS, notices: d.notices, audiences, broadcasts, intake, reminders, fetchFile: d.fetchFile });
  let workers: BroadcastWorkers | null = null;
  if (config.IN_PROCESS_WORKER === "on") {
    workers = broadcasts.createWorkers({ channels: d.outbox.channels, concurrency: config.BROADCAST_CONCURRENCY, inDoubt: config.BROADCAST_IN_DOUBT, deliver: (to, m) => d.outbox.send(to, m) });
    reminders.startWorker();
  }
  await resync();
  const onCorpusChange = async () => {
    // Q&A sees the new notice too (the index another process saved), then the reminders.
    await d.kb.refresh?.().catch((err: unknown) => d.log.warn({ err: (err as Error).message }, "knowledge base refresh failed"));
    await resync();
  };
  const watch: CorpusWatch = watchCorpus({ corpusDir: config.corpusDir, redis: d.redis, prefix: config.REDIS_PREFIX, log: d.log, debounceMs: d.corpusDebounceMs, onChange: onCorpusChange });
  await watch.ready.catch(() => undefined);
  const timer = setInterval(() => void resync(), RESYNC_MS);
  timer.unref();
  return {
    desk,
    broadcasts,
    reminders,
    audiences,
    intake,
    resyncReminders: resync,
    intercept: (m, send) => desk.handle(m, send),
    close: async () => {
      clearInterval(timer);
      await watch.close();
      await workers?.close();
      await reminders.close();
      await broadcasts.close();
    },
  };
}
