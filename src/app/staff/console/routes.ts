import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyFormbody from "@fastify/formbody";
import fastifyMultipart from "@fastify/multipart";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { Redis } from "ioredis";
import { renderSummary, summaryFileName, summaryFor } from "../../../documents/summary/index.ts";
import { entryOf, type Catalog } from "../../../flows/engine/catalog.ts";
import { confirmedApplications, type RedisStateStore } from "../../../flows/engine/store.ts";
import { IngestError, ingestTexts } from "../../../knowledge/index.ts";
import type { NoticeMeta } from "../../../knowledge/notice-meta.ts";
import { isoDayInChina, type Clock } from "../../../shared/clock.ts";
import type { ConsoleUser } from "../../../shared/config.ts";
import type { Logger } from "../../../shared/log.ts";
import type { Audience, Audiences } from "../audience.ts";
import type { Broadcasts, DeliveryReport } from "../broadcast.ts";
import { MAX_NOTICE_FILE_BYTES, type NoticeCorrections, type NoticeIntake, type StagedNotice } from "../intake.ts";
import { staffTexts } from "../texts.ts";
import { AuditLog, ConsoleAuth, newToken, PRE_COOKIE, sameToken, SESSION_COOKIE, SESSION_SECONDS, type StaffSession } from "./auth.ts";
import { csrfField, esc, page, type Section } from "./html.ts";
import { consoleTexts as t } from "./texts.ts";

const publicDir = path.join(import.meta.dirname, "public");
const chinaClock = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

/** An ISO instant as China time, `YYYY-MM-DD HH:mm` (with seconds when asked). */
export function chinaTime(iso: string, seconds = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const s = chinaClock.format(d);
  return seconds ? s : s.slice(0, 16);
}
const DAY = 86_400_000;

/** What the console needs of the notice intake. */
export type IntakePort = Pick<NoticeIntake, "stage" | "get" | "list" | "confirm" | "discard">;

export interface ConsoleDeps {
  users: readonly ConsoleUser[];
  redis: Redis;
  /** REDIS_PREFIX */
  prefix: string;
  clock: Clock;
  log: Logger;
  /** Cookies get Secure (STAFF_CONSOLE_SECURE_COOKIE=on, behind https). */
  secureCookie: boolean;
  /** RECOMMENDING_UNIT: the 推荐单位 for users without a unit of their own. */
  recommendingUnit: string | undefined;
  documentsDir: string;
  notices: () => Promise<NoticeMeta[]>;
  catalog: Catalog;
  store: RedisStateStore;
  audiences: Audiences;
  broadcasts: Broadcasts;
  intake: IntakePort;
}

declare module "fastify" {
  interface FastifyRequest {
    staff: StaffSession | null;
  }
}

interface Composition {
  text: string;
  audience: Audience;
  label: string;
  by: string;
}

/** The page that says the console is off (STAFF_CONSOLE_USERS unset). */
export const consoleNotConfigured: FastifyPluginAsync = async (app) => {
  const reply404 = async (_req: FastifyRequest, reply: FastifyReply) => reply.code(404).type("text/html; charset=utf-8").send(page(t.product, `<p>${esc(t.notConfigured)}</p>`, null));
  app.get("/staff", reply404);
  app.all("/staff/*", reply404);
};

/**
 * The staff console under /staff (a Fastify plugin the service registers when STAFF_CONSOLE_USERS
 * is set): sign-in, notices timeline, notice upload → confirm, broadcasts with live reports,
 * confirmed applications and the 推荐汇总表, the audit log. Server-rendered HTML forms (one small
 * script refreshes reports); every POST carries the session's CSRF token; every change is audited.
 */
