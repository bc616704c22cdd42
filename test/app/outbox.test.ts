import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NoAdapterError, Outbox } from "../../src/app/outbox.ts";
import { routeInbound } from "../../src/app/route-inbound.ts";
import type { Address } from "../../src/bots/port.ts";
import { text, type OutboundMessage } from "../../src/flows/engine/messages.ts";
import { createLogger } from "../../src/shared/log.ts";
import { WebAdapter } from "../../src/bots/web/web-adapter.ts";
import { echoKnowledge, makeEngine } from "../support/chat.ts";
import { RecordingAdapter } from "../support/recording-adapter.ts";
import { TestRedis } from "../support/redis.ts";

const log = createLogger("silent");
let server: TestRedis;
const cleanup: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  server = await TestRedis.start();
});
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});
afterAll(async () => {
  await server.destroy();
});

const alice: Address = { channel: "telegram", chatId: "42", userId: "42" };
const doc2: OutboundMessage = { text: "申报书已生成，请下载。", buttons: [], file: null };
const doc: OutboundMessage = { text: "申报书已生成", buttons: [], file: { path: "/d/a.docx", name: "申报书.docx" } };

/** An outbox in its own "process": its own Redis connection, same prefix as the others of the test. */
async function processWith(prefix: string, ...adapters: RecordingAdapter[]): Promise<Outbox> {
  return processWithOptions(prefix, {}, ...adapters);
}

