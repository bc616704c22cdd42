import fs from "node:fs/promises";
import path from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { Document } from "@langchain/core/documents";
import MiniSearch from "minisearch";
import { sha256, writeFileAtomic, type Notice } from "./corpus.ts";
import type { NamedEmbeddings } from "./embeddings.ts";
import { chunkNotice, type Chunk } from "./structure.ts";
import { indexTokens } from "./tokenize.ts";

/** A chunk with the citation facts of the notice (or forwarded part) it belongs to. */
export interface IndexedChunk extends Chunk {
  title: string;
  docNumber: string | null;
  /** The enclosing notice when the chunk sits in a forwarded part with its own 文号. */
  noticeTitle: string;
  noticeDocNumber: string | null;
}

interface Manifest {
  version: number;
  embedder: string;
  createdAt: string;
  notices: Record<string, string>;
  chunkCount: number;
}

const MANIFEST_VERSION = 3; // 3: jieba user dictionary (domain-words.ts)
const searchFields = ["title", "section", "text"] as const;

function miniSearchOptions() {
  return {
    idField: "id",
    fields: [...searchFields],
    storeFields: [] as string[],
    tokenize: indexTokens,
    processTerm: (t: string) => t,
    searchOptions: { tokenize: (s: string) => s.split(" ").filter(Boolean), processTerm: (t: string) => t },
  };
}

/** Fingerprint of a notice: text and metadata, so editing either rebuilds it. */
export function noticeFingerprint(n: Notice): string {
  const { sha256: _ignored, ...meta } = n.meta;
  return sha256(`${sha256(n.text)}:${JSON.stringify(meta)}`);
}

export function chunksOf(notice: Notice): IndexedChunk[] {
  const { meta } = notice;
  return chunkNotice(notice.text, meta).map((c) => {
    const part = c.part > 0 ? meta.parts[c.part - 1] : undefined;
    return {
      ...c,
      title: part?.title ?? meta.title,
      docNumber: part ? part.docNumber : meta.docNumber,
      noticeTitle: meta.title,
      noticeDocNumber: meta.docNumber,
    };
  });
}

function searchDoc(c: IndexedChunk) {
  const numbers = [c.docNumber, c.noticeDocNumber].filter(Boolean).join(" ");
  const titles = c.title === c.noticeTitle ? c.title : `${c.title} ${c.noticeTitle}`;
  return { id: c.id, title: `${titles} ${numbers}`, section: c.section, text: c.text };
}

const embedText = (c: IndexedChunk) => `${c.title}\n${c.section}\n${c.text}`;

export class KnowledgeIndex {
  private constructor(
    readonly embeddings: NamedEmbeddings,
    readonly chunks: Map<string, IndexedChunk>,
    readonly bm25: MiniSearch,
    readonly vectors: HNSWLib,
    private fingerprints: Record<string, string>,
    /** Document frequency of each index token, for pruning near-stopwords from queries. */
    private readonly docFreq: Map<string, number>,
  ) {}

  /** Share of chunks that contain the token (0 when unseen). */
  docShare(token: string): number {
    return this.chunks.size === 0 ? 0 : (this.docFreq.get(token) ?? 0) / this.chunks.size;
  }

  static empty(embeddings: NamedEmbeddings): KnowledgeIndex {
    return new KnowledgeIndex(
      embeddings,
      new Map(),
      new MiniSearch(miniSearchOptions()),
      new HNSWLib(embeddings, { space: "cosine" }),
      {},
      new Map(),
    );
  }

  static async build(notices: Notice[], embeddings: NamedEmbeddings): Promise<KnowledgeIndex> {
    const index = KnowledgeIndex.empty(embeddings);
    await index.add(notices);
    return index;
  }

  get noticeIds(): string[] {
    return Object.keys(this.fingerprints);
  }

  has(docId: string): boolean {
    return docId in this.fingerprints;
  }

  /** Adds notices in place: their chunks only are embedded and indexed. */
  async add(notices: Notice[]): Promise<number> {
    let added = 0;
    for (const notice of notices) {
      if (this.has(notice.meta.docId)) throw new Error(`notice already indexed: ${notice.meta.docId}`);
      const chunks = chunksOf(notice);
      const batch = 256;
      for (let i = 0; i < chunks.length; i += batch) {
        const slice = chunks.slice(i, i + batch);
        const vectors = await this.embeddings.embedDocuments(slice.map(embedText));
        await this.vectors.addVectors(
          vectors,
          slice.map((c) => new Document({ pageContent: c.text, metadata: { id: c.id } })),
        );
      }
      const docs = chunks.map(searchDoc);
      this.bm25.addAll(docs);
      for (const d of docs) {
        for (const t of new Set(indexTokens(`${d.title} ${d.section} ${d.text}`))) this.docFreq.set(t, (this.docFreq.get(t) ?? 0) + 1);
      }
      for (const c of chunks) this.chunks.set(c.id, c);
      this.fingerprints[notice.meta.docId] = noticeFingerprint(notice);
      added += chunks.length;
    }
    return added;
  }

