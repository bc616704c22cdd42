import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import * as lark from "@larksuiteoapi/node-sdk";
import type { FastifyPluginAsync } from "fastify";
import { Redis, type RedisOptions } from "ioredis";
import type { FileRef, OutboundMessage } from "../../flows/engine/messages.ts";
import type { Logger } from "../../shared/log.ts";
import type { Activity, Address, ChannelAdapter, InboundHandler, SendOptions, SentMessage } from "../port.ts";
import { FeishuApi, sdkDomain, type FeishuDomain, type MessageBody } from "./api.ts";
import { buildCard, needsCard } from "./cards.ts";
import { FeishuApiError, FeishuRateLimitedError } from "./errors.ts";
import { cardActionToInbound, messageToInbound, type CardActionEvent, type MessageReceiveEvent } from "./inbound.ts";
import { describe, Secrets, sdkLevel, sdkLogger } from "./secrets.ts";
import { splitText } from "./split.ts";
import { feishuTexts as t } from "./texts.ts";
import { webhookRoutes } from "./webhook.ts";

export interface FeishuAdapterOptions {
  appId: string;
  appSecret: string;
  /** `feishu`, `lark` or the base URL of a private deployment (tests: the local open platform). */
  domain: FeishuDomain;
  /** `ws`: the SDK's long connection; `webhook`: `httpRoutes` for the web service. */
  mode: "ws" | "webhook";
  /** Required in webhook mode. */
  encryptKey?: string;
  verificationToken?: string;
  /** Event dedupe and pressed-card records; options: the adapter opens (and closes) its own connection. */
  redis: Redis | RedisOptions;
  /** REDIS_PREFIX: keys `<prefix>:feishu:event:<event_id>`, `<prefix>:feishu:card:<message_id>`. */
  prefix: string;
  log: Logger;
  /** @defaultValue 50 */
  appRatePerSec?: number;
  /** @defaultValue 5 */
  chatRatePerSec?: number;
  /** How long an event id is remembered (Feishu retries for up to ~6 h). @defaultValue 7 days */
  dedupeTtlSeconds?: number;
  /** How long a card with buttons can still be turned into "chosen". @defaultValue 7 days */
  cardTtlSeconds?: number;
  /**
   * Chats worked on at once (each chat's events one at a time). Bounding it keeps the event
   * loop free to answer new events quickly while a backlog is worked off. @defaultValue 8
   */
  workConcurrency?: number;
  /** Long connection: how long `start` waits for the first connect before going on (it keeps retrying). @defaultValue 20 s */
  connectTimeoutMs?: number;
}

const DAY = 24 * 3600;

/**
 * The Feishu (Lark) channel over @larksuiteoapi/node-sdk. Receives `im.message.receive_v1`
 * (private chats; groups only when the bot is mentioned) and `card.action.trigger` through
 * the SDK's long connection (WSClient) or the webhook routes; answers every event at once
 * and hands it on afterwards, one at a time per chat. Sends text, cards (JSON 2.0) with the
 * engine's buttons, and files. A pressed card is patched to show the choice without buttons.
 */
export class FeishuAdapter implements ChannelAdapter {
  readonly channel = "feishu" as const;
  readonly httpRoutes?: FastifyPluginAsync;
  readonly api: FeishuApi;
  private readonly secrets = new Secrets();
  private readonly redis: Redis;
  private readonly ownsRedis: boolean;
  private readonly dispatcher: lark.EventDispatcher;
  private readonly log: Logger;
  private onMessage: InboundHandler | null = null;
  private ws: lark.WSClient | null = null;
  private botId: Promise<string | null> | null = null;
  private readonly chains = new Map<string, Promise<void>>();
  private readonly inflight = new Set<Promise<void>>();
  /** Group chat → the message being answered: the first reply quotes it. */
  private readonly replyTo = new Map<string, string>();
  private stopped = false;
  private working = 0;
  private readonly slots: Array<() => void> = [];

