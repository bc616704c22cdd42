import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import type { Update } from "grammy/types";
import { Redis } from "ioredis";
import { afterAll, beforeAll } from "vitest";
import type { Address } from "../../src/bots/port.ts";
import { TelegramAdapter } from "../../src/bots/telegram/index.ts";
import type { InboundMessage } from "../../src/flows/engine/messages.ts";
import { createLogger } from "../../src/shared/log.ts";
import { BOT, BotApiServer, TEST_TOKEN } from "../support/bot-api-server.ts";
import { TestRedis } from "../support/redis.ts";
import { runConformance, type AdapterHarness, type PlatformCall } from "./conformance.ts";

/**
 * The Telegram harness: the real grammY client against the local Bot API server, updates
 * delivered as Telegram delivers them in webhook mode (a POST with the secret header to the
 * adapter's Fastify route, answered once handled). Polling is covered in telegram-e2e.test.ts.
 */
const USER = 777;
const GROUP = -100123;
const SECRET = "conformance-secret-0123456789";
const address: Address = { channel: "telegram", chatId: String(USER), userId: String(USER) };
const base = { channel: "telegram", chatId: String(USER), userId: String(USER) } as const;

// Files the outbound cases and the suite's durable delivery send (sendDocument reads them).
const docPath = path.join(os.tmpdir(), "shenbao-tg-conformance.docx");
const docBytes = Buffer.from("PK\u0003\u0004 conformance");
fs.writeFileSync(docPath, docBytes);
if (!fs.existsSync("/tmp/x.docx")) fs.writeFileSync("/tmp/x.docx", docBytes);

let redis: TestRedis;
let server: BotApiServer | null = null;
beforeAll(async () => {
  redis = await TestRedis.start();
});
afterAll(async () => {
  await redis.destroy();
});

let nextUpdate = 1;
const user = { id: USER, is_bot: false, first_name: "张三", language_code: "zh-hans" };
const privateChat = { id: USER, type: "private", first_name: "张三" };
const group = { id: GROUP, type: "supergroup", title: "申报交流群" };
function msg(message_id: number, fields: Record<string, unknown>, chat: object = privateChat, from: object = user): Update {
  return { update_id: nextUpdate++, message: { message_id, date: 1_700_000_000, chat, from, ...fields } } as unknown as Update;
}
const cmd = (text: string) => ({ text, entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] });
const expectText = (id: number, text: string): InboundMessage => ({ ...base, updateId: `m:${USER}:${id}`, kind: "text", text });
const call = (method: string, payload: Record<string, unknown>): PlatformCall => ({ method, payload });
const html = { parse_mode: "HTML", link_preview_options: { is_disabled: true } };
const longText = `${"第一段。".repeat(700)}\n\n${"第二段。".repeat(700)}`;

