/* global Excel */
import { PlanChart } from "../../workbook/plan-types";
import { splitAddress } from "./addresses";
import { RangeWrite, TableWrite } from "./layout";

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
