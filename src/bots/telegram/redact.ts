import type { Transformer } from "grammy";

const REDACTED = "<token>";

/** Replace the bot token wherever it appears in an error: message, stack, wrapped error, cause. */
export function redactError(err: unknown, token: string, seen = new Set<unknown>()): unknown {
  if (typeof err !== "object" || err === null || seen.has(err)) return err;
  seen.add(err);
  const e = err as { message?: unknown; stack?: unknown; error?: unknown; cause?: unknown };
  for (const field of ["message", "stack"] as const) {
    if (typeof e[field] === "string" && e[field].includes(token)) {
      Object.defineProperty(e, field, { value: e[field].split(token).join(REDACTED), writable: true, configurable: true, enumerable: false });
    }
  }
  redactError(e.error, token, seen); // grammY's HttpError keeps the fetch error (its URL has the token)
  redactError(e.cause, token, seen);
  return err;
}

/**
 * The innermost API transformer: grammY puts the token in every request URL, and a failed
 * fetch says the URL. Every error leaving the client is redacted here, before any plugin,
 * log or caller sees it (https://grammy.dev/advanced/transformers).
 */
export function redactingTransformer(token: string): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal);
    } catch (err) {
      throw redactError(err, token);
    }
  };
}
