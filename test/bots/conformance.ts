/**
 * The conformance suite every channel adapter passes (as BullMQ runs one suite against every
 * Redis client). It drives an adapter through a *harness*: the adapter wired to a fake or
 * local platform that records every platform call.
 *
 * How to add a harness (web, Telegram, Feishu …), in `test/bots/<channel>.test.ts`:
 *
 * 1. Write `setup()`: build the adapter against your local platform (a Bot API server, a
 *    Feishu open-platform server, the Fastify app), not started. `deliver(event)` hands the
 *    adapter one event exactly as the platform does (a webhook POST, a long-poll result, a
 *    line on stdin) and resolves once the adapter has handled it, including its `onMessage`
 *    call. `takeCalls()` returns the platform calls made since the last take, in order, as
 *    `{method, payload}` (e.g. `{method: "sendMessage", payload: {chat_id, text, reply_markup}}`).
 * 2. Record real-shaped events for `inbound` with the exact `InboundMessage` each must
 *    become (`null`: the adapter must drop it, e.g. the bot's own message or a group
 *    message without a mention), and `outbound` messages with the exact calls each makes.
 *    Include an `editOf` case: the suite sends it through the outbox, which routes it to `edit`.
 * 3. `greeting`: an event the engine answers (a user's 「帮助」). It is delivered twice to
 *    check that a redelivered event has one effect.
 * 4. `press(button, sent, message)`: the event of the user pressing `button` of `message`,
 *    which `send` returned as `sent` (Telegram: a callback_query on `sent.messageId`).
 * 5. Files (adapters with `fetchFile`): `file.event(name, bytes)` makes your platform hold
 *    `bytes` as a document the user of `address` sent and returns the event announcing it. It
 *    must become `kind: "file"` with `file.name` and a `file.ref` that `fetchFile` downloads
 *    back byte for byte; over the size cap it is a FileTooLargeError.
 * 6. Call `runConformance(yourHarness)`. Redis is real (test/support/redis.ts); no timing assertions.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Outbox } from "../../src/app/outbox.ts";
import { routeInbound } from "../../src/app/route-inbound.ts";
import { FileTooLargeError, type Address, type ChannelAdapter, type SentMessage } from "../../src/bots/port.ts";
import type { Button, InboundMessage, OutboundMessage } from "../../src/flows/engine/messages.ts";
import { createLogger } from "../../src/shared/log.ts";
import { echoKnowledge, makeEngine, type EngineEnv } from "../support/chat.ts";
import { TestRedis } from "../support/redis.ts";

/** One call the adapter made to its platform. */
export interface PlatformCall {
  method: string;
  payload: unknown;
}

export interface HarnessRig<Event> {
  adapter: ChannelAdapter;
  /** Deliver one event as the platform does; resolves once the adapter has handled it. */
  deliver(event: Event): Promise<void>;
  /** Platform calls since the last take, in order (async where the platform's record is, e.g. a Redis stream). */
  takeCalls(): PlatformCall[] | Promise<PlatformCall[]>;
  close(): Promise<void>;
}

export interface AdapterHarness<Event> {
  name: string;
  /** A fresh adapter on a recording platform, not started. */
  setup(): Promise<HarnessRig<Event>>;
  /** A chat the adapter owns; inbound events below come from it. */
  address: Address;
  inbound: Array<{ name: string; event: Event; expected: InboundMessage | null }>;
  outbound: Array<{ name: string; message: OutboundMessage; calls: PlatformCall[] }>;
  /** An event the engine answers (e.g. 「帮助」). */
  greeting: Event;
  /** The event of the user pressing `button` of `message`, which `send` returned as `sent`. */
  press(button: Button, sent: SentMessage, message: OutboundMessage): Event;
  /** Files users send, for adapters with `fetchFile` (see 5. above). */
  file?: { event(name: string, bytes: Buffer): Event | Promise<Event> };
}

const log = createLogger("silent");

