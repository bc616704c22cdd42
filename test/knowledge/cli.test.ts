import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/shared/config.ts";

/** Each test spawns tsx processes: generous on a busy 2-core machine (no timing is asserted). */
const CLI_TIMEOUT_MS = 120_000;

const run = promisify(execFile);
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "shenbao-cli-"));
  await fs.cp(path.join(projectRoot, "corpus"), path.join(dir, "corpus"), { recursive: true });
  env = { ...process.env, CORPUS_DIR: path.join(dir, "corpus"), INDEX_DIR: path.join(dir, "index"), SHENBAO_TODAY: "2026-11-22", LOG_LEVEL: "silent" };
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const tsx = path.join(projectRoot, "node_modules", ".bin", "tsx");
function cli(script: string, args: string[], input?: string) {
  const child = run(tsx, [path.join(projectRoot, "scripts", script), ...args], { env, cwd: projectRoot });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  }
  return child;
}
async function cliFailure(script: string, args: string[], input?: string) {
  try {
    await cli(script, args, input);
  } catch (err) {
    return err as { code: number; stdout: string; stderr: string };
  }
  throw new Error("expected a non-zero exit");
}

describe("ask CLI (contracts/cli.md)", { timeout: CLI_TIMEOUT_MS }, () => {
  it("--json answers one question with the contract's fields", async () => {
    const { stdout } = await cli("ask.ts", ["--json", "先进级智能工厂对成熟度有什么要求？"]);
    const a = JSON.parse(stdout);
    expect(Object.keys(a)).toEqual(expect.arrayContaining(["question", "answerable", "answer", "citations"]));
    expect(a.answerable).toBe(true);
    expect(a.answer).toContain("二级及以上");
    expect(a.citations[0]).toMatchObject({ docId: "fj-2025-smart-factory-advanced", docNumber: "闽工信函装备〔2025〕123号" });
    for (const c of a.citations) expect(Object.keys(c)).toEqual(expect.arrayContaining(["docId", "title", "docNumber", "section", "text", "score"]));
  });

  it("--jsonl answers every line in order, in one process, and --top limits citations", async () => {
    const { stdout } = await cli("ask.ts", ["--jsonl", "--top", "2"], "融合发展项目申报的联系人是谁？\n明天会下雨吗？\n\n标识解析的解析量要超过多少？\n");
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.question)).toEqual(["融合发展项目申报的联系人是谁？", "明天会下雨吗？", "标识解析的解析量要超过多少？"]);
    expect(lines.map((l) => l.answerable)).toEqual([true, false, true]);
    expect(lines[0].citations).toHaveLength(2);
  });

  it("answers an eligibility question that states a fact with the rules' verdict and clause", async () => {
    const { stdout } = await cli("ask.ts", ["--json", "我们是国企，营收五千万，能报平台类吗？"]);
    const a = JSON.parse(stdout);
    expect(a).toMatchObject({ answerable: true, method: "rules", outcome: "answer" });
    expect(a.answer).toContain("上一年度营业收入 5000 万元，不少于 3000 万元");
    expect(a.answer).toContain("资格自测");
    expect(a.eligibility[0]).toMatchObject({ programId: "fj-2024-integration", category: "platform-demo", verdict: "eligible" });
    expect(a.citations[0]).toMatchObject({ docId: "fj-2024-integration", docNumber: "闽工信函信息〔2024〕182号", text: "上一年度营业收入不少于3000万元" });
  });

  it("keeps outcome next to answerable: answer, or refusal for out-of-domain", async () => {
    const { stdout } = await cli("ask.ts", ["--jsonl"], "跨行业平台的推荐材料要报几份纸质的？\n个人所得税专项附加扣除怎么填？\n");
    const [copies, tax] = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(copies).toMatchObject({ answerable: true, outcome: "answer" });
    expect(copies.answer).toContain("一式三份");
    expect(tax).toMatchObject({ answerable: false, outcome: "refusal", citations: [] });
  });

  it("bad arguments and empty questions exit non-zero with a message on stderr", async () => {
    expect((await cliFailure("ask.ts", ["--top", "0", "问题"])).stderr).toMatch(/--top/);
    const empty = await cliFailure("ask.ts", ["--json", "   "]);
    expect(empty.stderr).toContain("请输入您的问题");
    expect(empty.stdout).toBe("");
  });
});

describe("ingest CLI", { timeout: CLI_TIMEOUT_MS }, () => {
  it("--json prints one object per file and refuses a duplicate", async () => {
    const file = path.join(projectRoot, "test", "fixtures", "notice-xm-2026-5g-factory.txt");
    const { stdout } = await cli("ingest.ts", ["--json", file]);
    const r = JSON.parse(stdout);
    expect(r).toMatchObject({ docNumber: "厦工信数字〔2026〕58号", date: "2026-11-02" });
    expect(Object.keys(r)).toEqual(expect.arrayContaining(["docId", "title", "issuer", "docNumber", "date", "deadlines", "contacts", "chunks", "warnings"]));
    const again = await cliFailure("ingest.ts", ["--json", file]);
    expect(again.stderr).toContain("DUPLICATE");
    const { stdout: answer } = await cli("ask.ts", ["--json", "厦门5G工厂试点项目的申报截止时间是什么时候？"]);
    expect(JSON.parse(answer).citations[0].docNumber).toBe("厦工信数字〔2026〕58号");
  });
});
