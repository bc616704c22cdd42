import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Service } from "../../src/app/service.ts";
import { TestRedis } from "../support/redis.ts";
import { inProcessService, serviceEnv } from "../support/service.ts";
import { WebClient } from "../support/web-client.ts";

let redis: TestRedis;
let a: Service;
let b: Service;
let dir: string;

beforeAll(async () => {
  redis = await TestRedis.start();
  const s = await serviceEnv({ REDIS_URL: redis.url });
  dir = s.dir;
  // Two service processes of one deployment: same Redis, same prefix (a load balancer in front).
  a = await inProcessService(s.env);
  b = await inProcessService(s.env);
});
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await redis.destroy();
  await fs.rm(dir, { recursive: true, force: true });
});

/** Read an SSE stream until `predicate` holds for the data received so far. */
async function readEvents(url: string, cookie: string, predicate: (data: string) => boolean): Promise<string> {
  const ctrl = new AbortController();
  const res = await fetch(`${url}/api/events`, { headers: { cookie }, signal: ctrl.signal });
  const reader = res.body!.getReader();
  let data = "";
  try {
    while (!predicate(data)) {
      const { value, done } = await reader.read();
      if (done) break;
      data += new TextDecoder().decode(value);
    }
  } finally {
    ctrl.abort();
  }
  return data;
}

describe("two service processes", () => {
  it("serve one user's web conversation alternately without losing state, and push what the other one handled", async () => {
    const c = new WebClient(a.url);
    await c.open();
    const lines = ["我想申报先进级智能工厂", "福州测试装备有限公司", "91350100MA2Y000010", "上一步", "91350100MA2Y000010", "进度"];
    const servers = [a, b];
    for (const [i, line] of lines.entries()) {
      c.baseUrl = servers[i % 2]!.url;
      expect((await c.say(line)).status).toBe(200);
    }
    const fromA = await Object.assign(new WebClient(a.url), { cookie: c.cookie }).history();
    const fromB = await Object.assign(new WebClient(b.url), { cookie: c.cookie }).history();
    expect(fromA).toEqual(fromB);
    expect(fromA.filter((e) => e.type === "user").map((e) => e.text)).toEqual(lines);
    // Answers given to either process were all taken: no answer was refused or asked twice out of turn.
    expect(fromA.filter((e) => e.type === "bot").some((e) => /校验不通过|格式/.test(e.text))).toBe(false);
    expect(fromA.at(-1)!.text).toMatch(/第 \d+\/\d+ 项/);

    // A page open on A sees a reply to a message handled by B.
    // Inside a step, 「帮助」 explains that step (「…」填写说明 or the note that it has none).
    const seen = readEvents(a.url, c.cookie, (d) => /填写说明|没有|说明/.test(d));
    c.baseUrl = b.url;
    await c.say("帮助");
    expect(await seen).toMatch(/填写说明|没有|说明/);
  }, 60_000);
});
