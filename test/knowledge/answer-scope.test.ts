import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askOf, askUnit, carriesAsk, issuerLevel, levelNamed, outOfScope, placesIn, withoutAsides, withoutOwnFigures, withoutSituation } from "../../src/knowledge/question-analysis.ts";
import { containingPlaces } from "../../src/knowledge/places.ts";
import { qaTexts } from "../../src/knowledge/texts.ts";
import { tempKnowledgeBase } from "../support/knowledge.ts";

/** What people type → what the Q&A must do; questions written for these tests, not taken from an eval set. */
let env: Awaited<ReturnType<typeof tempKnowledgeBase>>;
beforeAll(async () => {
  env = await tempKnowledgeBase("2026-11-22");
  await env.kb.ingest(path.join(import.meta.dirname, "../fixtures/qa/notices/js-2026-benchmark-factory.txt"));
  await env.kb.ingest(path.join(import.meta.dirname, "../fixtures/qa/tuning-notices/qa-hn-2026-green-factory.txt"));
});
afterAll(() => env.cleanup());

describe("places people name", () => {
  it.each([
    ["顺德区工信局什么时候报到市里", ["顺德区"]],
    ["我们在绵阳，能报吗", ["绵阳"]],
    ["晋江的企业", ["晋江"]],
    ["阿里云平台算不算工业互联网平台", []],
    // A county's short name counts when the text names its city.
    ["我们在宝安，深圳这个试点能报吗", ["深圳", "宝安"]],
  ])("%s names %j", (q, want) => {
    expect(placesIn(q)).toEqual(want);
  });

  it("knows the divisions that contain a place", () => {
    expect(containingPlaces("顺德区")).toEqual(expect.arrayContaining(["佛山", "广东"]));
    expect(containingPlaces("绵阳")).toEqual(expect.arrayContaining(["四川省"]));
    expect(containingPlaces("不是地名")).toEqual([]);
  });

  it("answers from a province's notice a question naming one of its cities", async () => {
    const a = await env.kb.ask("无锡这边设区市网上推荐最晚是哪天");
    expect(a.outcome).toBe("answer");
    expect(a.answer).toContain("4月20日");
  });

  it("still refuses a place no notice covers", async () => {
    const a = await env.kb.ask("拉萨的企业申报标杆工厂营收要多少");
    expect(a.answerable).toBe(false);
  });
});

describe("the asker's own situation", () => {
  it.each([
    ["您好，我们是晋江一家做鞋的工厂，智能工厂截止时间是哪天", "智能工厂截止时间是哪天"],
    ["我司在南京，做软件的，标杆工厂要什么条件", "标杆工厂要什么条件"],
    ["我们是泉州的", "我们是泉州的"],
    // A legal status is what a condition is about: kept.
    ["我们是分公司，不是独立法人，能报吗", "分公司"],
    // Without 我们: 「<place>一家<trade>企业…」 at a clause's start.
    ["福州一家做家具的企业，标杆工厂要什么条件", "标杆工厂要什么条件"],
    ["四平一家机械厂报示范项目要交几份", "报示范项目要交几份"],
  ])("%s → asks %s", (q, rest) => {
    expect(withoutSituation(q)).toContain(rest);
    expect(withoutSituation(q)).not.toMatch(/做鞋|做软件|家具|机械/);
    expect(withoutSituation(q)).toContain(rest);
  });

  it("keeps 「一家…公司」 when it is what is asked, not who asks", () => {
    expect(withoutSituation("注册一家有限责任公司要多久")).toContain("一家有限责任公司");
  });

  it("answers the question after a self-description, from the notice of the place named", async () => {
    const a = await env.kb.ask("您好，我们是晋江一家做鞋的工厂，智能工厂省里截止时间是哪天");
    expect(a.answerable).toBe(true);
    expect(a.answer).toMatch(/4月1[05]日/);
  });
});

