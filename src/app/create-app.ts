import path from "node:path";
import { Redis, type RedisOptions } from "ioredis";
import { ConversationEngine, type DocumentPort } from "../flows/engine/engine.ts";
import { RedisStateStore } from "../flows/engine/store.ts";
import { catalog } from "../flows/programs/index.ts";
import { KnowledgeBase } from "../knowledge/index.ts";
import { createChatModel } from "../knowledge/llm.ts";
import type { Clock } from "../shared/clock.ts";
import type { Config } from "../shared/config.ts";
import type { Logger } from "../shared/log.ts";
import { startPrivateRedis, type PrivateRedis } from "../shared/redis-server.ts";
import { knowledgePort } from "./knowledge-port.ts";

export interface AppDeps {
  config: Config;
  clock: Clock;
  log: Logger;
}

/** Where Redis is: REDIS_URL, or a private redis-server keeping its data under DATA_DIR/redis. */
export async function connectRedis(config: Config, log: Logger): Promise<{ options: RedisOptions | string; server: PrivateRedis | null }> {
  if (config.REDIS_URL) return { options: config.REDIS_URL, server: null };
  const server = await startPrivateRedis(path.join(config.dataDir, "redis"));
  log.info({ where: server.where }, "using private redis-server");
  return { options: server.options, server };
}

export function redisClient(options: RedisOptions | string, extra: RedisOptions = {}): Redis {
  return typeof options === "string" ? new Redis(options, extra) : new Redis({ ...options, ...extra });
}

export interface App {
  engine: ConversationEngine;
  store: RedisStateStore;
  redis: Redis;
  redisOptions: RedisOptions | string;
  kb: KnowledgeBase;
  close(): Promise<void>;
}

/** The composition root: knowledge base, state store and engine, wired from config. */
export async function createApp(deps: AppDeps, opts: { redis?: RedisOptions | string; documents?: DocumentPort; kb?: KnowledgeBase } = {}): Promise<App> {
  const { config, clock, log } = deps;
  const conn = opts.redis !== undefined ? { options: opts.redis, server: null } : await connectRedis(config, log);
  const redis = redisClient(conn.options);
  const store = new RedisStateStore(redis, log, { prefix: config.REDIS_PREFIX, ttlSeconds: config.DRAFT_RETENTION_DAYS * 24 * 3600 });
  const chatModel = createChatModel(config);
  const kb = opts.kb ?? (await KnowledgeBase.open({ config, clock, log, ...(chatModel ? { chatModel } : {}) }));
  const engine = new ConversationEngine({
    store,
    clock,
    log,
    catalog,
    knowledge: knowledgePort(kb, log),
    ...(opts.documents ? { documents: opts.documents } : {}),
  });
  return {
    engine,
    store,
    redis,
    redisOptions: conn.options,
    kb,
    close: async () => {
      redis.disconnect();
      await conn.server?.stop();
    },
  };
}
