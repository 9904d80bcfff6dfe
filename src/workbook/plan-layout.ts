import {
  CellValue,
  NumberFormat,
  PlanCell,
  PlanHeaderFooter,
  PlanPrint,
  PlanSheet,
} from "./plan-types";
import { address, columnLetters, parseAddress } from "./snapshot";

/**
 * The print layout of a plan sheet, worked out from its cells so that any sheet (an input sheet,
 * a generated one, one added later) gets it by default: column widths that fit the longest
 * label or value, long text wrapped, the table header frozen and repeated on every page, and a
 * print area below the helper lines, fitted to one page wide with the title in the page header.
 */

/** Rows 1-3 of a generated sheet: the title, the note under it and the marker row. */
export const HELPER_ROWS = 3;
/** Widest a column grows (characters): longer text wraps within it. */
export const MAX_WIDTH = 50;
/** Narrowest a column whose header wraps is made (characters). */
const MIN_WRAPPED_HEADER = 14;
const MIN_WIDTH = 8;
/** A table header this near the top sits under the title: freeze down to it and repeat it. */
const FREEZE_WITHIN_ROWS = 5;
/** Points per line of wrapped 11-point text. */
export const LINE_POINTS = 15;
/** Printable width of A4 portrait with half-inch side margins, in screen pixels (96 per inch). */
const PORTRAIT_PIXELS = Math.floor((8.27 - 1) * 96);

export interface PrintContext {
  /** The authority named in the workbook (its Assumptions table), for the page header. */
  authority?: string;
  /**
   * Rows at the top kept off the page (the title and helper lines); the title is printed in the
   * page header instead. HELPER_ROWS for generated sheets.
   */
  helperRows?: number;
}

const GROUPED = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const GROUPED_2 = new Intl.NumberFormat("en-GB", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** The text a cell shows in its number format (close enough to measure its width). */
export function shownText(value: CellValue, format: NumberFormat | undefined): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  switch (format) {
    case "money":
      return `${value < 0 ? "-" : ""}£${GROUPED.format(Math.abs(value))}`;
    case "money-pence":
      return `${value < 0 ? "-" : ""}£${GROUPED_2.format(Math.abs(value))}`;
    case "count":
    case "families":
      return GROUPED.format(value);
    case "families-fraction":
      return GROUPED_2.format(value);
    case "percent":
      return `${(value * 100).toFixed(1)}%`;
    case "date":
      return "00/00/0000";
    default:
      return String(Number(value.toPrecision(11)));
  }
}

/**
 * Width in characters (of Calibri 11's digit, the unit of Excel's column widths) that a text
 * needs, with the cell's padding: letters run a little narrower than digits on average.
 */
export const widthOf = (text: string, bold: boolean | undefined, digits = false): number =>
  text.length === 0 ? 0 : text.length * (digits ? 1 : 0.95) * (bold ? 1.1 : 1) + 2;

/** Lines a text takes when wrapped at word breaks within a column `width` characters wide. */
export function wrappedLines(text: string, width: number, bold?: boolean): number {
  const room = Math.max(1, Math.floor((width - 2) / (bold ? 1.05 : 0.95)));
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const needed = line === 0 ? word.length : line + 1 + word.length;
      if (needed <= room) line = needed;
      else if (line === 0) {
        // A word longer than the line breaks across lines.
        lines += Math.ceil(word.length / room) - 1;
        line = word.length % room || room;
      } else {
        lines++;
        line = Math.min(word.length, room);
        if (word.length > room) lines += Math.ceil(word.length / room) - 1;
      }
    }
  }
  return lines;
}

interface Placed {
  cell: PlanCell;
  format?: NumberFormat;
  /** A row of one cell: its text may run over the empty cells to its right. */
  alone: boolean;
  /** A table header: its text may wrap (set on the column). */
  header?: { column: { header: string; wrapHeader?: boolean } };
}

