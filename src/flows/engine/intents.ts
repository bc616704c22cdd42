import type { Command } from "./messages.ts";

/** A word table as a Map: a plain object would answer 「__proto__」「toString」 from its prototype. */
function lookup<T>(words: Record<string, T>): ReadonlyMap<string, T> {
  return new Map(Object.entries(words));
}

/**
 * Reading what a line of free text means before it is taken as an answer: a command word,
 * a control word inside a flow, or a question about the current step. The word lists are
 * what users type, not texts the bot shows, so they live here rather than in texts.ts.
 */
const COMMAND_WORDS = lookup<Command>({
  开始: "start",
  帮助: "help",
  资格自测: "check",
  自测: "check",
  申报填报: "apply",
  填报: "apply",
  我的草稿: "drafts",
  草稿: "drafts",
  订阅: "subscribe",
  取消订阅: "unsubscribe",
  退订: "unsubscribe",
  取消: "cancel",
  退出: "cancel",
  删除我的数据: "delete",
  进度: "progress",
  查看进度: "progress",
  暂停: "pause",
  继续: "resume",
  继续填写: "resume",
});

/** Platform slash commands (/start …), as registered with Telegram's BotFather and Feishu. */
const SLASH = lookup<Command>({
  start: "start",
  help: "help",
  check: "check",
  apply: "apply",
  drafts: "drafts",
  subscribe: "subscribe",
  unsubscribe: "unsubscribe",
  cancel: "cancel",
  delete: "delete",
  progress: "progress",
  pause: "pause",
  resume: "resume",
});

export type Control = "back" | "skip" | "edit" | "confirm";

const CONTROL_WORDS = lookup<Control>({
  上一步: "back",
  返回: "back",
  返回上一步: "back",
  上一题: "back",
  跳过: "skip",
  不清楚: "skip",
  不知道: "skip",
  暂不填写: "skip",
  修改: "edit",
  修改某一项: "edit",
  确认提交: "confirm",
  提交: "confirm",
  确认: "confirm",
});

function bare(text: string): string {
  return text.trim().replace(/[。．.！!～~\s]+$/u, "").replace(/^[「“"]|[」”"]$/gu, "");
}

/** A command typed as a word (「资格自测」) or a slash command (「/start」, 「/start@bot」). */
export function commandOf(text: string): Command | undefined {
  const t = bare(text);
  const slash = /^\/([a-z]+)(?:@\w+)?(?:\s|$)/i.exec(t);
  if (slash) return SLASH.get(slash[1]!.toLowerCase());
  return COMMAND_WORDS.get(t);
}

export function controlOf(text: string): Control | undefined {
  return CONTROL_WORDS.get(bare(text));
}

const QUESTION_END = /[？?]$|[吗呢么]$/u;
const QUESTION_WORDS = /怎么|如何|什么|哪[些个一里年]?|为什么|为何|多少|是否需要|能否|可否|是不是|要不要|需不需要|有没有/u;

/**
 * Whether free text typed during a step is a question about it (「营业收入按哪一年算？」)
 * rather than an answer. Only called when the text did not read as a valid answer, or for
 * text steps, where anything reads: there the question mark or a closing 吗/呢 decides.
 */
export function looksLikeQuestion(text: string, lenient: boolean): boolean {
  const t = text.trim();
  if ([...t].length < 3) return false;
  if (QUESTION_END.test(t)) return true;
  return lenient && QUESTION_WORDS.test(t);
}

const CHECK_INTENT = /能[报申]啥|能申报啥|可以[报申]啥|可以申报啥|报点啥|能[报申]什么|可以[报申]什么|能申报哪|可以申报哪|符合.{0,8}条件|有资格|够不够条件|适合.{0,6}(项目|政策)|哪些项目|什么项目|资格/u;
const APPLY_INTENT = /申报|填报|报名|申请|填写|填一下|要报|想报/u;

export function isCheckIntent(text: string): boolean {
  return CHECK_INTENT.test(text);
}

export function isApplyIntent(text: string): boolean {
  return APPLY_INTENT.test(text);
}

/** 「我想申报先进级智能工厂」「填报智能工厂」: a request to fill a form, not a question about one. */
const APPLY_REQUEST = /^(?:我|我们|我司|公司)?(?:想|要|准备|打算)?(?:申报|填报|报名|申请|填写|开始填|开始申报)/u;

export function isApplyRequest(text: string): boolean {
  const t = text.trim();
  return APPLY_REQUEST.test(t) && !looksLikeQuestion(t, true) && !/[啥吗么]/u.test(t);
}

/** On an optional step these mean 「nothing to enter」: skipped rather than saved as text. */
const SOFT_SKIP = new Set(["没有", "无", "暂无", "没", "不涉及", "不适用", "不太清楚", "不清楚", "不确定", "不知道", "不记得", "不记得了", "没有啊", "没有的", "无此项"]);

export function isSoftSkip(text: string): boolean {
  return SOFT_SKIP.has(bare(text));
}
