import { CellValue, NUMBER_FORMATS, NumberFormat, PlanCell } from "../../workbook/plan-types";

/**
 * How one plan cell becomes what Office.js is given: the input (a value, or "=" + formula) and
 * the number format that must be in place before it.
 */

/** What a `range.values` / `range.formulas` array holds. null leaves a cell as it is. */
export type ExcelInput = string | number | boolean | null;

/** Excel's number format for text: a cell with it stores whatever it is given as text. */
export const TEXT_FORMAT = "@";
const GENERAL = "General";

const MONTH = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/,]*\d/i;

/**
 * Whether Excel would store this text as the same text when it is typed into a cell formatted
 * General. Excel parses what it is given through `values` and `formulas` as if typed: "=…",
 * "+…", "-…" and "@…" become formulas, "'…" loses its apostrophe, "007" a number, "TRUE" a
 * boolean, "2014-05-31" and "May 2014" dates, "#N/A" an error. Anything that does not start with
 * a letter, or looks like a boolean or a month, is treated as at risk — erring that way only
 * costs a text format on a label.
 */
export function staysText(text: string): boolean {
  if (!/^[A-Za-z]/.test(text)) return false;
  if (/^(true|false)$/i.test(text.trim())) return false;
  return !MONTH.test(text);
}

/**
 * The input for one cell. A formula cell gets "=" + its formula (its cached value is Excel's to
 * compute); any other cell its value. Text is passed as it is: the TEXT format set before it
 * (see formatOf) is what keeps "=x" from becoming a formula, so the cell holds exactly the text,
 * with no apostrophe for a later read-and-write-back to lose (office-js issue #6687).
 *
 * @param retarget rewrites sheet references (see retargetFormula)
 * @param empty what a blank cell becomes: null leaves the cell alone, "" clears it
 */
export function inputOf(
  cell: PlanCell | undefined,
  retarget: (formula: string) => string,
  empty: null | "" = null
): ExcelInput {
  if (!cell) return empty;
  if (cell.formula !== undefined) return `=${retarget(cell.formula)}`;
  return valueInput(cell.value, empty);
}

function valueInput(value: CellValue, empty: null | ""): ExcelInput {
  if (value === null || value === "") return empty;
  if (typeof value === "number" && !Number.isFinite(value)) {
    // JSON would send NaN as null and Excel would leave the cell blank: a silently wrong sheet.
    throw new Error(`the plan holds a number Excel cannot store: ${value}`);
  }
  return value;
}

/**
 * The number format for a cell. A formula cell never gets TEXT: Excel stores a formula typed
 * into a text cell as text, so the report sentence (a text formula) is written as General. Text
 * that Excel would parse gets TEXT whatever its column's format, set before the value.
 */
export function formatOf(cell: PlanCell | undefined, columnFormat?: NumberFormat): string {
  const format = cell?.format ?? columnFormat;
  if (cell?.formula !== undefined) {
    return format === undefined || format === "text" ? GENERAL : NUMBER_FORMATS[format];
  }
  if (typeof cell?.value === "string" && cell.value !== "" && !staysText(cell.value)) {
    return TEXT_FORMAT;
  }
  return format === undefined ? GENERAL : NUMBER_FORMATS[format];
}

/**
 * Column width in points for a width in characters. Excel measures a column in characters of
 * the default font's digit (7 px in Calibri 11) plus 5 px of padding, and Office.js sets it in
 * points (0.75 pt per px): the standard 8.43 characters is 64 px, 48 pt.
 */
export function widthInPoints(characters: number): number {
  return Math.round((Math.round(characters * 7) + 5) * 0.75 * 100) / 100;
}

/**
 * UTF-8 length of a string: Excel on the web limits a request to 5 MB of JSON, and "£" in every
 * money format is two bytes of it.
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
