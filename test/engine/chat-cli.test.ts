import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordScript } from "../../scripts/bench/engine.ts";
import { projectRoot } from "../../src/shared/config.ts";
import { readDocx } from "../support/docx.ts";
import { echoKnowledge, makeEngine } from "../support/chat.ts";
import { TestRedis } from "../support/redis.ts";

interface Line {
  text: string;
  buttons: { id: string; label: string }[];
  file: { path: string; name: string } | null;
}

let redis: TestRedis;
let dir: string;
let script: string[];

beforeAll(async () => {
  redis = await TestRedis.start();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "shenbao-chat-"));
  const e = makeEngine(redis.url, echoKnowledge);
  script = (await recordScript(e.engine, e.store)).slice(0, -2); // without 删除我的数据
  await e.close();
});
afterAll(async () => {
  await redis.destroy();
  await fs.rm(dir, { recursive: true, force: true });
});

function env(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    REDIS_URL: redis.url,
    REDIS_PREFIX: "clitest",
    DOCUMENTS_DIR: path.join(dir, "documents"),
    INDEX_DIR: path.join(dir, "index"),
    LOG_LEVEL: "silent",
    SHENBAO_TODAY: "2026-11-22",
  };
}

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: projectRoot, env: env(), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${args[0]} exited ${code}: ${err}`))));
  });
}

/** `npm run --silent chat -- --jsonl --user ID` with these lines on stdin. */
function chat(user: string, lines: string[]): Promise<Line[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/chat.ts", "--jsonl", "--user", user], {
      cwd: projectRoot,
      env: env(),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`chat exited ${code}: ${err}`));
      resolve(out.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Line));
    });
    child.stdin.end(lines.join("\n") + "\n");
  });
}

describe("npm run chat (contracts/cli.md)", () => {
  it("fill the smart-factory form halfway, stop, resume in a new process, confirm: the .docx arrives", async () => {
    const half = Math.floor(script.length / 2);
    const first = await chat("cli-a", script.slice(0, half));
    expect(first[0]!.text).toContain("开始填写《福建省先进级智能工厂申报书》");
    for (const l of first) {
      expect(Object.keys(l).sort()).toEqual(["buttons", "file", "text"]);
    }
    const second = await chat("cli-a", ["继续", ...script.slice(half)]);
    expect(second[0]!.text).toMatch(/继续填写《福建省先进级智能工厂申报书》（已完成 \d+\/\d+）/);
    const withFile = second.filter((l) => l.file);
    expect(withFile).toHaveLength(1);
    const file = withFile[0]!.file!;
    expect(file.name).toMatch(/^福建省先进级智能工厂申报书-.*\.docx$/);
    const doc = await readDocx(await fs.readFile(file.path));
    expect(doc.text).toContain("测试填写内容");
    expect(doc.pageSizes[0]).toEqual({ width: 11906, height: 16838 });

    // Staff: the program's 推荐汇总表 from every confirmed application.
    const summary = await run(["scripts/summary.ts", "--program", "fj-2025-smart-factory-advanced", "--out", path.join(dir, "summary.xlsx")]);
    expect(JSON.parse(summary)).toEqual({ path: path.join(dir, "summary.xlsx"), rows: 1 });
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "summary.xlsx"));
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value ?? ""))));
    expect(cells.join("|")).toContain("测试填写内容");
  }, 120_000);
});
