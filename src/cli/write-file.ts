import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { BadFileError, UsageError } from "./parse-arg";

/** Whether two paths are one file: the same inode also catches links and other spellings. */
function sameFile(a: string, b: string): boolean {
  try {
    const [one, two] = [fs.statSync(a), fs.statSync(b)];
    return one.dev === two.dev && one.ino === two.ino;
  } catch {
    return false; // one of them does not exist yet
  }
}

/** What writes the file: an exceljs workbook, or a function that writes to the path it is given. */
export type WorkbookSource = ExcelJS.Workbook | ((file: string) => Promise<void>);

/** What a command writes: its file name's extension and what the file is, for messages. */
export interface OutputKind {
  extension: string;
  what: string;
  example: string;
}

export const XLSX_OUTPUT: OutputKind = {
  extension: ".xlsx",
  what: "an Excel workbook",
  example: "tables.xlsx",
};

/**
 * Writes a workbook (or, with another `kind`, any file) to a temporary file beside OUT (same folder, so the rename cannot cross
 * disks) and renames it into place: a failure half-way leaves no half-written OUT — a previous
 * OUT stays as it was — and no temporary file. OUT may never be the input workbook.
 */
export async function writeWorkbookAtomically(
  workbook: WorkbookSource,
  out: string,
  input?: string,
  kind: OutputKind = XLSX_OUTPUT
): Promise<void> {
  if (input && sameFile(out, input)) {
    throw new UsageError(
      `-o ${out} is the input workbook: give another file name, the input is never overwritten.`
    );
  }
  // Excel (and Word) refuse a file whose extension says another format (.xls, .csv, .doc).
  if (path.extname(out).toLowerCase() !== kind.extension) {
    throw new UsageError(`${out} must end in ${kind.extension}: the file written is ${kind.what}.`);
  }
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir)) throw new UsageError(`the folder ${dir} does not exist.`);
  if (fs.existsSync(out) && fs.statSync(out).isDirectory()) {
    throw new UsageError(
      `${out} is a folder: give a file name such as ${path.join(out, kind.example)}.`
    );
  }
  const temporary = path.join(dir, `.${path.basename(out)}.${process.pid}.${Date.now()}.tmp`);
  try {
    if (typeof workbook === "function") await workbook(temporary);
    else await workbook.xlsx.writeFile(temporary);
    fs.renameSync(temporary, out);
  } catch (failure) {
    const reason = (failure instanceof Error ? failure.message : String(failure)).split("\n")[0];
    throw new BadFileError(`${out} could not be written (${reason}): no file was changed.`);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
