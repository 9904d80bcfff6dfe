import {
  NumberFormat,
  PlanCell,
  PlanChart,
  PlanPrint,
  PlanSheet,
  isFigureFormat,
} from "../../workbook/plan-types";
import { columnNumber, parseAddress } from "../../workbook/snapshot";
import { Box, boxAddress } from "./addresses";
import { ExcelInput, formatOf, inputOf, utf8Length, widthInPoints } from "./cells";

/**
 * A plan sheet laid out as the writes Office.js needs: each block, table header and table body
 * one rectangle with one 2-D array of inputs and one of number formats. Pure data, so what gets
 * written (and how big each request is) is decided and tested without Excel.
 */

/** One rectangle written in one go. */
export interface RangeWrite {
  /** The plan sheet it belongs to (the writer maps it to the sheet being built). */
  sheet: string;
  address: string;
  /** Number formats, set before the inputs so text stays text. */
  formats: string[][];
  inputs: ExcelInput[][];
  /** Write through `range.formulas` (some cell is a formula) rather than `range.values`. */
  formulas: boolean;
  /** Rectangles (addresses) to make bold. */
  bold: string[];
  /** Rectangles (addresses) whose text wraps within its column. */
  wrap: string[];
  /** Rectangles (addresses) aligned right: headers over figures. */
  right?: string[];
  cells: number;
  /** Estimated bytes of the request that carries it. */
  bytes: number;
}

export interface TableWrite {
  sheet: string;
  name: string;
  /** Header row and body, without the totals row (Excel adds that itself: showTotals). */
  address: string;
  /** The totals row, written into the row Excel adds below the body. */
  totals?: RangeWrite;
  bytes: number;
}

export interface SheetLayout {
  name: string;
  widths: { column: string; points: number }[];
  /** Rows of wrapped text, as "5:5", with their heights in points. */
  heights: { rows: string; points: number }[];
  /** Rows frozen at the top (the plan's), none when absent. */
  frozenRows?: number;
  /** The plan's print settings, written where the host supports them (ExcelApi 1.9). */
  print?: PlanPrint;
  ranges: RangeWrite[];
  tables: TableWrite[];
  charts: PlanChart[];
}

/** JSON and addressing around each write, beyond its arrays. */
const OVERHEAD_BYTES = 256;

function start(topLeft: string, what: string): { row: number; column: number } {
  const at = parseAddress(topLeft);
  if (!at) throw new Error(`${what}: ${JSON.stringify(topLeft)} is not a cell address`);
  return at;
}

/** The bold cells of a grid as few rectangles: runs along each row, stacked where they match. */
export function boldRectangles(grid: boolean[][], top: number, left: number): string[] {
  const open = new Map<string, Box>();
  const done: Box[] = [];
  grid.forEach((row, r) => {
    const runs = new Set<string>();
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      let end = c;
      while (end + 1 < row.length && row[end + 1]) end++;
      const key = `${c}:${end}`;
      runs.add(key);
      const box = open.get(key);
      if (box && box.top + box.rows === top + r) box.rows++;
      else {
        if (box) done.push(box);
        open.set(key, { top: top + r, left: left + c, rows: 1, columns: end - c + 1 });
      }
      c = end;
    }
    for (const [key, box] of open) {
      if (!runs.has(key)) {
        done.push(box);
        open.delete(key);
      }
    }
  });
  done.push(...open.values());
  return done.map(boxAddress);
}

function rangeWrite(
  sheet: string,
  top: number,
  left: number,
  rows: (PlanCell | undefined)[][],
  columns: number,
  retarget: (formula: string) => string,
  columnFormats: (NumberFormat | undefined)[] = [],
  empty: null | "" = null
): RangeWrite {
  const inputs: ExcelInput[][] = [];
  const formats: string[][] = [];
  const bold: boolean[][] = [];
  const wrap: boolean[][] = [];
  const right: boolean[][] = [];
  let formulas = false;
  for (const row of rows) {
    const inputRow: ExcelInput[] = [];
    const formatRow: string[] = [];
    const boldRow: boolean[] = [];
    const wrapRow: boolean[] = [];
    const rightRow: boolean[] = [];
    for (let c = 0; c < columns; c++) {
      const cell = row[c];
      if (cell?.formula !== undefined) formulas = true;
      inputRow.push(inputOf(cell, retarget, empty));
      formatRow.push(formatOf(cell, columnFormats[c]));
      boldRow.push(!!cell?.bold);
      wrapRow.push(!!cell?.wrap);
      rightRow.push(!!cell?.alignRight);
    }
    inputs.push(inputRow);
    formats.push(formatRow);
    bold.push(boldRow);
    wrap.push(wrapRow);
    right.push(rightRow);
  }
  const write: RangeWrite = {
    sheet,
    address: boxAddress({ top, left, rows: rows.length, columns }),
    formats,
    inputs,
    formulas,
    bold: boldRectangles(bold, top, left),
    wrap: boldRectangles(wrap, top, left),
    right: boldRectangles(right, top, left),
    cells: rows.length * columns,
    bytes: 0,
  };
  write.bytes = bytesOf(write);
  return write;
}

