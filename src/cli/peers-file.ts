import { promises as fsp } from "fs";
import path from "path";
import { PeersInput, readPeers } from "../workbook/peers-read";
import { CellValue } from "../workbook/plan-types";
import { WorkbookSnapshot } from "../workbook/snapshot";
import { FundingInputs } from "../workbook/inputs";
import { BadFileError, UsageError } from "./parse-arg";
import { problemLine } from "./problem-line";
import { loadWorkbook } from "./xlsx-load";

/**
 * The rows of a CSV file (RFC 4180: fields in double quotes may hold commas, line breaks and
 * doubled quotes), blank fields as null. Values stay text: the Peers reader parses counts and
 * dates as it does a workbook's typed text ("1,355", "9 July 2014").
 */
export function parseCsv(text: string): CellValue[][] {
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark Excel writes
  const endField = () => {
    row.push(field.trim() === "" ? null : field);
    field = "";
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/**
 * The inputs with the peers of `--peers FILE` in place of any Peers table of the workbook, and
 * the note saying so when the workbook had one.
 */
export async function withPeersFile(
  inputs: FundingInputs,
  file: string | undefined,
  out: string
): Promise<{ inputs: FundingInputs; notes: string[] }> {
  if (file === undefined) return { inputs, notes: [] };
  if (path.resolve(file) === path.resolve(out))
    throw new UsageError(
      `--peers ${file} is the file to write (-o): give the peers in another file.`
    );
  const peers = await readPeersFile(file);
  const notes = inputs.peers
    ? [`--peers ${file} is used in place of the workbook's Peers table (${inputs.peers.source}).`]
    : [];
  return { inputs: { ...inputs, peers }, notes };
}

/**
 * `--peers FILE`: a Peers table in a CSV file or an .xlsx workbook, read by the same reader as a
 * workbook's own Peers table. A file that cannot be read stops the command with each problem
 * by cell ("peers.csv!C4: …"), as a workbook's would.
 */
export async function readPeersFile(file: string): Promise<PeersInput> {
  const name = path.basename(file);
  let snapshot: WorkbookSnapshot;
  if (path.extname(file).toLowerCase() === ".csv") {
    let text: string;
    try {
      text = await fsp.readFile(file, "utf8");
    } catch (failure) {
      const code = (failure as NodeJS.ErrnoException).code;
      throw new BadFileError(
        code === "ENOENT"
          ? `${file} does not exist: --peers needs a CSV file or workbook holding a Peers table.`
          : `${file} cannot be read (${code ?? String(failure)}).`
      );
    }
    snapshot = { sheets: [{ name, cells: parseCsv(text) }], tables: [] };
  } else {
    const workbook = await loadWorkbook(file);
    snapshot = workbook.snapshot;
    workbook.zip.close();
  }
  const read = readPeers(snapshot, false);
  if (read.peers) {
    const csv = snapshot.sheets.length === 1 && snapshot.sheets[0].name === name;
    return { ...read.peers, source: csv ? name : `${name}, ${read.peers.source}` };
  }
  const problems =
    read.problems.length > 0
      ? read.problems
      : [
          {
            sheet: name,
            cell: "A1",
            reason:
              'no Peers table: give it a header row with "Authority", "Families in the cohort" and "Families turned around" (and, best, "As at" and "Source").',
          },
        ];
  throw new BadFileError(
    `${file} cannot be used as --peers:\n${problems.map(problemLine).join("\n")}`
  );
}
