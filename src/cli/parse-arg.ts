import { ExcelArg, ExcelScalar } from "../functions/excel-args";

export class UsageError extends Error {}

/**
 * A file the command cannot use (missing, not an .xlsx, damaged): a usage error (exit status 2)
 * whose one-line message already says what to do, so no "run help" hint follows it.
 */
export class BadFileError extends UsageError {}

/**
 * An argument read as an option: "--name=value" is --name with its value inline; anything else
 * ("--name", "-o", a file) is itself, its value (if it takes one) the next argument.
 */
export function splitOption(arg: string): { name: string; inline?: string } {
  const equals = arg.startsWith("--") ? arg.indexOf("=") : -1;
  return equals > 0 ? { name: arg.slice(0, equals), inline: arg.slice(equals + 1) } : { name: arg };
}

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

function scalar(value: unknown, where: string): ExcelScalar {
  if (
    value === null ||
    typeof value === "number" ||
    typeof value === "string" ||
    typeof value === "boolean"
  )
    return value;
  throw new UsageError(`${where} must hold only numbers, text, true/false or null.`);
}

/**
 * One command-line argument as Excel would pass it: a number, text, "" for an omitted optional
 * argument, or a JSON 2-D array for a range ([[1],[2]]). A lone JSON row ([1,2]) is a one-row
 * range. Text that is not a number stays text, exactly as a cell would.
 */
export function parseArg(text: string, position: number): ExcelArg {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (NUMBER.test(trimmed)) return Number(trimmed);
  if (/^true$/i.test(trimmed)) return true;
  if (/^false$/i.test(trimmed)) return false;
  if (trimmed.startsWith("[")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new UsageError(
        `argument ${position} looks like a range but is not valid JSON: write it as [[1],[2]].`
      );
    }
    if (!Array.isArray(parsed)) throw new UsageError(`argument ${position} must be a JSON array.`);
    const rows = parsed.every((row) => Array.isArray(row)) ? (parsed as unknown[][]) : [parsed];
    if (rows.length === 0 || rows.some((row) => row.length === 0)) {
      throw new UsageError(`argument ${position} is an empty range: give at least one cell.`);
    }
    return rows.map((row) => row.map((cell) => scalar(cell, `argument ${position}`)));
  }
  return text;
}
