import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/shared/config.ts";

describe("RECOMMENDING_UNIT (the 推荐汇总表's 推荐单位, set by staff)", () => {
  it("is optional, and trimmed when set", () => {
    expect(loadConfig({}).RECOMMENDING_UNIT).toBeUndefined();
    expect(loadConfig({ RECOMMENDING_UNIT: " 福州市工业和信息化局 " }).RECOMMENDING_UNIT).toBe("福州市工业和信息化局");
  });

  it.each([["", "empty"], ["局", "too short"], ["局".repeat(61), "too long"], ["福州市\n工信局", "a control character"]])(
    "%j is refused, naming the variable (%s)",
    (value) => {
      expect(() => loadConfig({ RECOMMENDING_UNIT: value })).toThrow(ConfigError);
      expect(() => loadConfig({ RECOMMENDING_UNIT: value })).toThrow(/RECOMMENDING_UNIT/);
    },
  );
});
