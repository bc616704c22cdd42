import { logicalLines } from "./structure.ts";
import type { Contact, Deadline, NoticeMeta, NoticePart } from "./notice-meta.ts";

/**
 * Reads a notice's metadata from its own text, for notices that arrive without a
 * front-matter header: title, issuer, 文号, date, deadlines, contacts, attachments.
 */

const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}[〔［\[]\d{4}[〕］\]]\d{1,4}号/;
const TITLE_END = /(通知|意见|指南|办法|方案|公告|通告|决定|细则|规定)$/;

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

function validIso(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso);
}

/** Where the body of the notice ends: the first annex marker (附件1 on its own line). */
function bodyEnd(lines: string[]): number {
  const i = lines.findIndex((l, idx) => idx > 3 && /^附件\s*\d+(-\d+)?$/.test(l));
  return i < 0 ? lines.length : i;
}

function findTitle(lines: string[]): { title: string | null; index: number } {
  for (let i = 0; i < Math.min(lines.length, 15); i++) {
    const l = lines[i]!;
    if (l.length >= 8 && l.length <= 90 && TITLE_END.test(l) && !/[。；：:]/.test(l)) return { title: l, index: i };
  }
  // A guide or opinion with no 关于…的通知 line: the first short line that reads like a title.
  for (let i = 0; i < Math.min(lines.length, 6); i++) {
    const l = lines[i]!;
    if (l.length >= 8 && l.length <= 40 && !/[。；：:，]/.test(l) && !/^附件/.test(l)) return { title: l, index: i };
  }
  // Last resort: the document names itself in a 《…》 reference (「相关链接 《…的实施意见》政策解读」).
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /《([^《》]{8,90}?(通知|意见|指南|办法|方案))》/.exec(lines[i]!);
    if (m) return { title: m[1]!, index: -1 };
  }
  return { title: null, index: -1 };
}

const ISSUER_LINE = /^(.{2,30}?(厅|局|委员会|委|政府|办公室|管委会))(文件)?$/;

function findIssuer(lines: string[], title: string | null, signatureIndex = -1): string | null {
  for (const l of lines.slice(0, 6)) {
    const m = ISSUER_LINE.exec(l);
    if (m) return m[1]!;
  }
  if (title) {
    const m = /^(.{2,30}?(厅|局|委员会|委|政府|办公室))(关于|转发)/.exec(title);
    if (m) return m[1]!;
  }
  const signer = lines[signatureIndex - 1];
  if (signer && ISSUER_LINE.test(signer)) return ISSUER_LINE.exec(signer)![1]!;
  return null;
}

function findDate(lines: string[], end: number): { date: string | null; index: number } {
  // The signature date: a line that is only a date, last one before the annexes.
  for (let i = end - 1; i >= 0; i--) {
    const l = lines[i]!;
    const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(l);
    if (m) return { date: `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`, index: i };
  }
  return { date: null, index: -1 };
}

const DEADLINE_CUE = /(截止|截至|前报送|前将|前上报|前提交|前报|之前|逾期|前完成)/;

function sentencesOf(line: string): string[] {
  return line.match(/[^。；！？]+[。；！？]?/g) ?? [line];
}

