import type { Catalog } from "./catalog.ts";
import type { ChatAddress, OutboundMessage } from "./messages.ts";
import type { Draft, UserState } from "./state.ts";

/** What a transition may read besides the state: time, the catalog, ids. Pure and injectable. */
export interface TransitionContext {
  nowIso: string;
  /** YYYY-MM-DD in China, for deadlines. */
  today: string;
  catalog: Catalog;
  /** A fresh short id (draft ids). */
  newId(): string;
  user: ChatAddress;
  /** A notice without a printed deadline is history after this many years (see eligibility/history.ts). */
  historyAfterYears?: number;
}

/** Work a transition asks for, done by the engine after the state is committed. */
export type Effect =
  /** Answer a policy question from the knowledge layer, then send `after`. */
  | { type: "qa"; question: string; after: OutboundMessage[]; /** The notice of the program being filled in. */ noticeId?: string }
  /** Queue generation of the filled 申报书 for this draft version. */
  | { type: "document"; draftId: string; draftVersion: number; programId: string }
  | { type: "subscribe"; on: boolean };

/** A mutable working copy of the user's state plus what to say and do. */
export interface Turn {
  state: UserState;
  ctx: TransitionContext;
  replies: OutboundMessage[];
  effects: Effect[];
  /** Set when the user's whole record is to be deleted. */
  deleteUser?: boolean;
}

export function say(turn: Turn, ...messages: OutboundMessage[]): void {
  turn.replies.push(...messages);
}

/** Start a new question: buttons of earlier questions stop working. */
export function bump(turn: Turn): number {
  // A doubtful answer held for 确认 belongs to the question on screen: a new one drops it.
  turn.state.session.pending = null;
  turn.state.session.promptSeq += 1;
  return turn.state.session.promptSeq;
}

export function seqOf(turn: Turn): number {
  return turn.state.session.promptSeq;
}

export function touch(turn: Turn, draft: Draft): void {
  draft.version += 1;
  draft.updatedAt = turn.ctx.nowIso;
}
