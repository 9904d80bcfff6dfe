import type { AssumptionKey } from "./assumptions";
import { CellValue } from "./plan-types";
import { ColumnSpec, DuplicateColumns, matchHeader, twoRowHeader } from "./headers";
import { SheetSnapshot, WorkbookSnapshot, address, parseAddress } from "./snapshot";

/** A table found in the workbook: its header row's position and its data rows. */
export interface LocatedTable<K extends string> {
  sheet: string;
  /** 1-based row of the header. */
  headerRow: number;
  /** 1-based column of the table's first column. */
  firstColumn: number;
  columns: Partial<Record<K, number>>;
  /** Data rows, each with its 1-based sheet row number; blank, totals and note rows dropped. */
  rows: { row: number; cells: CellValue[] }[];
}

/**
 * A problem with the inputs. About a cell: its sheet and A1 address (or another mark of where,
 * such as a year). About a setting given outside the cells (a flag, the pane): `setting` names it
 * and sheet and cell are empty; see setting-problem.ts.
 */
export interface InputProblem {
  sheet: string;
  cell: string;
  reason: string;
  setting?: AssumptionKey;
}

/**
 * How to tell a table's data rows from what officers put around them. Given, the table is read
 * past blank rows to the end of the sheet's data, up to a totals row or another table's header;
 * without it (the Assumptions table), it ends at the first blank row, as Excel's "current region".
 */
export interface RowRules<K extends string> {
  /** The column that starts a data row: the financial year, the claim date. */
  keyColumn: K;
  /** Whether a value reads as that column's kind: a lone text that does not is a note. */
  readsAsKey: (value: CellValue) => boolean;
  /** A data row in a sentence: "a claim". */
  rowNoun: string;
  /** The headers of the workbook's other tables: a row holding one ends this table. */
  otherTables: readonly (readonly ColumnSpec<string>[])[];
}

export interface Located<K extends string> {
  table?: LocatedTable<K>;
  /** Why the table cannot be used (missing or repeated columns); empty when it can. */
  problems: InputProblem[];
  /** Rows passed over on purpose (totals, notes): said, not refused. */
  notices: InputProblem[];
}

/** A located table, or why there is none. */
export interface Search<K extends string> extends Located<K> {
  /** The best header row candidate when none matched: how many of the table's columns it has. */
  nearMiss?: { sheet: string; row: number; found: number };
  /** True when no Excel table of that name and no header row was found. */
  absent?: boolean;
}

const isBlankCell = (c: CellValue) => c === null || (typeof c === "string" && c.trim() === "");
const isBlankRow = (cells: readonly CellValue[]) => cells.every(isBlankCell);

const TOTAL = /^\s*(grand\s+|sub\s*-?\s*)?totals?\b/i;
const SUBTOTAL = /^\s*sub\s*-?\s*totals?\b/i;

/** The cell that makes a row a totals row ("Total", "Totals", "Grand total", "Sub-total"). */
function totalsLabel(cells: readonly CellValue[], keyIndex: number): number {
  const candidates = [keyIndex, 0, 1, 2];
  return (
    candidates.find(
      (i) => i < cells.length && typeof cells[i] === "string" && TOTAL.test(cells[i] as string)
    ) ?? -1
  );
}

/** A row with one filled cell, holding text that is neither a number nor the table's key. */
function isNote<K extends string>(
  cells: readonly CellValue[],
  keyIndex: number,
  rules: RowRules<K>
): boolean {
  let filled = -1;
  for (let i = 0; i < cells.length; i++) {
    if (isBlankCell(cells[i])) continue;
    if (filled >= 0) return false;
    filled = i;
  }
  const value = cells[filled];
  if (typeof value !== "string" || /^[\s\d,.£+-]+$/.test(value)) return false;
  return !(filled === keyIndex && rules.readsAsKey(value));
}

/** Whether a row is a header row of one of the given tables (two of its columns or more). */
function isHeaderRow(cells: readonly CellValue[], tables: RowRules<string>["otherTables"]) {
  let texts = 0;
  for (const c of cells) {
    if (isBlankCell(c)) continue;
    if (typeof c !== "string") return false;
    texts++;
  }
  return (
    texts >= 2 && tables.some((specs) => Object.keys(matchHeader(cells, specs).columns).length >= 2)
  );
}

