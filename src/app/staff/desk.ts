import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { Send } from "../../flows/engine/engine.ts";
import { entryNamedIn, entryOf, type Catalog } from "../../flows/engine/catalog.ts";
import { text, type InboundMessage } from "../../flows/engine/messages.ts";
import { parseDate } from "../../flows/parse/date.ts";
import { FileTooLargeError, replyAddress, type Address } from "../../bots/port.ts";
import { IngestError, ingestTexts } from "../../knowledge/knowledge-base.ts";
import type { RedisStateStore } from "../../flows/engine/store.ts";
import { newSession } from "../../flows/engine/state.ts";
import type { NoticeMeta } from "../../knowledge/notice-meta.ts";
import { isoDayInChina, type Clock } from "../../shared/clock.ts";
import type { Logger } from "../../shared/log.ts";
import type { Audience, Audiences } from "./audience.ts";
import type { Broadcasts } from "./broadcast.ts";
import { NoticeIntake, MAX_NOTICE_FILE_BYTES, noticeCorrectionsSchema, type NoticeCorrections, type StagedNotice } from "./intake.ts";
import type { Reminders } from "./reminders.ts";
import { staffTexts as t } from "./texts.ts";

export interface DeskDeps {
  redis: Redis;
  store: RedisStateStore;
  catalog: Catalog;
  clock: Clock;
  log: Logger;
  /** `channel:userId` of bureau staff (STAFF_USERS). */
  staff: readonly string[];
  /** `channel:chatId` of staff group chats (STAFF_CHATS): whoever writes there acts as staff there. */
  staffChats?: readonly string[];
  /** The corpus as it is now on disk (an ingest in another process shows up). */
  notices: () => Promise<NoticeMeta[]>;
  audiences: Audiences;
  broadcasts: Broadcasts;
  /** Staged notice uploads; without it a staff member's file gets 「not supported here」. */
  intake?: NoticeIntake;
  /** Counts the reminders scheduled for a notice (after a confirmed upload). */
  reminders?: Pick<Reminders, "countFor">;
  /** Downloads a file a user sent (the adapter of its channel); absent or undefined for a channel: no uploads there. */
  fetchFile?: (to: Address, ref: string, maxBytes: number) => Promise<Buffer>;
}

interface Composition {
  text: string;
  audience: Audience;
  label: string;
}

const STAFF_WORDS = /^(?:\/notices|通知列表|截止日期|\/broadcast|群发报告|群发|\/report|待发布通知|\/pending)/u;
const TOPIC = /^(取消订阅|订阅|退订)\s*(.+)$/u;
/** A place named as a topic: 「福州市」「福建省」「平潭综合实验区」 (a bare 「福州」 could be anything). */
const PLACE = /^[\u4e00-\u9fa5]{1,12}(?:省|市|区|县|自治州|盟)$/u;
const COMPOSE = /^群发\s*(订阅者|项目|地区)?\s*([^：:]*)[：:]\s*([\s\S]*)$/u;
const DAY = 86_400_000;

/**
 * Staff commands and topic subscriptions, in any chat, before the engine: what is not one of
 * them is passed on (returns false). Everything that reaches many people or reads delivery
 * data is refused to anyone not in STAFF_USERS, and the refusal is logged (no user id).
 */
export class StaffDesk {
  private readonly staff: ReadonlySet<string>;
  private readonly staffChats: ReadonlySet<string>;

  constructor(private readonly deps: DeskDeps) {
    this.staff = new Set(deps.staff);
    this.staffChats = new Set(deps.staffChats ?? []);
  }

  isStaff(m: Pick<InboundMessage, "channel" | "userId" | "chatId">): boolean {
    return this.staff.has(`${m.channel}:${m.userId}`) || this.staffChats.has(`${m.channel}:${m.chatId}`);
  }

