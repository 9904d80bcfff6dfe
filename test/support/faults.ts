import { serialFromIso } from "../../src/engine/dates";
import { CellValue, PlanSheet } from "../../src/workbook/plan-types";
import { WorkbookSnapshot, parseAddress } from "../../src/workbook/snapshot";
import { AuthorityInput, authoritySheets } from "./national";

/*
 * The faults the national-scale tests inject into one authority's input, each with the one
 * problem reading must report: a row with text in a count, a missing financial year, a claim
 * entered twice and a date in the future. A fault is the input sheets (rows added or removed as
 * a user would) plus single cells overwritten, so the unit tests (a snapshot) and the command-line
 * tests (a real .xlsx) inject the same thing.
 */

/** The input tables' headers are on row 4 (src/workbook/sample.ts): data starts on row 5. */
const FIRST_ROW = 5;

/** The sheet row of the claim at `index` (0-based) in the Claims table. */
export const claimRow = (index: number): number => FIRST_ROW + index;

export interface CellEdit {
  sheet: string;
  cell: string;
  value: CellValue;
}

export interface InjectedFault {
  name: string;
  sheets: PlanSheet[];
  edits: CellEdit[];
  /** The one problem reading must report. */
  expected: { sheet: string; cell: string; reason: string };
}

/** A snapshot with the edits made (the rows edited are copied, the snapshot is not changed). */
export function withEdits(
  snapshot: WorkbookSnapshot,
  edits: readonly CellEdit[]
): WorkbookSnapshot {
  const sheets = snapshot.sheets.map((sheet) => ({ ...sheet, cells: [...sheet.cells] }));
  for (const edit of edits) {
    const sheet = sheets.find((s) => s.name === edit.sheet);
    const at = parseAddress(edit.cell);
    if (!sheet || !at) throw new Error(`no cell ${edit.sheet}!${edit.cell}`);
    while (sheet.cells.length < at.row) sheet.cells.push([]);
    const line = [...sheet.cells[at.row - 1]];
    while (line.length < at.column) line.push(null);
    line[at.column - 1] = edit.value;
    sheet.cells[at.row - 1] = line;
  }
  return { ...snapshot, sheets };
}

/** Text typed in the families count of the claim at `index`. */
export function textInCount(input: AuthorityInput, index: number, text = "n/a"): InjectedFault {
  const cell = `C${claimRow(index)}`;
  return {
    name: `text in the count of claim row ${claimRow(index)}`,
    sheets: authoritySheets(input),
    edits: [{ sheet: "Claims", cell, value: text }],
    expected: {
      sheet: "Claims",
      cell,
      reason: `families must be a number of families, not ${JSON.stringify(text)}.`,
    },
  };
}

/** The Families row of one financial year deleted (the rows below move up). */
export function missingYear(input: AuthorityInput, year: string): InjectedFault {
  const families = input.families.filter(([label]) => label !== year);
  const programmeYear = input.families.findIndex(([label]) => label === year) + 1;
  if (programmeYear === 0 || programmeYear === input.families.length)
    throw new Error(`${year} is not a year before the last`);
  return {
    name: `the Families row for ${year} deleted`,
    sheets: authoritySheets({ ...input, families }),
    edits: [],
    expected: {
      sheet: "Families",
      // The next year's row has moved up into the deleted row's place.
      cell: `A${FIRST_ROW + programmeYear - 1}`,
      reason: `there is no row for ${year} (programme year ${programmeYear}), though later years have rows: insert a row for ${year} here, with 0 families if none were nominated or attached that year.`,
    },
  };
}

/** The claim at `first` entered again, as a new row at `again` (> first). */
export function duplicateClaim(input: AuthorityInput, first: number, again: number): InjectedFault {
  const claims = [...input.claims];
  claims.splice(again, 0, claims[first]);
  const reference = claims[first][4];
  const cell = `E${claimRow(again)}`;
  return {
    name: `the claim of row ${claimRow(first)} entered again at row ${claimRow(again)}`,
    sheets: authoritySheets({ ...input, claims }),
    edits: [],
    expected: {
      sheet: "Claims",
      cell,
      reason: `claim reference "${reference}" appears twice (also Claims!E${claimRow(first)}): each claim is made once, so remove the repeated row or correct its reference.`,
    },
  };
}

/** The claim at `index` dated `iso`, after `today` (ISO). */
export function futureDate(
  input: AuthorityInput,
  index: number,
  iso: string,
  today: string
): InjectedFault {
  const cell = `A${claimRow(index)}`;
  return {
    name: `claim row ${claimRow(index)} dated ${iso}`,
    sheets: authoritySheets(input),
    edits: [{ sheet: "Claims", cell, value: serialFromIso(iso) ?? iso }],
    expected: {
      sheet: "Claims",
      cell,
      reason: `the claim date ${iso} is in the future (today is ${today}): a claim is entered once it has been made, so correct the date.`,
    },
  };
}
