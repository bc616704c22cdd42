/**
 * Words of notices that jieba's general dictionary cuts apart (「市工信局」 → 市工 + 信局),
 * loaded as a user dictionary so that questions and notices are cut the same way.
 * Frequencies only need to beat the general dictionary's competing cuts.
 */
export const domainWords: readonly string[] = [
  "工信部", "工信厅", "工信局", "省工信厅", "市工信局", "县工信局", "区工信局", "工信部门",
  "经信厅", "经信局", "经信委", "经发局", "经济和信息化厅", "经济和信息化局", "工业和信息化厅", "工业和信息化局",
  "设区市", "市州", "平潭综合实验区", "省属企业", "中央企业", "央企", "国企", "民企",
  "营业收入", "营收", "上年度", "上一年度", "主营业务收入", "纳税信用", "技改投入", "数控化率", "联网率",
  "推荐汇总表", "汇总表", "申报书", "承诺书", "申报材料", "纸质版", "电子版", "一式两份", "一式三份", "一式四份", "一式五份",
  "联系人", "联系电话", "联系方式", "截止时间", "收件截止",
  "工业互联网", "示范平台", "标杆工厂", "标杆企业", "智能工厂", "数字化车间", "先进级", "卓越级", "领航级", "基础级",
  "两化融合", "成熟度", "跨行业", "跨领域", "标识解析", "二级节点", "数字化转型", "数字化标杆", "5G工厂", "5G全连接工厂",
  "专精特新", "小巨人", "首台套", "首批次", "首版次", "单项冠军", "零碳", "规上企业", "规模以上", "服务商", "杀手锏", "工业APP", "分支机构", "独立法人",
  // Names of programs and terms of art people ask about that jieba cuts apart: whole, they can be the
  // question's most specific term, so a notice holding only their pieces (工业 + 设计 + 中心) does not answer them.
  "高企", "加计扣除", "研发费用加计扣除", "科创板", "北交所", "工业设计中心", "企业技术中心",
  "服务型制造", "知识产权示范企业", "数据入表", "技改贴息", "未来工厂", "灯塔工厂", "保险补偿",
  "双跨", "双跨平台", "骑缝章", "抄送", "灵活就业", "个体工商户", "数据资产", "入表", "会计处理", "智能制造", "示范工厂", "户头",
];

export function domainDictionary(): Uint8Array {
  // Text is cut after width folding and lower-casing (5G → 5g), so the dictionary is too.
  return Buffer.from(domainWords.map((w) => `${w.toLowerCase()} 200000 n`).join("\n"), "utf8");
}
