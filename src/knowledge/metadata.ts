import { logicalLines } from "./structure.ts";
import { metadataWarnings } from "./texts.ts";
import type { Contact, Deadline, NoticeMeta, NoticePart } from "./notice-meta.ts";

/**
 * Reads a notice's metadata from its own text, for notices that arrive without a
 * front-matter header: title, issuer, 文号, date, deadlines, contacts, attachments.
 */

/** 「苏工信数字〔2026〕58号」, also with the year in ［］, [], 【】 or （） as some sites print it. */
const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}[〔［\[【（(]\d{4}[〕］\]】）)]\d{1,4}号/;

/** A line that is nothing but a 文号 (optionally labelled), as printed under the issuer's name. */
const DOC_NUMBER_LINE = new RegExp(`^(文号[：:])?\\s*(${DOC_NUMBER.source})$`);
/** How a title ends: 「…的通知」, 「…的函」, also with a short note after it (「…的通知（第二批）」). */
const TITLE_END = /(通知|意见|指南|办法|方案|公告|通告|决定|细则|规定|公示|的函)([（(][^（()）]{1,12}[）)])?$/;

const pad = (n: number | string) => String(n).padStart(2, "0");

/** Full dates in a line: 2024年4月2日, 2024-04-02, 二〇二五年. */
function fullDates(line: string): Array<{ iso: string; index: number }> {
  const out: Array<{ iso: string; index: number }> = [];
  for (const m of line.matchAll(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g)) {
    out.push({ iso: `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`, index: m.index });
  }
  for (const m of line.matchAll(/(\d{4})-(\d{1,2})-(\d{1,2})/g)) {
    out.push({ iso: `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`, index: m.index });
  }
  return out;
}

const CN_DIGIT: Record<string, number> = { "〇": 0, "○": 0, "零": 0, O: 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 };

/** 「十」10, 「十八」18, 「二十」20, 「二十八」28, 「三十一」31. */
function cnNumber(s: string): number {
  const i = s.indexOf("十");
  if (i < 0) return CN_DIGIT[s] ?? NaN;
  const tens = i === 0 ? 1 : (CN_DIGIT[s.slice(0, i)] ?? NaN);
  const ones = i === s.length - 1 ? 0 : (CN_DIGIT[s.slice(i + 1)] ?? NaN);
  return tens * 10 + ones;
}

/** Dates in Chinese numerals (「二〇二五年六月十八日」「三月二十八日前」) rewritten in digits, for parsing only. */
export function arabicDates(line: string): string {
  return line
    .replace(/([〇○零OＯ一二三四五六七八九]{4})\s*年/g, (_, y: string) => `${[...y].map((c) => CN_DIGIT[c]).join("")}年`)
    .replace(/([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/g, (m, mo: string, d: string) => {
      const month = cnNumber(mo);
      const day = cnNumber(d);
      return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `${month}月${day}日` : m;
    });
}

/** A date written 2025年9月5日, 2025-09-05 or 2025年09月05日 as YYYY-MM-DD. */
function isoOf(text: string): string | null {
  const m = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})/.exec(arabicDates(text));
  if (!m) return null;
  const iso = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  return validIso(iso) ? iso : null;
}

/**
 * The 政府信息公开 table many sites print above a notice (索引号, 发文机关, 文号, 成文日期,
 * 发布日期 …), read from the raw text: the page furniture is dropped from the notice's lines.
 */
interface InfoTable {
  present: boolean;
  docNumber: string | null;
  issuer: string | null;
  title: string | null;
  /** 成文日期 (or 生成日期), with the label it was printed under. */
  written: { iso: string; label: string } | null;
  published: string | null;
  /** The page's 来源 when it names a body of government (「贵州省工业和信息化厅」), not an office (「数字经济处」). */
  source: string | null;
}

const INFO_LABELS = "信息索引号|索引号|主题分类|发文机关|发文机构|发布机构|发文单位|成文日期|生成日期|发布日期|发布时间|公开日期|来源|信息来源|文\\s*号|发文字号|标\\s*题|公开方式";

