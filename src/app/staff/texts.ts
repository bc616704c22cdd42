/** User-facing Chinese of the staff commands, subscriptions, broadcasts and reminders. */
export const staffTexts = {
  refused: "此功能仅限工作人员使用。",
  footer: "\n\n（回复「退订」不再接收此类通知；回复「订阅 项目名称」或「订阅 城市」可调整订阅范围。）",
  notices: {
    head: "通知列表（截止日期）：",
    line: (i: number, title: string, docNumber: string | null) => `${i}. 《${title}》${docNumber ? `（${docNumber}）` : ""}`,
    deadline: (date: string, what: string, status: string) => `   · ${date}（${status}）：${clip(what, 40)}`,
    none: "   · 通知未载明截止日期",
    passed: "已截止",
    today: "今天截止",
    daysLeft: (n: number) => `还有 ${n} 天`,
    empty: "语料库中还没有通知。",
  },
  compose: {
    usage: [
      "群发格式（冒号后为正文）：",
      "· 群发 订阅者：正文 —— 发给全部订阅者",
      "· 群发 项目 先进级智能工厂：正文 —— 发给该项目的订阅者和填报中的企业",
      "· 群发 地区 福州市：正文 —— 发给该地区的订阅者",
      "发送前会显示覆盖人数，确认后才发出。新通知可直接把文件（.txt/.pdf/.docx/.doc）发到本对话，核对后发布。",
    ].join("\n"),
    unknownProgram: (name: string) => `没有找到项目「${name}」。可用项目：`,
    emptyText: "正文为空，请在冒号后写上要发送的内容。",
    preview: (audience: string, n: number, body: string) => `将发送给 ${n} 个对话（受众：${audience}）。正文如下：\n\n${body}`,
    nobody: (audience: string) => `受众（${audience}）目前没有可发送的对象，未创建群发。`,
    confirm: "确认群发",
    cancel: "取消",
    cancelled: "已取消，未发送。",
    expired: "这条群发草稿已过期或已处理，请重新编写。",
    started: (id: string, n: number) => `已开始群发（编号 ${id}），共 ${n} 个对话。发送「群发报告 ${id}」查看进度。`,
    already: (id: string) => `群发 ${id} 已经开始，不会重复发送。发送「群发报告 ${id}」查看进度。`,
  },
  audience: {
    subscribers: "全部订阅者",
    program: (name: string) => `项目「${name}」`,
    region: (name: string) => `地区「${name}」`,
  },
  report: {
    none: "还没有群发记录。",
    notFound: (id: string) => `没有编号为 ${id} 的群发。`,
    body: (r: { id: string; audience: string; queued: number; sent: number; failed: number; blocked: number; pending: number; inDoubt: number; seconds: number; done: boolean; failures: string }) =>
      [
        `群发 ${r.id}（受众：${r.audience}）${r.done ? "已完成" : "进行中"}`,
        `排队 ${r.queued}，已送达 ${r.sent}，失败 ${r.failed}${r.failures ? `（${r.failures}）` : ""}，已屏蔽机器人 ${r.blocked}，待发送 ${r.pending}${r.inDoubt ? `，状态不明 ${r.inDoubt}（发送中进程中断，不会重发）` : ""}`,
        `用时 ${r.seconds} 秒`,
      ].join("\n"),
    recent: "最近的群发：",
  },
  subscribe: {
    program: (name: string) => `已订阅项目「${name}」的通知和截止提醒。回复「取消订阅 ${name}」可退订。`,
    region: (name: string) => `已订阅「${name}」的通知。回复「取消订阅 ${name}」可退订。`,
    offProgram: (name: string) => `已取消订阅项目「${name}」。`,
    offRegion: (name: string) => `已取消订阅「${name}」。`,
    offAll: "已取消订阅，不再接收群发通知和截止提醒。",
  },
  upload: {
    notAccepted: [
      "抱歉，这里不接收文件（申报材料请按通知要求报送主管部门）。我可以：",
      "· 发送「资格自测」，回答几个问题，看看贵企业能申报哪些项目；",
      "· 发送「申报填报」，一步步填写申报书，最后生成 .docx 文件发给您；",
      "· 直接用文字提问，我从通知原文中找答案。",
    ].join("\n"),
    noFiles: "这个渠道暂不支持上传文件，请在 Telegram 或飞书中发送通知文件，或使用命令行 ingest。",
    tooLarge: (mb: number) => `文件超过 ${mb}MB，无法读取。请只上传通知正文（PDF 或 Word），附件另行处理。`,
    downloadFailed: "文件下载失败，请稍后重新发送。",
    refused: (reason: string) => `未能读取这份通知：${reason}`,
    head: (fileName: string) => `已读取「${fileName}」，请核对以下信息（尚未发布）：`,
    field: {
      title: (v: string) => `标题：${v}`,
      docNumber: (v: string | null) => `文号：${v ?? "（未识别）"}`,
      issuer: (v: string | null) => `发文单位：${v ?? "（未识别）"}`,
      date: (v: string | null) => `发文日期：${v ?? "（未识别）"}`,
      deadlinesHead: "截止日期：",
      deadline: (date: string, what: string) => `  · ${date}：${clip(what, 50)}`,
      noDeadline: "  · （未识别）",
      contactsHead: "联系人：",
      contact: (name: string | null, phone: string | null, email: string | null) => `  · ${[name ?? "（未具名）", phone, email].filter(Boolean).join(" ")}`,
      attachments: (n: number) => `附件：${n} 个`,
      chunks: (n: number) => `可检索段落：${n} 段`,
      warningsHead: "请留意：",
      warning: (w: string) => `  ! ${w}`,
      corrected: "（带 * 的为您修改过的内容）",
    },
    confirm: "确认发布",
    edit: "修改",
    cancel: "取消",
    editHelp: [
      "请直接发送要修改的内容，一行一项，例如：",
      "· 标题 关于开展2026年度……的通知",
      "· 文号 榕工信装备〔2026〕12号（写「文号 无」表示没有文号）",
      "· 发文单位 福州市工业和信息化局",
      "· 日期 2026-11-20",
      "· 截止 2026-12-31 申报单位报送材料（可写多行；所写截止日期将替换原有的全部截止日期，写「截止 无」表示没有）",
      "改完后点「确认发布」，或发送「完成」查看修改后的内容。",
    ].join("\n"),
    badLine: (line: string) => `没看懂「${clip(line, 30)}」。`,
    badDate: (v: string) => `「${clip(v, 20)}」不是有效日期，请写成 2026-12-31 或 2026年12月31日。`,
    cancelled: "已取消，这份通知未发布。",
    expired: "这份待确认的通知已过期、已发布或已取消，请重新上传。",
    published: (title: string, docNumber: string | null, reminders: number) =>
      `已发布《${title}》${docNumber ? `（${docNumber}）` : ""}，现在可以回答有关它的问题。` +
      (reminders > 0 ? `已安排 ${reminders} 条截止提醒。` : "没有需要安排的截止提醒（未写截止日期或已过期）。"),
    composeOffer: "编写群发",
    broadcastDraft: (title: string, docNumber: string | null, deadlines: Array<{ date: string; what: string }>) =>
      `新通知：《${title}》${docNumber ? `（${docNumber}）` : ""}已发布。` +
      (deadlines.length > 0 ? `截止日期：${deadlines.map((d) => d.date).join("、")}。` : "") +
      "可直接向本助手询问申报条件、材料和截止时间。",
    noNotice: "找不到这份通知，可能已被删除。",
    nonePending: "没有待确认发布的通知。把通知文件发到本对话即可上传。",
    pendingHead: (n: number) => `有 ${n} 份通知待确认发布${n > 5 ? "（以下为最近 5 份）" : ""}：`,
    /** What a deadline typed without a purpose (「截止 2026-12-31」) is for. */
    defaultDeadlineWhat: "申报截止",
  },
  reminder: {
    body: (title: string, docNumber: string | null, date: string, days: number, what: string) =>
      `截止提醒：《${title}》${docNumber ? `（${docNumber}）` : ""}的截止日期是 ${date}（${days === 0 ? "今天" : `还有 ${days} 天`}）：${clip(what, 60)}。`,
    draft: (formTitle: string, remaining: number) =>
      remaining > 0 ? `\n您的《${formTitle}》草稿还有 ${remaining} 项必填内容未完成，回复「继续」接着填写。` : `\n您的《${formTitle}》草稿已填完，回复「继续」检查并确认提交。`,
  },
} as const;

function clip(s: string, n: number): string {
  return [...s].length > n ? `${[...s].slice(0, n - 1).join("")}…` : s;
}
