/** What the Telegram adapter itself says (the engine's texts are in src/flows/engine/texts.ts). */
export const telegramTexts = {
  /** setMyCommands descriptions (at most 256 characters each). */
  commands: {
    start: "开始：主菜单",
    help: "帮助：可用指令",
    check: "资格自测：看看能申报哪些项目",
    apply: "申报填报：一步步填写申报书",
    drafts: "我的草稿",
    progress: "查看填报进度",
    pause: "暂停填报",
    resume: "继续填报",
    cancel: "取消当前操作",
    subscribe: "订阅截止提醒",
    unsubscribe: "取消订阅",
    delete: "删除我的数据",
  },
  /** Appended to a question after its button was pressed (the keyboard is removed). */
  chosen: (label: string) => `✅ 已选择：${label}`,
  buttonExpired: "该按钮已过期，请重新操作。",
  groupIntro:
    "您好，我是申报助手。在群里可以 @我 提问政策问题（例如「@申报助手 先进级智能工厂对营收有什么要求？」）。资格自测和申报书填写涉及企业信息，请在私聊中进行。",
  groupToPrivate: "资格自测、申报填报和草稿涉及企业信息，请在私聊中继续，点下面的按钮即可。",
  groupButtonsInPrivate: "此操作请在私聊中继续。",
  openPrivate: "到私聊中继续",
} as const;
