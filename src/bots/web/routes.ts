import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { chatIdOf, newSessionToken, SESSION_COOKIE } from "./session.ts";
import { webTexts, type WebErrorCode } from "./texts.ts";
import { WebInputError, type WebAdapter } from "./web-adapter.ts";

const publicDir = path.join(import.meta.dirname, "public");

const messageBody = {
  type: "object",
  additionalProperties: false,
  required: ["clientId"],
  properties: {
    clientId: { type: "string", pattern: "^[A-Za-z0-9_-]{8,64}$" },
    text: { type: "string", maxLength: 2000 },
    action: { type: "string", minLength: 1, maxLength: 64 },
    messageId: { type: "string", pattern: "^\\d{1,20}-\\d{1,20}$" },
  },
  oneOf: [{ required: ["text"] }, { required: ["action", "messageId"] }],
} as const;

interface MessageBody {
  clientId: string;
  text?: string;
  action?: string;
  messageId?: string;
}

function refuse(reply: FastifyReply, status: number, code: WebErrorCode): FastifyReply {
  return reply.code(status).send({ error: { code, message: webTexts.errors[code] } });
}

/**
 * The web chat's routes (registered on the service's HTTP server through `httpRoutes`):
 * the page and its static files, `POST /api/messages`, `GET /api/events` (SSE) and
 * `GET /files/:id` (downloads, for the session that owns them only).
 */
export function webRoutes(adapter: WebAdapter): FastifyPluginAsync {
  const ttlSeconds = adapter.opts.ttlSeconds;
  return async (app) => {
    await app.register(fastifyCookie);
    await app.register(fastifyStatic, { root: publicDir, prefix: "/static/", index: false, wildcard: true, maxAge: 0 });
    const page = await fs.readFile(path.join(publicDir, "index.html"), "utf8");

    const chatOf = (req: FastifyRequest): string | null => chatIdOf(req.cookies[SESSION_COOKIE]);

    // The web chat's API says what was wrong, in Chinese. A body with a field the API does not
    // know is refused (the server's validator keeps unknown fields: removeAdditional is off, see
    // src/app/http/server.ts), never silently stripped.
    app.setErrorHandler((err: { statusCode?: number; code?: string; message: string; validation?: Array<{ keyword: string }> }, req, reply) => {
      const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
      if (status >= 500) {
        req.log.error({ err: err.message, url: req.url }, "request failed");
        return refuse(reply, 503, "BUSY");
      }
      if (err.validation?.some((v) => v.keyword === "additionalProperties")) return refuse(reply, 400, "UNKNOWN_FIELD");
      if (status === 413) return refuse(reply, 413, "TOO_LARGE");
      if (status === 415) return refuse(reply, 415, "UNSUPPORTED_TYPE");
      return refuse(reply, status, "BAD_REQUEST");
    });

    app.get("/", async (req, reply) => {
      if (!chatOf(req)) {
        reply.setCookie(SESSION_COOKIE, newSessionToken(), {
          httpOnly: true,
          sameSite: "lax",
          path: "/",
          maxAge: ttlSeconds,
          secure: adapter.opts.secureCookie ?? false,
        });
      }
      return reply.type("text/html; charset=utf-8").header("cache-control", "no-store").send(page);
    });

    app.post<{ Body: MessageBody }>("/api/messages", { schema: { body: messageBody }, bodyLimit: 16 * 1024 }, async (req, reply) => {
      const chatId = chatOf(req);
      if (!chatId) return refuse(reply, 401, "NO_SESSION");
      try {
        const ok = await adapter.receive({ chatId, ...req.body });
        if (!ok) return refuse(reply, 503, "BUSY");
        return { ok: true };
      } catch (err) {
        if (err instanceof WebInputError) return refuse(reply, err.code === "STOPPING" ? 503 : 409, err.code);
        req.log.warn({ err: (err as Error).message }, "web message not handled");
        return refuse(reply, 503, "BUSY");
      }
    });

    // The transcript as JSON (scripts, tests, a page without EventSource); entries after `after`.
    app.get<{ Querystring: { after?: string } }>("/api/history", async (req, reply) => {
      const chatId = chatOf(req);
      if (!chatId) return refuse(reply, 401, "NO_SESSION");
      const after = req.query.after && /^\d{1,20}-\d{1,20}$/.test(req.query.after) ? req.query.after : null;
      const entries = await adapter.history.after(chatId, after);
      return { entries: entries.map(({ id, entry }) => ({ id, ...entry })) };
    });

    app.get("/api/events", async (req, reply) => {
      const chatId = chatOf(req);
      if (!chatId) return refuse(reply, 401, "NO_SESSION");
      if (!adapter.accepting) return refuse(reply, 503, "STOPPING");
      const last = req.headers["last-event-id"];
      const lastId = typeof last === "string" && /^\d{1,20}-\d{1,20}$/.test(last) ? last : null;
      // The security headers set for every reply (src/app/http/server.ts) go on the stream too.
      const headers = reply.getHeaders() as Record<string, string | number | string[]>;
      reply.hijack();
      adapter.sse.open(chatId, reply.raw, lastId, headers);
    });

    app.get<{ Params: { fileId: string } }>("/files/:fileId", async (req, reply) => {
      const chatId = chatOf(req);
      const f = chatId && /^[\w-]{22}$/.test(req.params.fileId) ? await adapter.file(chatId, req.params.fileId) : null;
      const stat = f ? await fs.stat(f.path).catch(() => null) : null;
      if (!f || !stat?.isFile()) return refuse(reply, 404, "NOT_FOUND");
      const ascii = f.name.replace(/[^\x20-\x7e]|["\\]/g, "_");
      return reply
        .type(f.name.endsWith(".pdf") ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        .header("content-disposition", `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .header("content-length", stat.size)
        .header("cache-control", "private, no-store")
        .send(createReadStream(f.path));
    });
  };
}