  constructor(private readonly opts: FeishuAdapterOptions) {
    this.log = opts.log;
    for (const s of [opts.appSecret, opts.encryptKey, opts.verificationToken]) this.secrets.add(s);
    this.api = new FeishuApi({ ...opts, secrets: this.secrets });
    this.ownsRedis = !(opts.redis instanceof Redis);
    this.redis = opts.redis instanceof Redis ? opts.redis : new Redis({ ...opts.redis, lazyConnect: true, maxRetriesPerRequest: 20 });
    if (this.ownsRedis) this.redis.on("error", (err) => this.log.warn({ err: err.message }, "feishu adapter redis error"));
    const sdkLog = { logger: sdkLogger(opts.log, this.secrets), loggerLevel: sdkLevel(opts.log) };
    this.dispatcher = new lark.EventDispatcher({ encryptKey: opts.encryptKey, verificationToken: opts.verificationToken, ...sdkLog }).register({
      "im.message.receive_v1": (data) => this.onMessageEvent(data as unknown as MessageReceiveEvent),
      "card.action.trigger": (data: unknown) => this.onCardAction(data as CardActionEvent),
    } as Record<string, (data: unknown) => Promise<unknown>>);
    if (opts.mode === "webhook") {
      if (!opts.encryptKey || !opts.verificationToken) throw new Error("Feishu webhook mode needs FEISHU_ENCRYPT_KEY and FEISHU_VERIFICATION_TOKEN");
      // Requests arrive decrypted and verified by webhookRoutes; this handler only dispatches (no key: no second check).
      const cards = new lark.CardActionHandler({ verificationToken: opts.verificationToken, ...sdkLog }, (data: unknown) => this.onCardAction(data as CardActionEvent));
      this.httpRoutes = webhookRoutes({
        encryptKey: opts.encryptKey,
        verificationToken: opts.verificationToken,
        dispatcher: this.dispatcher,
        cards,
        accepting: () => this.onMessage !== null && !this.stopped,
        log: opts.log,
        maxAgeSeconds: opts.dedupeTtlSeconds ?? 7 * DAY,
      });
    }
  }

  async start(onMessage: InboundHandler): Promise<void> {
    this.onMessage = onMessage;
    this.stopped = false;
    await this.botOpenId();
    if (this.opts.mode === "ws") await this.connect();
  }

  async send(to: Address, m: OutboundMessage, opts?: SendOptions): Promise<SentMessage> {
    // With an idempotency key, each request's `uuid` derives from it: Feishu sends a repeat with
    // the same uuid (a durable delivery retried after a crash) at most once within an hour.
    let n = 0;
    const uuid = () => (opts?.idempotencyKey ? createHash("sha256").update(`${opts.idempotencyKey}\u0000${n++}`).digest("hex").slice(0, 32) : undefined);
    const parts = splitText(m.text);
    const last = parts.pop() ?? "";
    let id: string | null = null;
    for (const p of parts) id = await this.post(to, { msg_type: "text", content: { text: p } }, uuid());
    if (last !== "" || m.buttons.length > 0) {
      if (needsCard(last, m.buttons)) {
        id = await this.post(to, { msg_type: "interactive", content: buildCard(last, m.buttons) }, uuid());
        if (m.buttons.length > 0) await this.rememberCard(id, last);
      } else id = await this.post(to, { msg_type: "text", content: { text: last } }, uuid());
    }
    if (m.file) {
      const fileId = await this.sendFile(to, m.file, uuid());
      id ??= fileId;
    }
    return { messageId: id };
  }

  /** Patch the card in place; a message that cannot be a patch (a file, several parts, not a card) is sent anew. */
  async edit(to: Address, messageId: string, m: OutboundMessage, opts?: SendOptions): Promise<SentMessage> {
    if (m.file || splitText(m.text).length > 1) return this.send(to, m, opts);
    try {
      await this.api.patchCard(to.chatId, messageId, buildCard(m.text, m.buttons));
      if (m.buttons.length > 0) await this.rememberCard(messageId, m.text);
      return { messageId };
    } catch (err) {
      if (!(err instanceof FeishuApiError)) throw err;
      this.log.warn({ err: err.message }, "feishu card patch refused; sending the message anew");
      return this.send(to, m);
    }
  }

  /**
   * A file a user sent (`ref` = message id + file key, from the inbound message): downloaded
   * with im.messageResource.get, at most `maxBytes` (and Feishu's own 100 MB).
   */
  async fetchFile(_to: Address, ref: string, maxBytes: number): Promise<Buffer> {
    const i = ref.indexOf(":");
    if (i <= 0) throw new Error("not a Feishu file reference");
    return this.api.downloadMessageFile(ref.slice(0, i), ref.slice(i + 1), maxBytes);
  }

  /** Feishu shows no typing indicator for bots. */
  async progress(_to: Address, _activity: Activity): Promise<void> {}

  owns(to: Address): boolean {
    return to.channel === "feishu";
  }

  async stop(): Promise<void> {
    if (this.stopped && this.onMessage === null) return;
    this.stopped = true;
    this.ws?.close({ force: true });
    this.ws = null;
    await this.idle();
    this.onMessage = null;
    if (this.ownsRedis) this.redis.disconnect();
  }

