import { describe, expect, it } from "vitest";
import { arabicDates, extractMetadata, infoTable, normalizePhones, spaceIssuers } from "../../src/knowledge/metadata.ts";
import { logicalLines } from "../../src/knowledge/structure.ts";

// Shapes of real provincial notices (web pages with a 政府信息公开 table and a footer, PDF text,
// joint notices, forwarded notices), one table per field: a notice snippet → what must be read.
// The snippets are written for these tests, not copied from any notice.

const BODY = "各市工业和信息化局：\n现组织开展申报工作，有关事项通知如下。\n一、申报条件\n在本省内注册的企业。\n二、其他\n申报单位对材料真实性负责。";
const SIGN = "某某省工业和信息化厅\n2025年9月5日";
const notice = (head: string, tail = SIGN) => `${head}\n${BODY}\n${tail}`;
const meta = (text: string) => extractMetadata(text);

describe("title: this notice's own, as one block", () => {
  it.each([
    ["a breadcrumb 「您当前的位置：首页 > …」 above it", "您当前的位置：首页 > 信息公开 > 通知公告\n合肥市经济和信息化局关于开展2025年度项目申报的通知", "合肥市经济和信息化局关于开展2025年度项目申报的通知"],
    ["a title broken after a short first part", "关于征集2026年度智能制造\n优秀场景和示范工厂的通知", "关于征集2026年度智能制造优秀场景和示范工厂的通知"],
    ["the issuer printed on the line above 「关于…」", "山西省工业和信息化厅\n关于组织推荐2025年度省级中小企业\n特色产业集群的通知\n晋工信中小字〔2025〕96号", "山西省工业和信息化厅关于组织推荐2025年度省级中小企业特色产业集群的通知"],
    ["two issuers above 「关于…」 (the space between them kept)", "河南省工业和信息化厅 河南省财政厅\n关于组织申报2025年度省级绿色制造专项资金\n项目的通知", "河南省工业和信息化厅 河南省财政厅关于组织申报2025年度省级绿色制造专项资金项目的通知"],
    ["a red header 「…局文件」 and a 文号 above it (not part of the title)", "昆明市工业和信息化局文件\n昆工信发〔2025〕78号\n关于开展2025年度工业互联网平台遴选工作的通知", "关于开展2025年度工业互联网平台遴选工作的通知"],
    ["a site's menu bar and 「今天是…」 above it", "首 页 新闻中心 政务公开 互动交流 办事服务\n今天是：2025年10月9日 星期四\n关于开展2025年产业数字化转型标杆项目征集工作的通知", "关于开展2025年产业数字化转型标杆项目征集工作的通知"],
    ["a 函", "某某省工业和信息化厅办公室关于推荐2025年度工业设计中心的函", "某某省工业和信息化厅办公室关于推荐2025年度工业设计中心的函"],
    ["a note after 「的通知」", "某某省工业和信息化厅关于公布2025年度专精特新企业名单的通知（第二批）", "某某省工业和信息化厅关于公布2025年度专精特新企业名单的通知（第二批）"],
    ["a forwarded notice's title in 《》", "合肥市经济和信息化局关于转发《安徽省经济和信息化厅关于组织开展2025年度省级企业技术中心认定工作的通知》的通知", "合肥市经济和信息化局关于转发《安徽省经济和信息化厅关于组织开展2025年度省级企业技术中心认定工作的通知》的通知"],
  ])("%s", (_shape, head, title) => {
    expect(meta(notice(head)).title).toBe(title);
  });
});

