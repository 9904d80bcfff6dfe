import { headerFooterCode } from "../../workbook/plan-layout";
import {
  NumberFormat,
  PlanCell,
  PlanSheet,
  PlanTable,
  isFigureFormat,
} from "../../workbook/plan-types";
import { address, columnNumber, parseAddress } from "../../workbook/snapshot";
import { DECLARATION, cellText, numberText } from "./cells";
import { commentsXml, vmlXml } from "./notes";
import { MAIN_NS, RELATIONSHIPS_NS } from "./parts";
import { tableLayout, tableXml } from "./table-write";
import { buildXml, escapeXml, makeElement } from "./xml";

/** Where a generated sheet's parts go and what they are called; given by the package writer. */
export interface SheetParts {
  /** Table ids, unique in the workbook, one per plan table. */
  tableIds: number[];
  /** Relationship targets from the sheet part: one per table, then the comments and VML. */
  tableTargets: string[];
  commentsTarget: string;
  vmlTarget: string;
  /** The VML shape-id block (o:idmap), unique among the workbook's VML drawings. */
  vmlBlock: number;
  /** The drawing part holding the sheet's charts, when it has any (see chart-write.ts). */
  drawingTarget?: string;
}

export interface WrittenSheet {
  sheet: string;
  rels?: string;
  tables: string[];
  comments?: string;
  vml?: string;
}

