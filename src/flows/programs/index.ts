import type { FormGenerator } from "../../documents/types.ts";
import type { SummaryTableSpec } from "../../documents/summary/table.ts";
import type { Program } from "../eligibility/index.ts";
import type { ApplicationEntry, Catalog } from "../engine/catalog.ts";
import { programModule as fj2023CrossIndustryPlatform } from "./fj-2023-cross-industry-platform/index.ts";
import { programModule as fj2024Integration } from "./fj-2024-integration/index.ts";
import { programModule as fj2025SmartFactoryAdvanced } from "./fj-2025-smart-factory-advanced/index.ts";
import { programModule as jl2020Demo } from "./jl-2020-demo/index.ts";
import type { ProgramModule } from "./module.ts";

export type { ProgramModule, ProgramTexts } from "./module.ts";

/**
 * The one registry: every program that takes applications, in catalog order. Adding a
 * program is adding its folder and one line here. fj-2018-industrial-internet-opinion is a
 * policy opinion (no applications): it stays in the corpus for Q&A and has no module.
 */
export const programModules: readonly ProgramModule[] = [
  fj2024Integration,
  fj2023CrossIndustryPlatform,
  jl2020Demo,
  fj2025SmartFactoryAdvanced,
];

const byId: ReadonlyMap<string, ProgramModule> = new Map(programModules.map((m) => [m.program.id, m]));
if (byId.size !== programModules.length) throw new Error("two program modules share an id");

/** The program's module, or undefined for an id without one. */
export function moduleOf(programId: string): ProgramModule | undefined {
  return byId.get(programId);
}

/** Every program whose rules the questionnaire and `match` evaluate. */
export const programs: readonly Program[] = programModules.map((m) => m.program);

export function findProgram(id: string): Program | undefined {
  return moduleOf(id)?.program;
}

/** Programs with an application flow (their 申报书, step by step), in catalog order. */
export const applications: readonly ApplicationEntry[] = programModules.map((m) => ({
  program: m.program,
  flow: m.flow,
  shortName: m.texts.shortName,
  keywords: m.texts.keywords,
}));

export const catalog: Catalog = { programs, applications };

/** The program's 申报书 generator (how the document queue finds the one for a draft). */
export function generatorFor(programId: string): FormGenerator | undefined {
  return moduleOf(programId)?.document;
}

/** The program's 推荐汇总表 spec, or undefined when no module has that id. */
export function summaryFor(programId: string): SummaryTableSpec | undefined {
  return moduleOf(programId)?.summary;
}