describe("文号: this notice's, else the 信息公开 table's with a warning", () => {
  const table = "索引号：11370000MB28523XXL/2025-00317 主题分类：工业、交通\n发文机关：山东省工业和信息化厅 成文日期：2025-09-05\n文号：鲁工信中小〔2025〕146号 发布日期：2025-09-08";
  it.each([
    ["a line under the title", "某某省工业和信息化厅关于开展项目申报的通知\n冀工信产函〔2024〕112号", "冀工信产函〔2024〕112号", false],
    ["a line above the title", "冀工信产函〔2024〕112号\n某某省工业和信息化厅关于开展项目申报的通知", "冀工信产函〔2024〕112号", false],
    ["only in the 信息公开 table", `${table}\n山东省工业和信息化厅关于开展项目申报的通知`, "鲁工信中小〔2025〕146号", true],
    ["only in a table copied cell by cell (tabs, no colons)", "索引号\t000014348/2025-00052\t分类\t工业\n发文机构\t北京市经济和信息化局\t成文日期\t2025年03月12日\n标题\t北京市经济和信息化局关于开展项目申报的通知\n发文字号\t京经信发〔2025〕18号\t发布日期\t2025年03月14日\n北京市经济和信息化局关于开展项目申报的通知", "京经信发〔2025〕18号", true],
    ["in the table and printed in the notice: the notice's", `${table}\n山东省工业和信息化厅关于开展项目申报的通知\n鲁工信中小〔2025〕147号`, "鲁工信中小〔2025〕147号", false],
    ["the year in 【】, as some sites print it", "内蒙古自治区工业和信息化厅关于开展项目申报的通知\n内工信中小字【2025】301号", "内工信中小字【2025】301号", false],
    ["a forwarding notice citing the forwarded one's 文号", "合肥市经济和信息化局关于转发《安徽省经济和信息化厅关于开展项目申报的通知》的通知\n合经信技术〔2025〕39号\n现将《安徽省经济和信息化厅关于开展项目申报的通知》（皖经信技术函〔2025〕217号）转发给你们。", "合经信技术〔2025〕39号", false],
    ["none printed, one cited: none", "某市工业和信息化局关于开展项目申报的通知\n根据《某某办法》（财建〔2023〕117号）要求，现通知如下。", null, false],
  ])("%s", (_shape, head, docNumber, fromTable) => {
    const m = meta(notice(head));
    expect(m.docNumber).toBe(docNumber);
    expect(m.warnings.some((w) => w.includes("信息公开表") && w.includes("文号"))).toBe(fromTable);
  });

  it("reads the table's fields (labels with or without spaces, several on a line)", () => {
    expect(infoTable(table)).toMatchObject({ present: true, docNumber: "鲁工信中小〔2025〕146号", issuer: "山东省工业和信息化厅", published: "2025-09-08" });
    expect(infoTable(table).written?.iso).toBe("2025-09-05");
    expect(infoTable("发布时间：2026-03-12 09:30 来源：数字经济处").present).toBe(false);
  });
});

describe("issuer", () => {
  it.each([
    ["from the title", "河北省工业和信息化厅关于开展项目申报的通知", SIGN, "河北省工业和信息化厅"],
    ["two issuers in the title", "河南省工业和信息化厅 河南省财政厅关于组织申报专项资金项目的通知", "河南省工业和信息化厅 河南省财政厅\n二〇二五年六月十八日", "河南省工业和信息化厅 河南省财政厅"],
    ["an office of a department, not two issuers", "陕西省工业和信息化厅办公室关于征集数字化转型服务商的通知", SIGN, "陕西省工业和信息化厅办公室"],
    ["a short form in the title, the signers stacked in full above the date", "自治区工业和信息化厅 财政厅关于组织申报专项资金项目的通知", "宁夏回族自治区工业和信息化厅\n宁夏回族自治区财政厅\n2025年4月1日", "宁夏回族自治区工业和信息化厅 宁夏回族自治区财政厅"],
    ["a markdown heading", "# 海南省工业和信息化厅关于征集应用场景的通知", SIGN, "海南省工业和信息化厅"],
    ["only the signature names it", "关于开展项目申报的通知", "湖南省工业和信息化厅\n2025年5月20日", "湖南省工业和信息化厅"],
    ["only the page's 来源 names it", "关于开展项目申报的通知\n发布时间：2025-10-09 16:20 来源：贵州省工业和信息化厅", "2025年10月9日", "贵州省工业和信息化厅"],
  ])("%s", (_shape, head, tail, issuer) => {
    expect(meta(notice(head, tail)).issuer).toBe(issuer);
  });

  it("splits run-together issuers only when every part is a body of government", () => {
    expect(spaceIssuers("河南省工业和信息化厅河南省财政厅")).toBe("河南省工业和信息化厅 河南省财政厅");
    expect(spaceIssuers("郑州市工业和信息化局郑州市财政局")).toBe("郑州市工业和信息化局 郑州市财政局");
    expect(spaceIssuers("陕西省工业和信息化厅办公室")).toBe("陕西省工业和信息化厅办公室");
    expect(spaceIssuers("某市人民政府办公室")).toBe("某市人民政府办公室");
    expect(spaceIssuers("自治区工业和信息化厅财政厅")).toBe("自治区工业和信息化厅 财政厅");
  });
});

