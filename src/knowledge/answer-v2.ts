import {
  deadlineNote,
  isBlankForm,
  sanitizeQuestion,
  toCitation,
  type Answer,
  type AnswerContext,
  type RefusalReason,
  type AskOptions,
} from "./answer.ts";
import type { IndexedChunk, KnowledgeIndex } from "./index-store.ts";
import type { NoticeMeta } from "./notice-meta.ts";
import { askCue, askHeads, askOf, foldAnotA, outOfScope, withoutAsides, withoutOwnFigures, withoutSituation, sectionFits, askUnit, ATTRIBUTE_CUES, carriesAsk, FILLER, askerYears, isLevelWord, ISSUED_DATE, issuerLevel, levelNamed, levelsIn, placesIn, programYears, type Ask, type Level } from "./question-analysis.ts";
import { containingPlaces } from "./places.ts";
import { retrieve, type Hit } from "./retrieve.ts";
import { normalizeForMatch } from "./text-clean.ts";
import { qaTexts } from "./texts.ts";
import { domainWords } from "./domain-words.ts";
import { aboutQuestion, compoundsOf, type Compound, DISTINCT, inPassing, namesOtherProgram, programsNamed, RARE, standingOf, type NoticeView } from "./topic-phrases.ts";
import { bigrams, cutWithoutHmm, foldWidth, generalIdfTable, queryTokens, tagsOf, words, type WeightedQuery } from "./tokenize.ts";

/**
 * Topic coverage a passage needs for each outcome. Tuned with scripts/dev/tune-v2.ts on
 * the tuning half of test/fixtures/qa only; the benchmark reports the validation half.
 */
export const OUTCOME_THRESHOLDS = { answer: 0.6, passages: 0.5, sentence: 0.5 };
/** Score gap within which a second passage of the same notice is quoted with the answer. */
const RUNNER_UP_MARGIN = 0.08;
/** Notices besides the best one quoted when the question names none and their own clauses answer it about as well. */
const OTHER_NOTICES = 2;
/** Score gap within which another notice's answering clause is quoted for a question naming no notice (tuning data). */
export const OTHER_NOTICE_MARGIN = { value: 0.2 };
/** Passages quoted whole under 「通知中最相关的原文如下」. */
const PASSAGES_SHOWN = 2;
/** Longest passage excerpt quoted whole (chunks are ≤ ~360 characters). */
const EXCERPT_CHARS = 320;
/** How many retrieved passages compete to carry the answer. */
const POOL = 12;
/** Weight, inside a notice, of topic words its title already carries, when choosing the sentence (grid-v2.ts --weights). */
export const TITLE_SHADE = { value: 0.3 };
/** Score a passage gains in the section where notices put the asked kind of fact. */
const SECTION_FITS = 0.05;
/** Questions asking how to apply or get something done. */
const HOW_TO_APPLY = /怎么(报|申报|申请|办理?)|如何(申报|申请|办理)|流程(怎么|是什么|有哪些)|怎么走|去哪里?办|在哪里?办|到哪里?办/;
/** A sentence deferring a matter to another notice. */
const SEPARATELY = /另行(通知|发文|部署|组织|下达|公布)|另文(通知|部署)/;
/** Score a passage loses when it does not name the question's place, only its notice names a division containing it. */
const PLACE_CONTAINED = 0.3;
/** Share of the question's topic found in a notice's title for the question to name that notice. */
const NAMED_NOTICE = 0.5;

/** Single characters that carry no topic even when left over from a re-cut word. */
const SINGLE_FILLER = new Set([..."的了是有和与或及在为等以对把被将由于其之也都而并就还要吗呢吧啊呀嘛么个这那该此各每我你他她它们请能会得地着过上下中内外里后前才行先没评交报写填给拿多少大小高低新老好想企够"]);
const DOMAIN = new Set(domainWords.map((w) => w.toLowerCase()));
/** A phone number as the asker types it (0771-5880111). */
const PHONE_NUMBER = /^\d{3,4}-\d{7,8}$/;
/** A Latin name (DCMM, PLC, Excel), digits allowed after its first letter. */
const LATIN_WORD = /^[a-z][a-z0-9+-]*$/i;
/** A token of Latin letters and digits (Excel, 5G): alone it names a format or a tool, not a thing the notices are about. */
const LATIN_TOKEN = /^(?=.*[a-z])[a-z0-9+-]+$/i;
/** General-language rarity: jieba's IDF; our domain words are common in notices, figures say little alone. */
function idfOf(w: string): number {
  // Figures and phone numbers say little alone; a Latin name is fairly rare.
  if (/^[\d.]+$/.test(w) || PHONE_NUMBER.test(w)) return 6;
  if (LATIN_WORD.test(w)) return 7;
  return generalIdfTable().get(w) ?? (DOMAIN.has(w) ? 8 : 11);
}
/** Text for matching: width folded, and one or two characters in brackets joined to their word (市（州） → 市州, 首台（套） → 首台套). */
const norm = (s: string) => normalizeForMatch(foldWidth(s).replace(/\(([\u4e00-\u9fa5]{1,2})\)/g, "$1"));

export interface TopicWord {
  word: string;
  weight: number;
  alternatives: string[];
  /** A name of a thing (noun, verbal noun, unknown word), not a verb or adjective: may be the question's most specific term. */
  noun: boolean;
  /** Found only whole (or by an alternative), never by its pieces. */
  whole?: boolean;
}

/**
 * Parts of speech that carry no topic: pronouns and question words (这块, 哪个, 什么样),
 * adverbs, prepositions, conjunctions, particles, measure words, interjections (e; not eng: DCMM, PLC
 * are names).
 */
const NO_TOPIC_TAGS = /^(r|d|p|c|u|y|e(?!ng)|o|q|f|t|z)/;
/** Verbs and adjectives: a passage often says them in other words (发到 ↔ 发至, 交 ↔ 报送). */
const VERB_TAGS = /^(v(?!n)|a(?!n))/;
/**
 * Nouns that name an aspect of the thing asked about, not the thing (年限 of 「涉黑的年限」, 分类 of
 * 「设备怎么分类」): a passage states the aspect in its own words (近三年, 四类), so they weigh as verbs
 * and are never the question's most specific term.
 */
const ASPECT_WORDS = new Set(
  "年限 时限 期限 分类 类型 种类 类别 方式 形式 流程 程序 步骤 环节 上限 下限 封顶 额度 幅度 频次 频率 次数 口径 细则 模板 样式 讲究 事项 注意事项 要点 内容 情况 结果 标准 规则 办法 后果 处罚 影响 纸质 纸质版 纸件".split(" "),
);
/** A verb with a directional or potential complement (交上来, 报上去, 拿回来; 对不上, 报得了, 赶不及). */
const DIRECTED = /^[\u4e00-\u9fa5](上来|上去|下来|下去|过来|过去|出来|出去|进来|进去|起来|回来|回去)$|^[\u4e00-\u9fa5][不得](上|了|到|下|起|来|去|出|动|完|住|开|成|及|够)$/;
/** Weight of a verb or adjective relative to a noun of the same rarity (grid-v2.ts --weights). */
export const VERB_WEIGHT = { value: 0.5 };

