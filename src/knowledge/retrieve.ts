import type { IndexedChunk, KnowledgeIndex } from "./index-store.ts";
import { queryTokens, type WeightedQuery } from "./tokenize.ts";

export type RetrievalMode = "hybrid" | "bm25" | "vector";

export interface Hit {
  chunk: IndexedChunk;
  /** 0..1, comparable across modes: 1 means ranked first by every method used. */
  score: number;
}

const CANDIDATES = 40;
/** Reciprocal-rank-fusion constant (Cormack et al. use 60; small corpora do better lower). */
// Tuned with scripts/dev/tune.ts on the dev set plus test/fixtures paraphrases.
export const fusionDefaults = { rrfK: 20, vectorWeight: 0.5 };

/**
 * Terms found in most passages barely move BM25 scores but dominate its cost on a large
 * corpus (every posting is scored): keep them only when nothing rarer is asked.
 */
const COMMON_SHARE = { word: 0.12, other: 0.04 };
const MIN_TERMS = 3;

export function pruneTerms(index: KnowledgeIndex, query: WeightedQuery): string[] {
  const ranked = query.terms.map((t) => ({ t, share: index.docShare(t), word: query.weights.get(t) === 1 }));
  const kept = ranked.filter((x) => x.share <= (x.word ? COMMON_SHARE.word : COMMON_SHARE.other));
  if (kept.length >= MIN_TERMS) return kept.map((x) => x.t);
  return ranked
    .sort((a, b) => a.share - b.share)
    .slice(0, MIN_TERMS)
    .map((x) => x.t);
}

export function bm25Ranking(index: KnowledgeIndex, query: WeightedQuery, k = CANDIDATES): string[] {
  const terms = pruneTerms(index, query);
  if (terms.length === 0) return [];
  return index.bm25
    .search(terms.join(" "), {
      boost: { title: 0.3, section: 1.2, text: 1 },
      boostTerm: (term: string) => query.weights.get(term) ?? 1,
      combineWith: "OR",
    })
    .slice(0, k)
    .map((r) => String(r.id));
}

export async function vectorRanking(index: KnowledgeIndex, question: string, k = CANDIDATES): Promise<string[]> {
  const count = index.chunks.size;
  if (count === 0) return [];
  const vector = await index.embeddings.embedQuery(question);
  const results = await index.vectors.similaritySearchVectorWithScore(vector, Math.min(k, count));
  return results.map(([doc]) => String(doc.metadata.id));
}

export async function retrieve(
  index: KnowledgeIndex,
  question: string,
  options: { mode?: RetrievalMode; k?: number; rrfK?: number; vectorWeight?: number } = {},
): Promise<{ hits: Hit[]; query: WeightedQuery }> {
  const mode = options.mode ?? "hybrid";
  const k = options.k ?? 5;
  const RRF_K = options.rrfK ?? fusionDefaults.rrfK;
  const query = queryTokens(question);
  const rankings: Array<[string[], number]> = [];
  if (mode !== "vector") rankings.push([bm25Ranking(index, query), 1]);
  if (mode !== "bm25") rankings.push([await vectorRanking(index, question), options.vectorWeight ?? fusionDefaults.vectorWeight]);

  const fused = new Map<string, number>();
  for (const [ids, weight] of rankings) {
    ids.forEach((id, rank) => fused.set(id, (fused.get(id) ?? 0) + weight / (RRF_K + rank + 1)));
  }
  const best = rankings.reduce((s, [, w]) => s + w / (RRF_K + 1), 0);
  const hits = [...fused]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .flatMap(([id, s]) => {
      const chunk = index.chunks.get(id);
      return chunk ? [{ chunk, score: Math.round((s / best) * 1000) / 1000 }] : [];
    });
  return { hits, query };
}
