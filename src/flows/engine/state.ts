import { z } from "zod";
import { CHANNELS } from "./messages.ts";

/**
 * What the engine keeps per user, validated with zod when read back from Redis so a
 * corrupted or older record is detected instead of half-used. Bump STATE_VERSION and
 * migrate in `parseSession` when the shape changes.
 */
export const STATE_VERSION = 1;

const answerValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.string()).readonly(),
  z.object({ before: z.number(), after: z.number() }).readonly(),
]);
/** A stored answer (forms/types.ts `Answer` or a skip); shared with the document job payload. */
export const answerSchema = z.union([z.object({ value: answerValue, display: z.string() }), z.object({ skipped: z.literal(true) })]);

export const DRAFT_STATUSES = ["filling", "review", "submitted", "ready", "failed"] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

export const draftSchema = z.object({
  id: z.string(),
  programId: z.string(),
  status: z.enum(DRAFT_STATUSES),
  answers: z.record(z.string(), answerSchema),
  /** Instance key being asked (null once every question is answered: the review). */
  cursor: z.string().nullable(),
  /** Instance keys asked before the cursor, for 上一步. */
  history: z.array(z.string()),
  /** Answering the cursor returns to the review (修改某一项). */
  editing: z.boolean(),
  /** Bumped on every change: the document job id is draft id + version. */
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedVersion: z.number().int().nullable(),
  document: z.object({ path: z.string(), name: z.string(), version: z.number().int() }).nullable(),
  failure: z.string().nullable(),
});
export type Draft = z.infer<typeof draftSchema>;

/** An answer read but not yet saved: the user is asked to confirm it first (a rough figure, a relative date). */
const pendingSchema = z.object({ key: z.string(), value: answerValue, display: z.string() });
export type PendingAnswer = z.infer<typeof pendingSchema>;

const modeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("idle") }),
  z.object({
    kind: z.literal("questionnaire"),
    /** Profile field being asked. */
    field: z.string().nullable(),
    /** Fields asked so far, for 上一步. */
    history: z.array(z.string()),
    /** Fields answered 不清楚: not asked again in this round. */
    skipped: z.array(z.string()),
    /** 修改: the user is choosing which answered fact to change. */
    picking: z.boolean().optional(),
    /** Gate questions answered this round (questionnaire/gates.ts). */
    gates: z.array(z.string()).optional(),
  }),
  z.object({ kind: z.literal("filling"), draftId: z.string() }),
  z.object({ kind: z.literal("editPick"), draftId: z.string() }),
  z.object({ kind: z.literal("review"), draftId: z.string() }),
  z.object({ kind: z.literal("confirmDelete") }),
]);
export type Mode = z.infer<typeof modeSchema>;

export const sessionSchema = z.object({
  stateVersion: z.literal(STATE_VERSION),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Where to send messages that arrive later (a finished document). */
  address: z.object({ channel: z.enum(CHANNELS), chatId: z.string() }).nullable(),
  mode: modeSchema,
  /** The enterprise profile (contracts/cli.md `match` fields): shared by the questionnaire and every flow. */
  profile: z.record(z.string(), z.unknown()),
  /** Increases with every question asked; buttons carry it so a stale or double press has no effect. */
  promptSeq: z.number().int(),
  /** Recently handled update ids (newest last), for at-most-once handling of redelivered updates. */
  seen: z.array(z.string()),
  subscribed: z.boolean(),
  /** Draft ids, oldest first. The drafts themselves are stored beside the session. */
  draftIds: z.array(z.string()),
  /** A doubtful answer awaiting 确认 (optional: records written before it existed have none). */
  pending: pendingSchema.nullable().optional(),
});
export type Session = z.infer<typeof sessionSchema>;

/** A user's whole state as one unit of optimistic concurrency. */
export interface UserState {
  session: Session;
  drafts: Record<string, Draft>;
}

/** Update ids remembered for dedupe: platforms redeliver within seconds to minutes, not hundreds of messages later. */
export const SEEN_LIMIT = 64;

export function newSession(nowIso: string): Session {
  return {
    stateVersion: STATE_VERSION,
    createdAt: nowIso,
    updatedAt: nowIso,
    address: null,
    mode: { kind: "idle" },
    profile: {},
    promptSeq: 0,
    seen: [],
    subscribed: false,
    draftIds: [],
  };
}
