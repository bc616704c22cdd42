import fs from "node:fs/promises";
import path from "node:path";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Clock } from "../shared/clock.ts";
import type { Config } from "../shared/config.ts";
import { AppError } from "../shared/errors.ts";
import type { Logger } from "../shared/log.ts";
import { deadlineNote, type Answer, type AskOptions } from "./answer.ts";
import { answerExtractive } from "./extractive.ts";
import { loadCorpus, removeNotice, sha256, writeNotice, type Notice } from "./corpus.ts";
import { createEmbeddings, type NamedEmbeddings } from "./embeddings.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { KnowledgeIndex, chunksOf, withIndexLock } from "./index-store.ts";
import { groundedAnswer } from "./llm.ts";
import { FileTextFailure, fileText, formatOf } from "./file-text.ts";
import { extractMetadata } from "./metadata.ts";
import { noticeMetaSchema, type NoticeMeta } from "./notice-meta.ts";
import { normalizeForMatch } from "./text-clean.ts";
import { metadataWarnings } from "./texts.ts";

export type IngestErrorCode =
  | "FILE_NOT_FOUND"
  | "FILE_UNREADABLE"
  | "FILE_TOO_LARGE"
  | "NOT_TEXT"
  | "SCANNED_PDF"
  | "BAD_DOCUMENT"
  | "EMPTY"
  | "BAD_FRONT_MATTER"
  | "NO_TITLE"
  | "DUPLICATE"
  | "DOC_ID_TAKEN"
  /** Staged uploads (src/app/staff/intake.ts): the staging is gone (expired, confirmed or discarded). */
  | "NOT_STAGED"
  /** Staged uploads: a correction is not valid (a date not YYYY-MM-DD, an empty title). */
  | "BAD_CORRECTION";

export class IngestError extends AppError {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface IngestResult {
  docId: string;
  title: string;
  issuer: string | null;
  docNumber: string | null;
  date: string | null;
  deadlines: Array<{ date: string; what: string }>;
  contacts: NoticeMeta["contacts"];
  attachments: string[];
  chunks: number;
  /** Metadata read with doubt or not found (empty when a front-matter header gave the fields). */
  warnings: string[];
}

/**
 * Metadata a staff member corrected before the notice goes live (the staff intake). Fields left
 * out keep what was read from the text; `deadlines` replaces the whole list.
 */
export interface MetaOverrides {
  title?: string;
  issuer?: string | null;
  docNumber?: string | null;
  date?: string | null;
  deadlines?: Array<{ date: string; what: string }>;
}

/** A notice file read and checked as `ingest` would, with nothing written: what it would add. */
export type NoticePreview = IngestResult;

/** PDFs and Word files carry images and fonts; their text is still checked against MAX_TEXT_BYTES' spirit by chunking. */
const MAX_FILE_BYTES = 30 * 1024 * 1024;
const MAX_TEXT_BYTES = 5 * 1024 * 1024;

export interface KnowledgeBaseDeps {
  config: Config;
  clock: Clock;
  log: Logger;
  embeddings?: NamedEmbeddings;
  chatModel?: BaseChatModel;
}

/** Policy Q&A over the indexed corpus, and the staff's way to add notices to it. */
export class KnowledgeBase {
  private constructor(
    private readonly deps: KnowledgeBaseDeps,
    private index: KnowledgeIndex,
    private notices: Map<string, NoticeMeta>,
  ) {}

