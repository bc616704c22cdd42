/**
 * Base class for expected failures. `message` is English, for logs; users see the
 * Chinese text looked up by `code` in the area's texts.ts, never `message`.
 */
export abstract class AppError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
