/**
 * The workbook plan: plain data describing what to write — sheets, Excel tables, formats,
 * native formulas with their cached values, a chart. Produced from the engine's results; read
 * by two writers (exceljs for the command line, Office.js for the task pane), so both write the
 * same workbook. No Office.js or exceljs types appear here.
 */

/** A cell's value as Excel stores it. Text is always text: it never becomes a formula. */
export type CellValue = number | string | boolean | null;

export type NumberFormat =
  | "money"
  | "money-pence"
  | "count"
  | "families"
  | "families-fraction"
  | "percent"
  | "date"
  | "text"
  | "general";

/** Excel number-format codes for each format, in the en-GB style councils use. */
export const NUMBER_FORMATS: Record<NumberFormat, string> = {
  money: '"£"#,##0;[Red]-"£"#,##0',
  "money-pence": '"£"#,##0.00;[Red]-"£"#,##0.00',
  count: "#,##0",
  // Whole families: "#,##0.##" would show "294." in Excel (a trailing point).
  families: "#,##0",
  /** Families where fractions are kept (rounding "none"): always two places. */
  "families-fraction": "#,##0.00",
  percent: "0.0%",
  date: "dd/mm/yyyy",
  text: "@",
  general: "General",
};

/** Formats of figures, which Excel aligns right (their column's header is aligned with them). */
const FIGURE_FORMATS: ReadonlySet<NumberFormat> = new Set<NumberFormat>([
  "money",
  "money-pence",
  "count",
  "families",
  "families-fraction",
  "percent",
]);

export const isFigureFormat = (format: NumberFormat | undefined): boolean =>
  format !== undefined && FIGURE_FORMATS.has(format);

export interface PlanCell {
  /** The value to show; for a formula cell, its value computed by the engine (the cache). */
  value: CellValue;
  /** A native Excel formula without the leading "=", in A1 notation with English names. */
  formula?: string;
  format?: NumberFormat;
  bold?: boolean;
  /** A short explanation, written as a cell note where the writer supports it. */
  note?: string;
  /** Wrap the text within the column (set by the print layout for text wider than its column). */
  wrap?: boolean;
  /** Align right: a table's header over a column of figures, so it lines up with them. */
  alignRight?: boolean;
  /**
   * What the cell is for a report, where it is more than a figure: "sentence" marks a narrative
   * sentence (a formula yielding text) that a report writer renders as a paragraph.
   */
  role?: "sentence";
}

export interface PlanColumn {
  header: string;
  format: NumberFormat;
  /** Column width in characters. */
  width?: number;
  /** How the totals row fills this column: a label, a SUM, or nothing. */
  total?: { label: string } | "sum" | "none";
  /** Wrap the header within the column (set by the print layout for a header wider than it). */
  wrapHeader?: boolean;
}

/** An Excel table (ListObject) with a header row, data rows and, optionally, a totals row. */
export interface PlanTable {
  /** Excel table name, unique in the workbook: letters, digits and underscores. */
  name: string;
  /** Top-left cell of the header row, e.g. "A5". */
  topLeft: string;
  columns: PlanColumn[];
  rows: PlanCell[][];
  /** The totals row, one cell per column, each formula over this table's data rows. */
  totals?: PlanCell[];
}

/** Free-standing cells: titles, the assumptions block, the summary sentence. */
export interface PlanBlock {
  topLeft: string;
  rows: PlanCell[][];
}

export interface PlanChart {
  kind: "column-stacked" | "column-clustered";
  title: string;
  /** Sheet-qualified ranges: categories and one range per series. */
  categories: string;
  series: { name: string; values: string }[];
  /** Where the chart goes: the cell of its top-left corner. */
  anchor: string;
  /**
   * The cell of its bottom-right corner: the chart covers anchor to this cell, inclusive, and
   * sits clear of the sheet's tables and blocks. A chart is drawn wherever a sheet lists it.
   */
  to: string;
}

/** A header or footer in Excel's codes (&D the date, &P the page, &N the pages; && an &). */
export interface PlanHeaderFooter {
  left: string;
  center: string;
  right: string;
}

/**
 * How a sheet prints: always fitted to one page wide (any number of pages tall), on A4.
 * Set for every sheet by the print layout (plan-layout.ts), so both writers print alike.
 */
