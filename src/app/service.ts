import type { FastifyInstance } from "fastify";
import type { RedisOptions } from "ioredis";
import type { ChannelAdapter } from "../bots/port.ts";
import { WebAdapter } from "../bots/web/index.ts";
import { catalog } from "../flows/programs/index.ts";
import { loadCorpus } from "../knowledge/corpus.ts";
import { connectRedis, createApp, within, type App, type AppDeps } from "./create-app.ts";
import { createHttpServer } from "./http/server.ts";
import { consoleNotConfigured, consoleRoutes } from "./staff/console/routes.ts";

export interface Service {
  app: App;
  http: FastifyInstance;
  web: WebAdapter;
  /** Where the HTTP server listens, e.g. http://127.0.0.1:3000 */
  url: string;
  /** Graceful stop (idempotent): refuse new messages, finish in-flight ones, close the worker, stop the private Redis. */
  stop(): Promise<void>;
}

export interface ServiceOptions {
  /** Chat adapters besides the web chat (Telegram, Feishu), built from config by src/main.ts. */
  adapters?: ChannelAdapter[];
  /** Chat adapters that need the service's Redis (Feishu keeps its event dedupe there), built once it is connected. */
  makeAdapters?: (redis: RedisOptions) => ChannelAdapter[];
}

/**
 * `npm start`: Redis (REDIS_URL or a private redis-server), the engine and document worker,
 * the web chat and every other configured chat adapter, and the HTTP server (HOST:PORT) with
 * `/healthz`, `/readyz`, `/metrics` and the staff console (`/staff`, when STAFF_CONSOLE_USERS is set).
 */
export async function startService(deps: AppDeps, opts: ServiceOptions = {}): Promise<Service> {
  const { config, log } = deps;
  const conn = await connectRedis(config, log);
  const web = new WebAdapter({
    redis: conn.options,
    prefix: config.REDIS_PREFIX,
    log,
    documentsDir: config.documentsDir,
    ttlSeconds: config.DRAFT_RETENTION_DAYS * 24 * 3600,
  });
  const adapters = [web, ...(opts.adapters ?? []), ...(opts.makeAdapters?.(conn.options) ?? [])];
  let app: App;
  try {
    app = await createApp(deps, { redis: conn.options, redisServer: conn.server, adapters });
  } catch (err) {
    await conn.server?.stop().catch(() => undefined);
    throw err;
  }
  let stopping = false;
  // The staff console (/staff) when STAFF_CONSOLE_USERS is set; otherwise a page saying it is not configured.
  const staffConsole =
    config.STAFF_CONSOLE_USERS.length > 0
      ? consoleRoutes({
          users: config.STAFF_CONSOLE_USERS,
          redis: app.redis,
          prefix: config.REDIS_PREFIX,
          clock: deps.clock,
          log,
          secureCookie: config.STAFF_CONSOLE_SECURE_COOKIE === "on",
          recommendingUnit: config.RECOMMENDING_UNIT,
          documentsDir: config.documentsDir,
          notices: async () => (await loadCorpus(config.corpusDir)).map((n) => n.meta),
          catalog,
          store: app.store,
          audiences: app.staff.audiences,
          broadcasts: app.staff.broadcasts,
          intake: app.staff.intake,
        })
      : consoleNotConfigured;
  const http = await createHttpServer({
    adapters,
    routes: [staffConsole],
    trustProxy: config.TRUST_PROXY,
    metrics: app.metrics,
    log,
    ready: async () => {
      const redis = await app.redisReady();
      const checks = { redis, index: app.kb !== undefined, accepting: !stopping };
      return { ok: redis && checks.index && !stopping, checks };
    },
  });
  let url: string;
  try {
    url = await http.listen({ host: config.HOST, port: config.PORT });
  } catch (err) {
    await app.close();
    throw err;
  }
  log.info({ url, channels: adapters.map((a) => a.channel) }, "service listening");
  let stopped: Promise<void> | null = null;
  return {
    app,
    http,
    web,
    url,
    stop: () =>
      (stopped ??= (async () => {
        stopping = true;
        const t = config.SHUTDOWN_TIMEOUT_MS;
        log.info("service stopping");
        // Adapters first: no new messages, in-flight ones finish, open event streams end.
        await within(Promise.all(adapters.map((a) => a.stop())), t).catch((err: unknown) => log.warn({ err: (err as Error).message }, "adapters did not stop in time"));
        await within(http.close(), t).catch((err: unknown) => log.warn({ err: (err as Error).message }, "HTTP server did not close in time"));
        await app.close(t);
        log.info("service stopped");
      })()),
  };
}
