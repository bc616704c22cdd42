import { z } from "zod";

export const deadlineSchema = z.object({
  /** YYYY-MM-DD */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** What the deadline is for, in the notice's own words where possible. */
  what: z.string().min(1),
  /** Who must deliver by then: "enterprise" (申报单位) or "bureau" (a 工信部门 forwarding upward). */
  party: z.enum(["enterprise", "bureau"]).optional(),
  /** Where it applies when the notice limits it, e.g. "福州市". */
  region: z.string().optional(),
});

export const contactSchema = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable().default(null),
  email: z.string().nullable().default(null),
  /** Office, address or the program part this contact answers for. */
  note: z.string().nullable().default(null),
});

/** One document part with its own 文号, e.g. a provincial notice forwarded by a city bureau. */
export const partSchema = z.object({
  /** First line of the part in the source text (trimmed); the part runs until the next part. */
  startsAt: z.string().min(1),
  title: z.string(),
  issuer: z.string(),
  docNumber: z.string().nullable(),
});

export const noticeMetaSchema = z.object({
  docId: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(1),
  issuer: z.string().min(1).nullable(),
  /** 文号 as printed; null where none is printed. */
  docNumber: z.string().nullable(),
  /** YYYY-MM-DD, or YYYY where only the year is known. */
  date: z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/).nullable(),
  region: z.string().nullable(),
  /** Whether enterprises apply through this notice (false for policy opinions). */
  takesApplications: z.boolean().default(true),
  deadlines: z.array(deadlineSchema).default([]),
  contacts: z.array(contactSchema).default([]),
  attachments: z.array(z.string()).default([]),
  parts: z.array(partSchema).default([]),
  /** sha256 of the notice text file, to refuse re-ingesting the same content. */
  sha256: z.string().optional(),
  source: z.string().optional(),
});

export type Deadline = z.infer<typeof deadlineSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type NoticeMeta = z.infer<typeof noticeMetaSchema>;
export type NoticePart = z.infer<typeof partSchema>;
