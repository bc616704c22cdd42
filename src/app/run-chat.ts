import readline from "node:readline";
import { ConsoleChannel } from "../bots/console/console-channel.ts";
import { createApp, type AppDeps } from "./create-app.ts";

export interface ChatOptions {
  userId: string;
  jsonl: boolean;
  input?: NodeJS.ReadableStream;
  write?: (s: string) => void;
  /** How long to wait at end of input for documents this chat queued. @defaultValue 60 s (contracts/cli.md) */
  drainMs?: number;
}

/**
 * The terminal channel: one line in, the bot's messages out, one line at a time so the
 * conversation stays in order. State lives in Redis, so the same --user resumes later.
 */
export async function runChat(deps: AppDeps, opts: ChatOptions): Promise<void> {
  const write = opts.write ?? ((s: string) => void process.stdout.write(s));
  const channel = new ConsoleChannel(opts.userId, write, opts.jsonl);
  const app = await createApp(deps, {
    deliver: (address) => (address.channel === "console" && address.chatId === opts.userId ? channel.send : null),
  });
  const input = opts.input ?? process.stdin;
  const interactive = !opts.jsonl && (input as { isTTY?: boolean }).isTTY === true;
  if (interactive) write("申报助手（本地对话）。输入「帮助」查看指令，Ctrl+D 退出。\n\n> ");
  const rl = readline.createInterface({ input, crlfDelay: Infinity, terminal: false });
  try {
    for await (const line of rl) {
      await app.engine.handle(channel.inbound(line), channel.send);
      if (interactive) write("> ");
    }
    await app.documents.drain(opts.drainMs ?? 60_000);
  } finally {
    await app.close();
  }
}