describe("what the question asks", () => {
  it.each([
    ["工作组是哪个部门牵头的", "responsible"],
    ["这事谁负责", "responsible"],
    ["材料报到哪个部门", "place"],
    ["项目实施周期最长多久", "duration"],
    ["对涉黑有什么年限要求", "duration"],
    ["成员单位多久报一次进展，几号之前", "date"],
    ["申报书要盖什么章", "seal"],
    ["一级标题用什么字体", "format"],
    ["5G工厂有哪两类", "kinds"],
    ["设备上云率要求多少", "percent"],
    ["申报材料是交给市工信局吗", "place"],
    ["纸质件寄到省厅么", "place"],
    ["规上企业是指什么", "definition"],
    ["首版次软件怎么界定", "definition"],
    ["进展多长时间报一次", "date"],
    ["申报书是哪个部门编的", "responsible"],
    ["认定以后管几年", "duration"],
    ["奖励的钱是怎么拨的", "payment"],
    ["补助分几次给", "payment"],
    ["营收九千万够不够", "requirement"],
    ["对申报主体有啥违法方面的限制", "requirement"],
    ["材料往哪交", "place"],
    ["评上了奖多少", "amount"],
    ["是先给钱还是后给钱", "payment"],
    ["钱打到哪个户头", "payment"],
    ["两类能同时报吗", "both"],
    ["设备是怎么分类的", "kinds"],
    ["材料造假被查出来会怎么样", "penalty"],
    ["提供虚假材料有什么后果", "penalty"],
    ["有效发明专利要几件", "count"],
    ["纸质申报书要几本", "copies"],
    ["拿过政府补贴了还能再申请吗", "yesno"],
    ["平台类和标杆类都能报吗", "both"],
    ["申报主体是什么", "subject"],
    ["这个意见是依据哪个文件出的", "document"],
    ["今年还要报吗？占不占名额", "yesno"],
  ])("%s asks for %s", (q, ask) => {
    expect(askOf(q)).toBe(ask);
  });

  it.each([
    ["date", "截至2020年5月底的财务报表", true],
    ["date", "于每季度最后一个月20日前报送", true],
    ["date", "2022年1月以来", false],
    ["date", "2025年1-6月的缴费证明", true],
    ["date", "每年为公司节省超过200万", false],
    ["count", "平潭综合实验区推荐数量自行确定。", true],
    ["duration", "近三年无涉黑涉恶违法行为", true],
    ["duration", "认定有效期3年", true],
    ["duration", "入库的服务机构有效期为两年，期满后重新申报", true],
    ["duration", "2025年度财务报表", false],
    ["seal", "加盖推荐单位公章", true],
  ] as const)("%s evidence in %s: %s", (ask, text, want) => {
    expect(carriesAsk(ask, text)).toBe(want);
  });
});

describe("questions the notices cannot answer", () => {
  it.each([
    ["去年融合发展项目评上了哪些企业", "results"],
    ["入选名单有吗", "results"],
    ["第二批有哪些城市入选", "results"],
    ["帮我写一首关于智能制造的诗", "request"],
    ["推荐几本讲工业互联网的书", "request"],
    ["帮我写一个Python快速排序", "request"],
    ["帮我写一份申报书", null],
    ["评审结果在哪里公示", null],
    ["推荐名额有几个", null],
    ["写申报书要注意什么", null],
    ["双跨平台最后哪几家入选了", "results"],
    ["标杆工厂最后公示了哪些企业", "results"],
    ["2025年认定的工业设计中心名单在哪看", "results"],
    ["入选名单会公示几天", null],
    ["名单会在哪公示", null],
  ])("%s → %s", (q, want) => {
    expect(outOfScope(q)).toBe(want);
  });

  it("says results are published elsewhere, and refuses", async () => {
    const a = await env.kb.ask("去年融合发展项目最后评上了哪些企业");
    expect(a.answerable).toBe(false);
    expect(a.answer).toBe(qaTexts.resultsNotInNotices);
  });

  it("declines a request that is no question about the notices", async () => {
    const a = await env.kb.ask("帮我写首关于工业互联网的诗");
    expect(a.answerable).toBe(false);
    expect(a.answer).toBe(qaTexts.notAPolicyQuestion);
  });
});

