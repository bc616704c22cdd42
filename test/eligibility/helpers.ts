import { matchProfile, type Profile, type ProgramResult, type RuleOutcome } from "../../src/flows/eligibility/index.ts";
import { programs } from "../../src/flows/programs/index.ts";

export const AS_OF = "2024-05-01";

/** The result for one program × category. */
export function resultFor(
  programId: string,
  category: string | null,
  profile: Profile,
  asOf: string = AS_OF,
): ProgramResult {
  const r = matchProfile(profile, programs, asOf).results.find((x) => x.programId === programId && x.category === category);
  if (!r) throw new Error(`no result for ${programId} / ${String(category)}`);
  return r;
}

export function reason(result: ProgramResult, ruleId: string): RuleOutcome {
  const r = result.reasons.find((x) => x.ruleId === ruleId);
  if (!r) throw new Error(`no reason ${ruleId} in ${result.programId}/${String(result.category)}`);
  return r;
}

/** A base profile with one field removed (the fact becomes unknown). */
export function without(base: Profile, ...fields: (keyof Profile)[]): Profile {
  const copy: Profile = { ...base };
  for (const f of fields) delete copy[f];
  return copy;
}
