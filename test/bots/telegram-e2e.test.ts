import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { inspect } from "node:util";
import Fastify from "fastify";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordScript } from "../../scripts/bench/engine.ts";
import { createApp, redisOptionsFromUrl, type App } from "../../src/app/create-app.ts";
import type { InboundHandler } from "../../src/bots/port.ts";
import { TelegramAdapter, TelegramStartError, type TelegramAdapterOptions } from "../../src/bots/telegram/index.ts";
import { telegramTexts } from "../../src/bots/telegram/texts.ts";
import { engineTexts } from "../../src/flows/engine/texts.ts";
import { text, type InboundMessage } from "../../src/flows/engine/messages.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { loadConfig } from "../../src/shared/config.ts";
import { createLogger } from "../../src/shared/log.ts";
import { echoKnowledge, makeEngine } from "../support/chat.ts";
import { readDocx } from "../support/docx.ts";
import { tempKnowledgeBase } from "../support/knowledge.ts";
import { BotApiServer, TEST_TOKEN, type StoredMessage } from "../support/bot-api-server.ts";
import { ServiceProcess, serviceEnv } from "../support/service-process.ts";
import { TestRedis } from "../support/redis.ts";

/**
 * The Telegram bot end to end: the real grammY client long-polling the local Bot API server,
 * the whole app behind it (engine, outbox, documents queue and worker, knowledge base).
 */
const GROUP = -100500;
let redis: TestRedis;
let server: BotApiServer;
let adapter: ObservedAdapter;
let app: App;
let dir: string;
let kbCleanup: () => Promise<unknown>;
let script: string[];
let conn: Redis;

/** The adapter, telling the test when the app has handled each inbound message. */
class ObservedAdapter extends TelegramAdapter {
  private readonly handled = new Map<string, Array<() => void>>();
  private readonly done = new Set<string>();

  override start(onMessage: InboundHandler): Promise<void> {
    return super.start(async (m) => {
      try {
        await onMessage(m);
      } finally {
        this.done.add(m.updateId);
        for (const f of this.handled.get(m.updateId) ?? []) f();
      }
    });
  }

  waitHandled(updateId: string): Promise<void> {
    if (this.done.has(updateId)) return Promise.resolve();
    return new Promise((resolve) => this.handled.set(updateId, [...(this.handled.get(updateId) ?? []), resolve]));
  }
}

function options(apiRoot: string, conn: Redis, extra: Partial<TelegramAdapterOptions> = {}): TelegramAdapterOptions {
  return { token: TEST_TOKEN, apiRoot, log: createLogger("silent"), redis: conn, prefix: `tge${Math.random().toString(36).slice(2, 8)}`, pollingTimeoutSeconds: 30, ...extra };
}

beforeAll(async () => {
  redis = await TestRedis.start();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "shenbao-tg-"));
  const e = makeEngine(redis.url, echoKnowledge);
  script = (await recordScript(e.engine, e.store)).slice(0, -2); // ends with 确认提交
  await e.close();
  const kb = await tempKnowledgeBase();
  kbCleanup = kb.cleanup;
  server = new BotApiServer();
  const apiRoot = await server.listen();
  const config = loadConfig({
    REDIS_URL: redis.url,
    REDIS_PREFIX: "tge2e",
    DOCUMENTS_DIR: path.join(dir, "documents"),
    LOG_LEVEL: "silent",
    SHENBAO_TODAY: "2026-11-22",
    STAFF_USERS: "telegram:507",
    CORPUS_DIR: kb.config.corpusDir,
    INDEX_DIR: kb.config.indexDir,
    DATA_DIR: path.join(dir, "data"),
  });
  conn = new Redis(redis.url);
  adapter = new ObservedAdapter(options(apiRoot, conn, { typingAfterMs: 600_000 }));
  app = await createApp({ config, clock: fixedClock("2026-11-22"), log: createLogger("silent") }, { adapters: [adapter], redis: redisOptionsFromUrl(redis.url), kb: kb.kb });
}, 180_000);

afterAll(async () => {
  await app?.close();
  conn?.disconnect();
  await server?.close();
  await redis?.destroy();
  await kbCleanup?.();
  await fs.rm(dir, { recursive: true, force: true });
});