  async handle(m: InboundMessage, send: Send): Promise<boolean> {
    if (m.kind === "file") return this.onFile(m, send);
    if (m.kind === "action" && m.action?.startsWith("staff:in:")) {
      if (!this.allowed(m, "intake")) return void (await send(text(t.refused))), true;
      await this.onIntakeAction(m, m.action, send);
      return true;
    }
    if (m.kind === "action" && m.action?.startsWith("staff:")) {
      if (!this.allowed(m, "broadcast-confirm")) return void (await send(text(t.refused))), true;
      await this.onAction(m.action, send);
      return true;
    }
    if (m.kind !== "text") return false;
    const line = m.text.trim();
    if (this.isStaff(m) && (await this.onCorrection(m, line, send))) return true;
    const topic = TOPIC.exec(line);
    if (topic) return this.topic(m, topic[1] === "订阅", topic[2]!.trim(), send);
    if (line === "退订" || line === "取消订阅") {
      // Also stop reminders about drafts (the engine clears the general subscription).
      await this.deps.redis.multi().del(this.topicsKey(m)).sadd(this.topicsKey(m), "off").exec();
      return false;
    }
    if (line === "订阅") await this.deps.redis.srem(this.topicsKey(m), "off"); // and the engine subscribes
    if (!STAFF_WORDS.test(line)) return false;
    const command =
      line.startsWith("群发报告") || line.startsWith("/report")
        ? "report"
        : line.startsWith("群发") || line.startsWith("/broadcast")
          ? "broadcast"
          : line.startsWith("待发布通知") || line.startsWith("/pending")
            ? "pending"
            : "notices";
    if (!this.allowed(m, command)) {
      await send(text(t.refused));
      return true;
    }
    if (command === "pending") await this.pending(send);
    else if (command === "notices") await send(text(await this.noticeList()));
    else if (command === "report") await send(text(await this.report(line.replace(/^(群发报告|\/report)/u, "").trim())));
    else await this.compose(line.replace(/^\/broadcast\s*/u, "群发 "), send);
    return true;
  }

  private allowed(m: InboundMessage, command: string): boolean {
    if (this.isStaff(m)) return true;
    this.deps.log.warn({ channel: m.channel, command }, "staff command refused: not a staff user");
    return false;
  }

  private topicsKey(m: Pick<InboundMessage, "channel" | "chatId">): string {
    return this.deps.audiences.topicsKey(m.channel, m.chatId);
  }

  private async topic(m: InboundMessage, on: boolean, what: string, send: Send): Promise<boolean> {
    const entry = entryNamedIn(this.deps.catalog, what);
    const region = !entry && PLACE.test(what) ? what : null;
    if (!entry && !region) return false; // not a topic: the engine reads it
    const member = entry ? `program:${entry.program.id}` : `region:${region}`;
    const key = this.topicsKey(m);
    if (on) {
      await this.deps.redis.multi().srem(key, "off").sadd(key, member).exec();
      await this.deps.store.setSubscribed(m.channel, m.chatId, true);
      const nowIso = this.deps.clock.now().toISOString();
      await this.deps.store.update({ channel: m.channel, userId: m.userId }, (s) => {
        const state = s ?? { session: newSession(nowIso), drafts: {} };
        state.session.subscribed = true;
        state.session.address ??= { channel: m.channel, chatId: m.chatId };
        return { state, result: null };
      });
      await send(text(entry ? t.subscribe.program(entry.shortName) : t.subscribe.region(region!)));
    } else {
      await this.deps.redis.srem(key, member);
      await send(text(entry ? t.subscribe.offProgram(entry.shortName) : t.subscribe.offRegion(region!)));
    }
    return true;
  }

  async noticeList(): Promise<string> {
    const notices = (await this.deps.notices()).sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
    if (notices.length === 0) return t.notices.empty;
    const today = isoDayInChina(this.deps.clock.now());
    const lines: string[] = [t.notices.head];
    notices.forEach((n, i) => {
      lines.push(t.notices.line(i + 1, n.title, n.docNumber));
      if (n.deadlines.length === 0) lines.push(t.notices.none);
      for (const d of n.deadlines) {
        const days = Math.round((Date.parse(d.date) - Date.parse(today)) / DAY);
        lines.push(t.notices.deadline(d.date, d.what, days < 0 ? t.notices.passed : days === 0 ? t.notices.today : t.notices.daysLeft(days)));
      }
    });
    return lines.join("\n");
  }