/** The tag of a word of the question, or of the tagged word that contains it (sub-words of cutForSearch). */
function tagOf(word: string, tags: Map<string, string>): string | undefined {
  const own = tags.get(word);
  if (own) return own;
  for (const [w, t] of tags) if (w.includes(word)) return t;
  return undefined;
}

/** The question's topic: content words less filler, ask words and place names. */
export function topicWords(query: WeightedQuery, places: string[], ask: Ask = "other", question = ""): TopicWord[] {
  const cue = askCue(ask);
  const table = generalIdfTable();
  const tags = question ? tagsOf(question) : new Map<string, string>();
  // HMM guesses such as 「套才行」「要交」「先报」 glue filler to a character: re-cut them by the dictionary.
  // A single character left over (「退」 of 「会退」) may be the verb asked about: kept, weighing little.
  const words = query.content.flatMap((w) => (table.has(w) || DOMAIN.has(w) || !/[\u4e00-\u9fa5]/.test(w) ? [w] : cutWithoutHmm(w)));
  // 「办公地址」「咨询电话」: a word that only says which address or phone is meant is part of the ask.
  const askModifiers = new Set([...question.matchAll(/([\u4e00-\u9fa5]{2})(?=地址|电话|邮箱|号码|网址)/g)].map((m) => m[1]!));
  // 「哪个处室」「什么报告」: the noun the question word governs is what is asked (askUnit, carriesAsk read it), not topic.
  const heads = new Set(question ? askHeads(question) : []);
  // 「2024年3月才注册的」: a year with a month dates the asker's own event; it weighs as a verb.
  const ownYears = askerYears(question);
  // 「哪些类型的企业」「什么方式」: an aspect the question word governs is the ask too.
  for (const m of question.matchAll(/(?:哪些|哪种|哪类|哪几种|什么|啥)(?:样的|的)?([\u4e00-\u9fa5]{2})/g)) if (ASPECT_WORDS.has(m[1]!)) heads.add(m[1]!);
  return [...new Set(words)]
    // 「联系邮箱」「咨询电话」 of an e-mail or phone asked: the evidence tells them apart, the word is part of the ask.
    .filter((w) => !(askModifiers.has(w) && (ask === "email" || ask === "contact")))
    // 「谁制定的」: the verb of authorship is the ask (the cover says 「…编制」).
    .filter((w) => !(ask === "responsible" && /^(编制|制定|起草|编写|拟定|编)$/.test(w)))
    .filter((w) => !FILLER.has(w) && !heads.has(w) && !isLevelWord(w) && !/^(几|多少|哪)/.test(w) && !(cue && cue.test(w) && !ATTRIBUTE_CUES.test(w)) && !places.some((p) => p.includes(w) || w.includes(p)) && !/^[a-z0-9]$/.test(w))
    .filter((w) => [...w].length > 1 || (/[\u4e00-\u9fa5]/.test(w) && !SINGLE_FILLER.has(w)))
    .flatMap((word) => {
      // Attributes (收入, 投入) are what the fact is about, whatever the tagger guesses.
      const tag = DOMAIN.has(word) || ATTRIBUTE_CUES.test(word) ? "n" : (tagOf(word, tags) ?? "n");
      // Numerals in words (一年, 多少, 三件) carry nothing; figures written in digits do.
      // 「那张表」「这项」: a demonstrative with its measure word points, it names nothing.
      if (/^[这那哪][张个份项条栏类种块些样]$/.test(word)) return [];
      // Two Latin letters (IT, AI, PC) are too short to name anything the notices would repeat.
      if (tag === "eng" && word.length <= 2) return [];
      if (NO_TOPIC_TAGS.test(tag) || (tag === "m" && !/\d/.test(word)) || /^[一二两三四五六七八九十百千万几]+[个件家项人名次套台户年月天位篇张本]$/.test(word)) return [];
      // 「拿过」「交了」: a verb glued to its aspect particle by the HMM, whatever its tag.
      // A percentage is mostly the asker's own (「研发占比3%」), seldom the notice's threshold: it weighs as a verb.
      // 「交上来」「发过来」: a verb with a directional complement, whatever the tagger calls it (l).
      // A phone number the asker quotes is what they ask about, not a name a notice must hold.
      const verb = VERB_TAGS.test(tag) || DIRECTED.test(word) || PHONE_NUMBER.test(word) || askModifiers.has(word) || /^[\u4e00-\u9fa5][了过着]$/.test(word) || ASPECT_WORDS.has(word) || /^[\d.]+[%％]$/.test(word) || ownYears.has(word);
      const weight = ([...word].length === 1 ? 2 : idfOf(word)) * (verb ? VERB_WEIGHT.value : 1);
      return [{ word, weight, alternatives: query.alternatives.get(word) ?? [], noun: !verb && [...word].length > 1 }];
    });
}

/** How much of one topic word the text holds: 1, or a share of its bigrams for long words. */
const partsCache = new Map<string, string[]>();
/** A long word's dictionary sub-words (数量指标 → 数量, 指标), else its bigrams. */
function partsOf(word: string): string[] {
  let parts = partsCache.get(word);
  if (!parts) {
    const sub = [...new Set(words(word).filter((w) => w !== word && [...w].length >= 2))];
    parts = sub.length >= 2 ? sub : bigrams(word);
    if (partsCache.size > 10_000) partsCache.clear();
    partsCache.set(word, parts);
  }
  return parts;
}

function wordFound(t: TopicWord, hay: string, partial = 0.8): number {
  if ([t.word, ...t.alternatives].some((a) => hay.includes(norm(a)))) return 1;
  const parts = partsOf(t.word);
  if (t.word.length < 3 || parts.length === 0) return 0;
  const share = parts.filter((p) => hay.includes(p)).length / parts.length;
  return share >= 0.5 ? share * partial : 0;
}

/** IDF-weighted share of topic words found in the text; long words may match in part (bigrams). */
export function topicCoverage(topic: TopicWord[], text: string): number {
  const hay = norm(text);
  let total = 0;
  let found = 0;
  for (const t of topic) {
    total += t.weight;
    found += t.weight * wordFound(t, hay, t.whole ? 0 : 0.8);
  }
  return total === 0 ? 0 : found / total;
}

/**
 * Whether the question's most specific term is in the text: the rarest word of three or more
 * characters (names of things: 信用卡, 专精特新), else the rarest word. Two-character words are
 * often colloquial verbs (先报, 会退) that a passage need not repeat.
 */
export function keepsMostSpecific(topic: TopicWord[], text: string): boolean {
  return specificShare(topic, text) === 1;
}

/** Share of the question's most specific terms (several when they weigh the same) found in the text. */
export function specificShare(topic: TopicWord[], text: string, normalized = false): number {
  // A tier (国家级, 省级) qualifies the thing asked about; the thing is the specific term when there is one.
  const named = topic.filter((t) => t.noun);
  const things = named.filter((t) => !/级$/.test(t.word));
  const nouns = things.length > 0 ? things : named;
  const terms = nouns.filter((t) => [...t.word].length >= 3);
  const pool = terms.length > 0 ? terms : nouns;
  if (pool.length === 0) return 1;
  const max = Math.max(...pool.map((t) => t.weight));
  const hay = normalized ? text : norm(text);
  const top = pool.filter((t) => t.weight >= max);
  return top.filter((t) => wordFound(t, hay, 1) >= 0.5).length / top.length;
}

