import type { InboundMessage, UnsupportedKind } from "../../flows/engine/messages.ts";
import type { ButtonValue } from "./cards.ts";

/**
 * `im.message.receive_v1` as the SDK's dispatcher hands it to a handler (header and event
 * merged, https://open.feishu.cn/document/server-docs/im-v1/message/events/receive).
 */
export interface MessageReceiveEvent {
  event_id?: string;
  sender: { sender_id?: { open_id?: string }; sender_type: string };
  message: {
    message_id: string;
    chat_id: string;
    chat_type: string;
    message_type: string;
    content: string;
    mentions?: Array<{ key: string; id: { open_id?: string }; name: string }>;
  };
}

/** `card.action.trigger`, merged the same way (https://open.feishu.cn/document/feishu-cards/card-callback-communication). */
export interface CardActionEvent {
  event_id?: string;
  operator?: { open_id?: string };
  action?: { value?: unknown; tag?: string };
  context?: { open_message_id?: string; open_chat_id?: string };
}

const UNSUPPORTED: Record<string, UnsupportedKind> = {
  image: "photo",
  sticker: "sticker",
  audio: "voice",
  media: "video",
  file: "file",
  location: "location",
};

function parseContent(raw: string): Record<string, unknown> {
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === "object" ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The text of a rich-text (post) message: its title and text runs, one line per paragraph; mentions dropped. */
function postText(content: Record<string, unknown>): string {
  const body = (content.content ?? (content.zh_cn as Record<string, unknown> | undefined)?.content) as unknown;
  const lines: string[] = typeof content.title === "string" && content.title !== "" ? [content.title] : [];
  if (Array.isArray(body)) {
    for (const para of body) {
      if (!Array.isArray(para)) continue;
      lines.push(para.map((el: { tag?: string; text?: string }) => (el.tag === "text" || el.tag === "a" ? (el.text ?? "") : "")).join(""));
    }
  }
  return lines.join("\n");
}

/**
 * One received message → the engine's message, or null when the bot must ignore it: a
 * message from another app or bot, or a group message that does not mention this bot.
 * The bot's own mention is removed from the text; other mentions read as `@name`.
 */
export function messageToInbound(e: MessageReceiveEvent, botOpenId: string | null): InboundMessage | null {
  const { message: m, sender } = e;
  if (!m || !sender) return null;
  const userId = sender.sender_id?.open_id;
  if (sender.sender_type !== "user" || !userId || !e.event_id) return null;
  const mentions = m.mentions ?? [];
  const mentionsBot = botOpenId !== null && mentions.some((x) => x.id.open_id === botOpenId);
  if (m.chat_type !== "p2p" && !mentionsBot) return null;
  const base = { channel: "feishu" as const, chatId: m.chat_id, userId, updateId: e.event_id };
  const content = parseContent(m.content);
  if (m.message_type === "file" && typeof content.file_key === "string" && content.file_key !== "") {
    // The bytes stay on Feishu: `ref` is what im.messageResource.get needs (message id + file key).
    const name = typeof content.file_name === "string" ? content.file_name : "";
    return { ...base, kind: "file", text: "", file: { name, size: null, ref: `${m.message_id}:${content.file_key}` } };
  }
  let text: string;
  if (m.message_type === "text") text = typeof content.text === "string" ? content.text : "";
  else if (m.message_type === "post") text = postText(content);
  else return { ...base, kind: "unsupported", text: "", unsupported: UNSUPPORTED[m.message_type] ?? "other" };
  for (const x of mentions) {
    text = x.id.open_id === botOpenId ? text.replace(new RegExp(`${escapeRe(x.key)}\\s*`, "g"), "") : text.split(x.key).join(`@${x.name}`);
  }
  return { ...base, kind: "text", text: m.chat_type === "p2p" ? text : text.trim() };
}

/** A pressed card button → the engine's action (its payload), or null when the callback carries none of ours. */
export function cardActionToInbound(e: CardActionEvent): InboundMessage | null {
  const value = e.action?.value as Partial<ButtonValue> | undefined;
  const chatId = e.context?.open_chat_id;
  const userId = e.operator?.open_id;
  if (!value || typeof value.a !== "string" || !chatId || !userId || !e.event_id) return null;
  return {
    channel: "feishu",
    chatId,
    userId,
    updateId: e.event_id,
    kind: "action",
    text: typeof value.l === "string" ? value.l : "",
    action: value.a,
    ...(e.context?.open_message_id ? { sourceMessageId: e.context.open_message_id } : {}),
  };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
