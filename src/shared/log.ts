import { pino, type Logger } from "pino";

/**
 * Logs go to stderr so that CLI commands keep stdout for machine output.
 * Never log enterprise data (credit codes, phones): callers pass ids and counts only.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}

export const log: Logger = createLogger();
export type { Logger };
