/**
 * The Feishu webhook's security and the SDK 1.74 traps, each with a test: forged, unsigned,
 * wrongly encrypted and wrong-token requests refused; url_verification answered; events
 * answered before the work; redeliveries ignored; a non-zero `code` is an error; the tenant
 * token cache is per adapter; rate limits retried after the given time; no secret in logs.
 */
import { Readable, Writable } from "node:stream";
import * as lark from "@larksuiteoapi/node-sdk";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FeishuApiError } from "../../src/bots/feishu/errors.ts";
import { WEBHOOK_PATHS } from "../../src/bots/feishu/webhook.ts";
import type { InboundMessage } from "../../src/flows/engine/messages.ts";
import { encryptEvent, FeishuPlatform, messageEvent, signedRequest } from "../support/feishu-platform.ts";
import { APP_ID, APP_SECRET, ENCRYPT_KEY, startFeishuRig, VERIFICATION_TOKEN, type FeishuRig } from "../support/feishu-rig.ts";
import { TestRedis } from "../support/redis.ts";

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

const CHAT = "oc_chat_security";
const USER = "ou_user_security";
const to = { channel: "feishu" as const, chatId: CHAT, userId: USER };
const hello = (over: Record<string, unknown> = {}) => messageEvent({ token: VERIFICATION_TOKEN, appId: APP_ID, chatId: CHAT, userId: USER, text: "帮助", ...over });

async function rig(opts: Parameters<typeof startFeishuRig>[0] extends infer O ? Partial<O> : never = {}): Promise<{ r: FeishuRig; received: InboundMessage[] }> {
  const r = await startFeishuRig({ mode: "webhook", redisUrl: redis.url, ...opts });
  cleanup.push(() => r.close());
  const received: InboundMessage[] = [];
  await r.adapter.start(async (m) => void received.push(m));
  return { r, received };
}

describe("webhook: who may call it", () => {
  it("url_verification (encrypted) is answered with its challenge when the token matches, refused otherwise", async () => {
    const { r } = await rig();
    const challenge = { challenge: "ajls384kdjx98XX", token: VERIFICATION_TOKEN, type: "url_verification" };
    const ok = await r.post(WEBHOOK_PATHS.events, { body: JSON.stringify({ encrypt: encryptEvent(challenge, ENCRYPT_KEY) }), headers: { "content-type": "application/json" } });
    expect(ok).toMatchObject({ status: 200, body: { challenge: "ajls384kdjx98XX" } });
    const bad = await r.post(WEBHOOK_PATHS.events, { body: JSON.stringify({ encrypt: encryptEvent({ ...challenge, token: "guess" }, ENCRYPT_KEY) }), headers: { "content-type": "application/json" } });
    expect(bad.status).toBe(403);
  });

  it("a forged signature, an unsigned request, a wrong encryption and a plain body are refused; nothing reaches the engine", async () => {
    const { r, received } = await rig();
    const forged = signedRequest(hello(), ENCRYPT_KEY, { signWith: "not-the-key" });
    expect((await r.post(WEBHOOK_PATHS.events, forged)).status).toBe(401);
    const unsigned = signedRequest(hello(), ENCRYPT_KEY);
    delete unsigned.headers["x-lark-signature"];
    expect((await r.post(WEBHOOK_PATHS.events, unsigned)).status).toBe(401);
    // Signed correctly, but encrypted with another key: it does not decrypt (SDK trap: adaptDefault would reject unhandled).
    const wrongKey = signedRequest(hello(), ENCRYPT_KEY, { encryptWith: "another-key" });
    expect((await r.post(WEBHOOK_PATHS.events, wrongKey)).status).toBe(400);
    const garbage = { body: JSON.stringify({ encrypt: "bm90IGEgY2lwaGVydGV4dA==" }), headers: { "content-type": "application/json" } };
    expect((await r.post(WEBHOOK_PATHS.card, garbage)).status).toBe(400);
    const plain = { body: JSON.stringify(hello()), headers: { "content-type": "application/json" } };
    expect((await r.post(WEBHOOK_PATHS.events, plain)).status).toBe(400);
    await r.adapter.idle();
    expect(received).toEqual([]);
  });

  it("a correctly signed request older than the dedupe window is refused (its event id may be forgotten by then)", async () => {
    const { r, received } = await rig();
    const old = signedRequest(hello(), ENCRYPT_KEY, { atMs: Date.now() - 8 * 24 * 3600 * 1000 });
    expect((await r.post(WEBHOOK_PATHS.events, old)).status).toBe(401);
    await r.adapter.idle();
    expect(received).toEqual([]);
  });

  it("a correctly encrypted and signed event with the wrong verification token is refused (the SDK does not check it)", async () => {
    const { r, received } = await rig();
    const res = await r.post(WEBHOOK_PATHS.events, signedRequest(hello({ token: "wrong-token" }), ENCRYPT_KEY));
    expect(res.status).toBe(403);
    await r.adapter.idle();
    expect(received).toEqual([]);

    // The trap itself: the SDK's dispatcher hands such an event to its handler.
    let called = 0;
    const d = new lark.EventDispatcher({ encryptKey: ENCRYPT_KEY, verificationToken: VERIFICATION_TOKEN, loggerLevel: lark.LoggerLevel.fatal }).register({
      "im.message.receive_v1": async () => void called++,
    });
    const req = signedRequest(hello({ token: "wrong-token" }), ENCRYPT_KEY);
    await d.invoke(Object.assign(Object.create({ headers: req.headers }), JSON.parse(req.body)));
    expect(called).toBe(1);
  });

  it("the SDK answers url_verification only in adaptDefault with autoChallenge, and there a body that does not decrypt rejects", async () => {
    const d = new lark.EventDispatcher({ encryptKey: ENCRYPT_KEY, verificationToken: VERIFICATION_TOKEN, loggerLevel: lark.LoggerLevel.fatal });
    const challenge = { encrypt: encryptEvent({ challenge: "c1", token: VERIFICATION_TOKEN, type: "url_verification" }, ENCRYPT_KEY) };
    expect(await d.invoke(Object.assign(Object.create({ headers: {} }), challenge), { needCheck: false })).not.toEqual({ challenge: "c1" });
    // adaptDefault's listener returns this promise to node:http, which ignores it: an unhandled rejection in a server.
    const handler = lark.adaptDefault("/webhook", d, { autoChallenge: true });
    const req = Object.assign(Readable.from([JSON.stringify({ encrypt: "bm90IGEgY2lwaGVydGV4dA==" })]), { url: "/webhook", headers: {} });
    const res = { end: () => undefined };
    await expect(handler(req as never, res as never)).rejects.toThrow();
  });

  it("answers 503 before start and after stop, so Feishu delivers the event again later", async () => {
    const r = await startFeishuRig({ mode: "webhook", redisUrl: redis.url });
    cleanup.push(() => r.close());
    expect((await r.post(WEBHOOK_PATHS.events, signedRequest(hello(), ENCRYPT_KEY))).status).toBe(503);
  });
});

