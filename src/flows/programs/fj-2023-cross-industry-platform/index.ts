import type { Program } from "../../eligibility/index.ts";
import { DOC, params } from "./params.ts";
import * as rules from "./rules.ts";
import { texts } from "./texts.ts";
import { generator } from "./document.ts";
import type { ProgramModule } from "../module.ts";
import { flow } from "./questions.ts";
import { summaryTable } from "./summary.ts";

export const program: Program = {
  id: "fj-2023-cross-industry-platform",
  noticeId: "fj-2023-cross-industry-platform",
  title: texts.title,
  docNumber: DOC,
  issuer: texts.issuer,
  region: texts.region,
  noticeDate: "2023-06-05",
  parts: [],
  categories: [{ id: null, label: texts.categoryLabel, rules: rules.all, advisories: [] }],
  deadlines: [{ date: params.deadline.value, what: texts.deadlineWhat, party: "bureau", source: params.deadline.source }],
  contacts: texts.contacts,
  cityQuotas: [],
  materials: texts.materials,
  form: texts.form,
  advisories: texts.advisories,
  params,
};

/** The whole program, registered once in ../index.ts. */
export const programModule: ProgramModule = { program, flow, texts, document: generator, summary: summaryTable };
