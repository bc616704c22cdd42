import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { topicWords } from "../../src/knowledge/answer-v2.ts";
import { askOf, placesIn } from "../../src/knowledge/question-analysis.ts";
import { queryTokens } from "../../src/knowledge/tokenize.ts";
import { compoundsOf, inPassing, namesOtherProgram, programsNamed, standingOf, type NoticeView } from "../../src/knowledge/topic-phrases.ts";
import { projectRoot } from "../../src/shared/config.ts";
import { tempKnowledgeBase } from "../support/knowledge.ts";

function compounds(q: string) {
  const places = placesIn(q);
  const topic = topicWords(queryTokens(q), places, askOf(q), q);
  return compoundsOf(q, topic, places);
}

const view = (v: Partial<NoticeView>): NoticeView => ({ label: "", headings: "", passages: [], all: "", ...v });

/** The question is answered and the answer quotes `want`. */
async function expectQuoted(env: Awaited<ReturnType<typeof tempKnowledgeBase>>, q: string, want: string): Promise<void> {
  const a = await env.kb.ask(q);
  expect(a.answerable).toBe(true);
  expect(a.answer).toContain(want);
}

describe("noun compounds of a question", () => {
  it("joins adjacent topic nouns and glues numerals inside a run", () => {
    expect(compounds("国家级工业设计中心申报需要多少设计人员").map((c) => c.parts.join(""))).toContain("国家级工业设计中心");
    expect(compounds("首批次新材料评定要什么条件").map((c) => c.parts.join(""))).toContain("首批次新材料");
  });

  it("leaves places out of a program's name", () => {
    expect(compounds("河南零碳工厂申报条件").map((c) => c.parts.join(""))).toEqual(["零碳工厂"]);
  });

  it.each([
    // The asker's space or comma ends a compound: 体系 and 意见 are in two clauses.
    ["纺织行业的追溯体系 意见里有没有提", "体系意见"],
    ["数字化车间改造，方案里怎么写的", "改造方案"],
  ])("%s names no %s", (q, not) => {
    expect(compounds(q).map((c) => c.parts.join(""))).not.toContain(not);
  });
});

describe("words that are no names", () => {
  const topic = (q: string) => topicWords(queryTokens(q), placesIn(q), askOf(q), q);
  it.each([
    // A verb with a directional or potential complement, whatever the tagger calls it.
    ["企业交上来的材料我们审完了，最晚哪天报到省里", "交上来"],
    ["系统里的数据和报表对不上怎么办", "对不上"],
    ["材料发过来以后谁来审核", "发过来"],
  ])("%s: %s weighs as a verb", (q, w) => {
    expect(topic(q).filter((x) => !x.noun).map((x) => x.word)).toContain(w);
  });

  it.each([
    // A Latin name is a topic word (jieba tags it eng, which is no interjection).
    ["郑州DCMM三级评估补多少", "dcmm"],
    ["平台上的APP订阅量怎么统计", "app"],
  ])("%s: %s is a topic word", (q, w) => {
    expect(topic(q).map((x) => x.word.toLowerCase())).toContain(w);
  });

  it.each([
    ["我们是做IT培训的能报吗", "it"],
  ])("%s: two Latin letters (%s) are no topic", (q, w) => {
    expect(topic(q).map((x) => x.word.toLowerCase())).not.toContain(w);
  });

  it.each([
    ["申报表里那张附表填到哪天为止", "那张"],
    ["领域一共有几个", "一共"],
  ])("%s: %s is no topic", (q, w) => {
    expect(topic(q).map((x) => x.word)).not.toContain(w);
  });
});

