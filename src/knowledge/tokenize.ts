import { Jieba } from "@node-rs/jieba";
import { dict, idf as idfBytes } from "@node-rs/jieba/dict.js";
import { domainDictionary } from "./domain-words.ts";
import { querySynonyms } from "./synonyms.ts";

let jieba: Jieba | undefined;
function segmenter(): Jieba {
  if (jieba) return jieba;
  jieba = Jieba.withDict(dict);
  jieba.loadDict(domainDictionary());
  return jieba;
}

/** Words that carry no content in a question or a notice. */
const STOPWORDS = new Set(
  "的 了 是 有 和 与 或 及 在 为 等 以 对 把 被 将 由 于 其 之 也 都 而 并 就 还 要 吗 呢 吧 啊 呀 嘛 么 个 这 那 该 此 各 每 我 你 他 她 它 们 我们 你们 请 请问 一下 一个 什么 多少 怎么 怎样 如何 哪些 哪个 哪里 哪 几 谁 是否 能否 可以 能 会 需要 应该 应当 得 地 着 过 上 下 中 内 外 里 后 前 时候 意思 指 是不是 有没有 还是 要求"
    .split(" ")
    .concat("a an the is are was be to of for in on at by and or what how when who which where why can could do does did i we you my our your please hi hello thanks thank about need want".split(" ")),
);
/** Question words excluded from coverage only (they stay searchable). */
const QUESTION_WORDS = new Set(["要求", "情况", "规定", "内容", "方面", "相关", "具体", "主要", "申报", "项目", "企业", "问题", "知道", "了解", "想", "我们", "公司"]);

const PUNCT = /^[\s\p{P}\p{S}]+$/u;
const CJK_RUN = /[\u3400-\u9fff]+/g;

export function foldWidth(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .toLowerCase();
}

/** Content words (jieba, search mode) without stopwords or punctuation. */
export function words(text: string): string[] {
  return segmenter()
    .cutForSearch(foldWidth(text), true)
    .map((w) => w.trim())
    .filter((w) => w !== "" && !PUNCT.test(w) && !STOPWORDS.has(w));
}

/** Dictionary-only cut (no HMM guesses), for re-reading words the HMM made up. */
export function cutWithoutHmm(text: string): string[] {
  return segmenter().cut(text, false);
}

/**
 * Part of speech of each word of a text (jieba's tagger, dictionary plus HMM), after width
 * folding. Sub-words that cutForSearch yields inside a tagged word inherit its tag.
 */
export function tagsOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const { word, tag } of segmenter().tag(foldWidth(text), true)) {
    const w = word.trim();
    if (w !== "" && !out.has(w)) out.set(w, tag);
  }
  return out;
}

/** Character bigrams of CJK runs: recall for words jieba cuts differently (「营收要」). */
export function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const m of foldWidth(text).matchAll(CJK_RUN)) {
    const run = m[0];
    for (let i = 0; i + 1 < run.length; i++) out.push(`${run[i]}${run[i + 1]}`);
  }
  return out;
}

/** Index-side tokens: words plus bigrams. */
export function indexTokens(text: string): string[] {
  return [...words(text), ...bigrams(text)];
}

export interface WeightedQuery {
  terms: string[];
  weights: Map<string, number>;
  /** Content words of the question, for coverage (answerability). */
  content: string[];
  /** For each content word, the synonyms that also count as finding it. */
  alternatives: Map<string, string[]>;
}

/** Query-side tokens with weights: words 1, bigrams 0.35, synonym expansions 0.6. */
export function queryTokens(question: string): WeightedQuery {
  const weights = new Map<string, number>();
  const add = (t: string, w: number) => weights.set(t, Math.max(weights.get(t) ?? 0, w));
  const ws = words(question);
  for (const w of ws) add(w, 1);
  for (const b of bigrams(question)) add(b, 0.35);
  const folded = foldWidth(question);
  const alternatives = new Map<string, string[]>();
  for (const [key, expansions] of querySynonyms) {
    if (!folded.includes(key)) continue;
    for (const e of expansions) for (const t of indexTokens(e)) add(t, 0.6);
    alternatives.set(key, [...expansions]);
  }
  const content = [...new Set(ws.filter((w) => !QUESTION_WORDS.has(w) && (w.length > 1 || /[a-z0-9]/.test(w))))];
  // Keep the longest forms: cutForSearch yields both 成熟 and 成熟度.
  const longest = content.filter((w) => !content.some((o) => o !== w && o.includes(w)));
  for (const w of longest) {
    // A term of art holding the key (研发费用加计扣除 ⊃ 研发费用) is another thing: its pieces' synonyms are not its own.
    const alts = [...alternatives].filter(([k]) => k.includes(w) || (w.includes(k) && [...w].length - [...k].length <= 2)).flatMap(([, v]) => v);
    if (alts.length > 0) alternatives.set(w, alts);
  }
  return { terms: [...weights.keys()], weights, content: longest, alternatives };
}

let generalIdf: Map<string, number> | undefined;
/** jieba's general-purpose IDF table, shipped with the package (no download). */
export function generalIdfTable(): Map<string, number> {
  if (generalIdf) return generalIdf;
  generalIdf = new Map();
  for (const line of Buffer.from(idfBytes).toString("utf8").split("\n")) {
    const sp = line.lastIndexOf(" ");
    if (sp > 0) generalIdf.set(line.slice(0, sp), Number(line.slice(sp + 1)));
  }
  return generalIdf;
}

/** The words of a text in order with their part of speech (jieba's tagger, dictionary plus HMM), after width folding. */
export function taggedWords(text: string): Array<{ word: string; tag: string }> {
  return segmenter()
    .tag(foldWidth(text), true)
    .map(({ word, tag }) => ({ word: word.trim(), tag }))
    .filter((t) => t.word !== "");
}
