/**
 * The staff console over HTTP (Fastify inject on the real service, real Redis): sign-in,
 * cookies, sessions, CSRF, the sign-in rate limit, the audit log, the page without config.
 */
import fs from "node:fs/promises";
import path from "node:path";
import Fastify from "fastify";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Service } from "../../src/app/service.ts";
import { hashPassword, verifyPassword } from "../../src/app/staff/console/password.ts";
import { consoleNotConfigured, consoleRoutes } from "../../src/app/staff/console/routes.ts";
import { catalog } from "../../src/flows/programs/index.ts";
import { newSession } from "../../src/flows/engine/state.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { createLogger } from "../../src/shared/log.ts";
import { loadConfig, projectRoot } from "../../src/shared/config.ts";
import { TestRedis } from "../support/redis.ts";
import { inProcessService, serviceEnv } from "../support/service.ts";

const PASSWORD = "correct-horse-电池-staple";
const UNIT = "福州市工业和信息化局";
let redis: TestRedis;
let service: Service;
let dir: string;
let prefix: string;
let r: Redis;

beforeAll(async () => {
  redis = await TestRedis.start();
  const hash = await hashPassword(PASSWORD);
  const other = await hashPassword("another-password-1");
  const s = await serviceEnv({ REDIS_URL: redis.url });
  dir = s.dir;
  prefix = s.env.REDIS_PREFIX!;
  const corpus = path.join(dir, "corpus");
  await fs.cp(path.join(projectRoot, "corpus"), corpus, { recursive: true });
  service = await inProcessService({ ...s.env, CORPUS_DIR: corpus, STAFF_CONSOLE_USERS: `wang:${hash}:${UNIT},li:${other}`, TRUST_PROXY: "127.0.0.1" });
  r = new Redis(redis.url);
}, 120_000);
afterAll(async () => {
  await service?.stop();
  r?.disconnect();
  await redis?.destroy();
  await fs.rm(dir, { recursive: true, force: true });
});

type Res = Awaited<ReturnType<Service["http"]["inject"]>>;
const cookieOf = (res: Res, name: string) => res.cookies.find((c) => c.name === name);

