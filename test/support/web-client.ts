import { Redis, type RedisOptions } from "ioredis";
import { chatIdOf } from "../../src/bots/web/session.ts";
import { expandSteps } from "../../src/flows/forms/expand.ts";
import { RedisStateStore } from "../../src/flows/engine/store.ts";
import { catalog } from "../../src/flows/programs/index.ts";
import { createLogger } from "../../src/shared/log.ts";
import { sampleAnswer } from "../engine/auto-answer.ts";
import type { WebEntry } from "../../src/bots/web/history.ts";

export type Entry = WebEntry & { id: string };

/** One browser session of the web chat, over real HTTP (tests, bench, the two-process script). */
export class WebClient {
  cookie = "";
  private n = 0;

  constructor(public baseUrl: string) {}

  /** Load the page: the server sets the session cookie. */
  async open(): Promise<void> {
    const res = await fetch(`${this.baseUrl}/`, { headers: this.headers() });
    const set = res.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0]!;
    await res.text();
    if (!this.cookie) throw new Error("no session cookie");
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { ...(this.cookie ? { cookie: this.cookie } : {}), ...extra };
  }

  async post(body: Record<string, unknown>): Promise<Response> {
    return fetch(`${this.baseUrl}/api/messages`, {
      method: "POST",
      headers: this.headers({ "content-type": "application/json" }),
      body: JSON.stringify({ clientId: `c${Date.now().toString(36)}x${++this.n}`, ...body }),
    });
  }

  /** Type a message; resolves when the server has handled it (replies stored). */
  async say(text: string): Promise<Response> {
    const res = await this.post({ text });
    await res.text();
    return res;
  }

  /** Press the latest button whose label contains `label`. */
  async press(label: string): Promise<Response> {
    const entries = await this.history();
    const owner = [...entries].reverse().find((e) => e.type === "bot" && e.buttons.some((b) => b.label.includes(label)));
    if (!owner || owner.type !== "bot") throw new Error(`no button "${label}" in: ${entries.slice(-3).map((e) => e.text).join(" | ")}`);
    const b = owner.buttons.find((x) => x.label.includes(label))!;
    const res = await this.post({ action: b.id, messageId: owner.id });
    await res.text();
    return res;
  }

  async history(): Promise<Entry[]> {
    const res = await fetch(`${this.baseUrl}/api/history`, { headers: this.headers() });
    if (!res.ok) throw new Error(`history: ${res.status}`);
    return ((await res.json()) as { entries: Entry[] }).entries;
  }

  async lastBot(): Promise<Entry> {
    const e = [...(await this.history())].reverse().find((x) => x.type === "bot");
    if (!e) throw new Error("no bot message yet");
    return e;
  }
}

/** Answer the current form step over HTTP (reads the step from the store, as a user reads the question). */
export async function fill(c: WebClient, redisOptions: RedisOptions, prefix: string): Promise<void> {
  const redis = new Redis(redisOptions);
  const store = new RedisStateStore(redis, createLogger("silent"), { prefix });
  const chatId = chatIdOf(c.cookie.split("=")[1])!;
  try {
    for (let i = 0; i < 200; i++) {
      const { state } = await store.load({ channel: "web", userId: chatId });
      const mode = state?.session.mode;
      if (!state || mode?.kind !== "filling") return;
      const draft = state.drafts[mode.draftId]!;
      const entry = catalog.applications.find((a) => a.program.id === draft.programId)!;
      const step = expandSteps(entry.flow.steps, draft.answers).find((s) => s.key === draft.cursor)!.step;
      await c.say(step.optional ? "跳过" : sampleAnswer(step, draft.answers));
    }
  } finally {
    redis.disconnect();
  }
}