describe("near the domain, yet not in the notices", () => {
  it("never asks a policy document (which takes no applications) what to hand in", async () => {
    const a = await env.kb.ask("泉州的企业申请首台套保险补偿要交哪些材料");
    expect(a.answerable).toBe(false);
  });

  it("refuses a question that names no thing, only actions (注册…流程)", async () => {
    const a = await env.kb.ask("想在厦门注册一家新公司，流程怎么走");
    expect(a.answerable).toBe(false);
  });

  it("refuses another program's term of art the notices only share pieces of (高企, 加计扣除)", async () => {
    expect((await env.kb.ask("高企认定要几项知识产权")).answerable).toBe(false);
    expect((await env.kb.ask("研发费用加计扣除比例是多少")).answerable).toBe(false);
  });

  it("refuses a reward no notice offers (上市奖励 is no 补助 of a notice)", async () => {
    const a = await env.kb.ask("企业上市了有奖励吗，奖励多少");
    expect(a.answerable).toBe(false);
  });
});

describe("matters a notice defers to another notice", () => {
  it("says the notice leaves it to a later notice, quoting where, and counts as not answered", async () => {
    const a = await env.kb.ask("绿色设计产品评选要准备哪些东西");
    expect(a.answerable).toBe(false);
    expect(a.answer).toContain("另行通知");
    expect(a.answer).toContain("豫工信节〔2026〕41号");
  });

  it("quotes the deferral when another notice would only match the program's words (供应链管理)", async () => {
    const a = await env.kb.ask("绿色供应链管理企业怎么申请");
    expect(a.answerable).toBe(false);
    expect(a.answer).toContain("另行通知");
  });
});

describe("the level the question names", () => {
  it("reads the level named and the level of an issuing office", () => {
    expect(levelNamed("省厅那边截止是哪天")).toBe("province");
    expect(levelNamed("市里的联系人")).toBe("city");
    expect(levelNamed("截止是哪天")).toBeNull();
    expect(issuerLevel("福州市工业和信息化局转发福建省工业和信息化厅关于…的通知")).toBe("city");
    expect(issuerLevel("福建省工业和信息化厅关于组织开展2025年先进级智能工厂申报工作的通知")).toBe("province");
  });

  it("answers from the province's part of a city's forwarding notice when the province is asked", async () => {
    const a = await env.kb.ask("先进级智能工厂这个，省厅那边要求哪天之前报");
    expect(a.answerable).toBe(true);
    expect(a.answer.split("另见")[0]).toContain("4月15日");
  });
});

describe("programs no notice runs", () => {
  it.each([
    "国家级服务型制造示范企业怎么申请",
    "数据资产入表怎么做账",
    // 研发费用's synonyms (研究开发费用, 研发投入) are not the term of art's own.
    "研发费用加计扣除比例是多少",
    // Only a word every program has (材料) would match.
    "驾照年审需要带什么材料",
    // No notice of 江苏 runs a 智能制造示范工厂 (its notice is on 标杆工厂).
    "江苏省智能制造示范工厂申报条件",
    // The 河南 notice gives no money: 奖励 is nowhere in it.
    "河南绿色工厂评上了有奖励吗，给多少钱",
  ])("refuses %s", async (q) => {
    expect((await env.kb.ask(q)).answerable).toBe(false);
  });

  it("says a later year's notice is not indexed yet, pointing at the latest one", async () => {
    const a = await env.kb.ask("2027年江苏标杆工厂大概几月份开始报");
    expect(a.answerable).toBe(false);
    expect(a.answer).toContain("还没有2027年");
    expect(a.answer).toContain("苏工信");
  });

  it("reads 「X万够不够」 as a threshold asked, not an upper limit", () => {
    const unit = askUnit("首年卖了一百五十万够不够", "requirement")!;
    expect(unit.test("首年销售收入不低于200万元")).toBe(true);
    expect(unit.test("石家庄市、唐山市各不超过8家")).toBe(false);
  });

  it("reads where to go as an office or a system, a registration place only when asked", () => {
    expect(askUnit("认证去哪里办", "place")!.test("在河南省内依法注册、具有独立法人资格")).toBe(false);
    expect(askUnit("认证去哪里办", "place")!.test("报送至市工业和信息化局")).toBe(true);
    expect(askUnit("要在哪里注册", "place")).toBeNull();
  });
});