const callbackButtons = (m: StoredMessage) => (m.reply_markup?.inline_keyboard.flat() ?? []).filter((b) => b.callback_data !== undefined);

/** One Telegram user in a private chat with the bot. */
class TgUser {
  constructor(readonly id: number) {}

  /** Type a message; resolves once the app has handled it, with the bot's new messages. */
  async say(line: string): Promise<StoredMessage[]> {
    const mark = this.lastId();
    const updateId = server.userSends(this.id, line);
    const m = server.update(updateId).message as { message_id: number };
    await adapter.waitHandled(`m:${this.id}:${m.message_id}`);
    return this.since(mark);
  }

  /** Press the button with this callback_data on a message. */
  async pressData(message: StoredMessage, data: string): Promise<StoredMessage[]> {
    const mark = this.lastId();
    const updateId = server.userPresses(this.id, message.message_id, data);
    const q = server.update(updateId).callback_query as { id: string };
    await adapter.waitHandled(`c:${q.id}`);
    return this.since(mark);
  }

  /** Press the button labelled `label` on the latest message that has it. */
  async press(label: string): Promise<StoredMessage[]> {
    const m = [...server.chatMessages(this.id)].reverse().find((x) => callbackButtons(x).some((b) => b.text === label));
    if (!m) throw new Error(`no button ${label}`);
    return this.pressData(m, callbackButtons(m).find((b) => b.text === label)!.callback_data!);
  }

  last(): StoredMessage {
    return server.lastMessage(this.id);
  }

  private lastId(): number {
    return server.chatMessages(this.id).at(-1)?.message_id ?? 0;
  }

  private since(id: number): StoredMessage[] {
    return server.chatMessages(this.id).filter((m) => m.message_id > id);
  }
}

