import type { Redis } from "ioredis";
import type { Logger } from "../../shared/log.ts";
import { AppError } from "../../shared/errors.ts";
import type { Channel } from "./messages.ts";
import { draftSchema, sessionSchema, type Draft, type UserState } from "./state.ts";

export interface UserKey {
  channel: Channel;
  userId: string;
}

export class StateConflictError extends AppError {
  readonly code = "STATE_CONFLICT";
}

/** One Redis hash per user: `v` (version), `s` (session JSON), `d:<draftId>` (one field per draft). */
const CAS_SCRIPT = `
local cur = redis.call('HGET', KEYS[1], 'v') or '0'
if cur ~= ARGV[1] then return -1 end
if ARGV[3] == 'del' then
  redis.call('DEL', KEYS[1])
  return 0
end
local nset = tonumber(ARGV[4])
local i = 5
if nset > 0 then
  local args = {}
  for k = 1, nset * 2 do args[k] = ARGV[i + k - 1] end
  redis.call('HSET', KEYS[1], unpack(args))
  i = i + nset * 2
end
if i <= #ARGV then
  local dels = {}
  for k = i, #ARGV do dels[#dels + 1] = ARGV[k] end
  redis.call('HDEL', KEYS[1], unpack(dels))
end
local nv = redis.call('HINCRBY', KEYS[1], 'v', 1)
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
return nv
`;

export interface Loaded {
  version: number;
  state: UserState | null;
  /** Serialised fields as read, to write back only what changed. */
  raw: Map<string, string>;
}

export interface StoreOptions {
  /** Key prefix; tests use a random one. @defaultValue "sb" */
  prefix?: string;
  /** Seconds a user's state lives after their last change. @defaultValue 90 days */
  ttlSeconds?: number;
  /** Attempts before giving up on a contended update. @defaultValue 20 */
  maxAttempts?: number;
}

type CasRedis = Redis & {
  shenbaoCas(key: string, expected: string, ttl: string, mode: string, nset: string, ...rest: string[]): Promise<number>;
};

/**
 * Session and draft state in Redis with optimistic concurrency: read with the version,
 * compute the next state, write it only if the version is unchanged (a Lua compare-and-set),
 * otherwise read again and recompute. Two messages from one user at once are thereby applied
 * one after the other, never interleaved.
 */
/** How long the last answer's notice stays the conversation's notice for a follow-up question. */
export const QA_CONTEXT_MS = 30 * 60 * 1000;

export class RedisStateStore {
  readonly prefix: string;
  readonly ttlSeconds: number;
  private readonly maxAttempts: number;
  private readonly redis: CasRedis;

  constructor(
    redis: Redis,
    private readonly log: Logger,
    options: StoreOptions = {},
  ) {
    this.prefix = options.prefix ?? "sb";
    this.ttlSeconds = options.ttlSeconds ?? 90 * 24 * 3600;
    this.maxAttempts = options.maxAttempts ?? 20;
    if (!("shenbaoCas" in redis)) redis.defineCommand("shenbaoCas", { numberOfKeys: 1, lua: CAS_SCRIPT });
    this.redis = redis as CasRedis;
  }

  keyOf(user: UserKey): string {
    return `${this.prefix}:user:${user.channel}:${user.userId}`;
  }

  async load(user: UserKey): Promise<Loaded> {
    const all = await this.redis.hgetall(this.keyOf(user));
    const raw = new Map(Object.entries(all));
    const version = Number(raw.get("v") ?? "0");
    const s = raw.get("s");
    if (s === undefined) return { version, state: null, raw };
    const session = sessionSchema.safeParse(safeJson(s));
    if (!session.success) {
      // A record we cannot read is not used half-way: start afresh, keep the version for CAS.
      this.log.error({ issues: session.error.issues.length }, "stored session unreadable, starting a new one");
      return { version, state: null, raw };
    }
    const drafts: Record<string, Draft> = {};
    for (const id of session.data.draftIds) {
      const d = draftSchema.safeParse(safeJson(raw.get(`d:${id}`)));
      if (d.success) drafts[id] = d.data;
      else this.log.error({ draftId: id }, "stored draft unreadable, dropped");
    }
    session.data.draftIds = session.data.draftIds.filter((id) => id in drafts);
    return { version, state: { session: session.data, drafts }, raw };
  }

  /**
   * Start reading a user's state now, for an `update` soon after (`prefetched`): the read goes
   * out with whatever else is sent in this tick instead of one round trip later. The version
   * read is checked by the compare-and-set as always, so a state changed in between only costs
   * a second attempt. A failed read rejects in `update`, never unhandled.
   */
  prefetch(user: UserKey): Promise<Loaded> {
    const p = this.load(user);
    p.catch(() => undefined);
    return p;
  }