const noticeLabel = (c: IndexedChunk, meta: NoticeMeta | undefined) =>
  `${c.title} ${c.noticeTitle} ${c.docNumber ?? ""} ${meta?.issuer ?? ""} ${meta?.region ?? ""}`;

interface Sentence {
  s: string;
  i: number;
  endsLine: boolean;
  /** The label of the list item the sentence continues (「（1）企业工业设计中心：」 for its second clause), else "". */
  label: string;
}

/** A list item's label: 「（1）企业工业设计中心：」「2.数字化车间：」, up to the colon. */
const ITEM_LABEL = /^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）.．、]\s*)?([^：:，。；]{2,14})[：:]/;

function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const line of text.split("\n")) {
    const parts = line
      .split(/(?<=[。；！？])/)
      .map((s) => s.trim())
      .filter((s) => s.length > 1);
    const label = ITEM_LABEL.exec(line)?.[1] ?? "";
    parts.forEach((s, k) => out.push({ s, i: out.length, endsLine: k === parts.length - 1, label: k > 0 ? label : "" }));
  }
  return out;
}

/** A sentence that only repeats the notice's title or its own section heading (「（一）集群范围。」) answers nothing. */
function onlyHeading(s: string, section: string, title: string): boolean {
  const bare = norm(s.replace(/^[（(]?[一二三四五六七八九十\d]{1,3}[)）.．、]\s*/, "").replace(/[。；：:]$/, ""));
  return bare.length > 0 && (norm(section).includes(bare) || norm(title) === bare);
}

interface Candidate {
  hit: Hit;
  passageCoverage: number;
  sentence: Sentence;
  sentences: Sentence[];
  evidence: boolean;
  placeOk: boolean;
  specific: boolean;
  /** Share of the topic the notice's title does not carry that the quoted sentence does (1 when the title carries it all). */
  sentenceCoverage: number;
  /** Best topic coverage of one sentence with the notice's title and the section heading: the words must meet in one place. */
  localCoverage: number;
  score: number;
}

/** A list item's number: 「1.」「（2）」「三、」. */
const LIST_ITEM = /^\s*[（(]?[\d一二三四五六七八九十]{1,3}[)）.．、]/;

/**
 * The sentence introducing the list the chosen item belongs to (「有下列情形之一的，不予受理：」): in the
 * passage before the item, or opening the first passage of the same section when the list was split.
 */
function leadInOf(c: Candidate, index: KnowledgeIndex): Sentence | null {
  if (!LIST_ITEM.test(c.sentence.s)) return null;
  for (let i = c.sentence.i - 1; i >= 0; i--) {
    const s = c.sentences[i]!.s;
    if (/[：:]$/.test(s)) return c.sentences[i]!;
    if (!LIST_ITEM.test(s)) return null;
  }
  const chunk = c.hit.chunk;
  const first = (chunksByNotice(index).get(chunk.docId) ?? []).find((x) => x.section === chunk.section);
  if (!first || first.id === chunk.id) return null;
  const opening = sentencesOf(first.text)[0];
  // Only a heading that introduces a list (short, ending in a colon), not a notice's opening paragraph.
  return opening && /[：:]$/.test(opening.s) && opening.s.length <= 40 && LIST_ITEM.test(opening.s) ? { ...opening, i: -1, endsLine: true } : null;
}

/** The sentence(s) to quote: the chosen one, after its list's lead-in, or with its neighbour when it is too short to stand alone. */
function quoteOf(c: Candidate, index: KnowledgeIndex): string {
  const picked = [c.sentence];
  const lead = leadInOf(c, index);
  if (lead) picked.push(lead);
  else if (c.sentence.s.length < 30) {
    const next = c.sentences[c.sentence.i + 1] ?? c.sentences[c.sentence.i - 1];
    if (next) picked.push(next);
  }
  return picked
    .sort((a, b) => a.i - b.i)
    .map((p, k, all) => (k < all.length - 1 && p.endsLine ? `${p.s} ` : p.s))
    .join("");
}

/** The passage, or the sentences around the best one up to EXCERPT_CHARS. */
function excerptOf(c: Candidate): string {
  const all = c.sentences;
  if (all.reduce((n, x) => n + x.s.length, 0) <= EXCERPT_CHARS) return all.map((x, k) => (k < all.length - 1 && x.endsLine ? `${x.s} ` : x.s)).join("");
  let from = c.sentence.i;
  let to = c.sentence.i;
  let size = c.sentence.s.length;
  while (true) {
    const next = all[to + 1];
    const prev = all[from - 1];
    if (next && size + next.s.length <= EXCERPT_CHARS) {
      to++;
      size += next.s.length;
    } else if (prev && size + prev.s.length <= EXCERPT_CHARS) {
      from--;
      size += prev.s.length;
    } else break;
  }
  return all
    .slice(from, to + 1)
    .map((x, k, part) => (k < part.length - 1 && x.endsLine ? `${x.s} ` : x.s))
    .join("");
}

/**
 * Nouns of the question that are no topic (a passage need not hold them to answer) yet tell
 * sentences apart: 名额 of 「占不占名额」 points at the clause 「…不占地方申报名额」 of the notice.
 */
const SENTENCE_CUES = ["名额", "条件", "标准", "门槛", "比例", "金额", "期限", "数量", "范围", "限制", "规定", "字数"];
/** Score a sentence gains when it holds the question's sentence cues (tuning data). */
const SENTENCE_CUE = 0.1;

/** What every program has (材料, 条件 …): a passage holding only these is about no subject of the question (「驾照年审要带什么材料」). */
const GENERIC_ASPECTS = new Set("材料 资料 证明 文件 手续 流程 程序 条件 要求 时间 费用 证件".split(" "));

/** The catch-all of a list of places (「其他市州」「其余各市」「其他县区」). */
const OTHER_PLACES = /(其他|其余)[^，。；]{0,2}(市|州|县|区|地)/;

/** Score a passage gains when its notice (or the part of a forwarding notice it is in) was issued at the level the question names. */
const ISSUER_LEVEL = 0.1;

