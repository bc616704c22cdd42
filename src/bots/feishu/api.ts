import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { FileTooLargeError, readCapped } from "../port.ts";
import * as lark from "@larksuiteoapi/node-sdk";
import type { Logger } from "../../shared/log.ts";
import type { CardJson } from "./cards.ts";
import { FeishuApiError, FeishuRateLimitedError } from "./errors.ts";
import { WindowLimiter } from "./rate-limit.ts";
import { sdkLevel, sdkLogger, type Secrets } from "./secrets.ts";

export type FeishuDomain = "feishu" | "lark" | string;

export interface FeishuApiOptions {
  appId: string;
  appSecret: string;
  domain: FeishuDomain;
  log: Logger;
  secrets: Secrets;
  /** @defaultValue 50 (Feishu: 50 requests/s per app for message APIs) */
  appRatePerSec?: number;
  /** @defaultValue 5 (Feishu: 5 messages/s to one chat) */
  chatRatePerSec?: number;
  /** Retries of a rate-limited call, each after the time the platform gives. @defaultValue 3 */
  rateLimitRetries?: number;
}

/** The SDK's `domain` option from FEISHU_DOMAIN. */
export function sdkDomain(domain: FeishuDomain): lark.Domain | string {
  if (domain === "feishu") return lark.Domain.Feishu;
  if (domain === "lark") return lark.Domain.Lark;
  return domain.replace(/\/+$/, "");
}

/** Feishu codes meaning "too many requests": the app's frequency limit and the per-chat send limit. */
const RATE_LIMITED = new Set([99991400, 230020]);
/** The tenant token was refused (invalid, expired): drop it and ask for a new one once. */
const TOKEN_REFUSED = new Set([99991661, 99991663, 99991664, 99991665, 99991668, 99991677]);

/**
 * The SDK caches tenant tokens in one module-wide map keyed by app id (`internalCache`), so
 * two clients of one app (tests, a staging server) would share a token. Each adapter gets its
 * own cache; tokens it stores are registered as secrets so no log line shows them.
 */
class TokenCache implements lark.Cache {
  private readonly values = new Map<string, { value: unknown; expiresAt: number | undefined }>();
  constructor(private readonly secrets: Secrets) {}
  async set(key: string | Symbol, value: unknown, expiresAt?: number, options?: { namespace?: string }): Promise<boolean> {
    if (typeof value === "string") this.secrets.add(value);
    this.values.set(`${options?.namespace ?? ""}/${String(key)}`, { value, expiresAt });
    return true;
  }
  async get(key: string | Symbol, options?: { namespace?: string }): Promise<unknown> {
    const v = this.values.get(`${options?.namespace ?? ""}/${String(key)}`);
    if (!v || (v.expiresAt !== undefined && v.expiresAt <= Date.now())) return undefined;
    return v.value;
  }
  clear(): void {
    this.values.clear();
  }
}

interface Reply<T> {
  code?: number;
  msg?: string;
  data?: T;
}

interface AxiosLikeError {
  message?: string;
  response?: { status?: number; data?: Reply<unknown>; headers?: Record<string, unknown> };
}

const FILE_TYPES: Record<string, "doc" | "xls" | "pdf" | "ppt"> = { ".docx": "doc", ".doc": "doc", ".xlsx": "xls", ".xls": "xls", ".pdf": "pdf", ".pptx": "ppt", ".ppt": "ppt" };

export type MessageBody = { msg_type: "text"; content: { text: string } } | { msg_type: "interactive"; content: CardJson } | { msg_type: "file"; content: { file_key: string } };

/**
 * The open-platform calls the adapter makes, through the SDK's client: message create,
 * reply and patch, file upload, bot info. Every reply's `code` is checked (the SDK resolves
 * a non-zero code as a value), rate limits are respected before a call and retried after
 * the time the platform names (`x-ogw-ratelimit-reset`) when hit anyway.
 */
export class FeishuApi {
  readonly client: lark.Client;
  private readonly cache: TokenCache;
  private readonly appLimit: WindowLimiter;
  private readonly chatLimit: WindowLimiter;

  constructor(private readonly opts: FeishuApiOptions) {
    this.cache = new TokenCache(opts.secrets);
    this.client = new lark.Client({
      appId: opts.appId,
      appSecret: opts.appSecret,
      domain: sdkDomain(opts.domain),
      appType: lark.AppType.SelfBuild,
      cache: this.cache,
      logger: sdkLogger(opts.log, opts.secrets),
      loggerLevel: sdkLevel(opts.log),
    });
    this.appLimit = new WindowLimiter(opts.appRatePerSec ?? 50);
    this.chatLimit = new WindowLimiter(opts.chatRatePerSec ?? 5);
  }

  /**
   * Send a new message to a chat (p2p or group); returns its message id. `uuid` (default: a
   * random one, so the SDK's own retries are deduplicated) makes Feishu drop a repeat for an hour.
   */
  async create(chatId: string, body: MessageBody, uuid: string = randomUUID()): Promise<string> {
    const data = await this.call("im.message.create", chatId, () =>
      this.client.im.v1.message.create({
        params: { receive_id_type: "chat_id" },
        data: { receive_id: chatId, msg_type: body.msg_type, content: JSON.stringify(body.content), uuid },
      }) as Promise<Reply<{ message_id?: string }>>,
    );
    return requireId("im.message.create", data?.message_id);
  }