export function infoTable(raw: string): InfoTable {
  const fields = new Map<string, string>();
  const re = new RegExp(`(?:^|\\s)(${INFO_LABELS})\\s*[：:]\\s*([^\\s]+)`, "g");
  const cellLabel = new RegExp(`^(${INFO_LABELS})$`);
  for (const line of raw.replace(/\r\n?/g, "\n").split("\n").slice(0, 30)) {
    for (const m of line.trim().matchAll(re)) {
      const label = m[1]!.replace(/\s/g, "");
      if (!fields.has(label)) fields.set(label, m[2]!);
    }
    // A table copied cell by cell: 「索引号<TAB>000014348/2025-00052<TAB>发文机构<TAB>北京市经济和信息化局」.
    const cells = line.split(/\t|\s\|\s/).map((c) => c.trim());
    for (let i = 0; i + 1 < cells.length; i++) {
      if (!cellLabel.test(cells[i]!) || cells[i + 1] === "") continue;
      const label = cells[i]!.replace(/\s/g, "");
      if (!fields.has(label)) fields.set(label, cells[i + 1]!);
    }
  }
  const strong = ["信息索引号", "索引号", "主题分类", "发文机关", "发文机构", "发布机构", "成文日期", "生成日期", "发文字号"].filter((l) => fields.has(l));
  const present = strong.length >= 1 && fields.size >= 2;
  const get = (...labels: string[]) => labels.map((l) => fields.get(l)).find((v) => v !== undefined) ?? null;
  const num = get("文号", "发文字号");
  const issuer = get("发文机关", "发文机构", "发布机构", "发文单位");
  const writtenLabel = ["成文日期", "生成日期"].find((l) => fields.has(l) && isoOf(fields.get(l)!));
  const title = get("标题");
  // The page's own 发布日期/发布时间 (printed with or without a table): a last resort for the date.
  const published = get("发布日期", "发布时间", "公开日期");
  return {
    present,
    docNumber: present && num && DOC_NUMBER.test(num) ? DOC_NUMBER.exec(num)![0] : null,
    issuer: present && issuer && /(厅|局|委员会|委|政府|办公室|管委会)$/.test(issuer) ? issuer : null,
    title: present && title && TITLE_END.test(title) ? title : null,
    written: present && writtenLabel ? { iso: isoOf(fields.get(writtenLabel)!)!, label: `信息公开表的${writtenLabel}` } : null,
    published: published ? isoOf(published) : null,
    source: ((v) => (v && /^[\u4e00-\u9fa5]{2,8}(省|市|自治区|区|县)[\u4e00-\u9fa5]{2,20}(厅|局|委员会|政府)$/.test(v) ? v : null))(get("来源", "信息来源")),
  };
}

/** 「河南省工业和信息化厅河南省财政厅」 (two issuers, the space lost in cleaning) → 「河南省工业和信息化厅 河南省财政厅」. */
export function spaceIssuers(s: string): string {
  const parts: string[] = [];
  let rest = s;
  while (rest !== "") {
    const m = /^[\u4e00-\u9fa5]{2,20}?(厅|局|委员会|办公室|政府)/.exec(rest);
    // A later part may be a short form (「自治区工业和信息化厅 财政厅」).
    if (!m || m[0].length < (parts.length ? 3 : 4)) return s;
    parts.push(m[0]);
    rest = rest.slice(m[0].length).trim();
  }
  return parts.join(" ");
}

function validIso(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso);
}

/** Where the body of the notice ends: the first annex marker (附件1 on its own line). */
/** Where the notice's own text ends: at its first 「附件1」 line. */
function bodyEnd(lines: string[]): number {
  const annex = lines.findIndex((l, idx) => idx > 3 && /^附件\s*\d+(-\d+)?$/.test(l));
  return annex < 0 ? lines.length : annex;
}

/**
 * Where the deadlines this notice sets end: also after its signature date when a forwarded document
 * follows without an 「附件1」 line (the date, then the upstream document's 文号): the upstream's own
 * deadline is for the offices it addresses, not for this notice's readers. Its contacts still help.
 */
function deadlinesEnd(lines: string[], end: number): number {
  const forwarded = lines.findIndex((l, idx) => idx > 3 && idx < end && /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(l) && lines.slice(idx + 1, idx + 5).some((x) => DOC_NUMBER_LINE.test(x)));
  return forwarded < 0 ? end : forwarded + 1;
}