function bestPair(hit: Hit, topic: TopicWord[], ask: Ask, unit: RegExp | null, places: string[], levels: RegExp[], meta: NoticeMeta | undefined, noticeMatch: number, noticeText: string, cues: string[] = [], level: Level | null = null): Candidate | null {
  const c = hit.chunk;
  // 「省厅的截止时间」 against a city's notice forwarding the province's: the province's part answers.
  const issuedAtLevel = level !== null && issuerLevel(c.title) === level ? ISSUER_LEVEL : 0;
  const label = noticeLabel(c, meta);
  const passageCoverage = topicCoverage(topic, `${label} ${c.section} ${c.text}`);
  // 「企业上市奖励有多少钱」: the attribute asked (奖励 ↔ 补助) alone does not make a passage about the question.
  // A single character left over from a re-cut word (审 of 年审) is in every passage: it makes no subject.
  const subject = topic.filter((t) => !ATTRIBUTE_CUES.test(t.word) && !GENERIC_ASPECTS.has(t.word) && [...t.word].length > 1);
  if (subject.length > 0 && subject.length < topic.length && topicCoverage(subject, `${label} ${c.section} ${c.text}`) === 0) return null;
  const placeHay = norm(`${label} ${c.text}`);
  // A place is covered by a passage naming it or by a notice of a division containing it (绵阳 by a notice of 四川).
  const labelNorm = norm(label);
  const placeNamed = places.every((p) => placeHay.includes(p));
  const placeOk = placeNamed || places.every((p) => placeHay.includes(p) || containingPlaces(p).some((a) => labelNorm.includes(a)));
  // The notice must hold every most specific term (else the question is about something else);
  // the passage, at least half of them (domain words tie: 标识解析 and 二级节点 need not meet in one clause).
  const specific = topic.length === 0 || specificShare(topic, `${norm(label)} ${noticeText}`, true) === 1;
  const specificHere = topic.length === 0 || specificShare(topic, `${label} ${c.section} ${c.text}`) >= 0.5;
  // Words the notice's title already carries select the notice; the sentence must carry the rest.
  const labelHay = norm(label);
  const asked = topic.filter((t) => wordFound(t, labelHay) < 0.5);
  // A form's line may define a term (「活跃开发者为近一个月至少登陆1次平台…」) or limit the words: then it is content.
  const blank = isBlankForm(c.text, { instructionsAreContent: true }) && ask !== "words" && ask !== "definition" ? 0.2 : 0;
  const sentences = sentencesOf(c.text);
  // Title words select the notice; inside it they still tell sentences apart (智能工厂 vs 数字化车间), at a lower weight.
  // They count only whole: the pieces of a title's name (企业 of 企业技术中心) are in most sentences of the notice.
  const shaded = topic.map((t) => (asked.includes(t) ? t : { ...t, weight: t.weight * TITLE_SHADE.value, whole: true }));
  // The section where notices put the asked kind of fact (「申报条件」 for a requirement), outside the application form.
  const fits = passageCoverage >= OUTCOME_THRESHOLDS.answer && !/申报书|附件|附表/.test(c.section) && sectionFits(ask, c.section.split(" > ")[0] ?? "") ? SECTION_FITS : 0;
  let best: Candidate | null = null;
  let localCoverage = 0;
  for (const sentence of sentences) localCoverage = Math.max(localCoverage, topicCoverage(topic, `${label} ${c.section} ${sentence.label} ${sentence.s}`));
  for (const sentence of sentences) {
    if (sentences.length > 1 && onlyHeading(sentence.s, c.section, c.noticeTitle || c.title)) continue;
    const sentCoverage = asked.length > 0 ? topicCoverage(shaded, `${c.section} ${sentence.label} ${sentence.s}`) : 0;
    // An attachment is named by the annex the passage is in (「附件3 …申报书 > …」) as well as by the sentence.
    const evidence = unit ? unit.test(sentence.s) : ask === "definition" ? defines(topic, sentence.s) : carriesAsk(ask, ask === "attachment" ? `${c.section} ${sentence.s}` : sentence.s);
    // 「平潭能推荐多少家」: the sentence naming the place carries that place's figure.
    const inner = places.filter((p) => !labelHay.includes(p));
    // Only a sentence that carries the asked kind of fact gains by naming the place or level.
    // 「其他市州推荐数量各不超过5个」: a place the passage does not list falls under the catch-all of the list.
    const catchAll = inner.length > 0 && inner.every((p) => !c.text.includes(p) && !c.text.includes(p.replace(/[市州县区]$/, ""))) && OTHER_PLACES.test(sentence.s);
    const named = (inner.length > 0 && inner.every((p) => sentence.s.includes(p))) || catchAll || (levels.length > 0 && levels.every((l) => l.test(sentence.s)));
    const placeInSentence = named && (evidence || ask === "other" || ask === "yesno") ? 0.15 : 0;
    const score =
      placeInSentence +
      issuedAtLevel +
      fits +
      0.35 * passageCoverage +
      0.35 * sentCoverage +
      (cues.length > 0 ? (SENTENCE_CUE * cues.filter((w) => sentence.s.includes(w)).length) / cues.length : 0) +
      (evidence && ask !== "other" && ask !== "yesno" ? (ask === "requirement" ? 0.15 : 0.3) : 0) +
      0.2 * noticeMatch +
      0.05 * hit.score -
      // A form's cover names who wrote it (「工业和信息化部编制」): that line is content.
      (ask === "responsible" && /(编制|制定|编印)$/.test(sentence.s) ? 0 : blank) -
      (placeNamed ? 0 : placeOk ? PLACE_CONTAINED : 0.3) -
      (specific && specificHere ? 0 : 0.3);
    const sentenceCoverage = asked.length > 0 ? topicCoverage(asked, `${c.section} ${sentence.label} ${sentence.s}`) : 1;
    if (!best || score > best.score) best = { hit, passageCoverage, sentence, sentences, evidence, placeOk, specific, sentenceCoverage, localCoverage, score };
  }
  return best;
}

/** What follows a term where a sentence defines it. */
const DEFINING = ["为", "是指", "指", "是", "：", ":", "（"];

/** Whether the sentence defines a noun of the question: the noun followed by 为, 是指, 指, a colon or a bracket. */
function defines(topic: TopicWord[], sentence: string): boolean {
  const hay = norm(sentence);
  return topic.some((t) => t.noun && DEFINING.some((d) => hay.includes(norm(t.word) + d)));
}

/**
 * A list asked for: the passage around the best item, or, when each item is a passage of its own
 * (「四、申报材料 > （三）…」), the items of the same parent section in order, up to EXCERPT_CHARS.
 */
function listOf(index: KnowledgeIndex, c: Candidate): string {
  const chunk = c.hit.chunk;
  const cut = chunk.section.lastIndexOf(" > ");
  if (cut < 0 || chunk.text.length > EXCERPT_CHARS / 2) return excerptOf(c);
  const parent = chunk.section.slice(0, cut + 3);
  const siblings = (chunksByNotice(index).get(chunk.docId) ?? []).filter((x) => x.section.startsWith(parent));
  if (siblings.length < 2) return excerptOf(c);
  let out = "";
  for (const x of siblings) {
    if (out.length + x.text.length > EXCERPT_CHARS) break;
    out += (out ? " " : "") + x.text.replace(/\n/g, " ");
  }
  return out.includes(chunk.text.replace(/\n/g, " ")) ? out : excerptOf(c);
}

/** Every passage of the notices the question names (its words in their titles), so none is missed by ranking. */
function namedNoticeHits(ctx: AnswerContext, hits: Hit[], noticeMatch: Map<string, number>): Hit[] {
  const max = Math.max(0, ...noticeMatch.values());
  if (max < NAMED_NOTICE) return hits;
  return withPassagesOf(ctx, hits, [...noticeMatch].filter(([, m]) => m >= max).map(([id]) => id).slice(0, 3));
}

