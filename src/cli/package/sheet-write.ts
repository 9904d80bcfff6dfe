import { NumberFormat, PlanCell, PlanSheet, PlanTable } from "../../workbook/plan-types";
import { address, columnNumber, parseAddress } from "../../workbook/snapshot";
import { MAIN_NS, RELATIONSHIPS_NS } from "./parts";
import { escapeXml } from "./xml";

/** A built-in style every Excel and LibreOffice knows: banded rows, bold header and totals. */
const TABLE_STYLE = "TableStyleMedium2";
/** A table whose header is this near the top sits right under the title: freeze down to it. */
const FREEZE_WITHIN_ROWS = 5;
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

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
}

export interface WrittenSheet {
  sheet: string;
  rels?: string;
  tables: string[];
  comments?: string;
  vml?: string;
}

/** Text Excel can hold: XML's forbidden characters as _xHHHH_, and a literal "_xHHHH_" kept. */
export function cellText(text: string): string {
  return escapeXml(
    text
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
      .replace(
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
        (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
      )
  );
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`a cell value is not a finite number: ${value}`);
  return String(value);
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

/** A plan table's extent: header, body (one blank row when empty, as Excel keeps) and totals. */
export function tableLayout(table: PlanTable) {
  const start = parseAddress(table.topLeft);
  if (!start) throw new Error(`table ${table.name} has no valid top-left cell: ${table.topLeft}`);
  const body: PlanCell[][] =
    table.rows.length > 0 ? table.rows : [table.columns.map((): PlanCell => ({ value: null }))];
  const lastColumn = start.column + table.columns.length - 1;
  const lastBodyRow = start.row + body.length;
  const lastRow = lastBodyRow + (table.totals ? 1 : 0);
  return {
    start,
    body,
    ref: `${address(start.row, start.column)}:${address(lastRow, lastColumn)}`,
    filterRef: `${address(start.row, start.column)}:${address(lastBodyRow, lastColumn)}`,
  };
}

function placeTable(grid: Grid, table: PlanTable): void {
  const { start, body } = tableLayout(table);
  // Header cells must hold exactly the column names, as text.
  table.columns.forEach((column, c) =>
    grid.put(start.row, start.column + c, { value: column.header, bold: true })
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

/**
 * How the table part describes one totals cell. "sum" when the plan's formula is the one Excel
 * itself writes, so Excel's totals drop-down shows Sum; a label as the totals label; any other
 * formula is left to the cell (totalsRowFunction "none"), which holds it with its cached value.
 */
function tableColumnXml(table: PlanTable, index: number): string {
  const header = table.columns[index].header;
  const cell = table.totals?.[index];
  let totals = "";
  if (cell?.formula !== undefined && cell.formula === `SUBTOTAL(109,${table.name}[${header}])`)
    totals = ' totalsRowFunction="sum"';
  else if (cell && cell.formula === undefined && typeof cell.value === "string" && cell.value)
    totals = ` totalsRowLabel="${cellText(cell.value)}"`;
  return `<tableColumn id="${index + 1}" name="${cellText(header)}"${totals}/>`;
}

export function tableXml(table: PlanTable, id: number): string {
  const { ref, filterRef } = tableLayout(table);
  const totals = table.totals ? ' totalsRowCount="1"' : "";
  return (
    DECLARATION +
    `<table xmlns="${MAIN_NS}" id="${id}" name="${table.name}" displayName="${table.name}" ref="${ref}"${totals}>` +
    `<autoFilter ref="${filterRef}"/>` +
    `<tableColumns count="${table.columns.length}">${table.columns
      .map((_, i) => tableColumnXml(table, i))
      .join("")}</tableColumns>` +
    `<tableStyleInfo name="${TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    "</table>"
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

/** Frozen rows down to the header of a sheet's one table near the top, so it stays in view. */
function sheetViewXml(plan: PlanSheet): string {
  const header = plan.tables.length === 1 ? parseAddress(plan.tables[0].topLeft) : undefined;
  if (!header || header.row > FREEZE_WITHIN_ROWS) {
    return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  }
  return (
    '<sheetViews><sheetView workbookViewId="0">' +
    `<pane ySplit="${header.row}" topLeftCell="A${header.row + 1}" activePane="bottomLeft" state="frozen"/>` +
    '<selection pane="bottomLeft"/></sheetView></sheetViews>'
  );
}

/** Notes as Excel writes them: each one a run of text (some readers take nothing else). */
function commentsXml(notes: [string, string][]): string {
  return (
    DECLARATION +
    `<comments xmlns="${MAIN_NS}"><authors><author>tf-funding</author></authors><commentList>` +
    notes
      .map(
        ([ref, note]) =>
          `<comment ref="${ref}" authorId="0"><text><r><t xml:space="preserve">${cellText(note)}</t></r></text></comment>`
      )
      .join("") +
    "</commentList></comments>"
  );
}

/** The legacy drawing Excel needs to show notes: one hidden note shape per commented cell. */
function vmlXml(notes: [number, number][], block: number): string {
  const shapes = notes.map(([row, column], n) => {
    const anchor = `${column}, 15, ${Math.max(0, row - 2)}, 10, ${column + 2}, 15, ${row + 2}, 4`;
    return (
      `<v:shape id="_x0000_s${block * 1024 + n + 1}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${n + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor>` +
      `<x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${column - 1}</x:Column></x:ClientData>` +
      "</v:shape>"
    );
  });
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    shapes.join("") +
    "</xml>"
  );
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
 * Charts (plan.charts) are not written here: a later issue adds them; the task pane's Office.js
 * writer draws them natively, and the tables they chart are all here.
 */
export function writeSheet(
  plan: PlanSheet,
  parts: SheetParts,
  style: (format: NumberFormat | undefined, bold: boolean | undefined) => number
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
      const xml = cellXml(ref, cell, style(format, cell.bold));
      if (!xml && !cell.note) continue;
      cells.push(xml || `<c r="${ref}"/>`);
      [minRow, maxRow] = [Math.min(minRow, row), Math.max(maxRow, row)];
      [minColumn, maxColumn] = [Math.min(minColumn, column), Math.max(maxColumn, column)];
      if (cell.note) {
        notes.push([ref, cell.note]);
        noted.push([row, column]);
      }
    }
    if (cells.length > 0) rows.push(`<row r="${row}">${cells.join("")}</row>`);
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
  const tableParts =
    plan.tables.length === 0
      ? ""
      : `<tableParts count="${plan.tables.length}">${plan.tables
          .map((_, i) => `<tablePart r:id="rId${i + 1}"/>`)
          .join("")}</tableParts>`;

  const sheet =
    DECLARATION +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
    `<dimension ref="${dimension}"/>` +
    sheetViewXml(plan) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    widthsXml(plan) +
    `<sheetData>${rows.join("")}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
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
