import path from "node:path";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "not a calendar day")
  .optional();

const redisUrl = optionalString.refine((s) => {
  if (s === undefined) return true;
  try {
    const u = new URL(s);
    return (u.protocol === "redis:" || u.protocol === "rediss:") && u.hostname !== "" && (u.pathname.length <= 1 || /^\/\d+$/.test(u.pathname));
  } catch {
    return false;
  }
}, "expected redis://[user:password@]host[:port][/db] or rediss://…");
/** `telegram:123,feishu:ou_x`: ids scoped by their channel, comma-separated (STAFF_USERS, STAFF_CHATS). */
function channelIds(what: string) {
  return z
    .string()
    .trim()
    .default("")
    .transform((s, ctx) => {
      const out: string[] = [];
      for (const raw of s.split(",").map((x) => x.trim()).filter(Boolean)) {
        if (/^(telegram|feishu|console|web):\S+$/.test(raw)) out.push(raw);
        else ctx.addIssue({ code: "custom", message: `"${raw}": expected <telegram|feishu|console|web>:<${what}>` });
      }
      return out;
    });
}
/** `telegram:30,feishu:50`: a number per channel; channels left out keep the default. */
function channelNumbers(defaults: string, min: number, max: number) {
  const parse = (s: string): Record<string, number> | string => {
    const out: Record<string, number> = {};
    for (const raw of s.split(",").map((x) => x.trim()).filter(Boolean)) {
      const m = /^(telegram|feishu|console|web):(\d+(?:\.\d+)?)$/.exec(raw);
      if (!m) return `"${raw}": expected <channel>:<number>`;
      const n = Number(m[2]);
      if (n < min || n > max) return `"${raw}": expected ${min}-${max}`;
      out[m[1]!] = n;
    }
    return out;
  };
  const base = parse(defaults) as Record<string, number>;
  return z
    .string()
    .trim()
    .default(defaults)
    .transform((s, ctx) => {
      const r = parse(s);
      if (typeof r === "string") ctx.addIssue({ code: "custom", message: r });
      return { ...base, ...(typeof r === "string" ? {} : r) } as Record<"telegram" | "feishu" | "console" | "web", number>;
    });
}

/** A staff console sign-in from STAFF_CONSOLE_USERS. */
export interface ConsoleUser {
  name: string;
  /** `scrypt$<salt>$<hash>` (base64url), from `npm run staff-password`. */
  hash: string;
  /** The user's own unit (推荐单位), when configured. */
  unit?: string;
}

/** `name:scrypt$<salt>$<hash>[:unit]`, or why not (never repeating the hash). */
export function parseConsoleUser(raw: string): ConsoleUser | string {
  const m = /^([A-Za-z0-9_.-]{1,32}):(scrypt\$[A-Za-z0-9_-]{16,64}\$[A-Za-z0-9_-]{40,90})(?::(.*))?$/.exec(raw);
  if (!m) return "expected <name>:scrypt$<salt>$<hash>[:unit] (name: letters, digits, _ . -; hash from npm run staff-password)";
  const unit = m[3]?.trim();
  if (unit !== undefined && (unit.length < 2 || unit.length > 60 || /[\u0000-\u001f\u007f,]/.test(unit))) return `user "${m[1]}": unit must be 2-60 characters without control characters or commas`;
  return { name: m[1]!, hash: m[2]!, ...(unit ? { unit } : {}) };
}

