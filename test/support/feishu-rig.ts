import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { FeishuAdapter, type FeishuAdapterOptions } from "../../src/bots/feishu/index.ts";
import { WEBHOOK_PATHS } from "../../src/bots/feishu/webhook.ts";
import type { Logger } from "../../src/shared/log.ts";
import { createLogger } from "../../src/shared/log.ts";
import { FeishuPlatform, signedRequest, type SignedRequest } from "./feishu-platform.ts";

export const APP_ID = "cli_a1b2c3d4e5f60718"; // the SDK's WSClient insists on this shape
export const APP_SECRET = "app-secret-DO-NOT-LOG-7f3a9c";
export const ENCRYPT_KEY = "encrypt-key-DO-NOT-LOG-51be";
export const VERIFICATION_TOKEN = "verification-token-DO-NOT-LOG-c0de";

export interface FeishuRig {
  platform: FeishuPlatform;
  adapter: FeishuAdapter;
  /** Webhook mode: the service's Fastify server with the adapter's routes, listening on 127.0.0.1. */
  web: FastifyInstance | null;
  /** Deliver an event as Feishu does (signed webhook POST, or a long-connection frame); resolves once it is handled. */
  deliver(event: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  /** POST a prepared request to a webhook route (no waiting for the work). */
  post(path: string, req: SignedRequest): Promise<{ status: number; body: unknown; ms: number }>;
  close(): Promise<void>;
}

export interface RigOptions {
  mode: "ws" | "webhook";
  redisUrl: string;
  log?: Logger;
  /** An existing platform (several adapters, or a shared one in benchmarks). */
  platform?: FeishuPlatform;
  adapter?: Partial<FeishuAdapterOptions>;
}

/** The Feishu adapter against a local open platform: webhook routes on a Fastify server, or the SDK's long connection. */
export async function startFeishuRig(o: RigOptions): Promise<FeishuRig> {
  const platform = o.platform ?? (await FeishuPlatform.start(APP_ID, APP_SECRET));
  const u = new URL(o.redisUrl);
  const adapter = new FeishuAdapter({
    appId: APP_ID,
    appSecret: APP_SECRET,
    domain: platform.url,
    mode: o.mode,
    encryptKey: ENCRYPT_KEY,
    verificationToken: VERIFICATION_TOKEN,
    redis: { host: u.hostname, port: Number(u.port) },
    prefix: `fs${randomUUID().slice(0, 8)}`,
    log: o.log ?? createLogger("silent"),
    ...o.adapter,
  });
  let web: FastifyInstance | null = null;
  let base = "";
  if (o.mode === "webhook") {
    web = Fastify({ logger: false });
    await web.register(adapter.httpRoutes!);
    base = await web.listen({ host: "127.0.0.1", port: 0 });
  }
  const post = async (path: string, req: SignedRequest) => {
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`, { method: "POST", headers: req.headers, body: req.body });
    const text = await res.text();
    const ms = performance.now() - t0;
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body, ms };
  };
  return {
    platform,
    adapter,
    web,
    post,
    async deliver(event) {
      let out: { status: number; body: unknown };
      if (o.mode === "ws") out = { status: 200, body: await platform.pushEvent(event) };
      else {
        const type = (event.header as { event_type?: string } | undefined)?.event_type;
        out = await post(type === "card.action.trigger" ? WEBHOOK_PATHS.card : WEBHOOK_PATHS.events, signedRequest(event, ENCRYPT_KEY));
      }
      await adapter.idle();
      return out;
    },
    async close() {
      await adapter.stop();
      await web?.close();
      if (!o.platform) await platform.close();
    },
  };
}
