import type { FormGenerator } from "../../documents/types.ts";
import type { SummaryTableSpec } from "../../documents/summary/table.ts";
import type { Program } from "../eligibility/index.ts";
import type { ApplicationFlow } from "../forms/types.ts";

/** What every program's texts.ts provides to the registry: how users name the program. */
export interface ProgramTexts {
  /** Short Chinese name for buttons and lists, e.g. 「先进级智能工厂」. */
  readonly shortName: string;
  /** Words that name this program in free text (「智能工厂」); the most specific match wins. */
  readonly keywords: readonly string[];
}

/**
 * One program, everything about it, from its own folder `src/flows/programs/<id>/`:
 * rules.ts + params.ts (as `program`: categories with cited rules, dated parameters,
 * deadlines), questions.ts (`flow`: its 申报书 step by step), texts.ts, document.ts (the
 * 申报书 .docx) and summary.ts (the bureaus' 推荐汇总表 columns). Registered once, in
 * `src/flows/programs/index.ts`; test/programs/conformance.test.ts runs over every module.
 */
export interface ProgramModule {
  readonly program: Program;
  readonly flow: ApplicationFlow;
  readonly texts: ProgramTexts;
  readonly document: FormGenerator;
  readonly summary: SummaryTableSpec;
}