describe("webhook: answering within Feishu's 3 s", () => {
  it("answers the event before the engine has handled it; the work runs after the answer", async () => {
    const r = await startFeishuRig({ mode: "webhook", redisUrl: redis.url });
    cleanup.push(() => r.close());
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const handled: string[] = [];
    await r.adapter.start(async (m) => {
      await gate;
      handled.push(m.text);
    });
    const res = await r.post(WEBHOOK_PATHS.events, signedRequest(hello({ text: "慢消息" }), ENCRYPT_KEY));
    expect(res).toMatchObject({ status: 200, body: {} });
    expect(handled).toEqual([]);
    release();
    await r.adapter.idle();
    expect(handled).toEqual(["慢消息"]);
  });

  it("long connection: the answer frame goes back before the engine has handled the event", async () => {
    const r = await startFeishuRig({ mode: "ws", redisUrl: redis.url });
    cleanup.push(() => r.close());
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const handled: string[] = [];
    await r.adapter.start(async (m) => {
      await gate;
      handled.push(m.text);
    });
    expect(await r.platform.pushEvent(hello({ text: "慢消息" }))).toEqual({ code: 200, data: Buffer.from("{}").toString("base64") });
    expect(handled).toEqual([]);
    release();
    await r.adapter.idle();
    expect(handled).toEqual(["慢消息"]);
  });

  it("a re-delivered event (same event id) is answered and ignored (the SDK does not dedupe)", async () => {
    const { r, received } = await rig();
    const event = hello();
    const first = signedRequest(event, ENCRYPT_KEY);
    expect((await r.post(WEBHOOK_PATHS.events, first)).status).toBe(200);
    expect((await r.post(WEBHOOK_PATHS.events, first)).status).toBe(200); // a replay of the same request
    expect((await r.post(WEBHOOK_PATHS.events, signedRequest(event, ENCRYPT_KEY))).status).toBe(200); // Feishu's retry
    await r.adapter.idle();
    expect(received).toHaveLength(1);
  });

  it("messages of one chat are handed on in order, one at a time", async () => {
    const r = await startFeishuRig({ mode: "webhook", redisUrl: redis.url });
    cleanup.push(() => r.close());
    const seen: string[] = [];
    let running = 0;
    let overlap = false;
    await r.adapter.start(async (m) => {
      running++;
      if (running > 1) overlap = true;
      await new Promise((res) => setImmediate(res));
      seen.push(m.text);
      running--;
    });
    for (const text of ["一", "二", "三", "四"]) await r.post(WEBHOOK_PATHS.events, signedRequest(hello({ text }), ENCRYPT_KEY));
    await r.adapter.idle();
    expect(seen).toEqual(["一", "二", "三", "四"]);
    expect(overlap).toBe(false);
  });
});

