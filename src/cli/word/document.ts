import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { AssumptionUsed } from "../../engine/provenance";
import {
  GENERATED_MARKER,
  NumberFormat,
  PlanCell,
  PlanChart,
  PlanSheet,
  PlanTable,
  WorkbookPlan,
} from "../../workbook/plan-types";
import { parseAddress } from "../../workbook/snapshot";
import { cellText, isFigure } from "./cell-text";
import { CHART_SIZE, chartData, chartSvg, planCellValues, svgToPng } from "./chart-image";

/*
 * The Word writer of the plan: a third writer beside the package writer and the task pane's.
 * Each sheet asked for becomes a section — its block lines headings and paragraphs, its Excel
 * tables and its grids of figures Word tables, its charts pictures — from the cached values,
 * never the formulas; the basis of figures follows as an appendix.
 */

export interface ReportSource {
  plan: WorkbookPlan;
  /** The plan's sheets to render, in order. */
  sheets: readonly string[];
  /** Every setting and rate used, with its basis (assumptionsUsed). */
  assumptions: readonly AssumptionUsed[];
  /** A line under the title: where the figures come from. */
  subtitle: string;
}

/** Lines that help in a workbook but not on a committee paper's page. */
const HELPER_LINE = [new RegExp(`^${GENERATED_MARKER}`), /^Built from\b/];
const isHelperLine = (text: string) => HELPER_LINE.some((pattern) => pattern.test(text));

// A4 with 2 cm margins, in twentieths of a point.
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = {
  portrait: PAGE.width - 2 * PAGE.margin,
  landscape: PAGE.height - 2 * PAGE.margin,
};
/** Columns beyond which a table needs a landscape page to stay readable. */
const PORTRAIT_COLUMNS = 7;
const FONT = "Arial";
const HEADER_FILL = "DCE6F1";
const RULE = { style: BorderStyle.SINGLE, size: 4, color: "A6A6A6" };
const NO_RULE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };

/** One printed cell: its text, whether it is a figure (right-aligned) and bold. */
interface PrintCell {
  text: string;
  figure: boolean;
  bold: boolean;
}

/** A Word table's content: a header row (when it has one), body rows and a totals row. */
interface Grid {
  header?: PrintCell[];
  rows: PrintCell[][];
  totals?: PrintCell[];
  /** Longest a column's text may set its width, in characters; longer text wraps. */
  wrapAt?: number;
  /** Each column's share of the text width, where the grid sets its own. */
  shares?: number[];
  /** Smaller type, for a long appendix. */
  small?: boolean;
}

type Item = { row: number; paragraph: Paragraph } | { row: number; grid: Grid };

const printCell = (cell: PlanCell, format?: NumberFormat, bold = false): PrintCell => ({
  text: cellText(cell, format),
  figure: isFigure(cell, format),
  bold: bold || cell.bold === true,
});

const present = (cell: PlanCell | undefined) =>
  cell !== undefined && cell.value !== null && cell.value !== "";

/** An Excel table as a grid: figures columns by the column format, totals bold. */
function tableGrid(table: PlanTable): Grid {
  const figureColumn = table.columns.map(
    (column, c) =>
      column.format !== "text" || table.rows.some((row) => typeof row[c]?.value === "number")
  );
  return {
    header: table.columns.map((column, c) => ({
      text: column.header,
      figure: figureColumn[c],
      bold: true,
    })),
    rows: table.rows.map((row) =>
      table.columns.map((column, c) => printCell(row[c] ?? { value: null }, column.format))
    ),
    totals: table.totals?.map((cell, c) => printCell(cell, table.columns[c]?.format, true)),
  };
}

/** A run of block rows with several cells: a grid, its first row the header when all bold. */
function blockGrid(rows: PlanCell[][]): Grid {
  const width = Math.max(...rows.map((row) => row.length));
  const pad = (row: PlanCell[]) =>
    Array.from({ length: width }, (_, c) => printCell(row[c] ?? { value: null }));
  const first = rows[0].filter(present);
  const headed = rows.length > 1 && first.every((cell) => cell.bold);
  const header = headed ? pad(rows[0]) : undefined;
  const body = (headed ? rows.slice(1) : rows).map(pad);
  // A column of figures lines up on the right, its header and any text in it ("Not met") too.
  for (let c = 0; c < width; c++) {
    const figures = body.some((row) => row[c].figure);
    for (const row of [...(header ? [header] : []), ...body]) row[c].figure = figures;
  }
  return { header, rows: body, wrapAt: 48 };
}