/** Signs in as wang; returns the session cookie and the CSRF token of its pages. */
async function signIn(user = "wang", password = PASSWORD, ip = "127.0.0.1"): Promise<{ res: Res; cookie?: string; csrf?: string }> {
  const form = await service.http.inject({ method: "GET", url: "/staff/login", remoteAddress: ip });
  const pre = cookieOf(form, "sb_staff_pre")!.value;
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
  const res = await service.http.inject({
    method: "POST",
    url: "/staff/login",
    remoteAddress: ip,
    cookies: { sb_staff_pre: pre },
    payload: new URLSearchParams({ _csrf: token, user, password }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  const cookie = cookieOf(res, "sb_staff")?.value;
  if (!cookie) return { res };
  const page = await service.http.inject({ method: "GET", url: "/staff/notices", cookies: { sb_staff: cookie } });
  return { res, cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] };
}

const form = (body: Record<string, string>) => ({ payload: new URLSearchParams(body).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });

describe("staff console over HTTP", () => {
  it("answers no page or API without a session (pages redirect to the sign-in, the rest 401)", async () => {
    for (const url of ["/staff", "/staff/notices", "/staff/upload", "/staff/upload/abcdef123456", "/staff/broadcasts", "/staff/broadcasts/abcdef1234", "/staff/applications", "/staff/applications/fj-2024-integration/summary.xlsx", "/staff/audit"]) {
      const res = await service.http.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location, url).toBe("/staff/login");
    }
    const api = await service.http.inject({ method: "GET", url: "/staff/api/broadcasts/abcdef1234" });
    expect(api.statusCode).toBe(401);
    expect(api.json().error.message).toContain("请先登录");
    for (const url of ["/staff/logout", "/staff/upload", "/staff/upload/abcdef123456/confirm", "/staff/upload/abcdef123456/discard", "/staff/broadcasts/preview", "/staff/broadcasts/abcdef1234/send"]) {
      const res = await service.http.inject({ method: "POST", url, ...form({ text: "x" }) });
      expect(res.statusCode, url).toBe(401);
    }
    // A made-up cookie is no session.
    const forged = await service.http.inject({ method: "GET", url: "/staff/notices", cookies: { sb_staff: "A".repeat(43) } });
    expect(forged.statusCode).toBe(303);
  });

  it("signs in with the configured password; the cookie is HttpOnly, SameSite=Strict, path /staff; signs out", async () => {
    const wrong = await signIn("wang", "not the password");
    expect(wrong.res.statusCode).toBe(401);
    expect(wrong.res.body).toContain("用户名或密码错误");
    const { res, cookie, csrf } = await signIn();
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/staff/notices");
    const c = cookieOf(res, "sb_staff")!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe("Strict");
    expect(c.path).toBe("/staff");
    expect(c.secure).toBeUndefined(); // STAFF_CONSOLE_SECURE_COOKIE=off (plain http here)
    expect(csrf).toBeTruthy();
    // Redis holds a digest of the token, never the token.
    const keys = await r.keys(`${prefix}:staff:session:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((k) => k.includes(cookie!))).toBe(false);
    const page = await service.http.inject({ method: "GET", url: "/staff/applications", cookies: { sb_staff: cookie! } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`推荐单位：${UNIT}`);
    const out = await service.http.inject({ method: "POST", url: "/staff/logout", cookies: { sb_staff: cookie! }, ...form({ _csrf: csrf! }) });
    expect(out.statusCode).toBe(200);
    expect(out.body).toContain("已退出登录");
    const after = await service.http.inject({ method: "GET", url: "/staff/notices", cookies: { sb_staff: cookie! } });
    expect(after.statusCode).toBe(303);
  });

  it("refuses a POST without the session's CSRF token (403), also a multipart one and the upload", async () => {
    const { cookie, csrf } = await signIn();
    const cookies = { sb_staff: cookie! };
    const body = { text: "测试", audience: "subscribers" };
    const none = await service.http.inject({ method: "POST", url: "/staff/broadcasts/preview", cookies, ...form(body) });
    expect(none.statusCode).toBe(403);
    expect(none.body).toContain("安全校验失败");
    const bad = await service.http.inject({ method: "POST", url: "/staff/broadcasts/preview", cookies, ...form({ ...body, _csrf: "x".repeat(32) }) });
    expect(bad.statusCode).toBe(403);
    // Another session's token is not this session's.
    const other = await signIn("li", "another-password-1");
    const crossed = await service.http.inject({ method: "POST", url: "/staff/broadcasts/preview", cookies, ...form({ ...body, _csrf: other.csrf! }) });
    expect(crossed.statusCode).toBe(403);
    const boundary = "----x";
    const multipart = (parts: string) => ({ payload: parts, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } });
    const filePart = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="n.txt"\r\nContent-Type: text/plain\r\n\r\n关于组织申报的通知\r\n--${boundary}--\r\n`;
    const upload = await service.http.inject({ method: "POST", url: "/staff/upload", cookies, ...multipart(filePart) });
    expect(upload.statusCode).toBe(403);
    const sendMp = await service.http.inject({ method: "POST", url: "/staff/broadcasts/abcdef1234/send", cookies, ...multipart(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${boundary}--\r\n`) });
    expect(sendMp.statusCode).toBe(403);
    for (const url of ["/staff/logout", "/staff/upload/abcdef123456/confirm", "/staff/upload/abcdef123456/discard", "/staff/broadcasts/abcdef1234/send"]) {
      const res = await service.http.inject({ method: "POST", url, cookies, ...form({}) });
      expect(res.statusCode, url).toBe(403);
    }
    // The sign-in form has its own token (double submit): without it, no sign-in.
    const login = await service.http.inject({ method: "POST", url: "/staff/login", ...form({ user: "wang", password: PASSWORD }) });
    expect(login.statusCode).toBe(403);
    expect(cookieOf(login, "sb_staff")).toBeUndefined();
    // With the token (form field or header) it goes through.
    const ok = await service.http.inject({ method: "POST", url: "/staff/broadcasts/preview", cookies, ...form({ ...body, _csrf: csrf! }) });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain("目前没有可发送的对象"); // nobody subscribed in this test
    const viaHeader = await service.http.inject({ method: "POST", url: "/staff/broadcasts/preview", cookies, ...form(body), headers: { "content-type": "application/x-www-form-urlencoded", "x-csrf-token": csrf! } });
    expect(viaHeader.statusCode).toBe(200);
  });

  it("refuses the tenth wrong password within a minute for a user and address with 429 (even a right one then)", async () => {
    const ip = "127.0.0.7"; // an injected remote address (Fastify inject: nothing goes over the network)
    for (let i = 1; i <= 9; i++) {
      const { res } = await signIn("li", `wrong-${i}`, ip);
      expect(res.statusCode, `attempt ${i}`).toBe(401);
    }
    const tenth = await signIn("li", "wrong-10", ip);
    expect(tenth.res.statusCode).toBe(429);
    expect(tenth.res.body).toContain("登录失败次数过多，请 1 分钟后再试");
    const right = await signIn("li", "another-password-1", ip);
    expect(right.res.statusCode).toBe(429);
    expect(right.cookie).toBeUndefined();
    // Another address is not held up by it, and the counter expires within the minute.
    expect((await signIn("li", "another-password-1", "127.0.0.6")).res.statusCode).toBe(303);
    // Parallel guesses cannot slip past the limit: at most 9 are checked, the rest get 429.
    const burst = await Promise.all(Array.from({ length: 14 }, (_, i) => signIn("wang", `parallel-${i}`, "127.0.0.5")));
    const statuses = burst.map((b) => b.res.statusCode);
    expect(statuses.filter((x) => x === 401).length).toBe(9);
    expect(statuses.filter((x) => x === 429).length).toBe(5);
    const ttl = await r.ttl((await r.keys(`${prefix}:staff:fail:*`))[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  }, 60_000);

  it("writes every change to the audit log (who, when, what, ip), shown on its page; no password anywhere in Redis", async () => {
    const { cookie, csrf } = await signIn();
    const cookies = { sb_staff: cookie! };
    await service.http.inject({ method: "POST", url: "/staff/upload/abcdef123456/discard", cookies, ...form({ _csrf: csrf! }) }); // 404: not a change
    const boundary = "----y";
    const text = await fs.readFile(path.join(projectRoot, "test/fixtures/notice-xm-2026-5g-factory.txt"));
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="5g.txt"\r\nContent-Type: text/plain\r\n\r\n`),
      text,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await service.http.inject({ method: "POST", url: "/staff/upload", cookies, payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } });
    expect(up.statusCode).toBe(303);
    const id = up.headers.location!.split("/").pop()!;
    const review = await service.http.inject({ method: "GET", url: `/staff/upload/${id}`, cookies });
    expect(review.body).toContain("确认发布");
    const discard = await service.http.inject({ method: "POST", url: `/staff/upload/${id}/discard`, cookies, ...form({ _csrf: csrf! }) });
    expect(discard.body).toContain("已放弃");

    // Behind a trusted proxy (TRUST_PROXY) the client's forwarded address is what counts and is recorded.
    const loginForm = await service.http.inject({ method: "GET", url: "/staff/login" });
    const viaProxy = await service.http.inject({
      method: "POST",
      url: "/staff/login",
      cookies: { sb_staff_pre: cookieOf(loginForm, "sb_staff_pre")!.value },
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "127.0.0.9" },
      payload: new URLSearchParams({ _csrf: /name="_csrf" value="([^"]+)"/.exec(loginForm.body)![1]!, user: "wang", password: "wrong-via-proxy" }).toString(),
    });
    expect(viaProxy.statusCode).toBe(401);
    const entries = await r.xrange(`${prefix}:staff:audit`, "-", "+");
    const rows = entries.map(([, kv]) => Object.fromEntries(kv.flatMap((_, i) => (i % 2 === 0 ? [[kv[i], kv[i + 1]]] : []))) as Record<string, string>);
    const actions = rows.map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(["登录", "登录失败", "登录被限制", "退出登录", "上传通知", "放弃通知"]));
    const upload = rows.find((x) => x.action === "上传通知")!;
    expect(upload.who).toBe("wang");
    expect(upload.ip).toBe("127.0.0.1");
    expect(rows.some((x) => x.action === "登录失败" && x.who === "wang" && x.ip === "127.0.0.9")).toBe(true);
    expect(upload.detail).toContain(id);
    expect(Date.parse(upload.at!)).toBeGreaterThan(Date.now() - 120_000);
    const page = await service.http.inject({ method: "GET", url: "/staff/audit", cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("放弃通知");
    expect(page.body).toContain("上传通知");
    // No password, and no password hash, in any key or value.
    const dump: string[] = [];
    for (const key of await r.keys("*")) {
      dump.push(key);
      const type = await r.type(key);
      if (type === "string") dump.push((await r.get(key)) ?? "");
      else if (type === "stream") dump.push(JSON.stringify(await r.xrange(key, "-", "+")));
      else if (type === "hash") dump.push(JSON.stringify(await r.hgetall(key)));
    }
    const all = dump.join("\n");
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain("another-password-1");
    expect(all).not.toContain("wrong-10");
    expect(all).not.toContain("scrypt$");
  });

  it("upload: a refused file gets the ingest's Chinese reason; corrections are checked, applied and audited", async () => {
    const { cookie, csrf } = await signIn();
    const cookies = { sb_staff: cookie! };
    const boundary = "----z";
    const upload = (name: string, bytes: Buffer) =>
      service.http.inject({
        method: "POST",
        url: "/staff/upload",
        cookies,
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
          bytes,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      });
    const refused = await upload("english.txt", Buffer.from("Just some English text, no notice here.\n"));
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toMatch(/[\u4e00-\u9fff]{4,}/);
    expect(refused.body).not.toContain("Just some English");

    const text = await fs.readFile(path.join(projectRoot, "test/fixtures/notice-xm-2026-5g-factory.txt"));
    const staged = await upload("5g.txt", Buffer.concat([text, Buffer.from("\n（控制台测试副本）\n")]));
    expect(staged.statusCode).toBe(303);
    const id = staged.headers.location!.split("/").pop()!;
    const confirm = (fields: Record<string, string>) => service.http.inject({ method: "POST", url: `/staff/upload/${id}/confirm`, cookies, ...form({ _csrf: csrf!, ...fields }) });
    const title = "厦门市工业和信息化局关于组织开展2026年度5G工厂试点项目申报工作的通知（更正）";
    const bad = await confirm({ title, issuer: "厦门市工业和信息化局", docNumber: "厦工信数字〔2026〕58号", date: "2026-11-02", deadlines: "12月15日 报送材料" });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain("截止日期格式不对");
    expect(bad.body).toContain("（更正）"); // what was typed is kept
    const badDate = await confirm({ title, issuer: "", docNumber: "", date: "2026-02-30", deadlines: "" });
    expect(badDate.statusCode).toBe(422);
    const ok = await confirm({ title, issuer: "厦门市工业和信息化局", docNumber: "厦工信数字〔2026〕58号", date: "2026-11-02", deadlines: "2026-12-20 申报单位报送申报材料" });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain("已发布");
    const notices = await service.http.inject({ method: "GET", url: "/staff/notices", cookies });
    expect(notices.body).toContain("（更正）");
    expect(notices.body).toContain("2026-12-20");
    expect(notices.body).toContain("还有 28 天");
    const again = await confirm({ title });
    expect(again.statusCode).toBe(404); // no longer staged
    const rows = (await r.xrange(`${prefix}:staff:audit`, "-", "+")).map(([, kv]) => kv.join(" "));
    expect(rows.some((x) => x.includes("确认发布通知") && x.includes("（更正）") && x.includes("deadlines"))).toBe(true);
    expect(rows.some((x) => x.includes("上传通知被拒") && x.includes("english.txt"))).toBe(true);
  });

  it("lists confirmed applications per program; each .docx and the 推荐汇总表 (with the user's unit) download only when signed in", async () => {
    const docDir = path.join(dir, "documents", "u1");
    await fs.mkdir(docDir, { recursive: true });
    const docPath = path.join(docDir, "先进级智能工厂申报书.docx");
    await fs.writeFile(docPath, Buffer.from("PK\u0003\u0004 a stand-in document"));
    const now = "2026-11-20T02:00:00.000Z";
    const company = "福州示例智能装备有限公司";
    await service.app.store.update({ channel: "web", userId: "wseeded" }, () => {
      const session = newSession(now);
      session.draftIds = ["d1", "d2"];
      const base = { programId: "fj-2025-smart-factory-advanced", cursor: null, history: [], editing: false, createdAt: now, updatedAt: now, failure: null };
      return {
        state: {
          session,
          drafts: {
            d1: { ...base, id: "d1", status: "ready" as const, answers: { "company-name": { value: company, display: company } }, version: 7, submittedVersion: 7, document: { path: docPath, name: "先进级智能工厂申报书.docx", version: 7 } },
            d2: { ...base, id: "d2", status: "filling" as const, answers: {}, version: 1, submittedVersion: null, document: null },
          },
        },
        result: null,
      };
    });
    const { cookie } = await signIn();
    const cookies = { sb_staff: cookie! };
    const page = await service.http.inject({ method: "GET", url: "/staff/applications", cookies });
    expect(page.body).toContain(company);
    expect(page.body).toContain("已生成");
    expect(page.body).toContain("2026-11-20 10:00"); // China time
    expect(page.body).not.toContain(">d2<"); // a draft still being filled is not an application
    const href = /href="(\/staff\/applications\/fj-2025-smart-factory-advanced\/[\w-]+\/docx)"/.exec(page.body)![1]!;
    const doc = await service.http.inject({ method: "GET", url: href, cookies });
    expect(doc.statusCode).toBe(200);
    expect(doc.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect(doc.headers["content-disposition"]).toContain(encodeURIComponent("先进级智能工厂申报书.docx"));
    expect((await service.http.inject({ method: "GET", url: href })).statusCode).toBe(303); // no session
    expect((await service.http.inject({ method: "GET", url: href.replace(/\/[\w-]+\/docx$/, "/AAAAAAAAAAAAAAAAAAAAAA/docx"), cookies })).statusCode).toBe(404);
    const summary = await service.http.inject({ method: "GET", url: "/staff/applications/fj-2025-smart-factory-advanced/summary.xlsx", cookies });
    expect(summary.statusCode).toBe(200);
    expect(summary.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect(decodeURIComponent(summary.headers["content-disposition"] as string)).toContain(UNIT);
    const audit = await service.http.inject({ method: "GET", url: "/staff/audit", cookies });
    expect(audit.body).toContain("下载申报书");
    expect(audit.body).toContain("下载推荐汇总表");
  });

  it("marks its cookies Secure behind https (STAFF_CONSOLE_SECURE_COOKIE=on)", async () => {
    const app = Fastify();
    await app.register(
      consoleRoutes({
        users: [{ name: "wang", hash: await hashPassword(PASSWORD) }],
        redis: service.app.redis,
        prefix,
        clock: fixedClock("2026-11-22"),
        log: createLogger("silent"),
        secureCookie: true,
        recommendingUnit: undefined,
        documentsDir: dir,
        notices: async () => [],
        catalog,
        store: service.app.store,
        audiences: service.app.staff.audiences,
        broadcasts: service.app.staff.broadcasts,
        intake: { stage: async () => { throw new Error("unused"); }, get: async () => null, list: async () => [], confirm: async () => { throw new Error("unused"); }, discard: async () => undefined },
      }),
    );
    const loginForm = await app.inject({ method: "GET", url: "/staff/login" });
    const pre = cookieOf(loginForm, "sb_staff_pre")!;
    expect(pre.secure).toBe(true);
    expect(pre.sameSite).toBe("Strict");
    const res = await app.inject({
      method: "POST",
      url: "/staff/login",
      cookies: { sb_staff_pre: pre.value },
      ...form({ _csrf: /name="_csrf" value="([^"]+)"/.exec(loginForm.body)![1]!, user: "wang", password: PASSWORD }),
    });
    const c = cookieOf(res, "sb_staff")!;
    expect(c.secure).toBe(true);
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe("Strict");
    expect(c.path).toBe("/staff");
    await app.close();
  });

  it("says the console is not configured when STAFF_CONSOLE_USERS is unset; bad entries stop start-up naming the variable", async () => {
    const app = Fastify();
    await app.register(consoleNotConfigured);
    for (const url of ["/staff", "/staff/login", "/staff/notices"]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain("工作人员控制台尚未配置");
      expect(res.body).toContain("STAFF_CONSOLE_USERS");
    }
    await app.close();
    const hash = await hashPassword("0123456789ab");
    expect(await verifyPassword("0123456789ab", hash)).toBe(true);
    expect(await verifyPassword("0123456789aB", hash)).toBe(false);
    expect(loadConfig({ STAFF_CONSOLE_USERS: `a:${hash}:${UNIT}` }).STAFF_CONSOLE_USERS).toEqual([{ name: "a", hash, unit: UNIT }]);
    for (const bad of ["wang:plaintext", `wang ${hash}`, `a:${hash},a:${hash}`, `a:${hash}:x`]) {
      let message = "";
      try {
        loadConfig({ STAFF_CONSOLE_USERS: bad });
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message, bad).toContain("STAFF_CONSOLE_USERS");
      expect(message, bad).not.toContain(hash); // never echoes a hash
      expect(message, bad).not.toContain("plaintext");
    }
  });
});
