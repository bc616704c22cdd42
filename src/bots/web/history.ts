import type { Redis } from "ioredis";

/** One entry of a web chat as the page renders it (also the SSE payload). */
export type WebEntry =
  | { type: "bot"; text: string; buttons: Array<{ id: string; label: string }>; file: { name: string; url: string } | null }
  | { type: "user"; text: string }
  | { type: "edit"; target: string; text: string; buttons: Array<{ id: string; label: string }>; file: { name: string; url: string } | null };

export interface StoredEntry {
  id: string;
  entry: WebEntry;
}

export interface HistoryOptions {
  redis: Redis;
  prefix: string;
  ttlSeconds: number;
  /** Entries kept per chat (older ones are trimmed). @defaultValue 500 */
  limit?: number;
}

/**
 * A web chat's transcript: one Redis stream per chat, so every service process sees the same
 * history, stream ids are the message ids (`edit` targets) and the SSE `Last-Event-ID`.
 */
export class ChatHistory {
  private readonly limit: number;

  constructor(private readonly opts: HistoryOptions) {
    this.limit = opts.limit ?? 500;
  }

  key(chatId: string): string {
    return `${this.opts.prefix}:web:chat:${chatId}`;
  }

  filesKey(chatId: string): string {
    return `${this.opts.prefix}:web:files:${chatId}`;
  }

  /** Append an entry; with `notice`, publish it in the same round trip (the SSE hub's wake-up). */
  async append(chatId: string, entry: WebEntry, notice?: { channel: string; message: string }): Promise<string> {
    const key = this.key(chatId);
    const tx = this.opts.redis
      .multi()
      .xadd(key, "MAXLEN", "~", String(this.limit), "*", "e", JSON.stringify(entry))
      .expire(key, this.opts.ttlSeconds);
    if (notice) tx.publish(notice.channel, notice.message);
    const [[err, id]] = (await tx.exec()) as [[Error | null, string]];
    if (err) throw err;
    return id;
  }

  /** Entries after `afterId` (exclusive), all of them when null. */
  async after(chatId: string, afterId: string | null): Promise<StoredEntry[]> {
    const start = afterId ? `(${afterId}` : "-";
    const rows = await this.opts.redis.xrange(this.key(chatId), start, "+");
    return rows.map(([id, fields]) => ({ id, entry: JSON.parse(fields[1] ?? "null") as WebEntry }));
  }

  async get(chatId: string, id: string): Promise<WebEntry | null> {
    const rows = await this.opts.redis.xrange(this.key(chatId), id, id);
    const f = rows[0]?.[1];
    return f ? (JSON.parse(f[1] ?? "null") as WebEntry) : null;
  }

  async forget(chatId: string): Promise<void> {
    await this.opts.redis.del(this.key(chatId), this.filesKey(chatId));
  }
}
