import { parseArgs } from "node:util";
import { createChatModel } from "../src/knowledge/llm.ts";
import { askWithRules } from "../src/app/ask-with-rules.ts";
import { KnowledgeBase, QuestionError, renderAnswerText } from "../src/knowledge/index.ts";
import { cliContext, fail, readStdinLines, writeJson } from "./cli-support.ts";

const usage = `usage: npm run --silent ask -- [--json | --jsonl] [--top K] "问题"`;

let parsed;
try {
  parsed = parseArgs({
    options: { json: { type: "boolean" }, jsonl: { type: "boolean" }, top: { type: "string" }, mode: { type: "string" } },
    allowPositionals: true,
  });
} catch (err) {
  fail(`${(err as Error).message}\n${usage}`);
}
const { values, positionals } = parsed;
const top = values.top === undefined ? 3 : Number(values.top);
if (!Number.isInteger(top) || top < 1 || top > 20) fail(`--top must be a whole number from 1 to 20\n${usage}`);
const mode = (values.mode ?? "hybrid") as "hybrid" | "bm25" | "vector";
if (!["hybrid", "bm25", "vector"].includes(mode)) fail(`--mode must be hybrid, bm25 or vector\n${usage}`);
if (values.json && values.jsonl) fail(`--json and --jsonl exclude each other\n${usage}`);
if (values.jsonl && positionals.length > 0) fail(`--jsonl reads questions from stdin, not arguments\n${usage}`);
if (!values.jsonl && positionals.length !== 1) fail(usage);

const ctx = cliContext();
const chatModel = createChatModel(ctx.config);
const kb = await KnowledgeBase.open({ ...ctx, ...(chatModel ? { chatModel } : {}) });

if (values.jsonl) {
  let failed = 0;
  await readStdinLines(async (line, n) => {
    if (line.trim() === "") return;
    try {
      writeJson(await askWithRules(kb, line, ctx.clock, { top, mode }));
    } catch (err) {
      if (!(err instanceof QuestionError)) throw err;
      failed++;
      writeJson({ question: line, answerable: false, answer: err.userMessage(), citations: [], error: { code: err.code, line: n } });
    }
  });
  process.exitCode = failed > 0 ? 1 : 0;
} else {
  try {
    const answer = await askWithRules(kb, positionals[0]!, ctx.clock, { top, mode });
    process.stdout.write(values.json ? `${JSON.stringify(answer)}\n` : `${renderAnswerText(answer)}\n`);
  } catch (err) {
    if (err instanceof QuestionError) fail(`${err.userMessage()} (${err.code})`, 1);
    throw err;
  }
}
