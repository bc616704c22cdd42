import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Queue, QueueEvents, type Worker } from "bullmq";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DocumentDelivery } from "../../src/app/document-delivery.ts";
import { Outbox } from "../../src/app/outbox.ts";
import { RecordingAdapter } from "../support/recording-adapter.ts";
import { DOCUMENTS_QUEUE, jobIdOf, userHash, type DocumentJob } from "../../src/documents/job.ts";
import { DocumentQueue, createDocumentWorker } from "../../src/documents/queue.ts";
import { outcomesKey } from "../../src/documents/outcomes.ts";
import { Redis } from "ioredis";
import { fixedClock } from "../../src/shared/clock.ts";
import { createLogger } from "../../src/shared/log.ts";
import { ChatUser, echoKnowledge, makeEngine, type EngineEnv } from "../support/chat.ts";
import { readDocx } from "../support/docx.ts";
import { TestRedis } from "../support/redis.ts";
import { currentStep, sampleAnswer } from "../engine/auto-answer.ts";
import { projectRoot } from "../../src/shared/config.ts";

let redis: TestRedis;
let outDir: string;
const log = createLogger("silent");
const closers: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  redis = await TestRedis.start();
  outDir = await fs.mkdtemp(path.join(os.tmpdir(), "shenbao-docs-"));
});
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});
afterAll(async () => {
  await redis.destroy();
  await fs.rm(outDir, { recursive: true, force: true });
});

const connection = () => ({ host: "127.0.0.1", port: redis.port });
const prefix = () => `q${Math.random().toString(36).slice(2, 8)}`;

function payload(draftId = "d1", draftVersion = 3): DocumentJob {
  return {
    version: 1,
    user: { channel: "console", userId: "u1" },
    address: { channel: "console", chatId: "u1", userId: "u1" },
    draftId,
    draftVersion,
    programId: "fj-2025-smart-factory-advanced",
    answers: { "company-name": { value: "福州测试&<智能>装备有限公司🏭", display: "福州测试&<智能>装备有限公司🏭" } },
    profile: {},
  };
}

/** The outcome a worker recorded for a job (jobs themselves leave Redis when done). */
async function outcome(p: string, jobId: string): Promise<{ kind: string; result: { path: string } | null; reason: string | null } | null> {
  const r = new Redis(redis.url);
  try {
    const raw = await r.hget(outcomesKey(p), jobId);
    return raw ? JSON.parse(raw) : null;
  } finally {
    r.disconnect();
  }
}

async function redisKeys(p: string): Promise<string[]> {
  const r = new Redis(redis.url);
  try {
    return await r.keys(`${p}:*`);
  } finally {
    r.disconnect();
  }
}

function worker(p: string, extra: { lockDuration?: number; stalledInterval?: number } = {}): Worker {
  const w = createDocumentWorker({ connection: connection(), prefix: p, outDir, log, clock: fixedClock("2026-11-22") }, { concurrency: 2, ...extra });
  closers.push(() => w.close());
  return w;
}

