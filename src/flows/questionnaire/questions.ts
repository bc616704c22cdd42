/**
 * The eligibility questionnaire (资格自测): one question per profile field. The engine asks
 * only the facts some undecided verdict still needs; every question may be answered
 * 不清楚 (skip), which leaves the fact unknown.
 *
 * Kinds follow the profile's types: flags → yesNo, 万元 amounts → money, counts → count,
 * enums → multiChoice with the enum values as option ids. 上一年度利润 takes losses:
 * `min: Number.NEGATIVE_INFINITY` tells readAnswer to accept 「亏损200万」「-200万」.
 * 智能制造能力成熟度 is a count from 0 to 5 (the profile stores the level as a number).
 *
 * Help citations are taken from the program rules and parameters that read the field, so
 * they are the same verbatim quotes the eligibility report shows.
 */
import {
  ENTERPRISE_KINDS,
  PROFILE_FIELDS,
  SMART_FACTORY_STAGES,
  fieldLabels,
  kindLabels,
  sizeClassParams,
  type Citation,
  type ProfileField,
} from "../eligibility/index.ts";
import type { ChoiceOption, InputKind, Step } from "../forms/types.ts";
import * as fj2023 from "../programs/fj-2023-cross-industry-platform/rules.ts";
import { params as fj2024Params } from "../programs/fj-2024-integration/params.ts";
import * as fj2024 from "../programs/fj-2024-integration/rules.ts";
import { params as fj2025Params } from "../programs/fj-2025-smart-factory-advanced/params.ts";
import * as fj2025 from "../programs/fj-2025-smart-factory-advanced/rules.ts";
import { params as jl2020Params } from "../programs/jl-2020-demo/params.ts";
import * as jl2020 from "../programs/jl-2020-demo/rules.ts";
import { questionnaireTexts as t } from "./texts.ts";

export const QUESTIONNAIRE_SECTION = t.section;

export const kindOptions: readonly ChoiceOption[] = ENTERPRISE_KINDS.map((id) => ({ id, label: kindLabels[id] }));
export const stageOptions: readonly ChoiceOption[] = SMART_FACTORY_STAGES.map((id) => ({ id, label: id }));

/** What differs per field; the rest (id, section, label, prompt, field, help text) is derived. */
interface Spec {
  kind: InputKind;
  place?: Step["place"];
  approximateOk?: boolean;
  unit?: string;
  min?: number;
  max?: number;
  maxLength?: number;
  options?: readonly ChoiceOption[];
  minChoices?: number;
  citation?: Citation;
}

const specs: Record<ProfileField, Spec> = {
  name: { kind: "text", maxLength: 100 },
  province: { kind: "text", place: "province", maxLength: 40, citation: fj2023.registeredInFujian.citation },
  city: { kind: "text", place: "city", maxLength: 40, citation: fj2024Params.benchmarkDigitalQuota.source },
  independentLegalEntity: { kind: "yesNo", citation: fj2023.independentLegalEntity.citation },
  branchOfLegalEntity: { kind: "yesNo", citation: fj2025.legalEntityOrAllowedBranch.citation },
  // 都不是 is a fact too: the kind rules then fail instead of asking again.
  kinds: { kind: "multiChoice", options: kindOptions, minChoices: 0, citation: fj2024.platformApplicantKind.citation },
  sector: { kind: "text", maxLength: 50, citation: fj2025Params.branchAllowedSectors.source },
  employees: { kind: "count", unit: "人", min: 0, max: 5_000_000, approximateOk: true, citation: sizeClassParams.large.source },
  revenueLastYearWan: { kind: "money", unit: "万元", min: 0, approximateOk: true, citation: fj2024Params.minRevenuePlatformWan.source },
  profitLastYearWan: { kind: "money", unit: "万元", min: Number.NEGATIVE_INFINITY, approximateOk: true, citation: jl2020Params.minProfitWan.source },
  dishonestListed: { kind: "yesNo", citation: fj2024.notListedAbnormalOrDishonest.citation },
  illegalRecordLast3Years: { kind: "yesNo", citation: fj2025.noIllegalRecord.citation },
  majorAccidentLast3Years: { kind: "yesNo", citation: fj2025.noMajorAccident.citation },
  smartMaturityLevel: { kind: "count", unit: "级", min: 0, max: 5, citation: fj2025Params.minMaturityLevel.source },
  basicSmartFactorySelfAssessed: { kind: "yesNo", citation: fj2025.basicFactorySelfAssessed.citation },
  smartFactoryStages: { kind: "multiChoice", options: stageOptions, minChoices: 0, citation: fj2025Params.requiredStages.source },
  twoIntegrationSelfAssessed: { kind: "yesNo", citation: jl2020.twoIntegrationIfManufacturer.citation },
  provincialDemoPlatform: { kind: "yesNo", citation: fj2024.isProvincialDemoPlatform.citation },
  platformConnectedEnterprises: { kind: "count", unit: "家", min: 0, approximateOk: true, citation: fj2024Params.minConnectedEnterprisesExclusive.source },
  platformConnectedDevices: { kind: "count", unit: "套", min: 0, approximateOk: true, citation: fj2024Params.minConnectedDevices.source },
  platformNewServedEnterprisesThisYear: {
    kind: "count",
    unit: "家",
    min: 0,
    citation: fj2024Params.minNewServedEnterprises.source,
  },
  cloudProviderContract: { kind: "yesNo", citation: jl2020.cloudProviderContract.citation },
  localEnterpriseUsers: { kind: "count", unit: "户", min: 0, approximateOk: true, citation: jl2020Params.minLocalEnterpriseUsers.source },
  identifierRegisteredEnterprises: {
    kind: "count",
    unit: "家",
    min: 0,
    citation: fj2024Params.minIdentifierEnterprisesExclusive.source,
  },
  identifierRegistrations: { kind: "count", min: 0, approximateOk: true, citation: fj2024Params.minIdentifierRegistrationsExclusive.source },
  identifierResolutions: { kind: "count", unit: "次", min: 0, approximateOk: true, citation: fj2024Params.minIdentifierResolutionsExclusive.source },
  projectCompleted: { kind: "yesNo", citation: fj2024.benchmarkProjectCompleted.citation },
};

/** revenueLastYearWan → revenue-last-year-wan */
function kebab(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function question(field: ProfileField): Step {
  const { citation, ...spec } = specs[field];
  const step: Step = {
    id: kebab(field),
    section: t.section,
    label: fieldLabels[field],
    prompt: t.prompts[field],
    field,
    profileField: field,
    optional: true,
    ...spec,
    help: citation ? { text: t.help[field], citation } : { text: t.help[field] },
  };
  return step;
}

/** One question per profile field. */
export const profileQuestions: Readonly<Record<ProfileField, Step>> = Object.fromEntries(
  PROFILE_FIELDS.map((f) => [f, question(f)]),
) as Record<ProfileField, Step>;

/** The questions in contract order (PROFILE_FIELDS). */
export const profileQuestionList: readonly Step[] = PROFILE_FIELDS.map((f) => profileQuestions[f]);
