import type { Redis } from "ioredis";

// Append an entry (optionally only once per dedupe key), keep the stream bounded and alive,
// announce it to the SSE hubs with the entry itself and the id it follows (so a hub pushes it
// without reading the stream back), and say whether the chat has outbox deliveries pending
// (so the message's handler need not ask Redis again): one round trip.
// Published only when a process other than this one (ARGV[6]) has a page of the chat open
// (KEYS[4], one field per process): this process pushes to its own pages itself.
// KEYS: stream, once key or '', the chat's pending-deliveries hash or '', the chat's open-pages hash.
// ARGV: max length, entry JSON, ttl, pub/sub channel or '', notice head ("e\n<origin>\n<chat>"),
// origin, how long the once key is kept (it holds the id appended).
// Returns {id or '' (a repeated once key), pending 0/1, id of the entry before it or '' (also
// when no page of the chat is open anywhere: nobody needs it then), for a repeated once key
// the id appended the first time, else ''}.
const APPEND = `
local pending = 0
if KEYS[3] ~= '' then pending = redis.call('EXISTS', KEYS[3]) end
if KEYS[2] ~= '' then
  local seen = redis.call('GET', KEYS[2])
  if seen then return {'', pending, '', seen} end
end
local prev = ''
if redis.call('EXISTS', KEYS[4]) == 1 then
  local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
  if last[1] then prev = last[1][1] end
end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[2])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
local others = 0
if ARGV[4] ~= '' then others = redis.call('HLEN', KEYS[4]) - redis.call('HEXISTS', KEYS[4], ARGV[6]) end
if others > 0 then redis.call('PUBLISH', ARGV[4], ARGV[5] .. '\\n' .. prev .. '\\n' .. id .. '\\n' .. ARGV[2]) end
if KEYS[2] ~= '' then redis.call('SET', KEYS[2], id, 'EX', tonumber(ARGV[7])) end
return {id, pending, prev, ''}
`;

type AppendRedis = Redis & {
  shenbaoWebAppend3(
    stream: string,
    once: string,
    pending: string,
    open: string,
    limit: string,
    entry: string,
    ttl: string,
    channel: string,
    head: string,
    origin: string,
    onceTtl: string,
  ): Promise<[string, number, string, string]>;
};

/** What `append` did. */
export interface Appended {
  /** The entry's id (the message id); null when the once key was used before (nothing appended). */
  id: string | null;
  /** For a once key used before: the id of the entry appended then. */
  earlier: string | null;
  /** The id of the entry it follows ('' for the first of the stream). */
  prev: string;
  /** The entry as stored (JSON). */
  json: string;
  /** Whether the `pendingKey` given existed (outbox deliveries waiting for this chat). */
  pending: boolean;
}

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
    if (!("shenbaoWebAppend3" in opts.redis)) opts.redis.defineCommand("shenbaoWebAppend3", { numberOfKeys: 4, lua: APPEND });
    this.redis = opts.redis as AppendRedis;
  }

  key(chatId: string): string {
    return `${this.opts.prefix}:web:chat:${chatId}`;
  }

  /** Which processes have a page of this chat open (field: the process's SSE hub origin). */
  openKey(chatId: string): string {
    return `${this.opts.prefix}:web:open:${chatId}`;
  }

  filesKey(chatId: string): string {
    return `${this.opts.prefix}:web:files:${chatId}`;
  }

  /**
   * Append an entry; with `notice`, publish it too when another process has a page of the chat
   * open (the SSE hubs' wake-up: `notice.head`, then the previous id, the id and the entry, one
   * per line). With `once`, only if that key was not used before: a redelivered message or a
   * repeated outbox delivery is recorded once. With `pendingKey`, also report whether that key exists.
   */
  async append(
    chatId: string,
    entry: WebEntry,
    notice?: { channel: string; head: string; origin: string },
    once?: { key: string; ttlSeconds: number },
    pendingKey?: string,
  ): Promise<Appended> {
    const json = JSON.stringify(entry);
    const [id, pending, prev, earlier] = await this.redis.shenbaoWebAppend3(
      this.key(chatId),
      once?.key ?? "",
      pendingKey ?? "",
      this.openKey(chatId),
      String(this.limit),
      json,
      String(this.opts.ttlSeconds),
      notice?.channel ?? "",
      notice?.head ?? "",
      notice?.origin ?? "",
      String(once?.ttlSeconds ?? 0),
    );
    return { id: id === "" ? null : id, earlier: earlier === "" ? null : earlier, prev, json, pending: pending === 1 };
  }

  /** Entries after `afterId` (exclusive), all of them when null. */
  async after(chatId: string, afterId: string | null): Promise<StoredEntry[]> {
    const start = afterId ? `(${afterId}` : "-";
    const rows = await this.opts.redis.xrange(this.key(chatId), start, "+");
    return rows.map(([id, fields]) => ({ id, entry: JSON.parse(fields[1] ?? "null") as WebEntry }));
  }

  /** Like `after`, with each entry as stored (JSON), for pushing it as it is. */
  async afterRaw(chatId: string, afterId: string | null): Promise<Array<{ id: string; json: string }>> {
    const start = afterId ? `(${afterId}` : "-";
    const rows = await this.opts.redis.xrange(this.key(chatId), start, "+");
    return rows.map(([id, fields]) => ({ id, json: fields[1] ?? "null" }));
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
