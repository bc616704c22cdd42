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
import { DocumentDelivery, type Deliver } from "./document-delivery.ts";
import { knowledgePort } from "./knowledge-port.ts";

export interface AppDeps {
  config: Config;
  clock: Clock;
  log: Logger;
}

/** Where Redis is: REDIS_URL, or a private redis-server keeping its data under DATA_DIR/redis. */
export async function connectRedis(config: Config, log: Logger): Promise<{ options: RedisOptions; server: PrivateRedis | null }> {
  if (config.REDIS_URL) return { options: redisOptionsFromUrl(config.REDIS_URL), server: null };
  const server = await startPrivateRedis(path.join(config.dataDir, "redis"));
  log.info({ where: server.where }, "using private redis-server");
  return { options: server.options, server };
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
  worker: Worker | null;
  close(): Promise<void>;
}

export interface AppOptions {
  redis?: RedisOptions;
  kb?: KnowledgeBase;
  /** How finished documents reach chats served by this process. */
  deliver: Deliver;
}

/** The composition root: knowledge base, state store, engine, document queue (and worker), wired from config. */
export async function createApp(deps: AppDeps, opts: AppOptions): Promise<App> {
  const { config, clock, log } = deps;
  const conn = opts.redis !== undefined ? { options: opts.redis, server: null } : await connectRedis(config, log);
  const redis = new Redis({ ...conn.options, maxRetriesPerRequest: 20 });
  redis.on("error", (err) => log.warn({ err: err.message }, "redis connection error"));
  const store = new RedisStateStore(redis, log, { prefix: config.REDIS_PREFIX, ttlSeconds: config.DRAFT_RETENTION_DAYS * 24 * 3600 });
  const chatModel = createChatModel(config);
  const kb = opts.kb ?? (await KnowledgeBase.open({ config, clock, log, ...(chatModel ? { chatModel } : {}) }));
  const queuePrefix = `${config.REDIS_PREFIX}q`;
  // BullMQ opens its own connections from plain options (its RedisOptions type is its own).
  const connection = { ...conn.options } as ConnectionOptions;
  let documents: DocumentDelivery | null = null;
  const engine = new ConversationEngine({
    store,
    clock,
    log,
    catalog,
    knowledge: knowledgePort(kb, log),
    documents: { enqueue: (r) => documents!.enqueue(r) },
    historyAfterYears: config.NOTICE_HISTORY_YEARS,
  });
  documents = new DocumentDelivery({ connection, prefix: queuePrefix, log }, engine, opts.deliver);
  await documents.ready();
  const worker =
    config.IN_PROCESS_WORKER === "on"
      ? createDocumentWorker(
          { connection, prefix: queuePrefix, outDir: config.documentsDir, log, clock, pdf: config.DOCUMENT_PDF === "on" },
          { concurrency: config.WORKER_CONCURRENCY },
        )
      : null;
  const docs = documents;
  return {
    engine,
    store,
    redis,
    redisOptions: conn.options,
    kb,
    documents: docs,
    worker,
    close: async () => {
      await worker?.close();
      await docs.close();
      redis.disconnect();
      await conn.server?.stop();
    },
  };
}
