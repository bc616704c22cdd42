import type { Profile } from "./profile.ts";
import type { Citation, Param } from "./types.ts";

export type SizeClass = "large" | "medium" | "small" | "micro";

const FOOTNOTE_DOC = "闽工信函装备〔2025〕123号";
const FOOTNOTE_SECTION = "附件3 福建省先进级智能工厂申报书 > 注1（企业类型）";

/** Lower bounds for industry (工业), from the smart-factory 申报书 footnote quoting the 2017 办法. */
export const sizeClassParams = {
  large: {
    value: { employees: 1000, revenueWan: 40000 },
    since: "2017-12-28",
    source: {
      docNumber: FOOTNOTE_DOC,
      section: FOOTNOTE_SECTION,
      quote: "从业人员1000人及以上，且营业收入40000万元及以上的为大型企业",
    },
  },
  medium: {
    value: { employees: 300, revenueWan: 2000 },
    since: "2017-12-28",
    source: {
      docNumber: FOOTNOTE_DOC,
      section: FOOTNOTE_SECTION,
      quote: "从业人员300人及以上1000人以下，且营业收入2000万元及以上40000万元以下的为中型企业",
    },
  },
  small: {
    value: { employees: 20, revenueWan: 300 },
    since: "2017-12-28",
    source: {
      docNumber: FOOTNOTE_DOC,
      section: FOOTNOTE_SECTION,
      quote: "从业人员20人及以上300人以下，且营业收入300万元及以上2000万元以下的为小型企业",
    },
  },
} satisfies Record<Exclude<SizeClass, "micro">, Param<{ employees: number; revenueWan: number }>>;

export const sizeClassCitations: readonly Citation[] = [
  sizeClassParams.large.source,
  sizeClassParams.medium.source,
  sizeClassParams.small.source,
  {
    docNumber: FOOTNOTE_DOC,
    section: FOOTNOTE_SECTION,
    quote: "从业人员20人以下或营业收入300万元以下的为微型企业",
  },
  {
    // The footnote's ranges leave e.g. 2000 employees with 3000 万元 unclassified; the 办法's own note decides.
    docNumber: "国统字〔2017〕213号",
    section: "《统计上大中小微型企业划分办法（2017）》附注",
    quote: "大型、中型和小型企业须同时满足所列指标的下限，否则下划一档",
    external: true,
  },
];

const ORDER = ["large", "medium", "small"] as const;

/**
 * Size class for an industrial enterprise: the first class whose BOTH lower bounds
 * (从业人员, 营业收入) are met, else micro. Null when a missing fact could change the class;
 * a single known figure below the small bounds already makes it micro (「…以下或…以下」).
 */
export function sizeClassOf(p: Pick<Profile, "employees" | "revenueLastYearWan">): SizeClass | null {
  const employees = p.employees;
  const revenue = p.revenueLastYearWan;
  const small = sizeClassParams.small.value;
  if ((employees != null && employees < small.employees) || (revenue != null && revenue < small.revenueWan)) {
    return "micro";
  }
  if (employees == null || revenue == null) return null;
  for (const cls of ORDER) {
    const min = sizeClassParams[cls].value;
    if (employees >= min.employees && revenue >= min.revenueWan) return cls;
  }
  return "micro";
}