  /** Loads the persisted index, rebuilding it when the corpus or the embedder changed. */
  static async open(deps: KnowledgeBaseDeps): Promise<KnowledgeBase> {
    const embeddings = deps.embeddings ?? createEmbeddings(deps.config);
    const { corpusDir, indexDir } = deps.config;
    const notices = await loadCorpus(corpusDir);
    let index = await KnowledgeIndex.load(indexDir, embeddings);
    if (!index || !index.matches(notices)) {
      index = await withIndexLock(indexDir, async () => {
        const fresh = await KnowledgeIndex.load(indexDir, embeddings);
        if (fresh && fresh.matches(notices)) return fresh;
        const started = Date.now();
        const built = await KnowledgeIndex.build(notices, embeddings);
        await built.save(indexDir);
        deps.log.info({ notices: notices.length, chunks: built.chunks.size, ms: Date.now() - started }, "index rebuilt");
        return built;
      });
    }
    return new KnowledgeBase({ ...deps, embeddings }, index, new Map(notices.map((n) => [n.meta.docId, n.meta])));
  }

  /** `npm run index`: a full rebuild from corpus/. */
  static async rebuild(deps: KnowledgeBaseDeps): Promise<{ notices: number; chunks: number; ms: number }> {
    const embeddings = deps.embeddings ?? createEmbeddings(deps.config);
    return withIndexLock(deps.config.indexDir, async () => {
      const started = Date.now();
      const notices = await loadCorpus(deps.config.corpusDir);
      const built = await KnowledgeIndex.build(notices, embeddings);
      await built.save(deps.config.indexDir);
      return { notices: notices.length, chunks: built.chunks.size, ms: Date.now() - started };
    });
  }

  get noticeCount(): number {
    return this.notices.size;
  }

  notice(docId: string): NoticeMeta | undefined {
    return this.notices.get(docId);
  }

  allNotices(): NoticeMeta[] {
    return [...this.notices.values()];
  }

  get searchIndex(): KnowledgeIndex {
    return this.index;
  }

  /**
   * Picks up what another process changed (`npm run ingest`): the notices' metadata from
   * corpus/ and, when the corpus differs from the index in memory, the saved index (no
   * rebuild here; one that does not match yet is left for the next refresh). Returns whether
   * the index was swapped.
   */
  async refresh(): Promise<boolean> {
    const { corpusDir, indexDir } = this.deps.config;
    const onDisk = await loadCorpus(corpusDir);
    if (this.index.matches(onDisk)) {
      this.notices = new Map(onDisk.map((n) => [n.meta.docId, n.meta]));
      return false;
    }
    const saved = await KnowledgeIndex.load(indexDir, this.deps.embeddings!);
    if (!saved || !saved.matches(onDisk)) {
      this.deps.log.info("corpus changed but the saved index does not match it yet; keeping the current index");
      return false;
    }
    this.index = saved;
    this.notices = new Map(onDisk.map((n) => [n.meta.docId, n.meta]));
    this.deps.log.info({ notices: onDisk.length }, "index reloaded after an ingest by another process");
    return true;
  }

  /** Answers from the notices; with a chat model configured, a grounded short answer. */
  async ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const started = Date.now();
    const ctx = { index: this.index, notices: this.notices, clock: this.deps.clock };
    const extractive = await answerExtractive(ctx, question, options);
    let result = extractive;
    const model = this.deps.chatModel;
    if (model && extractive.answerable) {
      const grounded = await groundedAnswer(model, question, extractive.citations);
      if (grounded.ok) {
        const note = deadlineNote(this.notices.get(extractive.citations[0]!.docId), this.deps.clock);
        result = { ...extractive, answer: note ? `${grounded.text}\n${note}` : grounded.text, method: "llm" };
      } else {
        this.deps.log.warn({ reason: grounded.reason, detail: grounded.detail }, "llm answer rejected, using extractive answer");
      }
    }
    this.deps.log.debug(
      { ms: Date.now() - started, answerable: result.answerable, outcome: result.outcome, refusedBecause: result.refusedBecause, coverage: result.coverage, method: result.method },
      "question answered",
    );
    return result;
  }

  /**
   * Adds one notice file to the corpus and the index in place. The corpus files and
   * the index are written only after everything was read and checked.
   */
  async ingest(file: string, overrides: MetaOverrides = {}): Promise<IngestResult> {
    return this.ingestNotice(await this.readNoticeFile(file), overrides);
  }

