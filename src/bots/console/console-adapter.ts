import { randomUUID } from "node:crypto";
import readline from "node:readline";
import { consoleTexts } from "./texts.ts";
import type { Button, InboundMessage, OutboundMessage } from "../../flows/engine/messages.ts";
import type { Activity, Address, ChannelAdapter, InboundHandler, SentMessage } from "../port.ts";

/** One line of terminal input: the platform event of the console channel. */
export interface ConsoleLine {
  /** Position of the line in this run; with the run id it is the update id. */
  seq: number;
  line: string;
}

export interface ConsoleAdapterOptions {
  /** The user at this terminal; also the chat id. */
  userId: string;
  write: (s: string) => void;
  /** One JSON object per bot message instead of plain text (contracts/cli.md). */
  jsonl: boolean;
  /** Lines to read on `start`; none: only `receive` feeds it (tests). */
  input?: NodeJS.ReadableStream;
  /** Show the `> ` prompt (an interactive terminal). @defaultValue false */
  prompt?: boolean;
  /** Makes update ids unique across runs of the same user. @defaultValue a random UUID */
  runId?: string;
}

/**
 * The terminal channel (contracts/cli.md, `chat`): a line of input becomes an
 * InboundMessage, a bot message becomes plain text with `[n] 标签` buttons or one JSON line.
 * A line that is a button's exact label, or its number in brackets (「[2]」), presses that
 * button of the latest message. One rule keeps buttons and typed answers apart: a bare number
 * (「2」) is typed text whenever the question takes typed answers (`numbersAreAnswers`:
 * amounts, counts, option numbers, 修改 item numbers); it presses a button only where no typed
 * number means anything (yes/no, menus, verdicts). It serves one user, so it `owns` only that chat.
 */
export class ConsoleAdapter implements ChannelAdapter {
  readonly channel = "console" as const;
  private buttons: Button[] = [];
  private numbersAreAnswers = false;
  private sent = 0;
  private seq = 0;
  private onMessage: InboundHandler | null = null;
  private rl: readline.Interface | null = null;
  private reading: Promise<void> = Promise.resolve();
  private readonly runId: string;

  constructor(private readonly opts: ConsoleAdapterOptions) {
    this.runId = opts.runId ?? randomUUID();
  }

  /** Resolves at end of input, once every line has been handled. */
  get ended(): Promise<void> {
    return this.reading;
  }

  async start(onMessage: InboundHandler): Promise<void> {
    this.onMessage = onMessage;
    const input = this.opts.input;
    if (!input) return;
    this.rl = readline.createInterface({ input, crlfDelay: Infinity, terminal: false });
    const rl = this.rl;
    if (this.opts.prompt) this.opts.write("> ");
    this.reading = (async () => {
      for await (const line of rl) {
        await this.receive({ seq: ++this.seq, line });
        if (this.opts.prompt) this.opts.write("> ");
      }
    })();
  }

  /** Handle one line as if typed (the entry point `start` uses for each line). */
  async receive(event: ConsoleLine): Promise<void> {
    await this.onMessage?.(this.inbound(event));
  }

  /** Translate one input line. */
  inbound(event: ConsoleLine | string): InboundMessage {
    const { seq, line } = typeof event === "string" ? { seq: ++this.seq, line: event } : event;
    const id = this.opts.userId;
    const base = { channel: "console" as const, chatId: id, userId: id, updateId: `${this.runId}:${seq}` };
    const t = line.trim();
    const bracketed = /^[[［【](\d{1,2})[\]］】]$/u.exec(t);
    const bare = /^(\d{1,2})$/.exec(t);
    const byNumber = bracketed ?? (this.numbersAreAnswers ? null : bare);
    const pressed = byNumber ? this.buttons[Number(byNumber[1]) - 1] : this.buttons.find((b) => b.label === t);
    if (pressed) return { ...base, kind: "action", text: pressed.label, action: pressed.id };
    return { ...base, kind: "text", text: line };
  }

  async send(_to: Address, m: OutboundMessage): Promise<SentMessage> {
    // Only the latest message's buttons can be pressed: a message without buttons clears them.
    this.buttons = m.buttons;
    this.numbersAreAnswers = m.numbersAreAnswers === true;
    this.opts.write(this.render(m));
    return { messageId: String(++this.sent) };
  }

  /** A terminal cannot change what it printed: the new version is printed below. */
  async edit(to: Address, _messageId: string, m: OutboundMessage): Promise<SentMessage> {
    return this.send(to, m);
  }

  async progress(_to: Address, _activity: Activity): Promise<void> {}

  owns(to: Address): boolean {
    return to.channel === "console" && to.chatId === this.opts.userId;
  }

  async stop(): Promise<void> {
    this.rl?.close();
    await this.reading;
    this.onMessage = null;
  }

  private render(m: OutboundMessage): string {
    if (this.opts.jsonl) return `${JSON.stringify({ text: m.text, buttons: m.buttons.map((b) => ({ id: b.id, label: b.label })), file: m.file })}\n`;
    const parts = [m.text];
    if (m.file) parts.push(`📎 ${m.file.name}\n   ${m.file.path}`);
    if (m.buttons.length > 0) parts.push(m.buttons.map((b, i) => `[${i + 1}] ${b.label}`).join("  "));
    if (m.buttons.length > 0 && m.numbersAreAnswers) parts.push(consoleTexts.bracketHint);
    return `${parts.join("\n")}\n\n`;
  }
}
