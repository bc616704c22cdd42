import { cleanLine } from "./text-clean.ts";
import type { NoticeMeta } from "./notice-meta.ts";

/**
 * Parser for the structure of Chinese government notices: heading levels
 * 一、 / （一） / 1. / （1）, 附件N / 附表N annexes, untagged annex titles, and
 * document parts with their own 文号 (a provincial notice forwarded by a city).
 */

export interface Section {
  /** Heading path from the top, e.g. ["二、申报条件", "（一）工业互联网平台类"]. */
  path: string[];
  /** Index into meta.parts + 1; 0 is the notice itself. */
  part: number;
  paragraphs: string[];
  /** Heading level of the last path element (0 annex/title, 1..4 numbered levels). */
  level: number;
}

export interface Chunk {
  id: string;
  docId: string;
  part: number;
  section: string;
  text: string;
  order: number;
}

const TERMINAL = /[。；;！!？?：:）)」”\d%]$/;
/** Lines that end a header block or label a field: never glued to the next line. */
const NO_JOIN_AFTER = /(通知|意见|指南|办法|文件|的函|通知[（(][^（()）]{1,12}[）)]|[〔［\[【（(]\d{4}[〕］\]】）)]\d+号)$/;
const FIELD_LABEL = /^[\u4e00-\u9fa5]{1,6}[：:]/;
/** 「注：示范平台方向填报(5000字以内)」 introduces one direction's part of a shared form. */
const DIRECTION_NOTE = /^注[：:](.{2,20}?)方向填报/;
const L1 = /^([一二三四五六七八九十]+)、\s*/;
const L2 = /^[（(]([一二三四五六七八九十]+)[）)]\s*/;
const L2_DIRECTION = /^方向[一二三四五六七八九十]+[：:]\s*/;
const L3 = /^(\d{1,2})[.．、](?!\d)\s*/;
const L4 = /^[（(](\d{1,2})[）)]\s*/;
const ANNEX = /^(附件|附表|附)\s*([0-9]+(?:-[0-9]+)?)\s*$/;
const ATTACHMENT_LIST = /^附件[：:]/;
const UNTAGGED_TITLE = /(指引|办法|要素条件|申报书|汇总表|推荐表|实施方案|编制大纲|申报指南|绩效目标|承诺书|指标参考)$/;
const EDITION_LINE = /^[（(]\d{4}年版[）)]$/;

type Heading = { level: number; label: string; body: string | null };

/** Split raw text into cleaned logical lines, joining lines the extraction broke mid-sentence. */
/** Web-page furniture around a notice: breadcrumbs, page info, footers. Never the notice's own data. */
const BOILERPLATE =
  /^(首页\s*[>＞»]|今天是|当前位置|您的位置|您当前的位置|当前的位置|您现在的位置|所在位置)|^([^。；>＞»]{1,20}[>＞»]){2,}[^。；>＞»]{1,30}$|^((信息)?索引号|主题分类|发文机关|发文机构|发布机构|成文日期|生成日期|公开方式|公开范围|有\s*效\s*性|发文字号)\s*([：:]|\t|\s\|)|^标\s*题\s*([：:]|\t|\s\|)|扫一扫|【\s*大\s*中\s*小\s*】|^上一篇|^下一篇|^主办[：:]|^承办[：:]|^([\u4e00-\u9fa5]{2,8}\s*[>＞»]\s*){2,}[\u4e00-\u9fa5]{2,8}$|发布时间[：:]|发布日期[：:]|信息来源[：:]|^来源[：:]|浏览次数|【字体|打印本页|关闭窗口|关闭本页|分享到|网站地图|^主办单位[：:]|^承办单位[：:]|网站标识码|ICP备|公网安备|投诉电话|纠错电话|值班电话|信访|版权所有|隐私声明|^相关附件[：:]?$/;

