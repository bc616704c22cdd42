import { webhookCallback, type Bot } from "grammy";
import type { FastifyPluginAsync } from "fastify";

export interface WebhookOptions {
  /** The public https URL given to setWebhook; its path is the route. */
  url: string;
  /** secret_token: Telegram sends it in X-Telegram-Bot-Api-Secret-Token. */
  secret: string;
  /** Answer Telegram after this long and finish the update in the background. @defaultValue 8000 ms */
  timeoutMs?: number;
}

/**
 * The webhook route as a Fastify plugin for the service's HTTP server. grammY's
 * webhookCallback checks the secret (401 without it) and answers once the update is handled
 * (or after `timeoutMs`: Telegram would otherwise send it again), see
 * https://grammy.dev/guide/deployment-types. One chat's updates stay in order in the adapter.
 */
export function webhookRoutes(bot: Bot, hook: WebhookOptions, ready: () => boolean): FastifyPluginAsync {
  const handle = webhookCallback(bot, "fastify", { secretToken: hook.secret, onTimeout: "return", timeoutMilliseconds: hook.timeoutMs ?? 8000 });
  const path = new URL(hook.url).pathname;
  return async (app) => {
    app.post(path, async (request, reply) => {
      // Not started (or stopping): Telegram retries later.
      if (!ready()) return reply.code(503).send();
      await handle(request, reply);
      return reply;
    });
  };
}