const quoted = (value: CellValue) => JSON.stringify(String(value).trim());

/**
 * The data rows of a table from below its header to `lastRow`. With rules, blank rows are passed
 * over, a totals row ends the table (a sub-total is passed over), a note row is named and passed
 * over, and a header row of another table ends it. What is not read is said in `notices`.
 */
function tableRows<K extends string>(
  sheet: SheetSnapshot,
  table: { name: string; headerRow: number; firstColumn: number; lastColumn: number },
  columns: Partial<Record<K, number>>,
  lastRow: number,
  rules: RowRules<K> | undefined,
  notices: InputProblem[]
) {
  const rows: { row: number; cells: CellValue[] }[] = [];
  const width = table.lastColumn - table.firstColumn + 1;
  const keyIndex = rules ? (columns[rules.keyColumn] ?? 0) : 0;
  const at = (row: number, index: number) => address(row, table.firstColumn + index);
  // A blank row inside the table is passed over, and said once the table goes on below it: a
  // blank row once ended the table and dropped every row under it without a word.
  let blankSince = 0;
  for (let r = table.headerRow + 1; r <= lastRow; r++) {
    // Readers drop trailing empty cells: pad, so a blank optional cell reads as null.
    const line = sheet.cells[r - 1] ?? [];
    const cells: CellValue[] = new Array(width);
    for (let i = 0; i < width; i++) cells[i] = line[table.firstColumn - 1 + i] ?? null;
    if (isBlankRow(cells)) {
      if (rules) {
        blankSince ||= r;
        continue;
      }
      break; // the table ends at its first blank row, as Excel's "current region" does
    }
    if (!rules) {
      rows.push({ row: r, cells });
      continue;
    }
    const total = totalsLabel(cells, keyIndex);
    if (total >= 0) {
      const label = cells[total] as string;
      const subtotal = SUBTOTAL.test(label);
      notices.push({
        sheet: sheet.name,
        cell: at(r, total),
        reason: `${quoted(label)} is a totals row, not ${rules.rowNoun}: not read.`,
      });
      if (subtotal) continue;
      belowTotals(sheet, table, r, lastRow, rules, notices);
      break;
    }
    if (isHeaderRow(cells, rules.otherTables)) break;
    if (isNote(cells, keyIndex, rules)) {
      const index = cells.findIndex((c) => !isBlankCell(c));
      notices.push({
        sheet: sheet.name,
        cell: at(r, index),
        reason: `${quoted(cells[index])} is a note, not ${rules.rowNoun}: not read.`,
      });
      continue;
    }
    if (blankSince && rows.length > 0) {
      const blank =
        blankSince === r - 1 ? `row ${blankSince} is` : `rows ${blankSince} to ${r - 1} are`;
      notices.push({
        sheet: sheet.name,
        cell: at(blankSince, keyIndex),
        reason: `${blank} blank inside the ${table.name} table: the rows below ${blankSince === r - 1 ? "it" : "them"} are read as part of it.`,
      });
    }
    blankSince = 0;
    rows.push({ row: r, cells });
  }
  return rows;
}

/** Names what lies below a table's totals row, up to the next table: it is not read. */
function belowTotals<K extends string>(
  sheet: SheetSnapshot,
  table: { name: string; firstColumn: number; lastColumn: number },
  totalsRow: number,
  lastRow: number,
  rules: RowRules<K>,
  notices: InputProblem[]
) {
  let first = 0;
  let last = 0;
  for (let r = totalsRow + 1; r <= lastRow; r++) {
    const cells = (sheet.cells[r - 1] ?? []).slice(table.firstColumn - 1, table.lastColumn);
    if (isBlankRow(cells)) continue;
    if (isHeaderRow(cells, rules.otherTables)) break;
    first ||= r;
    last = r;
  }
  if (first === 0) return;
  const rows = first === last ? `row ${first}` : `rows ${first} to ${last}`;
  notices.push({
    sheet: sheet.name,
    cell: address(first, table.firstColumn),
    reason: `${rows}, below the ${table.name} table's totals row (${totalsRow}), ${first === last ? "is" : "are"} not read: move ${first === last ? "it" : "them"} above the totals row if ${first === last ? "it is" : "they are"} part of the table.`,
  });
}

