import * as lark from "@larksuiteoapi/node-sdk";
import type { Logger } from "../../shared/log.ts";

/**
 * Values that must never reach a log line: the app secret, encrypt key, verification token
 * and every tenant token the adapter obtains. The SDK logs whole axios errors (request body
 * with `app_secret`, `Authorization` header) and connect URLs, so everything it logs passes
 * through `sdkLogger`, which keeps a summary and scrubs.
 */
export class Secrets {
  private readonly values = new Set<string>();

  add(value: string | undefined | null): void {
    if (value && value.length >= 4) this.values.add(value);
  }

  scrub(s: string): string {
    let out = s;
    for (const v of this.values) out = out.split(v).join("[redacted]");
    // Tenant/app/user tokens (t-…, a-…, u-…), bearer headers, and credentials in URLs (the long
    // connection's address carries an access key and a ticket).
    return out
      .replace(/\b[tau]-[A-Za-z0-9._-]{16,}/g, "[redacted]")
      .replace(/Bearer\s+\S+/gi, "Bearer [redacted]")
      .replace(/([?&](?:ticket|access_key|[a-z_]*token|[a-z_]*secret)=)[^&\s"']+/gi, "$1[redacted]");
  }
}

interface HttpErrorLike {
  message?: string;
  name?: string;
  config?: { method?: string; url?: string };
  response?: { status?: number; data?: unknown };
}

function pathOf(url: string | undefined): string {
  if (!url) return "";
  try {
    return new URL(url).pathname;
  } catch {
    return url.split("?")[0] ?? "";
  }
}

/** A one-line summary of whatever the SDK logs: message, method, path, status, Feishu code and msg; never bodies or headers. */
export function describe(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || value == null) return String(value);
  if (Array.isArray(value)) return value.map(describe).join(" ");
  if (typeof value === "object") {
    const e = value as HttpErrorLike;
    const parts: string[] = [];
    if (e.name && e.name !== "Error") parts.push(e.name);
    if (typeof e.message === "string") parts.push(e.message);
    if (e.config) parts.push(`${(e.config.method ?? "").toUpperCase()} ${pathOf(e.config.url)}`.trim());
    if (e.response) {
      const d = (e.response.data ?? {}) as { code?: unknown; msg?: unknown };
      parts.push(`http=${e.response.status ?? "-"}`);
      if (typeof d === "object" && d !== null && "code" in d) parts.push(`code=${String(d.code)} msg=${String(d.msg ?? "")}`);
    }
    const v = value as { code?: unknown; msg?: unknown };
    if (parts.length === 0 && ("code" in v || "msg" in v)) parts.push(`code=${String(v.code)} msg=${String(v.msg ?? "")}`);
    return parts.length > 0 ? parts.join(" ") : "[object]";
  }
  return typeof value;
}

/** The SDK's `loggerLevel` matching the pino logger's (the SDK filters before `sdkLogger` sees anything). */
export function sdkLevel(log: Logger): lark.LoggerLevel {
  if (log.isLevelEnabled("trace")) return lark.LoggerLevel.trace;
  if (log.isLevelEnabled("debug")) return lark.LoggerLevel.info;
  if (log.isLevelEnabled("warn")) return lark.LoggerLevel.warn;
  return lark.LoggerLevel.error;
}

/** The SDK's `logger` option: its messages summarised, scrubbed and sent to pino under `sdk: "lark"`. */
export function sdkLogger(log: Logger, secrets: Secrets) {
  const emit = (level: "error" | "warn" | "debug" | "trace") => (...msg: unknown[]) => {
    log[level]({ sdk: "lark" }, secrets.scrub(describe(msg)));
  };
  return { error: emit("error"), warn: emit("warn"), info: emit("debug"), debug: emit("trace"), trace: emit("trace") };
}
