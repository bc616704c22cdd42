import path from "node:path";
import type { ConnectionOptions, Worker } from "bullmq";
import { Redis, type RedisOptions } from "ioredis";
import { createDocumentWorker } from "../documents/queue.ts";
import { ConversationEngine } from "../flows/engine/engine.ts";
import { RedisStateStore } from "../flows/engine/store.ts";
import { catalog } from "../flows/programs/index.ts";
import { KnowledgeBase } from "../knowledge/index.ts";
import { createChatModel } from "../knowledge/llm.ts";
import type { Clock } from "../shared/clock.ts";
import type { Config } from "../shared/config.ts";
import type { Logger } from "../shared/log.ts";
import { startPrivateRedis, type PrivateRedis } from "../shared/redis-server.ts";
import type { ChannelAdapter, InboundHandler } from "../bots/port.ts";
import { DocumentDelivery } from "./document-delivery.ts";
import { Metrics } from "./metrics.ts";
import { knowledgePort } from "./knowledge-port.ts";
import { Outbox } from "./outbox.ts";
import { routeInbound } from "./route-inbound.ts";
import { startStaff, type Staff } from "./staff/index.ts";
import { loadCorpus } from "../knowledge/corpus.ts";

export interface AppDeps {
  config: Config;
  clock: Clock;
  log: Logger;
}

/** Where Redis is: REDIS_URL, or a private redis-server keeping its data under DATA_DIR/redis. */
export async function connectRedis(config: Config, log: Logger): Promise<{ options: RedisOptions; server: PrivateRedis | null }> {
  if (config.REDIS_URL) return { options: redisOptionsFromUrl(config.REDIS_URL), server: null };
  const server = await startPrivateRedis(path.join(config.dataDir, "redis"), { onRestart: (why) => log.warn(why) });
  log.info({ where: server.where }, "using private redis-server");
  return { options: server.options, server };
}

/** `p`, or a rejection after `ms`. */
export function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** ioredis options from a redis:// URL (BullMQ wants options, not a URL). */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
    ...(u.protocol === "rediss:" ? { tls: {} } : {}),
  };
}

export interface App {
  engine: ConversationEngine;
  store: RedisStateStore;
  redis: Redis;
  redisOptions: RedisOptions;
  kb: KnowledgeBase;
  documents: DocumentDelivery;
  outbox: Outbox;
  worker: Worker | null;
  metrics: Metrics;
  /** The private redis-server, when REDIS_URL is unset. */
  redisServer: PrivateRedis | null;
  /** Redis answers (within 1 s). */
  redisReady(): Promise<boolean>;
  /** Bureau staff: broadcasts, deadline reminders, staff commands (src/app/staff). */
  staff: Staff;
  /** What every adapter's inbound messages go to: pending deliveries for that chat first, then the engine. */
  handle: InboundHandler;
  /**
   * Stop the adapters (in-flight messages finish), then the worker (its jobs finish), the
   * queue listeners and Redis, each within `timeoutMs` (a worker still busy then is closed by
   * force: its job is recovered as stalled by another worker or the next start).
   */
  close(timeoutMs?: number): Promise<void>;
}

export interface AppOptions {
  redis?: RedisOptions;
  /** The private redis-server behind `redis` (from connectRedis), which the app then rewrites and stops. */
  redisServer?: PrivateRedis | null;
  kb?: KnowledgeBase;
  /** The chat channels this process serves, one per channel; each is registered with the outbox and started. */
  adapters: ChannelAdapter[];
}

/**
 * The composition root: knowledge base, state store, engine, outbox, document queue (and
 * worker), wired from config; then the adapters are started and receive messages.
 */