describe("date: the signature's, in any numerals", () => {
  const title = "某某省工业和信息化厅关于开展项目申报的通知";
  it.each([
    ["2025年9月5日", "某某省工业和信息化厅\n2025年9月5日", "2025-09-05"],
    ["Chinese numerals 二〇二五年六月十八日", "某某省工业和信息化厅\n二〇二五年六月十八日", "2025-06-18"],
    ["Chinese numerals with letter O 二OO四年四月六日", "某某省工业和信息化厅\n二OO四年四月六日", "2004-04-06"],
    ["the signer and the date on one line", "山东省工业和信息化厅 2025年9月5日", "2025-09-05"],
    ["ISO 2025-09-05", "某某省工业和信息化厅\n2025-09-05", "2025-09-05"],
    ["two issuers above the date", "河南省工业和信息化厅 河南省财政厅\n二〇二五年六月十八日", "2025-06-18"],
    ["a date broken into one token per line (PDF text)", "辽宁省工业和信息化厅\n2025\n年\n8\n月\n22\n日", "2025-08-22"],
  ])("%s", (_shape, tail, date) => {
    expect(meta(notice(title, tail)).date).toBe(date);
  });

  it("takes this notice's signature date, not that of a forwarded notice printed after it", () => {
    const m = meta(
      [
        "济南市工业和信息化局关于转发《山东省工业和信息化厅关于开展示范企业认定工作的通知》的通知",
        "济工信发〔2025〕61号",
        "各区县工业和信息化局：",
        "现将《山东省工业和信息化厅关于开展示范企业认定工作的通知》（鲁工信创〔2025〕98号）转发给你们，请于6月10日前报送。",
        "济南市工业和信息化局",
        "2025年5月26日",
        "鲁工信创〔2025〕98号",
        "山东省工业和信息化厅关于开展示范企业认定工作的通知",
        "各市工业和信息化局：",
        "请各市于2025年6月20日前将推荐文件报送省工业和信息化厅。",
        "山东省工业和信息化厅",
        "2025年5月12日",
      ].join("\n"),
    );
    expect([m.title.slice(0, 10), m.docNumber, m.issuer, m.date]).toEqual(["济南市工业和信息化局", "济工信发〔2025〕61号", "济南市工业和信息化局", "2025-05-26"]);
    expect(m.parts.map((p) => p.docNumber)).toEqual(["鲁工信创〔2025〕98号"]);
  });

  it("falls back to the table's 成文日期, then the page's 发布日期, and says so", () => {
    const table = meta(`索引号：123/2025-1\n成文日期：2025-09-05\n${title}\n${BODY}`);
    expect(table.date).toBe("2025-09-05");
    expect(table.warnings.some((w) => w.includes("成文日期"))).toBe(true);
    const page = meta(`${title}\n发布时间：2025-10-09 16:20 来源：办公室\n${BODY}`);
    expect(page.date).toBe("2025-10-09");
    expect(page.warnings.some((w) => w.includes("发布日期"))).toBe(true);
  });

  it("warns when the signature and the table's 成文日期 disagree, and keeps the signature", () => {
    const m = meta(`索引号：123/2025-1\n成文日期：2025-12-22\n${title}\n${BODY}\n某某省工业和信息化厅\n2025年12月19日`);
    expect(m.date).toBe("2025-12-19");
    expect(m.warnings.some((w) => w.includes("2025-12-19") && w.includes("2025-12-22"))).toBe(true);
  });

  it("rewrites Chinese-numeral dates for parsing", () => {
    expect(arabicDates("二〇二五年三月二十八日前")).toBe("2025年3月28日前");
    expect(arabicDates("十二月三十一日")).toBe("12月31日");
    expect(arabicDates("第十三月")).toBe("第十三月");
  });
});

