// Every text the page shows (Simplified Chinese). The server's replies come from the engine.
window.TEXTS = Object.freeze({
  menu: [
    { label: "资格自测", text: "资格自测" },
    { label: "申报填报", text: "申报填报" },
    { label: "我的草稿", text: "我的草稿" },
    { label: "帮助", text: "帮助" },
    { label: "删除我的数据", text: "删除我的数据" },
  ],
  you: "您",
  bot: "申报助手",
  download: "下载",
  sending: "正在回复…",
  documentInProgress: "正在生成申报书，请稍候…",
  reconnecting: "连接已断开，正在重新连接…",
  failed: "发送失败，请检查网络后重试。",
  retry: "重试",
  cleared: "您的数据已删除。",
  buttonsFor: "可选操作",
});
