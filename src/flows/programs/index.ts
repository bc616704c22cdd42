import type { Program } from "../eligibility/index.ts";
import { program as fj2023CrossIndustryPlatform } from "./fj-2023-cross-industry-platform/index.ts";
import { program as fj2024Integration } from "./fj-2024-integration/index.ts";
import { program as fj2025SmartFactoryAdvanced } from "./fj-2025-smart-factory-advanced/index.ts";
import { program as jl2020Demo } from "./jl-2020-demo/index.ts";

/**
 * Every program that takes applications. fj-2018-industrial-internet-opinion is a policy
 * opinion (no applications): it stays in the corpus for Q&A and has no module here.
 */
export const programs: readonly Program[] = [
  fj2024Integration,
  fj2023CrossIndustryPlatform,
  jl2020Demo,
  fj2025SmartFactoryAdvanced,
];

export function findProgram(id: string): Program | undefined {
  return programs.find((p) => p.id === id);
}