describe("facts said in other words", () => {
  it.each(["吉林服务化示范项目的申报材料交上去还退不退", "吉林示范项目材料报上去以后会退吗"])("reads 退 alone as 退还: %s", async (q) => {
    const a = await env.kb.ask(q);
    expect(a.answerable).toBe(true);
    expect(a.answer).toContain("不退还");
  });

  it("reads 退回 as 退还 and answers from the clause", async () => {
    const a = await env.kb.ask("吉林那个示范项目，材料交了以后会退给我们吗");
    expect(a.answerable).toBe(true);
    expect(a.answer).toContain("不退还");
  });

  it("answers 「几号之前」 with a day of each quarter", async () => {
    const a = await env.kb.ask("工业互联网专项工作组各成员单位每个季度几号前报送工作进展");
    expect(a.outcome).toBe("answer");
    expect(a.answer).toContain("20日前");
  });

  it("reads 硬杠杠 as the ask, not a word the clause must repeat", async () => {
    const a = await env.kb.ask("融合发展项目平台类对营收有啥硬杠杠");
    expect(a.answerable).toBe(true);
    expect(a.answer).toContain("3000万元");
  });

  it("reads 「X处在哪办公」 as 处 + 在哪 and answers with the address", async () => {
    const a = await env.kb.ask("智能工厂这块，装备工业处在哪办公");
    expect(a.answerable).toBe(true);
    expect(a.answer).toContain("华林路166号");
  });

  it("does not count the asker's trade (四平一家机械厂) as what the clause must hold", async () => {
    const a = await env.kb.ask("四平一家机械厂报制造业服务化示范，审计报告要哪年的");
    expect(a.answerable).toBe(true);
    expect(a.answer).toContain("2019年");
  });

  it("answers what a term means from the clause defining it, even in a form's line", async () => {
    const a = await env.kb.ask("双跨平台里说的活跃开发者，啥意思");
    expect(a.outcome).toBe("answer");
    expect(a.answer).toContain("近一个月至少登陆1次");
  });

  it("counts enterprises in 个 as well as 家", async () => {
    const a = await env.kb.ask("漳州数字化标杆企业能推几家");
    expect(a.outcome).toBe("answer");
    expect(a.answer).toContain("漳州7个");
  });

  it("answers an e-mail asked with 联系 and 通知 around it", async () => {
    const a = await env.kb.ask("跨行业平台那个通知留的联系邮箱是多少");
    expect(a.outcome).toBe("answer");
    expect(a.answer).toContain("fjsgtxxh@gxt.fujian.gov.cn");
  });

  it("reads 怎么弄, 打算 as filler and answers what a policy plans", async () => {
    const a = await env.kb.ask("工业互联网实施意见里，行业标准打算怎么弄");
    expect(a.answerable).toBe(true);
  });

  it("answers a restriction asked of the applicant (违法记录 → 涉黑涉恶)", async () => {
    const a = await env.kb.ask("融合发展项目对申报单位的违法记录有什么限制");
    expect(a.answerable).toBe(true);
    expect(a.answer).toContain("涉黑涉恶");
  });

  it("picks the clause holding 名额 when a yes/no question names it", async () => {
    const a = await env.kb.ask("已经获评过跨行业跨领域平台的企业，这次还要报吗，占名额不");
    expect(a.answerable).toBe(true);
    expect(a.answer).toContain("不占地方申报名额");
  });

  it("reads 「什么类型的单位」 as who may apply, not a word the clause must hold", async () => {
    const a = await env.kb.ask("什么类型的单位能报双跨平台");
    expect(a.outcome).toBe("answer");
    expect(a.answer).toContain("大型骨干企业");
  });

  it("answers who wrote a form from its cover (「…编制」)", async () => {
    const a = await env.kb.ask("跨行业跨领域平台的申报书模板是谁制定的");
    expect(a.outcome).toBe("answer");
    expect(a.answer).toContain("工业和信息化部编制");
  });

  it("answers 「多久报一次」 with the day of each period", async () => {
    const a = await env.kb.ask("工业互联网专项工作组的成员单位隔多久要报一次进展情况");
    expect(a.answerable).toBe(true);
    expect(a.answer).toContain("每季度最后一个月20日前");
  });

  it("answers when a notice was issued from its signature date when no passage quotes it", async () => {
    const a = await env.kb.ask("福建省政府那个深化工业互联网的意见哪天发的");
    expect(a.outcome).toBe("answer");
    expect(a.answer).toContain("2018年4月20日");
  });

  it("answers an aspect asked in plain words (涉黑的年限 → 近三年)", async () => {
    const a = await env.kb.ask("融合发展项目对涉黑涉恶有什么年限要求");
    expect(a.answerable).toBe(true);
    expect(a.answer).toContain("近三年");
  });
});

