import fs from "node:fs/promises";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Service } from "../../src/app/service.ts";
import { userHash } from "../../src/documents/job.ts";
import { outcomesKey } from "../../src/documents/outcomes.ts";
import { createDocumentWorker } from "../../src/documents/queue.ts";
import { chatIdOf } from "../../src/bots/web/session.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { createLogger } from "../../src/shared/log.ts";
import { VALID_CREDIT_CODE } from "../engine/auto-answer.ts";
import { readDocx } from "../support/docx.ts";
import { TestRedis } from "../support/redis.ts";
import { privateRedisPid, alive, ServiceProcess } from "../support/service-process.ts";
import { inProcessService, serviceEnv } from "../support/service.ts";
import { fill, WebClient } from "../support/web-client.ts";

let redis: TestRedis;
const dirs: string[] = [];

beforeAll(async () => {
  redis = await TestRedis.start();
});
afterAll(async () => {
  await redis.destroy();
  for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
});

async function until<T>(fn: () => Promise<T | null | undefined | false>, tries = 600): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("condition not reached");
}

const files = async (c: WebClient) => (await c.history()).filter((e) => e.type === "bot" && e.file);

describe("faults", () => {
  it("a document finished while no chat process runs is delivered later, exactly once", async () => {
    const { env, dir } = await serviceEnv({ REDIS_URL: redis.url, IN_PROCESS_WORKER: "off" });
    dirs.push(dir);
    let service: Service = await inProcessService(env);
    const c = new WebClient(service.url);
    await c.open();
    await c.say("我想申报先进级智能工厂");
    await fill(c, { host: "127.0.0.1", port: redis.port }, env.REDIS_PREFIX!);
    await c.press("确认提交");
    await service.stop(); // no service process runs now; the job waits in the queue

    const worker = createDocumentWorker({
      connection: { host: "127.0.0.1", port: redis.port },
      prefix: `${env.REDIS_PREFIX}q`,
      outDir: env.DOCUMENTS_DIR!,
      log: createLogger("silent"),
      clock: fixedClock("2026-11-22"),
    });
    const r = new Redis(redis.url);
    await until(async () => (await r.hlen(outcomesKey(`${env.REDIS_PREFIX}q`))) === 1);
    await worker.close();

    service = await inProcessService(env);
    c.baseUrl = service.url;
    expect(await files(c)).toHaveLength(1);
    await service.stop();
    service = await inProcessService(env);
    c.baseUrl = service.url;
    await c.say("我的草稿");
    expect(await files(c)).toHaveLength(1);
    expect(await r.hlen(outcomesKey(`${env.REDIS_PREFIX}q`))).toBe(0);
    r.disconnect();
    await service.stop();
  }, 180_000);

  it("Redis killed and restarted mid-conversation: 「系统繁忙」 at once, the message kept by the page, then the conversation goes on", async () => {
    const { env, dir } = await serviceEnv({ REDIS_URL: redis.url });
    dirs.push(dir);
    const service = await inProcessService(env);
    const c = new WebClient(service.url);
    await c.open();
    await c.say("我想申报先进级智能工厂");
    await c.say("福州测试装备有限公司");
    await redis.stop();
    const down = await c.post({ text: VALID_CREDIT_CODE });
    expect(down.status).toBe(503);
    expect(((await down.json()) as { error: { message: string } }).error.message).toContain("系统繁忙");
    expect((await fetch(`${service.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    await redis.restart();
    await until(async () => (await fetch(`${service.url}/readyz`)).status === 200);
    // The page resends what was refused.
    await until(async () => (await c.say(VALID_CREDIT_CODE)).status === 200, 100);
    const h = await c.history();
    expect(h.filter((e) => e.type === "user").map((e) => e.text)).toEqual(["我想申报先进级智能工厂", "福州测试装备有限公司", VALID_CREDIT_CODE]);
    expect(h.at(-1)!.text).not.toContain("格式");
    await service.stop();
  }, 120_000);

  it("the private redis-server killed: the service restarts it and the conversation resumes from its AOF", async () => {
    const { env, dir } = await serviceEnv();
    dirs.push(dir);
    const p = await ServiceProcess.start(env);
    try {
      const c = new WebClient(p.url);
      await c.open();
      await c.say("我想申报先进级智能工厂");
      const pid = (await privateRedisPid(env.DATA_DIR!))!;
      process.kill(pid, "SIGKILL");
      await until(async () => !alive(pid));
      await until(async () => (await privateRedisPid(env.DATA_DIR!)) !== null);
      await until(async () => (await c.say("福州测试装备有限公司")).status === 200, 100);
      expect((await c.history()).filter((e) => e.type === "user").map((e) => e.text)).toContain("福州测试装备有限公司");
      expect(p.stderr).not.toMatch(/\n\s+at /);
      // The restarted server is the service's own: it goes when the service goes.
      const restarted = (await privateRedisPid(env.DATA_DIR!))!;
      expect(await p.stop()).toBe(0);
      await until(async () => !alive(restarted));
    } finally {
      await p.stop();
    }
  }, 120_000);
});

describe("删除我的数据 deletes it everywhere", () => {
  it("no credit code, phone or e-mail of the user in Redis, the queue, the documents folder or the AOF", async () => {
    const { env, dir } = await serviceEnv(); // the private redis-server, whose AOF the service rewrites
    dirs.push(dir);
    const p = await ServiceProcess.start(env);
    const socket = { path: path.join(env.DATA_DIR!, "redis", "redis.sock") };
    const secrets = [VALID_CREDIT_CODE, "13800138000", "contact@example.cn"];
    try {
      const c = new WebClient(p.url);
      await c.open();
      await c.say("我想申报先进级智能工厂");
      await fill(c, socket, env.REDIS_PREFIX!);
      await c.press("确认提交");
      await until(async () => (await files(c)).length === 1);
      const chatId = chatIdOf(c.cookie.split("=")[1])!;
      const userDir = path.join(env.DOCUMENTS_DIR!, userHash({ channel: "web", userId: chatId }));
      const before = await everything(socket, env.DOCUMENTS_DIR!);
      for (const s of secrets) expect(before.redis).toContain(s);
      expect(before.documents).toContain(VALID_CREDIT_CODE);

      await c.say("删除我的数据");
      await c.press("确认删除");
      await fs.access(userDir).then(
        () => expect.fail("the user's documents folder is still there"),
        () => undefined,
      );
      // BGREWRITEAOF runs in the background: wait for it, then look everywhere.
      const after = await until(async () => {
        const all = await everything(socket, env.DATA_DIR!, env.DOCUMENTS_DIR!);
        return secrets.some((s) => all.redis.includes(s) || all.aof.includes(s) || all.documents.includes(s)) ? null : all;
      }, 300).catch(async () => everything(socket, env.DATA_DIR!, env.DOCUMENTS_DIR!));
      for (const s of secrets) {
        expect(after.redis).not.toContain(s);
        expect(after.aof).not.toContain(s);
        expect(after.documents).not.toContain(s);
      }
      expect((await c.history()).map((e) => e.text)).toEqual(["已删除您的全部数据。如需再次使用，发送「开始」即可。"]);
    } finally {
      await p.stop();
    }
  }, 240_000);
});

/** Every value in Redis (all keys, all types), the AOF files' bytes, and the text of every stored document. */
async function everything(socket: { path: string }, dataDirOrDocs: string, docsDir?: string): Promise<{ redis: string; aof: string; documents: string }> {
  const r = new Redis(socket);
  let redisText = "";
  try {
    for (const key of await r.keys("*")) {
      const type = await r.type(key);
      const v =
        type === "string" ? await r.getBuffer(key).then((b) => b?.toString("latin1") + (b?.toString() ?? ""))
        : type === "hash" ? JSON.stringify(await r.hgetall(key))
        : type === "list" ? JSON.stringify(await r.lrange(key, 0, -1))
        : type === "set" ? JSON.stringify(await r.smembers(key))
        : type === "zset" ? JSON.stringify(await r.zrange(key, 0, -1))
        : type === "stream" ? JSON.stringify(await r.xrange(key, "-", "+"))
        : "";
      redisText += `${key} ${v}\n`;
    }
  } finally {
    r.disconnect();
  }
  let aof = "";
  if (docsDir) {
    const aofDir = path.join(dataDirOrDocs, "redis", "appendonlydir");
    for (const f of await fs.readdir(aofDir)) aof += (await fs.readFile(path.join(aofDir, f))).toString("latin1") + (await fs.readFile(path.join(aofDir, f))).toString();
  }
  const docs = docsDir ?? dataDirOrDocs;
  let documents = "";
  for (const f of await fs.readdir(docs, { recursive: true }).catch(() => [] as string[])) {
    const full = path.join(docs, String(f));
    if (!(await fs.stat(full)).isFile()) continue;
    const bytes = await fs.readFile(full);
    documents += String(f).endsWith(".docx") ? (await readDocx(bytes)).text : bytes.toString();
  }
  return { redis: redisText, aof, documents };
}
