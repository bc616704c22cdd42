import path from "node:path";
import { Redis } from "ioredis";
import type { Config } from "../../shared/config.ts";
import type { Logger } from "../../shared/log.ts";
import { startPrivateRedis } from "../../shared/redis-server.ts";
import { TelegramAdapter } from "./adapter.ts";

export { TelegramAdapter, type TelegramAdapterOptions } from "./adapter.ts";
export { ChatInactiveError, TelegramStartError } from "./errors.ts";

export interface TelegramDeps {
  log: Logger;
  /** The app's Redis; absent: the adapter connects as the app does (REDIS_URL, or the private server under DATA_DIR/redis). */
  redis?: Redis;
}

/** The Telegram adapter from configuration (TELEGRAM_*); the service calls it when TELEGRAM_BOT_TOKEN is set. */
export function createTelegramAdapter(config: Config, deps: TelegramDeps): TelegramAdapter {
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error("TELEGRAM_BOT_TOKEN is not set");
  const webhook = config.TELEGRAM_MODE === "webhook" && config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET
    ? { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET }
    : undefined;
  return new TelegramAdapter({
    token,
    apiRoot: config.TELEGRAM_API_ROOT,
    mode: config.TELEGRAM_MODE,
    ...(webhook ? { webhook } : {}),
    log: deps.log.child({ channel: "telegram" }),
    redis: deps.redis ?? (() => connect(config)),
    prefix: config.REDIS_PREFIX,
    ttlSeconds: config.DRAFT_RETENTION_DAYS * 24 * 3600,
  });
}

/** Its own connection; the private redis-server is the app's (already running when adapters start), reused. */
async function connect(config: Config): Promise<{ redis: Redis; close(): Promise<void> }> {
  if (config.REDIS_URL) {
    const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 20 });
    return { redis, close: async () => void redis.disconnect() };
  }
  const server = await startPrivateRedis(path.join(config.dataDir, "redis"));
  const redis = new Redis({ ...server.options, maxRetriesPerRequest: 20 });
  return {
    redis,
    close: async () => {
      redis.disconnect();
      await server.stop();
    },
  };
}
