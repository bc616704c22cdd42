import { createHash } from "node:crypto";
import path from "node:path";
import type { FastifyPluginAsync } from "fastify";
import { Redis, type RedisOptions } from "ioredis";
import type { InboundMessage, OutboundMessage } from "../../flows/engine/messages.ts";
import type { Logger } from "../../shared/log.ts";
import { pendingDeliveriesKey, type Activity, type Address, type ChannelAdapter, type InboundHandler, type SendOptions, type SentMessage } from "../port.ts";
import { ChatHistory, type WebEntry } from "./history.ts";
import { webRoutes } from "./routes.ts";
import { SseHub } from "./sse-hub.ts";

export interface WebAdapterOptions {
  /** Where Redis is; the adapter opens its own connections (commands, pub/sub) and closes them on `stop`. */
  redis: RedisOptions;
  /** REDIS_PREFIX: keys under `<prefix>:web:*`. */
  prefix: string;
  log: Logger;
  /** Files are served only from under this folder (DOCUMENTS_DIR). */
  documentsDir: string;
  /** How long a chat's history and file links live after its last message (DRAFT_RETENTION_DAYS). */
  ttlSeconds: number;
  /** Send the session cookie with `Secure` (behind HTTPS). @defaultValue false */
  secureCookie?: boolean;
}

/** An inbound web event as the page posts it. */
export interface WebEvent {
  chatId: string;
  /** Client-made id of this message; a retried POST has the same one (one effect). */
  clientId: string;
  text?: string;
  /** A pressed button's id, with the id of the message that carried it. */
  action?: string;
  messageId?: string;
}

export class WebInputError extends Error {
  constructor(readonly code: "STALE_BUTTON" | "STOPPING") {
    super(code);
  }
}

/**
 * The web chat channel. The page posts what the user types or presses (`/api/messages`) and
 * receives everything the bot says over server-sent events (`/api/events`), from a Redis
 * stream per chat, so any service process can serve any request of a conversation and a
 * document finished later still appears. A chat is a browser session (HttpOnly cookie).
 */
export class WebAdapter implements ChannelAdapter {
  readonly channel = "web" as const;
  readonly history: ChatHistory;
  readonly httpRoutes: FastifyPluginAsync;
  readonly redis: Redis;
  private readonly hub: SseHub;
  private onMessage: InboundHandler | null = null;
  private inFlight = 0;
  private drained: (() => void) | null = null;
  /** Chats whose replies could not be stored during the request now being handled. */
  private readonly failedChats = new Set<string>();

  constructor(readonly opts: WebAdapterOptions) {
    // Fail fast while Redis is down: the page is told at once and keeps the message.
    this.redis = new Redis({ ...opts.redis, maxRetriesPerRequest: 2, connectTimeout: 2000, lazyConnect: true, enableAutoPipelining: true });
    let lastError = 0;
    this.redis.on("error", (err) => {
      if (Date.now() - lastError < 10_000) return;
      lastError = Date.now();
      opts.log.warn({ err: err.message }, "web chat redis error");
    });
    this.history = new ChatHistory({ redis: this.redis, prefix: opts.prefix, ttlSeconds: opts.ttlSeconds });
    this.hub = new SseHub({ redis: this.redis, channel: `${opts.prefix}:web:push`, history: this.history, log: opts.log });
    this.httpRoutes = webRoutes(this);
  }

  get accepting(): boolean {
    return this.onMessage !== null;
  }

  get sse(): SseHub {
    return this.hub;
  }

  async start(onMessage: InboundHandler): Promise<void> {
    if (this.redis.status === "wait") await this.redis.connect();
    await this.hub.start();
    this.onMessage = onMessage;
  }

  /**
   * Handle one posted event: record what the user said, then hand it to the engine. Resolves
   * once the replies are stored and pushed; `false` when a reply could not be stored (Redis down).
   */
  async receive(event: WebEvent): Promise<boolean> {
    const handler = this.onMessage;
    if (!handler) throw new WebInputError("STOPPING");
    this.inFlight++;
    try {
      const message = await this.inbound(event);
      this.failedChats.delete(event.chatId);
      // Recording the message also tells whether outbox deliveries wait for this chat. The
      // handler gets it while the call is under way (it reads the user's state in the same
      // tick) and acts on nothing before the message is recorded; a failure to record rejects
      // there, so the handler throws before the engine runs.
      const recorded = this.record(event.chatId, { type: "user", text: message.text }, { key: `${this.opts.prefix}:web:upd:${event.chatId}:${event.clientId}`, ttlSeconds: 86_400 }, true).then((r) => r.pending);
      // Awaited below in any case; a handler that throws before awaiting it leaves no unhandled rejection.
      recorded.catch(() => undefined);
      await handler(message, { pendingDeliveries: recorded });
      await recorded;
      return !this.failedChats.delete(event.chatId);
    } finally {
      if (--this.inFlight === 0) this.drained?.();
    }
  }

