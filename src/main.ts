import { runChat } from "./bots/console/run-chat.ts";
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
await runChat({ config, clock: clockFromEnv(config.SHENBAO_TODAY), log }, { userId: process.env.CHAT_USER ?? "cli-user", jsonl: false });
process.stdout.write("\n再见！\n");
