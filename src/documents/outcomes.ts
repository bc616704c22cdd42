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
