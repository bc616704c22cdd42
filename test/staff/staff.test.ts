import { Redis } from "ioredis";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Outbox } from "../../src/app/outbox.ts";
import { routeInbound } from "../../src/app/route-inbound.ts";
import { Audiences } from "../../src/app/staff/audience.ts";
import { Broadcasts, type BroadcastWorkers } from "../../src/app/staff/broadcast.ts";
import { StaffDesk } from "../../src/app/staff/desk.ts";
import { fireTime, reminderJobId, Reminders } from "../../src/app/staff/reminders.ts";
import type { InboundHandler } from "../../src/bots/port.ts";
import { catalog } from "../../src/flows/programs/index.ts";
import type { InboundMessage, OutboundMessage } from "../../src/flows/engine/messages.ts";
import type { NoticeMeta } from "../../src/knowledge/notice-meta.ts";
import { loadCorpus } from "../../src/knowledge/corpus.ts";
import { loadConfig } from "../../src/shared/config.ts";
import type { Clock } from "../../src/shared/clock.ts";
import { echoKnowledge, makeEngine, type EngineEnv } from "../support/chat.ts";
import { RecordingAdapter } from "../support/recording-adapter.ts";
import { TestRedis } from "../support/redis.ts";

const PROGRAM = "fj-2025-smart-factory-advanced";
let server: TestRedis;
let env: EngineEnv;
let broadcasts: Broadcasts;
let workers: BroadcastWorkers;
let outbox: Outbox;
let desk: StaffDesk;
let audiences: Audiences;
let handle: InboundHandler;
const adapter = new RecordingAdapter("web");
const logLines: string[] = [];
const log = pino({ level: "info" }, new Writable({ write: (c, _e, cb) => (logLines.push(String(c)), cb()) }));
let notices: NoticeMeta[] = [];
let clock: Clock = { now: () => new Date() };
let seq = 0;

function msg(userId: string, text: string, action?: string): InboundMessage {
  seq += 1;
  return action
    ? { channel: "web", chatId: `chat-${userId}`, userId, updateId: `u${seq}`, kind: "action", text, action }
    : { channel: "web", chatId: `chat-${userId}`, userId, updateId: `u${seq}`, kind: "text", text };
}

/** What the bot sent to a user's chat in answer to `text`. */
async function say(userId: string, text: string, action?: string): Promise<OutboundMessage[]> {
  const before = adapter.sent.length;
  await handle(msg(userId, text, action));
  return adapter.sent.slice(before).filter((s) => s.to.chatId === `chat-${userId}`).map((s) => s.message);
}

async function until(cond: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  server = await TestRedis.start();
  env = makeEngine(server.url, echoKnowledge, { prefix: "st" });
  const connection = { host: "127.0.0.1", port: server.port };
  const l = { perSecond: 500, chatIntervalMs: 0 };
  broadcasts = new Broadcasts({ redis: env.redis, connection, prefix: "st", queuePrefix: "stq", log, limits: { telegram: l, feishu: l, web: l, console: l } });
  outbox = new Outbox({ redis: env.redis, prefix: "st", log });
  outbox.register(adapter);
  workers = broadcasts.createWorkers({ channels: ["web"], deliver: (to, m) => outbox.send(to, m) });
  audiences = new Audiences(env.redis, env.store, catalog, broadcasts.inactiveKey);
  notices = (await loadCorpus(loadConfig({}).corpusDir)).map((n) => n.meta);
  desk = new StaffDesk({
    redis: env.redis,
    store: env.store,
    catalog,
    clock: { now: () => clock.now() },
    log,
    staff: loadConfig({ STAFF_USERS: "web:boss, telegram:99" }).STAFF_USERS,
    staffChats: loadConfig({ STAFF_CHATS: "web:staffroom" }).STAFF_CHATS,
    notices: async () => notices,
    audiences,
    broadcasts,
  });
  handle = routeInbound(env.engine, outbox, log, undefined, (m, send) => desk.handle(m, send));
  // e1 subscribes and starts the form; e2 subscribes to a city; e3 only chats; e4 has a draft, no subscription.
  await say("e1", "订阅");
  await say("e1", "我想申报先进级智能工厂");
  await say("e2", "订阅 福州市");
  await say("e3", "你好");
  await say("e4", "我想申报先进级智能工厂");
});