export function runConformance<Event>(h: AdapterHarness<Event>): void {
  describe(`adapter conformance: ${h.name}`, () => {
    let redis: TestRedis;
    const cleanup: Array<() => Promise<unknown>> = [];

    beforeAll(async () => {
      redis = await TestRedis.start();
    });
    afterEach(async () => {
      for (const c of cleanup.splice(0).reverse()) await c();
    });
    afterAll(async () => {
      await redis.destroy();
    });

    async function rig(): Promise<HarnessRig<Event>> {
      const r = await h.setup();
      cleanup.push(() => r.close());
      return r;
    }

    /** The adapter started with a handler that only records what it is given. */
    async function recording(): Promise<{ r: HarnessRig<Event>; received: InboundMessage[] }> {
      const r = await rig();
      const received: InboundMessage[] = [];
      await r.adapter.start(async (m) => void received.push(m));
      cleanup.push(() => r.adapter.stop());
      return { r, received };
    }

    /** The adapter wired as createApp wires it: outbox over real Redis, the real engine. */
    async function wired(): Promise<{ r: HarnessRig<Event>; e: EngineEnv; outbox: Outbox }> {
      const r = await rig();
      const e = makeEngine(redis.url, echoKnowledge);
      cleanup.push(() => e.close());
      const outbox = new Outbox({ redis: e.redis, prefix: `conf${Math.random().toString(36).slice(2, 8)}`, log });
      outbox.register(r.adapter);
      await outbox.start();
      cleanup.push(() => outbox.close());
      await r.adapter.start(routeInbound(e.engine, outbox, log));
      cleanup.push(() => r.adapter.stop());
      return { r, e, outbox };
    }

    it("owns its own chat and no other channel's", async () => {
      const r = await rig();
      expect(r.adapter.owns(h.address)).toBe(true);
      const other = h.address.channel === "web" ? "console" : "web";
      expect(r.adapter.owns({ ...h.address, channel: other })).toBe(false);
    });

    it.each(h.inbound)("inbound: $name", async ({ event, expected }) => {
      const { r, received } = await recording();
      await r.deliver(event);
      expect(received).toEqual(expected ? [expected] : []);
    });

    it.each(h.outbound)("outbound: $name", async ({ message, calls }) => {
      const { r, outbox } = await wired();
      await r.takeCalls();
      await outbox.send(h.address, message);
      expect(await r.takeCalls()).toEqual(calls);
    });

    it("a redelivered event has one effect", async () => {
      const { r } = await wired();
      await r.takeCalls();
      await r.deliver(h.greeting);
      expect((await r.takeCalls()).length).toBeGreaterThan(0);
      await r.deliver(h.greeting);
      expect(await r.takeCalls()).toEqual([]);
    });

    it("buttons round-trip: a pressed button comes back as its payload", async () => {
      const { r, received } = await recording();
      const longId = `f:${"x".repeat(62)}`; // 64 bytes, the most a button may carry
      const buttons: Button[] = [
        { id: "q:7:yes", label: "是" },
        { id: "q:7:no", label: "否" },
        { id: longId, label: "先进级智能工厂（福建省）" },
      ];
      const message: OutboundMessage = { text: "是否为独立法人？", buttons, file: null };
      for (const b of buttons) {
        const sent = await r.adapter.send(h.address, message);
        await r.deliver(h.press(b, sent, message));
      }
      expect(received.map((m) => ({ kind: m.kind, action: m.action, channel: m.channel, chatId: m.chatId, userId: m.userId }))).toEqual(
        buttons.map((b) => ({ kind: "action", action: b.id, channel: h.address.channel, chatId: h.address.chatId, userId: h.address.userId })),
      );
      expect(new Set(received.map((m) => m.updateId)).size).toBe(buttons.length);
    });

    it.runIf(h.file !== undefined)("a file a user sends: kind file with its name; fetchFile gives its bytes back, and refuses one over the cap", async () => {
      const { r, received } = await recording();
      expect(typeof r.adapter.fetchFile).toBe("function");
      const bytes = Buffer.concat([Buffer.from("关于开展2026年度申报工作的通知\n"), Buffer.alloc(5000, 0x41)]);
      await r.deliver(await h.file!.event("通知（2026）.txt", bytes));
      expect(received).toHaveLength(1);
      const m = received[0]!;
      expect(m).toMatchObject({ kind: "file", channel: h.address.channel, chatId: h.address.chatId, userId: h.address.userId, file: { name: "通知（2026）.txt" } });
      expect(typeof m.file!.ref).toBe("string");
      expect(JSON.parse(JSON.stringify(m))).toEqual(m); // plain data
      expect(await r.adapter.fetchFile!(h.address, m.file!.ref, 1024 * 1024)).toEqual(bytes);
      await expect(r.adapter.fetchFile!(h.address, m.file!.ref, 1000)).rejects.toBeInstanceOf(FileTooLargeError);
    });

    it("a durable delivery reaches the chat once, however often it is posted", async () => {
      const { r, outbox } = await wired();
      await r.takeCalls();
      const doc: OutboundMessage = { text: "申报书已生成", buttons: [], file: { path: "/tmp/x.docx", name: "申报书.docx" } };
      expect(await outbox.post(h.address, doc, "conformance-doc-1")).toBe(true);
      const calls = await r.takeCalls();
      expect(calls.length).toBeGreaterThan(0);
      expect(await outbox.post(h.address, doc, "conformance-doc-1")).toBe(false);
      await outbox.flush(h.address);
      expect(await r.takeCalls()).toEqual([]);
    });
  });
}
