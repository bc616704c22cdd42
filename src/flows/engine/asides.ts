import type { Answer } from "../forms/types.ts";
import type { ApplicationEntry } from "./catalog.ts";
import { say, type Turn } from "./context.ts";
import { text } from "./messages.ts";
import { engineTexts as t } from "./texts.ts";

/**
 * Shared by the questionnaire and the forms: doubtful answers held for 确认, and the
 * contacts printed in the notices for a request for a person.
 */
const CONFIRM_WORDS = new Set(["确认", "确定", "是", "是的", "对", "对的", "没错", "准确", "正确", "好", "好的", "可以", "嗯", "嗯嗯", "行", "ok", "没问题", "就这样", "就是这个"]);

export function isConfirmWord(input: string): boolean {
  return CONFIRM_WORDS.has(input.trim().replace(/[。.!！~～]+$/u, "").toLowerCase());
}

/** Hold a doubtful answer for `key` until the user confirms it. */
export function holdPending(turn: Turn, key: string, answer: Answer): void {
  turn.state.session.pending = { key, value: answer.value, display: answer.display };
}

/**
 * The held answer for `key` if this input confirms it. Any other input drops the held
 * answer (a new answer replaces it), so nothing doubtful is ever saved unasked.
 */
export function takePending(turn: Turn, key: string, input: string | null): Answer | null {
  const p = turn.state.session.pending;
  turn.state.session.pending = null;
  if (!p || p.key !== key) return null;
  if (input !== null && !isConfirmWord(input)) return null;
  return { value: p.value as Answer["value"], display: p.display };
}

export function hasPending(turn: Turn, key: string): boolean {
  return turn.state.session.pending?.key === key;
}

/** 人工客服: the contacts the relevant notices print (all programs' when none is in focus). */
export function sayContacts(turn: Turn, entries: readonly ApplicationEntry[]): void {
  const lines: string[] = [];
  for (const e of entries) {
    if (e.program.contacts.length === 0) continue;
    lines.push(t.human.program(e.program.title, e.program.docNumber));
    for (const c of e.program.contacts) lines.push(t.human.contact(c.name, c.phone, c.email, c.note));
  }
  say(turn, text(lines.length > 0 ? `${t.human.lead}\n${lines.join("\n")}` : t.human.none));
}
