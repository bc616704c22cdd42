import { connectRedis } from "./app/create-app.ts";
import { runChat } from "./bots/console/run-chat.ts";
import { createFeishuAdapter } from "./bots/feishu/index.ts";
import { clockFromEnv } from "./shared/clock.ts";
import { ConfigError, loadConfig } from "./shared/config.ts";
import { createLogger } from "./shared/log.ts";

/**
 * `npm start`: the service on one machine, no bot token needed: the conversation engine,
 * an in-process document worker (IN_PROCESS_WORKER=on) and the local chat on this terminal
 * as user "cli-user". The Telegram and Feishu adapters attach here as they land.
 */
let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  throw err;
}
const log = createLogger(config.LOG_LEVEL);
// Feishu (issue 13): with FEISHU_APP_ID/FEISHU_APP_SECRET the bot is served by this process too (one Redis for both).
const feishu = config.FEISHU_APP_ID && config.FEISHU_APP_SECRET ? await connectRedis(config, log) : null;
const adapters = feishu ? [createFeishuAdapter(config, { log, redis: feishu.options })] : [];
if (feishu && config.FEISHU_MODE === "webhook") log.warn("FEISHU_MODE=webhook: the routes are served by the web service; this terminal process receives nothing from Feishu");
await runChat(
  { config, clock: clockFromEnv(config.SHENBAO_TODAY), log },
  { userId: process.env.CHAT_USER ?? "cli-user", jsonl: false, adapters, ...(feishu ? { redis: feishu.options } : {}) },
);
await feishu?.server?.stop();
process.stdout.write("\n再见！\n");
