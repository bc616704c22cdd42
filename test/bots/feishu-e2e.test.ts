/**
 * End to end with the real SDK and the real app: createApp (engine, outbox, documents queue
 * and worker on a real Redis) with the Feishu adapter, whose SDK client talks to the local
 * open platform and whose events arrive as Feishu sends them (signed, encrypted webhook
 * POSTs, or frames on the long connection).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { recordScript } from "../../scripts/bench/engine.ts";
import { createApp, redisOptionsFromUrl, type App } from "../../src/app/create-app.ts";
import type { ButtonValue, CardJson } from "../../src/bots/feishu/cards.ts";
import { engineTexts } from "../../src/flows/engine/texts.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { loadConfig } from "../../src/shared/config.ts";
import { createLogger } from "../../src/shared/log.ts";
import { echoKnowledge, makeEngine } from "../support/chat.ts";
import { readDocx } from "../support/docx.ts";
import { cardActionEvent, messageEvent, type PlatformCall } from "../support/feishu-platform.ts";
import { APP_ID, startFeishuRig, VERIFICATION_TOKEN, type FeishuRig } from "../support/feishu-rig.ts";
import { tempKnowledgeBase } from "../support/knowledge.ts";
import { TestRedis } from "../support/redis.ts";

let redis: TestRedis;
let kb: Awaited<ReturnType<typeof tempKnowledgeBase>>;
let dir: string;
let script: string[];

beforeAll(async () => {
  redis = await TestRedis.start();
  kb = await tempKnowledgeBase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "feishu-e2e-"));
  const e = makeEngine(redis.url, echoKnowledge);
  script = (await recordScript(e.engine, e.store)).slice(0, -2); // up to 确认提交
  await e.close();
});
afterAll(async () => {
  await redis?.destroy();
  await kb?.cleanup();
  await fs.rm(dir, { recursive: true, force: true });
});

async function feishuApp(mode: "ws" | "webhook", limits: { chatRatePerSec?: number } = {}): Promise<{ app: App; rig: FeishuRig; close(): Promise<void> }> {
  const rig = await startFeishuRig({ mode, redisUrl: redis.url, adapter: limits });
  const config = loadConfig({
    REDIS_URL: redis.url,
    REDIS_PREFIX: `e2e${mode}`,
    DOCUMENTS_DIR: path.join(dir, mode),
    SHENBAO_TODAY: "2026-11-22",
    IN_PROCESS_WORKER: "on",
    STAFF_USERS: "feishu:ou_e2e_user_9",
    CORPUS_DIR: kb.config.corpusDir,
    INDEX_DIR: kb.config.indexDir,
    DATA_DIR: path.join(dir, `data-${mode}`),
  });
  const app = await createApp(
    { config, clock: fixedClock("2026-11-22"), log: createLogger("silent") },
    { redis: redisOptionsFromUrl(redis.url), kb: kb.kb, adapters: [rig.adapter] },
  );
  return {
    app,
    rig,
    close: async () => {
      await app.close();
      await rig.close();
    },
  };
}

type Card = CardJson;
const cardOf = (c: PlatformCall | undefined): Card => (c?.payload as { content: Card }).content;
const textOf = (c: PlatformCall): string => {
  const p = c.payload as { msg_type: string; content: { text?: string } & Partial<Card> };
  if (p.msg_type === "text") return p.content.text ?? "";
  return JSON.stringify(p.content.body ?? p.content);
};
/** The buttons of a sent card: label → the value Feishu sends back when it is pressed. */
function buttonsOf(card: Card): Array<ButtonValue> {
  const out: ButtonValue[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (!x || typeof x !== "object") return;
    const o = x as { tag?: string; behaviors?: Array<{ value: ButtonValue }> };
    if (o.tag === "button" && o.behaviors?.[0]) out.push(o.behaviors[0].value);
    Object.values(o).forEach(walk);
  };
  walk(card.body.elements);
  return out;
}

function userOf(n: number) {
  return { chatId: `oc_e2e_chat_${n}`, userId: `ou_e2e_user_${n}` };
}

