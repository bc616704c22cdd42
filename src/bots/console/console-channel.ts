import { randomUUID } from "node:crypto";
import type { Button, InboundMessage, OutboundMessage } from "../../flows/engine/messages.ts";
import { consoleTexts } from "./texts.ts";

/**
 * The terminal channel (contracts/cli.md, `chat`): a line of input becomes an
 * InboundMessage, a bot message becomes plain text with `[n] 标签` buttons or one JSON line.
 * A line that is a button's exact label, or its number in brackets (「[2]」), presses that
 * button of the latest message that had buttons. One rule keeps buttons and typed answers
 * apart: a bare number (「2」) is typed text whenever the question takes typed answers
 * (`numbersAreAnswers`: amounts, counts, option numbers, 修改 item numbers); it presses a
 * button only where no typed number means anything (yes/no, menus, verdicts).
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
    const bracketed = /^[[［【](\d{1,2})[\]］】]$/u.exec(t);
    const bare = /^(\d{1,2})$/.exec(t);
    const byNumber = bracketed ?? (this.numbersAreAnswers ? null : bare);
    const pressed = byNumber ? this.buttons[Number(byNumber[1]) - 1] : this.buttons.find((b) => b.label === t);
    if (pressed) return { ...base, kind: "action", text: pressed.label, action: pressed.id };
    return { ...base, kind: "text", text: line };
  }

  /** Print one bot message. */
  send = async (m: OutboundMessage): Promise<void> => {
    // Only the latest message's buttons can be pressed: a message without buttons clears them.
    this.buttons = m.buttons;
    this.numbersAreAnswers = m.numbersAreAnswers === true;
    if (this.jsonl) {
      this.write(`${JSON.stringify({ text: m.text, buttons: m.buttons.map((b) => ({ id: b.id, label: b.label })), file: m.file })}\n`);
      return;
    }
    const parts = [m.text];
    if (m.file) parts.push(`📎 ${m.file.name}\n   ${m.file.path}`);
    if (m.buttons.length > 0) parts.push(m.buttons.map((b, i) => `[${i + 1}] ${b.label}`).join("  "));
    if (m.buttons.length > 0 && m.numbersAreAnswers) parts.push(consoleTexts.bracketHint);
    this.write(`${parts.join("\n")}\n\n`);
  };
}
