import { createFeishuAdapter } from "./bots/feishu/index.ts";
import { createTelegramAdapter } from "./bots/telegram/index.ts";
import { startService } from "./app/service.ts";
import { clockFromEnv } from "./shared/clock.ts";
import { ConfigError, loadConfig } from "./shared/config.ts";
import { createLogger } from "./shared/log.ts";
import { RedisServerMissingError } from "./shared/redis-server.ts";

/**
 * `npm start`: the whole service on one machine, no bot token needed: Redis (REDIS_URL or a
 * private redis-server), the engine, an in-process document worker (IN_PROCESS_WORKER=on),
 * and the HTTP server with the web chat at http://HOST:PORT. Chat adapters whose credentials
 * are set (Telegram, Feishu) are added to `adapters` here. SIGINT/SIGTERM stop it gracefully.
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
// Chat adapters whose credentials are set run next to the web chat.
const adapters: import("./bots/port.ts").ChannelAdapter[] = [];
if (config.TELEGRAM_BOT_TOKEN) adapters.push(createTelegramAdapter(config, { log }));
const feishuConfigured = Boolean(config.FEISHU_APP_ID && config.FEISHU_APP_SECRET);
const makeAdapters = (redis: import("ioredis").RedisOptions) => (feishuConfigured ? [createFeishuAdapter(config, { log, redis })] : []);

// Signals are taken from the start: one that arrives while the service is still starting
// (a chat adapter may already be answering) stops it as soon as it is up.
// Ctrl+C reaches this process twice (from the terminal and relayed by tsx): a repeat within
// 2 s is the same request; a later one means "stop now".
let service: Awaited<ReturnType<typeof startService>> | null = null;
let stopRequested: NodeJS.Signals | null = null;
let firstSignalAt = 0;
const stop = (signal: NodeJS.Signals, running: NonNullable<typeof service>) => {
  log.info({ signal }, "shutting down");
  // Never hang: whatever is still running after the time limits is abandoned.
  setTimeout(() => {
    log.error("shutdown took too long; exiting");
    process.exit(1);
  }, config.SHUTDOWN_TIMEOUT_MS * 3 + 5000).unref();
  void running.stop().then(
    () => process.exit(0),
    (err: unknown) => {
      log.error({ err: (err as Error).message }, "shutdown failed");
      process.exit(1);
    },
  );
};
const onSignal = (signal: NodeJS.Signals) => {
  if (firstSignalAt > 0) {
    if (Date.now() - firstSignalAt < 2000) return;
    log.warn({ signal }, "second signal: exiting now");
    process.exit(1);
  }
  firstSignalAt = Date.now();
  if (service) stop(signal, service);
  else stopRequested = signal;
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

try {
  service = await startService({ config, clock: clockFromEnv(config.SHENBAO_TODAY), log }, { adapters, makeAdapters });
} catch (err) {
  if (err instanceof RedisServerMissingError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") {
    process.stderr.write(`${config.HOST}:${config.PORT} is in use: stop the other server or set PORT.\n`);
    process.exit(2);
  }
  throw err;
}
process.stderr.write(`申报助手 web chat: ${service.url}\n`);
if (stopRequested) stop(stopRequested, service);
