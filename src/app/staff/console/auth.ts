import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Redis } from "ioredis";
import type { ConsoleUser } from "../../../shared/config.ts";
import { DUMMY_HASH, verifyPassword } from "./password.ts";

export const SESSION_COOKIE = "sb_staff";
/** Before sign-in: a double-submit token for the sign-in form itself. */
export const PRE_COOKIE = "sb_staff_pre";
export const SESSION_SECONDS = 8 * 3600;
/** Wrong passwords allowed per user and address within WINDOW_SECONDS; the next attempt gets 429. */
export const MAX_FAILURES = 9;
export const WINDOW_SECONDS = 60;
/** Sign-in attempts per address per minute over all user names (guessing names). */
const MAX_PER_ADDRESS = 30;

export interface StaffSession {
  user: string;
  unit: string | null;
  /** The synchronizer token every state-changing request must carry. */
  csrf: string;
  createdAt: number;
}

export type SignIn = { ok: true; token: string; session: StaffSession } | { ok: false; reason: "limited" | "wrong" };

/**
 * Console sign-ins and sessions in Redis: `<prefix>:staff:session:<sha256(token)>` (the cookie's
 * token itself is never stored), failure counters `<prefix>:staff:fail:*` expiring after a minute.
 */
export class ConsoleAuth {
  private readonly users: Map<string, ConsoleUser>;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    users: readonly ConsoleUser[],
  ) {
    this.users = new Map(users.map((u) => [u.name, u]));
  }

  private sessionKey(token: string): string {
    return `${this.prefix}:staff:session:${createHash("sha256").update(token).digest("hex")}`;
  }

  private failKey(user: string, ip: string): string {
    return `${this.prefix}:staff:fail:${createHash("sha256").update(`${user}\u0000${ip}`).digest("hex").slice(0, 32)}`;
  }

  async signIn(name: string, password: string, ip: string): Promise<SignIn> {
    const failKey = this.failKey(name, ip);
    const ipKey = `${this.prefix}:staff:fail-ip:${createHash("sha256").update(ip).digest("hex").slice(0, 32)}`;
    // Counted before the password is checked (atomically, so parallel guesses cannot slip past the
    // limit); a right password clears the count. The window starts at the first attempt.
    const counts = await this.redis
      .multi()
      .set(failKey, "0", "EX", WINDOW_SECONDS, "NX")
      .incr(failKey)
      .set(ipKey, "0", "EX", WINDOW_SECONDS, "NX")
      .incr(ipKey)
      .exec();
    const attempts = Number(counts?.[1]?.[1] ?? 0);
    const fromAddress = Number(counts?.[3]?.[1] ?? 0);
    if (attempts > MAX_FAILURES || fromAddress > MAX_PER_ADDRESS) return { ok: false, reason: "limited" };
    const user = this.users.get(name);
    // Unknown names are checked against a dummy hash: same time, same answer.
    const good = (await verifyPassword(password, user?.hash ?? DUMMY_HASH)) && user !== undefined;
    if (!good) return { ok: false, reason: "wrong" };
    await this.redis.del(failKey);
    const token = randomBytes(32).toString("base64url");
    const session: StaffSession = { user: user.name, unit: user.unit ?? null, csrf: randomBytes(24).toString("base64url"), createdAt: Date.now() };
    await this.redis.set(this.sessionKey(token), JSON.stringify(session), "EX", SESSION_SECONDS);
    return { ok: true, token, session };
  }

  /** The session of a cookie token, while it lasts and its user is still configured. */
  async session(token: string | undefined): Promise<StaffSession | null> {
    if (!token || !/^[\w-]{43}$/.test(token)) return null;
    const raw = await this.redis.get(this.sessionKey(token));
    if (!raw) return null;
    const s = JSON.parse(raw) as StaffSession;
    const user = this.users.get(s.user);
    if (!user) return null; // removed from STAFF_CONSOLE_USERS since
    return { ...s, unit: user.unit ?? null };
  }

  async signOut(token: string | undefined): Promise<void> {
    if (token && /^[\w-]{43}$/.test(token)) await this.redis.del(this.sessionKey(token));
  }
}

/** Constant-time equality of two tokens (false when either is missing). */
export function sameToken(a: string | undefined | null, b: string | undefined | null): boolean {
  if (typeof a !== "string" || typeof b !== "string" || a.length === 0) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function newToken(): string {
  return randomBytes(24).toString("base64url");
}

export interface AuditEntry {
  id: string;
  at: string;
  who: string;
  action: string;
  detail: string;
  ip: string;
}

/**
 * The console's audit log: a Redis stream `<prefix>:staff:audit` (who, when, what, from where),
 * capped near 100,000 entries. Details name objects (ids, titles, counts), never enterprise data.
 */
export class AuditLog {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get key(): string {
    return `${this.prefix}:staff:audit`;
  }

  async write(who: string, action: string, detail: string, ip: string): Promise<void> {
    await this.redis.xadd(this.key, "MAXLEN", "~", "100000", "*", "at", this.now().toISOString(), "who", who, "action", action, "detail", detail.slice(0, 500), "ip", ip);
  }

  async recent(n = 200): Promise<AuditEntry[]> {
    const rows = await this.redis.xrevrange(this.key, "+", "-", "COUNT", n);
    return rows.map(([id, kv]) => {
      const f: Record<string, string> = {};
      for (let i = 0; i + 1 < kv.length; i += 2) f[kv[i]!] = kv[i + 1]!;
      return { id, at: f.at ?? "", who: f.who ?? "", action: f.action ?? "", detail: f.detail ?? "", ip: f.ip ?? "" };
    });
  }
}