/** Every environment variable the product reads. Documented in README "Configuration". */
export const configSchema = z.object({
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Where the HTTP server (web chat, health, metrics, webhooks) listens. */
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** How long a stopping service waits for in-flight messages and jobs before it gives up. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  CORPUS_DIR: z.string().default("corpus"),
  INDEX_DIR: z.string().default("data/index"),
  SHENBAO_TODAY: isoDay,
  EMBEDDINGS_PROVIDER: z.enum(["hashing", "openai"]).default("hashing"),
  EMBEDDINGS_BASE_URL: optionalString,
  EMBEDDINGS_MODEL: optionalString,
  EMBEDDINGS_API_KEY: optionalString,
  EMBEDDINGS_DIMENSIONS: z.coerce.number().int().min(16).max(8192).optional(),
  LLM_BASE_URL: optionalString,
  LLM_MODEL: optionalString,
  LLM_API_KEY: optionalString,
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  REDIS_URL: redisUrl,
  /** Where the private redis-server (when REDIS_URL is unset) and generated files live. */
  DATA_DIR: z.string().default("data"),
  /** Days a user's drafts and session are kept after their last message. */
  DRAFT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** A notice with no printed deadline is presented as history (not open) once older than this. */
  NOTICE_HISTORY_YEARS: z.coerce.number().int().min(0).max(100).default(3),
  /** Key prefix in Redis, so several deployments can share one server. */
  REDIS_PREFIX: z.string().regex(/^[\w-]+$/, "letters, digits, _ and - only").default("sb"),
  /** Where generated 申报书 files are stored (relative to the project root unless absolute). */
  DOCUMENTS_DIR: z.string().default("data/documents"),
  /** Also convert documents to PDF when LibreOffice (soffice) is installed. */
  DOCUMENT_PDF: z.enum(["on", "off"]).default("off"),
  /** Documents rendered at once per worker process. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Run a document worker inside `npm start` / `npm run chat` (off when workers run separately). */
  IN_PROCESS_WORKER: z.enum(["on", "off"]).default("on"),
  /**
   * The bureau that compiles and seals the 推荐汇总表 (its 推荐单位 header), e.g. 福州市工业和信息化局;
   * `npm run summary -- --compiler` overrides it. Unset: the header is left blank to fill in.
   */
  RECOMMENDING_UNIT: z
    .string()
    .trim()
    .min(2, "at least 2 characters")
    .max(60, "at most 60 characters")
    .regex(/^[^\u0000-\u001f\u007f]+$/, "no control characters")
    .optional(),
  /** Feishu (Lark) app credentials; the Feishu adapter runs when both are set. */
  FEISHU_APP_ID: optionalString,
  FEISHU_APP_SECRET: optionalString,
  /** `feishu` (open.feishu.cn), `lark` (open.larksuite.com) or the base URL of a private deployment. */
  FEISHU_DOMAIN: z
    .string()
    .trim()
    .refine((s) => s === "feishu" || s === "lark" || /^https?:\/\/[^\s/]+(:\d+)?\/?$/.test(s), "expected feishu, lark or a base URL such as https://open.example.com")
    .default("feishu"),
  /** `ws`: the SDK's long connection (no public URL needed); `webhook`: events POSTed to the web service. */
  FEISHU_MODE: z.enum(["ws", "webhook"]).default("ws"),
  /** Event encryption key and verification token from the developer console (required with FEISHU_MODE=webhook). */
  FEISHU_ENCRYPT_KEY: optionalString,
  FEISHU_VERIFICATION_TOKEN: optionalString,
  /** BotFather's token; set: `npm start` also runs the Telegram bot. */
  TELEGRAM_BOT_TOKEN: optionalString.pipe(z.string().regex(/^\d+:[\w-]{20,}$/, "expected <bot id>:<secret>, as BotFather gives it").optional()),
  /** Bot API server (a self-hosted telegram-bot-api, a test server); no trailing slash. */
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/, error: "expected an http(s) URL" }).transform((u) => u.replace(/\/+$/, "")).default("https://api.telegram.org"),
  /** `polling` (getUpdates; one process per token) or `webhook` (a route on the service's HTTP server). */
  TELEGRAM_MODE: z.enum(["polling", "webhook"]).default("polling"),
  /** Public https URL Telegram posts updates to; its path is the route served. Required with TELEGRAM_MODE=webhook. */
  TELEGRAM_WEBHOOK_URL: optionalString.pipe(z.url({ protocol: /^https$/, error: "expected an https URL" }).optional()),
  /** Sent by Telegram in X-Telegram-Bot-Api-Secret-Token; requests without it are refused. Required with TELEGRAM_MODE=webhook. */
  TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(z.string().regex(/^[\w-]{16,256}$/, "16-256 characters A-Z a-z 0-9 _ -").optional()),
  /** Bureau staff, by channel user id: `telegram:123,feishu:ou_x,console:admin`. Only they may list, broadcast or read reports. */
  STAFF_USERS: channelIds("user id"),
  /**
   * Staff group chats: `telegram:-100123,feishu:oc_x`. Anyone writing in one of them acts as staff
   * there (and only there), so a bureau can add and remove officers in the platform's own group.
   */
  STAFF_CHATS: channelIds("chat id"),
  /**
   * The staff console's sign-ins (/staff): `name:scrypt$<salt>$<hash>[:unit]`, comma-separated;
   * `npm run staff-password` prints the hash. The unit is the 推荐单位 of that user's 推荐汇总表.
   * Unset: the console is off (the page says it is not configured).
   */
  STAFF_CONSOLE_USERS: z
    .string()
    .trim()
    .default("")
    .transform((s, ctx) => {
      const out: ConsoleUser[] = [];
      for (const raw of s.split(",").map((x) => x.trim()).filter(Boolean)) {
        const user = parseConsoleUser(raw);
        // Never echo the entry: it holds a password hash.
        if (typeof user === "string") ctx.addIssue({ code: "custom", message: `entry ${out.length + 1}: ${user}` });
        else if (out.some((u) => u.name === user.name)) ctx.addIssue({ code: "custom", message: `entry ${out.length + 1}: user "${user.name}" is listed twice` });
        else out.push(user);
      }
      return out;
    }),
  /**
   * Behind a load balancer or TLS proxy: whose X-Forwarded-For to believe, so the staff console's
   * sign-in limit and audit log see the client's address, not the proxy's. `off` (default), `on`
   * (any), a hop count, or comma-separated proxy addresses/CIDRs (`127.0.0.1,10.0.0.0/8`).
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default("off")
    .transform((s, ctx): boolean | number | string[] => {
      if (s === "off" || s === "") return false;
      if (s === "on") return true;
      if (/^\d{1,2}$/.test(s)) return Number(s);
      const list = s.split(",").map((x) => x.trim()).filter(Boolean);
      if (list.some((x) => !/^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(x))) ctx.addIssue({ code: "custom", message: "expected off, on, a hop count or comma-separated addresses/CIDRs" });
      return list;
    }),
  /** `on` when the console is served over https (behind a TLS proxy): its cookies get Secure. */
  STAFF_CONSOLE_SECURE_COOKIE: z.enum(["on", "off"]).default("off"),
  /** Deadline reminders this many days before each deadline. */
  REMINDER_OFFSETS_DAYS: z
    .string()
    .trim()
    .default("7,3,1")
    .transform((s, ctx) => {
      const days = s.split(",").map((x) => x.trim()).filter(Boolean).map(Number);
      if (days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 0 || d > 365)) ctx.addIssue({ code: "custom", message: "expected whole days 0-365, comma-separated, e.g. 7,3,1" });
      return [...new Set(days)].sort((a, b) => b - a);
    }),
  /** Hour of day (China time) reminders go out. */
  REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(9),
  /** Broadcast messages per second per channel: `telegram:30,feishu:50,web:100,console:100`. */
  BROADCAST_RATES: channelNumbers("telegram:30,feishu:50,web:100,console:100", 1, 100_000),
  /** Least milliseconds between two broadcast messages to one chat: `telegram:1000,feishu:200`. */
  BROADCAST_CHAT_INTERVAL_MS: channelNumbers("telegram:1000,feishu:200,web:0,console:0", 0, 3_600_000),
  /** Most broadcast messages to one group chat per minute (Telegram groups: 20); 0: no group limit. */
  BROADCAST_GROUP_PER_MINUTE: channelNumbers("telegram:20,feishu:0,web:0,console:0", 0, 100_000),
  /** A recipient a killed worker held unsettled: `skip` (at most once, reported in doubt) or `resend` (at least once). */
  BROADCAST_IN_DOUBT: z.enum(["skip", "resend"]).default("skip"),
  /** Broadcast messages sent at once per channel per process. */
  BROADCAST_CONCURRENCY: z.coerce.number().int().min(1).max(512).default(32),
});