/** The hits and every other passage of the given notices (score 0), so ranking cannot hide them. */
function withPassagesOf(ctx: AnswerContext, hits: Hit[], docIds: string[]): Hit[] {
  const seen = new Set(hits.map((h) => h.chunk.id));
  const extra: Hit[] = [];
  const byNotice = chunksByNotice(ctx.index);
  for (const id of new Set(docIds)) for (const chunk of byNotice.get(id) ?? []) if (!seen.has(chunk.id)) extra.push({ chunk, score: 0 });
  return [...hits, ...extra];
}

/** A value derived from an index, computed once and again when the index grows (ingest adds in place). */
function perIndex<T>(make: (index: KnowledgeIndex) => T): (index: KnowledgeIndex) => T {
  const cache = new WeakMap<KnowledgeIndex, { size: number; value: T }>();
  return (index) => {
    const hit = cache.get(index);
    if (hit && hit.size === index.chunks.size) return hit.value;
    const value = make(index);
    cache.set(index, { size: index.chunks.size, value });
    return value;
  };
}

/** The value memoised under a key of a per-index memo (perIndex of a Map). */
function memoised<T>(memo: Map<string, T>, key: string, make: () => T): T {
  let value = memo.get(key);
  if (value === undefined) {
    value = make();
    memo.set(key, value);
  }
  return value;
}

/** Rare words (general weight ≥ 7) of the indexed notices' titles: a clause holding one names a program. */
const titleWords = perIndex((index) => {
  const out = new Set<string>();
  // Titles repeat on every chunk of a notice: each distinct one is cut once.
  const titles = new Set([...index.chunks.values()].map((c) => `${c.title} ${c.noticeTitle}`));
  for (const title of titles) for (const w of words(foldWidth(title))) if ([...w].length >= 2 && idfOf(w) >= 7) out.add(w);
  return out;
});

/** Whether a clause names a program of the indexed notices (a rare word of a title: 服务型制造, 智能工厂 …). */
function namesANotice(index: KnowledgeIndex, clause: string): boolean {
  const known = titleWords(index);
  return words(foldWidth(clause)).some((w) => known.has(w));
}

/** Headings' labels of the indexed notices (「单点突破类」「平台培育项目」), four to ten characters, longest first. */
const noticeTerms = perIndex((index) => {
  const terms = new Set<string>();
  for (const c of index.chunks.values())
    for (const h of c.section.split(" > ")) {
      const label = h.replace(/^[（(]?[一二三四五六七八九十\d]{1,3}[)）.．、]\s*/, "").split(/[：:。，；（(]/)[0]!.trim();
      if (/^[\u4e00-\u9fa5]{4,10}$/.test(label)) terms.add(foldWidth(label));
    }
  return [...terms].sort((a, b) => b.length - a.length);
});

/**
 * A heading's label the question repeats (「我们报单点突破类的」) is set apart by spaces, so the word
 * cutter cannot glue its first character to the word before (报单 + 点突破).
 */
function isolateNoticeTerms(index: KnowledgeIndex, question: string): string {
  const folded = foldWidth(question);
  let out = question;
  for (const term of noticeTerms(index)) {
    const at = folded.indexOf(term);
    if (at < 0) continue;
    // Only where the cutter would glue it: the character before it is a CJK character.
    if (at === 0 || !/[\u4e00-\u9fa5]/.test(folded[at - 1]!)) continue;
    // Thin spaces: they part words for the cutter, not the asker's compounds (compoundsOf).
    out = `${out.slice(0, at)}\u2009${out.slice(at, at + term.length)}\u2009${out.slice(at + term.length)}`;
    break;
  }
  return out;
}

/** A sentence of the notice deferring the question's main name (its heaviest compound, whole) to another notice. */
function deferralOf(index: KnowledgeIndex, docId: string, compounds: Compound[], best: Candidate | null): { hit: Hit; sentence: string } | null {
  // A name of two words or more found whole in a deferring sentence is the thing deferred, however common its words.
  const names = compounds.filter((k) => k.parts.length >= 2 && [...k.parts.join("")].length >= 4).map((k) => k.parts.join(""));
  if (best && SEPARATELY.test(best.sentence.s) && compounds.some((k) => k.weight >= DISTINCT.value && norm(best.sentence.s).includes(k.parts.join("")))) return { hit: best.hit, sentence: best.sentence.s };
  if (names.length === 0) return null;
  for (const chunk of chunksByNotice(index).get(docId) ?? []) {
    if (!SEPARATELY.test(chunk.text)) continue;
    for (const { s } of sentencesOf(chunk.text)) if (SEPARATELY.test(s) && names.some((n) => norm(s).includes(n))) return { hit: { chunk, score: 0 }, sentence: s };
  }
  return null;
}

/** Asks whose evidence is specific enough to look for through a whole notice (a phone, an e-mail, copies, a destination, a seal, a typeface). */
const TARGETED_ASKS = new Set<Ask>(["contact", "email", "copies", "place", "seal", "format"]);
/** Notices (best first) searched for passages carrying the ask. */
const TARGETED_NOTICES = 2;
const askChunks = perIndex(() => new Map<string, IndexedChunk[]>());
/**
 * Passages of the best-ranked notices that carry the asked kind of fact: a contact line rarely
 * repeats the question's words (「黄剑（工业数据安全标杆企业）0591-…」), so ranking alone may miss it.
 */
function askHits(ctx: AnswerContext, hits: Hit[], ask: Ask): Hit[] {
  if (!TARGETED_ASKS.has(ask)) return hits;
  const memo = askChunks(ctx.index);
  const docs = [...new Set(hits.map((h) => h.chunk.docId))].slice(0, TARGETED_NOTICES);
  const seen = new Set(hits.map((h) => h.chunk.id));
  const extra: Hit[] = [];
  for (const id of docs) {
    const chunks = memoised(memo, `${id}\u0000${ask}`, () => (chunksByNotice(ctx.index).get(id) ?? []).filter((c) => carriesAsk(ask, c.text)));
    for (const chunk of chunks) if (!seen.has(chunk.id)) extra.push({ chunk, score: 0 });
  }
  return [...hits, ...extra];
}

const noticeTexts = perIndex(() => new Map<string, string>());
/** A notice's whole text (sections and passages), normalized once, rebuilt when the index grows. */
function noticeTextOf(index: KnowledgeIndex, docId: string): string {
  return memoised(noticeTexts(index), docId, () => norm((chunksByNotice(index).get(docId) ?? []).map((c) => `${c.section} ${c.text}`).join(" ")));
}

/** Score a passage loses when its notice's title does not name the program the question names and another's does (tuning data). */
const PROGRAM_NOT_NAMED = 0.3;

/** Characters of the question's compounds found verbatim (≥ 3 characters) in a notice's title line. */
function titleNamedChars(compounds: Compound[], label: string): number {
  let n = 0;
  for (const c of compounds) {
    let best = 0;
    for (let i = 0; i < c.parts.length; i++)
      for (let j = i; j < c.parts.length; j++) {
        const span = c.parts.slice(i, j + 1).join("");
        // A year (2025年) names no program; 5G工厂 does.
        if ([...span].length >= 3 && [...span].length > best && !/\d{4}/.test(span) && (span.match(/[\u4e00-\u9fa5]/g)?.length ?? 0) >= 2 && label.includes(span)) best = [...span].length;
      }
    n += best;
  }
  return n;
}

function noticeLabelNorm(index: KnowledgeIndex, docId: string, meta: NoticeMeta | undefined): string {
  const first = chunksByNotice(index).get(docId)?.[0];
  return first ? norm(noticeLabel(first, meta)) : "";
}

/** Longest section heading (numbering stripped) taken as a heading, not a list item's first clause (tuning data). */
const HEADING_CHARS = 12;
const noticeViews = perIndex(() => new Map<string, NoticeView>());
/** A notice's title line, headings and passages (cited titles 《…》 removed), normalized once. */
function noticeViewOf(index: KnowledgeIndex, docId: string, meta: NoticeMeta | undefined): NoticeView {
  return memoised(noticeViews(index), docId, () => {
    const chunks = chunksByNotice(index).get(docId) ?? [];
    return {
      label: chunks[0] ? norm(noticeLabel(chunks[0], meta)) : "",
      // Short headings only: a list item's first clause often becomes its heading (「（一）已获评国家级绿色工厂的企业不再重复申报」).
      headings: norm([...new Set(chunks.flatMap((c) => c.section.split(" > ")))].filter((h) => [...h.replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]?\s*/, "")].length <= HEADING_CHARS).join(" ")),
      passages: [...new Set(chunks.map((c) => c.section))].map((sec) => norm(chunks.filter((c) => c.section === sec).map((c) => c.text).join(" ").replace(/《[^》]*》/g, " "))),
      all: noticeTextOf(index, docId),
    };
  });
}