/** A cell whose value Excel and the plan agree on: formula + cached value, or a plain value. */
function cellXml(ref: string, cell: PlanCell, style: number): string {
  const s = style ? ` s="${style}"` : "";
  const { value, formula } = cell;
  if (formula !== undefined) {
    const f = `<f>${escapeXml(formula)}</f>`;
    // A formula whose engine value is blank caches "" (Excel's own cache for an empty text).
    if (value === null || typeof value === "string")
      return `<c r="${ref}"${s} t="str">${f}<v>${cellText(value ?? "")}</v></c>`;
    if (typeof value === "boolean")
      return `<c r="${ref}"${s} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${s}>${f}<v>${numberText(value)}</v></c>`;
  }
  if (value === null) return s ? `<c r="${ref}"${s}/>` : "";
  // Text is an inline string: it is always text, even when it begins with "=".
  if (typeof value === "string")
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${cellText(value)}</t></is></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s}><v>${numberText(value)}</v></c>`;
}

interface Placed {
  cell: PlanCell;
  format?: NumberFormat;
}

/** The cells of a sheet by row and column: blocks, then tables (a later write wins, as before). */
class Grid {
  readonly rows = new Map<number, Map<number, Placed>>();
  put(row: number, column: number, cell: PlanCell, columnFormat?: NumberFormat): void {
    let line = this.rows.get(row);
    if (!line) this.rows.set(row, (line = new Map()));
    line.set(column, { cell, format: cell.format ?? columnFormat });
  }
}

function placeTable(grid: Grid, table: PlanTable): void {
  const { start, body } = tableLayout(table);
  // Header cells must hold exactly the column names, as text.
  table.columns.forEach((column, c) =>
    grid.put(start.row, start.column + c, {
      value: column.header,
      bold: true,
      wrap: column.wrapHeader,
      alignRight: isFigureFormat(column.format),
    })
  );
  body.forEach((row, r) =>
    row.forEach((cell, c) =>
      grid.put(start.row + 1 + r, start.column + c, cell, table.columns[c].format)
    )
  );
  table.totals?.forEach((cell, c) =>
    grid.put(
      start.row + 1 + body.length,
      start.column + c,
      { ...cell, bold: true },
      table.columns[c].format
    )
  );
}

/** Column widths: a table column's width, then the sheet's own (which have the last word). */
function widthsXml(plan: PlanSheet): string {
  const widths = new Map<number, number>();
  for (const table of plan.tables) {
    const start = parseAddress(table.topLeft);
    table.columns.forEach((column, c) => {
      if (start && column.width) widths.set(start.column + c, column.width);
    });
  }
  for (const [letters, width] of Object.entries(plan.widths))
    widths.set(columnNumber(letters), width);
  if (widths.size === 0) return "";
  const cols = [...widths.entries()]
    .sort(([a], [b]) => a - b)
    .map(([c, w]) => `<col min="${c}" max="${c}" width="${w}" customWidth="1"/>`);
  return `<cols>${cols.join("")}</cols>`;
}

/** The frozen rows the plan gives (its table header), so the header stays in view. */
function sheetViewXml(plan: PlanSheet): string {
  const rows = plan.frozenRows;
  if (!rows) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  return buildXml([
    makeElement("sheetViews", {}, [
      makeElement("sheetView", { workbookViewId: 0 }, [
        makeElement("pane", {
          ySplit: rows,
          topLeftCell: `A${rows + 1}`,
          activePane: "bottomLeft",
          state: "frozen",
        }),
        makeElement("selection", { pane: "bottomLeft" }),
      ]),
    ]),
  ]);
}

/** A4 (ECMA-376 §18.3.1.63 paperSize 9), as councils print. */
const A4 = 9;

/**
 * The page setup elements in CT_Worksheet's order (pageMargins, pageSetup, headerFooter): A4,
 * the plan's orientation, fitted to one page wide and as many tall as it takes (fitToHeight 0;
 * sheetPr's fitToPage turns the fitting on), the title and date in the page header.
 */
function pageXml(plan: PlanSheet): string {
  const margins = makeElement("pageMargins", {
    left: 0.5,
    right: 0.5,
    top: 0.75,
    bottom: 0.75,
    header: 0.3,
    footer: 0.3,
  });
  const print = plan.print;
  if (!print) return buildXml([margins]);
  return buildXml([
    margins,
    makeElement("pageSetup", {
      paperSize: A4,
      fitToWidth: 1,
      fitToHeight: 0,
      orientation: print.orientation,
    }),
    makeElement("headerFooter", {}, [
      makeElement("oddHeader", {}, headerFooterCode(print.header)),
      makeElement("oddFooter", {}, headerFooterCode(print.footer)),
    ]),
  ]);
}

/** sheetPr, the worksheet's first child: fit-to-page printing, when the sheet prints. */
const sheetPrXml = (plan: PlanSheet): string =>
  plan.print
    ? buildXml([makeElement("sheetPr", {}, [makeElement("pageSetUpPr", { fitToPage: 1 })])])
    : "";

/**
 * The sheet's print area and repeated rows, as the workbook-level names Excel keeps them in
 * (_xlnm.Print_Area and _xlnm.Print_Titles, local to the sheet): name → reference.
 */
export function printNames(plan: PlanSheet): Record<string, string> {
  if (!plan.print) return {};
  const sheet = `'${plan.name.replace(/'/g, "''")}'!`;
  const absolute = (cell: string) => cell.replace(/^([A-Z]+)(\d+)$/i, "$$$1$$$2");
  const [from, to] = plan.print.area.split(":");
  const names: Record<string, string> = {
    "_xlnm.Print_Area": `${sheet}${absolute(from)}:${absolute(to ?? from)}`,
  };
  const rows = plan.print.titleRows;
  if (rows) names["_xlnm.Print_Titles"] = `${sheet}$${rows[0]}:$${rows[1]}`;
  return names;
}

function relsXml(rels: [string, string, string][]): string {
  return (
    DECLARATION +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels
      .map(
        ([id, type, target]) =>
          `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`
      )
      .join("") +
    "</Relationships>"
  );
}

/**
 * A generated sheet's parts: the worksheet (elements in the order ECMA-376's CT_Worksheet
 * demands: sheetViews, sheetFormatPr, cols, sheetData, …, legacyDrawing, tableParts), its
 * tables, and its notes as a comments part with the VML drawing Excel shows them with.
 * The sheet's charts are drawn by the drawing part at parts.drawingTarget (the package writer
 * makes it and the chart parts with chart-write.ts); the sheet only points at it.
 */
