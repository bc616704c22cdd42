import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startService, type Service } from "../../src/app/service.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { loadConfig } from "../../src/shared/config.ts";
import { createLogger } from "../../src/shared/log.ts";

/** Environment for a test service: its own data dir, index and key prefix; an ephemeral port. */
export async function serviceEnv(extra: Record<string, string> = {}): Promise<{ env: Record<string, string>; dir: string }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "shenbao-svc-"));
  return {
    dir,
    env: {
      HOST: "127.0.0.1",
      PORT: "0",
      DATA_DIR: path.join(dir, "data"),
      DOCUMENTS_DIR: path.join(dir, "documents"),
      INDEX_DIR: path.join(dir, "index"),
      REDIS_PREFIX: `s${randomUUID().slice(0, 8)}`,
      LOG_LEVEL: "silent",
      SHENBAO_TODAY: "2026-11-22",
      SHUTDOWN_TIMEOUT_MS: "10000",
      ...extra,
    },
  };
}

/** The service in this process (as `npm start` runs it), on an ephemeral port. */
export async function inProcessService(env: Record<string, string>): Promise<Service> {
  const config = loadConfig(env);
  return startService({ config, clock: fixedClock(env.SHENBAO_TODAY ?? "2026-11-22"), log: createLogger(env.LOG_LEVEL ?? "silent") });
}
