/**
 * At most `limit` grants per `windowMs` per key, first come first served: `reserve` books the
 * earliest slot and says how long to wait for it. Feishu's limits: 50 requests/s per app for
 * message APIs, 5 messages/s to one chat (https://open.feishu.cn/document/server-docs/api-call-guide/frequency-control).
 * Per process: several service processes share the app's budget, so the adapter also retries
 * the platform's own rate-limit answers (see api.ts).
 */
export class WindowLimiter {
  private readonly grants = new Map<string, number[]>();
  private reserved = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Book a slot for `key`; returns the milliseconds to wait before using it (0: now). */
  reserve(key: string): number {
    const t = this.now();
    if (++this.reserved % 1000 === 0) this.sweep(t);
    const g = this.grants.get(key) ?? [];
    while (g.length > 0 && g[0]! <= t - this.windowMs) g.shift();
    const at = g.length >= this.limit ? Math.max(t, g[g.length - this.limit]! + this.windowMs) : t;
    g.push(at);
    this.grants.set(key, g);
    return at - t;
  }

  /** Forget keys (chats) with no grant inside the window, so idle chats cost nothing. */
  private sweep(t: number): void {
    for (const [key, g] of this.grants) if ((g.at(-1) ?? 0) <= t - this.windowMs) this.grants.delete(key);
  }

  /** Wait for a slot. */
  async acquire(key: string): Promise<void> {
    const wait = this.reserve(key);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
}
