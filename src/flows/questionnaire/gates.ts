/**
 * Gate questions: one yes/no that settles several facts at once. A plain manufacturer is
 * asked 「是否运营工业互联网平台？」 once instead of four platform figures: 「否」 means the
 * platform facts are zero / false, and the platform categories' own rules then decide.
 * Declared as data; the questionnaire asks a gate in place of the first of its facts.
 */
import type { Citation, EnterpriseKind, Profile, ProfileField } from "../eligibility/index.ts";
import * as fj2024 from "../programs/fj-2024-integration/rules.ts";
import { questionnaireTexts as t } from "./texts.ts";

export interface Gate {
  id: string;
  prompt: string;
  help: string;
  citation: Citation;
  /** The facts a 「否」 settles, with their values. */
  whenNo: Readonly<Partial<Record<ProfileField, unknown>>>;
  /** Kinds of enterprise that likely answer 「是」: they are asked the figures directly. */
  unlessKinds?: readonly EnterpriseKind[];
}

export const gates: readonly Gate[] = [
  {
    id: "runs-platform",
    prompt: t.gates.runsPlatform.prompt,
    help: t.gates.runsPlatform.help,
    citation: fj2024.platformConnections.citation,
    whenNo: {
      provincialDemoPlatform: false,
      platformConnectedEnterprises: 0,
      platformConnectedDevices: 0,
      platformNewServedEnterprisesThisYear: 0,
      localEnterpriseUsers: 0,
    },
    unlessKinds: ["it", "internet"],
  },
  {
    id: "runs-identifier-node",
    prompt: t.gates.runsIdentifierNode.prompt,
    help: t.gates.runsIdentifierNode.help,
    citation: fj2024.identifierEnterprises.citation,
    whenNo: { identifierRegisteredEnterprises: 0, identifierRegistrations: 0, identifierResolutions: 0 },
    unlessKinds: ["identifier-operator"],
  },
];

export const GATE_PREFIX = "gate:";

export function gateOf(id: string): Gate | undefined {
  return gates.find((g) => GATE_PREFIX + g.id === id || g.id === id);
}

/** The gate to ask before `field`, unless answered already or the profile knows one of its facts. */
export function gateBefore(field: ProfileField, profile: Profile, answered: readonly string[]): Gate | undefined {
  return gates.find(
    (g) =>
      field in g.whenNo &&
      !answered.includes(g.id) &&
      !(g.unlessKinds ?? []).some((k) => profile.kinds?.includes(k)) &&
      Object.keys(g.whenNo).every((f) => profile[f as ProfileField] == null),
  );
}

/** Whether this enterprise's answer to the gate is 「否」 (every fact it settles has the 「否」 value). */
export function gateAnswerIsNo(g: Gate, profile: Profile): boolean {
  return Object.entries(g.whenNo).every(([f, v]) => {
    const have = profile[f as ProfileField];
    return have == null || have === v;
  });
}
