/**
 * `npm start` with Feishu credentials: the service process (web chat on a free port) connects
 * the Feishu long connection to the local open platform, answers a user's message there, and
 * a SIGTERM stops it cleanly.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeishuPlatform, messageEvent } from "../support/feishu-platform.ts";
import { APP_ID, APP_SECRET } from "../support/feishu-rig.ts";
import { TestRedis } from "../support/redis.ts";
import { ServiceProcess, serviceEnv } from "../support/service-process.ts";

let redis: TestRedis;
beforeAll(async () => {
  redis = await TestRedis.start();
});
afterAll(async () => {
  await redis?.destroy();
});

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("npm start with FEISHU_APP_ID and FEISHU_APP_SECRET", () => {
  it("connects the long connection next to the web chat, answers there, and stops on SIGTERM", async () => {
    const platform = await FeishuPlatform.start(APP_ID, APP_SECRET);
    const data = await fs.mkdtemp(path.join(os.tmpdir(), "shenbao-feishu-start-"));
    const service = await ServiceProcess.start(serviceEnv(data, {
      FEISHU_APP_ID: APP_ID,
      FEISHU_APP_SECRET: APP_SECRET,
      FEISHU_DOMAIN: platform.url,
      FEISHU_MODE: "ws",
      REDIS_URL: redis.url,
      REDIS_PREFIX: "fsstart",
    }));
    try {
      await until(() => platform.connections > 0, 120_000, "the long connection");
      await platform.pushEvent(messageEvent({ token: "", appId: APP_ID, chatId: "oc_start", userId: "ou_start", text: "帮助" }));
      await until(() => platform.calls.some((c) => c.method.includes("create") || c.method.includes("reply")), 60_000, "a reply");
      expect(JSON.stringify(platform.calls)).toContain("oc_start");
    } finally {
      const code = await service.stop();
      await platform.close();
      await fs.rm(data, { recursive: true, force: true });
      expect(code, service.stderr).toBe(0);
    }
  }, 240_000);
});
