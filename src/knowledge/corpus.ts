import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { noticeMetaSchema, type NoticeMeta } from "./notice-meta.ts";

export interface Notice {
  meta: NoticeMeta;
  /** The notice text exactly as published (extracted), never edited. */
  text: string;
}

export const noticesDir = (corpusDir: string) => path.join(corpusDir, "notices");

export const sha256 = (s: string | Buffer) => createHash("sha256").update(s).digest("hex");

/** Every notice in the corpus: `<docId>.txt` (verbatim text) with `<docId>.json` (metadata). */
export async function loadCorpus(corpusDir: string): Promise<Notice[]> {
  const dir = noticesDir(corpusDir);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  const notices: Notice[] = [];
  for (const name of names.filter((n) => n.endsWith(".json")).sort()) {
    const docId = name.slice(0, -".json".length);
    const metaRaw = JSON.parse(await fs.readFile(path.join(dir, name), "utf8"));
    const meta = noticeMetaSchema.parse({ ...metaRaw, docId: metaRaw.docId ?? docId });
    const text = await fs.readFile(path.join(dir, `${docId}.txt`), "utf8");
    notices.push({ meta: { ...meta, sha256: meta.sha256 ?? sha256(text) }, text });
  }
  return notices;
}

/** Writes a file so that readers see either the old or the new content, never half. */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, file);
}

/** Adds a notice: text first, metadata last (the loader only sees notices with metadata). */
export async function writeNotice(corpusDir: string, notice: Notice): Promise<void> {
  const dir = noticesDir(corpusDir);
  await fs.mkdir(dir, { recursive: true });
  await writeFileAtomic(path.join(dir, `${notice.meta.docId}.txt`), notice.text);
  await writeFileAtomic(path.join(dir, `${notice.meta.docId}.json`), `${JSON.stringify(notice.meta, null, 2)}\n`);
}

export async function removeNotice(corpusDir: string, docId: string): Promise<void> {
  const dir = noticesDir(corpusDir);
  await fs.rm(path.join(dir, `${docId}.json`), { force: true });
  await fs.rm(path.join(dir, `${docId}.txt`), { force: true });
}