const harness: AdapterHarness<Update> = {
  name: "telegram (webhook, local Bot API)",
  address,
  async setup() {
    const s = new BotApiServer();
    server = s;
    const apiRoot = await s.listen();
    s.seedMessage(USER, "请选择："); // message 1, for the edit case
    const conn = new Redis(redis.url);
    const adapter = new TelegramAdapter({
      token: TEST_TOKEN,
      apiRoot,
      mode: "webhook",
      webhook: { url: "https://bot.example.cn/telegram/hook", secret: SECRET, timeoutMs: 120_000 },
      log: createLogger("silent"),
      redis: conn,
      prefix: `tgc${Math.random().toString(36).slice(2, 8)}`,
      botInfo: BOT,
      typingAfterMs: 600_000, // the suite asserts exact calls: no typing indicator
    });
    const app: FastifyInstance = Fastify();
    await app.register(adapter.httpRoutes!);
    await app.ready();
    let taken = 0;
    return {
      adapter,
      async deliver(event) {
        const res = await app.inject({ method: "POST", url: "/telegram/hook", headers: { "x-telegram-bot-api-secret-token": SECRET }, payload: event });
        if (res.statusCode !== 200) throw new Error(`webhook answered ${res.statusCode}: ${res.body}`);
      },
      takeCalls() {
        const calls = s.calls.slice(taken).filter((c) => !["getMe", "setMyCommands", "setWebhook", "deleteWebhook"].includes(c.method));
        taken = s.calls.length;
        return calls.map((c) => ({ method: c.method, payload: c.payload }));
      },
      async close() {
        await app.close();
        await s.close();
        conn.disconnect();
      },
    };
  },
  inbound: [
    { name: "a private text", event: msg(11, { text: "我们公司能报什么？" }), expected: expectText(11, "我们公司能报什么？") },
    { name: "/start", event: msg(12, cmd("/start")), expected: { ...base, updateId: `m:${USER}:12`, kind: "command", command: "start", text: "" } },
    {
      name: "a deep link from a group (/start apply)",
      event: msg(13, cmd("/start apply")),
      expected: { ...base, updateId: `m:${USER}:13`, kind: "command", command: "apply", text: "" },
    },
    {
      name: "a command addressed to this bot",
      event: msg(14, cmd("/drafts@shenbao_test_bot")),
      expected: { ...base, updateId: `m:${USER}:14`, kind: "command", command: "drafts", text: "" },
    },
    { name: "an unknown command is help", event: msg(15, cmd("/foo")), expected: { ...base, updateId: `m:${USER}:15`, kind: "command", command: "help", text: "" } },
    {
      name: "a sticker",
      event: msg(16, { sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 512, height: 512, is_animated: false, is_video: false } }),
      expected: { ...base, updateId: `m:${USER}:16`, kind: "unsupported", unsupported: "sticker", text: "" },
    },
    {
      name: "a photo with a caption",
      event: msg(17, { photo: [{ file_id: "p", file_unique_id: "p", width: 90, height: 90 }], caption: "营业执照" }),
      expected: { ...base, updateId: `m:${USER}:17`, kind: "unsupported", unsupported: "photo", text: "营业执照" },
    },
    {
      name: "a location",
      event: msg(18, { location: { latitude: 26.07, longitude: 119.3 } }),
      expected: { ...base, updateId: `m:${USER}:18`, kind: "unsupported", unsupported: "location", text: "" },
    },
    { name: "a voice message", event: msg(19, { voice: { file_id: "v", file_unique_id: "v", duration: 3 } }), expected: { ...base, updateId: `m:${USER}:19`, kind: "unsupported", unsupported: "voice", text: "" } },
    {
      name: "a document: kind file, its caption as text",
      event: msg(20, { document: { file_id: "d", file_unique_id: "d", file_name: "申报书.docx", mime_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", file_size: 1234 }, caption: "新通知" }),
      expected: { ...base, updateId: `m:${USER}:20`, kind: "file", text: "新通知", file: { name: "申报书.docx", size: 1234, mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ref: "d" } },
    },
    { name: "a group message without a mention", event: msg(21, { text: "大家好" }, group), expected: null },
    {
      name: "a group mention: the question, under the user's group identity",
      event: msg(22, { text: "@shenbao_test_bot 营收按哪一年算？", entities: [{ type: "mention", offset: 0, length: 17 }] }, group),
      expected: { channel: "telegram", chatId: String(GROUP), userId: `${USER}@${GROUP}`, updateId: `m:${GROUP}:22`, kind: "text", text: "营收按哪一年算？" },
    },
    { name: "a form command in a group moves to the private chat", event: msg(23, cmd("/apply"), group), expected: null },
    { name: "a command for another bot in a group", event: msg(24, cmd("/start@other_bot"), group), expected: null },
    { name: "a bot's own message", event: msg(25, { text: "hi" }, privateChat, { id: 99, is_bot: true, first_name: "bot" }), expected: null },
    {
      name: "an edited message",
      event: { update_id: nextUpdate++, edited_message: { message_id: 26, date: 1, edit_date: 2, chat: privateChat, from: user, text: "改" } } as unknown as Update,
      expected: null,
    },
  ],
  outbound: [
    {
      name: "text is HTML-escaped",
      message: { text: "营收 <1亿 & 人数>300", buttons: [], file: null },
      calls: [call("sendMessage", { chat_id: String(USER), text: "营收 &lt;1亿 &amp; 人数&gt;300", ...html })],
    },
    {
      name: "buttons: an inline keyboard, short labels share a row",
      message: {
        text: "是否为独立法人？",
        buttons: [
          { id: "3.o:yes", label: "是" },
          { id: "3.o:no", label: "否" },
          { id: "3.a:fj-2025-smart-factory-advanced", label: "申报先进级智能工厂（福建省）" },
        ],
        file: null,
      },
      calls: [
        call("sendMessage", {
          chat_id: String(USER),
          text: "是否为独立法人？",
          ...html,
          reply_markup: {
            inline_keyboard: [
              [
                { text: "是", callback_data: "3.o:yes" },
                { text: "否", callback_data: "3.o:no" },
              ],
              [{ text: "申报先进级智能工厂（福建省）", callback_data: "3.a:fj-2025-smart-factory-advanced" }],
            ],
          },
        }),
      ],
    },
    {
      name: "text over 4,096 characters is split at the paragraph",
      message: { text: longText, buttons: [{ id: "4.pause", label: "暂停" }], file: null },
      calls: [
        call("sendMessage", { chat_id: String(USER), text: "第一段。".repeat(700), ...html }),
        call("sendMessage", { chat_id: String(USER), text: "第二段。".repeat(700), ...html, reply_markup: { inline_keyboard: [[{ text: "暂停", callback_data: "4.pause" }]] } }),
      ],
    },
    {
      name: "a file: sendDocument with the text as caption",
      message: { text: "申报书已生成", buttons: [], file: { path: docPath, name: "申报书.docx" } },
      calls: [call("sendDocument", { chat_id: String(USER), caption: "申报书已生成", parse_mode: "HTML", document: { file_name: "申报书.docx", bytes: docBytes } })],
    },
    {
      name: "an edit (editOf) replaces the text and drops the keyboard",
      message: { text: "是否为独立法人？\n\n已选择：是", buttons: [], file: null, editOf: "1" },
      calls: [call("editMessageText", { chat_id: String(USER), message_id: 1, text: "是否为独立法人？\n\n已选择：是", parse_mode: "HTML" })],
    },
  ],
  greeting: msg(30, { text: "帮助" }),
  file: { event: (name, bytes) => msg(40 + nextUpdate, { document: server!.holdFile(name, bytes) }) },
  press(button, sent) {
    const stored = server!.messages.get(`${USER}:${sent.messageId}`);
    const data = stored?.reply_markup?.inline_keyboard.flat().find((b) => b.text === button.label)?.callback_data;
    if (!stored || data === undefined) throw new Error(`no button ${button.label} on message ${sent.messageId}`);
    return {
      update_id: nextUpdate++,
      callback_query: {
        id: `cq${nextUpdate}`,
        from: user,
        chat_instance: "ci",
        data,
        message: { message_id: Number(sent.messageId), date: 1_700_000_000, chat: privateChat, from: BOT, text: stored.text, reply_markup: stored.reply_markup },
      },
    } as unknown as Update;
  },
};

runConformance(harness);