export type Config = Readonly<z.infer<typeof configSchema>> & {
  /** Absolute paths resolved against the project root. */
  readonly corpusDir: string;
  readonly indexDir: string;
  readonly dataDir: string;
  readonly documentsDir: string;
};

export class ConfigError extends Error {
  readonly code = "CONFIG_INVALID";
}

export const projectRoot = path.resolve(import.meta.dirname, "..", "..");

/** Parse the environment once; throws ConfigError naming every bad key. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  if (c.EMBEDDINGS_PROVIDER === "openai" && !c.EMBEDDINGS_MODEL) {
    throw new ConfigError("Invalid configuration:\n  EMBEDDINGS_MODEL: required when EMBEDDINGS_PROVIDER=openai");
  }
  if (Boolean(c.FEISHU_APP_ID) !== Boolean(c.FEISHU_APP_SECRET)) {
    const missing = c.FEISHU_APP_ID ? "FEISHU_APP_SECRET" : "FEISHU_APP_ID";
    throw new ConfigError(`Invalid configuration:\n  ${missing}: required when ${missing === "FEISHU_APP_ID" ? "FEISHU_APP_SECRET" : "FEISHU_APP_ID"} is set`);
  }
  if (c.FEISHU_APP_ID && c.FEISHU_MODE === "webhook") {
    const missing = (["FEISHU_ENCRYPT_KEY", "FEISHU_VERIFICATION_TOKEN"] as const).filter((k) => !c[k]);
    if (missing.length > 0) throw new ConfigError(`Invalid configuration:\n${missing.map((k) => `  ${k}: required when FEISHU_MODE=webhook (unsigned events are refused)`).join("\n")}`);
  }
  if (c.TELEGRAM_MODE === "webhook" && c.TELEGRAM_BOT_TOKEN) {
    const missing = (["TELEGRAM_WEBHOOK_URL", "TELEGRAM_WEBHOOK_SECRET"] as const).filter((k) => !c[k]);
    if (missing.length > 0) throw new ConfigError(`Invalid configuration:\n${missing.map((k) => `  ${k}: required when TELEGRAM_MODE=webhook`).join("\n")}`);
  }
  return Object.freeze({
    ...c,
    corpusDir: path.resolve(projectRoot, c.CORPUS_DIR),
    indexDir: path.resolve(projectRoot, c.INDEX_DIR),
    dataDir: path.resolve(projectRoot, c.DATA_DIR),
    documentsDir: path.resolve(projectRoot, c.DOCUMENTS_DIR),
  });
}
