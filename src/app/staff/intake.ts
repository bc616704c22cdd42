import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Redis } from "ioredis";
import { z } from "zod";
import { IngestError, type IngestResult, type KnowledgeBase } from "../../knowledge/knowledge-base.ts";
import type { NoticeMeta } from "../../knowledge/notice-meta.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Logger } from "../../shared/log.ts";

/**
 * Notice intake: a staff member uploads a notice file (chat or console); it is read and its
 * metadata extracted exactly as `npm run ingest` would, and *staged* — kept aside, shown for
 * confirmation or correction — before it goes live. `confirm` ingests it into the corpus and
 * the index with the corrections and calls `onIngested` (reminders are rescheduled there).
 *
 * Storage: the uploaded bytes in `dir/<id>` (never logged, never in Redis), the extracted
 * metadata in Redis `<prefix>:intake:<id>` (JSON, expiring after `ttlSeconds`, default 7 days),
 * the pending ids in `<prefix>:intake:pending` (a sorted set by staging time). Files whose
 * staging has expired are swept on the next `stage` or `list`.
 */
export interface StagedNotice {
  id: string;
  fileName: string;
  /** `channel:userId` (or the console's user) of who uploaded it. */
  stagedBy: string;
  stagedAt: string;
  title: string;
  issuer: string | null;
  docNumber: string | null;
  date: string | null;
  deadlines: Array<{ date: string; what: string }>;
  contacts: NoticeMeta["contacts"];
  attachments: string[];
  /** Fields read with doubt or not found (Chinese, for the staff member). */
  warnings: string[];
  chunks: number;
}

export interface NoticeCorrections {
  title?: string;
  issuer?: string | null;
  docNumber?: string | null;
  date?: string | null;
  deadlines?: Array<{ date: string; what: string }>;
}

/** What the intake needs of the knowledge base (a KnowledgeBase, or a stand-in). */
export type IntakeKnowledge = Pick<KnowledgeBase, "preview" | "ingestBytes">;

export interface IntakeDeps {
  kb: IntakeKnowledge;
  redis: Redis;
  /** REDIS_PREFIX */
  prefix: string;
  /** Where staged files are kept, e.g. `<DATA_DIR>/intake`. */
  dir: string;
  clock: Clock;
  log: Logger;
  /** Called after a confirmed notice is live (e.g. reschedule the deadline reminders). Its failure is logged, not thrown. */
  onIngested?: (r: IngestResult) => Promise<void>;
  /** How long a staging waits for confirmation; default 7 days. */
  ttlSeconds?: number;
}

