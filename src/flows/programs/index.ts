import type { Program } from "../eligibility/index.ts";
import type { ApplicationEntry, Catalog } from "../engine/catalog.ts";
import { program as fj2023CrossIndustryPlatform } from "./fj-2023-cross-industry-platform/index.ts";
import { flow as fj2023Flow } from "./fj-2023-cross-industry-platform/questions.ts";
import { texts as fj2023Texts } from "./fj-2023-cross-industry-platform/texts.ts";
import { program as fj2024Integration } from "./fj-2024-integration/index.ts";
import { flow as fj2024Flow } from "./fj-2024-integration/questions.ts";
import { texts as fj2024Texts } from "./fj-2024-integration/texts.ts";
import { program as fj2025SmartFactoryAdvanced } from "./fj-2025-smart-factory-advanced/index.ts";
import { flow as fj2025Flow } from "./fj-2025-smart-factory-advanced/questions.ts";
import { texts as fj2025Texts } from "./fj-2025-smart-factory-advanced/texts.ts";
import { program as jl2020Demo } from "./jl-2020-demo/index.ts";
import { flow as jl2020Flow } from "./jl-2020-demo/questions.ts";
import { texts as jl2020Texts } from "./jl-2020-demo/texts.ts";

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

/** Programs with an application flow (their 申报书, step by step), in catalog order. */
export const applications: readonly ApplicationEntry[] = [
  { program: fj2024Integration, flow: fj2024Flow, shortName: fj2024Texts.shortName, keywords: fj2024Texts.keywords },
  { program: fj2023CrossIndustryPlatform, flow: fj2023Flow, shortName: fj2023Texts.shortName, keywords: fj2023Texts.keywords },
  { program: jl2020Demo, flow: jl2020Flow, shortName: jl2020Texts.shortName, keywords: jl2020Texts.keywords },
  { program: fj2025SmartFactoryAdvanced, flow: fj2025Flow, shortName: fj2025Texts.shortName, keywords: fj2025Texts.keywords },
];

export const catalog: Catalog = { programs, applications };
