import { createHash, timingSafeEqual } from "node:crypto";
import * as lark from "@larksuiteoapi/node-sdk";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { Logger } from "../../shared/log.ts";

/** Where the routes are mounted on the service's server; set these URLs in the developer console. */
export const WEBHOOK_PATHS = { events: "/feishu/events", card: "/feishu/card" } as const;

export interface WebhookOptions {
  encryptKey: string;
  verificationToken: string;
  /** Events (im.message.receive_v1, and card.action.trigger if callbacks are sent to the events URL). */
  dispatcher: lark.EventDispatcher;
  /** Card callbacks (card.action.trigger). */
  cards: lark.CardActionHandler;
  /** False before `start` and after `stop`: events are answered 503 so Feishu delivers them again later. */
  accepting(): boolean;
  log: Logger;
  /** Requests signed longer ago than this are refused: a replay after its event id was forgotten (dedupe window). @defaultValue 7 days */
  maxAgeSeconds?: number;
  now?: () => number;
}

/** Feishu's request signature: sha256(timestamp + nonce + encryptKey + raw body), hex. */
export function signature(timestamp: string, nonce: string, encryptKey: string, rawBody: string): string {
  return createHash("sha256").update(timestamp + nonce + encryptKey + rawBody).digest("hex");
}

function header(req: FastifyRequest, name: string): string | null {
  const v = req.headers[name];
  return typeof v === "string" ? v : null;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

type Plain = { type?: string; challenge?: string; token?: string; schema?: string; header?: { token?: string; event_type?: string } };

/**
 * The webhook as a Fastify plugin: one route for events, one for card callbacks. Each
 * request is checked here before the SDK sees it, because SDK 1.74 does not: it never checks
 * the verification token, answers url_verification only inside its `adaptDefault` with
 * `autoChallenge`, and there a body that fails to decrypt becomes an unhandled rejection.
 *
 * Order: raw body → decrypt (400 if it does not) → url_verification answered when its token
 * matches → signature over the raw body (401) → verification token (403) → the SDK's
 * dispatcher, whose handlers only book the work (dedupe, queue) so the answer goes back at
 * once, well inside Feishu's 3 s; the work runs after.
 * https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case
 */
export function webhookRoutes(opts: WebhookOptions): FastifyPluginAsync {
  const cipher = new lark.AESCipher(opts.encryptKey);
  const tokenOk = (token: unknown) => typeof token === "string" && sameText(token, opts.verificationToken);

  const handle = (kind: "events" | "card") => async (req: FastifyRequest, reply: FastifyReply) => {
    const raw = typeof req.body === "string" ? req.body : "";
    let body: { encrypt?: unknown };
    try {
      body = JSON.parse(raw) as { encrypt?: unknown };
    } catch {
      return reply.code(400).send({ msg: "body is not JSON" });
    }
    if (typeof body?.encrypt !== "string") return reply.code(400).send({ msg: "encrypted body expected (set an Encrypt Key in the developer console)" });
    let plain: Plain;
    try {
      plain = JSON.parse(cipher.decrypt(body.encrypt)) as Plain;
    } catch {
      opts.log.warn({ route: kind }, "feishu webhook: body does not decrypt with the encrypt key");
      return reply.code(400).send({ msg: "cannot decrypt" });
    }
    if (plain.type === "url_verification") {
      if (!tokenOk(plain.token)) return reply.code(403).send({ msg: "verification token mismatch" });
      return reply.send({ challenge: plain.challenge });
    }
    const ts = header(req, "x-lark-request-timestamp");
    const nonce = header(req, "x-lark-request-nonce");
    const sig = header(req, "x-lark-signature");
    if (!ts || !nonce || !sig || !sameText(sig, signature(ts, nonce, opts.encryptKey, raw))) {
      opts.log.warn({ route: kind, signed: Boolean(sig) }, "feishu webhook: signature missing or wrong");
      return reply.code(401).send({ msg: "bad signature" });
    }
    const ageSeconds = ((opts.now ?? Date.now)() / 1000) - Number(ts);
    if (!Number.isFinite(ageSeconds) || Math.abs(ageSeconds) > (opts.maxAgeSeconds ?? 7 * 24 * 3600)) {
      opts.log.warn({ route: kind }, "feishu webhook: request timestamp outside the accepted window");
      return reply.code(401).send({ msg: "stale request" });
    }
    if (!tokenOk(plain.header?.token ?? plain.token)) {
      opts.log.warn({ route: kind }, "feishu webhook: verification token mismatch");
      return reply.code(403).send({ msg: "verification token mismatch" });
    }
    if (!opts.accepting()) return reply.code(503).send({ msg: "not ready" });
    const result: unknown = kind === "card" ? await opts.cards.invoke(plain) : await opts.dispatcher.invoke(plain, { needCheck: false });
    return reply.send(result && typeof result === "object" ? result : {});
  };

  return async (app) => {
    // Signatures cover the raw bytes: keep JSON bodies as strings on these routes only (this plugin's scope).
    app.removeContentTypeParser(["application/json"]);
    app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => done(null, body));
    app.post(WEBHOOK_PATHS.events, handle("events"));
    app.post(WEBHOOK_PATHS.card, handle("card"));
  };
}