function duplicateProblems<K extends string>(
  sheet: string,
  headerRow: number,
  firstColumn: number,
  header: readonly CellValue[],
  duplicates: readonly DuplicateColumns<K>[]
): InputProblem[] {
  return duplicates.map(({ spec, columns }) => {
    const cells = columns.map((c) => address(headerRow, firstColumn + c));
    const headings = columns.map((c) => String(header[c]).trim());
    const cellList = `${cells.slice(0, -1).join(", ")} and ${cells[cells.length - 1]}`;
    const same = headings.every((h) => h === headings[0]);
    return {
      sheet,
      cell: cells[0],
      reason: same
        ? `${cellList} are both headed ${JSON.stringify(headings[0])}: rename one (only one column can be the ${spec.what} column).`
        : `${columns.map((_, i) => `${cells[i]} ${JSON.stringify(headings[i])}`).join(" and ")} both name the ${spec.what} column: rename or remove one.`,
    };
  });
}

/**
 * Finds an input table: first an Excel table of that name (Families, Claims…), then any sheet
 * not generated by the add-in whose row holds the expected headers. A table of that name with
 * a missing column is reported, not passed over; so is a header naming one column twice.
 */
export function locateTable<K extends string>(
  snapshot: WorkbookSnapshot,
  tableName: string,
  specs: readonly ColumnSpec<K>[],
  rules?: RowRules<K>
): Search<K> {
  const notices: InputProblem[] = [];
  const named = snapshot.tables.find((t) => t.name.toLowerCase() === tableName.toLowerCase());
  if (named) {
    const sheet = snapshot.sheets.find((s) => s.name === named.sheet);
    const [start, end] = named.range.split(":").map((a) => parseAddress(a));
    if (sheet && start && end) {
      const header = (sheet.cells[start.row - 1] ?? []).slice(start.column - 1, end.column);
      const { columns, missing, duplicates } = matchHeader(header, specs);
      if (missing.length > 0) {
        return {
          problems: [
            missingColumns(sheet.name, address(start.row, start.column), tableName, missing),
          ],
          notices,
        };
      }
      if (duplicates.length > 0)
        return {
          problems: duplicateProblems(sheet.name, start.row, start.column, header, duplicates),
          notices,
        };
      // A table's ref may reach far past its data (A4:XFD1048576): read to the sheet's last row
      // and the header's last cell, so the cost follows the cells that hold data.
      const lastRow = Math.min(named.hasTotalsRow ? end.row - 1 : end.row, sheet.cells.length);
      const bounds = {
        name: tableName,
        headerRow: start.row,
        firstColumn: start.column,
        lastColumn: Math.min(end.column, start.column - 1 + Math.max(1, header.length)),
      };
      return {
        table: {
          sheet: sheet.name,
          headerRow: start.row,
          firstColumn: start.column,
          columns,
          rows: tableRows(
            sheet,
            bounds,
            columns,
            lastRow,
            rules && { ...rules, otherTables: [] },
            notices
          ),
        },
        problems: [],
        notices,
      };
    }
  }
  let nearMiss: Search<K>["nearMiss"];
  for (const sheet of snapshot.sheets) {
    if (sheet.generated) continue;
    for (let r = 0; r < Math.min(sheet.cells.length, 50); r++) {
      let header = sheet.cells[r] ?? [];
      let { columns, missing, duplicates } = matchHeader(header, specs);
      if (missing.length > 0) {
        const found = Object.keys(columns).length;
        if (found > (nearMiss?.found ?? 0)) nearMiss = { sheet: sheet.name, row: r + 1, found };
        const twoRows = r > 0 && headerOverTwoRows(sheet, r, specs);
        if (!twoRows) continue;
        ({ header, columns, missing, duplicates } = twoRows);
        notices.push({
          sheet: sheet.name,
          cell: address(r, 1),
          reason: `the ${tableName} table's header is read over two rows (${r} and ${r + 1}), its headings merged or split across them: ${specs
            .filter((s) => columns[s.key] !== undefined)
            .map(
              (s) =>
                `${quoted(header[columns[s.key] as number])} in column ${address(r + 1, (columns[s.key] as number) + 1).replace(/\d+$/, "")}`
            )
            .join(", ")}.`,
        });
      }
      if (duplicates.length > 0)
        return { problems: duplicateProblems(sheet.name, r + 1, 1, header, duplicates), notices };
      const bounds = {
        name: tableName,
        headerRow: r + 1,
        firstColumn: 1,
        lastColumn: header.length,
      };
      return {
        table: {
          sheet: sheet.name,
          headerRow: r + 1,
          firstColumn: 1,
          columns,
          rows: tableRows(sheet, bounds, columns, sheet.cells.length, rules, notices),
        },
        problems: [],
        notices,
      };
    }
  }
  return {
    problems: [noTable(snapshot, tableName, specs, nearMiss)],
    notices,
    nearMiss,
    absent: true,
  };
}