/** Largest upload staged (the knowledge base's own cap for PDF/Word files). */
export const MAX_NOTICE_FILE_BYTES = 30 * 1024 * 1024;
const DEFAULT_TTL_SECONDS = 7 * 24 * 3600;
/** How long a confirmation holds its staging against a second, concurrent confirmation. */
const CONFIRM_LOCK_SECONDS = 300;
const ID = /^[0-9a-f]{12}$/;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar day in YYYY-MM-DD (2026-02-30 is not one). */
const isoDay = z
  .string()
  .trim()
  .regex(DAY, "must be YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "not a calendar day");
/** An HTML form's empty field means "none". */
const emptyIsNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const optionalText = z.preprocess(emptyIsNull, z.string().trim().min(1).max(200).nullable()).optional();

export const noticeCorrectionsSchema = z
  .object({
    title: z.string().trim().min(4, "title must have at least 4 characters").max(200).optional(),
    issuer: optionalText,
    docNumber: optionalText,
    date: z.preprocess(emptyIsNull, isoDay.nullable()).optional(),
    deadlines: z.array(z.object({ date: isoDay, what: z.string().trim().min(1).max(300) }).strict()).max(50).optional(),
  })
  .strict();

interface Stored extends StagedNotice {
  /** sha256 of the uploaded bytes: the same file uploaded again finds this staging. */
  sha: string;
}

/** Staged uploads of notice files, confirmed (with corrections) or discarded by staff. */
export class NoticeIntake {
  private readonly ttl: number;

  constructor(private readonly deps: IntakeDeps) {
    this.ttl = deps.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  }

  private key(id: string): string {
    return `${this.deps.prefix}:intake:${id}`;
  }

  private get pendingKey(): string {
    return `${this.deps.prefix}:intake:pending`;
  }

  private shaKey(sha: string): string {
    return `${this.deps.prefix}:intake:sha:${sha}`;
  }

  private file(id: string): string {
    return path.join(this.deps.dir, id);
  }

  /**
   * Reads the file and extracts its metadata without publishing anything. Throws IngestError
   * (`ingestTexts[code]` is the Chinese message) for a file that cannot become a notice: too
   * large, scanned PDF, broken document, no Chinese text, no title, already in the corpus.
   * The same file uploaded again while it waits returns the same staging.
   */
  async stage(input: { fileName: string; bytes: Buffer; by: string }): Promise<StagedNotice> {
    const { redis, kb, log, clock } = this.deps;
    const fileName = cleanFileName(input.fileName);
    if (input.bytes.length > MAX_NOTICE_FILE_BYTES) throw new IngestError("FILE_TOO_LARGE", `upload has ${input.bytes.length} bytes`);
    if (input.bytes.length === 0) throw new IngestError("EMPTY", "upload is empty");
    const sha = createHash("sha256").update(input.bytes).digest("hex");
    const earlier = await redis.get(this.shaKey(sha));
    if (earlier) {
      const staged = await this.get(earlier);
      if (staged) return staged;
    }
    const preview = await kb.preview(fileName, input.bytes);
    const id = randomBytes(6).toString("hex");
    const stored: Stored = {
      id,
      fileName,
      stagedBy: input.by,
      stagedAt: clock.now().toISOString(),
      title: preview.title,
      issuer: preview.issuer,
      docNumber: preview.docNumber,
      date: preview.date,
      deadlines: preview.deadlines,
      contacts: preview.contacts,
      attachments: preview.attachments,
      warnings: preview.warnings,
      chunks: preview.chunks,
      sha,
    };
    await fs.mkdir(this.deps.dir, { recursive: true });
    const tmp = `${this.file(id)}.tmp-${process.pid}`;
    await fs.writeFile(tmp, input.bytes);
    await fs.rename(tmp, this.file(id));
    await redis
      .multi()
      .set(this.key(id), JSON.stringify(stored), "EX", this.ttl)
      .zadd(this.pendingKey, Date.now(), id)
      .set(this.shaKey(sha), id, "EX", this.ttl)
      .exec();
    log.info({ id, chunks: preview.chunks, warnings: preview.warnings.length }, "notice staged for confirmation");
    await this.sweep();
    return publicView(stored);
  }

  async get(id: string): Promise<StagedNotice | null> {
    const stored = await this.stored(id);
    return stored ? publicView(stored) : null;
  }

  /** Pending stagings, oldest first. */
  async list(): Promise<StagedNotice[]> {
    const ids = await this.deps.redis.zrange(this.pendingKey, 0, -1);
    if (ids.length === 0) return [];
    const raws = await this.deps.redis.mget(ids.map((id) => this.key(id)));
    const gone = ids.filter((_, i) => raws[i] === null);
    if (gone.length > 0) {
      await this.deps.redis.zrem(this.pendingKey, ...gone);
      await this.sweep();
    }
    return raws.filter((r): r is string => r !== null).map((r) => publicView(JSON.parse(r) as Stored));
  }

  /**
   * Publishes a staged notice with the staff member's corrections: validated (ISO dates, a
   * title), ingested into the corpus and the index, the staging removed, then `onIngested`.
   * Throws IngestError: BAD_CORRECTION, NOT_STAGED (expired, already confirmed or discarded,
   * or being confirmed right now), or what `ingest` refuses (e.g. DUPLICATE when the same
   * notice went live meanwhile; the staging is kept then, to be discarded).
   */
  async confirm(id: string, corrections: NoticeCorrections, by: string): Promise<IngestResult> {
    const parsed = noticeCorrectionsSchema.safeParse(corrections ?? {});
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => `${i.path.join(".") || "corrections"}: ${i.message}`).join("; ");
      throw new IngestError("BAD_CORRECTION", fields);
    }
    if (!ID.test(id)) throw new IngestError("NOT_STAGED", "no such staging");
    const { redis, kb, log } = this.deps;
    const lock = `${this.key(id)}:confirming`;
    if ((await redis.set(lock, by, "EX", CONFIRM_LOCK_SECONDS, "NX")) !== "OK") throw new IngestError("NOT_STAGED", "being confirmed");
    try {
      const stored = await this.stored(id);
      if (!stored) throw new IngestError("NOT_STAGED", "expired or gone");
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(this.file(id));
      } catch (err) {
        throw new IngestError("NOT_STAGED", "staged file is gone", { cause: err });
      }
      const result = await kb.ingestBytes(stored.fileName, bytes, parsed.data);
      await this.drop(stored);
      log.info({ id, docId: result.docId, chunks: result.chunks, corrected: Object.keys(parsed.data) }, "staged notice confirmed and ingested");
      if (this.deps.onIngested) {
        await this.deps.onIngested(result).catch((err: unknown) => log.warn({ id, err: (err as Error).message }, "after-ingest hook failed"));
      }
      return result;
    } finally {
      await redis.del(lock);
    }
  }

  /** Drops a staging and its file; nothing happens for one already gone. */
  async discard(id: string, _by: string): Promise<void> {
    if (!ID.test(id)) return;
    const stored = await this.stored(id);
    if (stored) await this.drop(stored);
    else await this.deps.redis.zrem(this.pendingKey, id);
    await fs.rm(this.file(id), { force: true });
    this.deps.log.info({ id, found: stored !== null }, "staged notice discarded");
  }

  private async stored(id: string): Promise<Stored | null> {
    if (!ID.test(id)) return null;
    const raw = await this.deps.redis.get(this.key(id));
    return raw ? (JSON.parse(raw) as Stored) : null;
  }

  private async drop(s: Stored): Promise<void> {
    const { redis } = this.deps;
    await redis.multi().del(this.key(s.id)).zrem(this.pendingKey, s.id).exec();
    // The sha pointer only if it still points here.
    if ((await redis.get(this.shaKey(s.sha))) === s.id) await redis.del(this.shaKey(s.sha));
    await fs.rm(this.file(s.id), { force: true });
  }

  /** Removes staged files whose staging expired (Redis forgot it), and stray temp files. */
  private async sweep(): Promise<void> {
    let names: string[];
    try {
      names = await fs.readdir(this.deps.dir);
    } catch {
      return;
    }
    const ids = names.filter((n) => ID.test(n));
    if (ids.length > 0) {
      const alive = await this.deps.redis.mget(ids.map((id) => this.key(id)));
      await Promise.all(ids.filter((_, i) => alive[i] === null).map((id) => fs.rm(this.file(id), { force: true })));
    }
    const hourAgo = Date.now() - 3600_000;
    for (const n of names.filter((x) => x.includes(".tmp-"))) {
      const st = await fs.stat(path.join(this.deps.dir, n)).catch(() => null);
      if (st && st.mtimeMs < hourAgo) await fs.rm(path.join(this.deps.dir, n), { force: true });
    }
  }
}

function publicView(s: Stored): StagedNotice {
  const { sha: _sha, ...rest } = s;
  return rest;
}

/** The name as shown and used for the format: no directories, no control characters, at most 120 characters. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = path.basename(name.replace(/\\/g, "/")).replace(/[\u0000-\u001f\u007f]/g, "").trim();
  const chars = [...base];
  if (chars.length <= 120) return base || "notice.txt";
  const ext = path.extname(base).slice(0, 10);
  return chars.slice(0, 120 - ext.length).join("") + ext;
}
