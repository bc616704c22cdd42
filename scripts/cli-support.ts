import { clockFromEnv, type Clock } from "../src/shared/clock.ts";
import { ConfigError, loadConfig, type Config } from "../src/shared/config.ts";
import { createLogger, type Logger } from "../src/shared/log.ts";

export interface CliContext {
  config: Config;
  clock: Clock;
  log: Logger;
}

/** Config, clock and logger for a command; a bad environment exits 2 with the reason. */
export function cliContext(): CliContext {
  try {
    const config = loadConfig();
    return { config, clock: clockFromEnv(config.SHENBAO_TODAY), log: createLogger(config.LOG_LEVEL) };
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
}

export function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

export async function readStdinLines(onLine: (line: string, n: number) => Promise<void>): Promise<void> {
  const { createInterface } = await import("node:readline");
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) await onLine(line, ++n);
}

export function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