describe("deadlines", () => {
  const at = (sentence: string, signed = "2025年9月5日") => meta(`某某省工业和信息化厅关于开展项目申报的通知\n${BODY}\n${sentence}\n某某省工业和信息化厅\n${signed}`);
  it.each([
    ["「于X月X日（星期X）17:00前」", "请各市于10月15日（星期三）17:00前完成推荐，逾期不予受理。", ["2025-10-15"]],
    ["「X月X日（星期X）17时前」", "请于10月17日（星期五）17时前报送。", ["2025-10-17"]],
    ["「下午5:00前」", "请于10月17日下午5:00前报送。", ["2025-10-17"]],
    ["a full date 「（星期五）日前」", "于2025年10月10日（星期五）日前将推荐文件报送省厅。", ["2025-10-10"]],
    ["「截止时间为…17:00」", "网上申报截止时间为2025年12月6日17:00，逾期不予受理。", ["2025-12-06"]],
    ["「申报截止时间：…（星期五）」", "申报截止时间：2025年11月14日（星期五）。", ["2025-11-14"]],
    ["a period whose end has no year", "申报单位于2025年11月5日至12月2日在线填报。", ["2025-12-02"]],
    ["a period in full", "申报时间为2025年9月10日至2025年10月10日。", ["2025-10-10"]],
    ["Chinese numerals without a year", "请各市于十月二十日前将推荐材料报送省厅。", ["2025-10-20"]],
    ["a date split over lines", "请各市于\n2025\n年\n9\n月\n30\n日前将推荐文件报送省厅。", ["2025-09-30"]],
    ["a start (「以后开工」) is not a deadline", "项目应于2024年1月1日以后开工建设，截至申报时已完成投资50%以上。", []],
    ["a condition (「前注册成立」) is not a deadline", "申报企业应为2023年12月31日前注册成立的企业。", []],
    ["a condition dated after its verb (「注册成立时间在…之前」)", "在本省依法注册、具有独立法人资格，注册成立时间在2023年12月31日之前；", []],
    ["a condition without a year (「6月30日前注册」)", "企业应于6月30日前注册满一年，并于9月26日前完成网上申报。", ["2025-09-26"]],
    ["「即日起至…」", "项目申报时间为即日起至2025年9月15日，请各市按时报送。", ["2025-09-15"]],
    ["「（周五）前」", "各区县于9月19日（周五）前完成初审推荐。", ["2025-09-19"]],
    ["「截止日期为X月X日」 without 前", "申报截止日期为10月31日，逾期不予受理。", ["2025-10-31"]],
    ["「X月X日（含）前」", "请于10月20日（含）前报送。", ["2025-10-20"]],
    ["a month-day before the notice's date rolls into the next year", "请于1月30日（星期五）前提交。", ["2026-01-30"], "2025年12月19日"],
  ])("%s", (_shape, sentence, dates, signed?: string) => {
    expect(at(sentence, signed).deadlines.map((d) => d.date)).toEqual(dates);
  });

  it("leaves a forwarded document's own deadline out, keeping its contact", () => {
    const m = meta(
      "四川省经济和信息化厅关于转发《某部关于开展名录申报工作的通知》的通知\n各市经济和信息化局：\n请将推荐汇总表于8月25日前报送省经济和信息化厅。\n联系人：赵明 028-86701234\n四川省经济和信息化厅\n2024年7月30日\n某部办公厅\n工信厅信管函〔2024〕211号\n某部关于开展名录申报工作的通知\n请各推荐单位于2024年9月10日前完成网上推荐。\n联系人：周强 010-68206000",
    );
    expect(m.deadlines.map((d) => d.date)).toEqual(["2024-08-25"]);
    expect(m.contacts.map((c) => c.name)).toEqual(expect.arrayContaining(["赵明", "周强"]));
  });

  it("warns when it inferred the year, not when the year is printed too", () => {
    expect(at("请于10月15日（星期三）17:00前报送。").warnings.some((w) => w.includes("10月15日→2025-10-15"))).toBe(true);
    expect(at("请于三月二十八日前报送，截止时间为2025年3月28日。", "2025年3月10日").warnings.some((w) => w.includes("推定"))).toBe(false);
  });
});