  private async compose(line: string, send: Send): Promise<void> {
    const m = COMPOSE.exec(line);
    if (!m) return void (await send(text(t.compose.usage)));
    const [, kind, target, body] = m as unknown as [string, string | undefined, string, string];
    const textBody = body.trim();
    if (!textBody) return void (await send(text(t.compose.emptyText)));
    let audience: Audience;
    let label: string;
    if (kind === "项目") {
      const entry = entryNamedIn(this.deps.catalog, target.trim()) ?? entryOf(this.deps.catalog, target.trim());
      if (!entry) return void (await send(text(`${t.compose.unknownProgram(target.trim())}${this.deps.catalog.applications.map((a) => a.shortName).join("、")}`)));
      audience = { kind: "program", programId: entry.program.id };
      label = t.audience.program(entry.shortName);
    } else if (kind === "地区" && target.trim()) {
      audience = { kind: "region", region: target.trim() };
      label = t.audience.region(target.trim());
    } else {
      audience = { kind: "subscribers" };
      label = t.audience.subscribers;
    }
    const reached = await this.deps.audiences.resolve(audience);
    if (reached.length === 0) return void (await send(text(t.compose.nobody(label))));
    const id = randomBytes(5).toString("hex");
    const composition: Composition = { text: textBody + t.footer, audience, label };
    await this.deps.redis.set(this.composeKey(id), JSON.stringify(composition), "EX", 24 * 3600);
    await send(text(t.compose.preview(label, reached.length, composition.text), [
      { id: `staff:send:${id}`, label: t.compose.confirm },
      { id: `staff:drop:${id}`, label: t.compose.cancel },
    ]));
  }

  private composeKey(id: string): string {
    return `${this.deps.store.prefix}:staff:compose:${id}`;
  }

  private async onAction(action: string, send: Send): Promise<void> {
    const [, verb, id] = action.split(":");
    if (!id || !/^[0-9a-f]{10}$/.test(id)) return void (await send(text(t.compose.expired)));
    if (verb === "drop") {
      await this.deps.redis.del(this.composeKey(id));
      return void (await send(text(t.compose.cancelled)));
    }
    if (await this.deps.broadcasts.exists(id)) return void (await send(text(t.compose.already(id))));
    const raw = await this.deps.redis.get(this.composeKey(id));
    if (!raw) return void (await send(text(t.compose.expired)));
    const c = JSON.parse(raw) as Composition;
    // The audience is read again at confirmation: who subscribed or blocked meanwhile counts.
    const reached = await this.deps.audiences.resolve(c.audience);
    const started = await this.deps.broadcasts.start({ id, text: c.text, audience: c.label, kind: "staff", createdAt: Date.now() }, reached);
    this.deps.log.info({ recipients: reached.length }, "staff broadcast confirmed");
    await send(text(started ? t.compose.started(id, reached.length) : t.compose.already(id)));
  }

  // --- notice uploads (staff): stage → preview → 修改 / 确认发布 / 取消 ---

  private editingKey(m: Pick<InboundMessage, "channel" | "userId">): string {
    return `${this.deps.store.prefix}:staff:intake-editing:${m.channel}:${m.userId}`;
  }

  private correctionsKey(id: string): string {
    return `${this.deps.store.prefix}:staff:intake-corr:${id}`;
  }

  private async onFile(m: InboundMessage, send: Send): Promise<boolean> {
    if (!this.isStaff(m)) {
      // Never the file's name or content, nor who sent it.
      this.deps.log.info({ channel: m.channel, size: m.file?.size ?? null }, "file from a non-staff user not accepted");
      await send(text(t.upload.notAccepted));
      return true;
    }
    const { intake, fetchFile } = this.deps;
    if (!intake || !fetchFile || !m.file) return void (await send(text(t.upload.noFiles))), true;
    const mb = Math.round(MAX_NOTICE_FILE_BYTES / 1024 / 1024);
    if (m.file.size !== null && m.file.size > MAX_NOTICE_FILE_BYTES) return void (await send(text(t.upload.tooLarge(mb)))), true;
    let bytes: Buffer;
    try {
      bytes = await fetchFile(replyAddress(m), m.file.ref, MAX_NOTICE_FILE_BYTES);
    } catch (err) {
      if (err instanceof FileTooLargeError) return void (await send(text(t.upload.tooLarge(Math.round(err.maxBytes / 1024 / 1024))))), true;
      this.deps.log.warn({ channel: m.channel, err: (err as Error).message }, "staff upload could not be downloaded");
      return void (await send(text(t.upload.downloadFailed))), true;
    }
    let staged: StagedNotice;
    try {
      staged = await intake.stage({ fileName: m.file.name || "notice", bytes, by: `${m.channel}:${m.userId}` });
    } catch (err) {
      if (!(err instanceof IngestError)) throw err;
      this.deps.log.info({ channel: m.channel, code: err.code }, "staff upload refused");
      return void (await send(text(t.upload.refused(ingestTexts[err.code])))), true;
    }
    await send(await this.intakePreview(staged));
    return true;
  }

