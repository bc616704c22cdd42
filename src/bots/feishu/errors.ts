import { AppError } from "../../shared/errors.ts";

/** The open platform answered a call with a non-zero `code` (or an HTTP error). `code` is Feishu's. */
export class FeishuApiError extends AppError {
  readonly code = "FEISHU_API";
  constructor(
    readonly api: string,
    readonly feishuCode: number | null,
    readonly httpStatus: number | null,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${api} failed: code=${feishuCode ?? "-"} http=${httpStatus ?? "-"} ${detail}`, options);
  }
}

/** Still rate-limited after the retries; the outbox keeps durable messages for a later flush. */
export class FeishuRateLimitedError extends AppError {
  readonly code = "FEISHU_RATE_LIMITED";
}