  /**
   * Apply `fn` to the user's state atomically. `fn` gets a freshly parsed copy it may modify
   * in place, and may run more than once on conflict (so it must not act on the world).
   * Returning `state: null` deletes the user's record; an unchanged state writes nothing.
   * `prefetched` (from `prefetch`) stands in for the first attempt's read.
   */
  async update<T>(user: UserKey, fn: (state: UserState | null) => { state: UserState | null; result: T }, prefetched?: Promise<Loaded>): Promise<T> {
    const key = this.keyOf(user);
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const loaded = attempt === 1 && prefetched ? await prefetched : await this.load(user);
      const { state, result } = fn(loaded.state);
      if (state === null && loaded.state === null) return result;
      let args: string[];
      if (state === null) args = ["del", "0"];
      else {
        const changes = this.diff(loaded.raw, state);
        if (changes.length === 1) return result; // nothing changed: no write, no version bump
        args = ["put", ...changes];
      }
      const written = await this.redis.shenbaoCas(key, String(loaded.version), String(this.ttlSeconds), ...(args as [string, string]));
      if (written >= 0) return result;
      if (attempt > 3) await new Promise((r) => setTimeout(r, Math.random() * attempt * 2));
    }
    throw new StateConflictError(`state of one user changed ${this.maxAttempts} times during one update`);
  }

  /** CAS arguments: count of set pairs, the pairs, then fields to delete. */
  private diff(raw: Map<string, string>, state: UserState): string[] {
    const sets: string[] = [];
    const s = JSON.stringify(state.session);
    if (raw.get("s") !== s) sets.push("s", s);
    const keep = new Set<string>();
    for (const id of state.session.draftIds) {
      const field = `d:${id}`;
      keep.add(field);
      const d = JSON.stringify(state.drafts[id]);
      if (raw.get(field) !== d) sets.push(field, d);
    }
    const dels = [...raw.keys()].filter((f) => f.startsWith("d:") && !keep.has(f));
    return [String(sets.length / 2), ...sets, ...dels];
  }

  /**
   * The notice the user's last answered question quoted, if asked within QA_CONTEXT_MS: a follow-up naming
   * no notice is about it. Kept as a field of the user's record, so 删除我的数据 drops it with the rest.
   */
  async qaContext(user: UserKey, now: Date): Promise<string | null> {
    const raw = await this.redis.hget(this.keyOf(user), "q");
    const m = raw ? /^(\d+)\|(.+)$/.exec(raw) : null;
    if (!m) return null;
    return now.getTime() - Number(m[1]) <= QA_CONTEXT_MS ? m[2]! : null;
  }

  async setQaContext(user: UserKey, noticeId: string, now: Date): Promise<void> {
    const key = this.keyOf(user);
    await this.redis.multi().hset(key, "q", `${now.getTime()}|${noticeId}`).expire(key, this.ttlSeconds).exec();
  }

  /** Delete everything kept for this user (「删除我的数据」), whatever its version. */
  async deleteUser(user: UserKey): Promise<void> {
    await this.redis.del(this.keyOf(user));
  }

  /** Subscribers to deadline reminders and new notices, as `channel:chatId`. */
  subscribersKey(): string {
    return `${this.prefix}:subscribers`;
  }

  async setSubscribed(channel: Channel, chatId: string, on: boolean): Promise<void> {
    const member = `${channel}:${chatId}`;
    if (on) await this.redis.sadd(this.subscribersKey(), member);
    else await this.redis.srem(this.subscribersKey(), member);
  }
}

function safeJson(s: string | undefined): unknown {
  if (s === undefined) return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/**
 * Every confirmed application (a draft whose document was queued or generated) of one
 * program, across users, oldest submission first: the rows of the bureau's 推荐汇总表.
 */
export async function confirmedApplications(redis: Redis, store: RedisStateStore, programId: string): Promise<Array<{ user: UserKey; draft: Draft; profile: Record<string, unknown> }>> {
  const out: Array<{ user: UserKey; draft: Draft; profile: Record<string, unknown> }> = [];
  const prefix = `${store.prefix}:user:`;
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    for (const key of keys) {
      const rest = key.slice(prefix.length);
      const sep = rest.indexOf(":");
      const user = { channel: rest.slice(0, sep) as UserKey["channel"], userId: rest.slice(sep + 1) };
      const { state } = await store.load(user);
      if (!state) continue;
      for (const draft of Object.values(state.drafts)) {
        const confirmed = draft.status === "ready" || draft.status === "submitted" || draft.document !== null;
        if (draft.programId === programId && confirmed) out.push({ user, draft, profile: state.session.profile });
      }
    }
  } while (cursor !== "0");
  return out.sort((a, b) => a.draft.updatedAt.localeCompare(b.draft.updatedAt));
}
