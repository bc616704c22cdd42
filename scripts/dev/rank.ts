// Dev aid: shows each method's top passages for one question (npx tsx scripts/dev/rank.ts "问题").
import { loadCorpus } from "../../src/knowledge/corpus.ts";
import { HashingEmbeddings } from "../../src/knowledge/embeddings.ts";
import { KnowledgeIndex } from "../../src/knowledge/index-store.ts";
import { bm25Ranking, vectorRanking } from "../../src/knowledge/retrieve.ts";
import { queryTokens } from "../../src/knowledge/tokenize.ts";

const q = process.argv[2]!;
const notices = await loadCorpus("corpus");
const index = await KnowledgeIndex.build(notices, new HashingEmbeddings());
const query = queryTokens(q);
console.log("terms", query.terms.join(" "), "\ncontent", query.content);
const show = (ids: string[]) => ids.slice(0, 6).map((id) => `  ${id} ${index.chunks.get(id)!.section} | ${index.chunks.get(id)!.text.slice(0, 60)}`).join("\n");
console.log("bm25\n" + show(bm25Ranking(index, query)));
console.log("vector\n" + show(await vectorRanking(index, q)));
