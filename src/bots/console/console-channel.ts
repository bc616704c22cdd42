import { randomUUID } from "node:crypto";
import type { Button, InboundMessage, OutboundMessage } from "../../flows/engine/messages.ts";

/**
 * The terminal channel (contracts/cli.md, `chat`): a line of input becomes an
 * InboundMessage, a bot message becomes plain text with `[n] 标签` buttons or one JSON line.
 * A line that is a button's number or its exact label presses that button of the latest
 * message that had buttons; anything else is text.
 */
export class ConsoleChannel {
  private buttons: Button[] = [];
  private numbersAreAnswers = false;

  constructor(
    private readonly userId: string,
    private readonly write: (s: string) => void,
    private readonly jsonl: boolean,
  ) {}

  /** Translate one input line. */
  inbound(line: string): InboundMessage {
    const base = { channel: "console" as const, chatId: this.userId, userId: this.userId, updateId: randomUUID() };
    const t = line.trim();
    const byNumber = /^\[?(\d{1,2})\]?$/.exec(t);
    const pressed =
      byNumber && !this.numbersAreAnswers ? this.buttons[Number(byNumber[1]) - 1] : this.buttons.find((b) => b.label === t);
    if (pressed) return { ...base, kind: "action", text: pressed.label, action: pressed.id };
    return { ...base, kind: "text", text: line };
  }

  /** Print one bot message. */
  send = async (m: OutboundMessage): Promise<void> => {
    if (m.buttons.length > 0) {
      this.buttons = m.buttons;
      this.numbersAreAnswers = m.numbersAreAnswers === true;
    }
    if (this.jsonl) {
      this.write(`${JSON.stringify({ text: m.text, buttons: m.buttons.map((b) => ({ id: b.id, label: b.label })), file: m.file })}\n`);
      return;
    }
    const parts = [m.text];
    if (m.file) parts.push(`📎 ${m.file.name}\n   ${m.file.path}`);
    if (m.buttons.length > 0) parts.push(m.buttons.map((b, i) => `[${i + 1}] ${b.label}`).join("  "));
    this.write(`${parts.join("\n")}\n\n`);
  };
}
