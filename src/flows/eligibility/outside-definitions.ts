import type { Param } from "./types.ts";

/**
 * Definitions the notices rely on without restating them. Each cites its own source and is
 * marked `external`, so the corpus-quote test skips it.
 */
export const outsideDefinitions = {
  /** 规模以上工业企业: 年主营业务收入 2000 万元及以上 (statistics threshold since the 2011 reporting year). */
  aboveDesignatedSizeRevenueWan: {
    value: 2000,
    since: "2011-01-01",
    source: {
      docNumber: "国家统计局 规模以上工业统计标准",
      section: "规模以上工业企业统计起点标准（自2011年起）",
      quote: "规模以上工业企业是指年主营业务收入2000万元及以上的工业法人单位",
      external: true,
    },
  },
} satisfies Record<string, Param<number>>;
