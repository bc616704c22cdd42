import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/** Telegram's limit on callback_data (https://core.telegram.org/bots/api#inlinekeyboardbutton). */
export const MAX_CALLBACK_BYTES = 64;
const STORED = "~";

/**
 * Button payloads as callback_data: a payload that fits in 64 bytes goes as it is; a longer
 * one (or one starting with `~`) is kept in Redis behind `~<digest>`, for as long as drafts are kept.
 * The digest is of the payload, so sending the same button twice stores it once.
 */
export class CallbackData {
  constructor(
    private readonly redis: () => Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  async encode(payload: string): Promise<string> {
    if (!payload.startsWith(STORED) && Buffer.byteLength(payload, "utf8") <= MAX_CALLBACK_BYTES) return payload;
    const short = STORED + createHash("sha256").update(payload).digest("base64url").slice(0, 22);
    await this.redis().set(this.key(short), payload, "EX", this.ttlSeconds);
    return short;
  }

  /** The payload behind callback_data; null when a stored one has expired. */
  async decode(data: string): Promise<string | null> {
    if (!data.startsWith(STORED)) return data;
    return this.redis().get(this.key(data));
  }

  private key(short: string): string {
    return `${this.prefix}:tg:cb:${short}`;
  }
}
