/* global Excel */
import { PlanChart } from "../../workbook/plan-types";
import { splitAddress } from "./addresses";
import { RangeWrite, SheetLayout, TableWrite } from "./layout";

/**
 * The units a build is made of, each queuing its Office.js operations on the proxies of one
 * Excel.run, with its estimated size so they can be packed into requests under the limit.
 */

export const SMALL_STEP_BYTES = 512;

export const TABLE_STYLE = "TableStyleMedium2";

export interface Step {
  bytes: number;
  cells: number;
  queue: (build: Build) => void;
}

/** What the steps write with: proxies made in this Excel.run. */
export interface Build {
  workbook: Excel.Workbook;
  /** The new sheet for a plan sheet (lower-cased name). */
  sheets: Map<string, Excel.Worksheet>;
  tables: Map<string, Excel.Table>;
}

/** Greedy packing of steps, in order, into requests of at most `budget` bytes each. */
export function packBatches<T extends { bytes: number }>(
  steps: readonly T[],
  budget: number
): T[][] {
  const batches: T[][] = [[]];
  let size = 0;
  for (const step of steps) {
    const current = batches[batches.length - 1];
    if (current.length > 0 && size + step.bytes > budget) {
      batches.push([step]);
      size = step.bytes;
    } else {
      current.push(step);
      size += step.bytes;
    }
  }
  return batches;
}

/** Whether a write holds a formula with a structured reference (Table[Column]). */
export function mentionsTable(write: RangeWrite): boolean {
  return (
    write.formulas &&
    write.inputs.some((row) =>
      row.some((v) => typeof v === "string" && v.startsWith("=") && v.includes("["))
    )
  );
}

/** What the host supports beyond ExcelApi 1.1 (Office.context.requirements), asked once. */
export interface HostSupport {
  /** worksheet.freezePanes: ExcelApi 1.7. */
  freeze: boolean;
  /** worksheet.pageLayout: ExcelApi 1.9. On an older Excel the sheets are written unprinted. */
  print: boolean;
}

/** Points in an inch: the page layout's margins are in points. */
const INCH = 72;

/**
 * A new sheet's layout, queued with its creation: column widths, heights of rows with wrapped
 * text, the frozen header rows and the print settings (A4, one page wide, print area, repeated
 * header rows, page header and footer). No round trip of its own.
 */
export function queueSheetLayout(
  sheet: Excel.Worksheet,
  layout: SheetLayout,
  support: HostSupport
): void {
  for (const { column, points } of layout.widths) {
    sheet.getRange(`${column}:${column}`).format.columnWidth = points;
  }
  for (const { rows, points } of layout.heights) sheet.getRange(rows).format.rowHeight = points;
  if (layout.frozenRows && support.freeze) sheet.freezePanes.freezeRows(layout.frozenRows);
  const print = layout.print;
  if (!print || !support.print) return;
  const page = sheet.pageLayout;
  page.paperSize = Excel.PaperType.a4;
  page.orientation =
    print.orientation === "landscape"
      ? Excel.PageOrientation.landscape
      : Excel.PageOrientation.portrait;
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  page.leftMargin = page.rightMargin = 0.5 * INCH;
  page.topMargin = page.bottomMargin = 0.75 * INCH;
  page.headerMargin = page.footerMargin = (3 * INCH) / 10;
  page.setPrintArea(print.area);
  if (print.titleRows) page.setPrintTitleRows(`$${print.titleRows[0]}:$${print.titleRows[1]}`);
  const pages = page.headersFooters.defaultForAllPages;
  pages.leftHeader = print.header.left;
  pages.centerHeader = print.header.center;
  pages.rightHeader = print.header.right;
  pages.leftFooter = print.footer.left;
  pages.centerFooter = print.footer.center;
  pages.rightFooter = print.footer.right;
}

/** Bytes a sheet's layout adds to the request that creates it. */
export const layoutBytes = (layout: SheetLayout): number =>
  (SMALL_STEP_BYTES * (layout.widths.length + layout.heights.length + (layout.print ? 8 : 0))) / 4;

export function rangeStep(write: RangeWrite): Step {
  return {
    bytes: write.bytes,
    cells: write.cells,
    queue: ({ sheets }) => {
      const sheet = sheets.get(write.sheet.toLowerCase()) as Excel.Worksheet;
      const range = sheet.getRange(write.address);
      // Formats first: text cells must be TEXT before their text arrives, or "=x" is a formula.
      range.numberFormat = write.formats;
      if (write.formulas) range.formulas = write.inputs;
      else range.values = write.inputs;
      for (const address of write.bold) sheet.getRange(address).format.font.bold = true;
      for (const address of write.wrap) sheet.getRange(address).format.wrapText = true;
      for (const address of write.right ?? [])
        sheet.getRange(address).format.horizontalAlignment = "Right";
    },
  };
}

export function tableStep(table: TableWrite, temporaryName: string): Step {
  return {
    bytes: table.bytes,
    cells: table.totals?.cells ?? 0,
    queue: ({ sheets, tables }) => {
      const sheet = sheets.get(table.sheet.toLowerCase()) as Excel.Worksheet;
      // A Range, not an address string: given a bare address, Excel puts the table on the
      // active sheet, which may be the user's.
      const created = sheet.tables.add(sheet.getRange(table.address), true);
      created.name = temporaryName;
      created.style = TABLE_STYLE;
      tables.set(table.name.toLowerCase(), created);
      if (table.totals) {
        created.showTotals = true;
        const row = created.getTotalRowRange();
        row.numberFormat = table.totals.formats;
        row.formulas = table.totals.inputs;
        for (const address of table.totals.bold) sheet.getRange(address).format.font.bold = true;
        for (const address of table.totals.wrap) sheet.getRange(address).format.wrapText = true;
      }
    },
  };
}

export function chartStep(sheetName: string, chart: PlanChart): Step {
  return {
    bytes: SMALL_STEP_BYTES * (2 + chart.series.length),
    cells: 0,
    queue: ({ workbook, sheets }) => {
      const [first, ...rest] = chart.series;
      if (!first) return;
      const sheet = sheets.get(sheetName.toLowerCase()) as Excel.Worksheet;
      const range = (qualified: string): Excel.Range => {
        const { sheet: on, address } = splitAddress(qualified);
        const target =
          on === undefined
            ? sheet
            : (sheets.get(on.toLowerCase()) ?? workbook.worksheets.getItem(on));
        return target.getRange(address);
      };
      const type =
        chart.kind === "column-stacked"
          ? Excel.ChartType.columnStacked
          : Excel.ChartType.columnClustered;
      const added = sheet.charts.add(type, range(first.values), Excel.ChartSeriesBy.columns);
      added.title.text = chart.title;
      // Series are set one by one: categories and values need not be next to each other.
      const series = added.series.getItemAt(0);
      series.name = first.name;
      series.setXAxisValues(range(chart.categories));
      for (const more of rest) {
        const next = added.series.add(more.name);
        next.setValues(range(more.values));
        next.setXAxisValues(range(chart.categories));
      }
      added.setPosition(chart.anchor, chart.to);
    },
  };
}