function findTitle(lines: string[]): { title: string | null; index: number; sure: boolean } {
  const candidates: number[] = [];
  for (let i = 0; i < Math.min(lines.length, 15); i++) {
    const l = lines[i]!;
    if (l.length >= 8 && l.length <= 120 && TITLE_END.test(l) && !/[。；：:>＞]/.test(l) && !/^(附件|抄送)/.test(l)) candidates.push(i);
  }
  // A notice's own title says what it is about (「…关于…的通知」); an upstream title sits inside 《》.
  // A title broken over two lines whose first part is too short to be joined (「关于征集2026年度智能制造」
  // + 「优秀场景和示范工厂的通知」), and the issuer printed on the line above 「关于…」 (a joint notice's
  // 「河南省工业和信息化厅 河南省财政厅」): one title block.
  const block = (i: number): { text: string; start: number } => {
    let text = lines[i]!;
    let start = i;
    const prev = lines[i - 1];
    if (!/关于|转发/.test(text) && prev && /关于/.test(prev) && prev.length <= 60 && !/[。；：:，,]/.test(prev) && !TITLE_END.test(prev)) {
      text = prev + text;
      start = i - 1;
    }
    const above = lines[start - 1];
    if (/^关于/.test(text) && above && ISSUER_LINE.test(above) && !/文件$/.test(above)) {
      text = above + text;
      start -= 1;
    }
    return { text, start };
  };
  const own = candidates.find((i) => /关于|转发/.test(block(i).text.replace(/《[^》]*》/g, "")) || /^.{2,30}(厅|局|委员会|政府)关于/.test(lines[i]!));
  const pick = own ?? candidates[0];
  if (pick !== undefined) return { title: block(pick).text, index: pick, sure: own !== undefined };
  // A guide or opinion with no 关于…的通知 line: the first short line that reads like a title.
  for (let i = 0; i < Math.min(lines.length, 6); i++) {
    const l = lines[i]!;
    if (l.length >= 8 && l.length <= 40 && !/[。；：:，]/.test(l) && !/^附件/.test(l)) return { title: l, index: i, sure: false };
  }
  // Last resort: the document names itself in a 《…》 reference (「相关链接 《…的实施意见》政策解读」).
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /《([^《》]{8,90}?(通知|意见|指南|办法|方案))》/.exec(lines[i]!);
    if (m) return { title: m[1]!, index: -1, sure: false };
  }
  return { title: null, index: -1, sure: false };
}

const ISSUER_LINE = /^(.{2,30}?(厅|局|委员会|委|政府|办公室|管委会))(文件)?$/;

/** The signers stacked above the signature date (「宁夏回族自治区工业和信息化厅」「宁夏回族自治区财政厅」), top first. */
function signatureBlock(lines: string[], signatureIndex: number): string | null {
  const signers: string[] = [];
  for (let i = signatureIndex - 1; i >= 0 && i >= signatureIndex - 3; i--) {
    const m = ISSUER_LINE.exec(lines[i]!);
    if (!m || m[3]) break;
    signers.unshift(m[1]!);
  }
  return signers.length ? signers.join(" ") : null;
}

function findIssuer(lines: string[], title: string | null, signatureIndex = -1): string | null {
  for (const l of lines.slice(0, 6)) {
    const m = ISSUER_LINE.exec(l);
    if (m) return m[1]!;
  }
  const signed = signatureIndex > 0 ? signatureBlock(lines, signatureIndex) : null;
  if (title) {
    const m = /^(.{2,30}?(厅|局|委员会|委|政府|办公室))(关于|转发)/.exec(title);
    // 「自治区工业和信息化厅 财政厅关于…」「省工信厅关于…」: a short form; the signature names them in full.
    if (m && !(signed && /^(省|市|自治区|区|县)/.test(m[1]!))) return m[1]!;
  }
  return signed;
}

