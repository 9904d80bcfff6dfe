import { Decimal } from "../engine/money";
import { f, label, sheetRef, v } from "./cells";
import { cleanFormats } from "./plan";
import { layoutForPrint } from "./plan-layout";
import { envelopeSentence } from "./plan-envelope";
import { NumberFormat, PlanCell, PlanColumn, PlanSheet, WorkbookPlan } from "./plan-types";
import { columnLetters } from "./snapshot";
import { ConsolidatedFigures, Consolidation } from "./consolidate";

/**
 * The consolidated workbook as a plan: one sheet with a table of the authorities (one row each,
 * totals as live formulas, each rank a RANK formula over the shares), the files left out, and two
 * charts. Written by the package writer, like every other plan.
 */

export const CONSOLIDATED_SHEET = "Consolidated";
export const AUTHORITIES_TABLE = "Authorities";
/** The start of the sheet's title (A1): how a later run knows its own output in a folder. */
export const CONSOLIDATED_TITLE = "Regional consolidation:";
/** The table's header row: below the title and the two lines that explain it. */
const HEADER_ROW = 5;

/** A file that could not be consolidated, and why (each problem as `tables` words it). */
export interface NotIncluded {
  file: string;
  problems: string[];
}

/** Authorities up to which the two charts fit side by side. */
const SIDE_BY_SIDE = 12;

/** Problems listed per file on the sheet; the command line's output has them all. */
const PROBLEMS_SHOWN = 5;

type Money = "envelope" | "secured" | "atRisk" | "claimedToDate" | "forecastToEnd" | "stillAtRisk";
type Count = "cohort" | "funded" | "turnedAround";

/** The table's columns, in order; the letters the formulas use follow from this order. */
const COLUMNS: {
  header: string;
  format: NumberFormat;
  key?: Money | Count;
}[] = [
  { header: "Authority", format: "text" },
  { header: "File", format: "text" },
  { header: "Framework", format: "text" },
  { header: "Cohort", format: "families", key: "cohort" },
  { header: "Families funded", format: "families", key: "funded" },
  { header: "Cash envelope", format: "money", key: "envelope" },
  { header: "Secured up front", format: "money", key: "secured" },
  { header: "At risk on results", format: "money", key: "atRisk" },
  { header: "Claimed to date", format: "money", key: "claimedToDate" },
  { header: "Families turned around", format: "families", key: "turnedAround" },
  { header: "Turned-around share", format: "percent" },
  { header: "Forecast to end", format: "money", key: "forecastToEnd" },
  { header: "Still at risk", format: "money", key: "stillAtRisk" },
  { header: "Rank by turned-around share", format: "count" },
];

const letter = (header: string) =>
  columnLetters(1 + COLUMNS.findIndex((column) => column.header === header));
const COHORT = letter("Cohort");
const TURNED = letter("Families turned around");
const SHARE = letter("Turned-around share");

const numberOf = (value: Decimal) => value.toNumber();

/** Families with fractions (rounding "none") keep two places; whole families show none. */
const familiesFormat = (values: Decimal[]): NumberFormat =>
  values.some((value) => !value.isInteger()) ? "families-fraction" : "families";

/** The share of a row as a formula over its own cells: blank with no cohort. */
const shareCell = (row: number, share: Decimal | null, bold?: boolean): PlanCell =>
  f(
    `IF(${COHORT}${row}=0,"",${TURNED}${row}/${COHORT}${row})`,
    share ? share.toNumber() : "",
    "percent",
    bold
  );

function figureCells(figures: ConsolidatedFigures, row: number): PlanCell[] {
  return COLUMNS.slice(3, 13).map((column) =>
    column.key
      ? v(numberOf(figures[column.key]), column.format)
      : shareCell(row, figures.turnedAroundShare)
  );
}

/**
 * Files as the sheet shows them: by name alone (a folder's path would make the column the widest
 * on the page), or by the path as given where two files in different folders share a name.
 */
export function shownFiles(files: readonly string[]): (file: string) => string {
  const base = (file: string) => file.split(/[\\/]/).pop() ?? file;
  const count = new Map<string, number>();
  for (const file of new Set(files)) count.set(base(file), (count.get(base(file)) ?? 0) + 1);
  return (file) => ((count.get(base(file)) ?? 0) > 1 ? file : base(file));
}