async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("documents queue", () => {
  it("a double submit yields one job and one document; the payload leaves Redis when done", async () => {
    const p = prefix();
    const q = new DocumentQueue({ connection: connection(), prefix: p });
    closers.push(() => q.close());
    const id1 = await q.add(payload());
    const id2 = await q.add(payload());
    expect(id1).toBe(id2);
    expect(id1).toBe(jobIdOf(payload()));
    expect(await q.queue.getJobCountByTypes("waiting", "active", "completed", "delayed")).toBe(1);
    worker(p);
    const done = await waitFor(() => outcome(p, id1));
    expect(done.kind).toBe("done");
    const doc = await readDocx(await fs.readFile(done.result!.path));
    expect(doc.text).toContain("福州测试&<智能>装备有限公司🏭");
    await waitFor(async () => (await q.queue.getJob(id1)) === undefined);
    expect(done).not.toHaveProperty("answers");
  });

  it("a payload that fails validation is rejected at once, without retries", async () => {
    const p = prefix();
    const raw = new Queue(DOCUMENTS_QUEUE, { connection: connection(), prefix: p });
    closers.push(() => raw.close());
    // Added by hand, so kept when failed (the app's own jobs are removed when done).
    const bad = await raw.add("render", { version: 1, programId: 42 }, { attempts: 3, backoff: { type: "fixed", delay: 10 } });
    worker(p);
    const state = await waitFor(async () => ((await bad.getState()) === "failed" ? "failed" : null));
    expect(state).toBe("failed");
    const fresh = await raw.getJob(bad.id!);
    expect(fresh!.attemptsMade).toBe(1);
    expect(fresh!.failedReason).toMatch(/invalid document job payload/);
  });

  it("a worker killed mid-job: another recovers the stalled job and it completes exactly once", async () => {
    const p = prefix();
    const q = new DocumentQueue({ connection: connection(), prefix: p });
    closers.push(() => q.close());
    const events = new QueueEvents(DOCUMENTS_QUEUE, { connection: connection(), prefix: p });
    closers.push(() => events.close());
    await events.waitUntilReady();
    let completed = 0;
    events.on("completed", () => void (completed += 1));

    const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "test/support/slow-worker.ts"), String(redis.port), p, outDir], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const started = new Promise<void>((resolve) => child.stdout!.on("data", (d: Buffer) => d.toString().includes("started") && resolve()));
    const id = await q.add(payload("d9", 1));
    await started;
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));

    worker(p, { lockDuration: 1000, stalledInterval: 300 });
    await waitFor(() => outcome(p, id), 25_000);
    await waitFor(async () => completed === 1, 25_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(completed).toBe(1);
    const files = (await fs.readdir(outDir, { recursive: true })).filter((f) => String(f).endsWith("d9-v1.docx"));
    expect(files).toHaveLength(1);
  }, 40_000);
});

/** Fill the smart-factory form with sample answers (optional steps skipped) and press 确认提交. */
async function fillAndConfirm(e: EngineEnv, user: ChatUser): Promise<void> {
  await user.say("我想申报先进级智能工厂");
  for (let i = 0; i < 200; i++) {
    const cur = await currentStep(e.store, user.userId);
    if (!cur) break;
    await user.say(cur.step.optional ? "跳过" : sampleAnswer(cur.step, {}));
  }
  await user.press("确认提交");
}

/** What a chat process for one console user runs: its adapter in an outbox, and a delivery listener. */
async function chatProcess(e: EngineEnv, p: string, userId: string): Promise<{ adapter: RecordingAdapter; delivery: DocumentDelivery }> {
  const adapter = new RecordingAdapter("console", (chatId) => chatId === userId);
  const outbox = new Outbox({ redis: e.redis, prefix: p, log });
  outbox.register(adapter);
  await outbox.start();
  closers.push(() => outbox.close());
  const delivery = new DocumentDelivery({ connection: connection(), prefix: p, log }, e.engine, outbox);
  closers.push(() => delivery.close());
  await delivery.ready();
  return { adapter, delivery };
}

describe("from confirmation to the file in the chat", () => {
  it("confirming the smart-factory draft delivers a .docx with the answers, once", async () => {
    const p = prefix();
    let delivery: DocumentDelivery | null = null;
    const e = makeEngine(redis.url, echoKnowledge, { documents: { enqueue: (r) => delivery!.enqueue(r) } });
    closers.push(() => e.close());
    const user = new ChatUser(e.engine);
    let adapter: RecordingAdapter;
    ({ adapter, delivery } = await chatProcess(e, p, user.userId));
    worker(p);

    await fillAndConfirm(e, user);
    await user.say("确认提交"); // double click
    await delivery.drain(20_000);
    const delivered = adapter.sent.map((s) => s.message);
    expect(delivered).toHaveLength(1);
    const file = delivered[0]!.file!;
    expect(file.name).toMatch(/\.docx$/);
    const doc = await readDocx(await fs.readFile(file.path));
    expect(doc.text).toContain("测试填写内容");
    await user.say("我的草稿");
    expect(user.lastText()).toContain("已生成");
  }, 40_000);
});

