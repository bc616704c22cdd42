import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { Send } from "../../flows/engine/engine.ts";
import { entryNamedIn, entryOf, type Catalog } from "../../flows/engine/catalog.ts";
import { text, type InboundMessage } from "../../flows/engine/messages.ts";
import type { RedisStateStore } from "../../flows/engine/store.ts";
import { newSession } from "../../flows/engine/state.ts";
import type { NoticeMeta } from "../../knowledge/notice-meta.ts";
import { isoDayInChina, type Clock } from "../../shared/clock.ts";
import type { Logger } from "../../shared/log.ts";
import type { Audience, Audiences } from "./audience.ts";
import type { Broadcasts } from "./broadcast.ts";
import { staffTexts as t } from "./texts.ts";

export interface DeskDeps {
  redis: Redis;
  store: RedisStateStore;
  catalog: Catalog;
  clock: Clock;
  log: Logger;
  /** `channel:userId` of bureau staff (STAFF_USERS). */
  staff: readonly string[];
  /** The corpus as it is now on disk (an ingest in another process shows up). */
  notices: () => Promise<NoticeMeta[]>;
  audiences: Audiences;
  broadcasts: Broadcasts;
}

interface Composition {
  text: string;
  audience: Audience;
  label: string;
}

const STAFF_WORDS = /^(?:\/notices|通知列表|截止日期|\/broadcast|群发报告|群发|\/report)/u;
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

  constructor(private readonly deps: DeskDeps) {
    this.staff = new Set(deps.staff);
  }

  isStaff(m: Pick<InboundMessage, "channel" | "userId">): boolean {
    return this.staff.has(`${m.channel}:${m.userId}`);
  }

  async handle(m: InboundMessage, send: Send): Promise<boolean> {
    if (m.kind === "action" && m.action?.startsWith("staff:")) {
      if (!this.allowed(m, "broadcast-confirm")) return void (await send(text(t.refused))), true;
      await this.onAction(m.action, send);
      return true;
    }
    if (m.kind !== "text") return false;
    const line = m.text.trim();
    const topic = TOPIC.exec(line);
    if (topic) return this.topic(m, topic[1] === "订阅", topic[2]!.trim(), send);
    if (line === "退订" || line === "取消订阅") {
      // Also stop reminders about drafts (the engine clears the general subscription).
      await this.deps.redis.multi().del(this.topicsKey(m)).sadd(this.topicsKey(m), "off").exec();
      return false;
    }
    if (line === "订阅") await this.deps.redis.srem(this.topicsKey(m), "off"); // and the engine subscribes
    if (!STAFF_WORDS.test(line)) return false;
    const command = line.startsWith("群发报告") || line.startsWith("/report") ? "report" : line.startsWith("群发") || line.startsWith("/broadcast") ? "broadcast" : "notices";
    if (!this.allowed(m, command)) {
      await send(text(t.refused));
      return true;
    }
    if (command === "notices") await send(text(await this.noticeList()));
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
