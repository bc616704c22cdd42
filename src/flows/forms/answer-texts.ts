/**
 * Simplified Chinese text for reading answers (answer-input.ts): error messages per error
 * code, how values are displayed, and the words people use for 是/否, 全部, 都不是 and the
 * like. Messages say what is wrong and show how to answer.
 */
import type { ChoiceOption } from "./types.ts";

/** "1. 工业（制造业）企业" lines, one per option. */
export function optionList(options: readonly ChoiceOption[]): string {
  return options.map((o, i) => `${i + 1}. ${o.label}`).join("\n");
}

export const answerErrorTexts = {
  // ── text / longText ──
  TEXT_EMPTY: "该项不能为空，请填写内容",
  TEXT_EMOJI_ONLY: "请用文字填写，不能只发表情符号",
  TEXT_NO_CONTENT: "请填写具体内容，不能只有标点符号",
  TEXT_CONTROL_CHARS: "内容中含有无法显示的特殊字符，请删除后重新输入（可以直接手动输入，不要从其他软件整段粘贴）",
  TEXT_TOO_LONG: (max: number, given: number) => `该项最多 ${max} 字，您输入了 ${given} 字，请精简后重新输入`,

  // ── number (decimal with unit) ──
  NUMBER_EMPTY: (example: string) => `请输入数字，例如 ${example}`,
  NUMBER_NOT_A_NUMBER: (example: string) => `没能识别这个数字，请只填写数字，例如 ${example}`,
  NUMBER_APPROXIMATE: (example: string) => `请填写确切数字，不要用“多”“约”“几”“左右”“以上”等字样，例如 ${example}`,
  NUMBER_RANGE: (example: string) => `请只填写一个确切数字，不要填写范围，例如 ${example}`,
  NUMBER_MULTIPLE: (example: string) => `请只填写一个数字，例如 ${example}`,
  NUMBER_AMBIGUOUS: "数字的写法不清楚，请写完整，例如 12000 或 1.2万",
  NUMBER_NEGATIVE: (example: string) => `这里不能填写负数，例如 ${example}`,
  NUMBER_WRONG_UNIT: (given: string, unit: string | undefined, example: string) =>
    unit ? `这里的单位是“${unit}”，“${given}”不对，请填写数字，例如 ${example}` : `“${given}”不是合适的单位，请只填写数字，例如 ${example}`,

  // ── bounds (number, count, money) ──
  /** `max` carries the unit: 「0 到 5 家之间」. */
  VALUE_OUT_OF_RANGE: (min: string, max: string, given: string) => `该项应在 ${min} 到 ${max}之间，您填写的是 ${given}，请核对`,
  VALUE_TOO_SMALL: (min: string, given: string) => `该项不能小于 ${min}，您填写的是 ${given}，请核对`,
  VALUE_TOO_LARGE: (max: string, given: string) => `该项不能大于 ${max}，您填写的是 ${given}，请核对`,

  // ── money ──
  MONEY_BARE_TOO_LARGE: (given: string, asWan: string) =>
    `您填写的“${given}”没有写单位，按万元计是 ${asWan}，金额过大。请注明单位，例如 3000万 或 30000000元`,

  // ── choice ──
  CHOICE_NO_OPTIONS: "当前没有可选的选项，请回复“跳过”或联系工作人员",
  CHOICE_EMPTY: (options: readonly ChoiceOption[]) => `请选择一项，回复序号或名称即可：\n${optionList(options)}`,
  CHOICE_UNKNOWN: (given: string, options: readonly ChoiceOption[]) =>
    `没能识别“${given}”，请回复下列选项的序号或名称：\n${optionList(options)}`,
  CHOICE_OUT_OF_RANGE: (n: number, options: readonly ChoiceOption[]) =>
    `没有第 ${n} 项，请回复 1 到 ${options.length} 之间的序号：\n${optionList(options)}`,
  CHOICE_AMBIGUOUS: (given: string, candidates: readonly ChoiceOption[], options: readonly ChoiceOption[]) =>
    `“${given}”可能是${candidates.map((o) => `“${o.label}”`).join("或")}，请回复序号：\n${optionList(options)}`,
  CHOICE_MULTIPLE: (options: readonly ChoiceOption[]) => `这里只能选一项，请回复其中一个序号：\n${optionList(options)}`,
  OPTION_UNKNOWN: "该选项已失效，请重新选择",

  // ── multiChoice ──
  MULTI_EMPTY: (options: readonly ChoiceOption[]) =>
    `请选择，回复序号即可，多个序号用顿号或空格隔开，例如 1、3：\n${optionList(options)}`,
  MULTI_UNKNOWN: (given: string, options: readonly ChoiceOption[]) =>
    `没能识别“${given}”，请回复下列选项的序号或名称，多个用顿号隔开，例如 1、3：\n${optionList(options)}`,
  MULTI_OUT_OF_RANGE: (n: number, options: readonly ChoiceOption[]) =>
    `没有第 ${n} 项，请回复 1 到 ${options.length} 之间的序号：\n${optionList(options)}`,
  MULTI_AMBIGUOUS: (given: string, candidates: readonly ChoiceOption[], options: readonly ChoiceOption[]) =>
    `“${given}”可能是${candidates.map((o) => `“${o.label}”`).join("或")}，请改用序号：\n${optionList(options)}`,
  MULTI_TOO_FEW: (min: number) => `请至少选择 ${min} 项`,
  MULTI_TOO_MANY: (max: number, given: number) => `最多只能选择 ${max} 项，您选了 ${given} 项，请重新选择`,

  // ── rough figures, relative dates (confirmed before saving) ──
  APPROXIMATE_CONFIRM: (display: string) =>
    `您给的是大概数字，将按 ${display} 填写。申报书需要准确数字：如准确请回复“确认”，否则请直接回复准确数字。`,
  DATE_RELATIVE_CONFIRM: (given: string, display: string) => `“${given}”按今天算是 ${display}，对吗？对请回复“确认”，否则请直接回复日期。`,

  // ── the notice's own constraints (forms/checks.ts) ──
  CHECK_ENDS_WITH: (label: string, suffix: string) => `「${label}」应以“${suffix}”结尾，请修改后重新填写。`,
  CHECK_NOT_BEFORE: (label: string, other: string) => `「${label}」不能早于「${other}」，请核对后重新填写。`,
  CHECK_WORSE: (label: string, display: string, lowerIsBetter: boolean) =>
    `「${label}」${display}：建成后比建设前${lowerIsBetter ? "更高" : "更低"}，即指标变差了。如确实如此请回复“确认”，否则请重新填写。`,
  CHECK_CITATION: (docNumber: string | null, section: string, quote: string) => `依据：${docNumber ? `${docNumber} ` : ""}${section}「${quote}」`,

  // ── places ──
  PLACE_UNKNOWN: (given: string, level: "province" | "city" | "region") =>
    `没能识别“${given}”是哪个地方，请填写${level === "province" ? "省份（或城市）名称，例如 福建省 或 厦门" : level === "city" ? "城市名称，例如 福州市" : "所在地区，例如 吉林省长春市朝阳区"}`,
  PLACE_AMBIGUOUS: (given: string, candidates: readonly string[]) =>
    `“${given}”有多个地方同名：${candidates.join("、")}，请连同城市或省份一起写，例如 ${candidates[0] ?? "福州市鼓楼区"}`,
  PLACE_INCONSISTENT: (given: string) => `“${given}”中的省份和城市对不上，请核对后重新填写，例如 福建省厦门市`,
  PLACE_NEEDS_CITY: (province: string) => `请写到城市（设区市），例如 ${province === "福建省" ? "福州市" : `${province}的省会城市`}`,

  // ── yesNo ──
  YES_NO_INVALID: "请回答 是 或 否",

  // ── beforeAfter ──
  BEFORE_AFTER_FORMAT: (example: string) =>
    `请分别填写建设前和建成后的数值，中间用空格或箭头隔开，例如 ${example}`,
  BEFORE_AFTER_PART: (which: "before" | "after", inner: string) => `${which === "before" ? "建设前" : "建成后"}的数值：${inner}`,

  // ── kind not handled ──
  UNSUPPORTED_KIND: "这个问题暂时无法在对话中回答，请回复“跳过”",
} as const;

