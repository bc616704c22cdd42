/**
 * Dev aid: the CPU an HTTP request costs a Node server on this machine with no work behind it,
 * the floor under the web channel's overhead (see README, web benchmark). A child process serves
 * POST /api/messages → {"ok":true} with node:http or Fastify (with @fastify/cookie, as the
 * service); 100 keep-alive raw-socket clients send N requests; the server's CPU per request is
 * read from process.cpuUsage around the run.
 *
 *   npx tsx scripts/dev/http-floor.ts [--n 20000] [--users 100]
 */
import { spawn } from "node:child_process";
import net from "node:net";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { n: { type: "string", default: "20000" }, users: { type: "string", default: "100" }, serve: { type: "string" } } });

if (values.serve) {
  const ready = (port: number) => process.stdout.write(`${port}\n`);
  process.stdin.on("data", () => process.stdout.write(`${JSON.stringify(process.cpuUsage())}\n`));
  if (values.serve === "node") {
    const http = await import("node:http");
    const server = http.createServer((req, res) => {
      let data = "";
      req.on("data", (d) => (data += d));
      req.on("end", () => {
        JSON.parse(data);
        setImmediate(() => {
          res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": 11 });
          res.end('{"ok":true}');
        });
      });
    });
    server.keepAliveTimeout = 60_000;
    server.listen(0, "127.0.0.1", () => ready((server.address() as net.AddressInfo).port));
  } else {
    const { default: Fastify } = await import("fastify");
    const { default: cookie } = await import("@fastify/cookie");
    const app = Fastify({ logger: false, keepAliveTimeout: 60_000 });
    await app.register(cookie);
    app.post("/api/messages", async (req) => {
      void req.cookies;
      await new Promise((r) => setImmediate(r));
      return { ok: true };
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    ready((app.server.address() as net.AddressInfo).port);
  }
} else {
  const n = Number(values.n);
  const users = Number(values.users);
  for (const mode of ["node", "fastify", "node", "fastify"]) {
    const child = spawn(process.execPath, ["--import", "tsx", import.meta.filename, "--serve", mode], { stdio: ["pipe", "pipe", "inherit"] });
    const lines: string[] = [];
    let wake: (() => void) | null = null;
    child.stdout!.on("data", (d: Buffer) => {
      lines.push(...d.toString().trim().split("\n"));
      wake?.();
    });
    const line = async () => {
      while (lines.length === 0) await new Promise<void>((r) => (wake = r));
      return lines.shift()!;
    };
    const port = Number(await line());
    const body = JSON.stringify({ clientId: "abcdefgh", text: "我们是泉州的企业，营业收入三千万" });
    const req = `POST /api/messages HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncookie: sid=abcdefghijklmnop\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    let sent = 0;
    const t0 = performance.now();
    child.stdin!.write("x\n");
    const before = JSON.parse(await line()) as NodeJS.CpuUsage;
    await Promise.all(
      Array.from({ length: users }, () =>
        new Promise<void>((resolve, reject) => {
          const s = net.connect(port, "127.0.0.1");
          s.setNoDelay(true);
          let buf = "";
          const next = () => {
            if (sent >= n) return s.end(), resolve();
            sent++;
            s.write(req);
          };
          s.on("data", (d) => {
            buf += d.toString("latin1");
            const end = buf.indexOf("\r\n\r\n");
            if (end < 0) return;
            const len = Number(/content-length: *(\d+)/i.exec(buf.slice(0, end))![1]);
            if (buf.length < end + 4 + len) return;
            buf = buf.slice(end + 4 + len);
            next();
          });
          s.on("error", reject);
          s.on("connect", next);
        }),
      ),
    );
    const secs = (performance.now() - t0) / 1000;
    child.stdin!.write("x\n");
    const after = JSON.parse(await line()) as NodeJS.CpuUsage;
    const cpuMs = (after.user - before.user + after.system - before.system) / 1000;
    console.log(`${mode.padEnd(8)} ${n} requests, ${(n / secs).toFixed(0)}/s, server CPU ${(cpuMs / n).toFixed(3)} ms/request`);
    child.kill();
  }
}
