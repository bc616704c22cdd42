/**
 * A local Feishu open platform on 127.0.0.1 for the real SDK (its `domain` option points
 * here): tenant_access_token/internal, bot info, im/v1 messages create / reply / patch,
 * im/v1/files (multipart), im/v1/messages/:id/resources/:file_key (files users sent, as
 * `holdUserFile` put them there), and the long connection: `/callback/ws/endpoint` hands out a
 * ws:// address whose frames are the SDK's protobuf `pbbp2.Frame`. It records every message
 * API call, checks bearer tokens it issued, and can be told to fail the next call of an API.
 * Plus what Feishu does to events: encrypt (AES-256-CBC, key = SHA-256 of the encrypt key,
 * base64(iv + ciphertext)) and sign (sha256(timestamp + nonce + encryptKey + body)).
 */
import { createCipheriv, createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type net from "node:net";
import protobuf from "protobufjs";
import { WebSocketServer, type WebSocket } from "ws";

export interface PlatformCall {
  method: string;
  payload: unknown;
}

export interface Upload {
  fileKey: string;
  fileType: string;
  fileName: string;
  bytes: Buffer;
}

export interface Fault {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * The long connection's frame, as in the SDK's generated `pbbp2` (lib/index.js). SeqID and
 * LogID are uint64 there; the SDK sets protobufjs's shared `util.Long` to undefined, which
 * breaks 64-bit fields in any other protobufjs schema in the process, so they are declared
 * uint32 here: the same varint on the wire for the small values used.
 */
const PROTO = `
syntax = "proto2";
package pbbp2;
message Header { required string key = 1; required string value = 2; }
message Frame {
  required uint32 SeqID = 1; required uint32 LogID = 2; required int32 service = 3; required int32 method = 4;
  repeated Header headers = 5; optional string payloadEncoding = 6; optional string payloadType = 7;
  optional bytes payload = 8; optional string LogIDNew = 9;
}`;
const Frame = protobuf.parse(PROTO, { keepCase: true }).root.lookupType("pbbp2.Frame");

interface FrameData {
  SeqID: number;
  LogID: number;
  service: number;
  method: number;
  headers: Array<{ key: string; value: string }>;
  payload?: Uint8Array;
}

export class FeishuPlatform {
  readonly calls: PlatformCall[] = [];
  readonly tokenRequests: Array<{ app_id: string }> = [];
  readonly issuedTokens: string[] = [];
  readonly uploads = new Map<string, Upload>();
  readonly uuids: string[] = [];
  /** Files users sent (message id + file key → bytes), served by the message-resource API. */
  private readonly userFiles = new Map<string, { name: string; bytes: Buffer }>();
  /** Message-resource downloads served, as `messageId/fileKey`. */
  readonly downloads: string[] = [];
  readonly botOpenId = "ou_bot000000000000000000000000001";
  /** Credentials in the long connection's address, as Feishu's carries them. */
  readonly wsAccessKey = `ak${randomBytes(12).toString("hex")}`;
  readonly wsTicket = `tk${randomBytes(12).toString("hex")}`;
  private readonly faults = new Map<string, Fault[]>();
  private readonly ids = new WeakMap<PlatformCall, string>();
  private nextId = 0;
  private frames = 0;
  private readonly sockets = new Set<WebSocket>();
  private readonly acks = new Map<string, (payload: unknown) => void>();
  private readonly conns = new Set<net.Socket>();
  private wss = new WebSocketServer({ noServer: true });

  private constructor(
    private readonly server: http.Server,
    readonly appId: string,
    private readonly appSecret: string,
  ) {}

  static async start(appId: string, appSecret: string): Promise<FeishuPlatform> {
    let self: FeishuPlatform | null = null;
    const server = http.createServer((req, res) => void self!.route(req, res));
    self = new FeishuPlatform(server, appId, appSecret);
    const p = self;
    server.on("connection", (c) => {
      p.conns.add(c);
      c.on("close", () => p.conns.delete(c));
    });
    server.on("upgrade", (req, socket, head) => {
      if (!req.url?.startsWith("/ws")) return socket.destroy();
      p.wss.handleUpgrade(req, socket, head, (ws) => p.onSocket(ws));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return self;
  }

  get url(): string {
    const a = this.server.address() as net.AddressInfo;
    return `http://127.0.0.1:${a.port}`;
  }

  /**
   * A user's file message: the platform keeps `bytes` under a new message id and file key
   * (fetch them with im.messageResource.get) and returns them with the message's `content`.
   */
  holdUserFile(name: string, bytes: Buffer): { messageId: string; fileKey: string; content: string } {
    const messageId = `om_user_${++this.nextId}`;
    const fileKey = `file_v3_00${this.nextId}_user`;
    this.userFiles.set(`${messageId}/${fileKey}`, { name, bytes });
    return { messageId, fileKey, content: JSON.stringify({ file_key: fileKey, file_name: name }) };
  }

  /** Message API calls since the last take (token and bot-info requests are not messages). */
  takeCalls(): PlatformCall[] {
    return this.calls.splice(0);
  }

  /** Answer the next call of `api` (e.g. "im.message.create") with this instead. */
  failNext(api: string, fault: Fault): void {
    const q = this.faults.get(api) ?? [];
    q.push(fault);
    this.faults.set(api, q);
  }

  /** The message id the platform answered a create or reply call with. */
  messageIdOf(call: PlatformCall): string {
    const id = this.ids.get(call);
    if (!id) throw new Error(`no message id for ${call.method}`);
    return id;
  }

  /** Invalidate every token issued so far (as when they expire early): calls with them get 99991663. */
  revokeTokens(): void {
    this.issuedTokens.splice(0);
  }

  /** Long connection: clients connected now. */
  get connections(): number {
    return this.sockets.size;
  }

  /** Push an event down the long connection; resolves with the client's answer frame payload. */
  async pushEvent(event: unknown): Promise<unknown> {
    const ws = [...this.sockets][0];
    if (!ws) throw new Error("no long-connection client");
    const messageId = `msg_${++this.frames}`;
    const frame = Frame.encode(
      Frame.create({
        SeqID: this.frames,
        LogID: 0,
        service: 1,
        method: 1,
        headers: [
          { key: "type", value: "event" },
          { key: "message_id", value: messageId },
          { key: "sum", value: "1" },
          { key: "seq", value: "0" },
          { key: "trace_id", value: `trace_${this.frames}` },
        ],
        payload: Buffer.from(JSON.stringify(event)),
      }),
    ).finish();
    const answered = new Promise<unknown>((resolve) => this.acks.set(messageId, resolve));
    ws.send(frame);
    return answered;
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    for (const c of this.conns) c.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on("close", () => this.sockets.delete(ws));
    ws.on("message", (raw: Buffer) => {
      const f = Frame.toObject(Frame.decode(raw), { longs: Number, bytes: Buffer }) as FrameData;
      const h = Object.fromEntries(f.headers.map((x) => [x.key, x.value]));
      if (f.method === 0 && h.type === "ping") {
        const pong = { ...f, headers: [{ key: "type", value: "pong" }], payload: Buffer.from(JSON.stringify({ PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 120, ReconnectNonce: 30 })) };
        ws.send(Frame.encode(Frame.create(pong)).finish());
        return;
      }
      const ack = h.message_id ? this.acks.get(h.message_id) : undefined;
      if (ack) {
        this.acks.delete(h.message_id!);
        ack(JSON.parse(Buffer.from(f.payload ?? []).toString("utf8")));
      }
    });
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", this.url);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
      res.end(JSON.stringify(payload));
    };
    const p = url.pathname;
    if (req.method === "POST" && p === "/open-apis/auth/v3/tenant_access_token/internal") {
      const b = JSON.parse(body.toString("utf8")) as { app_id: string; app_secret: string };
      this.tokenRequests.push({ app_id: b.app_id });
      if (b.app_id !== this.appId || b.app_secret !== this.appSecret) return send(200, { code: 10014, msg: "app secret invalid" });
      const token = `t-${randomBytes(18).toString("hex")}`;
      this.issuedTokens.push(token);
      return send(200, { code: 0, msg: "ok", tenant_access_token: token, expire: 7200 });
    }
    if (req.method === "POST" && p === "/callback/ws/endpoint") {
      const b = JSON.parse(body.toString("utf8")) as { AppID: string; AppSecret: string };
      if (b.AppID !== this.appId || b.AppSecret !== this.appSecret) return send(200, { code: 403, msg: "forbidden", data: {} });
      const wsUrl = `${this.url.replace("http", "ws")}/ws?device_id=dev1&access_key=${this.wsAccessKey}&service_id=1&ticket=${this.wsTicket}`;
      return send(200, { code: 0, msg: "ok", data: { URL: wsUrl, ClientConfig: { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 120, ReconnectNonce: 30 } } });
    }
    const auth = req.headers.authorization ?? "";
    if (!this.issuedTokens.includes(auth.replace(/^Bearer /, ""))) {
      return send(400, { code: 99991663, msg: "Invalid access token for authorization. Please make a request with token attached." });
    }
    if (req.method === "GET" && p === "/open-apis/bot/v3/info") {
      return send(200, { code: 0, msg: "ok", bot: { open_id: this.botOpenId, app_name: "申报助手", activate_status: 2 } });
    }
    const resource = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/resources\/([^/]+)$/.exec(p);
    if (req.method === "GET" && resource) {
      const f = this.userFiles.get(`${resource[1]}/${resource[2]}`);
      if (!f || url.searchParams.get("type") !== "file") return send(400, { code: 234003, msg: "File not in msg." });
      this.downloads.push(`${resource[1]}/${resource[2]}`);
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(f.bytes.length), "content-disposition": `attachment; filename="${encodeURIComponent(f.name)}"` });
      res.end(f.bytes);
      return;
    }
    let api: string;
    let payload: Record<string, unknown>;
    const json = () => JSON.parse(body.toString("utf8")) as Record<string, unknown>;
    const msgMatch = /^\/open-apis\/im\/v1\/messages\/([^/]+)(\/reply)?$/.exec(p);
    if (req.method === "POST" && p === "/open-apis/im/v1/messages") {
      const b = json();
      api = "im.message.create";
      payload = { receive_id_type: url.searchParams.get("receive_id_type"), receive_id: b.receive_id, msg_type: b.msg_type, content: JSON.parse(String(b.content)) };
      if (typeof b.uuid === "string") this.uuids.push(b.uuid);
    } else if (req.method === "POST" && msgMatch?.[2]) {
      const b = json();
      api = "im.message.reply";
      payload = { message_id: msgMatch[1], msg_type: b.msg_type, content: JSON.parse(String(b.content)) };
    } else if (req.method === "PATCH" && msgMatch && !msgMatch[2]) {
      api = "im.message.patch";
      payload = { message_id: msgMatch[1], content: JSON.parse(String(json().content)) };
    } else if (req.method === "POST" && p === "/open-apis/im/v1/files") {
      const parts = parseMultipart(body, String(req.headers["content-type"] ?? ""));
      api = "im.file.create";
      const file = parts.get("file");
      payload = { file_type: parts.get("file_type")?.toString("utf8"), file_name: parts.get("file_name")?.toString("utf8"), bytes: file?.length ?? 0 };
      if (!file || file.length === 0) return send(400, { code: 234010, msg: "file is empty" });
    } else {
      return send(404, { code: 404, msg: `no route ${req.method} ${p}` });
    }
    const fault = this.faults.get(api)?.shift();
    if (fault) return send(fault.status, fault.body, fault.headers);
    const call = { method: api, payload };
    this.calls.push(call);
    if (api === "im.file.create") {
      const fileKey = `file_v3_${++this.nextId}`;
      this.uploads.set(fileKey, { fileKey, fileType: String(payload.file_type), fileName: String(payload.file_name), bytes: parseMultipart(body, String(req.headers["content-type"])).get("file")! });
      return send(200, { code: 0, msg: "success", data: { file_key: fileKey } });
    }
    if (api === "im.message.patch") return send(200, { code: 0, msg: "success", data: {} });
    const messageId = `om_${++this.nextId}`;
    this.ids.set(call, messageId);
    return send(200, { code: 0, msg: "success", data: { message_id: messageId, chat_id: payload.receive_id, msg_type: payload.msg_type } });
  }
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** multipart/form-data → field name → bytes. Enough for the SDK's uploads (form-data package). */
function parseMultipart(body: Buffer, contentType: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return out;
  const sep = `--${boundary[1] ?? boundary[2]}`;
  const text = body.toString("latin1");
  for (const part of text.split(sep).slice(1)) {
    if (part.startsWith("--")) break;
    const headEnd = part.indexOf("\r\n\r\n");
    if (headEnd < 0) continue;
    const head = part.slice(0, headEnd);
    const name = /name="([^"]+)"/.exec(head)?.[1];
    if (!name) continue;
    const data = part.slice(headEnd + 4).replace(/\r\n$/, "");
    out.set(name, Buffer.from(data, "latin1"));
  }
  return out;
}

