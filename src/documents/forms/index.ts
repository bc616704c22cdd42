/**
 * The 申报书 generators, one per program with an application flow. `generatorFor` is how the
 * document queue finds the one for a draft.
 */
import type { FormGenerator } from "../types.ts";
import { generator as fj2023CrossIndustryPlatform } from "./fj-2023-cross-industry-platform.ts";
import { generator as fj2024Integration } from "./fj-2024-integration.ts";
import { generator as fj2025SmartFactoryAdvanced } from "./fj-2025-smart-factory-advanced.ts";
import { generator as jl2020Demo } from "./jl-2020-demo.ts";

export const generators: readonly FormGenerator[] = [
  fj2025SmartFactoryAdvanced,
  fj2024Integration,
  fj2023CrossIndustryPlatform,
  jl2020Demo,
];

const byProgram: ReadonlyMap<string, FormGenerator> = new Map(generators.map((g) => [g.programId, g]));

/** The generator for the program, or undefined when the program has no form generator. */
export function generatorFor(programId: string): FormGenerator | undefined {
  return byProgram.get(programId);
}