/** Every cell of the sheet by position, blocks then tables (a later one wins, as the writers). */
function placed(sheet: PlanSheet): Map<number, Map<number, Placed>> {
  const grid = new Map<number, Map<number, Placed>>();
  const put = (row: number, column: number, entry: Placed) => {
    let line = grid.get(row);
    if (!line) grid.set(row, (line = new Map()));
    line.set(column, entry);
  };
  for (const block of sheet.blocks) {
    const at = parseAddress(block.topLeft);
    if (!at) continue;
    block.rows.forEach((row, r) => {
      const alone = row.filter((cell) => cell.value !== null || cell.formula).length <= 1;
      row.forEach((cell, c) =>
        put(at.row + r, at.column + c, { cell, format: cell.format, alone: alone && c === 0 })
      );
    });
  }
  for (const table of sheet.tables) {
    const at = parseAddress(table.topLeft);
    if (!at) continue;
    table.columns.forEach((column, c) =>
      put(at.row, at.column + c, {
        cell: { value: column.header, bold: true },
        alone: false,
        header: { column },
      })
    );
    const body = Math.max(1, table.rows.length);
    table.rows.forEach((row, r) =>
      row.forEach((cell, c) =>
        put(at.row + 1 + r, at.column + c, {
          cell,
          format: cell.format ?? table.columns[c]?.format,
          alone: false,
        })
      )
    );
    table.totals?.forEach((cell, c) =>
      put(at.row + 1 + body, at.column + c, {
        cell: { ...cell, bold: true },
        format: cell.format ?? table.columns[c]?.format,
        alone: false,
      })
    );
  }
  return grid;
}

/** Text in a header or footer: & is Excel's code character, so a literal one is doubled. */
export const headerText = (text: string): string => text.replace(/&/g, "&&");

/** The sheet's title: the text in A1, or its name. */
function titleOf(sheet: PlanSheet): string {
  for (const block of sheet.blocks) {
    if (block.topLeft.toUpperCase() !== "A1") continue;
    const first = block.rows[0]?.[0]?.value;
    if (typeof first === "string" && first.trim()) return first.trim();
  }
  return sheet.name;
}

/** The page header: the authority (if the workbook names one), the title, and the date. */
export function pageHeader(sheet: PlanSheet, authority?: string): PlanHeaderFooter {
  return {
    left: authority?.trim() ? headerText(authority.trim()) : "",
    center: `&"-,Bold"${headerText(titleOf(sheet))}`,
    right: "&D",
  };
}

/** A header or footer as one string of Excel's codes: &L left, &C centre, &R right. */
export const headerFooterCode = (part: PlanHeaderFooter): string =>
  (part.left ? `&L${part.left}` : "") +
  (part.center ? `&C${part.center}` : "") +
  (part.right ? `&R${part.right}` : "");

export const PAGE_FOOTER: PlanHeaderFooter = { left: "", center: "Page &P of &N", right: "" };

/** Pixels Excel draws a column of `width` characters in (7 per digit plus 5 of padding). */
const pixels = (width: number) => Math.round(width * 7) + 5;

/**
 * Lays out a sheet for screen and print, in place: widths, wrapping and row heights from its
 * cells, frozen header rows and the print settings. Widths already set for a column are kept
 * only when wider (a writer's minimum).
 */
