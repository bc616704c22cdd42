import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Service } from "../../src/app/service.ts";
import { chatIdOf } from "../../src/bots/web/session.ts";
import { webTexts } from "../../src/bots/web/texts.ts";
import { TestRedis } from "../support/redis.ts";
import { inProcessService, serviceEnv } from "../support/service.ts";
import { WebClient } from "../support/web-client.ts";

let redis: TestRedis;
let service: Service;
let dir: string;
let docsDir: string;

beforeAll(async () => {
  redis = await TestRedis.start();
  const s = await serviceEnv({ REDIS_URL: redis.url });
  dir = s.dir;
  docsDir = s.env.DOCUMENTS_DIR!;
  service = await inProcessService(s.env);
});
afterAll(async () => {
  await service?.stop();
  await redis.destroy();
  await fs.rm(dir, { recursive: true, force: true });
});

const addressOf = (c: WebClient) => {
  const chatId = chatIdOf(c.cookie.split("=")[1])!;
  return { channel: "web" as const, chatId, userId: chatId };
};

describe("health and metrics", () => {
  it("/healthz is live and /readyz reports Redis and the index", async () => {
    const h = await fetch(`${service.url}/healthz`);
    expect(h.status).toBe(200);
    expect(await h.json()).toEqual({ ok: true });
    const r = await fetch(`${service.url}/readyz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true, checks: { redis: true, index: true, accepting: true } });
  });

  it("/metrics is Prometheus text with messages by channel and outcome, latency, queue depth and documents", async () => {
    const c = new WebClient(service.url);
    await c.open();
    expect((await c.say("帮助")).status).toBe(200);
    const res = await fetch(`${service.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await res.text();
    expect(body).toContain("# TYPE shenbao_messages_total counter");
    expect(body).toMatch(/^shenbao_messages_total\{channel="web",outcome="replied"\} [1-9]\d*$/m);
    expect(body).toContain("# TYPE shenbao_answer_seconds histogram");
    expect(body).toMatch(/^shenbao_answer_seconds_bucket\{le="\+Inf",channel="web"\} [1-9]\d*$/m);
    expect(body).toMatch(/^shenbao_documents_queue_depth\{state="waiting"\} \d+$/m);
    expect(body).toContain("# TYPE shenbao_documents_total counter");
    expect(body).toContain("shenbao_process_cpu_seconds_total");
    // Every sample line is `name{labels} value`.
    for (const line of body.split("\n").filter((l) => l && !l.startsWith("#"))) expect(line).toMatch(/^[a-z_:][\w:]*(\{[^}]*\})? -?[\d.e+-]+|NaN|[+-]Inf$/);
  });
});

describe("file links", () => {
  it("open for their owner only", async () => {
    const alice = new WebClient(service.url);
    const bob = new WebClient(service.url);
    await alice.open();
    await bob.open();
    expect(alice.cookie).not.toBe(bob.cookie);
    const file = path.join(docsDir, "abc", "d1-v1.docx");
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, "PK fake docx");
    await service.app.outbox.post(addressOf(alice), { text: "申报书已生成", buttons: [], file: { path: file, name: "申报书（测试）.docx" } }, "http-test-doc");
    const entry = await alice.lastBot();
    expect(entry.type === "bot" && entry.file?.name).toBe("申报书（测试）.docx");
    const url = `${service.url}${entry.type === "bot" ? entry.file!.url : ""}`;

    const own = await fetch(url, { headers: alice.headers() });
    expect(own.status).toBe(200);
    expect(own.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("申报书（测试）.docx")}`);
    expect(await own.text()).toBe("PK fake docx");

    const other = await fetch(url, { headers: bob.headers() });
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    expect((await fetch(url)).status).toBe(404);
    expect((await bob.history()).some((e) => e.type === "bot" && e.file)).toBe(false);
  });

  it("never serve a path outside the documents folder", async () => {
    const c = new WebClient(service.url);
    await c.open();
    await service.app.outbox.post(addressOf(c), { text: "x", buttons: [], file: { path: "/etc/passwd", name: "passwd.docx" } }, "http-test-etc");
    const e = await c.lastBot();
    const res = await fetch(`${service.url}${e.type === "bot" ? e.file!.url : ""}`, { headers: c.headers() });
    expect(res.status).toBe(404);
    expect((await fetch(`${service.url}/files/..%2F..%2Fetc%2Fpasswd`, { headers: c.headers() })).status).toBe(404);
  });
});

describe("security headers", () => {
  it("the page, the API and the event stream carry helmet's headers (computed once, same as per request)", async () => {
    const c = new WebClient(service.url);
    await c.open();
    const page = await fetch(`${service.url}/`, { headers: c.headers() });
    const api = await fetch(`${service.url}/api/history`, { headers: c.headers() });
    const ctl = new AbortController();
    const events = await fetch(`${service.url}/api/events`, { headers: c.headers(), signal: ctl.signal });
    for (const res of [page, api, events]) {
      expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(res.headers.get("strict-transport-security")).toBeNull();
      expect(res.headers.get("x-powered-by")).toBeNull();
    }
    expect(events.headers.get("content-type")).toContain("text/event-stream");
    ctl.abort();
    await page.text();
    await api.text();
  });
});

describe("bad requests are refused with 4xx, never a crash", () => {
  it.each([
    ["oversized body", { body: JSON.stringify({ clientId: "c12345678", text: "长".repeat(100_000) }) }, 413],
    ["malformed JSON", { body: '{"clientId": "c12345678", "text": ' }, 400],
    ["not JSON", { body: "text=hi", type: "application/x-www-form-urlencoded" }, 415],
    ["an unknown field is refused, not dropped", { body: JSON.stringify({ clientId: "c12345678", text: "hi", admin: true }) }, 400],
    ["an unknown field next to a button press", { body: JSON.stringify({ clientId: "c12345678", action: "1.x", messageId: "1-0", userId: "w0" }) }, 400],
    ["text and action at once", { body: JSON.stringify({ clientId: "c12345678", text: "hi", action: "1.x", messageId: "1-0" }) }, 400],
    ["a bad client id", { body: JSON.stringify({ clientId: "<script>", text: "hi" }) }, 400],
    ["a text too long", { body: JSON.stringify({ clientId: "c12345678", text: "长".repeat(2001) }) }, 400],
    ["an array", { body: "[]" }, 400],
  ] as Array<[string, { body: string; type?: string }, number]>)("%s", async (_name, req, status) => {
    const c = new WebClient(service.url);
    await c.open();
    const res = await fetch(`${service.url}/api/messages`, {
      method: "POST",
      headers: c.headers({ "content-type": req.type ?? "application/json" }),
      body: req.body,
    });
    expect(res.status).toBe(status);
    // Said in Chinese, as the page shows it.
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
    if (_name.startsWith("an unknown field")) expect(body.error).toEqual({ code: "UNKNOWN_FIELD", message: webTexts.errors.UNKNOWN_FIELD });
  });

  it("an unknown field never reaches the engine: nothing is recorded", async () => {
    const c = new WebClient(service.url);
    await c.open();
    const res = await fetch(`${service.url}/api/messages`, {
      method: "POST",
      headers: c.headers({ "content-type": "application/json" }),
      body: JSON.stringify({ clientId: "c87654321", text: "我想申报先进级智能工厂", extra: "x" }),
    });
    expect(res.status).toBe(400);
    const history = (await (await fetch(`${service.url}/api/history`, { headers: c.headers() })).json()) as { entries: unknown[] };
    expect(history.entries).toEqual([]);
  });

  it("no session, a forged session, an unknown path", async () => {
    const post = (cookie?: string) =>
      fetch(`${service.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ clientId: "c12345678", text: "hi" }),
      });
    expect((await post()).status).toBe(401);
    expect((await post("sb_sid=short")).status).toBe(401);
    expect((await fetch(`${service.url}/api/events`)).status).toBe(401);
    expect((await fetch(`${service.url}/nope`)).status).toBe(404);
    expect((await fetch(`${service.url}/static/../../package.json`)).status).toBe(404);
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    // STAFF_CONSOLE_USERS is unset here: the console says so, and serves nothing else.
    for (const url of ["/staff", "/staff/login", "/staff/notices"]) {
      const res = await fetch(`${service.url}${url}`, { redirect: "manual" });
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).toContain("工作人员控制台尚未配置");
    }
  });

  it("a button that was never offered is refused (409); 删除我的数据 clears the transcript", async () => {
    const c = new WebClient(service.url);
    await c.open();
    const forged = await c.post({ action: "1.delyes", messageId: "1-0" });
    expect(forged.status).toBe(409);
    await c.say("删除我的数据");
    expect((await c.lastBot()).text).toContain("确定吗");
    await c.press("确认删除");
    const h = await c.history();
    expect(h.map((e) => [e.type, e.text])).toEqual([["bot", "已删除您的全部数据。如需再次使用，发送「开始」即可。"]]);
  });
});
