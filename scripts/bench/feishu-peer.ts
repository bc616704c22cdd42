/**
 * The Feishu side of the Feishu benchmark, in its own process as it is in production: the
 * local open platform (the adapter's API calls land here) and the sender of signed, encrypted
 * webhook events, timing each answer. Driven over IPC by scripts/bench/feishu.ts.
 */
import { performance } from "node:perf_hooks";
import { FeishuPlatform, messageEvent, signedRequest } from "../../test/support/feishu-platform.ts";
import { APP_ID, APP_SECRET, ENCRYPT_KEY, VERIFICATION_TOKEN } from "../../test/support/feishu-rig.ts";

export type PeerRequest = { type: "fire"; url: string; inFlight: number; ratePerSec?: number; events: Array<{ chatId: string; userId: string; text: string }> } | { type: "calls" } | { type: "exit" };
export type PeerReply = { type: "ready"; url: string } | { type: "acks"; ack: number[]; failed: number } | { type: "calls"; calls: number };

const platform = await FeishuPlatform.start(APP_ID, APP_SECRET);
const reply = (m: PeerReply) => process.send!(m);

process.on("message", (m: PeerRequest) => {
  void (async () => {
    if (m.type === "exit") {
      await platform.close();
      process.exit(0);
    }
    if (m.type === "calls") return reply({ type: "calls", calls: platform.calls.length });
    const ack: number[] = [];
    let failed = 0;
    let next = 0;
    const post = async (e: (typeof m.events)[number]) => {
      const req = signedRequest(messageEvent({ token: VERIFICATION_TOKEN, appId: APP_ID, ...e }), ENCRYPT_KEY);
      const t0 = performance.now();
      const res = await fetch(m.url, { method: "POST", headers: req.headers, body: req.body });
      await res.arrayBuffer();
      ack.push(performance.now() - t0);
      if (res.status !== 200) failed++;
    };
    if (m.ratePerSec) {
      // Open loop, as Feishu delivers: events arrive at their own pace, whatever the answers' speed.
      const start = performance.now();
      const sent: Promise<void>[] = [];
      for (let k = 0; k < m.events.length; k++) {
        const due = start + (k * 1000) / m.ratePerSec - performance.now();
        if (due > 0) await new Promise((r) => setTimeout(r, due));
        sent.push(post(m.events[k]!));
      }
      await Promise.all(sent);
      return reply({ type: "acks", ack, failed });
    }
    await Promise.all(
      Array.from({ length: m.inFlight }, async () => {
        while (next < m.events.length) {
          await post(m.events[next++]!);
        }
      }),
    );
    reply({ type: "acks", ack, failed });
  })();
});
reply({ type: "ready", url: platform.url });
