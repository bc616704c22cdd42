/**
 * How people ask vs. how notices write. Keys are matched as substrings of the
 * question; values are the notice's own terms, added to the query at a lower weight.
 * Review this table with bureau staff: every row is a claim about usage.
 */
export const querySynonyms: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["营收", ["营业收入", "销售"]],
  ["销售额", ["营业收入", "销售"]],
  ["收入", ["营业收入"]],
  ["截止", ["前报送", "截止", "逾期", "前将"]],
  ["什么时候", ["前报送", "截止", "前将", "日前"]],
  ["何时", ["前报送", "截止", "前将", "日前"]],
  ["几号", ["前报送", "截止", "日前"]],
  ["期限", ["前报送", "截止", "逾期"]],
  ["找谁", ["联系人", "联系电话"]],
  ["联系谁", ["联系人", "联系电话"]],
  ["咨询", ["联系人", "联系电话"]],
  ["电话", ["联系人", "联系电话"]],
  ["邮箱", ["邮箱"]],
  ["补贴", ["补助", "资金", "扶持"]],
  ["奖励", ["补助", "资金", "扶持"]],
  ["门槛", ["申报条件", "不少于"]],
  ["资格", ["申报条件", "申报主体"]],
  ["条件", ["申报条件", "申报主体"]],
  ["谁能报", ["申报条件", "申报主体", "申报单位"]],
  ["哪些企业", ["申报主体", "申报单位"]],
  ["杀手锏", ["杀手铜"]],
  ["杀手铜", ["杀手锏"]],
  ["规上", ["规模以上"]],
  ["两化融合", ["两化融合自评估"]],
  ["成熟度", ["智能制造能力成熟度"]],
  ["多少字", ["字以内", "不超过", "字"]],
  ["字数", ["字以内", "不超过"]],
  ["几个", ["个", "数量"]],
  ["名额", ["推荐数量", "各"]],
  ["材料", ["佐证材料", "申报材料", "附件"]],
  ["解析量", ["标识解析", "解析量"]],
  ["福州", ["福州市", "榕"]],
  ["数字化标杆", ["数字化标杆企业", "标杆企业类"]],
  ["标杆企业", ["标杆企业类"]],
  ["平台赋能", ["赋能中小企业数字化转型"]],
  ["示范平台", ["工业互联网示范平台", "工业互联网平台类"]],
  ["跨行业", ["跨行业跨领域"]],
];

/**
 * Canonical forms used by the offline embedder, so that a question using a
 * colloquial word lands near the passage that uses the official one.
 */
export const canonicalForms: ReadonlyArray<readonly [RegExp, string]> = [
  [/营收/g, "营业收入"],
  [/杀手锏/g, "杀手铜"],
  [/规上/g, "规模以上"],
  [/找谁|联系谁/g, "联系人"],
  [/什么时候|何时|几号/g, "截止"],
];
