import type { ChannelAdapter } from "./bots/port.ts";
import { connectRedis } from "./app/create-app.ts";
import { runChat } from "./bots/console/run-chat.ts";
import { createFeishuAdapter } from "./bots/feishu/index.ts";
import { createTelegramAdapter } from "./bots/telegram/index.ts";
import { clockFromEnv } from "./shared/clock.ts";
import { ConfigError, loadConfig } from "./shared/config.ts";
import { createLogger } from "./shared/log.ts";

/**
 * `npm start`: the service on one machine, no bot token needed: the conversation engine,
 * an in-process document worker (IN_PROCESS_WORKER=on) and the local chat on this terminal
 * as user "cli-user"; with TELEGRAM_BOT_TOKEN set, the Telegram bot too. Feishu attaches here as it lands.
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
// Chat adapters served by this process next to the terminal chat, when their credentials are set
// (one Redis for all of them).
const wantsRedis = Boolean((config.FEISHU_APP_ID && config.FEISHU_APP_SECRET) || config.TELEGRAM_BOT_TOKEN);
const shared = wantsRedis ? await connectRedis(config, log) : null;
const adapters: ChannelAdapter[] = [];
if (shared && config.FEISHU_APP_ID && config.FEISHU_APP_SECRET) {
  adapters.push(createFeishuAdapter(config, { log, redis: shared.options }));
  if (config.FEISHU_MODE === "webhook") log.warn("FEISHU_MODE=webhook: the routes are served by the web service; this terminal process receives nothing from Feishu");
}
if (config.TELEGRAM_BOT_TOKEN) adapters.push(createTelegramAdapter(config, { log }));
await runChat(
  { config, clock: clockFromEnv(config.SHENBAO_TODAY), log },
  { userId: process.env.CHAT_USER ?? "cli-user", jsonl: false, adapters, ...(shared ? { redis: shared.options } : {}) },
);
await shared?.server?.stop();
process.stdout.write("\n再见！\n");
