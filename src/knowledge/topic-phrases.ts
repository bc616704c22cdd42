/**
 * Whether a notice is *about* what the question asks, or names it only in passing.
 *
 * Near-domain questions name another tier of the notice's program (「国家级绿色工厂的申报条件」 against
 * a notice on 省级绿色工厂 that says 「已获评国家级绿色工厂的企业不再重复申报」; 「国家级工业设计中心…」
 * against 省级工业设计中心). The question's noun compounds (adjacent topic nouns, numerals and single
 * characters between them glued: 国家级+工业+设计+中心, 首批次+新+材料) are matched against the notice's
 * title; see standingOf. A rule that refused rare names found once in a notice (供应链, 首批次新材料)
 * was tried on tuning data and dropped: it refused as many answerable questions about details a
 * notice states once (真实性证明, 评审结果) as out-of-domain ones.
 */
import type { TopicWord } from "./answer-v2.ts";
import { taggedWords } from "./tokenize.ts";

/** Sections (their passages outside cited titles) a tier must appear in to be a topic of the notice (tuning data only). */
export const REPEATED = { value: 2 };


export interface Compound {
  /** The compound's words in question order. */
  parts: string[];
  /** Index of its rarest (heaviest) word. */
  key: number;
  /** That word's weight (general IDF, verbs halved). */
  weight: number;
}

/** What the notice is, for this check: its title line(s), headings and passages (all normalized). */
export interface NoticeView {
  label: string;
  headings: string;
  /** Each section's passages joined, cited titles 《…》 removed. */
  passages: string[];
  /** The whole notice text (with cited titles). */
  all: string;
}

/** Adjacent topic nouns of the question (numerals and measure words inside a run glue: 首台套, 首批次). */
export function compoundsOf(question: string, topic: TopicWord[], places: string[]): Compound[] {
  const weightOf = (w: string): number | null => {
    if (places.some((p) => p.includes(w) || w.includes(p))) return null;
    const hit = topic.find((t) => t.noun && (t.word === w || (w.length >= 2 && (t.word.includes(w) || w.includes(t.word)))));
    return hit ? hit.weight : null;
  };
  // A space or a punctuation mark of the asker's ends a compound: 「追溯体系 意见里」 names no 体系意见.
  // (The thin spaces isolateNoticeTerms sets around a heading's label do not.)
  const tokens = question.split(/[ \t\n\u3000，。,；;！!？?、：:]+/).flatMap((part) => [...taggedWords(part), { word: "", tag: "x" }]);
  const out: Compound[] = [];
  let run: Array<{ word: string; weight: number }> = [];
  const flush = () => {
    // Trailing glue (a measure word) is not part of the compound.
    while (run.length > 0 && run[run.length - 1]!.weight === 0) run.pop();
    const chars = run.reduce((n, r) => n + [...r.word].length, 0);
    const nouns = run.filter((r) => r.weight > 0).length;
    if ((nouns >= 2 && chars >= 3) || (nouns === 1 && chars >= 4)) {
      let key = 0;
      run.forEach((r, i) => {
        if (r.weight > run[key]!.weight) key = i;
      });
      out.push({ parts: run.map((r) => r.word), key, weight: run[key]!.weight });
    }
    run = [];
  };
  tokens.forEach((t, i) => {
    // Places (新乡市, tagged ns) select notices; they are no part of a program's name.
    const w = /^ns/.test(t.tag) ? null : weightOf(t.word);
    const nounish = w !== null;
    // A numeral, measure word or single character between two nouns glues them (首台+套, 首批次+新+材料).
    const glue = !nounish && (/^(m|q)/.test(t.tag) || ([...t.word].length === 1 && /^(a|b|n)/.test(t.tag))) && /^[\u4e00-\u9fa5]+$/.test(t.word) && run.length > 0 && weightOf(tokens[i + 1]?.word ?? "") !== null;
    if (nounish) run.push({ word: t.word, weight: w ?? 0 });
    else if (glue) run.push({ word: t.word, weight: 0 });
    else flush();
  });
  flush();
  return out;
}

/**
 * topic: the notice is about it (or the compound names no tier of its program); variant: a tier of
 * the notice's program that the notice names only in passing (国家级 vs 省级绿色工厂); absent: not in the notice.
 */
export type Standing = "topic" | "variant" | "absent";

