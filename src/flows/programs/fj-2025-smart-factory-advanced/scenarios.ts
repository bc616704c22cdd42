import type { SmartFactoryStage } from "../../eligibility/index.ts";

/**
 * 附件2《智能制造典型场景参考指引（2024年版）》: 15 环节 and their 40 典型场景, names as
 * printed. The form (附件3) asks for them as 「环节-场景」 and groups section 三 by the five
 * smart-factory 环节 of the 要素条件 (工厂建设 … 运营管理); the footnotes [1]–[5] of 附1 say
 * which of the 15 环节 each of the five covers. 多环节模式创新 belongs to none of the five:
 * the form gives it its own optional heading 「（六）多环节模式创新（选填）」.
 */
export interface ScenarioSegment {
  /** 1–15, the guide's order (一、工厂建设 … 十五、多环节模式创新). */
  number: number;
  /** The 环节 as the guide names it. */
  name: string;
  /** The smart-factory 环节 it counts toward (footnotes [1]–[5]); null for 多环节模式创新. */
  stage: SmartFactoryStage | null;
}

export const MULTI_SEGMENT = "多环节模式创新";

export const SEGMENTS: readonly ScenarioSegment[] = [
  { number: 1, name: "工厂建设", stage: "工厂建设" },
  { number: 2, name: "产品设计", stage: "研发设计" },
  { number: 3, name: "工艺设计", stage: "研发设计" },
  { number: 4, name: "计划调度", stage: "生产管理" },
  { number: 5, name: "生产作业", stage: "生产作业" },
  { number: 6, name: "质量管控", stage: "生产作业" },
  { number: 7, name: "设备管理", stage: "生产作业" },
  { number: 8, name: "仓储物流", stage: "生产管理" },
  { number: 9, name: "安全管控", stage: "生产管理" },
  { number: 10, name: "能碳管理", stage: "生产管理" },
  { number: 11, name: "环保管理", stage: "生产管理" },
  { number: 12, name: "营销与售后", stage: "运营管理" },
  { number: 13, name: "供应链管理", stage: "运营管理" },
  { number: 14, name: "信息基础设施", stage: "工厂建设" },
  { number: 15, name: MULTI_SEGMENT, stage: null },
];

export interface Scenario {
  /** Stable id stored in answers: "s01" … "s40" (the guide's numbering). */
  id: string;
  /** 1–40 as numbered in the guide. */
  number: number;
  /** The guide's 环节 (one of SEGMENTS). */
  segment: string;
  /** The smart-factory 环节 of its segment; null for 多环节模式创新. */
  stage: SmartFactoryStage | null;
  /** The scenario's name as printed. */
  name: string;
}

/** Scenario names per segment, in the guide's order (numbers run on across segments). */
const BY_SEGMENT: readonly (readonly [segment: string, names: readonly string[]])[] = [
  ["工厂建设", ["工厂数字化设计与交付", "数字孪生工厂运营优化"]],
  ["产品设计", ["产品数字化研发设计", "虚拟验证与中试"]],
  ["工艺设计", ["工艺数字化设计", "可制造性设计"]],
  ["计划调度", ["生产计划优化", "智能排产调度"]],
  ["生产作业", ["产线柔性配置", "人机协同作业", "工艺动态优化", "先进过程控制", "数智精益管理"]],
  ["质量管控", ["在线智能检测", "质量追溯与分析改进"]],
  ["设备管理", ["设备运行监控", "设备智能运维"]],
  ["仓储物流", ["智能仓储", "精准配送"]],
  ["安全管控", ["危险作业自动化", "安全一体化管控"]],
  ["能碳管理", ["能源智能管控", "碳资产全生命周期管理"]],
  ["环保管理", ["污染在线管控"]],
  ["营销与售后", ["智慧营销管理", "产品智能运维", "智能客户服务"]],
  ["供应链管理", ["供应链计划协同优化", "供应商智能化管理", "供应链物流智能配送"]],
  ["信息基础设施", ["先进工业网络应用", "工业信息安全管控", "工厂数据资源管理"]],
  [
    MULTI_SEGMENT,
    ["数据驱动产品研发", "大规模个性化定制", "网络协同制造", "研产供销服深度集成", "弹性供应链", "全员数字化管理", "可持续制造"],
  ],
];

function build(): Scenario[] {
  const out: Scenario[] = [];
  for (const [segment, names] of BY_SEGMENT) {
    const seg = SEGMENTS.find((s) => s.name === segment);
    if (!seg) throw new Error(`unknown segment ${segment}`);
    for (const name of names) {
      const number = out.length + 1;
      out.push({ id: `s${String(number).padStart(2, "0")}`, number, segment, stage: seg.stage, name });
    }
  }
  return out;
}

export const SCENARIOS: readonly Scenario[] = build();

/** The form's 「环节-场景」 label, e.g. 「质量管控-在线智能检测」. */
export function scenarioLabel(s: Scenario): string {
  return `${s.segment}-${s.name}`;
}

export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

/** Scenarios that count toward the given smart-factory 环节 (多环节模式创新 not included). */
export function scenariosOfStages(stages: readonly string[]): Scenario[] {
  return SCENARIOS.filter((s) => s.stage !== null && stages.includes(s.stage));
}
