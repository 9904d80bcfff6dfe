/* global Excel */
import { CellValue } from "../../workbook/plan-types";
import {
  SheetSnapshot,
  TableSnapshot,
  WorkbookSnapshot,
  isGeneratedSheet,
} from "../../workbook/snapshot";
import { boxAddress, parseBox, splitAddress } from "./addresses";

/**
 * Reading the open workbook into the snapshot the plan is built from, and the selection.
 */

/** Excel's value for a cell as the snapshot holds it: "" (empty) becomes null. */
function cellValue(value: unknown): CellValue {
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value === "" ? null : value;
  return null;
}

/**
 * A used range's values placed from A1: Excel returns only the used rectangle (from, say, B3),
 * the snapshot counts rows and columns from A1. Dates arrive as serial numbers and stay so.
 */
export function cellsFromA1(
  values: readonly (readonly unknown[])[],
  address: string
): CellValue[][] {
  const box = parseBox(splitAddress(address).address);
  const width = box.left - 1 + box.columns;
  const cells: CellValue[][] = [];
  for (let r = 1; r < box.top; r++) cells.push(new Array<CellValue>(width).fill(null));
  for (const row of values) {
    const line = new Array<CellValue>(box.left - 1).fill(null);
    for (let c = 0; c < box.columns; c++) line.push(cellValue(row[c]));
    cells.push(line);
  }
  return cells;
}

/** Cells fetched per band when a workbook is too big for one response. */
const CELLS_PER_BAND = 25_000;
/**
 * Bands per request to start with: 200,000 cells, about 2 MB of numbers and short labels;
 * halved after a refusal, for sheets of long text.
 */
const BANDS_PER_REQUEST = 8;

interface UsedRange {
  values: unknown[][];
  address: string;
}

function isPayloadLimit(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

/**
 * The workbook's sheets and tables in two round trips: the first learns which exist, the second
 * fetches every used range's values and every table's range at once. Only when that answer is
 * too big for one response (Excel on the web: 5 MB) are the cells fetched again in bands.
 */
export async function readWorkbook(): Promise<WorkbookSnapshot> {
  return Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets.load("items/name");
    const tables = context.workbook.tables.load("items/name,items/showTotals,items/worksheet/name");
    await context.sync();

    // valuesOnly: formatting alone does not stretch the range (a bold empty column, say).
    const used = worksheets.items.map((sheet) =>
      sheet.getUsedRangeOrNullObject(true).load("values,address")
    );
    const ranges = tables.items.map((table) => table.getRange().load("address"));
    let contents: (UsedRange | undefined)[];
    let tableAddresses: string[];
    try {
      await context.sync();
      contents = used.map((range) =>
        range.isNullObject ? undefined : { values: range.values, address: range.address }
      );
      tableAddresses = ranges.map((range) => range.address);
    } catch (error) {
      // A refused request delivers nothing: everything it loaded is fetched again.
      if (!isPayloadLimit(error)) throw error;
      ({ contents, tableAddresses } = await readInBands(context, worksheets.items, tables.items));
    }

    const sheets = worksheets.items.map((sheet, i): SheetSnapshot => {
      const found = contents[i];
      const cells = found ? cellsFromA1(found.values, found.address) : [];
      return { name: sheet.name, cells, generated: isGeneratedSheet(cells) };
    });
    const found = tables.items.map((table, i): TableSnapshot => ({
      name: table.name,
      sheet: table.worksheet.name,
      range: splitAddress(tableAddresses[i]).address,
      hasTotalsRow: table.showTotals,
    }));
    return { sheets, tables: found };
  });
}

/**
 * Each sheet's used range, fetched in bands of whole rows, several bands per request; fewer
 * when a request's answer is still too big (long text). The used ranges' addresses come first.
 */
async function readInBands(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  tables: Excel.Table[]
): Promise<{ contents: (UsedRange | undefined)[]; tableAddresses: string[] }> {
  const used = sheets.map((sheet) => sheet.getUsedRangeOrNullObject(true).load("address"));
  const ranges = tables.map((table) => table.getRange().load("address"));
  await context.sync();
  const bands: { sheet: number; address: string }[] = [];
  used.forEach((range, i) => {
    if (range.isNullObject) return;
    const box = parseBox(splitAddress(range.address).address);
    const rows = Math.max(1, Math.floor(CELLS_PER_BAND / box.columns));
    for (let top = box.top; top < box.top + box.rows; top += rows) {
      const height = Math.min(rows, box.top + box.rows - top);
      bands.push({ sheet: i, address: boxAddress({ ...box, top, rows: height }) });
    }
  });
  const contents = used.map((range) =>
    range.isNullObject ? undefined : { values: [] as unknown[][], address: range.address }
  );
  let perRequest = BANDS_PER_REQUEST;
  for (let next = 0; next < bands.length;) {
    const batch = bands.slice(next, next + perRequest);
    const loaded = batch.map((band) => sheets[band.sheet].getRange(band.address).load("values"));
    try {
      // One request per group of bands is the point here: each answer must stay under 5 MB.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      if (!isPayloadLimit(error) || perRequest === 1) throw error;
      perRequest = Math.max(1, Math.floor(perRequest / 2));
      continue;
    }
    // Row by row: push(...rows) spreads onto the stack, which a band of 125,000 rows overflows.
    batch.forEach((band, i) => {
      const into = contents[band.sheet]?.values;
      if (into) for (const row of loaded[i].values) into.push(row);
    });
    next += batch.length;
  }
  return { contents, tableAddresses: ranges.map((range) => range.address) };
}

export interface SelectionSnapshot {
  sheet: string;
  /** The selected rectangle without its sheet, e.g. "A4:C9". */
  address: string;
  /** The selected cells' values, row by row. */
  values: CellValue[][];
  /** The same values placed from A1, as a SheetSnapshot's cells (nothing else of the sheet). */
  cells: CellValue[][];
}

/**
 * "Use the current selection": the selected range's values and where it is, in one round trip.
 * Excel refuses a selection of several areas; that error reaches the caller as it is.
 */
export async function readSelection(): Promise<SelectionSnapshot> {
  return Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load("values,address");
    await context.sync();
    const { sheet = "", address } = splitAddress(range.address);
    return {
      sheet,
      address,
      values: range.values.map((row) => row.map(cellValue)),
      cells: cellsFromA1(range.values, range.address),
    };
  });
}
