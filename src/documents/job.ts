import { createHash } from "node:crypto";
import { z } from "zod";
import { CHANNELS } from "../flows/engine/messages.ts";
import { answerSchema } from "../flows/engine/state.ts";

export const DOCUMENTS_QUEUE = "documents";
export const JOB_VERSION = 1;


/**
 * The `documents` job payload. Parsed with this schema when the job is added and again by
 * the worker (BullMQ types describe the JSON shape only). It carries a snapshot of the
 * confirmed draft version, so later edits never change a document in flight.
 */
export const documentJobSchema = z.object({
  version: z.literal(JOB_VERSION),
  user: z.object({ channel: z.enum(CHANNELS), userId: z.string().min(1) }),
  address: z.object({ channel: z.enum(CHANNELS), chatId: z.string().min(1), userId: z.string().min(1) }),
  draftId: z.string().min(1).max(32),
  draftVersion: z.number().int().min(1),
  programId: z.string().min(1),
  answers: z.record(z.string(), answerSchema),
  profile: z.record(z.string(), z.unknown()),
});
export type DocumentJob = z.infer<typeof documentJobSchema>;

/** What a finished job returns (BullMQ `returnvalue`). */
export const documentResultSchema = z.object({
  path: z.string(),
  name: z.string(),
  pdfPath: z.string().nullable(),
  bytes: z.number().int(),
});
export type DocumentResult = z.infer<typeof documentResultSchema>;

/** Opaque per-user directory and job-id component: no user id in file names or job ids. */
export function userHash(user: { channel: string; userId: string }): string {
  return createHash("sha256").update(`${user.channel}\u0000${user.userId}`).digest("hex").slice(0, 16);
}

/** One document per draft version: a double submit adds nothing (BullMQ dedupes by job id). */
export function jobIdOf(job: Pick<DocumentJob, "user" | "draftId" | "draftVersion">): string {
  return `doc-${userHash(job.user)}-${job.draftId}-v${job.draftVersion}`;
}