export function consoleRoutes(d: ConsoleDeps): FastifyPluginAsync {
  const auth = new ConsoleAuth(d.redis, d.prefix, d.users);
  const audit = new AuditLog(d.redis, d.prefix);
  const cookieBase = { httpOnly: true, sameSite: "strict" as const, path: "/staff", secure: d.secureCookie };
  const composeKey = (id: string) => `${d.prefix}:staff:console-compose:${id}`;

  return async (app) => {
    await app.register(fastifyCookie);
    await app.register(fastifyFormbody, { bodyLimit: 64 * 1024 });
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_NOTICE_FILE_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 } });
    app.decorateRequest("staff", null);
    const css = await fs.readFile(path.join(publicDir, "console.css"), "utf8");
    const js = await fs.readFile(path.join(publicDir, "console.js"), "utf8");

    const html = (reply: FastifyReply, status: number, body: string) => reply.code(status).type("text/html; charset=utf-8").header("cache-control", "no-store").send(body);
    const wantsJson = (req: FastifyRequest) => req.url.startsWith("/staff/api/");
    const refuse = (req: FastifyRequest, reply: FastifyReply, status: number, message: string) =>
      wantsJson(req) ? reply.code(status).header("cache-control", "no-store").send({ error: { message } }) : html(reply, status, page(t.product, `<p role="alert">${esc(message)}</p><p><a href="/staff">${esc(t.login.title)}</a></p>`, req.staff));

    // Static files and the sign-in are open; everything else needs a session, and POSTs the session's CSRF token.
    const open = new Set(["/staff/login", "/staff/static/console.css", "/staff/static/console.js"]);
    app.addHook("preHandler", async (req, reply) => {
      if (!req.url.startsWith("/staff")) return;
      const pathOnly = req.url.split("?")[0]!;
      if (open.has(pathOnly)) return;
      req.staff = await auth.session(req.cookies[SESSION_COOKIE]);
      if (!req.staff) {
        if (req.method === "GET" && !wantsJson(req)) return reply.redirect("/staff/login", 303);
        return refuse(req, reply, 401, t.errors.noSession);
      }
      // Only the upload reads multipart (its handler checks the token before the file); elsewhere it cannot carry one.
      if (req.isMultipart() && pathOnly !== "/staff/upload") return refuse(req, reply, 403, t.errors.csrf);
      if (req.method !== "GET" && req.method !== "HEAD" && !req.isMultipart()) {
        const body = req.body as Record<string, unknown> | undefined;
        const token = typeof body?._csrf === "string" ? body._csrf : req.headers["x-csrf-token"];
        if (!sameToken(typeof token === "string" ? token : null, req.staff.csrf)) {
          req.log.warn({ route: pathOnly }, "staff console request refused: bad CSRF token");
          return refuse(req, reply, 403, t.errors.csrf);
        }
      }
    });
    const who = (req: FastifyRequest) => req.staff!.user;
    const record = (req: FastifyRequest, action: string, detail: string) => audit.write(who(req), action, detail, req.ip);

    app.get("/staff/static/console.css", async (_req, reply) => reply.type("text/css; charset=utf-8").header("cache-control", "no-cache").send(css));
    app.get("/staff/static/console.js", async (_req, reply) => reply.type("text/javascript; charset=utf-8").header("cache-control", "no-cache").send(js));

    // --- sign-in ---
    const loginPage = (reply: FastifyReply, status: number, message?: { kind: "ok" | "error"; text: string }, user = "") => {
      const pre = newToken();
      reply.setCookie(PRE_COOKIE, pre, { ...cookieBase, maxAge: 3600 });
      return html(
        reply,
        status,
        page(
          t.login.title,
          `<form method="post" action="/staff/login" class="login">
<input type="hidden" name="_csrf" value="${esc(pre)}">
<label for="user">${esc(t.login.user)}</label><input id="user" name="user" autocomplete="username" required maxlength="32" value="${esc(user)}">
<label for="password">${esc(t.login.password)}</label><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="200">
<button type="submit">${esc(t.login.submit)}</button>
</form>`,
          null,
          "none",
          message,
        ),
      );
    };
    app.get("/staff", async (req, reply) => reply.redirect(req.staff ? "/staff/notices" : "/staff/login", 303));
    app.get("/staff/login", async (req, reply) => {
      if (await auth.session(req.cookies[SESSION_COOKIE])) return reply.redirect("/staff/notices", 303);
      return loginPage(reply, 200);
    });
    app.post<{ Body: { user?: string; password?: string; _csrf?: string } }>("/staff/login", async (req, reply) => {
      const b = req.body ?? {};
      const user = typeof b.user === "string" ? b.user.trim().slice(0, 32) : "";
      if (!sameToken(b._csrf, req.cookies[PRE_COOKIE])) return loginPage(reply, 403, { kind: "error", text: t.login.expired }, user);
      const r = await auth.signIn(user, typeof b.password === "string" ? b.password.slice(0, 200) : "", req.ip);
      if (!r.ok) {
        // A name that is no user may be a password typed into the wrong field: not recorded.
        await audit.write(d.users.some((u) => u.name === user) ? user : "（未知用户）", r.reason === "limited" ? "登录被限制" : "登录失败", "", req.ip);
        req.log.warn({ reason: r.reason }, "staff console sign-in refused");
        return loginPage(reply, r.reason === "limited" ? 429 : 401, { kind: "error", text: r.reason === "limited" ? t.login.limited : t.login.wrong }, user);
      }
      await audit.write(r.session.user, "登录", "", req.ip);
      req.log.info({ user: r.session.user }, "staff console sign-in");
      reply.clearCookie(PRE_COOKIE, cookieBase);
      reply.setCookie(SESSION_COOKIE, r.token, { ...cookieBase, maxAge: SESSION_SECONDS });
      return reply.redirect("/staff/notices", 303);
    });
    app.post("/staff/logout", async (req, reply) => {
      await auth.signOut(req.cookies[SESSION_COOKIE]);
      await record(req, "退出登录", "");
      reply.clearCookie(SESSION_COOKIE, cookieBase);
      return loginPage(reply, 200, { kind: "ok", text: t.login.signedOut });
    });

    const view = (req: FastifyRequest, reply: FastifyReply, title: string, section: Section, body: string, notice?: { kind: "ok" | "error"; text: string }, status = 200) =>
      html(reply, status, page(title, body, req.staff, section, notice));

    // --- 通知: the corpus with deadlines on a timeline ---
    app.get("/staff/notices", async (req, reply) => {
      const today = isoDayInChina(d.clock.now());
      const notices = (await d.notices()).sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
      const items = notices.flatMap((n) => n.deadlines.map((dl) => ({ n, dl, days: Math.round((Date.parse(dl.date) - Date.parse(today)) / DAY) }))).sort((a, b) => a.dl.date.localeCompare(b.dl.date));
      const status = (days: number) => (days < 0 ? t.notices.passed : days === 0 ? t.notices.dueToday : t.notices.daysLeft(days));
      const li = (x: (typeof items)[number]) =>
        `<li class="${x.days < 0 ? "past" : "future"}"><time datetime="${esc(x.dl.date)}">${esc(x.dl.date)}</time> <span class="badge">${esc(status(x.days))}</span> <span class="what">《${esc(x.n.title)}》：${esc(x.dl.what)}</span></li>`;
      const past = items.filter((x) => x.days < 0);
      const coming = items.filter((x) => x.days >= 0);
      const timeline = items.length
        ? `<ol class="timeline" aria-label="${esc(t.notices.timeline)}">${past.map(li).join("")}<li class="today" aria-current="date">${esc(t.notices.today(today))}</li>${coming.map(li).join("")}</ol>`
        : `<p>${esc(t.notices.noDeadline)}</p>`;
      const list = notices.length
        ? `<ul class="notices">${notices
            .map(
              (n) =>
                `<li><strong>《${esc(n.title)}》</strong><br><span>${esc(t.notices.docNumber)}：${esc(n.docNumber ?? "—")}；${esc(t.notices.issuer)}：${esc(n.issuer ?? "—")}；${esc(t.notices.date)}：${esc(n.date ?? "—")}</span>${
                  n.deadlines.length === 0 ? `<br><span class="muted">${esc(t.notices.noDeadline)}</span>` : ""
                }</li>`,
            )
            .join("")}</ul>`
        : `<p>${esc(t.notices.empty)}</p>`;
      return view(req, reply, t.notices.title, "notices", `<section><h2>${esc(t.notices.timeline)}</h2>${timeline}</section><section><h2>${esc(t.notices.list)}</h2>${list}</section>`);
    });

    // --- 上传通知: upload → extracted metadata in an editable form → 确认发布 / 放弃 ---
    const uploadPage = async (req: FastifyRequest, reply: FastifyReply, notice?: { kind: "ok" | "error"; text: string }, status = 200) => {
      const staged = await d.intake.list();
      const list = staged.length
        ? `<ul>${staged.map((s) => `<li><a href="/staff/upload/${esc(s.id)}">${esc(s.title || s.fileName)}</a>（${esc(s.fileName)}；${esc(t.upload.stagedBy(s.stagedBy, chinaTime(s.stagedAt)))}）</li>`).join("")}</ul>`
        : `<p>${esc(t.upload.none)}</p>`;
      return view(
        req,
        reply,
        t.upload.title,
        "upload",
        `<form method="post" action="/staff/upload" enctype="multipart/form-data" class="card">
${csrfField(req.staff!)}
<label for="file">${esc(t.upload.file)}</label>
<input id="file" name="file" type="file" required accept=".txt,.pdf,.docx,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document">
<button type="submit">${esc(t.upload.submit)}</button>
</form>
<section><h2>${esc(t.upload.staged)}</h2>${list}</section>`,
        notice,
        status,
      );
    };
    app.get("/staff/upload", async (req, reply) => uploadPage(req, reply));
    app.post("/staff/upload", { bodyLimit: MAX_NOTICE_FILE_BYTES + 64 * 1024 }, async (req, reply) => {
      if (!req.isMultipart()) return uploadPage(req, reply, { kind: "error", text: t.upload.noFile }, 400);
      let csrf: string | null = null;
      let file: { fileName: string; bytes: Buffer } | null = null;
      try {
        for await (const part of req.parts()) {
          if (part.type === "field") {
            if (part.fieldname === "_csrf" && typeof part.value === "string") csrf = part.value;
            continue;
          }
          // The token comes before the file (the form's order): nothing is read for a forged request.
          if (!sameToken(csrf, req.staff!.csrf)) {
            part.file.resume();
            req.log.warn({ route: "/staff/upload" }, "staff console request refused: bad CSRF token");
            return refuse(req, reply, 403, t.errors.csrf);
          }
          const bytes = await part.toBuffer();
          if (part.file.truncated) return uploadPage(req, reply, { kind: "error", text: t.upload.tooLarge }, 413);
          file = { fileName: path.basename(part.filename || "notice.txt"), bytes };
        }
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === "FST_REQ_FILE_TOO_LARGE") return uploadPage(req, reply, { kind: "error", text: t.upload.tooLarge }, 413);
        throw err;
      }
      if (!sameToken(csrf, req.staff!.csrf)) return refuse(req, reply, 403, t.errors.csrf);
      if (!file || file.bytes.length === 0) return uploadPage(req, reply, { kind: "error", text: t.upload.noFile }, 400);
      try {
        const staged = await d.intake.stage({ fileName: file.fileName, bytes: file.bytes, by: `console:${who(req)}` });
        await record(req, "上传通知", `${staged.id}：${staged.fileName}（《${staged.title}》）`);
        return reply.redirect(`/staff/upload/${staged.id}`, 303);
      } catch (err) {
        if (err instanceof IngestError) {
          await record(req, "上传通知被拒", `${file.fileName}：${err.code}`);
          return uploadPage(req, reply, { kind: "error", text: ingestTexts[err.code] }, 422);
        }
        throw err;
      }
    });
    const reviewPage = (req: FastifyRequest, reply: FastifyReply, s: StagedNotice, notice?: { kind: "ok" | "error"; text: string }, status = 200, values?: Record<string, string>) => {
      const v = values ?? {
        title: s.title,
        issuer: s.issuer ?? "",
        docNumber: s.docNumber ?? "",
        date: s.date ?? "",
        deadlines: s.deadlines.map((x) => `${x.date} ${x.what}`).join("\n"),
      };
      const f = t.upload.fields;
      const input = (name: keyof typeof f, extra = "") => `<label for="f-${name}">${esc(f[name])}</label><input id="f-${name}" name="${name}" value="${esc(v[name])}"${extra}>`;
      const warnings = s.warnings.length ? `<section><h2>${esc(t.upload.warnings)}</h2><ul class="warnings">${s.warnings.map((w) => `<li>${esc(w)}</li>`).join("")}</ul></section>` : "";
      const contacts = s.contacts.length ? `<p>${esc(t.upload.contacts)}：${esc(s.contacts.map((c) => c.name ?? c.note ?? "").filter(Boolean).join("、") || "—")}</p>` : "";
      const attachments = s.attachments.length ? `<p>${esc(t.upload.attachments)}：${esc(s.attachments.join("、"))}</p>` : "";
      return view(
        req,
        reply,
        t.upload.review,
        "upload",
        `<p>${esc(t.upload.intro)}</p>
<p>${esc(t.upload.fileName)}：${esc(s.fileName)}（${esc(t.upload.stagedBy(s.stagedBy, chinaTime(s.stagedAt)))}）。${esc(t.upload.chunks(s.chunks))}</p>
${warnings}${contacts}${attachments}
<form method="post" action="/staff/upload/${esc(s.id)}/confirm" class="card">
${csrfField(req.staff!)}
${input("title", " required maxlength=\"200\"")}
${input("issuer", ' maxlength="100"')}
${input("docNumber", ' maxlength="60"')}
${input("date", ' pattern="\\d{4}(-\\d{2}-\\d{2})?" maxlength="10"')}
<label for="f-deadlines">${esc(f.deadlines)}</label><textarea id="f-deadlines" name="deadlines" rows="6">${esc(v.deadlines)}</textarea>
<button type="submit">${esc(t.upload.confirm)}</button>
</form>
<form method="post" action="/staff/upload/${esc(s.id)}/discard">${csrfField(req.staff!)}<button type="submit" class="secondary">${esc(t.upload.discard)}</button></form>`,
        notice,
        status,
      );
    };
    const stagedOr404 = async (req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const s = /^[\w-]{1,64}$/.test(req.params.id) ? await d.intake.get(req.params.id) : null;
      if (!s) void refuse(req, reply, 404, t.errors.notFound);
      return s;
    };
    app.get<{ Params: { id: string } }>("/staff/upload/:id", async (req, reply) => {
      const s = await stagedOr404(req, reply);
      return s ? reviewPage(req, reply, s) : reply;
    });
    app.post<{ Params: { id: string }; Body: Record<string, string> }>("/staff/upload/:id/confirm", async (req, reply) => {
      const s = await stagedOr404(req, reply);
      if (!s) return reply;
      const b = req.body ?? {};
      const str = (k: string) => (typeof b[k] === "string" ? b[k].trim() : "");
      const values = { title: str("title"), issuer: str("issuer"), docNumber: str("docNumber"), date: str("date"), deadlines: typeof b.deadlines === "string" ? b.deadlines : "" };
      const deadlines: Array<{ date: string; what: string }> = [];
      for (const line of values.deadlines.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
        const m = /^(\d{4}-\d{2}-\d{2})\s*[：:，,]?\s*(.+)$/u.exec(line);
        if (!m) return reviewPage(req, reply, s, { kind: "error", text: t.upload.badDeadline(line) }, 422, values);
        deadlines.push({ date: m[1]!, what: m[2]!.trim() });
      }
      const corrections: NoticeCorrections = {
        ...(values.title !== s.title ? { title: values.title } : {}),
        ...(values.issuer !== (s.issuer ?? "") ? { issuer: values.issuer || null } : {}),
        ...(values.docNumber !== (s.docNumber ?? "") ? { docNumber: values.docNumber || null } : {}),
        ...(values.date !== (s.date ?? "") ? { date: values.date || null } : {}),
        ...(JSON.stringify(deadlines) !== JSON.stringify(s.deadlines.map((x) => ({ date: x.date, what: x.what }))) ? { deadlines } : {}),
      };
      try {
        const r = await d.intake.confirm(s.id, corrections, `console:${who(req)}`);
        const changed = Object.keys(corrections);
        await record(req, "确认发布通知", `${r.docId}《${r.title}》${changed.length ? `，修改了 ${changed.join("、")}` : ""}`);
        return view(req, reply, t.upload.title, "upload", `<p><a href="/staff/notices">${esc(t.nav.notices)}</a> · <a href="/staff/upload">${esc(t.upload.title)}</a></p>`, { kind: "ok", text: t.upload.confirmed(r.title) });
      } catch (err) {
        if (err instanceof IngestError) return reviewPage(req, reply, s, { kind: "error", text: ingestTexts[err.code] }, 422, values);
        const message = (err as { userMessage?: unknown }).userMessage;
        if ((err as { name?: string }).name === "ZodError" || typeof message === "string") return reviewPage(req, reply, s, { kind: "error", text: typeof message === "string" ? message : t.errors.bad }, 422, values);
        throw err;
      }
    });
    app.post<{ Params: { id: string } }>("/staff/upload/:id/discard", async (req, reply) => {
      const s = await stagedOr404(req, reply);
      if (!s) return reply;
      await d.intake.discard(s.id, `console:${who(req)}`);
      await record(req, "放弃通知", `${s.id}：${s.fileName}`);
      return uploadPage(req, reply, { kind: "ok", text: t.upload.discarded });
    });

    // --- 群发: compose → preview count → send → live report ---
    const programs = () => d.catalog.applications.map((a) => ({ id: a.program.id, name: a.shortName }));
    const composePage = async (req: FastifyRequest, reply: FastifyReply, notice?: { kind: "ok" | "error"; text: string }, status = 200, v: Record<string, string> = {}) => {
      const kind = v.audience ?? "subscribers";
      const b = t.broadcasts;
      const recent = await d.broadcasts.recent(10);
      const reports = (await Promise.all(recent.map((id) => d.broadcasts.report(id)))).filter((r): r is DeliveryReport => r !== null);
      const radio = (value: string, label: string) => `<label class="inline"><input type="radio" name="audience" value="${value}"${kind === value ? " checked" : ""}> ${esc(label)}</label>`;
      return view(
        req,
        reply,
        b.title,
        "broadcasts",
        `<form method="post" action="/staff/broadcasts/preview" class="card">
${csrfField(req.staff!)}
<label for="b-text">${esc(b.text)}</label><textarea id="b-text" name="text" rows="5" required maxlength="3000">${esc(v.text ?? "")}</textarea>
<fieldset><legend>${esc(b.audience)}</legend>
${radio("subscribers", b.subscribers)}
${radio("program", b.program)}
<label for="b-program">${esc(b.programSelect)}</label><select id="b-program" name="program">${programs().map((p) => `<option value="${esc(p.id)}"${v.program === p.id ? " selected" : ""}>${esc(p.name)}</option>`).join("")}</select>
${radio("region", b.region)}
<label for="b-region">${esc(b.regionInput)}</label><input id="b-region" name="region" maxlength="20" value="${esc(v.region ?? "")}">
</fieldset>
<button type="submit">${esc(b.preview)}</button>
</form>
<section><h2>${esc(b.recent)}</h2>${
          reports.length
            ? `<ul>${reports.map((r) => `<li><a href="/staff/broadcasts/${esc(r.id)}">${esc(r.id)}</a>（${esc(r.audience)}）${esc(r.done ? b.report.done : b.report.running)}：${esc(b.report.sent)} ${r.sent} / ${r.queued}</li>`).join("")}</ul>`
            : `<p>${esc(b.none)}</p>`
        }</section>`,
        notice,
        status,
      );
    };
    app.get("/staff/broadcasts", async (req, reply) => composePage(req, reply));
    app.post<{ Body: Record<string, string> }>("/staff/broadcasts/preview", async (req, reply) => {
      const b = req.body ?? {};
      const v = { text: String(b.text ?? "").trim().slice(0, 3000), audience: String(b.audience ?? "subscribers"), program: String(b.program ?? ""), region: String(b.region ?? "").trim().slice(0, 20) };
      if (!v.text) return composePage(req, reply, { kind: "error", text: t.broadcasts.emptyText }, 422, v);
      let audience: Audience;
      let label: string;
      if (v.audience === "program") {
        const entry = entryOf(d.catalog, v.program);
        if (!entry) return composePage(req, reply, { kind: "error", text: t.errors.bad }, 422, v);
        audience = { kind: "program", programId: entry.program.id };
        label = staffTexts.audience.program(entry.shortName);
      } else if (v.audience === "region") {
        if (!v.region) return composePage(req, reply, { kind: "error", text: t.broadcasts.needRegion }, 422, v);
        audience = { kind: "region", region: v.region };
        label = staffTexts.audience.region(v.region);
      } else {
        audience = { kind: "subscribers" };
        label = staffTexts.audience.subscribers;
      }
      const reached = await d.audiences.resolve(audience);
      if (reached.length === 0) return composePage(req, reply, { kind: "error", text: t.broadcasts.nobody(label) }, 200, v);
      const id = randomBytes(5).toString("hex");
      const c: Composition = { text: v.text + staffTexts.footer, audience, label, by: who(req) };
      await d.redis.set(composeKey(id), JSON.stringify(c), "EX", 24 * 3600);
      return view(
        req,
        reply,
        t.broadcasts.previewTitle,
        "broadcasts",
        `<p class="count" role="status">${esc(t.broadcasts.willReach(reached.length, label))}</p>
<blockquote class="preview">${esc(c.text).replace(/\n/g, "<br>")}</blockquote>
<form method="post" action="/staff/broadcasts/${id}/send">${csrfField(req.staff!)}<button type="submit">${esc(t.broadcasts.send)}</button></form>
<p><a href="/staff/broadcasts">${esc(t.broadcasts.back)}</a></p>`,
      );
    });
    app.post<{ Params: { id: string } }>("/staff/broadcasts/:id/send", async (req, reply) => {
      const id = req.params.id;
      if (!/^[0-9a-f]{10}$/.test(id)) return refuse(req, reply, 404, t.errors.notFound);
      if (await d.broadcasts.exists(id)) return reply.redirect(`/staff/broadcasts/${id}`, 303); // pressed twice: started once
      const raw = await d.redis.get(composeKey(id));
      if (!raw) return composePage(req, reply, { kind: "error", text: t.broadcasts.expired }, 410);
      const c = JSON.parse(raw) as Composition;
      // Read again at sending: who subscribed or blocked meanwhile counts.
      const reached = await d.audiences.resolve(c.audience);
      const started = await d.broadcasts.start({ id, text: c.text, audience: c.label, kind: "staff", createdAt: Date.now() }, reached);
      await d.redis.del(composeKey(id));
      if (started) {
        await record(req, "群发", `${id}：${c.label}，${reached.length} 个对话`);
        req.log.info({ recipients: reached.length }, "staff console broadcast started");
      }
      return reply.redirect(`/staff/broadcasts/${id}`, 303);
    });
    const reportRows = (r: DeliveryReport) => {
      const b = t.broadcasts.report;
      const reasons = Object.entries(r.failures).map(([k, n]) => `${k} ${n}`).join("，") || "—";
      const row = (field: string, label: string, value: string | number) => `<tr><th scope="row">${esc(label)}</th><td data-field="${field}">${esc(value)}</td></tr>`;
      return [
        row("audience", b.audience, r.audience),
        row("state", b.state, r.done ? b.done : b.running),
        row("queued", b.queued, r.queued),
        row("sent", b.sent, r.sent),
        row("failed", b.failed, r.failed),
        row("reasons", b.reasons, reasons),
        row("blocked", b.blocked, r.blocked),
        row("pending", b.pending, r.pending),
        row("inDoubt", b.inDoubt, r.inDoubt),
        row("duration", b.duration, (Math.round(r.durationMs / 100) / 10).toFixed(1)),
      ].join("");
    };
    // Finished for the page: nothing pending and every recipient has an outcome. A recipient reported
    // in doubt right after the start may still be settling (taken, not yet listed active): keep refreshing.
    const settled = (r: DeliveryReport) => r.done && r.inDoubt === 0 && r.sent + r.failed + r.blocked >= r.queued;
    const reportJson = (r: DeliveryReport) => ({
      ...r,
      settled: settled(r),
      state: r.done ? t.broadcasts.report.done : t.broadcasts.report.running,
      reasons: Object.entries(r.failures).map(([k, n]) => `${k} ${n}`).join("，") || "—",
      duration: (Math.round(r.durationMs / 100) / 10).toFixed(1),
    });
    app.get<{ Params: { id: string } }>("/staff/broadcasts/:id", async (req, reply) => {
      const r = /^[\w.-]{1,80}$/.test(req.params.id) ? await d.broadcasts.report(req.params.id) : null;
      if (!r) return refuse(req, reply, 404, t.errors.notFound);
      return view(
        req,
        reply,
        t.broadcasts.reportTitle(r.id),
        "broadcasts",
        `<table class="report" data-report="/staff/api/broadcasts/${esc(r.id)}" data-done="${settled(r)}" aria-live="polite"><tbody>${reportRows(r)}</tbody></table>
<h2>${esc(t.broadcasts.report.text)}</h2><blockquote class="preview">${esc(r.text).replace(/\n/g, "<br>")}</blockquote>
<p><a href="/staff/broadcasts">${esc(t.broadcasts.title)}</a></p>`,
      );
    });
    app.get<{ Params: { id: string } }>("/staff/api/broadcasts/:id", async (req, reply) => {
      const r = /^[\w.-]{1,80}$/.test(req.params.id) ? await d.broadcasts.report(req.params.id) : null;
      if (!r) return refuse(req, reply, 404, t.errors.notFound);
      return reply.header("cache-control", "no-store").send(reportJson(r));
    });

    // --- 申报书: confirmed applications per program, each .docx, the 推荐汇总表 ---
    const refOf = (a: { user: { channel: string; userId: string }; draft: { id: string } }) => createHash("sha256").update(`${a.user.channel}:${a.user.userId}\u0000${a.draft.id}`).digest("base64url").slice(0, 22);
    const unitOf = (req: FastifyRequest) => req.staff!.unit ?? d.recommendingUnit ?? null;
    app.get("/staff/applications", async (req, reply) => {
      const c = t.applications.cols;
      const sections: string[] = [];
      for (const entry of d.catalog.applications) {
        const apps = await confirmedApplications(d.redis, d.store, entry.program.id);
        const rows = apps
          .map((a) => {
            const company = a.draft.answers["company-name"] ?? a.draft.answers["applicant-name"];
            const name = company && "display" in company ? company.display : "—";
            const file = a.draft.document
              ? `<a href="/staff/applications/${esc(entry.program.id)}/${refOf(a)}/docx" download>${esc(t.applications.download)}</a>`
              : esc(t.applications.notReady);
            return `<tr><td>${esc(name)}</td><td>${esc(a.draft.id)}</td><td>${esc(t.applications.status[a.draft.status] ?? a.draft.status)}</td><td>${esc(chinaTime(a.draft.updatedAt))}</td><td>${file}</td></tr>`;
          })
          .join("");
        const summary = summaryFor(entry.program.id) && apps.length > 0 ? `<p><a href="/staff/applications/${esc(entry.program.id)}/summary.xlsx" download>${esc(t.applications.summary)}</a></p>` : "";
        sections.push(
          `<section><h2>${esc(entry.shortName)}（${apps.length}）</h2>${
            apps.length
              ? `<div class="scroll"><table><thead><tr><th scope="col">${esc(c.company)}</th><th scope="col">${esc(c.draft)}</th><th scope="col">${esc(c.status)}</th><th scope="col">${esc(c.updated)}</th><th scope="col">${esc(c.file)}</th></tr></thead><tbody>${rows}</tbody></table></div>`
              : `<p>${esc(t.applications.none)}</p>`
          }${summary}</section>`,
        );
      }
      return view(req, reply, t.applications.title, "applications", `<p>${esc(t.applications.intro)} ${esc(t.applications.unit(unitOf(req)))}</p>${sections.join("")}`);
    });
    const sendFile = (reply: FastifyReply, name: string, type: string) => {
      const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
      return reply.type(type).header("content-disposition", `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`).header("cache-control", "private, no-store");
    };
    app.get<{ Params: { program: string; ref: string } }>("/staff/applications/:program/:ref/docx", async (req, reply) => {
      const entry = entryOf(d.catalog, req.params.program);
      const apps = entry ? await confirmedApplications(d.redis, d.store, entry.program.id) : [];
      const a = apps.find((x) => refOf(x) === req.params.ref);
      const root = path.resolve(d.documentsDir) + path.sep;
      const file = a?.draft.document && path.resolve(a.draft.document.path).startsWith(root) ? a.draft.document : null;
      const stat = file ? await fs.stat(file.path).catch(() => null) : null;
      if (!a || !file || !stat?.isFile()) return refuse(req, reply, 404, t.errors.notFound);
      await record(req, "下载申报书", `${entry!.shortName} ${a.draft.id}`);
      return sendFile(reply, file.name, "application/vnd.openxmlformats-officedocument.wordprocessingml.document").header("content-length", stat.size).send(createReadStream(file.path));
    });
    app.get<{ Params: { program: string } }>("/staff/applications/:program/summary.xlsx", async (req, reply) => {
      const entry = entryOf(d.catalog, req.params.program);
      if (!entry || !summaryFor(entry.program.id)) return refuse(req, reply, 404, t.errors.notFound);
      const apps = await confirmedApplications(d.redis, d.store, entry.program.id);
      const compiler = unitOf(req);
      const input = {
        programId: entry.program.id,
        ...(compiler ? { compiler } : {}),
        applications: apps.map((a) => ({ programId: entry.program.id, draftId: a.draft.id, draftVersion: a.draft.version, answers: a.draft.answers, profile: a.profile, generatedAt: a.draft.updatedAt || d.clock.now().toISOString() })),
      };
      const bytes = await renderSummary(input);
      await record(req, "下载推荐汇总表", `${entry.shortName}，${apps.length} 行`);
      return sendFile(reply, summaryFileName(input), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").send(bytes);
    });

    // --- 审计日志 ---
    app.get("/staff/audit", async (req, reply) => {
      const rows = await audit.recent(300);
      const c = t.audit.cols;
      const body = rows.length
        ? `<div class="scroll"><table class="audit"><thead><tr><th scope="col">${esc(c.at)}</th><th scope="col">${esc(c.who)}</th><th scope="col">${esc(c.action)}</th><th scope="col">${esc(c.detail)}</th><th scope="col">${esc(c.ip)}</th></tr></thead><tbody>${rows
            .map((r) => `<tr><td><time datetime="${esc(r.at)}">${esc(chinaTime(r.at, true))}</time></td><td>${esc(r.who)}</td><td>${esc(r.action)}</td><td>${esc(r.detail)}</td><td>${esc(r.ip)}</td></tr>`)
            .join("")}</tbody></table></div>`
        : `<p>${esc(t.audit.none)}</p>`;
      return view(req, reply, t.audit.title, "audit", body);
    });
  };
}