  /** True when the index holds exactly these notices, embedded by this embedder. */
  matches(notices: Notice[]): boolean {
    const want = Object.fromEntries(notices.map((n) => [n.meta.docId, noticeFingerprint(n)]));
    const have = this.fingerprints;
    return (
      Object.keys(want).length === Object.keys(have).length &&
      Object.entries(want).every(([id, fp]) => have[id] === fp)
    );
  }

  /**
   * Saves into a new generation directory, then flips the CURRENT pointer with an
   * atomic rename: a crash at any point leaves the previous index readable.
   */
  async save(indexDir: string): Promise<void> {
    await fs.mkdir(indexDir, { recursive: true });
    const generation = `gen-${Date.now()}-${process.pid}`;
    const dir = path.join(indexDir, generation);
    await fs.mkdir(dir);
    const manifest: Manifest = {
      version: MANIFEST_VERSION,
      embedder: this.embeddings.id,
      createdAt: new Date().toISOString(),
      notices: this.fingerprints,
      chunkCount: this.chunks.size,
    };
    await fs.writeFile(path.join(dir, "chunks.json"), JSON.stringify([...this.chunks.values()]));
    await fs.writeFile(path.join(dir, "bm25.json"), JSON.stringify(this.bm25));
    await fs.writeFile(path.join(dir, "df.json"), JSON.stringify([...this.docFreq]));
    if (this.chunks.size > 0) await this.vectors.save(path.join(dir, "vectors"));
    await fs.writeFile(path.join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
    const previous = await readPointer(indexDir);
    await writeFileAtomic(path.join(indexDir, "CURRENT"), generation);
    if (previous && previous !== generation) {
      await fs.rm(path.join(indexDir, previous), { recursive: true, force: true });
    }
  }

  /** Loads the current generation; null when there is none or it was built by another embedder. */
  static async load(indexDir: string, embeddings: NamedEmbeddings): Promise<KnowledgeIndex | null> {
    const generation = await readPointer(indexDir);
    if (!generation) return null;
    const dir = path.join(indexDir, generation);
    let manifest: Manifest;
    try {
      manifest = JSON.parse(await fs.readFile(path.join(dir, "manifest.json"), "utf8"));
    } catch {
      return null;
    }
    if (manifest.version !== MANIFEST_VERSION || manifest.embedder !== embeddings.id) return null;
    const chunkList: IndexedChunk[] = JSON.parse(await fs.readFile(path.join(dir, "chunks.json"), "utf8"));
    const bm25 = MiniSearch.loadJSON(await fs.readFile(path.join(dir, "bm25.json"), "utf8"), miniSearchOptions());
    const docFreq = new Map<string, number>(JSON.parse(await fs.readFile(path.join(dir, "df.json"), "utf8")));
    const vectors =
      chunkList.length > 0
        ? await HNSWLib.load(path.join(dir, "vectors"), embeddings)
        : new HNSWLib(embeddings, { space: "cosine" });
    return new KnowledgeIndex(
      embeddings,
      new Map(chunkList.map((c) => [c.id, c])),
      bm25,
      vectors,
      manifest.notices,
      docFreq,
    );
  }
}

async function readPointer(indexDir: string): Promise<string | null> {
  try {
    const name = (await fs.readFile(path.join(indexDir, "CURRENT"), "utf8")).trim();
    return /^gen-[\w-]+$/.test(name) ? name : null;
  } catch {
    return null;
  }
}

/** Serialises index writers across processes (two `ingest` runs at once). */
export async function withIndexLock<T>(indexDir: string, fn: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  await fs.mkdir(indexDir, { recursive: true });
  const lock = path.join(indexDir, "LOCK");
  const started = Date.now();
  for (;;) {
    try {
      const handle = await fs.open(lock, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const stale = await lockIsStale(lock);
      if (stale) {
        await fs.rm(lock, { force: true });
        continue;
      }
      if (Date.now() - started > timeoutMs) throw new Error(`index is locked by another process: ${lock}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lock, { force: true });
  }
}

async function lockIsStale(lock: string): Promise<boolean> {
  try {
    const pid = Number(await fs.readFile(lock, "utf8"));
    if (!Number.isInteger(pid) || pid <= 0) return true;
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ESRCH" || (err as NodeJS.ErrnoException).code === "ENOENT";
  }
}