describe("a document finished while no chat process listened", () => {
  it("is delivered once by the next process that starts, and not again by the one after", async () => {
    const p = prefix();
    const q = new DocumentQueue({ connection: connection(), prefix: p });
    closers.push(() => q.close());
    const e = makeEngine(redis.url, echoKnowledge, { documents: { enqueue: async (r) => void (await q.add({ version: 1, ...r })) } });
    closers.push(() => e.close());
    const user = new ChatUser(e.engine);
    worker(p);
    await fillAndConfirm(e, user);
    const events = new QueueEvents(DOCUMENTS_QUEUE, { connection: connection(), prefix: p });
    closers.push(() => events.close());
    await waitFor(async () => (await q.queue.getJobCounts("waiting", "active", "delayed")).waiting === 0 && (await redisKeys(p)).includes(outcomesKey(p)));

    const later = async () => {
      const { adapter, delivery } = await chatProcess(e, p, user.userId);
      const n = await delivery.catchUp();
      return { n, sent: adapter.sent.map((s) => s.message) };
    };
    const first = await later();
    expect(first.n).toBe(1);
    expect(first.sent).toHaveLength(1);
    expect(first.sent[0]!.file!.name).toMatch(/\.docx$/);
    expect(await later()).toEqual({ n: 0, sent: [] });
  }, 40_000);
});

describe("删除我的数据 while the user's document is being made", () => {
  it.each(["rendered", "stored"] as const)(
    "deleted once the document is %s: no file, no outcome, nothing delivered; a later draft's document is made",
    async (stage) => {
      const p = prefix();
      let delivery: DocumentDelivery | null = null;
      const e = makeEngine(redis.url, echoKnowledge, { documents: { enqueue: (r) => delivery!.enqueue(r) } });
      closers.push(() => e.close());
      const user = new ChatUser(e.engine);
      const adapter = new RecordingAdapter("console", (chatId) => chatId === user.userId);
      const outbox = new Outbox({ redis: e.redis, prefix: p, log });
      outbox.register(adapter);
      await outbox.start();
      closers.push(() => outbox.close());
      delivery = new DocumentDelivery({ connection: connection(), prefix: p, log, documentsDir: outDir }, e.engine, outbox);
      closers.push(() => delivery!.close());
      await delivery.ready();
      const userDir = path.join(outDir, userHash({ channel: "console", userId: user.userId }));

      // The real worker; the user deletes their data (as 删除我的数据 does: documents first) while it holds the job.
      let deletions = 0;
      const w = createDocumentWorker({
        connection: connection(),
        prefix: p,
        outDir,
        log,
        clock: fixedClock("2026-11-22"),
        checkpoint: async (at) => {
          if (at !== stage || deletions > 0) return;
          deletions++;
          if (stage === "stored") expect((await fs.readdir(userDir)).filter((f) => f.endsWith(".docx"))).toHaveLength(1);
          await delivery!.forgetUser({ channel: "console", userId: user.userId });
          await e.store.deleteUser({ channel: "console", userId: user.userId });
        },
      });
      closers.push(() => w.close());
      const finished: Array<{ id: string; value: unknown }> = [];
      w.on("completed", (job, value) => finished.push({ id: job.id!, value }));

      await fillAndConfirm(e, user);
      await waitFor(async () => finished.length === 1);
      expect(deletions).toBe(1);
      expect(finished[0]!.value).toBeNull();
      await fs.access(userDir).then(
        () => expect.fail("the deleted user's folder is still there"),
        () => undefined,
      );
      expect(await outcome(p, finished[0]!.id)).toBeNull();
      await delivery.catchUp();
      expect(adapter.sent).toEqual([]);
      // Nothing of the user's answers is left in the queue's keys.
      const r = new Redis(redis.url);
      try {
        for (const key of await r.keys(`${p}:*`)) {
          const type = await r.type(key);
          const v = type === "hash" ? JSON.stringify(await r.hgetall(key)) : type === "string" ? await r.get(key) : "";
          expect(v ?? "").not.toContain("测试填写内容");
        }
      } finally {
        r.disconnect();
      }

      // The tombstone is per job: the user starting afresh gets their next document.
      await fillAndConfirm(e, user);
      await waitFor(async () => finished.length === 2);
      expect((finished[1]!.value as { path: string }).path.startsWith(userDir)).toBe(true);
      await waitFor(async () => adapter.sent.length === 1);
      expect(adapter.sent[0]!.message.file!.name).toMatch(/\.docx$/);
    },
    60_000,
  );
});