export interface PlanPrint {
  orientation: "portrait" | "landscape";
  /** The printed rectangle on the sheet, e.g. "A4:K12": the title and helper lines stay off. */
  area: string;
  /** Rows repeated at the top of every printed page (first and last row), e.g. the table header. */
  titleRows?: [number, number];
  header: PlanHeaderFooter;
  footer: PlanHeaderFooter;
}

export interface PlanSheet {
  name: string;
  /** Column widths (characters) by column letter: fitted to the cells by the print layout. */
  widths: Record<string, number>;
  /** Row heights (points) of rows with wrapped text, by row number. */
  heights?: Record<number, number>;
  /** Rows frozen at the top (the sheet's table header stays in view); none when absent. */
  frozenRows?: number;
  print?: PlanPrint;
  blocks: PlanBlock[];
  tables: PlanTable[];
  charts: PlanChart[];
}

/**
 * Marks a sheet as generated by the add-in, so a rebuild replaces only its own sheets: every
 * generated sheet's third row, column A, begins with this text (see snapshot.isGeneratedSheet).
 */
export const GENERATED_MARKER = "Generated by the Troubled Families funding add-in";
export const GENERATED_NOTE = `${GENERATED_MARKER}: rebuilding replaces this sheet, so keep your own work on other sheets.`;

export interface WorkbookPlan {
  sheets: PlanSheet[];
  /** Workbook-level names the formulas use (name → sheet-qualified absolute reference). */
  names: Record<string, string>;
  /** The headline figures, for the command line's summary and the task pane. */
  summary: PlanSummary;
}

/** The year-2 release in a summary: the band in words and each £ part with when it is paid. */
export interface PlanRelease {
  band: string;
  /** Families attached in year 1 ÷ the year-1 commitment. */
  share: number;
  commitment: number;
  workedWith: number;
  /** [when, £] for each part of more than £0: "Paid in Q1 2013/14", … */
  parts: [string, number][];
}

export interface PlanSummary {
  framework: string;
  cohort: number;
  // attached, beyondFunded and warnings are always set by buildPlan; optional only so that a
  // summary written by hand (tests, other adapters) need not spell them out.
  /** Families attached, when the Families table gives them; null when the cohort is spread. */
  attached?: number | null;
  /** Families funded: what the envelope pays for, never more than the funded number. */
  funded: number;
  /** Families attached beyond the funded number: they earn no fees or results. */
  beyondFunded?: number;
  envelope: number;
  secured: number;
  atRisk: number;
  atRiskShare: number;
  claimedToDate: number;
  forecastToEnd: number;
  stillAtRisk: number;
  /**
   * £ expected to be repaid after DCLG's spot checks: claimed × share checked × share invalid
   * (always set by buildPlan; optional only for summaries written by hand).
   */
  expectedClawback?: number;
  turnedAroundShare: number | null;
  /**
   * Families turned around so far (the claims' turned-around families, first in, first out), the
   * share's numerator: always set by buildPlan; optional only for summaries written by hand.
   */
  turnedAround?: number;
  /**
   * The year-2 attachment release, where the framework has the rule and the Families table gives
   * attachments (set by buildPlan; optional only for summaries written by hand).
   */
  yearTwoRelease?: PlanRelease;
  /** Results £ claimed, by the financial year the cash arrives (set by buildPlan). */
  resultsCashByYear?: { financialYear: string; amount: number }[];
  sentence: string;
  /** The council among its peers, when the workbook holds a Peers table or --peers gives one. */
  peers?: PlanPeers;
  /** What a reader must not miss, such as families attached beyond the funded number. */
  warnings?: string[];
}

/** The council among its peers: the Report's "Among its peers" figures (shares as fractions). */
export interface PlanPeers {
  /** 1 = the highest share turned around. */
  rank: number;
  /** The council and its peers. */
  of: number;
  /** 1 = the top quarter, 4 = the bottom. */
  quartile: number;
  councilShare: number;
  /** Each peer's share, averaged. */
  peerAverage: number;
  nationalAverage: number;
  /** "national row" (the England row's share) or "all councils compared" (pooled). */
  nationalBasis: string;
  fromPeers: number;
  fromNational: number;
  /** Where the peers were read: "Peers!A1:F7" or the file given with --peers. */
  source: string;
  /** The council first, then its peers, then the national row; dates as yyyy-mm-dd. */
  councils: {
    authority: string;
    share: number;
    asAt: string | null;
    council?: boolean;
    national?: boolean;
  }[];
  /** Said when the figures are from different dates; null when all are from one month. */
  datesNote: string | null;
}