describe("tiers and names in passing", () => {
  const provincial = view({
    label: "河南省工业和信息化厅关于组织开展2026年度省级绿色工厂申报工作的通知",
    headings: "一、申报范围 二、申报条件 六、其他事项",
    passages: ["已获评国家级绿色工厂的企业不再重复申报", "自评价得分不低于80分"],
    all: "已获评国家级绿色工厂的企业不再重复申报 自评价得分不低于80分",
  });

  it("reads 国家级绿色工厂 against a notice on 省级绿色工厂 as another tier", () => {
    const [c] = compounds("国家级绿色工厂的申报条件是什么");
    expect(standingOf(c!, provincial)).toBe("variant");
  });

  it("reads the notice's own program with an attribute after it as its topic", () => {
    const [c] = compounds("省级绿色工厂自评价得分要多少");
    expect(standingOf(c!, provincial)).toBe("topic");
  });

  it("takes a rare name held once by few notices as in passing, a common one as a detail", () => {
    const firstSet = view({
      label: "安徽省经济和信息化厅关于开展2025年度安徽省首台套重大技术装备认定工作的通知",
      headings: "五、支持政策",
      passages: ["首批次新材料、首版次软件的评定另行发文组织。"],
      all: "首批次新材料、首版次软件的评定另行发文组织。",
    });
    const [c] = compounds("首批次新材料评定要什么条件");
    expect(inPassing(c!, firstSet, () => 1)).toBe(true);
    expect(inPassing(c!, firstSet, () => 5)).toBe(false);
  });
});

describe("the program a question applies for", () => {
  const named = (q: string) => programsNamed(q, compounds(q)).map((c) => c.parts.join(""));

  it.each([
    ["河南专精特新中小企业认定要什么条件", "专精特新中小企业"],
    ["绿色工厂评上了有奖励吗", "绿色工厂"],
    ["未来工厂的认定条件是什么", "未来工厂"],
  ])("%s names %s", (q, want) => {
    expect(named(q)).toContain(want);
  });

  it.each([
    // The applicant, not the program, stands before 申报.
    "省属企业申报跨行业平台先报给谁",
    // Words of the procedure, not before a verb of it.
    "纸质材料交几份",
  ])("%s names no program", (q) => {
    expect(named(q)).toEqual([]);
  });

  it("tells a notice running another program from one running it", () => {
    const [c] = programsNamed("专精特新中小企业认定要什么营收条件", compounds("专精特新中小企业认定要什么营收条件"));
    const design = view({ label: "河北省工业和信息化厅关于组织开展2026年度省级工业设计中心认定工作的通知", headings: "二、申报条件" });
    const sme = view({ label: "关于开展2026年度专精特新中小企业认定工作的通知", headings: "二、认定条件" });
    const inView = (v: NoticeView) => (w: string) => v.label.includes(w) || v.headings.includes(w);
    expect(namesOtherProgram([c!], design, inView(design))).toBe(true);
    expect(namesOtherProgram([c!], sme, inView(sme))).toBe(false);
  });
});

describe("a notice naming the asked program only as a condition of its own", () => {
  let env: Awaited<ReturnType<typeof tempKnowledgeBase>>;
  beforeAll(async () => {
    env = await tempKnowledgeBase("2026-11-22");
    await env.kb.ingest(path.join(projectRoot, "test/fixtures/qa/tuning-holdout-h2/notices/hb-2026-industrial-design.txt"));
    await env.kb.ingest(path.join(projectRoot, "test/fixtures/qa/tuning-holdout-h2/notices/dl-2025-software-fund.txt"));
  });

  it.each([
    ["大连软件专项里信创适配中心那笔补助，钱是一次给还是分开给", "分两期拨付"],
    ["大连首版次软件奖励怎么发放", "一次性拨付"],
    ["首版次软件第一年卖了一百二十万，够不够报大连的", "不低于200万元"],
    ["大连这个专项，软件业务收入头一回过十个亿能奖多少", "200万元"],
    ["河北设计中心的奖金下达后市里几天内要拨给企业", "30日内"],
    ["河北工业设计中心评上了奖多少", "50万元"],
    ["我们在雄安，设计中心的材料往哪儿交", "雄安新区改革发展局"],
    ["大连软件专项是先给钱还是项目做完再给", "先建后补"],
    ["河北设计中心，企业中心和设计企业能同时报吗", "只能申报其中一类"],
  ])("%s → quotes %s", async (q, want) => {
    await expectQuoted(env, q, want);
  });
  afterAll(() => env.cleanup());

  it("answers about its own program", async () => {
    const a = await env.kb.ask("河北工业设计中心认定，专精特新企业营收要多少");
    expect(a.answerable).toBe(true);
    expect(a.answer).toContain("5000万元");
  });

  it("quotes a list item after the list's lead-in (「有下列情形之一的，不予受理：」)", async () => {
    const a = await env.kb.ask("河北这个设计中心，已经是国家级的了还能报省级吗");
    expect(a.answerable).toBe(true);
    expect(a.answer).toContain("不予受理");
  });

  it("reads a year with a month as the asker's own date, not the program's year", async () => {
    const a = await env.kb.ask("我们2024年5月才注册，河北省级工业设计中心能报吗");
    expect(a.answerable).toBe(true);
    expect(a.answer).toContain("2023年12月31日");
  });

  it("refuses the other program's own conditions", async () => {
    expect((await env.kb.ask("河北专精特新中小企业认定要什么营收条件")).answerable).toBe(false);
  });
});

