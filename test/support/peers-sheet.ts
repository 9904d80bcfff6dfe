import fs from "fs";
import path from "path";
import { parseCsv } from "../../src/cli/peers-file";
import { label, v } from "../../src/workbook/cells";
import { PlanCell, PlanSheet } from "../../src/workbook/plan-types";

type Row = (string | number | boolean | null)[];

/** The sample peer table (data/peers-phase1-2014.csv), header first, as the CSV reader gives it. */
export function samplePeerRows(): Row[] {
  const file = path.join(__dirname, "..", "..", "data", "peers-phase1-2014.csv");
  return parseCsv(fs.readFileSync(file, "utf8"));
}

/**
 * A peer table as a sheet a user pastes it into, named Peers: the counts (columns C and D) as
 * numbers where they read as numbers, the rest as text. The sample's unless rows are given.
 */
export function peersSheet(rows: Row[] = samplePeerRows()): PlanSheet {
  const [header, ...data] = rows;
  const cell = (value: Row[number], i: number): PlanCell =>
    (i === 2 || i === 3) && value !== null && value !== "" && !isNaN(Number(value))
      ? v(Number(value))
      : v(value);
  return {
    name: "Peers",
    widths: {},
    blocks: [
      {
        topLeft: "A1",
        rows: [header.map((h) => label(String(h))), ...data.map((row) => row.map(cell))],
      },
    ],
    tables: [],
    charts: [],
  };
}
