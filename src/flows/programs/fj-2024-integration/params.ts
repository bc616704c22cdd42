import type { Param } from "../../eligibility/index.ts";

export const DOC = "闽工信函信息〔2024〕182号";
const SINCE = "2024-04-02";

const p = <T>(value: T, section: string, quote: string): Param<T> => ({
  value,
  since: SINCE,
  source: { docNumber: DOC, section, quote },
});

/** 2024 round of 新一代信息技术与制造业融合发展项目. Money in 万元, counts as plain numbers. */
export const params = {
  province: p("福建省", "二、申报条件", "申报主体应当在辖区内生产经营"),
  minRevenuePlatformWan: p(3000, "二、（一）工业互联网平台类", "上一年度营业收入不少于3000万元"),
  // 「超过100家」 is strict; 「1万套（件）以上」 includes 10000.
  minConnectedEnterprisesExclusive: p(100, "二、（一）工业互联网平台类 > 2.有效性", "省级示范平台连接服务企业超过100家"),
  minConnectedDevices: p(10000, "二、（一）工业互联网平台类 > 2.有效性", "连接服务产品、设备1万套（件）以上"),
  minNewServedEnterprises: p(
    100,
    "二、（一）工业互联网平台类 > 2.有效性",
    "对年度新增连接和有效服务企业数达到100家（含）以上的予以分档支持",
  ),
  minRevenueBenchmarkWan: p(10000, "二、（二）标杆企业类", "上一年度营业收入不少于1亿元"),
  minRevenueIdentifierWan: p(3000, "二、（三）标识解析类", "上一年度营业收入不少于3000万元"),
  // 「超」 is strict throughout 二、（三）2.
  minIdentifierEnterprisesExclusive: p(300, "二、（三）标识解析类 > 2.有效性", "二级节点注册工业企业数应当超300家"),
  minIdentifierRegistrationsExclusive: p(30_000_000, "二、（三）标识解析类 > 2.有效性", "标识注册量超3000万"),
  minIdentifierResolutionsExclusive: p(100_000_000, "二、（三）标识解析类 > 2.有效性", "解析量超1亿次"),
  deadline: p("2024-05-30", "三、报送方式 > （四）", "项目申报书（纸质一式三份）于5月30日前报送我厅"),
  benchmarkDigitalQuota: p(
    { 福州市: 10, 厦门市: 10, 泉州市: 15, 漳州市: 7, 三明市: 5, 莆田市: 5, 南平市: 5, 龙岩市: 5, 宁德市: 5, 平潭综合实验区: null },
    "三、报送方式 > （三）",
    "数字化标杆企业各地推荐数量：福州、厦门各10个，泉州15个，漳州7个，三明、莆田、南平、龙岩、宁德各5个",
  ),
  benchmarkDataSecurityQuota: p(
    { 福州市: 5, 厦门市: 5, 泉州市: 5, 漳州市: 3, 三明市: 3, 莆田市: 3, 南平市: 3, 龙岩市: 3, 宁德市: 3, 平潭综合实验区: null },
    "三、报送方式 > （三）",
    "工业数据安全标杆企业各地推荐数量：福州、厦门、泉州各5个，漳州、三明、莆田、南平、龙岩、宁德各3个。平潭综合实验区推荐数量自行确定",
  ),
};
