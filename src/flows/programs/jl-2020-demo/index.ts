import type { Program } from "../../eligibility/index.ts";
import { DOC, params } from "./params.ts";
import * as rules from "./rules.ts";
import { texts } from "./texts.ts";
import { generator } from "./document.ts";
import type { ProgramModule } from "../module.ts";
import { flow } from "./questions.ts";
import { summaryTable } from "./summary.ts";

const c = texts.categories;
const a = texts.advisories;

/**
 * Categories follow 二、申报条件: （二）平台、（三）研究机构、（四）创新中心、（五）工业软件、
 * （六）制造业服务化 carry their own conditions; null is the general conditions alone, for
 * 项目类别 without extra ones (两化融合创新示范、公共服务、上平台用平台).
 */
export const program: Program = {
  id: "jl-2020-demo",
  noticeId: "jl-2020-demo",
  title: texts.title,
  docNumber: DOC,
  issuer: texts.issuer,
  region: texts.region,
  noticeDate: "2020",
  parts: [],
  categories: [
    { id: null, label: c.general, rules: rules.general, advisories: [] },
    {
      id: "platform",
      label: c.platform,
      rules: rules.platform,
      advisories: a.platform,
      materials: texts.categoryMaterials.platform,
    },
    { id: "research-institute", label: c["research-institute"], rules: rules.general, advisories: a["research-institute"] },
    {
      id: "innovation-center",
      label: c["innovation-center"],
      rules: rules.general,
      advisories: a["innovation-center"],
      materials: texts.categoryMaterials["innovation-center"],
    },
    {
      id: "software",
      label: c.software,
      rules: rules.software,
      advisories: a.software,
      materials: texts.categoryMaterials.software,
    },
    { id: "servitization", label: c.servitization, rules: rules.general, advisories: a.servitization },
  ],
  deadlines: [],
  contacts: [],
  cityQuotas: [],
  materials: texts.materials,
  form: texts.form,
  advisories: a.general,
  params,
};

/** The whole program, registered once in ../index.ts. */
export const programModule: ProgramModule = { program, flow, texts, document: generator, summary: summaryTable };