  /** `ingest` of an uploaded file's bytes (`fileName` gives the format and the `source`). */
  async ingestBytes(fileName: string, bytes: Buffer, overrides: MetaOverrides = {}): Promise<IngestResult> {
    return this.ingestNotice(await this.readNotice(fileName, bytes), overrides);
  }

  /**
   * Reads an uploaded notice and its metadata as `ingest` would, and checks it against the
   * corpus on disk (a duplicate is refused), without writing anything.
   */
  async preview(fileName: string, bytes: Buffer): Promise<NoticePreview> {
    const read = await this.readNotice(fileName, bytes);
    this.checkNotDuplicate(read, await loadCorpus(this.deps.config.corpusDir));
    return resultOf(read, chunksOf(read).length);
  }

  private async ingestNotice(read: ReadNotice, overrides: MetaOverrides): Promise<IngestResult> {
    const { warnings, ...notice } = withOverrides(read, overrides);
    const { corpusDir, indexDir } = this.deps.config;
    return withIndexLock(indexDir, async () => {
      // Another process may have ingested since we opened: start from the saved state.
      const onDisk = await loadCorpus(corpusDir);
      this.checkNotDuplicate(notice, onDisk);
      let index = await KnowledgeIndex.load(indexDir, this.deps.embeddings!);
      if (!index || !index.matches(onDisk)) index = await KnowledgeIndex.build(onDisk, this.deps.embeddings!);
      const chunks = await index.add([notice]);
      await writeNotice(corpusDir, notice);
      try {
        await index.save(indexDir);
      } catch (err) {
        await removeNotice(corpusDir, notice.meta.docId);
        throw err;
      }
      this.index = index;
      this.notices = new Map([...onDisk, notice].map((n) => [n.meta.docId, n.meta]));
      this.deps.log.info({ docId: notice.meta.docId, chunks }, "notice ingested");
      return resultOf({ ...notice, warnings }, chunks);
    });
  }

  private checkNotDuplicate(notice: Notice, existing: Notice[]): void {
    const key = sha256(normalizeForMatch(notice.text));
    const same = existing.find((n) => sha256(normalizeForMatch(n.text)) === key);
    if (same) throw new IngestError("DUPLICATE", `same content as ${same.meta.docId}`);
    if (existing.some((n) => n.meta.docId === notice.meta.docId)) {
      throw new IngestError("DOC_ID_TAKEN", `docId ${notice.meta.docId} is already in the corpus`);
    }
  }

