import { isError } from "../engine/errors";
import { isBlank, parseCount, parseDate } from "../engine/parse-values";
import { PeerRow } from "../engine/peers";
import { sheetRef } from "./cells";
import {
  ASSUMPTION_COLUMNS,
  CLAIMS_COLUMNS,
  FAMILIES_COLUMNS,
  PEERS_COLUMNS,
  PeersColumn,
} from "./headers";
import type { ReadResult } from "./inputs";
import { InputProblem, LocatedTable, RowRules, cellOf, locateTable } from "./locate";
import { CellValue } from "./plan-types";
import { WorkbookSnapshot, address } from "./snapshot";

/** A Peers row as read, with where its counts are when they are cells of the workbook. */
export interface PeerInput extends PeerRow {
  /** Absolute references ('Peers'!$B$5) for the Report's formulas; absent for a file's rows. */
  cohortCell?: string;
  turnedAroundCell?: string;
}

export interface PeersInput {
  rows: PeerInput[];
  /** Where the table was read: "Peers!A1:F7", or the file given with --peers. */
  source: string;
}

/** What reading a Peers table found: its rows, or nothing (no table), and why not. */
export interface PeersRead {
  peers?: PeersInput;
  problems: InputProblem[];
  notices: InputProblem[];
}

const isText = (v: CellValue): v is string => typeof v === "string" && v.trim() !== "";

const PEERS_RULES: RowRules<PeersColumn> = {
  keyColumn: "authority",
  // An authority is a name: a lone number or date under the table is a note, not a council.
  readsAsKey: (v) => isText(v) && !/^[\d\s,.£%/-]+$/.test(v),
  rowNoun: "a council",
  otherTables: [FAMILIES_COLUMNS, CLAIMS_COLUMNS, ASSUMPTION_COLUMNS],
};

/**
 * What readInputs read, with the workbook's Peers table added to the inputs (none: as it was).
 * A Peers table that cannot be read stops the inputs, each problem by its cell, like the others.
 */
export function withPeers(read: ReadResult, snapshot: WorkbookSnapshot): ReadResult {
  if (!read.inputs) return read;
  const peers = readPeers(snapshot, true);
  const notices = [...read.notices, ...peers.notices];
  if (peers.problems.length > 0) return { problems: peers.problems, notices };
  return {
    ...read,
    inputs: peers.peers ? { ...read.inputs, peers: peers.peers } : read.inputs,
    notices,
  };
}

/**
 * The Peers table of a workbook (or of a file given with --peers, read as a workbook of one
 * sheet), or none. No Peers table is fine — the comparison is left out — unless something looks
 * like one that could not be read: a sheet or Excel table named Peers, or a header row with two
 * of its columns. `cellsAreLive`: the rows' counts are cells the Report may point its formulas
 * at (a table in the workbook written to), not a separate file's.
 */
export function readPeers(snapshot: WorkbookSnapshot, cellsAreLive: boolean): PeersRead {
  const found = locateTable(snapshot, "Peers", PEERS_COLUMNS, PEERS_RULES);
  if (!found.table) {
    const looksMeant =
      !found.absent ||
      (found.nearMiss?.found ?? 0) >= 2 ||
      snapshot.sheets.some((s) => !s.generated && s.name.trim().toLowerCase() === "peers");
    return { problems: looksMeant ? found.problems : [], notices: looksMeant ? found.notices : [] };
  }
  const problems: InputProblem[] = [];
  const rows = peerRows(found.table, cellsAreLive, problems);
  if (problems.length === 0 && rows.length === 0) {
    problems.push({
      sheet: found.table.sheet,
      cell: cellOf(found.table, found.table.headerRow + 1, "authority"),
      reason: "the Peers table has no rows: add a row per council, with its source.",
    });
  }
  return problems.length > 0
    ? { problems, notices: found.notices }
    : { peers: { rows, source: rangeOf(found.table) }, problems, notices: found.notices };
}

/** "Peers!A1:F7": the header row to the last data row, the first column to the last found. */
function rangeOf(table: LocatedTable<PeersColumn>): string {
  const last = table.rows.length > 0 ? table.rows[table.rows.length - 1].row : table.headerRow;
  const lastColumn = table.firstColumn + Math.max(...(Object.values(table.columns) as number[]));
  return `${table.sheet}!${address(table.headerRow, table.firstColumn)}:${address(last, lastColumn)}`;
}

function peerRows(
  table: LocatedTable<PeersColumn>,
  cellsAreLive: boolean,
  problems: InputProblem[]
): PeerInput[] {
  const rows: PeerInput[] = [];
  const seen = new Map<string, string>();
  for (const { row, cells } of table.rows) {
    const at = (key: PeersColumn) => cellOf(table, row, key);
    const raw = (key: PeersColumn) => {
      const column = table.columns[key];
      return column === undefined ? null : cells[column];
    };
    const problem = (key: PeersColumn, reason: string) =>
      problems.push({ sheet: table.sheet, cell: at(key), reason });
    const name = raw("authority");
    if (!isText(name)) {
      problem("authority", "the authority is empty: enter the council's name, or delete the row.");
      continue;
    }
    const authority = name.trim();
    const key = authority.toLowerCase();
    if (seen.has(key)) {
      problem(
        "authority",
        `${authority} appears twice (also in ${seen.get(key)}): give one row per council.`
      );
      continue;
    }
    seen.set(key, at("authority"));
    const countOf = (column: "cohort" | "turnedAround", what: string) => {
      const value = raw(column);
      if (isBlank(value)) {
        problem(column, `${what} is empty: enter the published figure, or delete the row.`);
        return undefined;
      }
      const n = parseCount(what, value);
      if (isError(n)) problem(column, n.message);
      return isError(n) ? undefined : n;
    };
    const cohort = countOf("cohort", "the families in the cohort");
    const turnedAround = countOf("turnedAround", "the families turned around");
    if (!cohort || !turnedAround) continue;
    if (cohort.isZero()) {
      problem("cohort", `${authority}'s cohort is 0: no share can be worked out.`);
      continue;
    }
    if (turnedAround.gt(cohort)) {
      problem(
        "turnedAround",
        `${authority}: ${turnedAround.toString()} families turned around is more than the cohort of ${cohort.toString()}: check the published figures.`
      );
      continue;
    }
    const rawDate = raw("asAt");
    let asAt: number | undefined;
    if (!isBlank(rawDate)) {
      const date = parseDate("the as-at date", rawDate);
      if (isError(date)) {
        problem("asAt", date.message);
        continue;
      }
      asAt = date;
    }
    const text = (column: "region" | "source") => {
      const value = raw(column);
      return isText(value) ? value.trim() : undefined;
    };
    const absolute = (column: PeersColumn) =>
      `${sheetRef(table.sheet)}${at(column).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")}`;
    // Counts typed as text ("1,355") cannot be pointed at by a formula's arithmetic: the Report
    // holds their values instead.
    const live = (column: PeersColumn) =>
      cellsAreLive && typeof raw(column) === "number" ? absolute(column) : undefined;
    rows.push({
      authority,
      cohort,
      turnedAround,
      region: text("region"),
      asAt,
      source: text("source"),
      cohortCell: live("cohort"),
      turnedAroundCell: live("turnedAround"),
    });
  }
  return rows;
}