/** The plan of the consolidated workbook. */
export function consolidationPlan(
  consolidation: Consolidation,
  notIncluded: readonly NotIncluded[] = []
): WorkbookPlan {
  const { rows, totals } = consolidation;
  const shown = shownFiles([...rows.map((row) => row.file), ...notIncluded.map((n) => n.file)]);
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + rows.length;
  const totalsRow = last + 1;
  const shares = `$${SHARE}$${first}:$${SHARE}$${last}`;
  const fractions = familiesFormat(
    rows.flatMap((row) => [row.cohort, row.funded, row.turnedAround])
  );
  const columns: PlanColumn[] = COLUMNS.map((column) => ({
    header: column.header,
    format: column.format === "families" ? fractions : column.format,
  }));
  const body = rows.map((row, i): PlanCell[] => {
    const at = first + i;
    return [
      label(row.name),
      label(shown(row.file)),
      label(row.framework),
      ...figureCells(row, at),
      f(`IF(${SHARE}${at}="","",RANK(${SHARE}${at},${shares}))`, row.rank ?? "", "count"),
    ];
  });
  const totalsCells: PlanCell[] = [
    label("Total", true),
    label(`${rows.length} authorit${rows.length === 1 ? "y" : "ies"}`, true),
    label("", true),
    ...COLUMNS.slice(3, 13).map((column, i) => {
      const col = columnLetters(4 + i);
      return column.key
        ? f(`SUM(${col}${first}:${col}${last})`, numberOf(totals[column.key]), undefined, true)
        : shareCell(totalsRow, totals.turnedAroundShare, true);
    }),
    label("", true),
  ];
  totalsCells.forEach((cell, i) => {
    if (cell.format === undefined) cell.format = columns[i].format;
  });

  const title = `${CONSOLIDATED_TITLE} ${rows.length} authorit${rows.length === 1 ? "y" : "ies"}`;
  const sheet: PlanSheet = {
    name: CONSOLIDATED_SHEET,
    widths: {},
    blocks: [
      {
        topLeft: "A1",
        rows: [
          [label(title, true)],
          [
            label(
              "One row per authority's workbook, each priced with its own framework and assumptions as tf-funding tables prices it. Rank 1 is the highest turned-around share (families turned around ÷ cohort); the total share is all families turned around ÷ the whole cohort."
            ),
          ],
        ],
      },
    ],
    tables: [
      {
        name: AUTHORITIES_TABLE,
        topLeft: `A${HEADER_ROW}`,
        columns,
        rows: body,
        totals: totalsCells,
      },
    ],
    charts: [],
  };
  let next = totalsRow + 2;
  if (notIncluded.length > 0) {
    const lines: PlanCell[][] = [[label("Not included (these workbooks could not be read)", true)]];
    for (const { file, problems } of notIncluded) {
      const listed = problems.slice(0, PROBLEMS_SHOWN);
      const more = problems.length - listed.length;
      listed.forEach((problem, i) =>
        lines.push([label(i === 0 ? shown(file) : ""), label(problem)])
      );
      if (more > 0) lines.push([label(""), label(`… and ${more} more`)]);
    }
    sheet.blocks.push({ topLeft: `A${next}`, rows: lines });
    next += lines.length + 1;
  }
  if (rows.length > 0) {
    const range = (header: string) =>
      `${sheetRef(CONSOLIDATED_SHEET)}$${letter(header)}$${first}:$${letter(header)}$${last}`;
    const height = 20;
    // A few authorities: the charts side by side. Many: each the table's full width, one under
    // the other, so every authority keeps a bar wide enough to see.
    const wide = rows.length > SIDE_BY_SIDE;
    const second = wide ? next + height + 1 : next;
    sheet.charts.push(
      {
        kind: "column-stacked",
        title: "Cash envelope by authority: secured and at risk",
        categories: range("Authority"),
        series: [
          { name: "Secured up front", values: range("Secured up front") },
          { name: "At risk on results", values: range("At risk on results") },
        ],
        anchor: `A${next}`,
        to: `${wide ? "N" : "F"}${next + height - 1}`,
      },
      {
        // Families rather than shares: bars of shares near one another would be drawn on an
        // axis that does not start at 0, and look further apart than they are.
        kind: "column-clustered",
        title: "Families by authority: cohort and turned around",
        categories: range("Authority"),
        series: [
          { name: "Cohort", values: range("Cohort") },
          { name: "Families turned around", values: range("Families turned around") },
        ],
        anchor: `${wide ? "A" : "H"}${second}`,
        to: `N${second + height - 1}`,
      }
    );
  }
  cleanFormats(sheet, false);
  layoutForPrint(sheet, { helperRows: 2 });

  const envelope = numberOf(totals.envelope);
  const atRisk = numberOf(totals.atRisk);
  const secured = numberOf(totals.secured);
  const frameworks = [...new Set(rows.map((row) => row.framework))];
  return {
    sheets: [sheet],
    names: {},
    summary: {
      framework: frameworks.join(", "),
      cohort: numberOf(totals.cohort),
      funded: numberOf(totals.funded),
      envelope,
      secured,
      atRisk,
      atRiskShare: envelope === 0 ? 0 : totals.atRisk.div(totals.envelope).toNumber(),
      claimedToDate: numberOf(totals.claimedToDate),
      forecastToEnd: numberOf(totals.forecastToEnd),
      stillAtRisk: numberOf(totals.stillAtRisk),
      turnedAroundShare: totals.turnedAroundShare?.toNumber() ?? null,
      sentence: envelopeSentence(envelope, atRisk, secured),
    },
  };
}