const chars = (s: string) => [...s].length;

/**
 * How the notice holds one compound. When part of it names the notice (in its title: 标杆工厂 of
 * 「标杆工厂纸质申报书」), words after that part are attributes of the notice's program; a tier before
 * it (…级: 国家级 of 「国家级绿色工厂」 against 省级绿色工厂) that the notice holds only in passing (not in
 * its title, a heading or REPEATED sections) makes the compound another program.
 */
export function standingOf(c: Compound, view: NoticeView, inLabel: (part: string) => boolean = (p) => view.label.includes(p)): Standing {
  for (let i = 0; i < c.parts.length; i++)
    for (let j = c.parts.length - 1; j >= i; j--) {
      const span = c.parts.slice(i, j + 1).join("");
      if (chars(span) < 3 || !view.label.includes(span)) continue;
      const tier = c.parts.slice(0, i).join("");
      // A tier the title names too (省级 of 「省级数字化车间和智能工厂」) is the notice's own.
      if (!/级$/.test(tier) || view.label.includes(c.parts.slice(0, j + 1).join("")) || !view.all.includes(tier) || view.label.includes(tier)) return "topic";
      return view.headings.includes(tier) || view.passages.filter((p) => p.includes(tier)).length >= REPEATED.value ? "topic" : "variant";
    }
  if (siblingOf(c, view, inLabel)) return "variant";
  return view.all.includes(c.parts[c.key]!) ? "topic" : "absent";
}

/**
 * Another program of the same kind: the compound's head (its last word, 工厂) is in the notice's title,
 * the words before it (绿色, 未来) are not, and the whole name (绿色工厂) is no topic of the notice:
 * not in a heading, in fewer than REPEATED sections. 「绿色工厂的评价要求」 against a notice on 智能工厂.
 */
function siblingOf(c: Compound, view: NoticeView, inLabel: (part: string) => boolean): boolean {
  // Two words only: longer runs glue what the question keeps apart (市级研发平台 + 集群里).
  if (c.parts.length !== 2) return false;
  const head = c.parts[c.parts.length - 1]!;
  const modifiers = c.parts.slice(0, -1);
  if (chars(head) < 2 || !view.label.includes(head) || chars(modifiers.join("")) < 2) return false;
  if (modifiers.some((m) => chars(m) >= 2 && inLabel(m))) return false;
  const whole = c.parts.join("");
  return !view.headings.includes(whole) && view.passages.filter((p) => p.includes(whole)).length < REPEATED.value;
}

/** Rarity (weight of its rarest word) from which a name found once is another thing, not a detail (tuning data only). */
export const DISTINCT = { value: 8 };
/** A name held by at most this many notices of the corpus is rare (tuning data only). */
export const RARE = { value: 2 };

/**
 * A rare name the notice holds only once, in passing (「首批次新材料…的评定另行发文组织」 for
 * 「首批次新材料评定要什么条件」): its longest part with its rarest word is found, but not in the
 * title, a heading or REPEATED sections, and at most RARE notices of the corpus hold it. Common
 * words found once are a detail (评审结果); a single short word is often a mis-cut (双跨平台 → 跨平台).
 */
export function inPassing(c: Compound, view: NoticeView, noticesHolding: (span: string) => number): boolean {
  if (c.weight < DISTINCT.value) return false;
  const key = c.parts[c.key]!;
  if (view.label.includes(key) || view.headings.includes(key)) return false;
  const spans: string[] = [];
  for (let i = 0; i <= c.key; i++) for (let j = c.parts.length - 1; j >= c.key; j--) spans.push(c.parts.slice(i, j + 1).join(""));
  spans.sort((a, b) => chars(b) - chars(a));
  const found = spans.find((span) => chars(span) >= 2 && view.all.includes(span));
  if (!found || (found === key && chars(found) < 4)) return false;
  if (view.label.includes(found) || view.headings.includes(found) || view.passages.filter((p) => p.includes(found)).length >= REPEATED.value) return false;
  // Part of the compound names this notice's program (首台套 of 「首台套查新报告」: a title word few notices hold): the rest is a detail of it.
  for (let i = 0; i < c.parts.length; i++)
    for (let j = i; j < c.parts.length; j++) {
      const span = c.parts.slice(i, j + 1).join("");
      if (chars(span) >= 3 && view.label.includes(span) && noticesHolding(span) <= RARE.value) return false;
    }
  return noticesHolding(found) <= RARE.value;
}

