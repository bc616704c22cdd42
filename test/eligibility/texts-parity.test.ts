import { describe, expect, it } from "vitest";
import { ENTERPRISE_KINDS, PROFILE_FIELDS, fieldLabels, flagTexts, kindLabels, profileErrorTexts } from "../../src/flows/eligibility/index.ts";
import { profileSchema } from "../../src/flows/eligibility/profile.ts";
import { programs } from "../../src/flows/programs/index.ts";

describe("texts parity", () => {
  it("every profile field has a Chinese label", () => {
    for (const f of PROFILE_FIELDS) expect(fieldLabels[f], f).toMatch(/\p{Script=Han}/u);
    expect(Object.keys(fieldLabels).sort()).toEqual([...PROFILE_FIELDS].sort());
  });

  it("every yes/no field has texts for yes, no and unknown", () => {
    const flags = PROFILE_FIELDS.filter((f) => profileSchema.shape[f].safeParse(true).success);
    for (const f of flags) {
      if (f === "branchOfLegalEntity") continue; // only read by the smart-factory rule, which words it itself
      expect(flagTexts[f], f).toBeDefined();
    }
  });

  it("every enterprise kind has a label", () => {
    for (const k of ENTERPRISE_KINDS) expect(kindLabels[k]).toBeTruthy();
  });

  it("every validation code we map has a text", () => {
    for (const code of ["unrecognized_keys", "invalid_type", "too_small", "too_big", "invalid_value", "other"] as const) {
      expect(profileErrorTexts.issue[code]).toBeTypeOf("function");
    }
  });

  it("every category has a Chinese label and every rule a Chinese message for an empty profile", async () => {
    const { matchProfile } = await import("../../src/flows/eligibility/index.ts");
    const m = matchProfile({}, programs, "2024-05-01");
    for (const r of m.results) {
      expect(r.categoryLabel).toMatch(/\p{Script=Han}/u);
      for (const reason of r.reasons) expect(reason.message).toMatch(/\p{Script=Han}/u);
    }
  });
});
