import { PlanCell, PlanTable } from "../../workbook/plan-types";
import { address, parseAddress } from "../../workbook/snapshot";
import { DECLARATION, cellText } from "./cells";
import { MAIN_NS } from "./parts";

/** A built-in style every Excel and LibreOffice knows: banded rows, bold header and totals. */
const TABLE_STYLE = "TableStyleMedium2";

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