/** A sheet's content in reading order (by row): paragraphs and grids. */
function sheetItems(sheet: PlanSheet): Item[] {
  const items: Item[] = [];
  let headed = false;
  for (const block of sheet.blocks) {
    const top = parseAddress(block.topLeft)?.row ?? 0;
    let run: { row: number; rows: PlanCell[][] } | undefined;
    const endRun = () => {
      if (run) items.push({ row: run.row, grid: blockGrid(run.rows) });
      run = undefined;
    };
    block.rows.forEach((cells, r) => {
      const filled = cells.filter(present);
      if (filled.length === 0) return endRun();
      if (filled.length === 1 && typeof filled[0].value === "string") {
        endRun();
        const text = cellText(filled[0]);
        if (isHelperLine(text)) return;
        const heading = filled[0].bold
          ? headed
            ? HeadingLevel.HEADING_2
            : HeadingLevel.HEADING_1
          : undefined;
        if (heading === HeadingLevel.HEADING_1) headed = true;
        items.push({
          row: top + r,
          paragraph: new Paragraph({ text, heading, spacing: { after: 120 } }),
        });
        return;
      }
      if (!run) run = { row: top + r, rows: [] };
      run.rows.push(cells);
    });
    endRun();
  }
  for (const table of sheet.tables) {
    items.push({ row: parseAddress(table.topLeft)?.row ?? 0, grid: tableGrid(table) });
  }
  items.sort((a, b) => a.row - b.row);
  if (!headed) {
    items.unshift({
      row: 0,
      paragraph: new Paragraph({ text: sheet.name, heading: HeadingLevel.HEADING_1 }),
    });
  }
  return items;
}

// Twips a character takes for each point of font size (DejaVu Sans, the widest font a reader
// may substitute for Arial), bold a little wider, and the cell's margins.
const CHAR_PER_POINT = 12.4;
const BOLD_PER_POINT = 14.5;
const CELL_MARGINS = 2 * 80 + 60;

// Wide letters ("maximum") take about half a character more than the average the widths assume.
const charsOf = (word: string) => word.length + 0.5 * (word.match(/[mwMW%@]/g)?.length ?? 0);
const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map(charsOf));

/**
 * Column widths (twips) from the text they hold: never narrower than a column's longest word
 * (a word never breaks), the rest of the page's text width shared by how much more text a
 * column has; a table of more than three columns spans the text width.
 */
function columnWidths(grid: Grid, available: number, points: number): number[] {
  const [CHAR, BOLD_CHAR] = [CHAR_PER_POINT * points, BOLD_PER_POINT * points];
  const body = [...grid.rows, ...(grid.totals ? [grid.totals] : [])];
  const columns = Math.max(grid.header?.length ?? 0, ...body.map((row) => row.length));
  const wrapAt = grid.wrapAt ?? 40;
  const least: number[] = [];
  const wanted: number[] = [];
  for (let c = 0; c < columns; c++) {
    const texts = body.map((row) => row[c]?.text ?? "");
    const header = grid.header?.[c]?.text ?? "";
    const words = Math.max(...texts.map(longestWord)) * CHAR;
    const longest = Math.max(...texts.map((t) => t.length));
    // A header may wrap onto two or three lines, a long text to wrapAt characters.
    least.push(Math.max(words, longestWord(header) * BOLD_CHAR, 5 * CHAR) + CELL_MARGINS);
    wanted.push(
      Math.max(
        least[c],
        Math.min(wrapAt, longest) * CHAR + CELL_MARGINS,
        Math.ceil(header.length / 3) * BOLD_CHAR + CELL_MARGINS
      )
    );
  }
  const sum = (widths: number[]) => widths.reduce((a, b) => a + b, 0);
  if (sum(wanted) <= available) {
    const scale = columns > 3 ? available / sum(wanted) : 1;
    return wanted.map((w) => Math.floor(w * scale));
  }
  // Too many columns for the page even at their least: shrink them all alike.
  if (sum(least) > available) return least.map((w) => Math.floor((w * available) / sum(least)));
  // Too wide: every column its least, the room left shared by what each wants beyond it.
  const room = Math.max(0, available - sum(least));
  const extra = sum(wanted) - sum(least);
  return least.map((w, c) => Math.floor(w + (extra === 0 ? 0 : (room * (wanted[c] - w)) / extra)));
}

/** A grid as a Word table: header row shaded and repeated on each page, totals bold and ruled. */
function wordTable(grid: Grid, available: number): Table {
  const columns = Math.max(grid.header?.length ?? 0, ...grid.rows.map((row) => row.length));
  const size = columns > PORTRAIT_COLUMNS || grid.small ? 17 : 19; // half-points: 8.5 or 9.5 pt
  const widths = grid.shares
    ? grid.shares.map((share) => Math.floor(share * available))
    : columnWidths(grid, available, size / 2);
  const cell = (content: PrintCell, c: number, kind: "header" | "body" | "totals") =>
    new TableCell({
      width: { size: widths[c], type: WidthType.DXA },
      shading: kind === "header" ? { fill: HEADER_FILL, type: "clear", color: "auto" } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      borders: {
        top: kind === "totals" ? { style: BorderStyle.SINGLE, size: 8, color: "404040" } : RULE,
        bottom: RULE,
        left: NO_RULE,
        right: NO_RULE,
      },
      children: [
        new Paragraph({
          alignment: content.figure ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text: content.text, bold: content.bold || undefined, size })],
        }),
      ],
    });
  const rows = [
    ...(grid.header
      ? [
          new TableRow({
            tableHeader: true,
            cantSplit: true,
            children: grid.header.map((c, i) => cell(c, i, "header")),
          }),
        ]
      : []),
    ...grid.rows.map(
      (row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, i, "body")) })
    ),
    ...(grid.totals
      ? [
          new TableRow({
            cantSplit: true,
            children: grid.totals.map((c, i) => cell(c, i, "totals")),
          }),
        ]
      : []),
  ];
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
  });
}

