import { z } from "zod";

/** Enterprise kinds named in the notices (contract: contracts/cli.md, `match`). */
export const ENTERPRISE_KINDS = ["manufacturer", "it", "internet", "automation", "identifier-operator"] as const;
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];

/** Smart-factory 环节, as named in 智能工厂梯度培育要素条件. */
export const SMART_FACTORY_STAGES = ["工厂建设", "研发设计", "生产作业", "生产管理", "运营管理"] as const;
export type SmartFactoryStage = (typeof SMART_FACTORY_STAGES)[number];

// Every field is optional: an absent (or null) field is a fact we do not know yet.
// Empty strings count as absent, like the config loader does.
const text = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .nullish();
const flag = z.boolean().nullish();
const count = z.number().int().min(0).nullish();
const wan = z.number().min(0).nullish();

/** The enterprise profile. `.strict()`: unknown fields are an error, not silently ignored. */
export const profileSchema = z
  .object({
    name: text,
    province: text,
    city: text,
    independentLegalEntity: flag,
    branchOfLegalEntity: flag,
    kinds: z.array(z.enum(ENTERPRISE_KINDS)).nullish(),
    sector: text,
    employees: count,
    revenueLastYearWan: wan,
    /** Negative is a loss. */
    profitLastYearWan: z.number().nullish(),
    dishonestListed: flag,
    illegalRecordLast3Years: flag,
    majorAccidentLast3Years: flag,
    smartMaturityLevel: z.number().int().min(0).max(5).nullish(),
    basicSmartFactorySelfAssessed: flag,
    smartFactoryStages: z.array(z.enum(SMART_FACTORY_STAGES)).nullish(),
    twoIntegrationSelfAssessed: flag,
    provincialDemoPlatform: flag,
    platformConnectedEnterprises: count,
    platformConnectedDevices: count,
    platformNewServedEnterprisesThisYear: count,
    cloudProviderContract: flag,
    localEnterpriseUsers: count,
    identifierRegisteredEnterprises: count,
    identifierRegistrations: count,
    identifierResolutions: count,
    projectCompleted: flag,
  })
  .strict();

export type Profile = z.infer<typeof profileSchema>;
export type ProfileField = keyof Profile;

/** Field names in contract order; `missing` lists are sorted by this order. */
export const PROFILE_FIELDS = Object.keys(profileSchema.shape) as ProfileField[];

const fieldOrder = new Map<string, number>(PROFILE_FIELDS.map((f, i) => [f, i]));

/** Sort field names in contract order (stable for unknown names). */
export function sortFields(fields: Iterable<ProfileField>): ProfileField[] {
  return [...new Set(fields)].sort((a, b) => (fieldOrder.get(a) ?? 999) - (fieldOrder.get(b) ?? 999));
}
