/**
 * Errors are values, not exceptions: every engine function that can meet bad input returns a
 * FundingError, which each adapter maps to its own form (an Excel error, a CLI exit status).
 * The kind follows Excel's conventions: `value` for the wrong kind of input (text where a number
 * belongs, an unknown name), `num` for a number out of range, `na` for missing data,
 * `div0` for a calculation with nothing to divide by.
 */
export type ErrorKind = "value" | "num" | "na" | "div0";

export const EXCEL_ERROR_TEXT: Record<ErrorKind, string> = {
  value: "#VALUE!",
  num: "#NUM!",
  na: "#N/A",
  div0: "#DIV/0!",
};

export class FundingError {
  readonly kind: ErrorKind;
  readonly message: string;

  constructor(kind: ErrorKind, message: string) {
    this.kind = kind;
    this.message = message;
  }

  get excelText(): string {
    return EXCEL_ERROR_TEXT[this.kind];
  }

  toString(): string {
    return `${this.excelText} ${this.message}`;
  }
}

export type Result<T> = T | FundingError;

export function isError(value: unknown): value is FundingError {
  return value instanceof FundingError;
}

/** Collects the values of a list of results, or returns the first error among them. */
export function allOk<T>(results: readonly Result<T>[]): Result<T[]> {
  const values: T[] = [];
  for (const result of results) {
    if (isError(result)) return result;
    values.push(result);
  }
  return values;
}