  /** Reply to a message (shown quoted in a group); returns the new message id. */
  async reply(chatId: string, messageId: string, body: MessageBody, uuid: string = randomUUID()): Promise<string> {
    const data = await this.call("im.message.reply", chatId, () =>
      this.client.im.v1.message.reply({
        path: { message_id: messageId },
        data: { msg_type: body.msg_type, content: JSON.stringify(body.content), uuid },
      }) as Promise<Reply<{ message_id?: string }>>,
    );
    return requireId("im.message.reply", data?.message_id);
  }

  /** Replace a sent card (`update_multi` cards: for everyone in the chat). */
  async patchCard(chatId: string, messageId: string, card: CardJson): Promise<void> {
    await this.call("im.message.patch", chatId, () =>
      this.client.im.v1.message.patch({ path: { message_id: messageId }, data: { content: JSON.stringify(card) } }) as Promise<Reply<unknown>>,
    );
  }

  /** Upload a file for a file message (at most 30 MB); returns its file_key. */
  async uploadFile(filePath: string, name: string): Promise<string> {
    const fileType = FILE_TYPES[path.extname(name).toLowerCase()] ?? "stream";
    // im.file.create returns only `data` (null when `code` is non-zero), so a missing key is the failure.
    const data = await this.call("im.file.create", null, async () => {
      const d = await this.client.im.v1.file.create({ data: { file_type: fileType, file_name: name, file: fs.createReadStream(filePath) } });
      return { code: d?.file_key ? 0 : -1, msg: d?.file_key ? "ok" : "no file_key in reply", data: d ?? undefined } as Reply<{ file_key?: string }>;
    });
    return requireId("im.file.create", data?.file_key);
  }

  /**
   * A file a user sent in a message (im.messageResource.get, type "file"), read up to
   * `maxBytes` (FileTooLargeError past it). Errors carry the platform's code, never a token.
   */
  async downloadMessageFile(messageId: string, fileKey: string, maxBytes: number): Promise<Buffer> {
    await this.appLimit.acquire("app");
    let res: { getReadableStream: () => NodeJS.ReadableStream & AsyncIterable<Uint8Array>; headers: Record<string, unknown> };
    try {
      res = (await this.client.im.v1.messageResource.get({ params: { type: "file" }, path: { message_id: messageId, file_key: fileKey } })) as unknown as typeof res;
    } catch (err) {
      const e = err as AxiosLikeError & { response?: { data?: unknown } };
      let code: number | null = null;
      const data = e.response?.data as { code?: number; on?: unknown } | NodeJS.ReadableStream | undefined;
      if (data && typeof (data as { code?: number }).code === "number") code = (data as { code: number }).code;
      throw new FeishuApiError("im.messageResource.get", code, e.response?.status ?? null, this.opts.secrets.scrub(e.message ?? "download failed"));
    }
    const declared = Number(res.headers?.["content-length"] ?? NaN);
    const stream = res.getReadableStream();
    if (declared > maxBytes) {
      (stream as unknown as { destroy?: () => void }).destroy?.();
      throw new FileTooLargeError(declared, maxBytes);
    }
    return readCapped(stream, maxBytes);
  }

  /** The bot's own open_id (to tell its mentions in groups apart). */
  async botOpenId(): Promise<string> {
    const res = await this.call("bot.info", null, async () => {
      const r = (await this.client.request({ method: "GET", url: "/open-apis/bot/v3/info" })) as Reply<unknown> & { bot?: { open_id?: string } };
      return { code: r?.code, msg: r?.msg, data: r?.bot };
    });
    return requireId("bot.info", (res as { open_id?: string } | undefined)?.open_id);
  }

  private async call<T>(api: string, chatId: string | null, fn: () => Promise<Reply<T>>): Promise<T | undefined> {
    const retries = this.opts.rateLimitRetries ?? 3;
    let tokenRetried = false;
    for (let attempt = 0; ; attempt++) {
      if (chatId) await this.chatLimit.acquire(chatId);
      await this.appLimit.acquire("app");
      let reply: Reply<T> | undefined;
      let status: number | null = null;
      let waitSec: number | null = null;
      try {
        reply = await fn();
      } catch (err) {
        const e = err as AxiosLikeError;
        if (!e.response) throw new FeishuApiError(api, null, null, e.message ?? "request failed");
        status = e.response.status ?? null;
        reply = e.response.data as Reply<T> | undefined;
        waitSec = resetSeconds(e.response.headers);
      }
      const code = typeof reply?.code === "number" ? reply.code : status === null ? 0 : -1;
      if (code === 0 && (status === null || status < 400)) return reply?.data;
      if (status === 429 || RATE_LIMITED.has(code)) {
        if (attempt >= retries) throw new FeishuRateLimitedError(`${api} still rate-limited after ${retries} retries`);
        const wait = (waitSec ?? 1) * 1000;
        this.opts.log.warn({ api, code, waitMs: wait }, "feishu rate limit hit; retrying after the given time");
        await new Promise((r) => setTimeout(r, wait));
        continue;
      }
      if (TOKEN_REFUSED.has(code) && !tokenRetried) {
        tokenRetried = true;
        this.cache.clear();
        this.opts.log.warn({ api, code }, "feishu refused the tenant token; fetching a new one");
        continue;
      }
      throw new FeishuApiError(api, code, status, this.opts.secrets.scrub(String(reply?.msg ?? "")));
    }
  }
}

function resetSeconds(headers: Record<string, unknown> | undefined): number | null {
  const raw = headers?.["x-ogw-ratelimit-reset"];
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, 60) : null;
}

function requireId(api: string, id: string | undefined): string {
  if (!id) throw new FeishuApiError(api, null, null, "reply carries no id");
  return id;
}