  /** Translate a posted event; a button press must name a button of a message of this chat. */
  async inbound(event: WebEvent): Promise<InboundMessage> {
    const base = { channel: "web" as const, chatId: event.chatId, userId: event.chatId, updateId: event.clientId };
    if (event.action === undefined) return { ...base, kind: "text", text: event.text ?? "" };
    const source = event.messageId ? await this.history.get(event.chatId, event.messageId) : null;
    const button = source && source.type !== "user" ? source.buttons.find((b) => b.id === event.action) : undefined;
    if (!button) throw new WebInputError("STALE_BUTTON");
    return { ...base, kind: "action", text: button.label, action: button.id, sourceMessageId: event.messageId! };
  }

  async send(to: Address, m: OutboundMessage, opts?: SendOptions): Promise<SentMessage> {
    const entry: WebEntry = { type: "bot", text: m.text, buttons: m.buttons.map((b) => ({ id: b.id, label: b.label })), file: await this.fileLink(to.chatId, m) };
    return { messageId: (await this.record(to.chatId, entry, this.onceOf(to.chatId, opts))).id };
  }

  /** A durable delivery repeated (its process died before the outbox confirmed it) is stored once: the key keeps its message id. */
  private onceOf(chatId: string, opts?: SendOptions): { key: string; ttlSeconds: number } | undefined {
    if (!opts?.idempotencyKey) return undefined;
    const digest = createHash("sha256").update(opts.idempotencyKey).digest("base64url").slice(0, 22);
    return { key: `${this.opts.prefix}:web:out:${chatId}:${digest}`, ttlSeconds: this.opts.ttlSeconds };
  }

  async edit(to: Address, messageId: string, m: OutboundMessage, opts?: SendOptions): Promise<SentMessage> {
    const entry: WebEntry = {
      type: "edit",
      target: messageId,
      text: m.text,
      buttons: m.buttons.map((b) => ({ id: b.id, label: b.label })),
      file: await this.fileLink(to.chatId, m),
    };
    await this.record(to.chatId, entry, this.onceOf(to.chatId, opts));
    return { messageId };
  }

  async progress(to: Address, activity: Activity): Promise<void> {
    await this.hub.progress(to.chatId, activity);
  }

  owns(to: Address): boolean {
    return to.channel === "web";
  }

  /** 删除我的数据: the transcript and the file links go; open pages are told to clear. */
  async forget(to: Address): Promise<void> {
    await this.history.forget(to.chatId);
    await this.hub.cleared(to.chatId);
  }

  /** The stored file a link of this chat points to, or null (unknown link, other user's, outside DOCUMENTS_DIR). */
  async file(chatId: string, fileId: string): Promise<{ path: string; name: string } | null> {
    const raw = await this.redis.hget(this.history.filesKey(chatId), fileId);
    if (!raw) return null;
    const f = JSON.parse(raw) as { path: string; name: string };
    const root = path.resolve(this.opts.documentsDir) + path.sep;
    return path.resolve(f.path).startsWith(root) ? f : null;
  }

  async stop(): Promise<void> {
    this.onMessage = null;
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    await this.hub.stop();
    if (this.redis.status !== "end") this.redis.disconnect();
  }

  /**
   * Store an entry (once per `once.key`, if given), push it to this process's open pages of the
   * chat and announce it to the others; returns its id (for a repeat, the id stored the first
   * time) and, with `checkPending`, whether outbox deliveries are pending for the chat.
   */
  private async record(chatId: string, entry: WebEntry, once?: { key: string; ttlSeconds: number }, checkPending = false): Promise<{ id: string; pending: boolean }> {
    try {
      const pendingKey = checkPending ? pendingDeliveriesKey(this.opts.prefix, { channel: "web", chatId }) : undefined;
      const r = await this.history.append(chatId, entry, { channel: this.hub.channel, head: this.hub.entryHead(chatId), origin: this.hub.origin }, once, pendingKey);
      if (r.id) this.hub.entry(chatId, r.prev, r.id, r.json);
      return { id: r.id ?? r.earlier ?? "", pending: r.pending };
    } catch (err) {
      this.failedChats.add(chatId);
      throw err;
    }
  }

  private async fileLink(chatId: string, m: OutboundMessage): Promise<{ name: string; url: string } | null> {
    if (!m.file) return null;
    // Stable per chat and file; only this chat's session finds it (the key holds the chat id).
    const fileId = createHash("sha256").update(`${chatId}\u0000${m.file.path}`).digest("base64url").slice(0, 22);
    const key = this.history.filesKey(chatId);
    await this.redis.multi().hset(key, fileId, JSON.stringify(m.file)).expire(key, this.opts.ttlSeconds).exec();
    return { name: m.file.name, url: `/files/${fileId}` };
  }
}
