import type { CityQuota, Param, Program } from "../../eligibility/index.ts";
import { DOC, params } from "./params.ts";
import * as rules from "./rules.ts";
import { texts } from "./texts.ts";
import { generator } from "./document.ts";
import type { ProgramModule } from "../module.ts";
import { flow } from "./questions.ts";
import { summaryTable } from "./summary.ts";

const a = texts.advisories;
const m = texts.materials;

function quotas(categoryId: string, param: Param<Record<string, number | null>>): CityQuota[] {
  return Object.entries(param.value).map(([city, count]) => ({ categoryId, city, count }));
}

export const program: Program = {
  id: "fj-2024-integration",
  noticeId: "fj-2024-integration",
  title: texts.title,
  docNumber: DOC,
  issuer: texts.issuer,
  region: texts.region,
  noticeDate: "2024-04-02",
  parts: [],
  categories: [
    {
      id: "platform-demo",
      label: texts.categories["platform-demo"],
      rules: rules.platformDemo,
      advisories: [a.platformInnovation, a.platformDemo, a.platformWording],
      materials: m["platform-demo"],
    },
    {
      id: "platform-sme",
      label: texts.categories["platform-sme"],
      rules: rules.platformSme,
      advisories: [a.smeTiers],
      materials: m["platform-sme"],
    },
    {
      id: "benchmark-digital",
      label: texts.categories["benchmark-digital"],
      rules: rules.benchmark,
      advisories: [a.benchmarkInnovation, a.benchmarkEffect, a.benchmarkDemo, a.benchmarkSecurity, a.benchmarkSelection, a.fiveG],
      materials: m["benchmark-digital"],
    },
    {
      id: "benchmark-data-security",
      label: texts.categories["benchmark-data-security"],
      rules: rules.benchmark,
      advisories: [
        a.benchmarkInnovation,
        a.benchmarkEffect,
        a.benchmarkDemo,
        a.benchmarkSecurity,
        a.benchmarkSelection,
        a.dataSecurityContact,
      ],
      materials: m["benchmark-data-security"],
    },
    {
      id: "identifier",
      label: texts.categories.identifier,
      rules: rules.identifier,
      advisories: [a.identifierInnovation, a.identifierCases, a.identifierDemo],
      materials: m.identifier,
    },
  ],
  deadlines: [{ date: params.deadline.value, what: texts.deadlineWhat, party: "bureau", source: params.deadline.source }],
  contacts: texts.contacts,
  cityQuotas: [
    ...quotas("benchmark-digital", params.benchmarkDigitalQuota),
    ...quotas("benchmark-data-security", params.benchmarkDataSecurityQuota),
  ],
  materials: m.all,
  form: texts.form,
  advisories: [a.general],
  params,
};

/** The whole program, registered once in ../index.ts. */
export const programModule: ProgramModule = { program, flow, texts, document: generator, summary: summaryTable };
