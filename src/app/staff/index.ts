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
import { Audiences } from "./audience.ts";
import { Broadcasts, type BroadcastWorkers } from "./broadcast.ts";
import { StaffDesk } from "./desk.ts";
import { Reminders } from "./reminders.ts";

export { Audiences, Broadcasts, StaffDesk, Reminders };
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
}

export interface Staff {
  desk: StaffDesk;
  broadcasts: Broadcasts;
  reminders: Reminders;
  audiences: Audiences;
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
    (["telegram", "feishu", "web", "console"] as const).map((c) => [c, { perSecond: config.BROADCAST_RATES[c], chatIntervalMs: config.BROADCAST_CHAT_INTERVAL_MS[c] }]),
  ) as Record<"telegram" | "feishu" | "web" | "console", { perSecond: number; chatIntervalMs: number }>;
  const broadcasts = new Broadcasts({ redis: d.redis, connection: d.connection, prefix: config.REDIS_PREFIX, queuePrefix: d.queuePrefix, log: d.log, limits });
  const audiences = new Audiences(d.redis, d.store, d.catalog, broadcasts.inactiveKey);
  const desk = new StaffDesk({ redis: d.redis, store: d.store, catalog: d.catalog, clock: d.clock, log: d.log, staff: config.STAFF_USERS, notices: d.notices, audiences, broadcasts });
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
  let workers: BroadcastWorkers | null = null;
  if (config.IN_PROCESS_WORKER === "on") {
    workers = broadcasts.createWorkers({ channels: d.outbox.channels, concurrency: config.BROADCAST_CONCURRENCY, inDoubt: config.BROADCAST_IN_DOUBT, deliver: (to, m) => d.outbox.send(to, m) });
    reminders.startWorker();
  }
  // Recomputed at start and every RESYNC_MS from the corpus on disk: a notice ingested (or its
  // deadlines corrected) by `npm run ingest` in another process is scheduled without a restart.
  const resync = () => reminders.sync().catch((err: unknown) => d.log.warn({ err: (err as Error).message }, "reminder scheduling failed"));
  await resync();
  const timer = setInterval(() => void resync(), RESYNC_MS);
  timer.unref();
  return {
    desk,
    broadcasts,
    reminders,
    audiences,
    intercept: (m, send) => desk.handle(m, send),
    close: async () => {
      clearInterval(timer);
      await workers?.close();
      await reminders.close();
      await broadcasts.close();
    },
  };
}
