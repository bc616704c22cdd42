import { z } from "zod";
import { CHANNELS } from "../flows/engine/messages.ts";
import { DOCUMENTS_QUEUE, documentResultSchema, type DocumentJob, type DocumentResult } from "./job.ts";

/**
 * What became of a document job, written by the worker before the job completes (or fails for
 * good) and kept until a service process has delivered it. Jobs leave Redis when done (their
 * payload holds the user's answers); this record holds no answers, only where to deliver.
 */
export const documentOutcomeSchema = z.object({
  jobId: z.string(),
  kind: z.enum(["done", "failed"]),
  user: z.object({ channel: z.enum(CHANNELS), userId: z.string() }),
  address: z.object({ channel: z.enum(CHANNELS), chatId: z.string(), userId: z.string() }),
  draftId: z.string(),
  draftVersion: z.number().int(),
  result: documentResultSchema.nullable(),
  reason: z.string().nullable(),
});
export type DocumentOutcome = z.infer<typeof documentOutcomeSchema>;

/** The hash of pending outcomes (field = job id), beside the queue's own keys. */
export function outcomesKey(queuePrefix: string): string {
  return `${queuePrefix}:${DOCUMENTS_QUEUE}:outcomes`;
}

export function outcomeOf(jobId: string, job: DocumentJob, r: { result: DocumentResult } | { reason: string }): DocumentOutcome {
  return {
    jobId,
    kind: "result" in r ? "done" : "failed",
    user: job.user,
    address: job.address,
    draftId: job.draftId,
    draftVersion: job.draftVersion,
    result: "result" in r ? r.result : null,
    reason: "reason" in r ? r.reason.slice(0, 200) : null,
  };
}

/**
 * The tombstone 删除我的数据 leaves for each job of the user (src/app/document-delivery.ts
 * `forgetUser`), before it removes the jobs and the files: a job already being rendered cannot
 * be removed, so its worker looks for this key before storing the file and again after, and
 * drops the file and the outcome. Kept a week (longer than any job lives, retries included).
 */
export function cancelledKey(queuePrefix: string, jobId: string): string {
  return `${queuePrefix}:${DOCUMENTS_QUEUE}:cancelled:${jobId}`;
}
export const CANCELLED_TTL_SECONDS = 7 * 24 * 3600;
