import { afterAll, beforeAll } from "vitest";
import { buildCard } from "../../src/bots/feishu/cards.ts";
import type { Address } from "../../src/bots/port.ts";
import type { InboundMessage } from "../../src/flows/engine/messages.ts";
import { cardActionEvent, messageEvent, type FeishuPlatform } from "../support/feishu-platform.ts";
import { APP_ID, startFeishuRig, VERIFICATION_TOKEN } from "../support/feishu-rig.ts";
import { TestRedis } from "../support/redis.ts";
import { runConformance, type AdapterHarness, type PlatformCall } from "./conformance.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

let redis: TestRedis;
beforeAll(async () => {
  redis = await TestRedis.start();
});
afterAll(async () => {
  await redis.destroy();
});

const CHAT = "oc_5ad11d72b830411d72b836c20";
const USER = "ou_7d8a6e6df7621556ce0d21922b676706";
const GROUP = "oc_group0000000000000000000000001";
const BOT = "ou_bot000000000000000000000000001";
const address: Address = { channel: "feishu", chatId: CHAT, userId: USER };
const ev = { token: VERIFICATION_TOKEN, appId: APP_ID };
const inbound = (over: Partial<InboundMessage> & Pick<InboundMessage, "updateId" | "kind" | "text">): InboundMessage => ({
  channel: "feishu",
  chatId: CHAT,
  userId: USER,
  ...over,
});
const create = (content: unknown, msgType = "text"): PlatformCall => ({
  method: "im.message.create",
  payload: { receive_id_type: "chat_id", receive_id: CHAT, msg_type: msgType, content },
});

const yesNo = [
  { id: "7.o:yes", label: "是" },
  { id: "7.o:no", label: "否" },
];
const docFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "feishu-doc-")), "a.docx");
fs.writeFileSync(docFile, Buffer.from("PK\u0003\u0004 not really a docx"));

