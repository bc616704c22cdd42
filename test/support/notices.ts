import { readFileSync } from "node:fs";
import path from "node:path";
import type { Program } from "../../src/flows/eligibility/index.ts";
import { noticeMetaSchema, type NoticeMeta } from "../../src/knowledge/notice-meta.ts";

const NOTICES = path.resolve(import.meta.dirname, "../../corpus/notices");

/** Verbatim means: equal after removing all whitespace and markdown bold markers. */
export const squash = (s: string) => s.replace(/\*\*/g, "").replace(/\s+/g, "");

export interface Notice {
  meta: NoticeMeta;
  /** Squashed text per 文号: the notice's own part, and each forwarded part. */
  byDocNumber: Map<string | null, string>;
}

export function loadNotice(docId: string): Notice {
  const meta = noticeMetaSchema.parse(JSON.parse(readFileSync(path.join(NOTICES, `${docId}.json`), "utf8")));
  const lines = readFileSync(path.join(NOTICES, `${docId}.txt`), "utf8").split("\n");
  const starts = meta.parts.map((p) => {
    const i = lines.findIndex((l) => l.trim() === p.startsAt);
    if (i < 0) throw new Error(`${docId}: part start not found: ${p.startsAt}`);
    return i;
  });
  const byDocNumber = new Map<string | null, string>();
  byDocNumber.set(meta.docNumber, squash(lines.slice(0, starts[0] ?? lines.length).join("\n")));
  meta.parts.forEach((p, k) => {
    byDocNumber.set(p.docNumber, squash(lines.slice(starts[k], starts[k + 1] ?? lines.length).join("\n")));
  });
  return { meta, byDocNumber };
}

export const notices = new Map(
  ["fj-2018-industrial-internet-opinion", "fj-2023-cross-industry-platform", "fj-2024-integration", "fj-2025-smart-factory-advanced", "jl-2020-demo"].map(
    (id) => [id, loadNotice(id)] as const,
  ),
);

export function noticeOf(program: Program): Notice {
  const n = notices.get(program.noticeId);
  if (!n) throw new Error(`no notice ${program.noticeId}`);
  return n;
}
