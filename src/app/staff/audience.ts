import type { Redis } from "ioredis";
import type { Channel } from "../../flows/engine/messages.ts";
import { entryOf, type Catalog } from "../../flows/engine/catalog.ts";
import { reviewLines } from "../../flows/engine/review.ts";
import type { RedisStateStore } from "../../flows/engine/store.ts";
import type { UserState } from "../../flows/engine/state.ts";

export type Audience = { kind: "subscribers" } | { kind: "program"; programId: string } | { kind: "region"; region: string };

/** One chat the audience reaches, with what a reminder needs to know. */
export interface Reached {
  channel: Channel;
  chatId: string;
  /** Unfinished drafts of the programs asked about: how many required items remain. */
  drafts: Array<{ programId: string; remaining: number }>;
}

/** 「福州市」「福州」「福建省」 compare equal to their bare names. */
export function sameRegion(a: string, b: string): boolean {
  const bare = (s: string) => s.trim().replace(/(省|市|自治区|特别行政区|区|县)$/u, "");
  return bare(a) !== "" && bare(a) === bare(b);
}

/**
 * Who a broadcast or reminder reaches, from the users' state records and their topic
 * subscriptions (`<prefix>:topics:<channel>:<chatId>`: `program:<id>`, `region:<name>`, or
 * `off` after 退订). Subscribers without topics of a kind follow the programs they drafted and
 * the place in their profile. Chats that blocked the bot are left out.
 */
export class Audiences {
  constructor(
    private readonly redis: Redis,
    private readonly store: RedisStateStore,
    private readonly catalog: Catalog,
    private readonly inactiveKey: string,
  ) {}

  topicsKey(channel: Channel, chatId: string): string {
    return `${this.store.prefix}:topics:${channel}:${chatId}`;
  }

  async resolve(a: Audience): Promise<Reached[]> {
    return this.scan((u) => {
      if (!u.subscribed) return false;
      if (a.kind === "subscribers") return true;
      if (a.kind === "program") return u.programs.includes(a.programId) || u.openDrafts.some((d) => d.programId === a.programId);
      return u.regions.some((r) => sameRegion(r, a.region));
    });
  }

  /** A deadline reminder: subscribers of these programs, and everyone with an unfinished draft of one (unless they said 退订). */
  async forReminder(programIds: readonly string[]): Promise<Reached[]> {
    return this.scan((u) => !u.off && (u.openDrafts.some((d) => programIds.includes(d.programId)) || (u.subscribed && u.programs.some((p) => programIds.includes(p)))), programIds);
  }

  private async scan(keep: (u: UserView) => boolean, draftPrograms?: readonly string[]): Promise<Reached[]> {
    const out = new Map<string, Reached>();
    const inactive = new Set(await this.redis.smembers(this.inactiveKey));
    const prefix = `${this.store.prefix}:user:`;
    let cursor = "0";
    do {
      const [next, keys] = await this.redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      cursor = next;
      for (const key of keys) {
        const rest = key.slice(prefix.length);
        const sep = rest.indexOf(":");
        const user = { channel: rest.slice(0, sep) as Channel, userId: rest.slice(sep + 1) };
        const { state } = await this.store.load(user);
        const address = state?.session.address;
        if (!state || !address) continue;
        const member = `${address.channel}:${address.chatId}`;
        if (inactive.has(member) || out.has(member)) continue;
        const view = this.view(state, await this.redis.smembers(this.topicsKey(address.channel, address.chatId)));
        if (!keep(view)) continue;
        const drafts = view.openDrafts.filter((d) => !draftPrograms || draftPrograms.includes(d.programId));
        out.set(member, { channel: address.channel, chatId: address.chatId, drafts });
      }
    } while (cursor !== "0");
    return [...out.values()];
  }

  private view(state: UserState, topics: string[]): UserView {
    const drafted = [...new Set(Object.values(state.drafts).map((d) => d.programId))];
    const topicPrograms = topics.filter((t) => t.startsWith("program:")).map((t) => t.slice(8));
    const topicRegions = topics.filter((t) => t.startsWith("region:")).map((t) => t.slice(7));
    const p = state.session.profile;
    const place = [p.city, p.province].filter((x): x is string => typeof x === "string" && x !== "");
    const openDrafts = Object.values(state.drafts)
      .filter((d) => d.status === "filling" || d.status === "review" || d.status === "failed")
      .flatMap((d) => {
        const entry = entryOf(this.catalog, d.programId);
        return entry ? [{ programId: d.programId, remaining: reviewLines(entry, d).missing.length }] : [];
      });
    return {
      subscribed: state.session.subscribed,
      off: topics.includes("off"),
      programs: topicPrograms.length > 0 ? topicPrograms : drafted,
      regions: topicRegions.length > 0 ? topicRegions : place,
      openDrafts,
    };
  }
}

interface UserView {
  subscribed: boolean;
  off: boolean;
  programs: string[];
  regions: string[];
  openDrafts: Array<{ programId: string; remaining: number }>;
}
