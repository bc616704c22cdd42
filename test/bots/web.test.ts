import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll } from "vitest";
import type { Address } from "../../src/bots/port.ts";
import { chatIdOf } from "../../src/bots/web/session.ts";
import { WebAdapter, type WebEvent } from "../../src/bots/web/web-adapter.ts";
import type { InboundMessage } from "../../src/flows/engine/messages.ts";
import { createLogger } from "../../src/shared/log.ts";
import { TestRedis } from "../support/redis.ts";
import { runConformance, type AdapterHarness, type PlatformCall } from "./conformance.ts";

/** What the page posts to /api/messages (the session cookie says which chat). */
type PostedEvent = Omit<WebEvent, "chatId">;

const token = "t".repeat(43);
const chatId = chatIdOf(token)!;
const address: Address = { channel: "web", chatId, userId: chatId };
const base = { channel: "web", chatId, userId: chatId } as const;
const text = (clientId: string, t: string): InboundMessage => ({ ...base, updateId: clientId, kind: "text", text: t });
const yesNo = [
  { id: "q:3:yes", label: "是" },
  { id: "q:3:no", label: "否" },
];
const bot = (t: string, buttons = [] as typeof yesNo, file: { name: string; url: string } | null = null): PlatformCall => ({
  method: "message",
  payload: { type: "bot", text: t, buttons, file },
});

let redis: TestRedis;
let docsDir: string;
beforeAll(async () => {
  redis = await TestRedis.start();
  docsDir = await fs.mkdtemp(path.join(os.tmpdir(), "shenbao-webdocs-"));
});
afterAll(async () => {
  await redis.destroy();
  await fs.rm(docsDir, { recursive: true, force: true });
});

/**
 * The web chat's platform is the browser: events are POSTs to the service's own routes
 * (Fastify inject, the real HTTP pipeline), and the "platform calls" are the entries the
 * adapter stores in the chat's stream, which the page receives over SSE.
 */
const webHarness: AdapterHarness<PostedEvent> = {
  name: "web",
  address,
  async setup() {
    const adapter = new WebAdapter({
      redis: { host: "127.0.0.1", port: redis.port },
      prefix: `web${Math.random().toString(36).slice(2, 8)}`,
      log: createLogger("silent"),
      documentsDir: docsDir,
      ttlSeconds: 3600,
    });
    const app: FastifyInstance = Fastify();
    await app.register(adapter.httpRoutes);
    await app.ready();
    let lastId: string | null = null;
    return {
      adapter,
      deliver: async (event) => {
        await app.inject({ method: "POST", url: "/api/messages", cookies: { sb_sid: token }, payload: event });
      },
      takeCalls: async () => {
        const entries = await adapter.history.after(chatId, lastId);
        if (entries.length > 0) lastId = entries.at(-1)!.id;
        return entries
          .filter((e) => e.entry.type !== "user")
          .map(({ entry }) => {
            const { type, ...rest } = entry;
            const payload = "file" in rest && rest.file ? { ...rest, file: { ...rest.file, url: rest.file.url.replace(/[^/]+$/, "<id>") } } : rest;
            return type === "edit" ? { method: "edit", payload } : { method: "message", payload: { type, ...payload } };
          });
      },
      close: async () => {
        await app.close();
      },
    };
  },
  inbound: [
    { name: "a question", event: { clientId: "c-text-0001", text: "我们公司能报什么？" }, expected: text("c-text-0001", "我们公司能报什么？") },
    { name: "spaces are kept for the engine", event: { clientId: "c-text-0002", text: "  3千万 " }, expected: text("c-text-0002", "  3千万 ") },
    { name: "a typed number is text, never a button", event: { clientId: "c-text-0003", text: "1" }, expected: text("c-text-0003", "1") },
    { name: "a typed button label is text", event: { clientId: "c-text-0004", text: "是" }, expected: text("c-text-0004", "是") },
    { name: "a press of a button that was never sent is dropped", event: { clientId: "c-act-0001", action: "9.delyes", messageId: "1-0" }, expected: null },
    { name: "an over-long message is refused", event: { clientId: "c-long-0001", text: "长".repeat(2001) }, expected: null },
    { name: "a body that is not an event is refused", event: { clientId: "no" } as PostedEvent, expected: null },
  ],
  outbound: [
    { name: "text", message: { text: "你好", buttons: [], file: null }, calls: [bot("你好")] },
    { name: "buttons", message: { text: "是否为独立法人？", buttons: yesNo, file: null }, calls: [bot("是否为独立法人？", yesNo)] },
    {
      name: "a file becomes a link only this chat can open",
      message: { text: "申报书已生成", buttons: [], file: { path: "/d/a.docx", name: "申报书.docx" } },
      calls: [bot("申报书已生成", [], { name: "申报书.docx", url: "/files/<id>" })],
    },
    {
      name: "an edit replaces the earlier message",
      message: { text: "已选择：是", buttons: [], file: null, editOf: "1-0" },
      calls: [{ method: "edit", payload: { target: "1-0", text: "已选择：是", buttons: [], file: null } }],
    },
  ],
  greeting: { clientId: "greeting-0001", text: "帮助" },
  press: (button, sent) => ({ clientId: `press-${Math.random().toString(36).slice(2, 12)}`, action: button.id, messageId: sent.messageId! }),
};

runConformance(webHarness);
