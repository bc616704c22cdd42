/** User-facing Chinese of the Feishu adapter. */
export const feishuTexts = {
  /** Shown on a card after one of its buttons was pressed (the buttons are gone). */
  chosen: (label: string) => `✅ 已选择：${label}`,
  /** A document whose file is gone from disk (moved, cleaned up): the text is still sent. */
  fileMissing: (name: string) => `（文件「${name}」暂时无法发送，请回复「我的草稿」后重新生成。）`,
  /** Header of a folded panel's body when a verdict has no details. */
  details: "详情",
} as const;
