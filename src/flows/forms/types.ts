import type { Citation, Profile, ProfileField } from "../eligibility/index.ts";

/**
 * A flow is data: the steps of a 申报书 (or of the eligibility questionnaire), each one
 * question the bot asks, how the answer is read and checked, and which field of the form
 * it fills. The engine walks any flow the same way; it never branches on a program id.
 */
export type InputKind =
  | "text" // one line: names, addresses, titles
  | "longText" // narrative sections (项目介绍 …), may be left for the document
  | "number" // a plain number with a unit (人, %, 次); decimals allowed
  | "count" // a whole number (家, 套, 个)
  | "money" // 万元; accepts 3000万, 1.2亿, 3千万
  | "percent" // percent points: 12.5 for 12.5%
  | "choice" // one option
  | "multiChoice" // one or more options
  | "date" // YYYY-MM-DD (or YYYY-MM where the step allows month precision)
  | "creditCode" // 统一社会信用代码, check character verified
  | "phone"
  | "email"
  | "yesNo"
  | "beforeAfter"; // a KPI: the value before and after the project, change rate computed

export interface ChoiceOption {
  /** Stable id stored in answers (and, where the step has a profileField, the profile's own value). */
  id: string;
  /** Chinese label as the notice prints it. */
  label: string;
}

/** One item a repeated step is asked for (a chosen scenario, a year, a KPI). */
export interface StepItem {
  key: string;
  label: string;
  /** Unit for this item when items differ (KPI rows: %, 天, 万元); overrides `Step.unit`. */
  unit?: string;
  /** For a KPI: which way is an improvement (研制周期 and 不良率 go down). @defaultValue "higher" */
  better?: "higher" | "lower";
}

/**
 * A constraint the notice itself puts on an answer, checked where the form is filled and
 * cited in the message: a name's required suffix, a date that must not precede another, a
 * KPI expected to improve (a worse one is confirmed, not refused: it may be true).
 */
export type StepCheck =
  | { kind: "endsWith"; suffix: string; citation: Citation }
  | { kind: "notBefore"; stepId: string; citation: Citation }
  | { kind: "improves"; citation: Citation };

/** A checked answer. `display` is how the review and the document show it. */
export type AnswerValue =
  | string
  | number
  | boolean
  | readonly string[]
  | { readonly before: number; readonly after: number };

export interface Answer {
  value: AnswerValue;
  display: string;
}

/** Answers of one draft, by step instance id (`stepId`, or `stepId[itemKey]` for repeated steps). */
export type Answers = Readonly<Record<string, Answer | { skipped: true }>>;

export interface StepHelp {
  /** Chinese: what to enter and why, in the notice's words where possible. */
  text: string;
  citation?: Citation;
}

export interface Step {
  /** Stable id, unique within the flow (kebab-case). Stored in drafts: never rename a released id. */
  id: string;
  /** The 申报书 section it belongs to, as numbered there (e.g. "一、企业基本情况"). */
  section: string;
  /** The form's own row label (e.g. "统一社会信用代码"); used in review and 修改 lists. */
  label: string;
  /** The question, in Chinese. For a repeated step it receives the item. */
  prompt: string | ((item: StepItem) => string);
  kind: InputKind;
  /**
   * The form field this fills, dotted (e.g. "basic.creditCode"). For a repeated step the
   * item key is appended by the engine ("kpi.aiSceneRatio" → "kpi.aiSceneRatio.<key>").
   */
  field: string;
  /** May be skipped with 跳过. Required steps cannot be. */
  optional?: boolean;
  /** Unit shown after numbers: 人, 家, 套, %, 次, 万元. */
  unit?: string;
  min?: number;
  max?: number;
  /** Characters; defaults: text 200, longText 5000. */
  maxLength?: number;
  /** For choice / multiChoice. A function when the options depend on earlier answers. */
  options?: readonly ChoiceOption[] | ((answers: Answers) => readonly ChoiceOption[]);
  /** multiChoice bounds; defaults 1 and the number of options. */
  minChoices?: number;
  maxChoices?: number;
  /** For date: allow "2025年3月" (stored "YYYY-MM"). */
  monthPrecision?: boolean;
  /**
   * For text: the answer is a place, read with the administrative-division dataset
   * (「厦门的」 → 福建省 / 厦门市): "province" stores the province, "city" the city,
   * "region" the whole name (福建省厦门市思明区). A place implies its higher levels.
   */
  place?: "province" | "city" | "region";
  /**
   * For money / count / number: a rough figure (「八千万左右」) is taken as it is, as the
   * self-check needs; elsewhere it is read but confirmed before it is saved.
   */
  approximateOk?: boolean;
  /** The notice's own constraints on this answer (see StepCheck). */
  checks?: readonly StepCheck[];
  /** Asked only when this holds for the answers so far (e.g. the chosen category). */
  when?: (answers: Answers) => boolean;
  /** Asked once per item (chosen scenarios, KPIs, years). */
  forEach?: (answers: Answers) => readonly StepItem[];
  help?: StepHelp;
  /** longText: the notice's guidance, placed in the document where the user wrote nothing. */
  guidance?: string;
  /**
   * Pre-fill from, and write back to, the enterprise profile (shared by every program and
   * the questionnaire). The answer's value must have the profile field's type: yesNo →
   * boolean, money → 万元, count → integer, multiChoice → option ids as the profile's enum.
   */
  profileField?: ProfileField;
  /**
   * A value this step can take from the profile without mirroring one field (企业类型 from
   * 从业人员 and 营业收入): used to pre-fill, never written back.
   */
  fromProfile?: (profile: Profile) => unknown;
}

/** The application flow of one program: its 申报书, step by step. */
export interface ApplicationFlow {
  programId: string;
  /** The form's title as printed, e.g. "福建省先进级智能工厂申报书". */
  formTitle: string;
  /** One-line Chinese summary shown when the flow starts (what it covers, how long it takes). */
  intro: string;
  steps: readonly Step[];
}