/** A PDF's page number printed between pages: 「— 2 —」「- 2 -」「第 2 页 共 4 页」「2 / 4」. */
const PAGE_MARKER = /^([—–\-－‒―~]+\s*\d{1,3}\s*[—–\-－‒―~]+|第\s*\d{1,3}\s*页(\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;
/** What cannot begin a line of its own: the extraction broke the sentence before it (「，纳税信用等级…」). */
const CONTINUES = /^[，、。；：,;:）)」』”’%％]/;
/** A figure broken from its unit (「不超过50」 + 「万元，…」). */
// A word that only starts with a unit's character (项目, 年度, 人员) is no unit: 「…029-86788230」 + 「项目管理平台…」 are two lines.
const UNIT_START = /^(?!项目|年度|月份|日期|号码|名单|名称|次年|台账|人员|人民|家庭|户籍|分别|分类|件事|千方百计|百分)[个家人万亿元年月日号项件吨倍分名次台套户千百]/;

/** A signature date on its own line (「2025年6月18日」「二〇二五年六月十八日」): never glued to the signer above. */
const SIGNATURE_DATE = /^[\d〇○零OＯ一二三四五六七八九]{4}\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日$/;

/** Lines that open a site's footer, printed after the notice. */
const PAGE_END = /^(上一篇|下一篇)|扫一扫在手机|网站标识码|ICP备|公网安备|版权所有/;
/** 「主办单位：…」 opens a footer only with a site's marks on it or just below; a contest's 主办单位 is text. */
const SITE_OWNER = /^主办[：:]|^主办单位[：:]|^承办[：:]|^[\u4e00-\u9fa5]{4,30}主办\s*$/;

/** A site's menu bar: five or more short words and nothing else (「首 页 新闻中心 政务公开 互动交流 办事服务」). */
const MENU_BAR = /^([\u4e00-\u9fa5]{1,6}[ \t\u3000]+){4,}[\u4e00-\u9fa5]{1,6}$/;

export function isBoilerplate(line: string): boolean {
  return BOILERPLATE.test(line) || (MENU_BAR.test(line) && !/(厅|局|委员会|政府)(\s|$)/.test(line));
}

/** The notice's lines, cleaned, with sentences broken across lines joined; web-page furniture dropped. */
export function logicalLines(raw: string): string[] {
  const lines: string[] = [];
  const rawLines = raw.replace(/\r\n?/g, "\n").split("\n");
  for (const [k, rawLine] of rawLines.entries()) {
    // The site's footer (上一篇/下一篇, 主办/承办, 网站标识码, ICP备): nothing of the notice follows it.
    const t = rawLine.trim();
    if (lines.length >= 5 && (PAGE_END.test(t) || (SITE_OWNER.test(t) && rawLines.slice(k, k + 4).some((l) => /网站|ICP备|公网安备|版权所有|邮编|地址[：:].*(电话|传真)|技术支持电话/.test(l))))) break;
    if (isBoilerplate(rawLine.trim()) || PAGE_MARKER.test(t)) continue;
    for (const piece of cleanLine(rawLine.replace(/^\s*-\s+/, "")).split("\n")) {
      const line = piece.trim();
      if (line !== "") lines.push(line);
    }
  }
  // PDF and web extraction can put every token of a date on its own line (「于」「2017」「年」「10」「月」
  // 「31」「日前将…」): glue a bare number to a line ending in 于/至/年/月/第…, and 年/月/日/号 to a number.
  const glued: string[] = [];
  for (const line of lines) {
    const prev = glued[glued.length - 1];
    // A phone number broken by the page width (「0351-」 + 「4225316」, 「0351-422」 + 「5308」).
    // Only a number cut short (fewer than 7 digits after the area code), never before a list item (「2.系统操作…」).
    const head = prev?.match(/(?:^|[^\d])0\d{2,3}-(\d{0,6})$/)?.[1];
    const tail = /^\d{1,8}(?![\d.．、])/.exec(line)?.[0];
    const phoneBroken = head !== undefined && tail !== undefined && head.length + tail.length >= 7 && head.length + tail.length <= 8;
    if (prev !== undefined && (phoneBroken || (/^\d{1,4}$/.test(line) && /[于至到为在前第年月]$/.test(prev) && !ANNEX.test(prev)) || (/^[年月日号]/.test(line) && /\d$/.test(prev)))) {
      glued[glued.length - 1] = prev + line;
    } else {
      glued.push(line);
    }
  }
  const joined: string[] = [];
  for (const line of glued) {
    const prev = joined[joined.length - 1];
    const beforePrev = joined[joined.length - 2];
    // A PDF's line break inside a sentence: before 「，…」, or between a figure and its unit.
    if (prev !== undefined && !prev.includes(" | ") && !line.includes(" | ") && !ANNEX.test(prev) && (CONTINUES.test(line) || (/\d$/.test(prev) && UNIT_START.test(line) && !SIGNATURE_DATE.test(prev)))) {
      joined[joined.length - 1] = prev + line;
      continue;
    }
    if (
      prev !== undefined &&
      !(beforePrev !== undefined && ANNEX.test(beforePrev)) &&
      prev.length >= 16 &&
      !TERMINAL.test(prev) &&
      !NO_JOIN_AFTER.test(prev) &&
      !FIELD_LABEL.test(line) &&
      !(line.length <= 20 && /(厅|局|政府|委员会)$/.test(line)) &&
      !SIGNATURE_DATE.test(line) &&
      !prev.includes(" | ") &&
      !line.includes(" | ") &&
      headingOf(line) === null &&
      !ANNEX.test(line) &&
      /^[\u3400-\u9fff]/.test(line)
    ) {
      joined[joined.length - 1] = prev + line;
    } else {
      joined.push(line);
    }
  }
  return joined;
}

function headingOf(line: string): Heading | null {
  if (line.includes(" | ")) return null;
  const patterns: Array<[RegExp, number]> = [
    [L1, 1],
    [L2, 2],
    [L2_DIRECTION, 2],
    [L4, 4],
    [L3, 3],
  ];
  for (const [re, level] of patterns) {
    const m = re.exec(line);
    if (!m) continue;
    const marker = m[0].trim();
    const rest = line.slice(m[0].length);
    if (rest === "") return { level, label: marker, body: null };
    if (line.length <= 30 && !TERMINAL.test(line) && !line.includes(" | ")) {
      return { level, label: `${marker}${rest}`, body: null };
    }
    const lead = /^([^。：:；;，,（(]{1,20})[。：:；;，,（(]/.exec(rest);
    return { level, label: lead ? `${marker}${lead[1]}` : marker, body: line };
  }
  return null;
}

function isUntaggedTitle(line: string): boolean {
  return line.length >= 6 && line.length <= 30 && UNTAGGED_TITLE.test(line) && !/[，。；：]/.test(line);
}

export function parseSections(raw: string, meta: Pick<NoticeMeta, "parts">): Section[] {
  const lines = logicalLines(raw);
  const sections: Section[] = [];
  let stack: Array<{ level: number; label: string }> = [];
  let part = 0;
  let current: Section = { path: [], part, paragraphs: [], level: 0 };
  let seenAnnex = false;
  let inAttachmentList = false;
  let pendingAnnexTitle = false;

  const open = (level: number, label: string) => {
    stack = stack.filter((h) => h.level < level);
    stack.push({ level, label });
    current = { path: stack.map((h) => h.label), part, paragraphs: [], level };
    sections.push(current);
  };
  sections.push(current);

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const partIdx = meta.parts.findIndex((p) => cleanLine(p.startsAt) === line);
    if (partIdx >= 0) {
      part = partIdx + 1;
      stack = [];
      seenAnnex = false;
      current = { path: [], part, paragraphs: [line], level: 0 };
      sections.push(current);
      continue;
    }
    if (pendingAnnexTitle) {
      pendingAnnexTitle = false;
      if (line.length <= 40 && !TERMINAL.test(line) && headingOf(line) === null) {
        const top = stack[0];
        if (top) top.label = `${top.label} ${line}`;
        current.path = stack.map((h) => h.label);
        continue;
      }
    }
    const annex = ANNEX.exec(line);
    if (annex) {
      seenAnnex = true;
      inAttachmentList = false;
      const isDocStart = sections.every((s) => s.paragraphs.length === 0);
      if (isDocStart) {
        // A file that is itself an annex (「附件4」 then its title): the marker is not a section.
        seenAnnex = false;
        continue;
      }
      stack = [];
      open(0, `${annex[1]}${annex[2]}`);
      pendingAnnexTitle = true;
      continue;
    }
    if (seenAnnex && isUntaggedTitle(line)) {
      stack = [];
      const edition = lines[i + 1];
      const label = edition && EDITION_LINE.test(edition) ? `${line}${edition}` : line;
      if (label !== line) i++;
      open(0, label);
      continue;
    }
    if (ATTACHMENT_LIST.test(line)) {
      inAttachmentList = true;
      current.paragraphs.push(line);
      continue;
    }
    const heading = headingOf(line);
    if (inAttachmentList && heading && heading.level >= 3) {
      current.paragraphs.push(line);
      continue;
    }
    inAttachmentList = false;
    const note = DIRECTION_NOTE.exec(line);
    if (note && seenAnnex) {
      open(0.5, `项目介绍（${note[1]}方向）`);
      current.paragraphs.push(line);
      continue;
    }
    if (heading) {
      // A bare numbered heading closes a direction's part of the form; narrative items stay in it.
      if (heading.body === null && heading.level === 1) stack = stack.filter((h) => h.level !== 0.5);
      open(heading.level, heading.label);
      if (heading.body) current.paragraphs.push(heading.body);
      continue;
    }
    current.paragraphs.push(line);
  }
  // A heading with no body of its own: dropped when children follow, else it is its own text.
  return sections.filter((s, i) => {
    if (s.paragraphs.length > 0) return true;
    const next = sections[i + 1];
    if (s.path.length === 0 || (next && next.path.length > s.path.length)) return false;
    s.paragraphs.push(s.path[s.path.length - 1]!);
    return true;
  });
}

export interface ChunkOptions {
  /** Target size of a chunk in characters. */
  maxChars: number;
}

const defaultChunkOptions: ChunkOptions = { maxChars: 360 };

function splitLongParagraph(p: string, maxChars: number): string[] {
  if (p.length <= maxChars * 1.3) return [p];
  const sentences = p.match(/[^。；！？]+[。；！？]?/g) ?? [p];
  const out: string[] = [];
  let buf = "";
  for (const s of sentences) {
    if (buf !== "" && buf.length + s.length > maxChars) {
      out.push(buf);
      buf = "";
    }
    buf += s;
  }
  if (buf !== "") out.push(buf);
  return out;
}

const parentOf = (s: Section) => s.path.slice(0, -1).join(" > ");
const bodyLength = (s: Section) => s.paragraphs.reduce((n, p) => n + p.length, 0);

/**
 * Chunks follow sections and carry their heading path. Runs of small list-item
 * sections (1. 2. 3. …) under one parent are merged so a chunk can stand alone.
 */
export function chunkSections(
  docId: string,
  sections: Section[],
  options: ChunkOptions = defaultChunkOptions,
): Chunk[] {
  const { maxChars } = options;
  const groups: Array<{ section: string; part: number; paragraphs: string[] }> = [];
  let i = 0;
  while (i < sections.length) {
    const s = sections[i]!;
    let j = i + 1;
    const headingOnly = s.paragraphs.length === 1 && s.paragraphs[0] === s.path[s.path.length - 1];
    if ((s.level >= 3 || headingOnly) && bodyLength(s) < maxChars / 2) {
      let total = bodyLength(s) + (s.path.at(-1) ?? "").length;
      while (j < sections.length) {
        const n = sections[j]!;
        const size = bodyLength(n) + (n.path.at(-1) ?? "").length;
        if (n.level !== s.level || parentOf(n) !== parentOf(s) || n.part !== s.part || total + size > maxChars) break;
        total += size;
        j++;
      }
    }
    const run = sections.slice(i, j);
    const paragraphs =
      run.length === 1
        ? s.paragraphs
        : run.flatMap((r) => {
            const label = r.path[r.path.length - 1] ?? "";
            return r.paragraphs[0]?.startsWith(label) ? r.paragraphs : [label, ...r.paragraphs];
          });
    const section = run.length === 1 ? s.path.join(" > ") : parentOf(s);
    groups.push({ section, part: s.part, paragraphs });
    i = j;
  }

  const chunks: Chunk[] = [];
  for (const g of groups) {
    const pieces = g.paragraphs.flatMap((p) => splitLongParagraph(p, maxChars));
    let buf: string[] = [];
    let len = 0;
    const flush = () => {
      if (buf.length === 0) return;
      const order = chunks.length;
      chunks.push({ id: `${docId}#${order}`, docId, part: g.part, section: g.section || "正文", text: buf.join("\n"), order });
      buf = [];
      len = 0;
    };
    for (const p of pieces) {
      if (len > 0 && len + p.length > maxChars) flush();
      buf.push(p);
      len += p.length;
    }
    flush();
  }
  return chunks;
}

export function chunkNotice(raw: string, meta: Pick<NoticeMeta, "docId" | "parts">, options?: ChunkOptions): Chunk[] {
  return chunkSections(meta.docId, parseSections(raw, meta), options);
}