/** Whether a compound may name a tier of a program (a word before its last ending in 级): only then can a notice be about another tier. */
export const hasTier = (c: Compound) => c.parts.some((p, i) => i < c.parts.length - 1 && /级$/.test(p));

/**
 * Whether the notice is about the question: not when a compound names another tier of its program,
 * unless a noun of the question outside that compound names the notice (省级 of 「国家级绿色工厂还能报省级吗」).
 */
export function aboutQuestion(compounds: Compound[], topic: TopicWord[], view: NoticeView, inLabel: (t: TopicWord) => boolean, prerequisites = false): boolean {
  // A part of a compound is in the title by itself or by one of its alternatives (经信厅 → 经济和信息化厅).
  const partInLabel = (p: string) => view.label.includes(p) || topic.some((t) => t.word === p && inLabel(t));
  const standings = compounds.map((c) => standingOf(c, view, partInLabel));
  if (!standings.includes("variant")) return true;
  const variants = compounds.filter((_, i) => standings[i] === "variant");
  // 「一定要先是市级企业技术中心吗」: the notice requires the other tier first (「已认定为市级企业技术中心满1年」).
  if (prerequisites && variants.every((c) => requiredFirst(c.parts.join(""), view))) return true;
  const inCompounds = variants.flatMap((c) => c.parts);
  return topic.some((t) => t.noun && !inCompounds.some((p) => p.includes(t.word) || t.word.includes(p)) && inLabel(t));
}

/** A sentence requiring the tier first (须先获评…, 已认定为…满1年), not excluding it (「已获评…的企业不再重复申报」). */
const PREREQUISITE = /须先|先获评|须已|应已|须为|应为|已认定为/;
function requiredFirst(name: string, view: NoticeView): boolean {
  if (chars(name) < 4) return false;
  return view.passages.some((p) => p.split(/[。；]/).some((s) => s.includes(name) && PREREQUISITE.test(s) && !/不再|不得|不予/.test(s)));
}

/** Verbs of a program's procedure: the compound before one of them names the program the question is about. */
const PROGRAM_AFTER = /^(?:的)?(?:示范)?(?:企业|项目|单位)?(?:怎么|如何|怎样|要|需要)?(?:认定|评定|评选|评价|申报|申请|评审|复核|遴选|评上|获评|入选)/;

/**
 * The programs the question names as the object of applying (「专精特新中小企业认定」「申报绿色工厂」):
 * rare compounds (DISTINCT) standing next to a verb of a program's procedure.
 */
export function programsNamed(text: string, compounds: Compound[]): Compound[] {
  const question = text.replace(/\s+/g, "");
  return compounds.filter((c) => {
    const name = c.parts.join("");
    // A rare word, or two names or more (绿色+工厂): a program's name, not a word of the procedure (材料).
    if (c.weight < DISTINCT.value && !(c.parts.length >= 2 && chars(name) >= 4)) return false;
    const at = question.indexOf(name);
    if (at < 0) return false;
    const after = PROGRAM_AFTER.exec(question.slice(at + name.length))?.[0];
    // 「省属企业申报…」: before 申报 an applicant is named as often as a program; before 认定, a program.
    return !!after && !(/申报|申请/.test(after) && /(企业|单位|公司|机构|厂家)$/.test(name));
  });
}

/**
 * Whether the notice runs another program than the one the question names: the named program's
 * rarest word is neither in the notice's title line nor in its headings (by itself or one of its
 * alternatives), so the notice can only mention it in passing (「获评省级及以上"专精特新"中小企业的…」
 * in a notice on 工业设计中心).
 */
export function namesOtherProgram(named: Compound[], view: NoticeView, inTitleOrHeadings: (word: string) => boolean): boolean {
  // The thing named, not its tier (服务型制造 of 国家级+服务型制造).
  const thing = (c: Compound) => c.parts.filter((p) => !/级$/.test(p)).sort((a, b) => chars(b) - chars(a))[0] ?? c.parts[c.key]!;
  return named.some((c) => !inTitleOrHeadings(c.parts.length > 1 ? thing(c) : c.parts[c.key]!) && !c.parts.some((p) => chars(p) >= 3 && !/级$/.test(p) && (view.label.includes(p) || view.headings.includes(p))));
}