describe("Telegram bot, long polling against a local Bot API server", () => {
  it("starts: getMe, Chinese commands for private chats and groups, no webhook", () => {
    const methods = server.calls.map((c) => c.method);
    expect(methods.slice(0, 4)).toEqual(["getMe", "setMyCommands", "setMyCommands", "deleteWebhook"]);
    const [all, groups] = server.calls.filter((c) => c.method === "setMyCommands").map((c) => c.payload);
    expect(all!.commands).toContainEqual({ command: "check", description: telegramTexts.commands.check });
    expect(groups).toMatchObject({ scope: { type: "all_group_chats" } });
    expect((groups!.commands as unknown[]).length).toBe(4);
  });

  it("/start → the menu with buttons", async () => {
    const [menu] = await new TgUser(501).say("/start");
    expect(menu!.text).toBe(engineTexts.welcome);
    expect(callbackButtons(menu!).map((b) => b.text)).toEqual(["资格自测", "申报填报", "我的草稿"]);
  });

  it("the eligibility questionnaire completed by pressing buttons; each pressed question shows the choice", async () => {
    const u = new TgUser(502);
    await u.say("/start");
    let out = await u.press("资格自测");
    let presses = 0;
    for (;;) {
      const q = out.at(-1)!;
      const buttons = callbackButtons(q);
      // A clean record (否 to 失信/违法/事故), the first option elsewhere, 不清楚 for typed facts.
      const clean = /失信|违法|事故|异常/.test(q.text ?? "") ? buttons.find((b) => b.callback_data!.endsWith(".o:no")) : undefined;
      const pick = clean ?? buttons.find((b) => b.callback_data!.includes(".o:")) ?? buttons.find((b) => /\.skip$/.test(b.callback_data!));
      if (!pick) break;
      const asked = q.text; // the stored message changes when the press edits it
      out = await u.pressData(q, pick.callback_data!);
      presses += 1;
      const pressed = server.messages.get(`${u.id}:${q.message_id}`)!;
      expect(pressed.text).toBe(`${asked}\n\n${telegramTexts.chosen(pick.text)}`);
      expect(pressed.reply_markup).toBeUndefined();
      expect(presses).toBeLessThan(60);
    }
    expect(presses).toBeGreaterThan(3);
    const verdict = out.at(-1)!;
    expect(verdict.text).toContain(engineTexts.verdicts.footer);
    expect(callbackButtons(verdict).some((b) => b.callback_data!.includes(".a:"))).toBe(true);
    // Every press was answered (answerCallbackQuery), once.
    const answered = server.calls.filter((c) => c.method === "answerCallbackQuery").length;
    expect(answered).toBeGreaterThanOrEqual(presses + 1);
  }, 120_000);

  it("an application completed (buttons pressed where shown, answers typed) → the .docx arrives", async () => {
    const u = new TgUser(503);
    for (const line of script) {
      const shown = callbackButtons(server.chatMessages(u.id).at(-1) ?? { message_id: 0, chat_id: "" });
      if (shown.some((b) => b.text === line)) await u.press(line);
      else await u.say(line);
    }
    const doc = await server.waitForMessage(u.id, (m) => m.document !== undefined, 60_000);
    expect(doc.document!.file_name).toMatch(/\.docx$/);
    expect(doc.document!.bytes.subarray(0, 2).toString()).toBe("PK");
    const content = await readDocx(doc.document!.bytes);
    expect(content.text).toContain("智能工厂");
  }, 180_000);

  it("a 429 with retry_after is waited out and the message still arrives", async () => {
    const u = new TgUser(504);
    server.rateLimit("sendMessage", 1);
    const before = server.calls.length;
    const [help] = await u.say("帮助");
    expect(help!.text).toBe(engineTexts.help);
    const sends = server.calls.slice(before).filter((c) => c.method === "sendMessage" && c.payload.chat_id === String(u.id));
    expect(sends.map((c) => c.payload.text)).toEqual([engineTexts.help, engineTexts.help]); // refused once, then sent
  });

  it("groups: only commands and mentions; forms move to the private chat by a deep link", async () => {
    const from = 601;
    server.userSends(from, "大家好", { id: GROUP, type: "supergroup" });
    server.userSends(from, "/apply", { id: GROUP, type: "supergroup" });
    const link = await server.waitForMessage(GROUP, (m) => m.text === telegramTexts.groupToPrivate);
    expect(link.reply_markup!.inline_keyboard).toEqual([[{ text: telegramTexts.openPrivate, url: "https://t.me/shenbao_test_bot?start=apply" }]]);
    const upd = server.userSends(from, "@shenbao_test_bot 先进级智能工厂对成熟度有什么要求？", { id: GROUP, type: "supergroup" });
    await adapter.waitHandled(`m:${GROUP}:${(server.update(upd).message as { message_id: number }).message_id}`);
    const inGroup = server.chatMessages(GROUP);
    expect(inGroup[0]).toBe(link); // nothing for 大家好
    // The answer quotes the notice; the engine may follow it with an offer to fill the form.
    expect(inGroup.slice(1).some((m) => (m.text ?? "").includes("《"))).toBe(true);
    expect(inGroup.flatMap(callbackButtons)).toEqual([]);
    // The deep link opens the private chat on that command: the program list.
    const [pick] = await new TgUser(from).say("/start apply");
    expect(callbackButtons(pick!).some((b) => b.callback_data!.includes(".a:"))).toBe(true);
  });

  it("stickers get a text-only reply; a document from a non-staff user gets what the bot can do, and is not downloaded", async () => {
    const u = new TgUser(505);
    server.userSendsOther(u.id, { sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } });
    await server.waitForMessage(u.id, (m) => m.text === engineTexts.errors.unsupported);
    const downloads = server.downloads.length;
    server.userSendsFile(u.id, "通知.pdf", Buffer.from("%PDF-1.4"));
    const reply = await server.waitForMessage(u.id, (m) => (m.text ?? "").includes("这里不接收文件"));
    expect(reply.reply_markup).toBeUndefined();
    expect(reply.text).toContain("资格自测");
    expect(server.downloads.length).toBe(downloads);
  });

  it("a staff user's notice file: downloaded through getFile, its metadata shown with buttons; 确认发布 publishes it", async () => {
    const u = new TgUser(507);
    const bytes = await fs.readFile(path.join(import.meta.dirname, "..", "fixtures", "notice-xm-2026-5g-factory.txt"));
    server.userSendsFile(u.id, "厦门5G工厂.txt", bytes, { mime: "text/plain" });
    const preview = await server.waitForMessage(u.id, (m) => (m.text ?? "").includes("请核对以下信息"), 60_000);
    expect(preview.text).toContain("文号：厦工信数字〔2026〕58号");
    expect(preview.text).toContain("2026-12-15");
    expect(server.downloads.some((d) => d.endsWith(".txt"))).toBe(true);
    expect(callbackButtons(preview).map((b) => b.text)).toEqual(["确认发布", "修改", "取消"]);
    const [done] = await u.press("确认发布");
    expect(done!.text).toContain("已发布《厦门市工业和信息化局关于组织开展2026年度5G工厂试点项目申报工作的通知》");
    expect(callbackButtons(done!).map((b) => b.text)).toEqual(["编写群发"]);
    // A file over the Bot API's 20 MB download limit is refused without a download.
    server.userSendsFile(u.id, "big.pdf", Buffer.from("%PDF"), { size: 25 * 1024 * 1024 });
    await server.waitForMessage(u.id, (m) => (m.text ?? "").includes("文件超过 20MB"));
  });

  it("a blocked chat (403) is marked inactive; what was posted meanwhile arrives when the user is back", async () => {
    const u = new TgUser(506);
    await u.say("/start");
    const to = { channel: "telegram" as const, chatId: String(u.id), userId: String(u.id) };
    server.block(u.id);
    expect(await app.outbox.post(to, text("申报书已生成（测试一）"), "tg-blocked-1")).toBe(true);
    expect(await adapter.isInactive(String(u.id))).toBe(true);
    const sends = () => server.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === String(u.id)).length;
    const before = sends();
    expect(await app.outbox.post(to, text("申报书已生成（测试二）"), "tg-blocked-2")).toBe(true);
    expect(sends()).toBe(before); // inactive: not even tried
    server.unblock(u.id);
    const out = await u.say("/start");
    expect(out.map((m) => m.text)).toEqual(["申报书已生成（测试一）", "申报书已生成（测试二）", engineTexts.welcome]);
    expect(await adapter.isInactive(String(u.id))).toBe(false);
  });

  it("a my_chat_member 'kicked' update marks the chat inactive", async () => {
    server.block(507, true);
    const until = Date.now() + 20_000;
    while (!(await adapter.isInactive("507")) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(await adapter.isInactive("507")).toBe(true);
  });
});