export function layoutForPrint(sheet: PlanSheet, context: PrintContext = {}): PlanSheet {
  const helperRows = context.helperRows ?? HELPER_ROWS;
  const grid = placed(sheet);
  const natural = new Map<number, number>();
  const headerNeeds = new Map<number, number>();
  let lastColumn = 1;
  let lastRow = 0;
  let firstRow = Infinity;
  for (const [row, line] of grid) {
    for (const [column, entry] of line) {
      const text = shownText(entry.cell.value, entry.format);
      if (!text && entry.cell.formula === undefined && !entry.header) continue;
      lastRow = Math.max(lastRow, row);
      if (row > helperRows) firstRow = Math.min(firstRow, row);
      if (entry.alone) continue;
      lastColumn = Math.max(lastColumn, column);
      const width = widthOf(text, entry.cell.bold, typeof entry.cell.value === "number");
      if (entry.header) {
        // A header may wrap to the width of its longest word.
        const longestWord = Math.max(...text.split(/\s+/).map((word) => widthOf(word, true)));
        headerNeeds.set(
          column,
          Math.max(
            headerNeeds.get(column) ?? 0,
            Math.min(width, Math.max(longestWord, MIN_WRAPPED_HEADER))
          )
        );
      } else natural.set(column, Math.max(natural.get(column) ?? 0, width));
    }
  }
  const widths: Record<string, number> = {};
  const widthAt = new Map<number, number>();
  for (let column = 1; column <= lastColumn; column++) {
    const body = natural.get(column) ?? 0;
    const header = headerNeeds.get(column) ?? 0;
    const given = sheet.widths[columnLetters(column)] ?? 0;
    const width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.max(body, header)), given);
    const rounded = Math.ceil(width);
    widths[columnLetters(column)] = rounded;
    widthAt.set(column, rounded);
  }

  // Wrap what does not fit its column; a row is as tall as its most wrapped cell.
  const heights: Record<number, number> = {};
  for (const [row, line] of grid) {
    let lines = 1;
    for (const [column, entry] of line) {
      if (entry.alone) continue;
      const text = shownText(entry.cell.value, entry.format);
      const width = widthAt.get(column) ?? MIN_WIDTH;
      if (widthOf(text, entry.cell.bold) <= width) continue;
      if (entry.header) entry.header.column.wrapHeader = true;
      else if (typeof entry.cell.value === "string") entry.cell.wrap = true;
      else continue;
      lines = Math.max(lines, wrappedLines(text, width, entry.cell.bold));
    }
    if (lines > 1) heights[row] = lines * LINE_POINTS;
  }
  // A table's headers wrap alike, so they line up along the bottom of the header row.
  for (const table of sheet.tables) {
    if (table.columns.some((column) => column.wrapHeader))
      for (const column of table.columns) column.wrapHeader = true;
  }

  // Text alone on its row runs over the empty cells to its right: print as far as it runs.
  let printColumn = lastColumn;
  for (const [row, line] of grid) {
    if (row <= helperRows) continue;
    for (const [column, entry] of line) {
      if (!entry.alone) continue;
      let room = widthOf(shownText(entry.cell.value, entry.format), entry.cell.bold);
      let end = column;
      while (room > (widthAt.get(end) ?? MIN_WIDTH)) room -= widthAt.get(end++) ?? MIN_WIDTH;
      printColumn = Math.max(printColumn, end);
    }
  }
  // The charts print with their sheet: the area reaches each one's bottom-right cell.
  for (const chart of sheet.charts) {
    const corner = parseAddress(chart.to);
    if (!corner) continue;
    lastRow = Math.max(lastRow, corner.row);
    printColumn = Math.max(printColumn, corner.column);
  }
  for (let column = lastColumn + 1; column <= printColumn; column++) {
    widthAt.set(column, MIN_WIDTH);
  }

  const header = sheet.tables.length === 1 ? parseAddress(sheet.tables[0].topLeft) : undefined;
  const frozen = header && header.row <= FREEZE_WITHIN_ROWS ? header.row : undefined;
  let printed = 0;
  for (let column = 1; column <= printColumn; column++)
    printed += pixels(widthAt.get(column) ?? MIN_WIDTH);
  const top = firstRow === Infinity ? 1 : firstRow;
  const print: PlanPrint = {
    orientation: printed > PORTRAIT_PIXELS ? "landscape" : "portrait",
    area: `${address(top, 1)}:${address(Math.max(top, lastRow), printColumn)}`,
    titleRows: frozen !== undefined && frozen >= top ? [frozen, frozen] : undefined,
    header: pageHeader(sheet, context.authority),
    footer: PAGE_FOOTER,
  };
  sheet.widths = widths;
  sheet.heights = heights;
  sheet.frozenRows = frozen;
  sheet.print = print;
  return sheet;
}
