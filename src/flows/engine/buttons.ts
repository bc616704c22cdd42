import type { Button } from "./messages.ts";

/**
 * Button payloads carry the session's prompt sequence number: `<seq>.<action>`. A press is
 * honoured only while its question is the current one, so a stale button or a double click
 * has no second effect. Actions:
 *   o:<optionId>  answer a choice / yes-no         keep           keep the shown answer
 *   skip, back, pause, edit, confirm, cancel       check, apply, drafts, help
 *   a:<programId>[:<categoryId>]  start filling    n:<programId>  new draft of a program
 *   r:<draftId>  resume draft                      x:<draftId>    delete draft
 *   delyes / delno  confirm / cancel 删除我的数据
 */
export function button(seq: number, action: string, label: string): Button {
  return { id: `${seq}.${action}`, label };
}

export function parseButton(payload: string): { seq: number; action: string } | null {
  const m = /^(\d+)\.(.+)$/s.exec(payload);
  if (!m) return null;
  return { seq: Number(m[1]), action: m[2]! };
}