/** How answers are shown in the review list and the document. */
export const answerDisplayTexts = {
  yes: "是",
  no: "否",
  /** A multiChoice answered 都不是 / 无. */
  noneSelected: "无",
  wan: "万元",
  yi: "亿元",
  yuan: "元",
  /** 1.2 亿元（12000 万元） */
  yiWithWan: (yi: string, wan: string) => `${yi} 亿元（${wan} 万元）`,
  /** 0.3 万元（3000 元） */
  wanWithYuan: (wan: string, yuan: string) => `${wan} 万元（${yuan} 元）`,
  dateDay: (y: number, m: number, d: number) => `${y}年${m}月${d}日`,
  dateMonth: (y: number, m: number) => `${y}年${m}月`,
  beforeAfter: (before: string, after: string, rate: string) => `建设前 ${before}，建成后 ${after}，变化率 ${rate}`,
  /** Change rate when the value before is 0. */
  noRate: "—",
  /** Example for number-like prompts when the step has no unit. */
  beforeAfterExample: (unit: string) => `85${unit} 92${unit} 或 建设前85${unit}，建成后92${unit}`,
} as const;

/**
 * Words people type. Compared after half-width conversion, lower-casing, and removing
 * trailing punctuation and particles (的、啊、呀、吧、哦、呢、了).
 */