describe("groups", () => {
  it("in a group the first answer quotes the question that mentioned the bot; later ones are plain", async () => {
    const r = await startFeishuRig({ mode: "webhook", redisUrl: redis.url });
    cleanup.push(() => r.close());
    const group = { channel: "feishu" as const, chatId: "oc_group_q", userId: USER };
    await r.adapter.start(async (m) => {
      await r.adapter.send(group, { text: `收到：${m.text}`, buttons: [], file: null });
      await r.adapter.send(group, { text: "第二条", buttons: [], file: null });
    });
    const event = messageEvent({ token: VERIFICATION_TOKEN, appId: APP_ID, chatId: "oc_group_q", chatType: "group", userId: USER, text: "@_user_1 帮助", mentions: [{ key: "@_user_1", open_id: r.platform.botOpenId, name: "申报助手" }] });
    await r.deliver(event);
    const asked = (event.event as { message: { message_id: string } }).message.message_id;
    expect(r.platform.takeCalls()).toEqual([
      { method: "im.message.reply", payload: { message_id: asked, msg_type: "text", content: { text: "收到：帮助" } } },
      { method: "im.message.create", payload: { receive_id_type: "chat_id", receive_id: "oc_group_q", msg_type: "text", content: { text: "第二条" } } },
    ]);
  });
});

describe("open platform replies", () => {
  it("a non-zero code is an error (the SDK resolves it as a value)", async () => {
    const { r } = await rig();
    const refusal = { status: 200, body: { code: 230002, msg: "Bot/User can NOT be out of the chat." } };
    r.platform.failNext("im.message.create", refusal);
    const raw = await r.adapter.api.client.im.v1.message.create({ params: { receive_id_type: "chat_id" }, data: { receive_id: CHAT, msg_type: "text", content: '{"text":"x"}' } });
    expect(raw.code).toBe(230002);
    r.platform.failNext("im.message.create", refusal);
    const err = await r.adapter.send(to, { text: "你好", buttons: [], file: null }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeishuApiError);
    expect((err as FeishuApiError).feishuCode).toBe(230002);
  });

  it("rate-limit answers (HTTP 429 / 99991400, and 230020 per chat) are retried after the time given", async () => {
    const { r } = await rig();
    r.platform.failNext("im.message.create", { status: 429, body: { code: 99991400, msg: "request trigger frequency limit" }, headers: { "x-ogw-ratelimit-reset": "1" } });
    r.platform.failNext("im.message.create", { status: 200, body: { code: 230020, msg: "This chat is triggered by the rate limit policy" } });
    const sent = await r.adapter.send(to, { text: "稍后送达", buttons: [], file: null });
    expect(sent.messageId).toMatch(/^om_/);
    expect(r.platform.takeCalls()).toEqual([{ method: "im.message.create", payload: { receive_id_type: "chat_id", receive_id: CHAT, msg_type: "text", content: { text: "稍后送达" } } }]);
    // The three attempts carry the same idempotency uuid: Feishu posts at most one message per uuid.
    expect(r.platform.uuids).toHaveLength(3);
    expect(new Set(r.platform.uuids).size).toBe(1);
  });

  it("a durable delivery repeated with its idempotency key reuses its uuids (Feishu drops the repeat); other sends get fresh ones", async () => {
    const { r } = await rig();
    const m = { text: "申报书已生成", buttons: [], file: null };
    await r.adapter.send(to, m, { idempotencyKey: "outbox:feishu:oc_x:done:job-1" });
    await r.adapter.send(to, m, { idempotencyKey: "outbox:feishu:oc_x:done:job-1" }); // after a crash, by another process
    await r.adapter.send(to, m, { idempotencyKey: "outbox:feishu:oc_x:done:job-2" });
    await r.adapter.send(to, m);
    await r.adapter.send(to, m);
    const [a, b, c, d, e] = r.platform.uuids;
    expect(a).toBe(b);
    expect(new Set([a, c, d, e]).size).toBe(4);
  });

  it("a refused tenant token is dropped and fetched again, once", async () => {
    const { r } = await rig();
    await r.adapter.send(to, { text: "一", buttons: [], file: null });
    r.platform.revokeTokens();
    await r.adapter.send(to, { text: "二", buttons: [], file: null });
    expect(r.platform.tokenRequests).toHaveLength(2);
    expect(r.platform.takeCalls().map((c) => (c.payload as { content: { text: string } }).content.text)).toEqual(["一", "二"]);
  });

  it("each adapter has its own tenant token cache (the SDK's is global per app id)", async () => {
    const other = await FeishuPlatform.start(APP_ID, APP_SECRET);
    cleanup.push(() => other.close());
    const a = await rig();
    const b = await rig({ platform: other });
    await a.r.adapter.send(to, { text: "甲", buttons: [], file: null });
    await b.r.adapter.send(to, { text: "乙", buttons: [], file: null });
    expect(other.tokenRequests).toHaveLength(1);
    expect(other.takeCalls()).toHaveLength(1);

    // The trap: two SDK clients of one app id with the default cache share one token.
    const third = await FeishuPlatform.start(APP_ID, APP_SECRET);
    const fourth = await FeishuPlatform.start(APP_ID, APP_SECRET);
    cleanup.push(() => third.close(), () => fourth.close());
    const c1 = new lark.Client({ appId: APP_ID, appSecret: APP_SECRET, domain: third.url, loggerLevel: lark.LoggerLevel.fatal });
    const c2 = new lark.Client({ appId: APP_ID, appSecret: APP_SECRET, domain: fourth.url, loggerLevel: lark.LoggerLevel.fatal });
    const msg = { params: { receive_id_type: "chat_id" as const }, data: { receive_id: CHAT, msg_type: "text", content: '{"text":"x"}' } };
    await c1.im.v1.message.create(msg);
    await expect(c2.im.v1.message.create(msg)).rejects.toThrow(/400/);
    expect(fourth.tokenRequests).toHaveLength(0);
  });
});

