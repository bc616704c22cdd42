import { createApp, type AppDeps } from "../../app/create-app.ts";
import { ConsoleAdapter } from "./console-adapter.ts";

export interface ChatOptions {
  userId: string;
  jsonl: boolean;
  input?: NodeJS.ReadableStream;
  write?: (s: string) => void;
  /** How long to wait at end of input for documents this chat queued. @defaultValue 60 s (contracts/cli.md) */
  drainMs?: number;
}

/**
 * The terminal chat (`npm run chat`, contracts/cli.md): the app with one console adapter.
 * Lines are handled one at a time, so the conversation stays in order; state lives in
 * Redis, so the same --user resumes later.
 */
export async function runChat(deps: AppDeps, opts: ChatOptions): Promise<void> {
  const write = opts.write ?? ((s: string) => void process.stdout.write(s));
  const input = opts.input ?? process.stdin;
  const interactive = !opts.jsonl && (input as { isTTY?: boolean }).isTTY === true;
  if (interactive) write("申报助手（本地对话）。输入「帮助」查看指令，Ctrl+D 退出。\n\n");
  const adapter = new ConsoleAdapter({ userId: opts.userId, write, jsonl: opts.jsonl, input, prompt: interactive });
  const app = await createApp(deps, { adapters: [adapter] });
  try {
    await adapter.ended;
    await app.documents.drain(opts.drainMs ?? 60_000);
  } finally {
    await app.close();
  }
}
