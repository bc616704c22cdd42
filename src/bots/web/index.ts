export { WebAdapter, type WebAdapterOptions, type WebEvent } from "./web-adapter.ts";
export { SESSION_COOKIE, chatIdOf } from "./session.ts";
