import { KnowledgeBase } from "../src/knowledge/index.ts";
import { cliContext } from "./cli-support.ts";

const ctx = cliContext();
const { notices, chunks, ms } = await KnowledgeBase.rebuild(ctx);
process.stdout.write(`index rebuilt: ${notices} notices, ${chunks} chunks in ${ms} ms → ${ctx.config.indexDir}\n`);