function findDate(lines: string[], end: number): { date: string | null; index: number } {
  // The signature date: a line that is only a date, last one before the annexes.
  for (let i = end - 1; i >= 0; i--) {
    const l = lines[i]!;
    // 「2025年9月5日」, or the signer and the date on one line (「山东省工业和信息化厅 2025年9月5日」).
    const m = /^(?:.{2,40}(?:厅|局|委员会|政府|办公室)\s*)?(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(l) ?? /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(l);
    if (m && validIso(`${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`)) return { date: `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`, index: i };
  }
  return { date: null, index: -1 };
}

const DEADLINE_CUE = /(截止|截至|前报送|前将|前上报|前提交|前报|之前|逾期|前完成|(即日|之日)起?\s*[至到])/;
/** 「8月25日前」「9月11日下班前」「10月24日之前」: a date without a year that is itself a deadline. */
const MONTH_DAY_BEFORE =
  /(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:[（(](?:星期|周)[一二三四五六日天][）)])?\s*(?:[（(]含[）)])?\s*(?:(?:上午|下午|晚上)?\s*\d{1,2}\s*[:：时点]\s*(?:\d{1,2}\s*分?)?)?\s*(下班前|前|之前|截止|止)/g;
const ELIGIBILITY_DATE = /(注册|成立|设立|登记|投产|建成|竣工|开工|认定|获得|取得|实施|完成投资)/;
/** What follows a date that is a deadline: an optional weekday and time, then 前/之前/截止/止. */
const BEFORE_AFTER_DATE =
  /^\s*(?:[（(](?:星期|周)[一二三四五六日天][）)])?\s*(?:[（(]含[）)])?\s*(?:(?:上午|下午|晚上)?\s*\d{1,2}\s*[:：时点]\s*(?:\d{1,2}\s*分?)?)?\s*日?\s*(下班前|前|之前|截止|止)/;
/** 「2024年11月5日至12月2日」「2025年9月10日至2025年10月10日」: a period, its end with or without a year. */
const PERIOD_SHORT_END =
  /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:[（(][^）)]{0,8}[）)])?\s*(?:[至到~～—]|-)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
/** Words of a submission window: a period in such a sentence ends on a deadline. */
const SUBMIT = /(申报|填报|报送|提交|受理|申请|征集|推荐|上传)/;

function sentencesOf(line: string): string[] {
  return line.match(/[^。；！？]+[。；！？]?/g) ?? [line];
}

/** Year for a month-day deadline: the notice's year, or the next one when the day falls before publication. */
export function inferYear(month: number, day: number, noticeDate: string | null): string | null {
  if (!noticeDate || noticeDate.length < 10) return noticeDate?.slice(0, 4) ?? null;
  const year = Number(noticeDate.slice(0, 4));
  const md = `${pad(month)}-${pad(day)}`;
  return String(md < noticeDate.slice(5) ? year + 1 : year);
}