  /** Resolves when every event received so far has been handled (tests, benchmarks, `stop`). */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  private async connect(): Promise<void> {
    const { appId, appSecret, domain } = this.opts;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.log.warn("feishu long connection not up yet; start goes on, the SDK keeps retrying");
        resolve();
      }, this.opts.connectTimeoutMs ?? 20_000);
      timer.unref();
      const done = (err?: Error) => {
        clearTimeout(timer);
        if (err) reject(err);
        else resolve();
      };
      this.ws = new lark.WSClient({
        appId,
        appSecret,
        domain: sdkDomain(domain),
        logger: sdkLogger(this.log, this.secrets),
        loggerLevel: sdkLevel(this.log),
        onReady: () => {
          this.log.info("feishu long connection ready");
          done();
        },
        onError: (err: Error) => done(new Error(`Feishu long connection failed: ${this.secrets.scrub(err.message)}`)),
      });
      void this.ws.start({ eventDispatcher: this.dispatcher });
    });
  }

  /** The bot's open_id, fetched once (again after a failure): group messages must mention it. */
  private botOpenId(): Promise<string | null> {
    this.botId ??= this.api.botOpenId().catch((err: unknown) => {
      this.log.warn({ err: describe(err) }, "feishu bot info unavailable; group messages are ignored until it is");
      this.botId = null;
      return null;
    });
    return this.botId;
  }

  private async onMessageEvent(e: MessageReceiveEvent): Promise<unknown> {
    const group = e.message?.chat_type !== "p2p";
    const msg = messageToInbound(e, group ? await this.botOpenId() : null);
    if (!msg || !(await this.firstDelivery(msg.updateId))) return {};
    const sourceId = e.message.message_id;
    this.schedule(msg.chatId, async () => {
      if (group) this.replyTo.set(msg.chatId, sourceId);
      try {
        await this.onMessage?.(msg);
      } finally {
        this.replyTo.delete(msg.chatId);
      }
    });
    return {};
  }

  private async onCardAction(e: CardActionEvent): Promise<unknown> {
    const msg = cardActionToInbound(e);
    if (!msg || !(await this.firstDelivery(msg.updateId))) return {};
    this.schedule(msg.chatId, async () => {
      if (msg.sourceMessageId) await this.showChoice(msg.chatId, msg.sourceMessageId, msg.text);
      await this.onMessage?.(msg);
    });
    return {};
  }

  /** Feishu delivers an event again when it misses the answer: only the first delivery of an event id counts. */
  private async firstDelivery(eventId: string): Promise<boolean> {
    const ok = await this.redis.set(`${this.opts.prefix}:feishu:event:${eventId}`, "1", "EX", this.opts.dedupeTtlSeconds ?? 7 * DAY, "NX");
    if (ok !== "OK") this.log.info({ eventId }, "feishu event delivered again; ignored");
    return ok === "OK";
  }

  /** Work after the answer, in order per chat, at most `workConcurrency` chats at once. */
  private schedule(chatId: string, work: () => Promise<void>): void {
    const prev = this.chains.get(chatId) ?? Promise.resolve();
    const run = prev.then(() => this.limited(work)).catch((err: unknown) => this.log.error({ err: describe(err) }, "feishu event handling failed"));
    this.chains.set(chatId, run);
    this.inflight.add(run);
    void run.finally(() => {
      this.inflight.delete(run);
      if (this.chains.get(chatId) === run) this.chains.delete(chatId);
    });
  }

  private async limited(work: () => Promise<void>): Promise<void> {
    if (this.working >= (this.opts.workConcurrency ?? 8)) await new Promise<void>((resolve) => this.slots.push(resolve));
    else this.working++;
    try {
      await work();
    } finally {
      const next = this.slots.shift();
      if (next) next();
      else this.working--;
    }
  }

  private async post(to: Address, body: MessageBody, uuid?: string): Promise<string> {
    const source = this.replyTo.get(to.chatId);
    if (source === undefined) return this.api.create(to.chatId, body, uuid);
    this.replyTo.delete(to.chatId);
    return this.api.reply(to.chatId, source, body, uuid);
  }

  private async sendFile(to: Address, file: FileRef, uuid?: string): Promise<string | null> {
    const exists = await fs.stat(file.path).then((s) => s.isFile(), () => false);
    if (!exists) {
      // Not worth a retry: say so in the chat instead of failing the delivery again and again.
      this.log.error({ name: file.name }, "feishu file to send is missing");
      await this.post(to, { msg_type: "text", content: { text: t.fileMissing(file.name) } }, uuid);
      return null;
    }
    const fileKey = await this.api.uploadFile(file.path, file.name);
    return this.post(to, { msg_type: "file", content: { file_key: fileKey } }, uuid);
  }

  private async rememberCard(messageId: string, text: string): Promise<void> {
    await this.redis.set(this.cardKey(messageId), JSON.stringify({ text }), "EX", this.opts.cardTtlSeconds ?? 7 * DAY);
  }

  /** The pressed card again, with the choice instead of its buttons. */
  private async showChoice(chatId: string, messageId: string, label: string): Promise<void> {
    const raw = await this.redis.get(this.cardKey(messageId));
    if (!raw) return;
    const { text } = JSON.parse(raw) as { text: string };
    try {
      await this.api.patchCard(chatId, messageId, buildCard(text, [], { chosen: label }));
    } catch (err) {
      if (!(err instanceof FeishuApiError || err instanceof FeishuRateLimitedError)) throw err;
      this.log.warn({ err: err.message }, "feishu: could not mark the pressed card");
    }
  }

  private cardKey(messageId: string): string {
    return `${this.opts.prefix}:feishu:card:${messageId}`;
  }
}