/** Encrypt an event body as Feishu does with an Encrypt Key. */
export function encryptEvent(event: unknown, encryptKey: string): string {
  const key = createHash("sha256").update(encryptKey).digest();
  const iv = randomBytes(16);
  const c = createCipheriv("aes-256-cbc", key, iv);
  return Buffer.concat([iv, c.update(JSON.stringify(event), "utf8"), c.final()]).toString("base64");
}

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

/** The HTTP request Feishu makes for an event: encrypted body, timestamp, nonce and signature headers. */
export function signedRequest(event: unknown, encryptKey: string, opts: { signWith?: string; encryptWith?: string; atMs?: number } = {}): SignedRequest {
  const body = JSON.stringify({ encrypt: encryptEvent(event, opts.encryptWith ?? encryptKey) });
  const timestamp = String(Math.floor((opts.atMs ?? Date.now()) / 1000));
  const nonce = randomBytes(8).toString("hex");
  const signature = createHash("sha256")
    .update(timestamp + nonce + (opts.signWith ?? encryptKey) + body)
    .digest("hex");
  return {
    body,
    headers: { "content-type": "application/json; charset=utf-8", "x-lark-request-timestamp": timestamp, "x-lark-request-nonce": nonce, "x-lark-signature": signature },
  };
}

let seq = 0;
const nextEventId = () => `ev_${Date.now().toString(36)}_${++seq}`;

