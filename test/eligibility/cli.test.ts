import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Each test spawns tsx processes: generous on a busy 2-core machine (no timing is asserted). */
const CLI_TIMEOUT_MS = 120_000;

const ROOT = path.resolve(import.meta.dirname, "../..");

function match(args: string[], input: string, env: Record<string, string> = {}) {
  const r = spawnSync("npx", ["tsx", "scripts/match.ts", ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
    timeout: 60_000,
  });
  // npx may print its own config warnings; they are not ours.
  const stderr = r.stderr
    .split("\n")
    .filter((l) => !l.startsWith("npm warn"))
    .join("\n")
    .trim();
  return { status: r.status, stdout: r.stdout, stderr };
}

const fuzhouMaker = {
  name: "福州某某机械有限公司",
  province: "福建省",
  city: "福州市",
  independentLegalEntity: true,
  kinds: ["manufacturer"],
  employees: 800,
  revenueLastYearWan: 15000,
  dishonestListed: false,
  illegalRecordLast3Years: false,
  projectCompleted: true,
};
const jilinSoftware = { province: "吉林省", kinds: ["it"], independentLegalEntity: true, profitLastYearWan: -5 };
const empty = {};

function expectResultShape(o: Record<string, unknown>, asOf: string) {
  expect(o.asOf).toBe(asOf);
  expect(["large", "medium", "small", "micro", null]).toContain(o.sizeClass);
  const results = o.results as Record<string, unknown>[];
  expect(results.length).toBe(13);
  for (const r of results) {
    expect(Object.keys(r)).toEqual(
      expect.arrayContaining(["programId", "category", "title", "docNumber", "verdict", "deadline", "deadlinePassed", "reasons", "missing", "advisories"]),
    );
    expect(["eligible", "unknown", "ineligible"]).toContain(r.verdict);
    expect(r.deadline === null || /^\d{4}-\d{2}-\d{2}$/.test(r.deadline as string)).toBe(true);
    for (const reason of r.reasons as Record<string, unknown>[]) {
      expect(Object.keys(reason).sort()).toEqual(["citation", "message", "ruleId", "status"]);
      const c = reason.citation as Record<string, unknown>;
      expect(typeof c.section).toBe("string");
      expect(typeof c.quote).toBe("string");
      expect("docNumber" in c).toBe(true);
    }
    expect(Array.isArray(r.missing)).toBe(true);
    expect(Array.isArray(r.advisories)).toBe(true);
  }
}

describe("npm run match --jsonl", { timeout: CLI_TIMEOUT_MS }, () => {
  it("answers every profile in one process, one line each, in order", () => {
    const input = [fuzhouMaker, jilinSoftware, empty].map((p) => JSON.stringify(p)).join("\n") + "\n";
    const r = match(["--jsonl", "--as-of", "2024-05-01"], input);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    for (const l of lines) expectResultShape(l, "2024-05-01");

    const [maker, jilin, none] = lines as [Record<string, any>, Record<string, any>, Record<string, any>];
    expect(maker.sizeClass).toBe("medium");
    const bench = maker.results.find((x: any) => x.programId === "fj-2024-integration" && x.category === "benchmark-digital");
    expect(bench).toMatchObject({ verdict: "eligible", deadline: "2024-05-30", deadlinePassed: false, docNumber: "闽工信函信息〔2024〕182号" });
    expect(maker.results[0]).toMatchObject({ verdict: "eligible", deadlinePassed: false });

    const jlGeneral = jilin.results.find((x: any) => x.programId === "jl-2020-demo" && x.category === null);
    expect(jlGeneral.verdict).toBe("ineligible");
    expect(jlGeneral.reasons.find((x: any) => x.ruleId === "not-loss-making")).toMatchObject({
      status: "fail",
      message: "上一年度利润 -5 万元，为亏损企业",
      citation: { docNumber: null, quote: "非亏损企业" },
    });

    expect(none.sizeClass).toBeNull();
    expect(none.results.every((x: any) => x.verdict === "unknown")).toBe(true);
    expect(none.results.find((x: any) => x.programId === "fj-2025-smart-factory-advanced").missing).toContain("smartMaturityLevel");
  });

  it("prints an error object for a bad line, continues, and exits non-zero", () => {
    const input = [JSON.stringify(fuzhouMaker), JSON.stringify({ employees: "many", turnover: 1 }), "", "not json", JSON.stringify(empty)].join("\n");
    const r = match(["--jsonl", "--as-of", "2024-05-01"], input);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, any>);
    expect(lines).toHaveLength(4);
    expect(lines[0]?.results).toBeDefined();
    expect(lines[1]).toMatchObject({ line: 2, error: { code: "PROFILE_INVALID" } });
    expect(lines[1]?.error.issues.map((i: any) => i.field).sort()).toEqual(["employees", "turnover"]);
    expect(lines[2]).toMatchObject({ line: 4, error: { code: "PROFILE_INVALID" } });
    expect(lines[3]?.results).toBeDefined();
    expect(r.stderr).toContain("line 2");
    expect(r.stderr).toContain("employees");
    expect(r.stderr).not.toContain("many"); // values are never echoed
  });
});

describe("npm run match --json and arguments", { timeout: CLI_TIMEOUT_MS }, () => {
  it("--json prints one object", () => {
    const r = match(["--json", "--as-of", "2025-04-11"], JSON.stringify(fuzhouMaker));
    expect(r.status).toBe(0);
    const o = JSON.parse(r.stdout) as Record<string, any>;
    expectResultShape(o, "2025-04-11");
    expect(o.results.find((x: any) => x.programId === "fj-2025-smart-factory-advanced").deadlinePassed).toBe(true);
  });

  it("defaults --as-of to today from SHENBAO_TODAY", () => {
    const r = match(["--json"], "{}", { SHENBAO_TODAY: "2023-06-12" });
    expect((JSON.parse(r.stdout) as { asOf: string }).asOf).toBe("2023-06-12");
  });

  it.each([
    ["an unknown field", ["--json"], '{"province":"福建省","revenue":3}', 1, "revenue"],
    ["a wrong type", ["--json"], '{"employees":"500"}', 1, "employees"],
    ["empty stdin", ["--json"], "", 1, "no profile"],
    ["a bad --as-of", ["--json", "--as-of", "2024-02-30"], "{}", 2, "--as-of"],
    ["an unknown option", ["--xml"], "{}", 2, "xml"],
    ["both modes", ["--json", "--jsonl"], "{}", 2, "mutually exclusive"],
  ])("rejects %s on stderr with a non-zero exit", (_n, args, input, status, mention) => {
    const r = match(args, input);
    expect(r.status).toBe(status);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(mention);
  });
});
