import type { IncomingMessage, ServerResponse } from "node:http";
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from "fastify";
import helmet, { type HelmetOptions } from "helmet";
import type { ChannelAdapter } from "../../bots/port.ts";
import type { Logger } from "../../shared/log.ts";
import type { Metrics } from "../metrics.ts";

export interface HttpServerOptions {
  adapters: ChannelAdapter[];
  metrics: Metrics;
  log: Logger;
  /** Readiness: Redis answers and the index is loaded; false while stopping. */
  ready: () => Promise<{ ok: boolean; checks: Record<string, boolean> }>;
  /** Whose X-Forwarded-For to believe (TRUST_PROXY): `request.ip` is then the client's. @defaultValue false */
  trustProxy?: boolean | number | string[];
  /** More route plugins of the service itself (the staff console). */
  routes?: FastifyPluginAsync[];
  /** Largest request body accepted anywhere (a route may allow more). @defaultValue 64 KiB */
  bodyLimit?: number;
}

/** The security headers helmet sets for `options`, computed once (they do not depend on the request). */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}

/**
 * The service's HTTP server (Fastify): `/healthz`, `/readyz`, `/metrics`, and the routes of
 * every adapter that has `httpRoutes` (the web chat, Telegram and Feishu webhooks). Not
 * listening yet: the caller calls `listen`.
 */
export async function createHttpServer(opts: HttpServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: opts.log.child({ component: "http" }) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    // Requests are not logged one by one: no per-request child logger (one allocation and a
    // pino child per request otherwise); the few request logs carry what they need.
    childLoggerFactory: (logger) => logger,
    bodyLimit: opts.bodyLimit ?? 64 * 1024,
    // A slow or stuck client cannot hold a request open forever (SSE streams are hijacked).
    requestTimeout: 30_000,
    return503OnClosing: true,
    // A hop count trusts that many proxies nearest to the server.
    trustProxy: typeof opts.trustProxy === "number" ? ((_addr: string, hop: number) => hop < (opts.trustProxy as number)) : (opts.trustProxy ?? false),
    // A JSON body with a field its schema does not allow is refused (400), not silently
    // stripped (Fastify's default removes such fields): routes with `additionalProperties: false`
    // (the web chat's POST /api/messages) mean it.
    ajv: { customOptions: { removeAdditional: false } },
  });
  // helmet's headers, computed once: @fastify/helmet rebuilt helmet (and re-parsed the CSP)
  // on every request, about a tenth of the web chat's CPU per message.
  const security = securityHeaders({
    contentSecurityPolicy: { directives: { "default-src": ["'self'"], "img-src": ["'self'", "data:"], "upgrade-insecure-requests": null } },
    hsts: false,
  });
  app.addHook("onRequest", (_req, reply, done) => {
    reply.headers(security);
    done();
  });
  app.setErrorHandler((err: { statusCode?: number; code?: string; message: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err: err.message, url: req.url }, "request failed");
    void reply.code(status).send({ error: { code: err.code ?? "ERROR", message: status >= 500 ? "服务暂时不可用，请稍后再试。" : "请求无效。" } });
  });
  app.setNotFoundHandler((_req, reply) => void reply.code(404).send({ error: { code: "NOT_FOUND", message: "页面不存在。" } }));

  app.get("/healthz", async () => ({ ok: true }));
  app.get("/readyz", async (_req, reply) => {
    const r = await opts.ready();
    return reply.code(r.ok ? 200 : 503).send(r);
  });
  app.get("/metrics", async (_req, reply) => {
    const body = await opts.metrics.registry.metrics();
    return reply.type(opts.metrics.registry.contentType).send(body);
  });
  for (const adapter of opts.adapters) if (adapter.httpRoutes) await app.register(adapter.httpRoutes);
  for (const routes of opts.routes ?? []) await app.register(routes);
  return app;
}
