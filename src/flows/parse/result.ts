/**
 * Result shape shared by every parser in this folder. A failure carries an error `code`
 * (looked up in texts.ts for the Chinese message) and, for some codes, `params` that the
 * message template interpolates (e.g. how many characters were given).
 */
export type ParamValue = string | number;

export interface ParseOk<T> {
  readonly ok: true;
  readonly value: T;
}

export interface ParseFail<C extends string> {
  readonly ok: false;
  readonly code: C;
  readonly params?: Readonly<Record<string, ParamValue>>;
}

export type ParseResult<T, C extends string, Extra extends object = object> =
  | (ParseOk<T> & Extra)
  | ParseFail<C>;

export function fail<C extends string>(code: C, params?: Record<string, ParamValue>): ParseFail<C> {
  return params ? { ok: false, code, params } : { ok: false, code };
}