export interface MessageEventInput {
  eventId?: string;
  token: string;
  appId: string;
  chatId: string;
  chatType?: "p2p" | "group";
  userId: string;
  text?: string;
  messageType?: string;
  content?: unknown;
  mentions?: Array<{ key: string; open_id: string; name: string }>;
  senderType?: string;
  /** The message's id (a file message the platform holds: `holdUserFile`). */
  messageId?: string;
}

/** An `im.message.receive_v1` event body (schema 2.0), as Feishu sends it. */
export function messageEvent(i: MessageEventInput): Record<string, unknown> {
  return {
    schema: "2.0",
    header: { event_id: i.eventId ?? nextEventId(), token: i.token, create_time: String(Date.now()), event_type: "im.message.receive_v1", tenant_key: "tenant1", app_id: i.appId },
    event: {
      sender: { sender_id: { open_id: i.userId, union_id: `on_${i.userId}`, user_id: "u1" }, sender_type: i.senderType ?? "user", tenant_key: "tenant1" },
      message: {
        message_id: i.messageId ?? `om_in_${++seq}`,
        create_time: String(Date.now()),
        chat_id: i.chatId,
        chat_type: i.chatType ?? "p2p",
        message_type: i.messageType ?? "text",
        content: JSON.stringify(i.content ?? { text: i.text ?? "" }),
        ...(i.mentions ? { mentions: i.mentions.map((m) => ({ key: m.key, id: { open_id: m.open_id, union_id: "", user_id: "" }, name: m.name, tenant_key: "tenant1" })) } : {}),
      },
    },
  };
}

/** A `card.action.trigger` callback body (schema 2.0): `userId` pressed a button carrying `value` on `messageId`. */
export function cardActionEvent(i: { eventId?: string; token: string; appId: string; chatId: string; userId: string; messageId: string; value: unknown }): Record<string, unknown> {
  return {
    schema: "2.0",
    header: { event_id: i.eventId ?? nextEventId(), token: i.token, create_time: String(Date.now()), event_type: "card.action.trigger", tenant_key: "tenant1", app_id: i.appId },
    event: {
      operator: { tenant_key: "tenant1", open_id: i.userId, union_id: `on_${i.userId}` },
      token: `c-${randomBytes(8).toString("hex")}`,
      action: { value: i.value, tag: "button" },
      host: "im_message",
      context: { open_message_id: i.messageId, open_chat_id: i.chatId },
    },
  };
}