export function bytesOf(
  write: Pick<RangeWrite, "inputs" | "formats" | "bold"> & { wrap?: string[]; right?: string[] }
): number {
  return (
    utf8Length(JSON.stringify(write.inputs)) +
    utf8Length(JSON.stringify(write.formats)) +
    OVERHEAD_BYTES *
      (2 + write.bold.length + (write.wrap?.length ?? 0) + (write.right?.length ?? 0))
  );
}

/**
 * Lays out one plan sheet. Ragged block rows are padded with null, which leaves the cells
 * beyond a short row alone, so a block never blanks a neighbour.
 */
export function layoutSheet(sheet: PlanSheet, retarget: (formula: string) => string): SheetLayout {
  const ranges: RangeWrite[] = [];
  for (const block of sheet.blocks) {
    if (block.rows.length === 0) continue;
    const at = start(block.topLeft, `a block on ${sheet.name}`);
    const columns = block.rows.reduce((n, row) => Math.max(n, row.length), 1);
    ranges.push(rangeWrite(sheet.name, at.row, at.column, block.rows, columns, retarget));
  }
  const tables: TableWrite[] = [];
  for (const table of sheet.tables) {
    const at = start(table.topLeft, `table ${table.name}`);
    const columns = table.columns.length;
    const header = rangeWrite(
      sheet.name,
      at.row,
      at.column,
      [
        table.columns.map((column) => ({
          value: column.header,
          bold: true,
          wrap: column.wrapHeader,
          alignRight: isFigureFormat(column.format),
        })),
      ],
      columns,
      retarget
    );
    ranges.push(header);
    const formats = table.columns.map((column) => column.format);
    if (table.rows.length > 0) {
      ranges.push(
        rangeWrite(sheet.name, at.row + 1, at.column, table.rows, columns, retarget, formats)
      );
    }
    // Excel keeps at least one body row: an empty table still spans one blank row.
    const bodyRows = Math.max(1, table.rows.length);
    const totals = table.totals
      ? rangeWrite(
          sheet.name,
          at.row + bodyRows + 1,
          at.column,
          [table.totals],
          columns,
          retarget,
          formats,
          // Blank totals cells are cleared: Excel puts its own SUBTOTAL in the last column.
          ""
        )
      : undefined;
    tables.push({
      sheet: sheet.name,
      name: table.name,
      address: boxAddress({ top: at.row, left: at.column, rows: bodyRows + 1, columns }),
      totals,
      bytes: OVERHEAD_BYTES * 4 + (totals?.bytes ?? 0),
    });
  }
  return {
    name: sheet.name,
    widths: Object.entries(sheet.widths)
      .filter(([column, width]) => /^[A-Z]{1,3}$/i.test(column) && width > 0)
      .sort(([a], [b]) => columnNumber(a) - columnNumber(b))
      .map(([column, width]) => ({ column: column.toUpperCase(), points: widthInPoints(width) })),
    heights: Object.entries(sheet.heights ?? {})
      .filter(([row, points]) => Number(row) > 0 && points > 0)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([row, points]) => ({ rows: `${row}:${row}`, points })),
    frozenRows: sheet.frozenRows,
    print: sheet.print,
    ranges,
    tables,
    charts: sheet.charts,
  };
}

/**
 * Splits a write into bands of whole rows of at most `maxBytes` each (a single row that is
 * larger still goes alone): only very large table bodies, to keep each request under the limit.
 */
export function splitRows(write: RangeWrite, maxBytes: number): RangeWrite[] {
  if (write.bytes <= maxBytes || write.inputs.length <= 1) return [write];
  const rowBytes = write.inputs.map(
    (row, r) => utf8Length(JSON.stringify(row)) + utf8Length(JSON.stringify(write.formats[r])) + 2
  );
  const [first] = write.address.split(":");
  const at = start(first, write.sheet);
  const columns = write.inputs[0].length;
  const parts: RangeWrite[] = [];
  let from = 0;
  while (from < write.inputs.length) {
    let to = from;
    let size = OVERHEAD_BYTES * 2 + rowBytes[from];
    while (to + 1 < write.inputs.length && size + rowBytes[to + 1] <= maxBytes) {
      size += rowBytes[++to];
    }
    const top = at.row + from;
    const inputs = write.inputs.slice(from, to + 1);
    const formats = write.formats.slice(from, to + 1);
    const within = (address: string) => {
      const row = start(address.split(":")[0], write.sheet).row;
      return row >= top && row <= at.row + to;
    };
    const bold = write.bold.filter(within);
    const wrap = write.wrap.filter(within);
    const right = (write.right ?? []).filter(within);
    parts.push({
      sheet: write.sheet,
      address: boxAddress({ top, left: at.column, rows: inputs.length, columns }),
      formats,
      inputs,
      formulas: write.formulas,
      bold,
      wrap,
      right,
      cells: inputs.length * columns,
      bytes: size + OVERHEAD_BYTES * (bold.length + wrap.length + right.length),
    });
    from = to + 1;
  }
  return parts;
}
