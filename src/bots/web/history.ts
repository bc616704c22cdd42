import type { Redis } from "ioredis";

// Append an entry (optionally only once per dedupe key), keep the stream bounded and alive,
// and announce it to the SSE hubs: one round trip.
const APPEND = `
if KEYS[2] ~= '' and not redis.call('SET', KEYS[2], '1', 'EX', 86400, 'NX') then return false end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[2])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
if ARGV[4] ~= '' then redis.call('PUBLISH', ARGV[4], ARGV[5]) end
return id
`;

type AppendRedis = Redis & {
  shenbaoWebAppend(stream: string, once: string, limit: string, entry: string, ttl: string, channel: string, notice: string): Promise<string | null>;
};

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

  private readonly redis: AppendRedis;

  constructor(private readonly opts: HistoryOptions) {
    this.limit = opts.limit ?? 500;
    if (!("shenbaoWebAppend" in opts.redis)) opts.redis.defineCommand("shenbaoWebAppend", { numberOfKeys: 2, lua: APPEND });
    this.redis = opts.redis as AppendRedis;
  }

  key(chatId: string): string {
    return `${this.opts.prefix}:web:chat:${chatId}`;
  }

  filesKey(chatId: string): string {
    return `${this.opts.prefix}:web:files:${chatId}`;
  }

  /**
   * Append an entry; with `notice`, publish it too (the SSE hubs' wake-up). With `onceKey`,
   * only if that key was not used before (a redelivered message is recorded once): null then.
   */
  async append(chatId: string, entry: WebEntry, notice?: { channel: string; message: string }, onceKey?: string): Promise<string | null> {
    return this.redis.shenbaoWebAppend(
      this.key(chatId),
      onceKey ?? "",
      String(this.limit),
      JSON.stringify(entry),
      String(this.opts.ttlSeconds),
      notice?.channel ?? "",
      notice?.message ?? "",
    );
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