afterAll(async () => {
  await workers.close();
  await broadcasts.close();
  await outbox.close();
  await env.close();
  await server.destroy();
});

describe("staff roles", () => {
  it("STAFF_USERS is validated", () => {
    expect(() => loadConfig({ STAFF_USERS: "slack:1" })).toThrow(/STAFF_USERS/);
    expect(loadConfig({ STAFF_USERS: "telegram:1,feishu:ou_x,console:admin" }).STAFF_USERS).toEqual(["telegram:1", "feishu:ou_x", "console:admin"]);
    expect(() => loadConfig({ REMINDER_OFFSETS_DAYS: "7,x" })).toThrow(/REMINDER_OFFSETS_DAYS/);
    expect(loadConfig({ BROADCAST_RATES: "telegram:25" }).BROADCAST_RATES).toMatchObject({ telegram: 25, feishu: 50 });
  });

  it("a non-staff user's broadcast attempt is refused and logged without personal data", async () => {
    const before = await broadcasts.recent(10);
    const out = await say("e3", "群发 订阅者：大家好");
    expect(out.map((m) => m.text)).toEqual(["此功能仅限工作人员使用。"]);
    // A forged confirm button is refused too.
    expect((await say("e3", "确认群发", "staff:send:0123456789")).map((m) => m.text)).toEqual(["此功能仅限工作人员使用。"]);
    expect((await say("e3", "群发报告")).map((m) => m.text)).toEqual(["此功能仅限工作人员使用。"]);
    expect(await broadcasts.recent(10)).toEqual(before);
    const refusals = logLines.filter((l) => l.includes("staff command refused"));
    expect(refusals.length).toBe(3);
    for (const l of refusals) expect(l).not.toContain("e3");
  });

  it("STAFF_CHATS is validated, and whoever writes in a staff group chat acts as staff there only", async () => {
    expect(() => loadConfig({ STAFF_CHATS: "telegram" })).toThrow(/STAFF_CHATS/);
    expect(loadConfig({ STAFF_CHATS: "telegram:-1001,feishu:oc_x" }).STAFF_CHATS).toEqual(["telegram:-1001", "feishu:oc_x"]);
    const inGroup = async (userId: string, chatId: string, text: string) => {
      const before = adapter.sent.length;
      seq += 1;
      await handle({ channel: "web", chatId, userId, updateId: `u${seq}`, kind: "text", text });
      return adapter.sent.slice(before).filter((s) => s.to.chatId === chatId).map((s) => s.message.text);
    };
    expect((await inGroup("officer7", "staffroom", "通知列表"))[0]).toContain("榕工信装备〔2025〕30号");
    expect(await inGroup("officer7", "chat-officer7", "通知列表")).toEqual(["此功能仅限工作人员使用。"]);
  });
});

describe("staff commands", () => {
  it("lists notices with their deadlines", async () => {
    const [m] = await say("boss", "通知列表");
    expect(m!.text).toContain("通知列表");
    expect(m!.text).toContain("榕工信装备〔2025〕30号");
    expect(m!.text).toContain("2025-04-10（已截止）");
  });

  it("composes a broadcast, previews the count, sends it on 确认 once, and reports", async () => {
    const [usage] = await say("boss", "群发");
    expect(usage!.text).toContain("群发 订阅者：正文");
    const [preview] = await say("boss", "群发 订阅者：4月10日前请提交材料");
    expect(preview!.text).toContain("将发送给 2 个对话");
    const confirm = preview!.buttons.find((b) => b.label === "确认群发")!;
    const [started] = await say("boss", confirm.label, confirm.id);
    expect(started!.text).toContain("已开始群发");
    const id = confirm.id.split(":")[2]!;
    await until(async () => (await broadcasts.report(id))!.done);
    const got = adapter.sent.filter((s) => s.message.text.startsWith("4月10日前请提交材料"));
    expect(got.map((s) => s.to.chatId).sort()).toEqual(["chat-e1", "chat-e2"]);
    for (const s of got) expect(s.message.text).toContain("退订");
    // Pressed again: nothing more.
    const [again] = await say("boss", confirm.label, confirm.id);
    expect(again!.text).toContain("不会重复发送");
    const [report] = await say("boss", `群发报告 ${id}`);
    expect(report!.text).toContain("排队 2，已送达 2，失败 0");
  });

  it("audiences by region and by program; 退订 leaves them", async () => {
    const [byCity] = await say("boss", "群发 地区 福州：福州企业请注意");
    expect(byCity!.text).toContain("将发送给 1 个对话");
    const [byProgram] = await say("boss", "群发 项目 先进级智能工厂：填报提醒");
    expect(byProgram!.text).toContain("将发送给 1 个对话"); // e1 subscribed and drafted; e4 is not subscribed
    // Not a topic: the engine answers it.
    expect((await say("e3", "订阅数量是多少？"))[0]!.text).toMatch(/^【问答】/);
    await say("e2", "退订");
    const [after] = await say("boss", "群发 地区 福州：福州企业请注意");
    expect(after!.text).toContain("目前没有可发送的对象");
  });
});