/**
 * Row r (0-based) read with the row above as one header, when together they name every column
 * the table needs and neither does alone.
 */
function headerOverTwoRows<K extends string>(
  sheet: SheetSnapshot,
  r: number,
  specs: readonly ColumnSpec<K>[]
) {
  const upper = sheet.cells[r - 1] ?? [];
  if (matchHeader(upper, specs).missing.length === 0) return undefined;
  const header = twoRowHeader(upper, sheet.cells[r] ?? [], specs);
  const match = matchHeader(header, specs);
  return match.missing.length === 0 ? { header, ...match } : undefined;
}

const headingHint = (spec: ColumnSpec<string>) =>
  `"${spec.headings[0]}"${spec.headings.length > 1 ? ` (or "${spec.headings.slice(1).join('" or "')}")` : ""}`;

const orList = (items: readonly string[]) =>
  items.length === 1 ? items[0] : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;

/**
 * Why a table was not found, at the most likely place: the header row with the most of its
 * columns (naming those found and those missing), else the sheet named like the table, else the
 * only sheet a user made.
 */
function noTable<K extends string>(
  snapshot: WorkbookSnapshot,
  tableName: string,
  specs: readonly ColumnSpec<K>[],
  nearMiss: Search<K>["nearMiss"]
): InputProblem {
  const required = specs.filter((s) => s.required);
  if (nearMiss) {
    const sheet = snapshot.sheets.find((s) => s.name === nearMiss.sheet) as SheetSnapshot;
    const header = sheet.cells[nearMiss.row - 1] ?? [];
    const { columns, missing } = matchHeader(header, specs);
    const found = specs
      .filter((s) => columns[s.key] !== undefined)
      .map((s) => {
        const index = columns[s.key] as number;
        return `${JSON.stringify(String(header[index]).trim())} in ${address(nearMiss.row, index + 1)}`;
      });
    const first = Math.min(...(Object.values(columns) as number[]));
    return {
      sheet: sheet.name,
      cell: address(nearMiss.row, first + 1),
      reason: `found ${found.join(" and ")} but no ${orList(missing.map((m) => m.what))} column, so no ${tableName} table: add a column headed ${missing.map(headingHint).join(" and a column headed ")} to that header row.`,
    };
  }
  const own = snapshot.sheets.filter((s) => !s.generated);
  const sheet =
    own.find((s) => s.name.trim().toLowerCase() === tableName.toLowerCase()) ??
    (own.length === 1 ? own[0] : undefined);
  return {
    sheet: sheet?.name ?? own[0]?.name ?? snapshot.sheets[0]?.name ?? "(no sheets)",
    cell: "A1",
    reason: `no ${tableName} table: ${
      sheet ? "this sheet has no" : "no sheet has a"
    } header row with ${required.map(headingHint).join(" and ")} in its first 50 rows: add one above the data, or make the data an Excel table named ${tableName}.`,
  };
}

function missingColumns<K extends string>(
  sheet: string,
  cell: string,
  table: string,
  missing: ColumnSpec<K>[]
): InputProblem {
  return {
    sheet,
    cell,
    reason: `the ${table} table has no ${orList(missing.map((m) => m.what))} column: add a column headed ${missing.map(headingHint).join(" and a column headed ")}, or rename the column that holds it.`,
  };
}

/** The A1 address of a located table's cell. */
export function cellOf<K extends string>(table: LocatedTable<K>, row: number, key: K): string {
  return address(row, table.firstColumn + (table.columns[key] ?? 0));
}
