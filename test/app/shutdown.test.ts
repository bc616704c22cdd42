import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alive, privateRedisPid, ServiceProcess } from "../support/service-process.ts";
import { serviceEnv } from "../support/service.ts";
import { fill, WebClient } from "../support/web-client.ts";

let dir: string;
let env: Record<string, string>;
const running: ServiceProcess[] = [];

beforeAll(async () => {
  // No REDIS_URL: the service starts (and must stop) its private redis-server.
  ({ dir, env } = await serviceEnv());
});
afterEach(async () => {
  for (const p of running.splice(0)) await p.stop("SIGKILL");
});
afterAll(async () => {
  const pid = await privateRedisPid(env.DATA_DIR!);
  if (pid) process.kill(pid, "SIGTERM");
  await fs.rm(dir, { recursive: true, force: true });
});

async function start(): Promise<ServiceProcess> {
  const p = await ServiceProcess.start(env);
  running.push(p);
  return p;
}

/** SIGTERM, then check that the service and its redis-server are gone. */
async function terminate(p: ServiceProcess): Promise<void> {
  const redisPid = await privateRedisPid(env.DATA_DIR!);
  expect(redisPid).toBeGreaterThan(0);
  expect(await p.stop("SIGTERM")).toBe(0);
  running.splice(running.indexOf(p), 1);
  for (let i = 0; i < 100 && alive(redisPid!); i++) await new Promise((r) => setTimeout(r, 50));
  expect(alive(redisPid!)).toBe(false);
  expect(p.stderr).not.toMatch(/\n\s+at /); // no stack traces
}

describe("graceful shutdown", () => {
  it("SIGTERM during a conversation: handled messages are kept, a refused one can be resent, nothing is left running", async () => {
    let p = await start();
    const c = new WebClient(p.url);
    await c.open();
    expect((await c.say("我想申报先进级智能工厂")).status).toBe(200);
    expect((await c.say("福州测试装备有限公司")).status).toBe(200);
    const inFlight = c.say("91350100MA2Y000010");
    const stopped = terminate(p);
    const res = await inFlight.catch(() => null);
    await stopped;

    p = await start();
    c.baseUrl = p.url;
    const users = (await c.history()).filter((e) => e.type === "user").map((e) => e.text);
    if (res?.status === 200) expect(users).toContain("91350100MA2Y000010");
    else {
      // Refused (503) or cut off: the page keeps the text and sends it again.
      expect([503, undefined]).toContain(res?.status);
      expect((await c.say("91350100MA2Y000010")).status).toBe(200);
    }
    const after = await c.history();
    expect(after.filter((e) => e.type === "user").map((e) => e.text)).toEqual(["我想申报先进级智能工厂", "福州测试装备有限公司", "91350100MA2Y000010"]);
    // Every message was answered, in order: the conversation goes on where it was.
    expect(after.at(-1)!.type).toBe("bot");
    await terminate(p);
  }, 120_000);

  it("SIGTERM during a document job: the job finishes or is recovered, and the file is delivered once", async () => {
    let p = await start();
    const c = new WebClient(p.url);
    await c.open();
    await c.say("我想申报先进级智能工厂");
    await fill(c, { path: path.join(env.DATA_DIR!, "redis", "redis.sock") }, env.REDIS_PREFIX!);
    expect((await c.lastBot()).text).toContain("确认提交");
    const confirm = c.press("确认提交");
    const stopped = terminate(p);
    await confirm.catch(() => null);
    await stopped;

    p = await start();
    c.baseUrl = p.url;
    if (!(await c.history()).some((e) => e.type === "user" && e.text === "确认提交")) await c.press("确认提交");
    let files: unknown[] = [];
    for (let i = 0; i < 400 && files.length === 0; i++) {
      files = (await c.history()).filter((e) => e.type === "bot" && e.file);
      if (files.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(files).toHaveLength(1);
    // A restart delivers nothing again.
    await terminate(p);
    p = await start();
    c.baseUrl = p.url;
    await c.say("我的草稿");
    expect((await c.history()).filter((e) => e.type === "bot" && e.file)).toHaveLength(1);
    await terminate(p);
  }, 180_000);
});