  /** 「待发布通知」: every staged upload still waiting, each with its buttons (at most 5, newest last). */
  private async pending(send: Send): Promise<void> {
    const staged = (await this.deps.intake?.list()) ?? [];
    if (staged.length === 0) return void (await send(text(t.upload.nonePending)));
    await send(text(t.upload.pendingHead(staged.length)));
    for (const s of staged.slice(-5)) await send(await this.intakePreview(s));
  }

  private async corrections(id: string): Promise<NoticeCorrections> {
    const raw = await this.deps.redis.get(this.correctionsKey(id));
    return raw ? (JSON.parse(raw) as NoticeCorrections) : {};
  }

  private async intakePreview(s: StagedNotice): Promise<ReturnType<typeof text>> {
    const c = await this.corrections(s.id);
    const f = t.upload.field;
    const mark = (k: keyof NoticeCorrections) => (k in c ? "*" : "");
    const deadlines = c.deadlines ?? s.deadlines;
    const lines = [
      t.upload.head(s.fileName),
      mark("title") + f.title(c.title ?? s.title),
      mark("docNumber") + f.docNumber("docNumber" in c ? (c.docNumber ?? null) : s.docNumber),
      mark("issuer") + f.issuer("issuer" in c ? (c.issuer ?? null) : s.issuer),
      mark("date") + f.date("date" in c ? (c.date ?? null) : s.date),
      mark("deadlines") + f.deadlinesHead,
      ...(deadlines.length > 0 ? deadlines.map((d) => f.deadline(d.date, d.what)) : [f.noDeadline]),
    ];
    if (s.contacts.length > 0) lines.push(f.contactsHead, ...s.contacts.map((x) => f.contact(x.name, x.phone, x.email)));
    if (s.attachments.length > 0) lines.push(f.attachments(s.attachments.length));
    lines.push(f.chunks(s.chunks));
    if (s.warnings.length > 0) lines.push(f.warningsHead, ...s.warnings.map(f.warning));
    if (Object.keys(c).length > 0) lines.push(f.corrected);
    return text(lines.join("\n"), [
      { id: `staff:in:ok:${s.id}`, label: t.upload.confirm },
      { id: `staff:in:edit:${s.id}`, label: t.upload.edit },
      { id: `staff:in:drop:${s.id}`, label: t.upload.cancel },
    ]);
  }

  private async onIntakeAction(m: InboundMessage, action: string, send: Send): Promise<void> {
    const [, , verb, id = ""] = action.split(":");
    const { intake } = this.deps;
    if (!intake) return void (await send(text(t.upload.noFiles)));
    if (verb === "bc") return this.offerBroadcast(id, send);
    const staged = await intake.get(id);
    if (!staged) return void (await send(text(t.upload.expired)));
    if (verb === "drop") {
      await intake.discard(id, `${m.channel}:${m.userId}`);
      await this.deps.redis.del(this.correctionsKey(id), this.editingKey(m));
      return void (await send(text(t.upload.cancelled)));
    }
    if (verb === "edit") {
      await this.deps.redis.set(this.editingKey(m), id, "EX", 3600);
      return void (await send(text(t.upload.editHelp)));
    }
    if (verb !== "ok") return void (await send(text(t.upload.expired)));
    let r;
    try {
      r = await intake.confirm(id, await this.corrections(id), `${m.channel}:${m.userId}`);
    } catch (err) {
      if (!(err instanceof IngestError)) throw err;
      return void (await send(text(err.code === "NOT_STAGED" ? t.upload.expired : t.upload.refused(ingestTexts[err.code]))));
    }
    await this.deps.redis.del(this.correctionsKey(id), this.editingKey(m));
    const reminders = this.deps.reminders ? await this.deps.reminders.countFor(r.docId).catch(() => 0) : 0;
    await send(text(t.upload.published(r.title, r.docNumber, reminders), [{ id: `staff:in:bc:${r.docId}`.slice(0, 64), label: t.upload.composeOffer }]));
  }

  /** A broadcast about a notice just published: the usual preview (count, 确认群发 / 取消). */
  private async offerBroadcast(docId: string, send: Send): Promise<void> {
    const n = (await this.deps.notices()).find((x) => x.docId === docId);
    if (!n) return void (await send(text(t.upload.noNotice)));
    const body = t.upload.broadcastDraft(n.title, n.docNumber, n.deadlines);
    const programs = this.deps.catalog.programs.filter((p) => p.noticeId === docId);
    const entry = programs.length === 1 ? entryOf(this.deps.catalog, programs[0]!.id) : undefined;
    await this.compose(entry ? `群发 项目 ${entry.shortName}：${body}` : `群发 订阅者：${body}`, send);
  }

