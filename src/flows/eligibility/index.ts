// Public surface of the eligibility engine, commonly used first.
export { matchProfile, evaluateProgram, verdictOf } from "./evaluate.ts";
export type { MatchResult, ProgramResult, Verdict } from "./evaluate.ts";
export { parseProfile, parseProfileJson, ProfileInvalidError } from "./parse-profile.ts";
export type { ProfileIssue } from "./parse-profile.ts";
export { profileSchema, PROFILE_FIELDS, ENTERPRISE_KINDS, SMART_FACTORY_STAGES, sortFields } from "./profile.ts";
export type { Profile, ProfileField, EnterpriseKind, SmartFactoryStage } from "./profile.ts";
export { sizeClassOf, sizeClassParams, sizeClassCitations } from "./size-class.ts";
export type { SizeClass } from "./size-class.ts";
export { orderForUser } from "./order.ts";
export { formatReport } from "./report.ts";
export { applicableDeadline, isPassed } from "./deadlines.ts";
export { DEFAULT_HISTORY_AFTER_YEARS, noticeStatus, type NoticeStatus } from "./history.ts";
export type { DeadlineView } from "./deadlines.ts";
export type {
  Category,
  Check,
  Citation,
  CityQuota,
  EvalContext,
  Param,
  Program,
  ProgramContact,
  ProgramDeadline,
  ProgramForm,
  ProgramPart,
  Rule,
  RuleOutcome,
  RuleStatus,
} from "./types.ts";

// For program modules: rule builders, outside definitions and shared texts.
export { threshold, flagIs, provinceIs, kindsIncludeAny, stagesIncludeAll, anyOf, describeKinds, sameRegion } from "./rule-builders.ts";
export type { Comparison, FlagField, NumericField } from "./rule-builders.ts";
export { outsideDefinitions } from "./outside-definitions.ts";
export { fieldLabels, flagTexts, kindLabels, sizeClassLabels, verdictLabels, profileErrorTexts } from "./texts.ts";
export { answerEligibilityQuestion, isEligibilityQuestion, statedFacts, type EligibilityAnswer, type StatedFacts } from "./answer-eligibility-question.ts";
