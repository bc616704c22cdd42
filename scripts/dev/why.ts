// Dev aid: the hybrid hits and their coverage for one question.
import { coverage } from "../../src/knowledge/answer.ts";
import { loadCorpus } from "../../src/knowledge/corpus.ts";
import { HashingEmbeddings } from "../../src/knowledge/embeddings.ts";
import { KnowledgeIndex } from "../../src/knowledge/index-store.ts";
import { retrieve } from "../../src/knowledge/retrieve.ts";

const q = process.argv[2]!;
const index = await KnowledgeIndex.build(await loadCorpus("corpus"), new HashingEmbeddings());
const { hits, query } = await retrieve(index, q, { k: 8 });
for (const h of hits) {
  const c = h.chunk;
  console.log(h.score, coverage(query, `${c.title} ${c.noticeTitle} ${c.docNumber ?? ""} ${c.section} ${c.text}`).toFixed(2), c.id, c.section, "|", c.text.slice(0, 50));
}
