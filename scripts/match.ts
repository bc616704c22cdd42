/**
 * `npm run --silent match -- [--json | --jsonl] [--as-of YYYY-MM-DD]` (contracts/cli.md).
 *
 * --json   one profile (JSON) on stdin → one result object on stdout.
 * --jsonl  one profile per line → one result per line, in order, in one process. A line that
 *          is not a valid profile prints `{"error": {...}, "line": N}` in its place (N counts
 *          physical lines from 1; blank lines are skipped) and the run continues; the exit
 *          status is then 1.
 * (none)   one profile on stdin → a plain-text Chinese report.
 *
 * Exit: 0 ok; 1 invalid profile; 2 bad arguments. Messages on stderr name the field, never
 * its value: profiles are enterprise data and are never logged.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import {
  formatReport,
  matchProfile,
  parseProfileJson,
  ProfileInvalidError,
  type MatchResult,
} from "../src/flows/eligibility/index.ts";
import { programs } from "../src/flows/programs/index.ts";
import { clockFromEnv, isoDayInChina } from "../src/shared/clock.ts";
import { log } from "../src/shared/log.ts";

const USAGE = "usage: npm run --silent match -- [--json | --jsonl] [--as-of YYYY-MM-DD]  (profile JSON on stdin)";

class UsageError extends Error {
  readonly code = "BAD_ARGUMENTS";
}

interface Options {
  mode: "json" | "jsonl" | "text";
  asOf: string;
}

function isIsoDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function parseOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { json: { type: "boolean" }, jsonl: { type: "boolean" }, "as-of": { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: false,
      strict: true,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message, { cause: err });
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (values.json && values.jsonl) throw new UsageError("--json and --jsonl are mutually exclusive");
  const asOfArg = values["as-of"];
  if (asOfArg !== undefined && !isIsoDay(asOfArg)) throw new UsageError(`--as-of: not a calendar date YYYY-MM-DD: ${asOfArg}`);
  const asOf = asOfArg ?? isoDayInChina(clockFromEnv(process.env.SHENBAO_TODAY).now());
  return { mode: values.jsonl ? "jsonl" : values.json ? "json" : "text", asOf };
}

function describeInvalid(err: ProfileInvalidError, line?: number): string {
  const where = line === undefined ? "" : `line ${line}: `;
  return `match: ${where}invalid profile: ${err.issues.map((i) => i.message).join("; ")}`;
}

function errorObject(err: ProfileInvalidError, line: number) {
  return { error: { code: err.code, issues: err.issues }, line };
}

function evaluate(text: string, asOf: string): MatchResult {
  return matchProfile(parseProfileJson(text), programs, asOf);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

async function runJsonl(asOf: string): Promise<number> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  let ok = 0;
  let bad = 0;
  for await (const line of rl) {
    lineNo++;
    if (line.trim() === "") continue;
    try {
      process.stdout.write(`${JSON.stringify(evaluate(line, asOf))}\n`);
      ok++;
    } catch (err) {
      if (!(err instanceof ProfileInvalidError)) throw err;
      bad++;
      process.stdout.write(`${JSON.stringify(errorObject(err, lineNo))}\n`);
      process.stderr.write(`${describeInvalid(err, lineNo)}\n`);
    }
  }
  log.debug({ asOf, profiles: ok, invalid: bad }, "match --jsonl done");
  return bad > 0 ? 1 : 0;
}

async function runOne(opts: Options): Promise<number> {
  const input = await readAll(process.stdin);
  if (input.trim() === "") {
    process.stderr.write("match: no profile on stdin (expected one JSON object)\n");
    return 1;
  }
  try {
    const result = evaluate(input, opts.asOf);
    process.stdout.write(opts.mode === "json" ? `${JSON.stringify(result)}\n` : formatReport(result));
    log.debug({ asOf: opts.asOf, results: result.results.length }, "match done");
    return 0;
  } catch (err) {
    if (!(err instanceof ProfileInvalidError)) throw err;
    process.stderr.write(`${describeInvalid(err)}\n`);
    return 1;
  }
}

async function main(): Promise<number> {
  let opts: Options;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`match: ${err.message}\n${USAGE}\n`);
    return 2;
  }
  try {
    return opts.mode === "jsonl" ? await runJsonl(opts.asOf) : await runOne(opts);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`match: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    // Unexpected: log the error (never the profile) and fail.
    log.error({ err }, "match failed");
    return 70;
  }
}

process.exitCode = await main();