describe("contacts: every one on a line, nobody else's", () => {
  const at = (lines: string, footer = "") => meta(`某某省工业和信息化厅关于开展项目申报的通知\n${BODY}\n${lines}\n某某省工业和信息化厅\n2025年9月5日\n${footer}`).contacts.map((c) => [c.name, c.phone]);
  it.each([
    ["separated by ；", "联系人及电话：中小企业局 张立民，0531-51782316；孙小雨，0531-51782329", [["张立民", "0531-51782316"], ["孙小雨", "0531-51782329"]]],
    ["names and phones separated by 、, with a mobile", "联系人：钱文博、周晓慧，电话：0551-63538712、13805513627", [["钱文博", "0551-63538712"], ["周晓慧", "13805513627"]]],
    ["two names sharing a phone, an office before them", "省工业和信息化厅节能与综合利用处 马志远、范婷婷 0371-65509127", [["马志远", "0371-65509127"], ["范婷婷", "0371-65509127"]]],
    ["「电话：…传真：…」: the fax is no contact", "消费品工业处 吴国栋 电话：0311-87801523 传真：0311-87801500", [["吴国栋", "0311-87801523"]]],
    ["technical support with a mobile", "系统技术支持：山东省中小企业公共服务中心 刘强 15866021873", [["刘强", "15866021873"]]],
    ["names padded with spaces, phones on the next line", "联 系 人：郭  强  任晓东\n联系电话：0351-4045126  0351-4045130", [["郭强", "0351-4045126"], ["任晓东", "0351-4045130"]]],
    ["a name on one line, the phone on the next", "联系人：潘晓东\n联系电话：0851-85288123", [["潘晓东", "0851-85288123"]]],
    ["a contact in parentheses at the end of a sentence", "请于6月6日前报送。（联系人：彭丽，电话：0731-88955132）", [["彭丽", "0731-88955132"]]],
    ["an area code spaced 「024 - …」 and 「/」 between phones", "联系人：孟凡宇、沈悦\n联系电话：024 - 23448061 / 23448065", [["孟凡宇", "024-23448061"], ["沈悦", "23448065"]]],
    ["an area code in parentheses", "联系人：郑海燕，电话：（0791）88157016", [["郑海燕", "0791-88157016"]]],
    ["one name with two phones: the first", "市经济信息委中小企业处：刘晓峰，023-63899012，13908321234", [["刘晓峰", "023-63899012"]]],
    ["the name in parentheses after the phone", "咨询电话：0931-8926543（王老师）", [["王老师", "0931-8926543"]]],
    ["rows of a contacts table", "三、联系人\n姓名 | 处室 | 电话\n赵立国 | 数字经济处 | 0451-82628133\n钱雪 | 数字经济处 | 0451-82628136", [["赵立国", "0451-82628133"], ["钱雪", "0451-82628136"]]],
    ["a quota table is no contact list", "福州市 | 8\n厦门市 | 6", []],
    ["「电话：A 手机：B」: one person", "联系人：马国庆（节能与综合利用处） 电话：0971-8261234 手机：13897012345", [["马国庆", "0971-8261234"]]],
    ["a support line without a name stays", "业务咨询：中小企业服务处 黄海涛 0755-88120001；系统技术支持：0755-88120099", [["黄海涛", "0755-88120001"], [null, "0755-88120099"]]],
    ["a name with a middle dot", "联系人：艾力·买买提 0991-2345678", [["艾力·买买提", "0991-2345678"]]],
    ["office hours in parentheses are no name", "技术支持：天津市中小企业服务中心 022-58832200（工作日9:00-17:00）", [[null, "022-58832200"]]],
    ["names and phones separated by ，", "联系人：中小企业处 张磊，刘芳；联系电话：022-58832101，022-58832102", [["张磊", "022-58832101"], ["刘芳", "022-58832102"]]],
    ["an index number 「索引号：11370000MB…」 is no phone", "索引号：11370000MB28523XXL/2025-00317\n联系人：张立民 0531-51782316", [["张立民", "0531-51782316"]]],
  ])("%s", (_shape, lines, contacts) => {
    expect(at(lines)).toEqual(contacts);
  });

  it.each([
    ["主办/承办, 网站标识码, ICP and a 纠错 hotline", "主办：某某省工业和信息化厅 承办：信息中心\n网站标识码：3700000057 鲁ICP备05045307号\n网站纠错电话：0531-12345678"],
    ["「主办单位」 then the site's 电话/传真/技术支持电话", "主办单位：某某省工业和信息化厅 地址：某路1号\n电话：0851-85288000 传真：0851-85288001 技术支持电话：0851-85288002"],
    ["上一篇/下一篇 and a site 联系电话 line", "上一篇：关于公布名单的通知\n下一篇：关于开展认定的通知\n联系电话：0551-63538000 纠错"],
  ])("ignores a footer: %s", (_shape, footer) => {
    expect(at("联系人：张立民 0531-51782316", footer)).toEqual([["张立民", "0531-51782316"]]);
  });

  it("keeps a contest's 主办单位 and what follows it (not a site footer)", () => {
    const text = `某某省工业和信息化厅关于举办2025年工业设计大赛的通知\n${BODY}\n（一）主办单位：某某省工业和信息化厅\n（二）承办单位：某某省工业设计协会\n三、联系方式\n联系人：张立民 0531-51782316\n某某省工业和信息化厅\n2025年9月5日`;
    expect(meta(text).contacts.map((c) => [c.name, c.phone])).toEqual([["张立民", "0531-51782316"]]);
    expect(meta(text).date).toBe("2025-09-05");
    expect(logicalLines(text)).toContain("（一）主办单位：某某省工业和信息化厅");
  });

  it("normalizes phones as printed", () => {
    expect(normalizePhones("０５３１－５１７８２３１６")).toBe("0531-51782316");
    expect(normalizePhones("010 - 68205662 / 68205661")).toBe("010-68205662 / 68205661");
  });
});

