import { utcFromSerial } from "../../engine/dates";
import { CellValue, NumberFormat, PlanCell } from "../../workbook/plan-types";

/*
 * A plan cell's cached value as a report prints it, by the cell's number format (or its
 * column's): the text Excel would show for the plan's format codes, in the en-GB style.
 */

const WHOLE = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const PENCE = new Intl.NumberFormat("en-GB", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const UP_TO_TWO = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const GENERAL = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 10, useGrouping: false });

/** Whole pounds rounded half away from zero, as Excel's "£"#,##0 shows them. */
const roundHalfUp = (n: number, places: number): number => {
  const scale = 10 ** places;
  return (Math.sign(n) * Math.round(Math.abs(n) * scale + 1e-9)) / scale;
};

function money(n: number, pence: boolean): string {
  const rounded = roundHalfUp(n, pence ? 2 : 0);
  const text = (pence ? PENCE : WHOLE).format(Math.abs(rounded));
  return `${rounded < 0 ? "-" : ""}£${text}`;
}

/** dd/mm/yyyy of an Excel date serial. */
function date(serial: number): string {
  const d = utcFromSerial(serial);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** A number as the format shows it. */
function numberText(n: number, format: NumberFormat): string {
  switch (format) {
    case "money":
      return money(n, false);
    case "money-pence":
      return money(n, true);
    case "count":
      return WHOLE.format(roundHalfUp(n, 0));
    case "families":
      return WHOLE.format(roundHalfUp(n, 0));
    case "families-fraction":
      // Fractions of families are kept only with rounding "none": two places, as the sheet shows.
      return UP_TO_TWO.format(roundHalfUp(n, 2));
    case "percent":
      return `${roundHalfUp(n * 100, 1).toFixed(1)}%`;
    case "date":
      return date(n);
    case "text":
    case "general":
      return GENERAL.format(n);
  }
}

/** The text a printed report shows for a value in a format: never TRUE/FALSE, never a formula. */
export function valueText(value: CellValue, format: NumberFormat = "general"): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "";
  return numberText(value, format);
}

/** The format that decides a cell's text: its own, else its column's. */
export const formatOf = (cell: PlanCell, column?: NumberFormat): NumberFormat =>
  cell.format ?? column ?? "general";

/** A cell's text in a report: its cached value (never its formula) in its format. */
export const cellText = (cell: PlanCell, column?: NumberFormat): string =>
  valueText(cell.value, formatOf(cell, column));

/** Whether a cell prints as a figure, which lines up on the right. */
export const isFigure = (cell: PlanCell, column?: NumberFormat): boolean =>
  typeof cell.value === "number" && !["text"].includes(formatOf(cell, column));
