/**
 * Everything the conversation engine says, in one place for review. Functions take the
 * figures they print; no other engine file holds Chinese text.
 */
export const engineTexts = {
  welcome: [
    "您好，我是申报助手，可以帮您：",
    "1. 资格自测：回答几个问题，看看贵企业符合哪些项目的申报条件；",
    "2. 申报填报：按申报书逐项填写，最后生成填好的申报书文件；",
    "3. 政策问答：直接提问，我会引用通知原文（标题、文号、条款）回答。",
    "常用指令：资格自测、申报填报、我的草稿、订阅、取消、帮助、删除我的数据。",
  ].join("\n"),
  help: [
    "可用指令：",
    "· 资格自测：几个问题判断可申报的项目，每条结论都注明通知出处",
    "· 申报填报：逐项填写申报书（可随时暂停，下次「继续」）",
    "· 我的草稿：查看、继续或删除已保存的申报书草稿",
    "· 订阅 / 取消订阅：新通知发布和截止日期前提醒",
    "· 删除我的数据：删除您在本助手保存的全部信息",
    "填写过程中可回复：上一步、跳过（选填项）、修改、进度、暂停、帮助、取消。",
    "其他任何问题可直接提问，例如「先进级智能工厂对成熟度有什么要求？」",
  ].join("\n"),
  buttons: {
    check: "资格自测",
    apply: "申报填报",
    drafts: "我的草稿",
    skip: "跳过",
    unknownSkip: "不清楚，跳过",
    back: "上一步",
    pause: "暂停",
    keep: (display: string) => `保持：${clip(display, 20)}`,
    usePrefill: (display: string) => `沿用：${clip(display, 20)}`,
    confirm: "确认提交",
    edit: "修改某一项",
    continueFilling: "继续填写",
    resume: (name: string, id: string) => `继续：${name}（${id}）`,
    deleteDraft: (name: string, id: string) => `删除：${name}（${id}）`,
    newDraft: "新建草稿",
    applyProgram: (name: string) => `填报：${name}`,
    confirmDelete: "确认删除",
    cancel: "取消",
    yes: "是",
    no: "否",
  },
  controlsHint: "可回复：上一步、跳过（选填项）、修改、进度、暂停、帮助、取消。",
  flow: {
    start: (formTitle: string, intro: string) => `开始填写《${formTitle}》。${intro}`,
    deadlinePassed: (date: string) =>
      `提示：该通知规定的截止日期 ${date} 已过，本次填写可用于准备下一年度申报，新通知发布后请以新通知为准。`,
    deadlineOpen: (date: string) => `提示：该通知规定的截止日期为 ${date}，请合理安排时间。`,
    noDeadline: "提示：该通知未载明截止日期，请以主管部门要求为准。",
    sectionHeader: (section: string, n: number, total: number) => `【${section}】 第 ${n}/${total} 项`,
    currentAnswer: (display: string) => `当前答案：${display}`,
    prefilled: (display: string) => `根据您之前提供的信息：${display}`,
    optionalNote: "（选填，可回复「跳过」）",
    optionalLongNote: "（选填，可回复「跳过」留待文档中填写，文档中将保留通知的填写说明）",
    helpAvailable: "回复「帮助」查看本项填写说明。",
    multiHint: (max: number) =>
      max > 1 ? "请回复编号，多个用逗号分隔，例如 1,3；或回复「全部」。" : "请回复编号。",
    choiceHint: "请点击按钮或回复编号。",
    maxLengthHint: (n: number) => `（${n} 字以内）`,
    stepHelp: (label: string, help: string) => `「${label}」填写说明：\n${help}`,
    stepHelpCitation: (docNumber: string | null, section: string, quote: string) =>
      `出处：${docNumber ? `${docNumber} ` : ""}${section}：「${quote}」`,
    noStepHelp: (label: string) => `「${label}」没有额外的填写说明，请按申报书原表填写。`,
    cannotSkip: (label: string) => `「${label}」是必填项，不能跳过。`,
    skipped: (label: string) => `已跳过「${label}」。`,
    noBack: "已经是第一项，无法返回上一步。",
    paused: (done: number, total: number) =>
      `已暂停，进度已保存（${done}/${total}）。发送「继续」或「我的草稿」可随时恢复，草稿保留 90 天。`,
    cancelled: "已退出填写，草稿已保存。发送「我的草稿」可继续或删除。",
    progress: (formTitle: string, done: number, total: number, sections: string) =>
      `《${formTitle}》进度：已完成 ${done}/${total} 项。\n${sections}`,
    progressSection: (section: string, done: number, total: number) => `· ${section}：${done}/${total}`,
    resumed: (formTitle: string, done: number, total: number) => `继续填写《${formTitle}》（已完成 ${done}/${total}）。`,
    existingDraft: (name: string, id: string) =>
      `您已有一份「${name}」草稿（${id}），已为您继续。如需另起一份，请点击「新建草稿」。`,
    profileNote: "（该信息已同步到您的企业信息，其他项目填写时可直接沿用）",
    questionAnswered: "以上为通知原文中的相关内容。请继续回答当前问题：",
  },
  review: {
    header: (formTitle: string, id: string) => `请核对《${formTitle}》（草稿 ${id}）的全部内容：`,
    section: (section: string) => `【${section}】`,
    line: (n: number, label: string, display: string) => `${n}. ${label}：${display}`,
    skipped: "（未填）",
    skippedWithGuidance: "（未填，文档中保留填写说明）",
    footer: "确认无误请点击「确认提交」生成申报书；需要修改请回复「修改」或点击「修改某一项」。",
    missingRequired: (labels: string) => `以下必填项尚未填写：${labels}。`,
    editPick: "请回复要修改的项目编号（见上方核对清单），例如 3：",
    editPickInvalid: (max: number) => `请输入 1 到 ${max} 之间的编号，或回复「取消」返回核对。`,
    editReturn: "已修改。",
  },
  submit: {
    queued: (formTitle: string) => `已提交《${formTitle}》，正在生成申报书文件，完成后会发送给您。`,
    alreadySubmitted: "该草稿已提交，文件生成后会自动发送给您，无需重复提交。",
    alreadyReady: "该草稿的申报书已生成并发送；如需修改，请在「我的草稿」中继续编辑后重新提交。",
    nothingToSubmit: "当前没有待提交的申报书草稿。可以：",
    unavailable: "文件生成服务暂时不可用，草稿已保存，请稍后再点击「确认提交」。",
    ready: (formTitle: string) => `《${formTitle}》已生成，请查收。请核对后打印、签字盖章，按通知要求报送。`,
    failed: "文件生成失败，已自动重试仍未成功。草稿已保存，请稍后再次点击「确认提交」，或联系管理员。",
  },
  drafts: {
    none: "您还没有草稿。发送「申报填报」开始填写，或「资格自测」先看看能报哪些项目。",
    header: "您的草稿：",
    line: (n: number, name: string, id: string, status: string, done: number, total: number, updated: string) =>
      `${n}. ${name}（${id}）· ${status} · ${done}/${total} 项 · 更新于 ${updated}`,
    status: {
      filling: "填写中",
      review: "待确认",
      submitted: "生成中",
      ready: "已生成",
      failed: "生成失败",
    } as Record<string, string>,
    deleted: (name: string, id: string) => `已删除草稿「${name}」（${id}）。`,
    notFound: "找不到该草稿，可能已被删除。",
  },
  pick: {
    header: "请选择要填报的项目：",
    line: (n: number, name: string, title: string, note: string) => `${n}. ${name}：${title}${note}`,
    passed: (date: string) => `（截止 ${date}，已过）`,
    open: (date: string) => `（截止 ${date}）`,
  },
  questionnaire: {
    start: "资格自测：我会只问会影响结论的问题，不清楚的可以点「不清楚，跳过」。随时回复「取消」退出。",
    header: (n: number) => `资格自测 · 第 ${n} 题`,
    nothingToAsk: "根据您已提供的信息，所有项目都已能给出结论。",
    cancelled: "已退出资格自测，已回答的信息已保存，下次自测或填报时可沿用。",
    noBack: "这是第一个问题，无法返回。",
  },
  verdicts: {
    header: (asOf: string, size: string) => `资格自测结果（按 ${asOf} 判断；企业规模：${size}）`,
    sizeUnknown: "未能判断",
    group: {
      eligible: "✅ 符合条件",
      unknown: "❓ 尚缺信息",
      ineligible: "❌ 不符合条件",
    },
    program: (n: number, title: string, category: string, docNumber: string | null) =>
      `${n}. ${title}${category ? `「${category}」` : ""}${docNumber ? `（${docNumber}）` : ""}`,
    reason: (mark: string, message: string) => `   ${mark} ${message}`,
    citation: (docNumber: string | null, section: string, quote: string) =>
      `      依据：${docNumber ? `${docNumber} ` : ""}${section}「${quote}」`,
    marks: { pass: "✓", fail: "✗", unknown: "?" } as Record<string, string>,
    missing: (labels: string) => `   还需了解：${labels}`,
    deadlinePassed: (date: string) => `   截止日期 ${date} 已过，可作为下一年度申报的准备参考。`,
    deadlineOpen: (date: string) => `   截止日期：${date}`,
    noDeadline: "   通知未载明截止日期。",
    ineligibleShort: (n: number, title: string, category: string, reason: string) =>
      `${n}. ${title}${category ? `「${category}」` : ""}：${reason}`,
    allCategories: "各类别",
    footer: "以上为根据通知硬性条件的初步判断，创新性、示范性等由专家评审。可点击下方按钮开始填报。",
    noneEligible: "暂未找到符合条件的项目。可回复「资格自测」补充信息后重新判断。",
  },
  subscribe: {
    on: "已订阅：新通知发布和截止日期前的提醒会发送到本对话。回复「取消订阅」可随时退订。",
    already: "您已订阅，无需重复操作。回复「取消订阅」可退订。",
    off: "已取消订阅。",
    notSubscribed: "您当前没有订阅。",
  },
  delete: {
    confirm: "将删除您在本助手保存的全部信息（企业信息、全部草稿和已生成的文件记录、订阅），且无法恢复。确定吗？",
    done: "已删除您的全部数据。如需再次使用，发送「开始」即可。",
    cancelled: "已取消删除，数据未做任何改动。",
    stale: "删除已取消，您的数据未做任何改动。如确实要删除，请重新发送「删除我的数据」。",
  },
  errors: {
    unsupported: "暂时只能处理文字消息。请用文字回复，或回复「帮助」查看可用指令。",
    staleButton: "这个按钮已失效（对话已继续），请按最新的问题回复。",
    tooLong: (max: number, n: number) => `消息过长（${n} 字），请控制在 ${max} 字以内。`,
    empty: "没有收到文字内容，请重新输入。",
    busy: "系统繁忙，您的进度已保存，请稍后再发一次。",
    internal: "抱歉，处理时出了点问题，您的进度已保存。请稍后再试，或回复「帮助」。",
    qaUnavailable: "政策问答暂时不可用，请稍后再试。",
  },
  qa: {
    searching: "正在检索通知原文，请稍候…",
  },
  idle: {
    notUnderstood: "没太明白您的意思。您可以直接提问（例如「智能工厂申报需要什么条件？」），或选择：",
  },
} as const;

function clip(s: string, n: number): string {
  return [...s].length > n ? `${[...s].slice(0, n - 1).join("")}…` : s;
}
