import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { OpenAIEmbeddings } from "@langchain/openai";
import type { Config } from "../shared/config.ts";
import { canonicalForms } from "./synonyms.ts";
import { bigrams, generalIdfTable, words } from "./tokenize.ts";

export interface NamedEmbeddings extends EmbeddingsInterface {
  /** Identifies the vector space: an index built with another id must be rebuilt. */
  readonly id: string;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Offline default: signed feature hashing of jieba words (weighted by jieba's shipped
 * general IDF, sublinear tf) and CJK bigrams into a dense unit vector. No model
 * download, deterministic, the same on every machine; synonyms are folded to the
 * notices' canonical words first. A semantic model plugs in through the
 * OpenAI-compatible provider.
 */
export class HashingEmbeddings extends Embeddings implements NamedEmbeddings {
  readonly dimensions: number;
  readonly id: string;

  constructor(params: EmbeddingsParams & { dimensions?: number } = {}) {
    super(params);
    this.dimensions = params.dimensions ?? 512;
    this.id = `hashing-v1-${this.dimensions}`;
  }

  vector(text: string): number[] {
    let canonical = text;
    for (const [re, to] of canonicalForms) canonical = canonical.replace(re, to);
    const idf = generalIdfTable();
    const tf = new Map<string, number>();
    for (const w of words(canonical)) tf.set(`w:${w}`, (tf.get(`w:${w}`) ?? 0) + 1);
    for (const b of bigrams(canonical)) tf.set(`b:${b}`, (tf.get(`b:${b}`) ?? 0) + 1);
    const v = new Float64Array(this.dimensions);
    for (const [feature, count] of tf) {
      const isWord = feature.startsWith("w:");
      const term = feature.slice(2);
      const weight = (1 + Math.log(count)) * (isWord ? (idf.get(term) ?? 12) : 4);
      const h = fnv1a(feature);
      v[h % this.dimensions]! += h & 0x80000000 ? -weight : weight;
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return Array.from(v, (x) => x / norm);
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => this.vector(d));
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.vector(document);
  }
}

class NamedOpenAIEmbeddings extends OpenAIEmbeddings implements NamedEmbeddings {
  readonly id: string;
  constructor(config: Config) {
    super({
      model: config.EMBEDDINGS_MODEL!,
      apiKey: config.EMBEDDINGS_API_KEY ?? "not-needed",
      ...(config.EMBEDDINGS_DIMENSIONS ? { dimensions: config.EMBEDDINGS_DIMENSIONS } : {}),
      configuration: config.EMBEDDINGS_BASE_URL ? { baseURL: config.EMBEDDINGS_BASE_URL } : {},
    });
    this.id = `openai:${config.EMBEDDINGS_BASE_URL ?? "default"}:${config.EMBEDDINGS_MODEL}`;
  }
}

export function createEmbeddings(config: Config): NamedEmbeddings {
  if (config.EMBEDDINGS_PROVIDER === "openai") return new NamedOpenAIEmbeddings(config);
  return new HashingEmbeddings(config.EMBEDDINGS_DIMENSIONS ? { dimensions: config.EMBEDDINGS_DIMENSIONS } : {});
}
