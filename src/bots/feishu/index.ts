import type { Redis, RedisOptions } from "ioredis";
import type { Config } from "../../shared/config.ts";
import type { Logger } from "../../shared/log.ts";
import { FeishuAdapter } from "./feishu-adapter.ts";

export { FeishuAdapter, type FeishuAdapterOptions } from "./feishu-adapter.ts";
export { WEBHOOK_PATHS } from "./webhook.ts";
export { FeishuApiError, FeishuRateLimitedError } from "./errors.ts";

export type FeishuConfig = Pick<
  Config,
  "FEISHU_APP_ID" | "FEISHU_APP_SECRET" | "FEISHU_DOMAIN" | "FEISHU_MODE" | "FEISHU_ENCRYPT_KEY" | "FEISHU_VERIFICATION_TOKEN" | "REDIS_PREFIX"
>;

export interface FeishuDeps {
  log: Logger;
  /** The service's Redis (options: the adapter opens its own connection). */
  redis: Redis | RedisOptions;
}

/** The Feishu adapter from configuration; call it when FEISHU_APP_ID and FEISHU_APP_SECRET are set. */
export function createFeishuAdapter(config: FeishuConfig, deps: FeishuDeps): FeishuAdapter {
  if (!config.FEISHU_APP_ID || !config.FEISHU_APP_SECRET) throw new Error("createFeishuAdapter needs FEISHU_APP_ID and FEISHU_APP_SECRET");
  return new FeishuAdapter({
    appId: config.FEISHU_APP_ID,
    appSecret: config.FEISHU_APP_SECRET,
    domain: config.FEISHU_DOMAIN,
    mode: config.FEISHU_MODE,
    ...(config.FEISHU_ENCRYPT_KEY ? { encryptKey: config.FEISHU_ENCRYPT_KEY } : {}),
    ...(config.FEISHU_VERIFICATION_TOKEN ? { verificationToken: config.FEISHU_VERIFICATION_TOKEN } : {}),
    redis: deps.redis,
    prefix: config.REDIS_PREFIX,
    log: deps.log.child({ channel: "feishu" }),
  });
}
