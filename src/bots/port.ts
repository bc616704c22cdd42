import type { Channel, InboundMessage, OutboundMessage } from "../flows/engine/messages.ts";

/**
 * The channel port: what every chat adapter (console, web, Telegram, Feishu) implements.
 * An adapter only translates: platform update → `InboundMessage`, `OutboundMessage` →
 * platform calls. It holds no conversation state and never imports the engine; the app
 * (src/app) wires it to the engine and registers it with the outbox.
 *
 * Contract, checked by test/bots/conformance.ts for every adapter:
 * - the same platform event delivered twice yields the same `updateId` (or is dropped), so it has one effect;
 * - a button sent with `id` comes back, when pressed on the platform, as `kind: "action"`, `action: id`;
 * - `onMessage` is awaited before the next message of the same chat is passed on (order per chat).
 *
 * `httpRoutes`: routes the adapter needs on the service's HTTP server (webhooks, the web
 * chat), a Fastify plugin the server registers before it listens (src/app/http/server.ts).
 */
export interface ChannelAdapter {
  readonly channel: Channel;
  /**
   * Start receiving (connect, poll, mount a webhook…). Resolves once the adapter is
   * receiving, not when it stops. Every inbound message goes to `onMessage`.
   */
  start(onMessage: InboundHandler): Promise<void>;
  /**
   * Send a new message to `to`. The id it returns is what a later `edit` (`editOf`) refers to.
   * With `opts.idempotencyKey` (durable outbox deliveries), a repeat with the same key should
   * have no second effect where the channel can tell (see `SendOptions`).
   */
  send(to: Address, message: OutboundMessage, opts?: SendOptions): Promise<SentMessage>;
  /**
   * Replace an earlier message (`messageId` from `send`, or an inbound `sourceMessageId`),
   * e.g. drop a pressed button's keyboard and show the choice. Platforms that cannot
   * edit send `message` as a new one.
   */
  edit(to: Address, messageId: string, message: OutboundMessage, opts?: SendOptions): Promise<SentMessage>;
  /** Show that something slow is under way (Telegram sendChatAction, a web spinner). May do nothing. */
  progress(to: Address, activity: Activity): Promise<void>;
  /**
   * Whether this adapter instance can reach `to`. Telegram, Feishu and web reach any chat of
   * their channel from any process; the console reaches only the user at its terminal.
   */
  owns(to: Address): boolean;
  /**
   * Download a file a user sent (`InboundMessage.file.ref`, from a message of chat `to`).
   * Refuses (FileTooLargeError) one over `maxBytes` before or while downloading. Adapters of
   * channels that take no files leave it out.
   */
  fetchFile?(to: Address, ref: string, maxBytes: number): Promise<Buffer>;
  /** Drop what this channel keeps about a chat (history, file links) when its user deletes their data. */
  forget?(to: Address): Promise<void>;
  /** Stop receiving and release the platform connection; in-flight `onMessage` calls finish first. */
  stop(): Promise<void>;
  /** Routes the web service registers on its Fastify server (a webhook), for adapters that receive over HTTP. */
  readonly httpRoutes?: import("fastify").FastifyPluginAsync;
}

export interface SendOptions {
  /**
   * Unique to one delivery, the same when it is retried: the outbox passes its delivery key, so
   * a message re-sent after a process died between the platform accepting it and the outbox
   * confirming it is dropped by a channel that can recognise it (the web chat keeps the keys it
   * stored; Feishu derives its request `uuid` from it, deduplicated by the platform for an hour).
   * Channels without such a means (Telegram, the console) ignore it.
   */
  idempotencyKey?: string;
}

/** Where a message goes. `userId` is absent for group or broadcast targets. */
export interface Address {
  channel: Channel;
  /** Opaque, channel-scoped: a private chat, a group, a web session. */
  chatId: string;
  userId?: string;
}

/**
 * Receives one inbound message; resolves when the engine has handled it (replies sent).
 * `hints` carry what the adapter learnt on the way for free, so the handler need not ask again.
 */
export type InboundHandler = (message: InboundMessage, hints?: InboundHints) => Promise<void>;

export interface InboundHints {
  /**
   * The adapter looked at the chat's pending outbox deliveries (`pendingDeliveriesKey`) in the
   * same Redis call that recorded the message: false when there were none, so the handler skips
   * its own look before the engine runs. A promise when the adapter is still recording the
   * message: the handler may start reading the user's state meanwhile, but acts on nothing
   * before it resolves; it rejects when the message could not be recorded (the handler then
   * throws and the adapter answers as for any failure to record).
   */
  pendingDeliveries?: boolean | Promise<boolean>;
}

/**
 * The Redis hash holding a chat's undelivered outbox messages (src/app/outbox.ts), under the
 * service's REDIS_PREFIX; it exists only while something is pending.
 */
export function pendingDeliveriesKey(prefix: string, to: Pick<Address, "channel" | "chatId">): string {
  return `${prefix}:outbox:${to.channel}:${to.chatId}`;
}

export interface SentMessage {
  /** The platform's id of the message, for `edit`; null when the platform has none. */
  messageId: string | null;
}

export type Activity = "typing" | "uploading-document";

/** A file over the size cap: `fetchFile` stops before downloading (or reading) more. */
export class FileTooLargeError extends Error {
  readonly code = "FILE_TOO_LARGE";
  constructor(
    readonly size: number | null,
    readonly maxBytes: number,
  ) {
    super(`file over ${maxBytes} bytes${size !== null ? ` (${size})` : ""}`);
  }
}

/** Reads a stream of chunks into one Buffer, refusing once it passes `maxBytes`. */
export async function readCapped(chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let n = 0;
  for await (const c of chunks) {
    n += c.length;
    if (n > maxBytes) throw new FileTooLargeError(null, maxBytes);
    parts.push(Buffer.from(c));
  }
  return Buffer.concat(parts);
}

/** The address replies to an inbound message go to. */
export function replyAddress(m: InboundMessage): Address {
  return { channel: m.channel, chatId: m.chatId, userId: m.userId };
}