export async function createApp(deps: AppDeps, opts: AppOptions): Promise<App> {
  const { config, clock, log } = deps;
  const conn = opts.redis !== undefined ? { options: opts.redis, server: opts.redisServer ?? null } : await connectRedis(config, log);
  // Fail fast while Redis is down: a message gets 「系统繁忙」 in well under a second instead of waiting.
  const redis = new Redis({ ...conn.options, maxRetriesPerRequest: 2, connectTimeout: 2000, enableAutoPipelining: true });
  let lastRedisError = 0;
  redis.on("error", (err) => {
    if (Date.now() - lastRedisError < 10_000) return;
    lastRedisError = Date.now();
    log.warn({ err: err.message }, "redis connection error");
  });
  const store = new RedisStateStore(redis, log, { prefix: config.REDIS_PREFIX, ttlSeconds: config.DRAFT_RETENTION_DAYS * 24 * 3600 });
  const chatModel = createChatModel(config);
  const kb = opts.kb ?? (await KnowledgeBase.open({ config, clock, log, ...(chatModel ? { chatModel } : {}) }));
  const queuePrefix = `${config.REDIS_PREFIX}q`;
  // BullMQ opens its own connections from plain options (its RedisOptions type is its own).
  const connection = { ...conn.options } as ConnectionOptions;
  const outbox = new Outbox({ redis, prefix: config.REDIS_PREFIX, log, ttlSeconds: config.DRAFT_RETENTION_DAYS * 24 * 3600 });
  for (const adapter of opts.adapters) outbox.register(adapter);
  let documents: DocumentDelivery | null = null;
  const engine = new ConversationEngine({
    store,
    clock,
    log,
    catalog,
    knowledge: knowledgePort(kb, log, clock),
    documents: { enqueue: (r) => documents!.enqueue(r) },
    historyAfterYears: config.NOTICE_HISTORY_YEARS,
    onDeleteUser: async (user, address) => {
      await documents!.forgetUser(user);
      await outbox.forget(address);
      for (const adapter of opts.adapters) await adapter.forget?.(address);
      // The append-only file still holds what was deleted until it is rewritten.
      await conn.server?.rewriteAof().catch((err: unknown) => log.warn({ err: (err as Error).message }, "AOF rewrite failed"));
    },
  });
  const metrics = new Metrics(() => documents!.queue.getJobCounts("waiting", "active", "delayed", "failed"));
  documents = new DocumentDelivery(
    { connection, prefix: queuePrefix, log, documentsDir: config.documentsDir, onOutcome: (kind) => metrics.documents.inc({ outcome: kind === "done" ? "made" : "failed" }) },
    engine,
    outbox,
  );
  await documents.ready();
  const worker =
    config.IN_PROCESS_WORKER === "on"
      ? createDocumentWorker(
          { connection, prefix: queuePrefix, outDir: config.documentsDir, log, clock, pdf: config.DOCUMENT_PDF === "on" },
          { concurrency: config.WORKER_CONCURRENCY },
        )
      : null;
  const docs = documents;
  // --- bureau staff (issue 14): broadcasts, reminders, staff commands ---
  const staff = await startStaff({ config, clock, log, redis, connection, queuePrefix, store, catalog, notices: async () => (await loadCorpus(config.corpusDir)).map((n) => n.meta), outbox, kb,
    fetchFile: (to, ref, maxBytes) => {
      const adapter = opts.adapters.find((a) => a.channel === to.channel && a.fetchFile);
      if (!adapter) return Promise.reject(new Error(`no file download on ${to.channel}`));
      return adapter.fetchFile!(to, ref, maxBytes);
    },
  });
  const handle = routeInbound(engine, outbox, log, metrics, staff.intercept);
  await outbox.start();
  await docs.catchUp().catch((err: unknown) => log.warn({ err: (err as Error).message }, "document catch-up failed"));
  for (const adapter of opts.adapters) await adapter.start(handle);
  return {
    engine,
    store,
    redis,
    redisOptions: conn.options,
    kb,
    documents: docs,
    outbox,
    worker,
    metrics,
    redisServer: conn.server,
    redisReady: async () => (await within(redis.ping(), 1000).catch(() => null)) === "PONG",
    staff,
    handle,
    close: async (timeoutMs = config.SHUTDOWN_TIMEOUT_MS) => {
      const quiet = (what: string) => (err: unknown) => log.warn({ err: (err as Error).message }, `${what} did not stop cleanly`);
      await within(Promise.all(opts.adapters.map((a) => a.stop())), timeoutMs).catch(quiet("adapters"));
      await within(staff.close(), timeoutMs).catch(quiet("staff"));
      if (worker) await within(worker.close(), timeoutMs).catch(async (err: unknown) => {
        quiet("worker")(err);
        await within(worker.close(true), 2000).catch(quiet("worker (forced)"));
      });
      await within(docs.close(), Math.min(timeoutMs, 5000)).catch(quiet("queue listeners"));
      await within(outbox.close(), 2000).catch(quiet("outbox"));
      redis.disconnect();
      await conn.server?.stop(timeoutMs).catch(quiet("redis-server"));
    },
  };
}
