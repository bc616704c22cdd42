/**
 * Chinese text of the eligibility questionnaire (资格自测): one prompt per profile field and
 * a short explanation of why it is asked. Help texts paraphrase the clause the question's
 * citation quotes verbatim (questions.ts).
 */
import type { ProfileField } from "../eligibility/index.ts";

export const questionnaireTexts = {
  section: "资格自测",

  prompts: {
    name: "请问企业全称是什么？（与营业执照一致）",
    province: "企业注册在哪个省份？例如：福建省",
    city: "企业所在的城市（设区市）是？例如：福州市",
    independentLegalEntity: "企业是否具有独立法人资格？",
    branchOfLegalEntity: "企业是否为某个法人单位的分支机构（如分公司）？",
    kinds: "企业属于以下哪些类型？（可多选）",
    sector: "企业所属行业是？例如：装备制造、石油石化、有色金属、软件和信息技术服务",
    employees: "企业目前的从业人员有多少人？",
    revenueLastYearWan: "企业上一年度营业收入是多少？例如：3000万 或 1.2亿",
    profitLastYearWan: "企业上一年度利润是多少？例如：500万；亏损请写“亏损200万”或“-200万”",
    dishonestListed: "企业是否被列入失信名单、经营异常名录，或有其他不良信用记录？",
    illegalRecordLast3Years: "企业近三年是否有违法违规行为？",
    majorAccidentLast3Years: "企业近三年是否发生过较大及以上安全、环保事故？",
    smartMaturityLevel:
      "企业智能制造能力成熟度自评估是几级？请回复 1 到 5（一级、二级、三级、四级、五级），未达到一级请回复 0",
    basicSmartFactorySelfAssessed: "企业是否已完成基础级智能工厂自建自评？",
    smartFactoryStages: "企业的智能工厂覆盖了以下哪些环节？（可多选）",
    twoIntegrationSelfAssessed: "企业是否已在中国两化融合服务平台完成两化融合自评估？",
    provincialDemoPlatform: "企业的平台是否为省级以上工业互联网示范平台（含当年评选的）？",
    platformConnectedEnterprises: "平台目前连接服务的企业有多少家？",
    platformConnectedDevices: "平台目前连接服务的产品、设备有多少套（件）？",
    platformNewServedEnterprisesThisYear: "平台今年新增连接和有效服务的企业有多少家？",
    cloudProviderContract: "企业是否已与云平台服务商（或代理商）签订合作协议或服务合同？",
    localEnterpriseUsers: "有多少户本省企业使用贵单位的平台（签有合同或协议）？",
    identifierRegisteredEnterprises: "标识解析二级节点注册的工业企业有多少家？",
    identifierRegistrations: "标识注册量是多少？例如：3500万",
    identifierResolutions: "标识解析量是多少次？例如：1.2亿",
    projectCompleted: "申报的项目是否已经建成？",
  } satisfies Record<ProfileField, string>,

  gates: {
    runsPlatform: {
      prompt: "企业是否运营（建设并对外提供服务的）工业互联网平台？",
      help: "工业互联网平台类项目看平台连接服务的企业数、设备数等；不运营平台的企业不必回答这些数字。",
    },
    runsIdentifierNode: {
      prompt: "企业是否运营工业互联网标识解析二级节点？",
      help: "标识解析类项目看二级节点的注册企业数、标识注册量和解析量；不运营二级节点的企业不必回答这些数字。",
    },
  },

  help: {
    name: "请填写与营业执照一致的企业全称。",
    province: "多数项目只受理本省注册的企业，例如2023年跨行业跨领域工业互联网平台申报要求申报单位在福建省内注册。",
    city: "部分项目按设区市分配推荐名额、由所在地工信部门组织推荐，例如2024年数字化标杆企业各地推荐数量不同。",
    independentLegalEntity: "多数项目要求申报主体具有独立法人资格，分公司等分支机构一般不能单独申报。",
    branchOfLegalEntity: "先进级智能工厂申报对石油石化、有色金属等有行业特殊情况的，允许法人的分支机构申报。",
    kinds: "不同项目对申报主体类型有要求，例如工业互联网平台类的申报主体包括工业企业、信息技术企业、互联网企业等。都不是请回复“都不是”。",
    sector: "用于判断行业限制，例如先进级智能工厂申报允许石油石化、有色金属等行业的分支机构申报。",
    employees: "从业人员和营业收入一起决定企业规模（大型、中型、小型、微型），部分项目只面向大型企业。",
    revenueLastYearWan: "多个项目设有营业收入门槛，例如工业互联网平台类要求上一年度营业收入不少于3000万元，标杆企业类不少于1亿元。只写数字时按万元计。",
    profitLastYearWan: "部分项目要求申报企业为非亏损企业。只写数字时按万元计。",
    dishonestListed: "被列入企业经营异常名录或失信企业名单的企业不能申报。",
    illegalRecordLast3Years: "多数项目要求申报企业近三年无违法违规行为。",
    majorAccidentLast3Years: "多数项目要求申报企业近三年未发生较大及以上安全、环保等事故。",
    smartMaturityLevel: "先进级智能工厂申报要求智能制造能力成熟度达到《智能制造能力成熟度模型》（GB/T 39116-2020）二级及以上。",
    basicSmartFactorySelfAssessed: "先进级智能工厂申报要求申报主体已完成基础级智能工厂自建自评。",
    smartFactoryStages: "先进级智能工厂申报要求至少覆盖生产作业、生产管理、运营管理三个环节。都没有覆盖请回复“都没有”。",
    twoIntegrationSelfAssessed: "部分项目要求制造业企业在中国两化融合服务平台完成两化融合自评估。",
    provincialDemoPlatform: "“平台赋能中小企业数字化转型”方向支持省级以上工业互联网示范平台（含当年评选的）。",
    platformConnectedEnterprises: "工业互联网示范平台类要求平台连接服务企业超过100家，或连接服务产品、设备1万套（件）以上。",
    platformConnectedDevices: "工业互联网示范平台类要求平台连接服务产品、设备1万套（件）以上，或连接服务企业超过100家。",
    platformNewServedEnterprisesThisYear: "“平台赋能中小企业数字化转型”方向对年度新增连接和有效服务企业数达到100家（含）以上的予以分档支持。",
    cloudProviderContract: "部分工业互联网平台类项目要求提供与云平台服务商（或代理商）签订的合作协议、服务合同及首付款发票。",
    localEnterpriseUsers: "部分工业互联网平台类项目要求提供不少于5户本省企业使用平台的合同或协议。",
    identifierRegisteredEnterprises: "标识解析类要求二级节点注册工业企业数超过300家。",
    identifierRegistrations: "标识解析类要求标识注册量超过3000万。",
    identifierResolutions: "标识解析类要求标识解析量超过1亿次。",
    projectCompleted: "标杆企业类要求项目已经建成；先进级智能工厂申报要求已完成智能工厂建设。",
  } satisfies Record<ProfileField, string>,
} as const;