describe("secrets", () => {
  it("no log line carries the app secret, the encrypt key, the verification token or a tenant token, even at trace level", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString("utf8"));
        done();
      },
    });
    const log = pino({ level: "trace" }, sink);
    // Wrong secret first: the SDK logs the failed token request (its body holds app_secret).
    const wrong = await FeishuPlatform.start(APP_ID, "a-different-secret");
    cleanup.push(() => wrong.close());
    const bad = await startFeishuRig({ mode: "webhook", redisUrl: redis.url, log, platform: wrong });
    cleanup.push(() => bad.close());
    await bad.adapter.start(async () => undefined);
    await expect(bad.adapter.send(to, { text: "x", buttons: [], file: null })).rejects.toThrow();

    const good = await startFeishuRig({ mode: "webhook", redisUrl: redis.url, log });
    cleanup.push(() => good.close());
    await good.adapter.start(async () => undefined);
    await good.adapter.send(to, { text: "你好", buttons: [], file: null });
    good.platform.revokeTokens();
    await good.adapter.send(to, { text: "再见", buttons: [], file: null });
    good.platform.failNext("im.message.create", { status: 500, body: { code: 1, msg: "internal" } });
    await expect(good.adapter.send(to, { text: "x", buttons: [], file: null })).rejects.toThrow();
    await good.post(WEBHOOK_PATHS.events, signedRequest(hello(), ENCRYPT_KEY, { signWith: "forged" }));
    await good.post(WEBHOOK_PATHS.events, signedRequest(hello({ token: "nope" }), ENCRYPT_KEY));

    const ws = await startFeishuRig({ mode: "ws", redisUrl: redis.url, log });
    cleanup.push(() => ws.close());
    await ws.adapter.start(async () => undefined);
    await ws.deliver(hello());

    const all = lines.join("");
    expect(lines.length).toBeGreaterThan(5);
    const tokens = [...good.platform.issuedTokens, ...ws.platform.issuedTokens];
    expect(tokens.length).toBeGreaterThan(0);
    expect(all).toContain("/ws?device_id=dev1"); // the SDK's debug line with the connect address was logged…
    for (const secret of [APP_SECRET, ENCRYPT_KEY, VERIFICATION_TOKEN, "a-different-secret", ws.platform.wsAccessKey, ws.platform.wsTicket, ...tokens]) {
      expect(all).not.toContain(secret); // …without its credentials
    }
  });
});
