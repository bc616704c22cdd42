/**
 * The web benchmark's load generator, in its own process so that it does not share the
 * service's event loop: `BENCH_USERS` browser sessions (a cookie each, from `GET /`) POST the
 * script to `/api/messages` over keep-alive sockets, each sending its next line when the
 * previous POST has returned. With `BENCH_SSE=1` every user also keeps its page's event
 * stream (`/api/events`) open and reads it. A minimal HTTP/1.1 client on raw sockets (about
 * ten times cheaper per request than node:http's client), so the generator costs the machine
 * little next to the service. Started by scripts/bench/web.ts.
 */
import net from "node:net";
import { readFileSync } from "node:fs";
import { closedLoop, serveLoops } from "./web-loop.ts";

const url = new URL(process.env.BENCH_URL!);
const script = JSON.parse(readFileSync(process.env.BENCH_SCRIPT!, "utf8")) as string[];
const users = Number(process.env.BENCH_USERS);
const messages = Number(process.env.BENCH_MESSAGES);
const withSse = process.env.BENCH_SSE === "1";
const host = `${url.hostname}:${url.port}`;

/** One keep-alive connection; one request at a time. */
class Conn {
  private readonly socket: net.Socket;
  private buf: Buffer = Buffer.alloc(0);
  private waiting: ((r: { status: number; headers: string; body: string }) => void) | null = null;
  private failing: ((err: Error) => void) | null = null;

  constructor() {
    this.socket = net.connect(Number(url.port), url.hostname);
    this.socket.setNoDelay(true);
    this.socket.on("data", (d: Buffer) => {
      this.buf = this.buf.length === 0 ? d : Buffer.concat([this.buf, d]);
      this.parse();
    });
    this.socket.on("error", (err) => this.failing?.(err));
    this.socket.on("close", () => this.failing?.(new Error("connection closed")));
  }

  request(head: string, body = ""): Promise<{ status: number; headers: string; body: string }> {
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failing = reject;
      this.socket.write(body ? `${head}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}` : `${head}\r\n`);
    });
  }

  private parse(): void {
    const end = this.buf.indexOf("\r\n\r\n");
    if (end < 0) return;
    const headers = this.buf.subarray(0, end).toString("latin1");
    const m = /\r\ncontent-length: *(\d+)/i.exec(headers);
    if (!m) throw new Error(`response without content-length: ${headers.split("\r\n")[0]}`);
    const len = Number(m[1]);
    if (this.buf.length < end + 4 + len) return;
    const body = this.buf.subarray(end + 4, end + 4 + len).toString("utf8");
    this.buf = this.buf.subarray(end + 4 + len);
    const done = this.waiting!;
    this.waiting = this.failing = null;
    done({ status: Number(headers.slice(9, 12)), headers, body });
  }

  close(): void {
    this.socket.destroy();
  }
}

/** A page's open event stream: read and counted. */
function openEvents(cookie: string): { socket: net.Socket; events: () => number } {
  let n = 0;
  const socket = net.connect(Number(url.port), url.hostname);
  socket.setEncoding("utf8");
  socket.on("data", (d: string) => {
    for (let i = d.indexOf("\ndata: "); i >= 0; i = d.indexOf("\ndata: ", i + 1)) n++;
  });
  socket.on("error", () => undefined);
  socket.write(`GET /api/events HTTP/1.1\r\nhost: ${host}\r\ncookie: ${cookie}\r\naccept: text/event-stream\r\n\r\n`);
  return { socket, events: () => n };
}

let round = 0;
await serveLoops(async () => {
  round++;
  // Fresh sessions each round (new chats), made before the measured loop.
  const conns = Array.from({ length: users }, () => new Conn());
  const cookies: string[] = [];
  for (const c of conns) {
    const r = await c.request(`GET / HTTP/1.1\r\nhost: ${host}\r\n`);
    cookies.push(/\r\nset-cookie: *([^;\r]+)/i.exec(r.headers)![1]!);
  }
  const streams = withSse ? cookies.map(openEvents) : [];
  if (withSse) await new Promise((r) => setTimeout(r, 300));
  let n = 0;
  const heads = cookies.map((c) => `POST /api/messages HTTP/1.1\r\nhost: ${host}\r\ncookie: ${c}\r\ncontent-type: application/json\r\n`);
  const result = await closedLoop(users, messages, script, async (u, text) => {
    const res = await conns[u]!.request(heads[u]!, JSON.stringify({ clientId: `bench-${round}-${u}-${++n}`, text }));
    return res.status === 200;
  });
  for (const c of conns) c.close();
  for (const s of streams) s.socket.destroy();
  return { ...result, events: streams.reduce((a, s) => a + s.events(), 0) };
});
process.exit(0);
