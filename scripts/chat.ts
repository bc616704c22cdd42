import { parseArgs } from "node:util";
import { runChat } from "../src/bots/console/run-chat.ts";
import { cliContext, fail } from "./cli-support.ts";

/** `npm run --silent chat -- [--user ID] [--jsonl]` (contracts/cli.md). */
let args;
try {
  args = parseArgs({
    options: { user: { type: "string", default: "cli-user" }, jsonl: { type: "boolean", default: false } },
    allowPositionals: false,
  }).values;
} catch (err) {
  fail(`${(err as Error).message}\nusage: npm run --silent chat -- [--user ID] [--jsonl]`);
}
if (!/^[\w.@-]{1,64}$/.test(args.user)) fail("--user: 1-64 letters, digits, or . _ @ -");
await runChat(cliContext(), { userId: args.user, jsonl: args.jsonl });
