import { isoFromSerial } from "../engine/dates";
import { quote } from "../engine/text";
import { InputProblem } from "./locate";
import { CellValue } from "./plan-types";

/**
 * Claim references seen so far in the Claims table. The column is optional: without it two
 * identical rows are two claims (one window, one outcome type and the same count is common in a
 * council's log), so nothing is reported; with it, a reference given twice is one claim entered
 * twice. Blank references are allowed. References match whatever their case and outer spaces.
 */
export class ClaimReferences {
  private readonly first = new Map<string, { cell: string; times: number }>();

  constructor(private readonly sheet: string) {}

  /** The problem when `value` was given before (named at this cell, pointing at the first). */
  check(value: CellValue, cell: string): InputProblem | undefined {
    if (value === null || typeof value === "boolean") return undefined;
    const key = String(value).trim().toUpperCase();
    if (key === "") return undefined;
    const seen = this.first.get(key);
    if (!seen) {
      this.first.set(key, { cell, times: 1 });
      return undefined;
    }
    seen.times++;
    const times = seen.times === 2 ? "twice" : `${seen.times} times`;
    return {
      sheet: this.sheet,
      cell,
      reason: `claim reference ${quote(value)} appears ${times} (also ${this.sheet}!${seen.cell}): each claim is made once, so remove the repeated row or correct its reference.`,
    };
  }
}

/** A claim dated after today cannot have been made: most often a mistyped year. */
export function futureClaim(
  date: number,
  today: number | undefined,
  sheet: string,
  cell: string
): InputProblem | undefined {
  if (today === undefined || date <= Math.floor(today)) return undefined;
  return {
    sheet,
    cell,
    reason: `the claim date ${isoFromSerial(date)} is in the future (today is ${isoFromSerial(today)}): a claim is entered once it has been made, so correct the date.`,
  };
}