describe.each(["webhook", "ws"] as const)("Feishu end to end (%s)", (mode) => {
  it("a user's message gets the menu card; pressing a button marks the card and advances the questionnaire", async () => {
    const env = await feishuApp(mode);
    try {
      const { rig } = env;
      const u = userOf(1);
      rig.platform.takeCalls();
      await rig.deliver(messageEvent({ token: VERIFICATION_TOKEN, appId: APP_ID, ...u, text: "你好" }));
      const menuCalls = rig.platform.takeCalls();
      const menu = menuCalls.find((c) => (c.payload as { msg_type: string }).msg_type === "interactive");
      expect(menu).toBeDefined();
      const menuButtons = buttonsOf(cardOf(menu));
      expect(menuButtons.map((b) => b.l)).toEqual([engineTexts.buttons.check, engineTexts.buttons.apply, engineTexts.buttons.drafts]);

      const menuId = rig.platform.messageIdOf(menu!);
      const check = menuButtons.find((b) => b.l === engineTexts.buttons.check)!;
      await rig.deliver(cardActionEvent({ token: VERIFICATION_TOKEN, appId: APP_ID, ...u, messageId: menuId, value: check }));
      const afterPress = rig.platform.takeCalls();
      expect(afterPress[0]).toEqual({ method: "im.message.patch", payload: { message_id: menuId, content: expect.anything() } });
      const patched = cardOf(afterPress[0]);
      expect(buttonsOf(patched)).toEqual([]);
      expect(JSON.stringify(patched)).toContain(`✅ 已选择：${engineTexts.buttons.check}`);
      const question = afterPress.filter((c) => c.method === "im.message.create").at(-1)!;
      const qButtons = buttonsOf(cardOf(question));
      expect(qButtons.length).toBeGreaterThan(0);
      const firstQuestion = textOf(question);

      // Press the first answer of that question: the questionnaire moves on to another question.
      const qId = rig.platform.messageIdOf(question);
      await rig.deliver(cardActionEvent({ token: VERIFICATION_TOKEN, appId: APP_ID, ...u, messageId: qId, value: qButtons[0]! }));
      const next = rig.platform.takeCalls();
      expect(next[0]?.method).toBe("im.message.patch");
      const created = next.filter((c) => c.method === "im.message.create");
      expect(created.length).toBeGreaterThan(0);
      expect(textOf(created.at(-1)!)).not.toBe(firstQuestion);
    } finally {
      await env.close();
    }
  });

  it.runIf(mode === "webhook")("a staff user's file message: downloaded with im.messageResource.get, the metadata card, 确认发布 publishes it", async () => {
    const env = await feishuApp(mode);
    try {
      const { rig } = env;
      const u = userOf(9);
      const bytes = await fs.readFile(path.join(import.meta.dirname, "..", "fixtures", "notice-xm-2026-5g-factory.txt"));
      const held = rig.platform.holdUserFile("厦门5G工厂.txt", bytes);
      rig.platform.takeCalls();
      await rig.deliver(messageEvent({ token: VERIFICATION_TOKEN, appId: APP_ID, ...u, messageId: held.messageId, messageType: "file", content: JSON.parse(held.content) }));
      expect(rig.platform.downloads).toEqual([`${held.messageId}/${held.fileKey}`]);
      const preview = rig.platform.takeCalls().find((c) => textOf(c).includes("请核对以下信息"))!;
      expect(textOf(preview)).toContain("厦工信数字〔2026〕58号");
      const buttons = buttonsOf(cardOf(preview));
      expect(buttons.map((b) => b.l)).toEqual(["确认发布", "修改", "取消"]);
      await rig.deliver(cardActionEvent({ token: VERIFICATION_TOKEN, appId: APP_ID, ...u, messageId: rig.platform.messageIdOf(preview), value: buttons[0]! }));
      const done = rig.platform.takeCalls().filter((c) => c.method === "im.message.create").map(textOf).join("\n");
      expect(done).toContain("已发布《厦门市工业和信息化局关于组织开展2026年度5G工厂试点项目申报工作的通知》");
      // Someone else's file is not downloaded.
      const other = rig.platform.holdUserFile("x.pdf", Buffer.from("%PDF"));
      await rig.deliver(messageEvent({ token: VERIFICATION_TOKEN, appId: APP_ID, ...userOf(10), messageId: other.messageId, messageType: "file", content: JSON.parse(other.content) }));
      expect(rig.platform.downloads).toHaveLength(1);
      expect(rig.platform.takeCalls().map(textOf).join("\n")).toContain("这里不接收文件");
    } finally {
      await env.close();
    }
  });

  it.runIf(mode === "webhook")("a confirmed draft arrives as a file message carrying a real .docx", async () => {
    // ~75 answers in one chat: Feishu's 5 messages/s per chat would make this a 20 s test (the limiter has its own tests).
    const env = await feishuApp(mode, { chatRatePerSec: 500 });
    try {
      const { rig, app } = env;
      const u = userOf(2);
      for (const line of script) await rig.deliver(messageEvent({ token: VERIFICATION_TOKEN, appId: APP_ID, ...u, text: line }));
      await app.documents.drain(60_000);
      await vi.waitFor(() => expect(rig.platform.uploads.size).toBe(1), { timeout: 60_000, interval: 50 });
      await vi.waitFor(() => expect(rig.platform.calls.some((c) => (c.payload as { msg_type?: string }).msg_type === "file")).toBe(true), { timeout: 30_000, interval: 50 });
      const calls = rig.platform.takeCalls();
      const upload = [...rig.platform.uploads.values()][0]!;
      expect(upload.fileType).toBe("doc");
      expect(upload.fileName).toMatch(/\.docx$/);
      const fileMsg = calls.find((c) => (c.payload as { msg_type?: string }).msg_type === "file")!;
      expect(fileMsg.payload).toEqual({ receive_id_type: "chat_id", receive_id: u.chatId, msg_type: "file", content: { file_key: upload.fileKey } });
      const doc = await readDocx(upload.bytes);
      expect(doc.text).toMatch(/智能工厂/);
    } finally {
      await env.close();
    }
  }, 120_000);
});