/** A chart as a picture the width of the text (SVG, with a PNG for word processors without SVG). */
function chartParagraph(chart: PlanChart, plan: WorkbookPlan, available: number): Paragraph {
  const data = chartData(chart, planCellValues(plan));
  const svg = chartSvg(data);
  const width = Math.min(Math.round((available / 1440) * 96), 640);
  const height = Math.round((width * CHART_SIZE.height) / CHART_SIZE.width);
  const description = data.series
    .map(
      (series) =>
        `${series.name}: ${data.categories.map((c, i) => `${c} ${cellText({ value: series.values[i], format: "money" })}`).join(", ")}`
    )
    .join("; ");
  return new Paragraph({
    keepNext: false,
    spacing: { before: 200, after: 200 },
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: "svg",
        data: Buffer.from(svg, "utf8"),
        fallback: { type: "png", data: svgToPng(svg) },
        transformation: { width, height },
        altText: { name: data.title, title: data.title, description },
      }),
    ],
  });
}

/** The items as Word blocks, a little space after each table. */
function render(items: Item[], available: number): (Paragraph | Table)[] {
  return items.flatMap((item) =>
    "paragraph" in item
      ? [item.paragraph]
      : [wordTable(item.grid, available), new Paragraph({ text: "" })]
  );
}

function appendix(assumptions: readonly AssumptionUsed[]): (Paragraph | Table)[] {
  const grid: Grid = {
    // The values (£, shares, counts and a few words) line up on the right, as figures do.
    header: ["Setting", "Value", "Basis", "Source"].map((text, c) => ({
      text,
      figure: c === 1,
      bold: true,
    })),
    rows: assumptions.map((a) =>
      [a.setting, a.value, a.basis, a.source].map((text, c) => ({
        text,
        figure: c === 1,
        bold: false,
      }))
    ),
    // The sources are long: they take half the width.
    shares: [0.25, 0.13, 0.12, 0.5],
    small: true,
  };
  return [
    new Paragraph({ text: "Appendix: basis of figures", heading: HeadingLevel.HEADING_1 }),
    new Paragraph({
      spacing: { after: 120 },
      text: "Every setting and rate the figures are built with: published (with its source), inferred from published figures, the tool's default, or yours (where you gave it).",
    }),
    wordTable(grid, TEXT_WIDTH.portrait),
  ];
}

const page = (landscape: boolean) => ({
  size: {
    width: PAGE.width,
    height: PAGE.height,
    orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
  },
  margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
});

/**
 * The report as a .docx: a title, each asked-for sheet as a section (landscape where a table is
 * too wide for a portrait page), the charts, and the basis of figures as an appendix.
 */
export async function reportDocx(source: ReportSource): Promise<Buffer> {
  const { plan } = source;
  const sheets = source.sheets.map((name) => {
    const sheet = plan.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`the plan has no sheet "${name}" to report`);
    return sheet;
  });
  // The charts of the sheets reported; when those carry none, every chart of the plan.
  const own = sheets.flatMap((sheet) => sheet.charts);
  const charts = own.length > 0 ? undefined : plan.sheets.flatMap((sheet) => sheet.charts);
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({ text: "Troubled Families funding · page ", size: 16, color: "595959" }),
          new TextRun({ children: [PageNumber.CURRENT], size: 16, color: "595959" }),
        ],
      }),
    ],
  });
  const sections = sheets.map((sheet, i) => {
    const landscape = sheet.tables.some((t) => t.columns.length > PORTRAIT_COLUMNS);
    const available = landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait;
    const title =
      i === 0
        ? [
            new Paragraph({ text: "Troubled Families funding", heading: HeadingLevel.TITLE }),
            new Paragraph({
              spacing: { after: 240 },
              children: [new TextRun({ text: source.subtitle, color: "595959", size: 18 })],
            }),
          ]
        : [];
    const sheetCharts = charts && i === sheets.length - 1 ? charts : sheet.charts;
    return {
      properties: { page: page(landscape) },
      footers: { default: footer },
      children: [
        ...title,
        ...render(sheetItems(sheet), available),
        ...sheetCharts.map((chart) => chartParagraph(chart, plan, available)),
      ],
    };
  });
  const document = new Document({
    creator: "tf-funding",
    title: "Troubled Families funding",
    styles: {
      default: {
        document: { run: { font: FONT, size: 21 }, paragraph: { spacing: { after: 80 } } },
        title: { run: { font: FONT, size: 40, bold: true, color: "1F4E79" } },
        heading1: {
          run: { font: FONT, size: 30, bold: true, color: "1F4E79" },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
        heading2: {
          run: { font: FONT, size: 24, bold: true, color: "1F4E79" },
          paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
        },
      },
    },
    sections: [
      ...sections,
      {
        properties: { page: page(false) },
        footers: { default: footer },
        children: appendix(source.assumptions),
      },
    ],
  });
  return Packer.toBuffer(document);
}