  private async readNoticeFile(file: string): Promise<ReadNotice> {
    let bytes: Buffer;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) throw new IngestError("FILE_UNREADABLE", `${file} is not a regular file`);
      if (stat.size > MAX_FILE_BYTES) throw new IngestError("FILE_TOO_LARGE", `${file} has ${stat.size} bytes`);
      bytes = await fs.readFile(file);
    } catch (err) {
      if (err instanceof IngestError) throw err;
      const code = (err as NodeJS.ErrnoException).code === "ENOENT" ? "FILE_NOT_FOUND" : "FILE_UNREADABLE";
      throw new IngestError(code, `cannot read ${file}`, { cause: err });
    }
    return this.readNotice(file, bytes);
  }

  /** Text, metadata and checks of one notice file; `file` is a path or an uploaded file's name. */
  private async readNotice(file: string, bytes: Buffer): Promise<ReadNotice> {
    if (bytes.length > MAX_FILE_BYTES) throw new IngestError("FILE_TOO_LARGE", `${path.basename(file)} has ${bytes.length} bytes`);
    if (formatOf(file, bytes) === "text" && bytes.length > MAX_TEXT_BYTES) {
      throw new IngestError("FILE_TOO_LARGE", `${file} has ${bytes.length} bytes`);
    }
    let text: string;
    try {
      text = await fileText(file, bytes);
    } catch (err) {
      if (!(err instanceof FileTextFailure)) throw err;
      throw new IngestError(err.code, `${file}: ${err.message}`, { cause: err });
    }
    let split: ReturnType<typeof splitFrontMatter>;
    try {
      split = splitFrontMatter(text);
    } catch (err) {
      throw new IngestError("BAD_FRONT_MATTER", `${file}: ${(err as Error).message}`, { cause: err });
    }
    const body = split.body;
    if (body.trim() === "") throw new IngestError("EMPTY", `${file} has no text`);
    if (!/[\u3400-\u9fff]/.test(body)) throw new IngestError("NOT_TEXT", `${file} has no Chinese text`);
    const extracted = extractMetadata(body);
    const date = (split.header?.date as string | undefined) ?? extracted.date;
    const candidate = {
      ...extracted,
      takesApplications: true,
      docId: `notice-${date ?? "undated"}-${sha256(body).slice(0, 8)}`,
      ...split.header,
      sha256: sha256(body),
      source: path.basename(file),
    };
    if (!candidate.title || candidate.title.length < 4) {
      throw new IngestError("NO_TITLE", `${file}: no title found; add a front-matter header with title`);
    }
    const parsed = noticeMetaSchema.safeParse(candidate);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new IngestError("BAD_FRONT_MATTER", `${file}: invalid metadata (${fields})`);
    }
    const notice = { meta: parsed.data, text: body };
    if (chunksOf(notice).length === 0) throw new IngestError("EMPTY", `${file} has no indexable text`);
    return { ...notice, warnings: split.header ? [] : extracted.warnings, autoDocId: split.header?.docId === undefined };
  }
}

type ReadNotice = Notice & { warnings: string[]; autoDocId: boolean };

/** The notice with a staff member's corrections; warnings about a corrected field are dropped. */
function withOverrides(read: ReadNotice, o: MetaOverrides): ReadNotice {
  if (Object.keys(o).length === 0) return read;
  const meta = { ...read.meta };
  if (o.title !== undefined) meta.title = o.title;
  if (o.issuer !== undefined) meta.issuer = o.issuer;
  if (o.docNumber !== undefined) meta.docNumber = o.docNumber;
  if (o.date !== undefined) meta.date = o.date;
  if (o.deadlines !== undefined) {
    // Keep what the text said about a deadline (party, region) when its date stays.
    meta.deadlines = o.deadlines.map((d) => ({ ...read.meta.deadlines.find((e) => e.date === d.date), date: d.date, what: d.what }));
  }
  if (read.autoDocId && o.date !== undefined) meta.docId = `notice-${meta.date ?? "undated"}-${read.meta.sha256!.slice(0, 8)}`;
  const parsed = noticeMetaSchema.safeParse(meta);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new IngestError("BAD_CORRECTION", `invalid corrected metadata (${fields})`);
  }
  const w = metadataWarnings;
  const corrected = (x: string): boolean =>
    (o.title !== undefined && (x === w.noTitle || x.startsWith(w.titleGuessed("").slice(0, 3)))) ||
    (o.docNumber !== undefined && x === w.noDocNumber) ||
    (o.issuer !== undefined && x === w.noIssuer) ||
    (o.date !== undefined && x === w.noDate) ||
    (o.deadlines !== undefined && (x === w.noDeadline || x.startsWith(w.yearInferred("").slice(0, 6))));
  return { ...read, meta: parsed.data, warnings: read.warnings.filter((x) => !corrected(x)) };
}

function resultOf(n: Notice & { warnings: string[] }, chunks: number): IngestResult {
  const m = n.meta;
  return {
    docId: m.docId,
    title: m.title,
    issuer: m.issuer,
    docNumber: m.docNumber,
    date: m.date,
    deadlines: m.deadlines.map((d) => ({ date: d.date, what: d.what })),
    contacts: m.contacts,
    attachments: m.attachments,
    chunks,
    warnings: n.warnings,
  };
}

export { ingestTexts } from "./texts.ts";
