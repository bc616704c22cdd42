/** What the web chat's server says to users (the page's own texts are in public/texts.js). */
export const webTexts = {
  errors: {
    BUSY: "系统繁忙，请稍后再试。您的消息未发送，可点击「发送」重试。",
    STOPPING: "服务正在重启，请稍后再试。您的消息未发送。",
    NO_SESSION: "会话已失效，请刷新页面。",
    BAD_REQUEST: "请求格式不正确。",
    UNKNOWN_FIELD: "请求中含有无法识别的内容，消息未发送。请刷新页面后重试。",
    UNSUPPORTED_TYPE: "请求格式不受支持，请使用页面发送消息。",
    TOO_LARGE: "消息过长，请精简后再发送。",
    STALE_BUTTON: "该按钮已失效，请使用最新消息中的按钮。",
    NOT_FOUND: "文件不存在，或您无权下载。",
    RATE: "发送过于频繁，请稍后再试。",
  },
} as const;

export type WebErrorCode = keyof typeof webTexts.errors;