async function processWithOptions(prefix: string, opts: { leaseMs?: number }, ...adapters: RecordingAdapter[]): Promise<Outbox> {
  const redis = new Redis(server.url);
  const outbox = new Outbox({ redis, prefix, log, ...opts });
  for (const a of adapters) outbox.register(a);
  await outbox.start();
  cleanup.push(async () => {
    await outbox.close();
    redis.disconnect();
  });
  return outbox;
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe("outbox", () => {
  it("sends now through the adapter that owns the chat, edits with editOf, and refuses a chat nobody here serves", async () => {
    const tg = new RecordingAdapter("telegram");
    const outbox = await processWith(randomUUID(), tg);
    await outbox.send(alice, text("你好"));
    await outbox.send(alice, { ...text("已选择：是"), editOf: "1" });
    expect(tg.sent.map((s) => s.message.text)).toEqual(["你好", "已选择：是"]);
    await expect(outbox.send({ channel: "feishu", chatId: "oc_1" }, text("x"))).rejects.toBeInstanceOf(NoAdapterError);
    expect(() => outbox.register(new RecordingAdapter("telegram"))).toThrow(/already registered/);
  });

  it("a document posted while no process serves the channel waits, then arrives once when one starts", async () => {
    const prefix = randomUUID();
    const worker = await processWith(prefix); // e.g. a process serving only the web chat
    expect(await worker.post(alice, doc, "done:job-1")).toBe(true);
    const tg1 = new RecordingAdapter("telegram");
    const tg2 = new RecordingAdapter("telegram");
    await Promise.all([processWith(prefix, tg1), processWith(prefix, tg2)]);
    expect([...tg1.sent, ...tg2.sent]).toEqual([{ to: alice, message: doc }]);
    expect(await worker.post(alice, doc, "done:job-1")).toBe(false);
  });

  it("a process serving the chat hears a post from another process", async () => {
    const prefix = randomUUID();
    const tg = new RecordingAdapter("telegram");
    await processWith(prefix, tg);
    const other = await processWith(prefix);
    await other.post(alice, doc, "done:job-2");
    await until(() => tg.sent.length > 0);
    expect(tg.sent).toEqual([{ to: alice, message: doc }]);
  });

  it("a failed send is kept and goes out on the user's next message, before the reply", async () => {
    const e = makeEngine(server.url, echoKnowledge);
    cleanup.push(() => e.close());
    const tg = new RecordingAdapter("telegram");
    const outbox = await processWith(randomUUID(), tg);
    await tg.start(routeInbound(e.engine, outbox, log));
    tg.failing = true;
    await outbox.post(alice, doc, "done:job-3");
    expect(tg.sent).toEqual([]);
    tg.failing = false;
    await tg.onMessage!({ channel: "telegram", chatId: "42", userId: "42", updateId: "u1", kind: "text", text: "帮助" });
    expect(tg.sent[0]).toEqual({ to: alice, message: doc });
    expect(tg.sent.length).toBeGreaterThan(1);
    const again = tg.sent.length;
    await tg.onMessage!({ channel: "telegram", chatId: "42", userId: "42", updateId: "u2", kind: "text", text: "帮助" });
    expect(tg.sent.filter((s) => s.message.file)).toHaveLength(1);
    expect(tg.sent.length).toBeGreaterThan(again);
  });

  it("a console process delivers only to its own user; forget drops what is pending", async () => {
    const prefix = randomUUID();
    const bobTerminal = new RecordingAdapter("console", (chatId) => chatId === "bob");
    const outbox = await processWith(prefix, bobTerminal);
    const carol: Address = { channel: "console", chatId: "carol", userId: "carol" };
    await outbox.post(carol, doc, "done:job-4");
    expect(bobTerminal.sent).toEqual([]);
    await outbox.forget(carol);
    const carolTerminal = new RecordingAdapter("console", (chatId) => chatId === "carol");
    await processWith(prefix, carolTerminal);
    expect(carolTerminal.sent).toEqual([]);
  });

  it("a process that dies between taking a message and sending it: the lease runs out and another process sends it", async () => {
    const prefix = randomUUID();
    const hung = new RecordingAdapter("telegram");
    hung.send = () => new Promise(() => undefined); // the platform call never returns: the process is killed meanwhile
    const dying = await processWith(prefix, hung);
    void dying.post(alice, doc, "done:job-5");
    await until(() => false); // let the claim happen
    await dying.close();
    const tg = new RecordingAdapter("telegram");
    await processWithOptions(prefix, { leaseMs: 0 }, tg);
    expect(tg.sent).toEqual([{ to: alice, message: doc }]);
    // Sent and confirmed: nothing is put back again.
    const tg2 = new RecordingAdapter("telegram");
    await processWithOptions(prefix, { leaseMs: 0 }, tg2);
    expect(tg2.sent).toEqual([]);
  });

  it("web: a delivery stored by a process killed before the outbox confirmed it is not stored again by the process that repeats it", async () => {
    const prefix = `o${randomUUID().slice(0, 8)}`;
    const web = () => new WebAdapter({ redis: { host: "127.0.0.1", port: server.port }, prefix, log, documentsDir: "/nonexistent", ttlSeconds: 3600 });
    const bob: Address = { channel: "web", chatId: "wbob", userId: "wbob" };
    const first = web();
    await first.start(async () => undefined);
    cleanup.push(() => first.stop());
    const store = first.send.bind(first);
    // The chat stored it (the platform accepted it), then the process was killed before the outbox heard back.
    first.send = async (to, m, opts) => {
      await store(to, m, opts);
      return new Promise(() => undefined);
    };
    const dying = await processWith(prefix, first as unknown as RecordingAdapter);
    void dying.post(bob, doc2, "done:job-7");
    for (let i = 0; i < 500 && (await first.history.after(bob.chatId, null)).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await dying.close();

    const second = web();
    await second.start(async () => undefined);
    cleanup.push(() => second.stop());
    await processWithOptions(prefix, { leaseMs: 0 }, second as unknown as RecordingAdapter); // puts the lease back and sends again
    const entries = await second.history.after(bob.chatId, null);
    expect(entries.map((e) => e.entry)).toEqual([{ type: "bot", text: doc2.text, buttons: [], file: null }]);
    // Confirmed this time: nothing is pending, a third process sends nothing.
    const third = new RecordingAdapter("web");
    await processWithOptions(prefix, { leaseMs: 0 }, third);
    expect(third.sent).toEqual([]);
  });
});