function findDeadlines(lines: string[], end: number, date: string | null, inferred: string[]): Deadline[] {
  const out: Deadline[] = [];
  const seen = new Set<string>();
  for (const line of lines.slice(0, end)) {
    for (const sentence of sentencesOf(line)) {
      const monthDay = [...sentence.matchAll(MONTH_DAY_BEFORE)].filter((m) => !/\d{4}\s*年\s*$/.test(sentence.slice(0, m.index)));
      const periods = SUBMIT.test(sentence) ? [...sentence.matchAll(PERIOD_SHORT_END)] : [];
      const full = fullDates(sentence);
      const after = (d: { index: number }) => sentence.slice(d.index).replace(/^\d{4}\s*(年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|-\d{1,2}-\d{1,2})/, "");
      // 「2025年8月8日（星期五）前」「2025年8月15日（星期五）日前」「2024年12月6日17:00前」
      // 「2023年12月31日前注册成立的企业」 is a condition, not a deadline.
      const fullBefore = full.some((d) => BEFORE_AFTER_DATE.test(after(d))) && !ELIGIBILITY_DATE.test(sentence);
      if (!DEADLINE_CUE.test(sentence) && !fullBefore && monthDay.length === 0 && periods.length === 0) continue;
      // 「2025年8月1日至2025年9月30日」「2024年11月5日至12月2日」: the period's end is the deadline;
      // 「2024年1月1日以后开工」「自2025年起」: a start, not a deadline.
      // 「注册成立时间在2023年12月31日之前」「2024年6月30日前注册」: a condition's date, next to what it dates.
      const conditionDate = (at: number, rest: string) =>
        ELIGIBILITY_DATE.test(sentence.slice(Math.max(0, at - 12), at).split(/[，,；]/).pop()!) || ELIGIBILITY_DATE.test(rest.slice(0, 10).split(/[，,；]/)[0]!);
      const dates = full
        .filter((d) => !conditionDate(d.index, after(d)))
        .filter((d, i) => !(full[i + 1] && /^[^，。；]{0,12}[至到~～—-]/.test(after(d))))
        .filter((d) => !periods.some((p) => p.index === d.index))
        .filter((d) => !/^\s*(以后|以来|之后|后|起|开始)/.test(after(d)))
        .map((d) => d.iso);
      for (const p of periods) dates.push(`${p[4] ?? p[1]}-${pad(p[5]!)}-${pad(p[6]!)}`);
      // 「申报截止日期为9月30日」: after 截止/截至 a date without a year is the deadline too.
      const cut = /截止|截至/.exec(sentence);
      if (cut) {
        for (const m of sentence.slice(cut.index).matchAll(/(?<![\d年])\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g)) {
          if (!monthDay.some((x) => x[1] === m[1] && x[2] === m[2])) monthDay.push(m);
        }
      }
      for (const m of monthDay) {
        if (conditionDate(m.index!, sentence.slice(m.index! + m[0].length))) continue;
        // 「示范单位须于每年3月31日前报送…」: a day of every year is a standing duty, not this notice's deadline.
        if (/(每年|每季度|每月|每半年|年度内)[^，。；]{0,4}$/.test(sentence.slice(Math.max(0, m.index! - 8), m.index!))) continue;
        const year = inferYear(Number(m[1]), Number(m[2]), date);
        if (!year) continue;
        const iso = `${year}-${pad(m[1]!)}-${pad(m[2]!)}`;
        if (dates.includes(iso)) continue;
        dates.push(iso);
        inferred.push(`${m[1]}月${m[2]}日→${iso}`);
      }
      for (const iso of dates) {
        if (!validIso(iso) || seen.has(iso)) continue;
        seen.add(iso);
        const what = sentence.replace(/^[（(][一二三四五六七八九十\d]+[）)]/, "").replace(/^\d+[.．、]/, "").trim();
        out.push({ date: iso, what: what.length > 120 ? `${what.slice(0, 118)}…` : what });
      }
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** A mobile (13805513627), or a fixed line with or without its area code; never digits inside a longer code. */
const PHONE = /(?<![\dA-Za-z])(1[3-9]\d{9}|(?:0\d{2,3}-?)?\d{7,8})(?![\dA-Za-z])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

const CONTACT_CUE = /联系人|联系电话|联系方式|电话|咨询|技术支持|联系/;
const OFFICE = /[\u4e00-\u9fa5]{2,16}?(处|科|室|中心|办公室|局|厅|委员会)/g;
/** Labels that read like names but are not (「业务咨询」「技术支持」). */
const LABEL = /^(联系人及联系方式|联系人及电话|联系人及联系电话|联系人和电话|联系人及方式|联系方式及电话|业务联系人|联系处室|联系部门|联系人|联系电话|电话|联系方式|业务咨询|咨询电话|咨询|系统技术支持|技术支持|邮箱|传真|手机|座机|地址|电子邮箱|联\s*系\s*人)$/;

/** 「艾力·买买提」: a name written with a middle dot (Uyghur, Kazakh, Tibetan names in Chinese). */
const PERSON_WITH_DOT = /^[\u4e00-\u9fa5]{1,6}[·•][\u4e00-\u9fa5]{1,8}$/;

/** Common surnames: where two names lost the space between them (「郭强任晓东」), the second starts with one. */
const SURNAMES = new Set(
  [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"],
);

/** 「郭强任晓东」「马志远范婷婷」: two names of two or three characters each, when exactly one split fits. */
function splitNames(w: string): [string, string] | null {
  if (!/^[\u4e00-\u9fa5]{4,6}$/.test(w) || !SURNAMES.has(w[0]!)) return null;
  const fits = [2, 3].filter((k) => w.length - k >= 2 && w.length - k <= 3 && SURNAMES.has(w[k]!));
  return fits.length === 1 ? [w.slice(0, fits[0]), w.slice(fits[0])] : null;
}

/** 「010 - 68205662」「（0531）51782316」「０５３１－…」 → 「010-68205662」: phones as the PHONE pattern reads them. */
export function normalizePhones(line: string): string {
  return line
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[（(](0\d{2,3})[）)]\s*(\d{7,8})/g, "$1-$2")
    .replace(/(0\d{2,3})\s*[-－—–]\s*(\d{7,8})/g, "$1-$2");
}

type Token = { kind: "name"; value: string; note: string | null } | { kind: "phone"; value: string } | { kind: "label"; value: string };

/** Names and phones of a contact line, in order: 「数字经济处 王立新 025-…，陈静 025-…」, 「赵明、孙悦，电话：A、B」. */
function contactTokens(line: string): Token[] {
  const tokens: Token[] = [];
  // 「（联系人：彭丽，电话：0731-…）」 is the contact itself, not a note on the name before it.
  const text = normalizePhones(line)
    .replace(EMAIL, " ")
    .replace(/[（(]([^）)]{0,30})[）)]/g, (m, inner: string) =>
      // A note stays one word (「（工作日9:00-17:00）」 is not split at its colon).
      /联系|电话|\d{7}/.test(inner) ? ` ${inner} ` : ` （${inner.replace(/[\s、，,；;：:。|]+/g, "·")}） `,
    );
  const phoneAt = [...text.matchAll(PHONE)].map((m) => ({ index: m.index!, value: m[1]! }));
  let last = 0;
  const pushWords = (segment: string) => {
    for (const raw of segment.split(/[\s、，,；;：:。|]+/)) {
      const w = raw.trim();
      if (w === "" || !/[\u4e00-\u9fa5]/.test(w)) continue;
      if (/^[（(]/.test(w)) {
        const prev = tokens[tokens.length - 1];
        const inner = w.slice(1, -1);
        // 「0931-8926543（王老师）」: the name after the phone it belongs to.
        if (prev?.kind === "phone" && /^[\u4e00-\u9fa5]{2,3}$/.test(inner) && !LABEL.test(inner)) tokens.splice(tokens.length - 1, 0, { kind: "name", value: inner, note: null });
        else if (prev?.kind === "name") prev.note = inner;
        continue;
      }
      if (LABEL.test(w)) {
        tokens.push({ kind: "label", value: w });
        continue;
      }
      // 「装备工业处林浩」: an office, then the name; 「数字经济处」 alone is an office.
      const offices = [...w.matchAll(OFFICE)];
      const end = offices.length ? offices[offices.length - 1]!.index! + offices[offices.length - 1]![0].length : 0;
      const rest = w
        .slice(end)
        .replace(/^(联系人|联系电话|电话)/, "")
        .replace(/(联系电话|电话|手机|座机|办公电话|传真|联系方式)$/, "");
      const office = end > 0 ? w.slice(0, end) : null;
      if ((/^[\u4e00-\u9fa5]{2,3}$/.test(rest) || PERSON_WITH_DOT.test(rest)) && !LABEL.test(rest)) tokens.push({ kind: "name", value: rest, note: office });
      else if (splitNames(rest)) for (const n of splitNames(rest)!) tokens.push({ kind: "name", value: n, note: office });
      else if (office) tokens.push({ kind: "label", value: office });
    }
  };
  for (const p of phoneAt) {
    const before = text.slice(last, p.index);
    pushWords(before);
    // A fax number is not a contact's phone.
    if (/传\s*真[：:]?\s*$/.test(before)) {
      last = p.index + p.value.length;
      continue;
    }
    if (!/^\d{4}$/.test(p.value)) tokens.push({ kind: "phone", value: p.value });
    last = p.index + p.value.length;
  }
  pushWords(text.slice(last));
  return tokens;
}

function findContacts(lines: string[], end: number): Contact[] {
  const contacts: Contact[] = [];
  // 「联系人：郭强 任晓东」 on one line, 「联系电话：A B」 on the next: the names wait for their phones.
  let waiting: Token[] = [];
  for (const line of lines.slice(0, end)) {
    const email = /邮\s*箱|邮件|E-?mail/i.test(line) ? line.match(EMAIL)?.[0] : undefined;
    const hasPhone = [...normalizePhones(line).matchAll(PHONE)].some((m) => !/^\d{4}$/.test(m[1]!));
    const held = waiting;
    waiting = [];
    if (!hasPhone && /^联\s*系\s*人/.test(line)) {
      waiting = contactTokens(line).filter((t) => t.kind === "name");
      continue;
    }
    if (/^(邮\s*箱|地\s*址)/.test(line) || !hasPhone) {
      // An e-mail line belongs to the contact just above it.
      if (email) {
        const lastContact = contacts[contacts.length - 1];
        if (lastContact && lastContact.email === null) lastContact.email = email;
        else contacts.push({ name: null, phone: null, email, note: null });
      }
      continue;
    }
    let tokens = contactTokens(line);
    if (held.length > 0 && !tokens.some((t) => t.kind === "name")) tokens = [...held, ...tokens];
    // Without a cue word, only a short 「处室 姓名 电话」 line is a contact line.
    const namePhone = tokens.some((t, i) => t.kind === "name" && tokens[i + 1]?.kind === "phone");
    // A row of a contacts table (「赵立国 | 数字经济处 | 0451-82628133」): a name and a full phone number.
    const tableRow = line.includes("|") && tokens.some((t) => t.kind === "name") && tokens.some((t) => t.kind === "phone" && /^(0\d{2,3}-\d|1[3-9]\d{9}$)/.test(t.value));
    if (!CONTACT_CUE.test(line) && !(namePhone && line.length <= 80) && !(tableRow && line.length <= 80)) continue;
    const found: Contact[] = [];
    let names: Array<{ value: string; note: string | null }> = [];
    let label: string | null = null;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind === "label") {
        if (!/^(联系人|联系电话|电话|联系方式|联系人及联系方式|手机)$/.test(t.value)) label = t.value;
        continue;
      }
      if (t.kind === "name") {
        names.push({ value: t.value, note: t.note ?? label });
        continue;
      }
      // A run of phones: pair with the names before it one to one, or share one phone among them.
      const before = tokens[i - 1];
      const phones = [t.value];
      while (tokens[i + 1]?.kind === "phone") phones.push((tokens[++i] as { value: string }).value);
      // 「马国庆 电话：A 手机：B」: B is the same person's second number, not a contact without a name.
      if (names.length === 0 && found.length > 0 && before?.kind === "label" && /^(手机|座机|电话|办公电话|联系电话)$/.test(before.value)) continue;
      if (names.length === 0) {
        for (const ph of phones) found.push({ name: null, phone: ph, email: null, note: label });
      } else if (names.length === phones.length) {
        names.forEach((n, k) => found.push({ name: n.value, phone: phones[k]!, email: null, note: n.note }));
      } else {
        for (const n of names) found.push({ name: n.value, phone: phones[0]!, email: null, note: n.note });
      }
      names = [];
    }
    if (email && found.length > 0) found[found.length - 1]!.email = email;
    contacts.push(...found);
  }
  return contacts;
}

function findAttachments(lines: string[], end: number): string[] {
  const start = lines.findIndex((l, i) => i < end && /^附件[：:]/.test(l));
  if (start < 0) return [];
  const out: string[] = [];
  const first = lines[start]!.replace(/^附件[：:]\s*/, "");
  // 「附件：某某通知」: a single attachment, not a numbered list.
  if (first !== "" && !/^\d{1,2}[.．、]/.test(first)) return [first];
  const items = [first, ...lines.slice(start + 1, end)];
  for (const item of items) {
    const m = /^(\d{1,2})[.．、]\s*(.+)$/.exec(item.trim());
    if (!m) {
      if (item.trim() === "") continue;
      if (out.length > 0) break;
      continue;
    }
    out.push(m[2]!.trim());
  }
  return out;
}

function findParts(lines: string[], mainDocNumberIndex: number): NoticePart[] {
  const parts: NoticePart[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (i <= mainDocNumberIndex) continue;
    const l = lines[i]!;
    if (l.length > 30 || !DOC_NUMBER.test(l) || DOC_NUMBER.exec(l)![0] !== l) continue;
    const title = lines.slice(i + 1, i + 4).find((t) => TITLE_END.test(t) && t.length <= 90);
    if (!title) continue;
    const issuer = findIssuer([lines[i - 1] ?? ""], title) ?? "";
    parts.push({ startsAt: l, title, issuer, docNumber: l });
  }
  return parts;
}

function mostMentionedProvince(lines: string[]): string | null {
  const counts = new Map<string, number>();
  for (const l of lines) for (const m of l.matchAll(/([\u4e00-\u9fa5]{2,3}省)/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 3 ? best[0] : null;
}

export type ExtractedMeta = Omit<NoticeMeta, "docId" | "takesApplications" | "region" | "sha256" | "source"> & {
  region: string | null;
  /** Fields read with doubt or not found, in Chinese for the staff member who ingests (`ingest --json`). */
  warnings: string[];
};

export function extractMetadata(raw: string): ExtractedMeta {
  const lines = logicalLines(raw);
  const end = bodyEnd(lines);
  const table = infoTable(raw);
  const found = findTitle(lines);
  let { title } = found;
  const { index: titleIndex } = found;
  let titleSure = found.sure;
  let titleFromTable = false;
  if (!titleSure && table.title) {
    title = table.title;
    titleSure = true;
    titleFromTable = true;
  }
  // The 文号 stands on its own line above or just below the title; 文号 in 《》（…号） are cited documents'.
  // A 「文号：…」 row of the 信息公开 table is the site's, read below only when the notice prints none.
  const tableRow = (l: string) => table.present && /^(文\s*号|发文字号)[：:]/.test(l);
  const near = lines.slice(0, Math.max(titleIndex, 0) + 4);
  let docLine = near.findIndex((l) => DOC_NUMBER_LINE.test(l) && !tableRow(l));
  if (docLine < 0 && titleIndex >= 0) docLine = lines.slice(0, titleIndex + 1).findIndex((l) => DOC_NUMBER.test(l) && !/《|（[^）]*〔/.test(l) && !tableRow(l));
  let docNumber = docLine >= 0 ? DOC_NUMBER.exec(lines[docLine]!)![0] : null;
  const docNumberFromTable = docNumber === null && table.docNumber !== null;
  if (docNumberFromTable) docNumber = table.docNumber;
  const dateLines = lines.map(arabicDates);
  // A forwarded notice printed after this one's signature (its own 文号 and title) has its own signature
  // date: this notice's is the last one before it.
  const parts = findParts(lines, docLine >= 0 ? docLine : 0);
  const firstPart = parts.length ? lines.indexOf(parts[0]!.startsAt) : -1;
  const ownSigned = firstPart > 0 ? findDate(dateLines, Math.min(end, firstPart)) : null;
  const signed = ownSigned?.date ? ownSigned : findDate(dateLines, end);
  const signatureIndex = signed.index;
  let date = signed.date;
  const dateWarnings: string[] = [];
  const w = metadataWarnings;
  if (date === null && table.written) {
    date = table.written.iso;
    dateWarnings.push(w.dateFromTable(date, table.written.label));
  } else if (date === null && table.published) {
    date = table.published;
    dateWarnings.push(w.dateFromTable(date, "网页的发布日期"));
  } else if (date !== null && table.written && table.written.iso !== date) {
    dateWarnings.push(w.dateDisagrees(date, table.written.iso, table.written.label));
  }
  const inferred: string[] = [];
  const foundIssuer = findIssuer(lines, title, signatureIndex) ?? table.issuer ?? table.source;
  const issuerFromPage = foundIssuer !== null && findIssuer(lines, title, signatureIndex) === null && table.issuer === null;
  const issuer = foundIssuer === null ? null : spaceIssuers(foundIssuer);
  // Two issuers at the head of the title lost their space in cleaning: put it back.
  const head = title ? /^(.{4,40}?(厅|局|委员会|办公室|政府))(关于|转发)/.exec(title) : null;
  if (title && head) title = spaceIssuers(head[1]!) + title.slice(head[1]!.length);
  const region = /^(.{2,3}?(省|自治区|市))/.exec(issuer ?? title ?? "")?.[1] ?? mostMentionedProvince(lines.slice(0, end));
  const deadlines = findDeadlines(dateLines, deadlinesEnd(lines, end), date, inferred);
  const contacts = findContacts(lines, end);
  const warnings = [
    ...(title === null ? [w.noTitle] : titleFromTable ? [w.titleFromTable(title)] : titleSure ? [] : [w.titleGuessed(title)]),
    ...(docNumber === null ? [w.noDocNumber] : docNumberFromTable ? [w.docNumberFromTable(docNumber)] : []),
    ...(issuer === null ? [w.noIssuer] : issuerFromPage ? [w.issuerFromPage(issuer)] : []),
    ...(date === null ? [w.noDate] : []),
    ...dateWarnings,
    ...(deadlines.length === 0 ? [w.noDeadline] : []),
    ...inferred.map(w.yearInferred),
    ...(contacts.length === 0 ? [w.noContact] : []),
    ...contacts.filter((c) => c.name === null && c.phone !== null).map((c) => w.phoneWithoutName(c.phone!)),
  ];
  return {
    title: title ?? lines[0] ?? "",
    issuer,
    docNumber,
    date,
    region,
    deadlines,
    contacts,
    attachments: findAttachments(lines, end),
    parts,
    warnings,
  };
}