describe("contacts and deadlines of stop 19's shapes", () => {
  const TITLE = "某某市工业和信息化局关于组织申报2026年度智能化改造项目的通知";
  it.each([
    [
      "a phone ending a line, then a line whose first word starts with a unit's character (项目…)",
      "七、联系方式\n装备工业处：李明 029-86781111，王芳 029-86782222\n项目管理平台技术支持：029-86783333（工作日9:00-17:30）",
      [["李明", "029-86781111"], ["王芳", "029-86782222"], [null, "029-86783333"]],
    ],
    [
      "phone numbers broken by a PDF's line width",
      "十、联系方式\n政策咨询：市工信局节能科 赵刚，电话：0351-\n4221111\n资金拨付：市工信局财务科 钱丽，电话：0351-422\n2222",
      [["赵刚", "0351-4221111"], ["钱丽", "0351-4222222"]],
    ],
    [
      "a complete phone number before a numbered line (never joined with the item's number)",
      "三、联系方式\n1.政策咨询：自治区工业和信息化厅消费品工业处 陆敏 0771-2091111\n2.系统操作：中小企业服务中心 蒙强 0771-5512222",
      [["陆敏", "0771-2091111"], ["蒙强", "0771-5512222"]],
    ],
  ])("%s", (_shape, contacts, want) => {
    const m = meta(`${TITLE}\n${BODY}\n${contacts}\n${SIGN}`);
    expect(m.contacts.map((c) => [c.name, c.phone])).toEqual(want);
  });

  it("a day of every year (「每年3月31日前报送」) is a standing duty, not the notice's deadline", () => {
    const m = meta(`${TITLE}\n${BODY}\n三、申报时间\n请于10月20日前报送申报材料。\n四、管理\n示范单位须于每年3月31日前报送上年度发展情况报告。\n${SIGN}`);
    expect(m.deadlines.map((d) => d.date)).toEqual(["2025-10-20"]);
  });
});