describe("Telegram adapter details over HTTP", () => {
  async function standalone(extra: Partial<TelegramAdapterOptions>, onMessage: InboundHandler) {
    const s = new BotApiServer();
    const conn = new Redis(redis.url);
    const a = new TelegramAdapter(options(await s.listen(), conn, extra));
    await a.start(onMessage);
    return { s, a, close: async () => (await a.stop(), await s.close(), conn.disconnect()) };
  }

  it("a payload over 64 bytes rides behind a short key and comes back whole; an expired one is refused politely", async () => {
    const received: InboundMessage[] = [];
    const { s, a, close } = await standalone({}, async (m) => void received.push(m));
    try {
      const long = `7.a:${"fj-2025-smart-factory-advanced:".repeat(4)}`;
      const sent = await a.send({ channel: "telegram", chatId: "900" }, { text: "选择项目", buttons: [{ id: long, label: "先进级智能工厂" }], file: null });
      const data = s.lastMessage(900).reply_markup!.inline_keyboard[0]![0]!.callback_data!;
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      s.userPresses(900, Number(sent.messageId), data);
      const expired = "~nonexistentkey";
      s.userPresses(900, Number(sent.messageId), expired);
      await s.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === telegramTexts.buttonExpired);
      await s.waitForCall((c) => c.method === "editMessageText");
      const until = Date.now() + 20_000;
      while (received.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      expect(received.map((m) => [m.kind, m.action, m.text])).toEqual([["action", long, "先进级智能工厂"]]);
    } finally {
      await close();
    }
  });

  it("a document with buttons: a long text goes first, the keyboard rides on the file and is removed when pressed", async () => {
    const received: InboundMessage[] = [];
    const { s, a, close } = await standalone({}, async (m) => void received.push(m));
    const file = path.join(dir, "申报书.docx");
    await fs.writeFile(file, "PK\u0003\u0004 test");
    try {
      const long = "说明".repeat(600); // over the 1,024-character caption limit
      const sent = await a.send({ channel: "telegram", chatId: "930" }, { text: long, buttons: [{ id: "9.confirm", label: "确认" }], file: { path: file, name: "申报书.docx" } });
      const [textMsg, docMsg] = s.chatMessages(930);
      expect(textMsg!.text).toBe(long);
      expect(docMsg!.document!.file_name).toBe("申报书.docx");
      expect(docMsg!.caption).toBeUndefined();
      expect(sent.messageId).toBe(String(docMsg!.message_id));
      s.userPresses(930, docMsg!.message_id, "9.confirm");
      await s.waitForCall((c) => c.method === "editMessageReplyMarkup" && c.payload.message_id === docMsg!.message_id);
      expect(s.messages.get(`930:${docMsg!.message_id}`)!.reply_markup).toBeUndefined();
      const until = Date.now() + 20_000;
      while (received.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      expect(received.map((m) => m.action)).toEqual(["9.confirm"]);
    } finally {
      await close();
    }
  });

  it("edits: an unchanged edit is fine, a message that is gone is sent anew", async () => {
    const { s, a, close } = await standalone({}, async () => undefined);
    try {
      const to = { channel: "telegram" as const, chatId: "940" };
      const first = await a.send(to, text("第一版"));
      expect(await a.edit(to, first.messageId!, text("第一版"))).toEqual(first); // 400 "not modified" is success
      const again = await a.edit(to, "999999", text("第二版"));
      expect(again.messageId).not.toBe("999999");
      expect(s.chatMessages(940).map((m) => m.text)).toEqual(["第一版", "第二版"]);
      expect(s.calls.filter((c) => c.method === "editMessageText").length).toBe(2);
    } finally {
      await close();
    }
  });

  it("polling: one chat's updates in order, other chats in parallel", async () => {
    const log: string[] = [];
    let releaseA!: () => void;
    const bArrived = new Promise<void>((resolve) => (releaseA = resolve));
    const { s, close } = await standalone({}, async (m) => {
      log.push(`start ${m.chatId} ${m.text}`);
      // A's first message waits for B's: were chats handled one after the other, this would never end.
      if (m.text === "A1") await bArrived;
      if (m.chatId === "921") releaseA();
      log.push(`end ${m.chatId} ${m.text}`);
    });
    try {
      s.userSends(920, "A1");
      s.userSends(920, "A2");
      s.userSends(921, "B1");
      const until = Date.now() + 20_000;
      while (log.length < 6 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      const a = log.filter((l) => l.includes(" 920 "));
      expect(a).toEqual(["start 920 A1", "end 920 A1", "start 920 A2", "end 920 A2"]);
      expect(log.indexOf("start 921 B1")).toBeLessThan(log.indexOf("end 920 A1"));
    } finally {
      await close();
    }
  });

  it("typing… is shown while a message is slow; progress() sends the chat action", async () => {
    let s!: BotApiServer;
    const seen: string[] = [];
    const r = await standalone({ typingAfterMs: 0 }, async (m) => {
      await s.waitForCall((c) => c.method === "sendChatAction" && c.payload.chat_id === m.chatId);
      seen.push(m.text);
    });
    s = r.s;
    try {
      r.s.userSends(901, "先进级智能工厂对营收有什么要求？");
      await r.s.waitForCall((c) => c.method === "sendChatAction" && c.payload.action === "typing");
      await r.a.progress({ channel: "telegram", chatId: "901" }, "uploading-document");
      expect(r.s.calls.find((c) => c.payload.action === "upload_document")?.payload).toEqual({ chat_id: "901", action: "upload_document" });
    } finally {
      await r.close();
    }
    expect(seen).toEqual(["先进级智能工厂对营收有什么要求？"]); // stop() waited for the message in flight
  });

  it("webhook: registered with the secret; requests without the right X-Telegram-Bot-Api-Secret-Token are refused", async () => {
    const s = new BotApiServer();
    const conn = new Redis(redis.url);
    const received: InboundMessage[] = [];
    const a = new TelegramAdapter(options(await s.listen(), conn, { mode: "webhook", webhook: { url: "https://bot.example.cn/tg/hook", secret: "s3cret-0123456789abcdef" } }));
    const web = Fastify();
    await web.register(a.httpRoutes!);
    try {
      const update = { update_id: 1, message: { message_id: 1, date: 1, chat: { id: 902, type: "private", first_name: "x" }, from: { id: 902, is_bot: false, first_name: "x" }, text: "你好" } };
      // Not started yet: Telegram is asked to retry.
      expect((await web.inject({ method: "POST", url: "/tg/hook", headers: { "x-telegram-bot-api-secret-token": "s3cret-0123456789abcdef" }, payload: update })).statusCode).toBe(503);
      await a.start(async (m) => void received.push(m));
      expect(s.webhook).toEqual({ url: "https://bot.example.cn/tg/hook", secret: "s3cret-0123456789abcdef" });
      expect(s.calls.some((c) => c.method === "deleteWebhook")).toBe(false);
      const none = await web.inject({ method: "POST", url: "/tg/hook", payload: update });
      const wrong = await web.inject({ method: "POST", url: "/tg/hook", headers: { "x-telegram-bot-api-secret-token": "guess" }, payload: update });
      expect([none.statusCode, wrong.statusCode]).toEqual([401, 401]);
      expect(received).toEqual([]);
      const right = await web.inject({ method: "POST", url: "/tg/hook", headers: { "x-telegram-bot-api-secret-token": "s3cret-0123456789abcdef" }, payload: update });
      expect(right.statusCode).toBe(200);
      expect(received.map((m) => m.text)).toEqual(["你好"]);
    } finally {
      await a.stop();
      await web.close();
      await s.close();
      conn.disconnect();
    }
  });

  it("the token never appears in errors or logs", async () => {
    const s = new BotApiServer();
    const apiRoot = await s.listen();
    await s.close(); // nothing listens there any more
    let logged = "";
    const log = pino({ level: "trace" }, new Writable({ write: (c, _e, cb) => ((logged += String(c)), cb()) }));
    const conn = new Redis(redis.url);
    const a = new TelegramAdapter(options(apiRoot, conn, { log }));
    try {
      const err = await a.start(async () => undefined).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(TelegramStartError);
      const sendErr = await a.send({ channel: "telegram", chatId: "903" }, text("你好")).then(() => null, (e: unknown) => e);
      expect(sendErr).not.toBeNull();
      for (const e of [err, sendErr]) {
        const all = [String(e), (e as Error).stack, inspect(e, { depth: 10, showHidden: true }), JSON.stringify(e)].join("\n");
        expect(all).not.toContain(TEST_TOKEN);
        expect(all).not.toContain(TEST_TOKEN.split(":")[1]);
      }
      expect(logged).not.toContain(TEST_TOKEN.split(":")[1]);
    } finally {
      conn.disconnect();
    }
  });
});

describe("npm start with TELEGRAM_BOT_TOKEN", () => {
  it("runs the bot next to the web chat, configured from the environment", async () => {
    const s = new BotApiServer();
    const apiRoot = await s.listen();
    const data = await fs.mkdtemp(path.join(os.tmpdir(), "shenbao-tg-start-"));
    const service = await ServiceProcess.start(serviceEnv(data, {
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      REDIS_URL: redis.url,
      REDIS_PREFIX: "tgstart",
    }));
    try {
      await s.waitForCall((c) => c.method === "deleteWebhook", { timeoutMs: 120_000 });
      s.userSends(910, "/start");
      const menu = await s.waitForMessage(910, () => true, 60_000);
      expect(menu.text).toBe(engineTexts.welcome);
    } finally {
      const code = await service.stop(); // a graceful stop of the service stops the bot with it
      await s.close();
      await fs.rm(data, { recursive: true, force: true });
      expect(code, service.stderr).toBe(0);
    }
  }, 240_000);
});