describe("a question naming no notice", () => {
  it.each([
    // Several notices set their own binding and copies: each one's clause is quoted, with its notice.
    ["申报材料怎么装订", ["左侧装订成册", "胶装"]],
    ["纸质材料要交几份", ["纸质版一式两份", "纸质一式三份"]],
  ])("%s quotes every notice that answers it", async (q, facts) => {
    const a = await env.kb.ask(q);
    expect(a.outcome).toBe("answer");
    expect(a.answer.startsWith(qaTexts.severalNotices)).toBe(true);
    for (const f of facts) expect(a.answer).toContain(f);
    expect(new Set(a.citations.map((c) => c.docId)).size).toBeGreaterThanOrEqual(2);
  });

  it.each([
    // Named by its program, by its place, or by a level: one notice answers, alone.
    ["智能工厂纸质材料几份", "一式四份"],
    ["融合发展项目纸质材料几份", "纸质一式三份"],
  ])("%s quotes only the notice it names", async (q, fact) => {
    const a = await env.kb.ask(q);
    expect(a.outcome).toBe("answer");
    expect(a.answer).toContain(fact);
    expect(a.answer).not.toContain(qaTexts.severalNotices);
  });
});

describe("why a question was refused", () => {
  it.each([
    ["拉萨的企业申报标杆工厂营收要多少", "place-not-covered"],
    ["高新技术企业认定要什么条件", "other-program"],
    ["帮我写一首关于春天的诗", "not-a-question"],
    // A Latin word (a tool no notice here names) is no thing the notices are about.
    ["excel数据透视表怎么做", "specific-term-missing"],
    // 年审 is cut into 年 + 审: the character 审 (of 审计报告) is no subject that a list of materials is about.
    ["驾照年审要带什么材料", "attribute-only"],
    ["驾照年审要带啥材料", "attribute-only"],
    ["智能工厂最后评上了哪些企业", "results-list"],
  ])("%s is refused as %s", async (q, reason) => {
    const a = await env.kb.ask(q);
    expect(a.answerable).toBe(false);
    expect(a.refusedBecause).toBe(reason);
  });

  it("an answer carries no refusal reason", async () => {
    const a = await env.kb.ask("智能工厂纸质材料几份");
    expect(a.answerable).toBe(true);
    expect(a.refusedBecause).toBeUndefined();
  });
});