function findDeadlines(lines: string[], end: number, year: string | null): Deadline[] {
  const out: Deadline[] = [];
  const seen = new Set<string>();
  for (const line of lines.slice(0, end)) {
    for (const sentence of sentencesOf(line)) {
      if (!DEADLINE_CUE.test(sentence)) continue;
      const dates = fullDates(sentence).map((d) => d.iso);
      if (dates.length === 0 && year) {
        for (const m of sentence.matchAll(/(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(前|之前|截止)/g)) {
          dates.push(`${year}-${pad(m[1]!)}-${pad(m[2]!)}`);
        }
      }
      for (const iso of dates) {
        if (!validIso(iso) || seen.has(iso)) continue;
        // Deadlines lie after publication; a date in the past of the notice is a reference period.
        seen.add(iso);
        const what = sentence.replace(/^[（(][一二三四五六七八九十\d]+[）)]/, "").replace(/^\d+[.．、]/, "").trim();
        out.push({ date: iso, what: what.length > 120 ? `${what.slice(0, 118)}…` : what });
      }
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

const PHONE = /((?:0\d{2,3}-?)?\d{7,8}|1[3-9]\d{9})/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

function findContacts(lines: string[], end: number): Contact[] {
  const contacts: Contact[] = [];
  for (const line of lines.slice(0, end)) {
    const email = /邮\s*箱|邮件|E-?mail/i.test(line) ? line.match(EMAIL)?.[0] : undefined;
    // An e-mail line belongs to the contact just above it.
    if (email) {
      const last = contacts[contacts.length - 1];
      if (last && last.email === null) last.email = email;
      else contacts.push({ name: null, phone: null, email, note: null });
    }
    if (/^(邮\s*箱|地\s*址)/.test(line)) continue;
    const phones = [...line.matchAll(PHONE)].map((m) => m[1]!).filter((p) => !/^\d{4}$/.test(p));
    if (phones.length === 0) continue;
    const isContactLine =
      /联系人|联系电话|联系方式|电话/.test(line) || /^[\u4e00-\u9fa5]{2,4}[（(][^）)]{1,30}[）)]\s*\d/.test(line);
    if (!isContactLine) continue;
    // 「联系人：孙哲0591-87430181」, 「黄剑（工业数据安全标杆企业）0591-87839441」,
    // 「联系人：装备工业处林浩；联系电话：83321894」, 「…装备工业处郑燕奕，0591-87832506」
    const beforePhone = line.slice(0, line.indexOf(phones[0]!));
    const note = /[（(]([^）)]{1,30})[）)]/.exec(beforePhone)?.[1] ?? null;
    const cleaned = beforePhone
      .replace(/[（(][^）)]*[）)]/g, "")
      .replace(/.*(联系人及联系方式|联系人)[：:]/, "")
      .replace(/[；;，,：:\s]*(联系电话|电话|联系方式)?[：:]?\s*$/, "");
    const nameMatch = /([\u4e00-\u9fa5]{2,4})$/.exec(cleaned.replace(/[，,；;：:\s]+$/, ""));
    // 「装备工业处林浩」: the name follows the office.
    let name = nameMatch ? nameMatch[1]!.split(/[处科室局厅]/).pop()! : null;
    if (name !== null && (name.length < 2 || /(楼|号|路|区|市)$/.test(name))) name = null;
    const unit = /([\u4e00-\u9fa5]{2,8}(处|科))/.exec(cleaned)?.[1] ?? null;
    contacts.push({ name, phone: phones[0]!, email: null, note: note ?? unit });
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
};

export function extractMetadata(raw: string): ExtractedMeta {
  const lines = logicalLines(raw);
  const end = bodyEnd(lines);
  const { title, index: titleIndex } = findTitle(lines);
  const head = lines.slice(0, Math.max(titleIndex, 0) + 1);
  const docLine = head.findIndex((l) => DOC_NUMBER.test(l));
  const docNumber = docLine >= 0 ? DOC_NUMBER.exec(head[docLine]!)![0] : null;
  const { date, index: signatureIndex } = findDate(lines, end);
  const year = date?.slice(0, 4) ?? null;
  const issuer = findIssuer(lines, title, signatureIndex);
  const region = /^(.{2,3}?(省|自治区|市))/.exec(issuer ?? title ?? "")?.[1] ?? mostMentionedProvince(lines.slice(0, end));
  return {
    title: title ?? lines[0] ?? "",
    issuer,
    docNumber,
    date,
    region,
    deadlines: findDeadlines(lines, end, year),
    contacts: findContacts(lines, end),
    attachments: findAttachments(lines, end),
    parts: findParts(lines, docLine >= 0 ? docLine : 0),
  };
}