export function writeSheet(
  plan: PlanSheet,
  parts: SheetParts,
  style: (
    format: NumberFormat | undefined,
    bold: boolean | undefined,
    wrap: boolean | undefined,
    right: boolean | undefined
  ) => number
): WrittenSheet {
  const grid = new Grid();
  for (const block of plan.blocks) {
    const start = parseAddress(block.topLeft);
    if (!start)
      throw new Error(`a block on ${plan.name} has no valid top-left cell: ${block.topLeft}`);
    block.rows.forEach((row, r) =>
      row.forEach((cell, c) => grid.put(start.row + r, start.column + c, cell))
    );
  }
  for (const table of plan.tables) placeTable(grid, table);

  const rows: string[] = [];
  const notes: [string, string][] = [];
  const noted: [number, number][] = [];
  let [minRow, minColumn, maxRow, maxColumn] = [Infinity, Infinity, 0, 0];
  for (const row of [...grid.rows.keys()].sort((a, b) => a - b)) {
    const line = grid.rows.get(row)!;
    const cells: string[] = [];
    for (const column of [...line.keys()].sort((a, b) => a - b)) {
      const { cell, format } = line.get(column)!;
      const ref = address(row, column);
      const xml = cellXml(ref, cell, style(format, cell.bold, cell.wrap, cell.alignRight));
      if (!xml && !cell.note) continue;
      cells.push(xml || `<c r="${ref}"/>`);
      [minRow, maxRow] = [Math.min(minRow, row), Math.max(maxRow, row)];
      [minColumn, maxColumn] = [Math.min(minColumn, column), Math.max(maxColumn, column)];
      if (cell.note) {
        notes.push([ref, cell.note]);
        noted.push([row, column]);
      }
    }
    const height = plan.heights?.[row];
    const tall = height ? ` ht="${height}" customHeight="1"` : "";
    if (cells.length > 0) rows.push(`<row r="${row}"${tall}>${cells.join("")}</row>`);
  }
  const dimension =
    maxRow === 0 ? "A1" : `${address(minRow, minColumn)}:${address(maxRow, maxColumn)}`;

  const rels: [string, string, string][] = plan.tables.map((_, i) => [
    `rId${i + 1}`,
    `${RELATIONSHIPS_NS}/table`,
    parts.tableTargets[i],
  ]);
  let legacy = "";
  if (notes.length > 0) {
    const comments = `rId${rels.length + 1}`;
    const vml = `rId${rels.length + 2}`;
    rels.push([comments, `${RELATIONSHIPS_NS}/comments`, parts.commentsTarget]);
    rels.push([vml, `${RELATIONSHIPS_NS}/vmlDrawing`, parts.vmlTarget]);
    legacy = `<legacyDrawing r:id="${vml}"/>`;
  }
  // The charts' drawing comes before legacyDrawing and tableParts, as CT_Worksheet demands.
  let drawing = "";
  if (plan.charts.length > 0 && parts.drawingTarget) {
    const id = `rId${rels.length + 1}`;
    rels.push([id, `${RELATIONSHIPS_NS}/drawing`, parts.drawingTarget]);
    drawing = `<drawing r:id="${id}"/>`;
  }
  const tableParts =
    plan.tables.length === 0
      ? ""
      : `<tableParts count="${plan.tables.length}">${plan.tables
          .map((_, i) => `<tablePart r:id="rId${i + 1}"/>`)
          .join("")}</tableParts>`;

  const sheet =
    DECLARATION +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
    sheetPrXml(plan) +
    `<dimension ref="${dimension}"/>` +
    sheetViewXml(plan) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    widthsXml(plan) +
    `<sheetData>${rows.join("")}</sheetData>` +
    pageXml(plan) +
    drawing +
    legacy +
    tableParts +
    "</worksheet>";
  return {
    sheet,
    rels: rels.length > 0 ? relsXml(rels) : undefined,
    tables: plan.tables.map((table, i) => tableXml(table, parts.tableIds[i])),
    comments: notes.length > 0 ? commentsXml(notes) : undefined,
    vml: notes.length > 0 ? vmlXml(noted, parts.vmlBlock) : undefined,
  };
}
