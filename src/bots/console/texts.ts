/** What the terminal channel itself prints (the engine's texts are in src/flows/engine/texts.ts). */
export const consoleTexts = {
  /** Shown under the buttons of a question whose answer may be a number. */
  bracketHint: "（直接输入的数字作为回答；按按钮请输入 [编号] 或按钮文字）",
} as const;