  /** While a staff member is correcting a staged notice: 「截止 2026-12-31 …」「文号 …」「完成」. */
  private async onCorrection(m: InboundMessage, line: string, send: Send): Promise<boolean> {
    const { intake } = this.deps;
    if (!intake) return false;
    const id = await this.deps.redis.get(this.editingKey(m));
    if (!id) return false;
    const staged = await intake.get(id);
    if (!staged) {
      await this.deps.redis.del(this.editingKey(m));
      return false;
    }
    if (/^(完成|好了|改好了|查看)$/u.test(line)) {
      await this.deps.redis.del(this.editingKey(m));
      await send(await this.intakePreview(staged));
      return true;
    }
    const parsed = parseCorrections(line);
    if (parsed === null) return false; // not a correction: the engine reads it
    if ("error" in parsed) return void (await send(text(parsed.error))), true;
    const merged = { ...(await this.corrections(id)), ...parsed.value };
    const valid = noticeCorrectionsSchema.safeParse(merged);
    if (!valid.success) return void (await send(text(`${ingestTexts.BAD_CORRECTION}\n\n${t.upload.editHelp}`))), true;
    await this.deps.redis.set(this.correctionsKey(id), JSON.stringify(valid.data), "EX", 7 * 24 * 3600);
    await send(await this.intakePreview(staged));
    return true;
  }

  async report(id: string): Promise<string> {
    const { broadcasts } = this.deps;
    const wanted = id || (await broadcasts.recent(1))[0];
    if (!wanted) return t.report.none;
    const r = await broadcasts.report(wanted);
    if (!r) return t.report.notFound(wanted);
    const failures = Object.entries(r.failures)
      .map(([k, v]) => `${k} ${v}`)
      .join("，");
    return t.report.body({ ...r, failures, seconds: Math.round(r.durationMs / 100) / 10 });
  }
}

const FIELD = /^(标题|文号|发文单位|发文机关|单位|发文日期|落款日期|日期|截止日期|截止)\s*[:：]?\s*(.*)$/u;

/** A day typed by staff: 2026-12-31, 2026/12/31, 2026年12月31日. */
function dayOf(s: string): string | null {
  const r = parseDate(s.trim(), { requireDay: true });
  return r.ok ? r.value : null;
}

/**
 * Corrections typed in chat, one per line: 「标题 …」「文号 …|无」「发文单位 …」「日期 2026-11-20」
 * 「截止 2026-12-31 报送材料」 (every 截止 line together replaces the deadlines; 「截止 无」: none).
 * null: the message is no correction at all.
 */
export function parseCorrections(message: string): { value: NoticeCorrections } | { error: string } | null {
  const lines = message.split(/\n+/u).map((l) => l.trim()).filter(Boolean);
  const value: NoticeCorrections = {};
  const deadlines: Array<{ date: string; what: string }> = [];
  let sawDeadline = false;
  for (const line of lines) {
    const f = FIELD.exec(line);
    if (!f) return lines.length === 1 ? null : { error: `${t.upload.badLine(line)}\n\n${t.upload.editHelp}` };
    const [, key, rest = ""] = f as unknown as [string, string, string];
    const v = rest.trim();
    const none = /^(无|没有|空)$/u.test(v);
    if (key === "标题") {
      if (!v) return { error: t.upload.editHelp };
      value.title = v;
    } else if (key === "文号") value.docNumber = none || !v ? null : v;
    else if (key === "发文单位" || key === "发文机关" || key === "单位") value.issuer = none || !v ? null : v;
    else if (key.endsWith("日期") && !key.startsWith("截止")) {
      if (none || !v) value.date = null;
      else {
        const d = dayOf(v);
        if (!d) return { error: t.upload.badDate(v) };
        value.date = d;
      }
    } else {
      sawDeadline = true;
      if (none) continue;
      const dm = /^(\S+?)(?:\s+|[，,：:])(.*)$/u.exec(v) ?? [v, v, ""];
      const d = dayOf(dm[1]!);
      if (!d) return { error: t.upload.badDate(dm[1]!) };
      deadlines.push({ date: d, what: dm[2]!.trim() || t.upload.defaultDeadlineWhat });
    }
  }
  if (sawDeadline) value.deadlines = deadlines;
  return { value };
}