export const answerVocabulary = {
  yes: [
    "是", "有", "对", "嗯", "嗯嗯", "是是", "对对", "正确", "没错", "属于", "具有", "具备",
    "已", "已经", "已完成", "完成", "已建成", "建成", "已签订", "已签", "已评估", "已自评", "确认", "肯定",
    "建好", "建好了", "已建好", "建完", "建完了", "做了", "做过", "评过", "签了", "可以", "行", "好", "好的", "有的", "是滴",
    "对的", "是的呢", "当然", "当然是", "没问题", "必须的", "算是",
    "yes", "y", "yep", "yeah", "true", "√", "✓", "✔", "☑", "✅",
  ],
  no: [
    "否", "不是", "不", "没有", "没", "无", "不对", "非", "未", "尚未", "还没有", "还没", "没完成", "未完成",
    "没建好", "还没建好", "在建", "还在建", "正在建", "没做", "没做过", "没评", "没签", "不行", "不可以", "没呢", "还没呢", "暂无", "不算",
    "未建成", "没建成", "不属于", "不具有", "不具备", "未签订", "没签", "未评估", "没评估", "从未", "从来没有", "从没有",
    "no", "n", "nope", "false", "×", "✗", "✘", "x", "❌", "✕",
  ],
  /** count / number: zero said in words (「平台连接企业数」→「没有」), when the step's min allows 0. */
  zero: ["无", "没有", "暂无", "还没有", "零", "一个也没有", "一家也没有", "没有平台"],
  /** multiChoice: every option. */
  all: ["全部", "全选", "都是", "都有", "都选", "以上都是", "以上全部", "以上都有", "所有", "全都是", "全部都是", "都覆盖", "全覆盖", "all"],
  /** multiChoice: none of the options (accepted only when minChoices is 0). */
  none: [
    "都不是", "都没有", "以上都不是", "以上都没有", "均不是", "均无", "无", "没有", "都不", "一个都没有", "都不属于", "none",
  ],
  /** money: a loss (profit fields, where the step's min is negative). Longest first. */
  lossPrefixes: ["净亏损了", "净亏损", "亏损了", "亏损", "亏了", "亏"],
  lossSuffixes: ["（亏损）", "(亏损)", "亏损", "亏"],
  /** money: stripped before a positive amount. Longest first. */
  profitPrefixes: ["净利润为", "净利润", "利润为", "利润", "盈利了", "盈利", "赚了", "赚"],
  /** money: a result of zero. */
  breakEven: ["持平", "盈亏平衡", "不亏不赚", "保本"],
  /** choice: phrases around an option number (第2项, 选2). */
  positionPrefixes: ["选择第", "选第", "第", "选择", "选"],
  positionSuffixes: ["个", "项", "条", "号", "种"],
  /** choice: everyday names for an option's label (「民企」 for 民营), tried when nothing else matched. */
  choiceAliases: [
    ["民企", "民营"], ["私企", "民营"], ["私营", "民营"], ["民营企业", "民营"], ["外企", "三资"], ["外资", "三资"], ["合资", "三资"],
    ["央企", "中央企业"], ["国有企业", "国企"],
  ] as ReadonlyArray<readonly [string, string]>,
  /** multiChoice: words that separate items besides punctuation. */
  listWords: ["以及", "还有", "和", "及", "与", "跟"],
  /** beforeAfter: labels of the two values. Longest first. */
  beforeLabels: ["建设前", "建成前", "实施前", "改造前", "项目前", "之前", "以前", "原来", "原先", "现状", "目前", "当前", "现在", "前"],
  afterLabels: ["建成后", "建设后", "实施后", "改造后", "项目后", "之后", "以后", "预计", "目标", "后"],
  /** beforeAfter: words between the two values. Longest first. */
  beforeAfterSeparators: [
    "提升至", "提升到", "提高至", "提高到", "增加至", "增加到", "增长至", "增长到", "上升至", "上升到",
    "降低至", "降低到", "下降至", "下降到", "减少至", "减少到", "变为", "变成", "降至", "降到", "升至", "升到",
    "到", "至", "→", "->", "=>", "⟶", "➡", "⇒",
  ],
  beforeAfterLead: ["从", "由"],
} as const;