function feishuHarness(mode: "ws" | "webhook"): AdapterHarness<Record<string, unknown>> {
  let platform: FeishuPlatform | null = null;
  return {
    name: `feishu (${mode === "ws" ? "long connection" : "webhook"})`,
    address,
    setup: async () => {
      const rig = await startFeishuRig({ mode, redisUrl: redis.url });
      platform = rig.platform;
      return {
        adapter: rig.adapter,
        deliver: async (e) => void (await rig.deliver(e)),
        takeCalls: () => rig.platform.takeCalls(),
        close: () => rig.close(),
      };
    },
    inbound: [
      {
        name: "a private text message",
        event: messageEvent({ ...ev, eventId: "ev_p2p_1", chatId: CHAT, userId: USER, text: "我们公司能报什么？" }),
        expected: inbound({ updateId: "ev_p2p_1", kind: "text", text: "我们公司能报什么？" }),
      },
      {
        name: "spaces are kept in a private chat",
        event: messageEvent({ ...ev, eventId: "ev_p2p_2", chatId: CHAT, userId: USER, text: "  3千万 " }),
        expected: inbound({ updateId: "ev_p2p_2", kind: "text", text: "  3千万 " }),
      },
      {
        name: "a group message mentioning the bot, mention removed",
        event: messageEvent({ ...ev, eventId: "ev_grp_1", chatId: GROUP, chatType: "group", userId: USER, text: "@_user_1 帮助", mentions: [{ key: "@_user_1", open_id: BOT, name: "申报助手" }] }),
        expected: inbound({ chatId: GROUP, updateId: "ev_grp_1", kind: "text", text: "帮助" }),
      },
      {
        name: "a group message mentioning someone else only is ignored",
        event: messageEvent({ ...ev, eventId: "ev_grp_2", chatId: GROUP, chatType: "group", userId: USER, text: "@_user_1 看一下", mentions: [{ key: "@_user_1", open_id: "ou_colleague", name: "王工" }] }),
        expected: null,
      },
      {
        name: "a group message without a mention is ignored",
        event: messageEvent({ ...ev, eventId: "ev_grp_3", chatId: GROUP, chatType: "group", userId: USER, text: "今天开会" }),
        expected: null,
      },
      {
        name: "another app's message is ignored",
        event: messageEvent({ ...ev, eventId: "ev_app_1", chatId: CHAT, userId: USER, text: "hi", senderType: "app" }),
        expected: null,
      },
      {
        name: "a file message: kind file with its name, the message id and file key as ref",
        event: messageEvent({ ...ev, eventId: "ev_file_1", messageId: "om_file_1", chatId: CHAT, userId: USER, messageType: "file", content: { file_key: "file_v3_abc", file_name: "关于申报的通知.pdf" } }),
        expected: inbound({ updateId: "ev_file_1", kind: "file", text: "", file: { name: "关于申报的通知.pdf", size: null, ref: "om_file_1:file_v3_abc" } }),
      },
      {
        name: "a sticker is unsupported",
        event: messageEvent({ ...ev, eventId: "ev_stk_1", chatId: CHAT, userId: USER, messageType: "sticker", content: { file_key: "v2_abc" } }),
        expected: inbound({ updateId: "ev_stk_1", kind: "unsupported", text: "", unsupported: "sticker" }),
      },
      {
        name: "a rich-text (post) message reads as its text",
        event: messageEvent({
          ...ev,
          eventId: "ev_post_1",
          chatId: CHAT,
          userId: USER,
          messageType: "post",
          content: { title: "", content: [[{ tag: "text", text: "营业收入" }, { tag: "text", text: "3千万" }], [{ tag: "a", text: "链接", href: "https://x" }]] },
        }),
        expected: inbound({ updateId: "ev_post_1", kind: "text", text: "营业收入3千万\n链接" }),
      },
      {
        name: "a card button press",
        event: cardActionEvent({ ...ev, eventId: "ev_card_1", chatId: CHAT, userId: USER, messageId: "om_77", value: { a: "7.o:yes", l: "是" } }),
        expected: inbound({ updateId: "ev_card_1", kind: "action", text: "是", action: "7.o:yes", sourceMessageId: "om_77" }),
      },
    ],
    outbound: [
      { name: "text", message: { text: "你好", buttons: [], file: null }, calls: [create({ text: "你好" })] },
      {
        name: "buttons: a card (JSON 2.0) with callback buttons",
        message: { text: "是否为独立法人？", buttons: yesNo, file: null },
        calls: [
          create(
            {
              schema: "2.0",
              config: { update_multi: true, width_mode: "fill" },
              body: {
                elements: [
                  { tag: "div", text: { tag: "plain_text", content: "是否为独立法人？" } },
                  {
                    tag: "column_set",
                    flex_mode: "flow",
                    horizontal_spacing: "8px",
                    columns: [
                      { tag: "column", width: "auto", elements: [{ tag: "button", element_id: "b0", text: { tag: "plain_text", content: "是" }, type: "primary_filled", behaviors: [{ type: "callback", value: { a: "7.o:yes", l: "是" } }] }] },
                      { tag: "column", width: "auto", elements: [{ tag: "button", element_id: "b1", text: { tag: "plain_text", content: "否" }, type: "default", behaviors: [{ type: "callback", value: { a: "7.o:no", l: "否" } }] }] },
                    ],
                  },
                ],
              },
            },
            "interactive",
          ),
        ],
      },
      {
        name: "a file: the text, the upload, a file message",
        message: { text: "申报书已生成", buttons: [], file: { path: docFile, name: "申报书.docx" } },
        calls: [
          create({ text: "申报书已生成" }),
          { method: "im.file.create", payload: { file_type: "doc", file_name: "申报书.docx", bytes: fs.statSync(docFile).size } },
          create({ file_key: "file_v3_2" }, "file"),
        ],
      },
      {
        name: "an edit patches the card",
        message: { text: "已选择：是", buttons: [], file: null, editOf: "om_42" },
        calls: [{ method: "im.message.patch", payload: { message_id: "om_42", content: buildCard("已选择：是", []) } }],
      },
      {
        name: "a long text is split at line breaks within Feishu's limits",
        message: { text: `${"甲".repeat(3000)}\n${"乙".repeat(3000)}\n${"丙".repeat(900)}`, buttons: [], file: null },
        calls: [create({ text: "甲".repeat(3000) }), create({ text: `${"乙".repeat(3000)}\n${"丙".repeat(900)}` })],
      },
    ],
    greeting: messageEvent({ ...ev, eventId: "ev_greeting", chatId: CHAT, userId: USER, text: "帮助" }),
    file: {
      event: (name, bytes) => {
        const held = platform!.holdUserFile(name, bytes);
        return messageEvent({ ...ev, messageId: held.messageId, chatId: CHAT, userId: USER, messageType: "file", content: JSON.parse(held.content) });
      },
    },
    press: (button, sent) => cardActionEvent({ ...ev, chatId: CHAT, userId: USER, messageId: sent.messageId ?? "", value: { a: button.id, l: button.label } }),
  };
}

runConformance(feishuHarness("webhook"));
runConformance(feishuHarness("ws"));