/** Chunks grouped by notice, rebuilt when the index grows (ingest adds in place). */
const chunksByNotice = perIndex((index) => {
  const map = new Map<string, IndexedChunk[]>();
  for (const c of index.chunks.values()) {
    const list = map.get(c.docId);
    if (list) list.push(c);
    else map.set(c.docId, [c]);
  }
  return map;
});

/** Three outcomes: a quoted answer, the most relevant passages, or a refusal. */
export async function answerV2(
  ctx: AnswerContext,
  rawQuestion: string,
  options: AskOptions & { rrfK?: number; vectorWeight?: number } = {},
): Promise<Answer> {
  const whole = sanitizeQuestion(rawQuestion);
  const asked = withoutOwnFigures(withoutSituation(withoutAsides(whole, (clause) => namesANotice(ctx.index, clause))));
  // 「装备工业处在哪办公」: 在 of 在哪 is no part of the word before it (处在).
  // 「奖多少」: the one-character verb names the attribute asked (奖励), which selects the sentence.
  const question = isolateNoticeTerms(ctx.index, foldAnotA(asked))
    .replace(/(?<=[\u4e00-\u9fa5])(?=在(哪|什么地方|何处))/g, " ")
    .replace(/(?<![奖补])奖(?=多少|几)/g, "奖励")
    // 「多长时间内出报告」: 内 ends the period; the cutter would glue it to the verb after (内出).
    .replace(/(时间|天|日|月|年|期限|周|小时)内(?=[\u4e00-\u9fa5])/g, "$1内 ")
    // 「材料交了还退吗」: 退 alone is cut away as a character; 退还 is how notices say it.
    .replace(/(?<![退减])退(?=吗|么|[？?]|$|给)/g, "退还");
  const top = Math.max(1, options.top ?? 3);
  const { hits, query } = await retrieve(ctx.index, question, { ...options, mode: options.mode ?? "hybrid", k: Math.max(top, POOL) });
  const ask = askOf(asked);
  const places = placesIn(whole);
  // A quota asked for a city (「绵阳能推几个」) is the one every city's office gets when no passage names that city.
  const levels = levelsIn(question, ask === "count" ? places : []);
  const topic = topicWords(query, places, ask, question);
  const cues = SENTENCE_CUES.filter((w) => question.includes(w));
  const level = levelNamed(question);
  // Read before A-not-A folding: 「够不够」 asks for a threshold.
  const unit = askUnit(asked, ask);
  const refusal = (cov: number, refusedBecause: RefusalReason = "low-coverage"): Answer => ({
    question: rawQuestion,
    answerable: false,
    answer: qaTexts.notFound,
    citations: [],
    method: "refusal",
    outcome: "refusal",
    coverage: Math.round(cov * 1000) / 1000,
    refusedBecause,
  });

  const scope = outOfScope(question);
  if (scope) return { ...refusal(0, scope === "results" ? "results-list" : "not-a-question"), answer: scope === "results" ? qaTexts.resultsNotInNotices : qaTexts.notAPolicyQuestion };

  // Notices named by the question (its words in a notice's title, issuer or region).
  const noticeMatch = new Map<string, number>();
  for (const h of hits) {
    const id = h.chunk.docId;
    if (!noticeMatch.has(id)) noticeMatch.set(id, topicCoverage(topic, noticeLabel(h.chunk, ctx.notices.get(id))));
  }
  // Notices only mentioning in passing what the question asks about (another program) do not answer it.
  const compounds = compoundsOf(question, topic, places);
  // The program the question applies for (「专精特新中小企业认定」): a notice not running it is about something else.
  const programs = programsNamed(question, compounds);
  const attributes = topic.filter((t) => ATTRIBUTE_CUES.test(t.word));
  // 「2026年软件专项资金几月开始报」: a program's year (not the asker's own date) later than the notice's.
  const years = programYears(question);
  const laterYear = (view: NoticeView) => {
    if (years.length === 0) return false;
    const own = [...view.label.matchAll(/20\d\d/g)].map((m) => Number(m[0]));
    return own.length > 0 && years.every((y) => y > Math.max(...own));
  };
  const about = new Map<string, boolean>();
  /** Whether the notice is about the question, whatever year the question names. */
  const aboutNoticeIgnoringYear = (docId: string) => {
    let ok = about.get(docId);
    if (ok === undefined) {
      const meta = ctx.notices.get(docId);
      const view = noticeViewOf(ctx.index, docId, meta);
      ok =
        aboutQuestion(compounds, topic, view, (t) => wordFound(t, view.label, 1) >= 1, ask === "yesno" || ask === "requirement" || ask === "duration") &&
        // 「浙江数字化车间认定了有奖励吗」: a notice holding no word of the attribute asked (奖励, 补助, 资金 …) cannot answer it.
        !attributes.some((t) => wordFound(t, view.all, 1) < 0.5) &&
        !namesOtherProgram(programs, view, (w) => {
          const t = topic.find((x) => x.word === w);
          return t ? wordFound(t, view.label, 1) >= 1 || wordFound(t, view.headings, 1) >= 1 : view.label.includes(w) || view.headings.includes(w);
        });
      about.set(docId, ok);
    }
    return ok;
  };
  const aboutNotice = (docId: string) => aboutNoticeIgnoringYear(docId) && !laterYear(noticeViewOf(ctx.index, docId, ctx.notices.get(docId)));
  const holding = new Map<string, number>();
  /** How many notices of the corpus hold a span (only asked for a rare name found once). */
  const noticesHolding = (span: string) => {
    let n = holding.get(span);
    if (n === undefined) {
      n = 0;
      for (const id of chunksByNotice(ctx.index).keys()) if (noticeTextOf(ctx.index, id).includes(span) && ++n > RARE.value) break;
      holding.set(span, n);
    }
    return n;
  };
  /** The passages outcome shows a notice only if no compound of the question is a rare name it holds in passing. */
  // A noun of the question outside that compound naming the notice (首台套 of 「首台套查新报告…」) makes the name a detail of it.
  const passingIn = (docId: string) => {
    if (!compounds.some((c) => c.weight >= DISTINCT.value)) return false;
    const view = noticeViewOf(ctx.index, docId, ctx.notices.get(docId));
    const passing = compounds.filter((c) => inPassing(c, view, noticesHolding));
    if (passing.length === 0) return false;
    const parts = passing.flatMap((c) => c.parts);
    return !topic.some((t) => t.noun && !parts.some((p) => p.includes(t.word) || t.word.includes(p)) && wordFound(t, view.label, 1) >= 1);
  };
  // A follow-up naming no notice (「那电子版交什么格式」) is about the notice the conversation is about: its passages compete.
  // Nothing in the question selects a notice: no place or year, no program applied for, few of its words in a title.
  const unnamed = places.length === 0 && years.length === 0 && programs.length === 0 && Math.max(0, ...noticeMatch.values()) < NAMED_NOTICE;
  const context = unnamed && options.contextNotice && chunksByNotice(ctx.index).has(options.contextNotice) ? options.contextNotice : null;
  const pool = namedNoticeHits(ctx, hits, noticeMatch);
  const pairs = askHits(ctx, context ? withPassagesOf(ctx, pool, [context]) : pool, ask)
    .map((h) => bestPair(h, topic, ask, unit, places, levels, ctx.notices.get(h.chunk.docId), noticeMatch.get(h.chunk.docId) ?? 0, noticeTextOf(ctx.index, h.chunk.docId), cues, level))
    .filter((c): c is Candidate => c !== null);
  // A program the question names verbatim as in some notices' titles (智能工厂 of 「智能工厂申报材料电子版…」):
  // passages of notices whose title does not name it rank below those of notices that do.
  const named = new Map<string, number>();
  for (const c of pairs) {
    const id = c.hit.chunk.docId;
    if (!named.has(id)) named.set(id, titleNamedChars(compounds, noticeLabelNorm(ctx.index, id, ctx.notices.get(id))));
  }
  const mostNamed = Math.max(0, ...named.values());
  if (mostNamed > 0) for (const c of pairs) if ((named.get(c.hit.chunk.docId) ?? 0) < mostNamed) c.score -= PROGRAM_NOT_NAMED;
  // The conversation's notice stands for the program the question does not name.
  const inContext = context !== null && mostNamed === 0;
  if (inContext) for (const c of pairs) if (c.hit.chunk.docId !== context) c.score -= PROGRAM_NOT_NAMED;
  // Nor a level, nor a program in a title, nor the conversation: the asker did not say which notice.
  const namesNoNotice = unnamed && !inContext && mostNamed === 0 && levels.length === 0 && level === null;
  const all = pairs.sort((a, b) => b.score - a.score);
  // A passage qualifies when its notice is about the place named (if any) and it holds the
  // question's most specific word; otherwise the question is about something the notices do not cover.
  // What to hand in (materials, copies) is asked of a notice that takes applications, never of a policy document.
  // So is how to apply (「怎么报」「流程怎么走」「去哪里办」) and by when.
  const handIn = ask === "copies" || (ask === "materials" && /材料|资料|证明|证件|准备|提交|交什么|要交/.test(question)) || HOW_TO_APPLY.test(question) || (ask === "date" && /申报|申请|报名/.test(question));
  const candidates = all.filter((c) => c.placeOk && c.specific && aboutNotice(c.hit.chunk.docId) && !(handIn && ctx.notices.get(c.hit.chunk.docId)?.takesApplications === false));
  /** Which check ruled out the best-ranked passage when none qualifies. */
  const whyNone = (top: Candidate | undefined): RefusalReason =>
    !top ? (hits.length > 0 ? "attribute-only" : "nothing-retrieved") : !top.placeOk ? "place-not-covered" : !top.specific ? "specific-term-missing" : !aboutNotice(top.hit.chunk.docId) ? (laterYear(noticeViewOf(ctx.index, top.hit.chunk.docId, ctx.notices.get(top.hit.chunk.docId))) ? "later-year" : "other-program") : "policy-document";
  // Dev aid (scripts/dev/why-fresh-v2.ts, why-v2.ts): the best candidates and their signals.
  if (process.env.QA_DEBUG) console.error("ask", ask, "places", places.join(","), "topic", topic.map((t) => `${t.word}:${t.weight.toFixed(1)}${t.noun ? "" : "v"}${t.alternatives.length ? "[" + t.alternatives.join("/") + "]" : ""}`).join(" "));
  if (process.env.QA_DEBUG) console.error("compounds", compounds.map((c) => `${c.parts.join("+")}:${c.weight.toFixed(1)}`).join(" "), [...new Set(all.map((c) => c.hit.chunk.docId))].map((d) => `${d}:${aboutNotice(d)}:${compounds.map((c) => standingOf(c, noticeViewOf(ctx.index, d, ctx.notices.get(d)))).join(",")}`).join(" "));
  if (process.env.QA_DEBUG) for (const x of all.slice(0, Number(process.env.QA_DEBUG_TOP ?? 6))) console.error(x.score.toFixed(3), x.evidence, x.placeOk, x.specific, x.passageCoverage.toFixed(2), x.localCoverage.toFixed(2), x.sentenceCoverage.toFixed(2), x.hit.chunk.section.slice(0, 40), "|", x.sentence.s.slice(0, 50));
  const best = candidates[0];
  /** One of the best notices deferring what is asked to another notice, said and quoted; null when none does. */
  const deferral = (cov: number): Answer | null => {
    for (const docId of [...new Set(all.slice(0, POOL).map((x) => x.hit.chunk.docId))].slice(0, 2)) {
      const deferred = deferralOf(ctx.index, docId, compounds, null);
      if (deferred) return { ...refusal(cov, "deferred"), answer: qaTexts.handledSeparately(deferred.hit.chunk.title, deferred.hit.chunk.docNumber, deferred.hit.chunk.section, deferred.sentence), citations: [toCitation(deferred.hit)] };
    }
    return null;
  };
  const refuse = (cov: number, reason: RefusalReason): Answer => deferral(cov) ?? refusal(cov, reason);
  if (!best && years.length > 0 && all[0] && laterYear(noticeViewOf(ctx.index, all[0].hit.chunk.docId, ctx.notices.get(all[0].hit.chunk.docId))) && aboutNoticeIgnoringYear(all[0].hit.chunk.docId)) {
    const latest = all[0].hit.chunk;
    return { ...refusal(0, "later-year"), answer: qaTexts.laterYearNotIndexed(String(Math.max(...years)), latest.noticeTitle || latest.title, latest.docNumber), citations: [toCitation(all[0].hit)] };
  }
  if (!best || (topic.length === 0 && places.length === 0)) return refuse(all[0]?.passageCoverage ?? 0, best ? "names-no-thing" : whyNone(all[0]));
  // The program asked for (「绿色供应链管理企业怎么申报」) is one a best-ranked notice defers to another notice, and the
  // answering notice's title does not name it: the deferral is the answer.
  if (programs.length > 0 && !programs.some((p) => noticeLabelNorm(ctx.index, best.hit.chunk.docId, ctx.notices.get(best.hit.chunk.docId)).includes(p.parts.join("")))) {
    const deferred = deferral(best.passageCoverage);
    if (deferred) return deferred;
  }
  // 「佛山那个项目找谁问」: only a place and the kind of fact asked; the place's notice answers if a sentence carries that fact.
  const placeOnly = topic.length === 0;
  if (placeOnly && (ask === "other" || ask === "yesno" || !best.evidence)) return refuse(0, "place-only");
  const cov = placeOnly ? 1 : best.passageCoverage;
  const local = placeOnly ? 1 : best.localCoverage;
  // Words scattered over a passage (研发 here, 费用 there) are not its topic: they must meet in one sentence.
  if (cov < OUTCOME_THRESHOLDS.passages || local < OUTCOME_THRESHOLDS.passages) return refuse(Math.min(cov, local), "low-coverage");
  // A question naming no thing (only verbs and aspects: 「注册…流程怎么走」) is about a notice only if all its words meet in one sentence.
  // A Latin word alone (Excel of 「excel透视表怎么做」) names a format or a tool, not a thing the notices are about.
  if (topic.length > 0 && !topic.some((t) => t.noun && !LATIN_TOKEN.test(t.word)) && best.localCoverage < 1 && !(best.evidence && ask !== "other" && ask !== "yesno" && cov >= OUTCOME_THRESHOLDS.answer)) return refuse(best.localCoverage, "names-no-thing");

  const c = best.hit.chunk;
  let note = deadlineNote(ctx.notices.get(c.docId), ctx.clock);
  const alsoCited: Hit[] = [];
  // 「意见哪天发的」: the signature date, read at ingest, when no passage of the notice quotes it.
  const issued = ctx.notices.get(c.docId)?.date;
  if (unit === ISSUED_DATE && issued && issued.length === 10 && !best.evidence && best.passageCoverage >= OUTCOME_THRESHOLDS.answer) {
    const meta = ctx.notices.get(c.docId)!;
    return {
      question: rawQuestion,
      answerable: true,
      answer: [qaTexts.issuedOn(meta.title, meta.docNumber, qaTexts.formatDate(issued)), ...(note ? [note] : [])].join("\n"),
      citations: [toCitation(best.hit)],
      method: "extractive",
      outcome: "answer",
      coverage: Math.round(cov * 1000) / 1000,
    };
  }
  // An answer needs the asked kind of fact in the quoted sentence, and that sentence (with its
  // section) to be about what the title does not already say.
  const confident = cov >= OUTCOME_THRESHOLDS.answer && best.evidence && best.sentenceCoverage >= OUTCOME_THRESHOLDS.sentence;
  // Not sure which sentence answers, and the notice holds the question's rare name only in passing: it is about something else.
  if (!confident && passingIn(c.docId)) return refuse(Math.min(cov, best.localCoverage), "named-in-passing");
  // 「…绿色供应链管理企业…另行通知」: the notice names what is asked only to defer it to another notice.
  // The sentence may be elsewhere in the notice (「…绿色设计产品等其他绿色制造名单推荐另行通知」 for 「绿色设计产品要什么材料」).
  const deferred = deferralOf(ctx.index, c.docId, compounds, best);
  if (deferred) return { ...refusal(cov, "deferred"), answer: qaTexts.handledSeparately(deferred.hit.chunk.title, deferred.hit.chunk.docNumber, deferred.hit.chunk.section, deferred.sentence), citations: [toCitation(deferred.hit)] };
  const parts: string[] = [];
  if (confident) {
    // A list asked for (materials, which ones): the items around the best one, not one item.
    const listed = ask === "materials" ? listOf(ctx.index, best) : quoteOf(best, ctx.index);
    parts.push(qaTexts.answerLead(c.title, c.docNumber, c.section), qaTexts.quote(listed));
    const second = candidates.find(
      (x) => x !== best && x.hit.chunk.docId === c.docId && x.evidence && x.placeOk && x.specific,
    );
    // A close runner-up in the same notice is quoted too: two clauses often share one fact (deadline for enterprises, for bureaus).
    if (second && second.score >= best.score - RUNNER_UP_MARGIN && second.passageCoverage >= OUTCOME_THRESHOLDS.answer) {
      const s = second.hit.chunk;
      parts.push(qaTexts.alsoLead(s.title, s.docNumber, s.section), qaTexts.quote(quoteOf(second, ctx.index)));
    }
    // 「申报材料怎么装订」 names no notice: other notices whose own clause answers it almost as well are quoted too,
    // each with its deadline, since the asker did not say which notice is meant.
    if (namesNoNotice) {
      const others: Candidate[] = [];
      for (const x of candidates) {
        if (others.length >= OTHER_NOTICES || x.score < best.score - OTHER_NOTICE_MARGIN.value) break;
        if (x.hit.chunk.docId === c.docId || others.some((o) => o.hit.chunk.docId === x.hit.chunk.docId)) continue;
        if (x.evidence && x.passageCoverage >= OUTCOME_THRESHOLDS.answer && x.sentenceCoverage >= OUTCOME_THRESHOLDS.sentence) others.push(x);
      }
      if (others.length > 0) {
        parts.unshift(qaTexts.severalNotices);
        if (note) parts.push(note);
        for (const x of others) {
          const s = x.hit.chunk;
          const otherNote = deadlineNote(ctx.notices.get(s.docId), ctx.clock);
          parts.push(qaTexts.alsoLead(s.title, s.docNumber, s.section), qaTexts.quote(ask === "materials" ? listOf(ctx.index, x) : quoteOf(x, ctx.index)), ...(otherNote ? [otherNote] : []));
          alsoCited.push(x.hit);
        }
        note = null;
      }
    }
  } else {
    // Not sure which sentence answers: show the best passages themselves, the reader decides.
    parts.push(qaTexts.passagesLead);
    const shown = new Set<string>();
    for (const x of candidates.filter((x) => x.placeOk && x.specific && x.passageCoverage >= OUTCOME_THRESHOLDS.passages && x.localCoverage >= OUTCOME_THRESHOLDS.passages)) {
      if (shown.size >= PASSAGES_SHOWN || shown.has(x.hit.chunk.id)) continue;
      shown.add(x.hit.chunk.id);
      const s = x.hit.chunk;
      parts.push(qaTexts.passageLine(shown.size, s.title, s.docNumber, s.section), qaTexts.quote(excerptOf(x)));
    }
  }
  if (note) parts.push(note);
  const shownHits = confident ? [] : candidates.filter((x) => x.placeOk && x.specific).slice(0, PASSAGES_SHOWN).map((x) => x.hit);
  const ordered = [...new Set([best.hit, ...alsoCited, ...shownHits, ...hits])].slice(0, Math.max(top, 1 + alsoCited.length));
  return {
    question: rawQuestion,
    answerable: true,
    answer: parts.join("\n"),
    citations: ordered.map(toCitation),
    method: "extractive",
    outcome: confident ? "answer" : "passages",
    coverage: Math.round(cov * 1000) / 1000,
  };
}
