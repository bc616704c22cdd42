import { describe, expect, it } from "vitest";
import { classifyAside } from "../../src/flows/engine/classify.ts";

describe("classifyAside: what is not an answer", () => {
  it.each([
    ["先这样，我下午再弄", { kind: "stop" }],
    ["算了", { kind: "stop" }],
    ["明天再说吧", { kind: "stop" }],
    ["人工客服", { kind: "human" }],
    ["转人工", { kind: "human" }],
    ["你好", { kind: "smalltalk" }],
    ["在吗？", { kind: "smalltalk" }],
    ["？？", { kind: "smalltalk" }],
    ["谢谢", { kind: "smalltalk" }],
    ["帮助", { kind: "help" }],
    ["这个怎么填", { kind: "help" }],
    ["不对，营业收入应该是9000万", { kind: "correction", subject: "营业收入", value: "9000万" }],
    ["省份填错了，应该是福建省", { kind: "correction", subject: "省份", value: "福建省" }],
    ["把城市改成厦门", { kind: "correction", subject: "城市", value: "厦门" }],
    ["不对，应该是福州", { kind: "correction", subject: "", value: "福州" }],
  ])("%s → %j", (input, want) => {
    expect(classifyAside(input)).toEqual(want);
  });

  it.each(["福州甲公司", "是", "没有", "好的", "3000万", "建设前每小时 100 件，建成后每小时 130 件", "将人工质检改为机器视觉检测", "先进级智能工厂"])(
    "%s is left to be read as an answer",
    (input) => {
      expect(classifyAside(input)).toBeNull();
    },
  );
});
