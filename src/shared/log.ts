import { pino, type Logger } from "pino";

/**
 * Logs go to stderr so that CLI commands keep stdout for machine output.
 * Never log enterprise data (credit codes, phones): callers pass ids and counts only.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ level: LEVELS.includes(level) ? level : "info", base: undefined }, pino.destination(2));
}

export const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/**
 * For modules used before the configuration is read. An invalid LOG_LEVEL falls back to
 * "info" here; loadConfig reports it (exit 2) instead of pino throwing at import time.
 */
export const log: Logger = createLogger();
export type { Logger };