describe("a long message stating the asker's own figures", () => {
  it.each([
    [
      "您好，我们是厦门一家做软件的，去年营收两千多万，研发投入三百来万，员工八十多人，想报融合发展项目，截止时间是哪天",
      "您好，我们是厦门一家做软件的，想报融合发展项目，截止时间是哪天",
    ],
    ["领导让我问下，公司去年产值1.2亿，职工三百多人，报先进级智能工厂找谁咨询", "领导让我问下，报先进级智能工厂找谁咨询"],
    // A yes/no question about the figures keeps them: they are what it asks about.
    ["我们营收五千万，研发占比4%，员工两百人，能报平台类吗", "我们营收五千万，研发占比4%，员工两百人，能报平台类吗"],
    // Two clauses are no long message; 一家 is no figure.
    ["去年营收一个亿，智能工厂什么时候截止", "去年营收一个亿，智能工厂什么时候截止"],
    ["正定县一家做农机的，想申请省级工业设计中心，材料报给谁", "正定县一家做农机的，想申请省级工业设计中心，材料报给谁"],
  ])("%s → %s", (q, want) => {
    expect(withoutOwnFigures(q)).toBe(want);
  });

  it("answers the question at the end of a long self-description", async () => {
    const a = await env.kb.ask("老师您好，我们是泉州一家做纺织机械的，去年营收一个多亿，研发投入六百来万，工程师四十多人，想报融合发展项目，纸质申报书要交几份");
    expect(a.outcome).toBe("answer");
    expect(a.answer).toContain("纸质一式三份");
  });
});

describe("asides before the question", () => {
  const none = () => false;
  it.each([
    ["领导您好 我是泉州市工信局的小林 上周刚接手这块工作。想问下每个市最多能推荐几家", "想问下每个市最多能推荐几家"],
    // Only what opens with a greeting or an introduction is an aside; the trouble told after it stays.
    ["您好 我们企业昨晚一直在填系统 老是登不上去。技术支持电话多少", "我们企业昨晚一直在填系统 老是登不上去。技术支持电话多少"],
    // A clause naming the program, an application or a legal status stays.
    ["您好 我们是分公司不是法人 能报吗", "我们是分公司不是法人 能报吗"],
    ["我是企业的 想报融合项目 截止是哪天", "想报融合项目 截止是哪天"],
    // No aside before the question: unchanged.
    ["智能工厂截止时间是哪天", "智能工厂截止时间是哪天"],
  ])("%s → %s", (q, want) => {
    expect(withoutAsides(q, none).trim()).toBe(want);
  });

  it("keeps a clause that names a program of the notices", () => {
    expect(withoutAsides("您好 我是做双跨平台的。截止是哪天", (c) => c.includes("双跨"))).toContain("双跨");
  });

  it.each([
    ["领导您好 我是宁德市工信局的小王 上周刚接手这块工作。想确认下融合项目纸质申报书要交几份", "纸质一式三份"],
    ["您好 打扰一下 我是园区管委会的 之前没弄过这个。跨行业平台申报书的纸质版要几份", "一式三份"],
  ])("answers the question after a greeting and an introduction: %s", async (q, fact) => {
    const a = await env.kb.ask(q);
    expect(a.outcome).toBe("answer");
    expect(a.answer).toContain(fact);
  });
});

describe("the conversation's notice", () => {
  it("answers a question naming no notice from it", async () => {
    const a = await env.kb.ask("纸质材料要交几份", { contextNotice: "fj-2025-smart-factory-advanced" });
    expect(a.outcome).toBe("answer");
    expect(a.answer).toContain("一式四份");
    expect(a.answer).not.toContain(qaTexts.severalNotices);
  });

  it.each([
    // A program, a place or an unknown notice id in the context: the question decides.
    ["融合发展项目纸质材料几份", "fj-2025-smart-factory-advanced", "纸质一式三份"],
    ["纸质材料要交几份", "no-such-notice", qaTexts.severalNotices],
  ])("%s with %s as context quotes %s", async (q, ctx, want) => {
    const a = await env.kb.ask(q, { contextNotice: ctx });
    expect(a.answer).toContain(want);
  });
});