describe("notices from a PDF export and with tiers", () => {
  let env: Awaited<ReturnType<typeof tempKnowledgeBase>>;
  beforeAll(async () => {
    env = await tempKnowledgeBase("2026-11-22");
    for (const f of ["ty-2026-energy-diagnosis.txt", "jx-2026-tech-center.txt"]) await env.kb.ingest(path.join(projectRoot, "test/fixtures/qa/tuning-d/notices", f));
  });
  afterAll(() => env.cleanup());

  it.each([
    // The figure and its unit were on two lines of the PDF.
    ["太原节能诊断，单个企业节能改造奖励最多能拿多少", "50万元"],
    ["太原节能诊断服务机构近三年自己做过的诊断项目要几个", "15个"],
    ["江西技术中心提供虚假材料有什么后果", "撤销其认定资格"],
    // Another tier the notice requires first.
    ["江西省级企业技术中心，一定要先是市级企业技术中心吗", "市级企业技术中心满1年"],
    ["江西技术中心有效发明专利要几件，我们只有三件", "不少于5件"],
    // A validity asked, not a look-back period (近三年).
    ["太原节能诊断服务机构进了机构库以后管多久", "有效期为两年"],
    // 「够不够」 read before A-not-A folding: the threshold is asked.
    ["公司注册两年半，申请江西省级企业技术中心够不够年限", "满3年"],
    ["太原节能诊断的补助是打给企业还是打给服务机构", "不向企业拨付"],
  ])("%s → quotes %s", async (q, want) => {
    await expectQuoted(env, q, want);
  });
});

describe("answers on a notice of another province", () => {
  let env: Awaited<ReturnType<typeof tempKnowledgeBase>>;
  beforeAll(async () => {
    env = await tempKnowledgeBase("2026-11-22");
    for (const f of ["qa-hn-2026-green-factory.txt", "qa-ah-2025-first-set-equipment.txt"]) await env.kb.ingest(path.join(projectRoot, "test/fixtures/qa/tuning-notices", f));
  });
  afterAll(() => env.cleanup());

  it("answers about the notice's own program", async () => {
    const a = await env.kb.ask("绿色工厂自评要打到多少分才行");
    expect(a.outcome).toBe("answer");
    expect(a.answer).toContain("不低于80分");
  });

  it("does not answer from a notice that names the asked tier only in passing", async () => {
    const a = await env.kb.ask("国家级绿色工厂的申报条件是什么");
    expect(a.outcome).not.toBe("answer");
    expect(a.citations[0]?.title ?? "").not.toContain("省级绿色工厂");
  });

  it("refuses a rare program the notice names once instead of showing passages", async () => {
    expect((await env.kb.ask("首批次新材料评定要什么条件")).outcome).toBe("refusal");
  });
});