describe("deadline reminders", () => {
  it("fire for a deadline a few seconds ahead (injected clock), to subscribers and unfinished drafts, once; none for a passed one", { timeout: 60_000 }, async () => {
    const soon = "2027-03-10";
    const fire7 = fireTime(soon, 7, 9);
    const shift = fire7 - 3000 - Date.now(); // the 7-day reminder is due in 3 s
    clock = { now: () => new Date(Date.now() + shift) };
    const base = notices.find((n) => n.docId === PROGRAM)!;
    notices = [
      { ...base, deadlines: [{ date: soon, what: "企业提交申报材料" }] },
      { ...base, docId: "passed-notice", deadlines: [{ date: "2027-02-01", what: "已过的截止" }] },
    ];
    const reminders = new Reminders({ connection: { host: "127.0.0.1", port: server.port }, queuePrefix: "stq", clock, log, offsetsDays: [7, 3, 1], hour: 9, catalog, notices: async () => notices, audiences, broadcasts });
    try {
      const { scheduled } = await reminders.sync();
      expect(scheduled).toBe(3); // 7, 3 and 1 days before; nothing for the passed deadline
      const ids = (await reminders.queue.getDelayed()).map((j) => j.id).sort();
      expect(ids).toEqual([7, 3, 1].map((o) => reminderJobId({ docId: PROGRAM, date: soon, offset: o })).sort());
      // Syncing again schedules nothing new.
      expect((await reminders.queue.getDelayed()).length).toBe(3);
      await reminders.sync();
      expect((await reminders.queue.getDelayed()).length).toBe(3);
      reminders.startWorker();
      const id = reminderJobId({ docId: PROGRAM, date: soon, offset: 7 });
      await until(async () => (await broadcasts.report(id))?.done === true);
      const got = adapter.sent.filter((s) => s.message.text.startsWith("截止提醒"));
      expect(got.map((s) => s.to.chatId).sort()).toEqual(["chat-e1", "chat-e4"]);
      for (const s of got) {
        expect(s.message.text).toContain(`${soon}（还有 7 天）`);
        expect(s.message.text).toMatch(/还有 \d+ 项必填内容未完成/);
      }
      // Run the same reminder again (a restart, a redelivered job): nobody gets it twice.
      const job = await reminders.queue.getJob(id);
      await reminders.fire(job!);
      await new Promise((r) => setTimeout(r, 300));
      expect(adapter.sent.filter((s) => s.message.text.startsWith("截止提醒")).length).toBe(2);
      // A deadline that moved: the old jobs go, the new ones come.
      notices = [{ ...notices[0]!, deadlines: [{ date: "2027-03-20", what: "延期" }] }];
      const moved = await reminders.sync();
      expect(moved.removed).toBe(2);
      // A passed deadline never fires, even if a job for it runs.
      const passed = await reminders.fire({ data: { docId: PROGRAM, date: "2027-02-01", offset: 1 } } as never);
      expect(passed).toBe("gone");
      notices = [{ ...notices[0]!, deadlines: [{ date: "2027-02-01", what: "已过" }] }];
      expect(await reminders.fire({ data: { docId: PROGRAM, date: "2027-02-01", offset: 1 } } as never)).toBe("passed");
    } finally {
      await reminders.close();
    }
  });
});
