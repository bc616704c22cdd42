import type { Program } from "../../eligibility/index.ts";
import { CITY_DOC, PROVINCE_DOC, params } from "./params.ts";
import * as rules from "./rules.ts";
import { texts } from "./texts.ts";
import { generator } from "./document.ts";
import type { ProgramModule } from "../module.ts";
import { flow } from "./questions.ts";
import { summaryTable } from "./summary.ts";

export const program: Program = {
  id: "fj-2025-smart-factory-advanced",
  noticeId: "fj-2025-smart-factory-advanced",
  title: texts.title,
  docNumber: CITY_DOC,
  issuer: texts.issuer,
  region: texts.region,
  noticeDate: "2025-03-21",
  parts: [{ docNumber: PROVINCE_DOC, title: texts.part.title, issuer: texts.part.issuer }],
  categories: [{ id: null, label: texts.categoryLabel, rules: rules.all, advisories: [] }],
  deadlines: [
    {
      date: params.cityDeadline.value,
      what: texts.deadlines.city,
      party: "bureau",
      region: "福州市",
      source: params.cityDeadline.source,
    },
    {
      date: params.provinceDeadline.value,
      what: texts.deadlines.province,
      party: "bureau",
      source: params.provinceDeadline.source,
    },
  ],
  contacts: texts.contacts,
  cityQuotas: [],
  materials: texts.materials,
  form: texts.form,
  advisories: texts.advisories,
  params,
};

/** The whole program, registered once in ../index.ts. */
export const programModule: ProgramModule = { program, flow, texts, document: generator, summary: summaryTable };
