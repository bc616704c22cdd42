import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Address } from "../../src/bots/port.ts";
import { WebAdapter } from "../../src/bots/web/web-adapter.ts";
import { text } from "../../src/flows/engine/messages.ts";
import { createLogger } from "../../src/shared/log.ts";
import { TestRedis } from "../support/redis.ts";

/** A page's event stream: what the hub writes to it, as the entries' texts and ids. */
class Page extends EventEmitter {
  raw = "";
  writeHead(): this {
    return this;
  }
  write(chunk: string): boolean {
    this.raw += chunk;
    return true;
  }
  end(): void {
    this.emit("close");
  }
  get entries(): Array<{ id: string; text: string }> {
    return [...this.raw.matchAll(/^data: (\{.*\})$/gm)].map((m) => JSON.parse(m[1]!) as { id: string; text: string }).filter((e) => e.id);
  }
  get texts(): string[] {
    return this.entries.map((e) => e.text);
  }
}

let server: TestRedis;
const cleanup: Array<() => Promise<unknown>> = [];
beforeAll(async () => {
  server = await TestRedis.start();
});
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});
afterAll(async () => {
  await server.destroy();
});

/** One service process's web adapter (own connections), on the test's Redis and prefix. */
async function processOn(prefix: string): Promise<WebAdapter> {
  const a = new WebAdapter({ redis: { host: "127.0.0.1", port: server.port }, prefix, log: createLogger("silent"), documentsDir: "/nonexistent", ttlSeconds: 3600 });
  await a.start(async () => undefined);
  cleanup.push(() => a.stop());
  return a;
}

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
}

/** Counts the notices published on the web chat's pub/sub channel. */
async function noticeCounter(prefix: string): Promise<() => number> {
  const sub = new Redis(server.url);
  let n = 0;
  sub.on("message", () => n++);
  await sub.subscribe(`${prefix}:web:push`);
  cleanup.push(async () => sub.disconnect());
  return () => n;
}

const chat: Address = { channel: "web", chatId: "wpage", userId: "wpage" };
const open = (a: WebAdapter, page: Page, lastId: string | null = null) => a.sse.open(chat.chatId, page as unknown as ServerResponse, lastId);

describe("web pushes", () => {
  it("go straight to the pages open in the process that stored them, and through one notice to another process's page only while it is open", async () => {
    const prefix = `p${Math.random().toString(36).slice(2, 8)}`;
    const a = await processOn(prefix);
    const b = await processOn(prefix);
    const notices = await noticeCounter(prefix);
    const onA = new Page();
    open(a, onA);
    const r = new Redis(server.url);
    cleanup.push(async () => r.disconnect());
    await until(async () => (await r.hlen(`${prefix}:web:open:${chat.chatId}`)) === 1);

    await a.send(chat, text("一"));
    await until(() => onA.texts.length === 1);
    expect(onA.texts).toEqual(["一"]);
    expect(notices()).toBe(0); // nobody else has the page open: nothing announced

    const onB = new Page();
    open(b, onB); // the backlog first, from the stream
    await until(() => onB.texts.length === 1);
    await a.send(chat, text("二"));
    await b.send(chat, text("三"));
    await until(() => onA.texts.length === 3 && onB.texts.length === 3);
    expect(onA.texts).toEqual(["一", "二", "三"]);
    expect(onB.texts).toEqual(["一", "二", "三"]);
    expect(notices()).toBe(2); // one per entry, for the other process's page

    onB.end(); // the page on B goes: its mark goes too
    await new Promise((r) => setTimeout(r, 50));
    await a.send(chat, text("四"));
    await until(() => onA.texts.length === 4);
    expect(notices()).toBe(2);
    // Ids in stream order, each once.
    const ids = onA.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(4);
    expect((await a.history.after(chat.chatId, null)).map((e) => e.id)).toEqual(ids);
  });

  it("a page that missed an entry reads it from the stream before the next one, in order, each once", async () => {
    const prefix = `p${Math.random().toString(36).slice(2, 8)}`;
    const a = await processOn(prefix);
    const b = await processOn(prefix);
    const onB = new Page();
    open(b, onB);
    await a.send(chat, text("一"));
    await until(() => onB.texts.length === 1);
    // Stored without any announcement (as if its notice was lost).
    await a.history.append(chat.chatId, { type: "bot", text: "二", buttons: [], file: null });
    await a.send(chat, text("三"));
    await until(() => onB.texts.length === 3);
    await new Promise((r) => setTimeout(r, 50));
    expect(onB.texts).toEqual(["一", "二", "三"]);
    // A reconnecting page with Last-Event-ID gets only what came after it.
    const again = new Page();
    open(b, again, onB.entries[0]!.id);
    await until(() => again.texts.length === 2);
    expect(again.texts).toEqual(["二", "三"]);
  });
});
