import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { specialKind } from "./file-kind";
import { BadFileError, UsageError } from "./parse-arg";

/** Whether two paths are one file: the same inode also catches links and other spellings. */
export function sameFile(a: string, b: string): boolean {
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

/** A temporary file of ours beside OUT: `.OUT.<pid>.<ms>.tmp`. */
const temporaryName = (out: string, pid: number, ms: number) =>
  `.${path.basename(out)}.${pid}.${ms}.tmp`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (failure) {
    return (failure as NodeJS.ErrnoException).code === "EPERM"; // alive, another user's
  }
}

/**
 * Removes the temporaries an earlier run left beside OUT when it was killed (SIGKILL cannot be
 * caught): ours by name, and only those whose process is gone, so a concurrent writer's stays.
 */
function removeStaleTemporaries(dir: string, out: string): void {
  const prefix = `.${path.basename(out)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.(\d+)\.tmp$/.exec(name.slice(prefix.length));
    if (match && !alive(Number(match[1]))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** A file nobody may write to (no write bit at all): a user's way of saying "keep this". */
const readOnly = (stat: fs.Stats) => (stat.mode & 0o222) === 0;

/**
 * The checks on OUT that need no work done first, so that a run that cannot write says so at
 * once: OUT is not the input, has the kind's extension, is in a folder that exists, is not a
 * folder or a special file, and is not read-only (unless `force`). Returns OUT's current state.
 */
export function checkOut(
  out: string,
  input?: string,
  kind: OutputKind = XLSX_OUTPUT,
  force = false
): fs.Stats | undefined {
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
  const existing = fs.existsSync(out) ? fs.statSync(out) : undefined;
  if (existing?.isDirectory()) {
    throw new UsageError(
      `${out} is a folder: give a file name such as ${path.join(out, kind.example)}.`
    );
  }
  const special = existing && specialKind(existing);
  if (special) throw new UsageError(`${out} is ${special}, not a file: give a file name.`);
  if (existing && readOnly(existing) && !force) {
    throw new UsageError(
      `${out} is read-only, so it was not replaced: give --force to replace it, or another file name.`
    );
  }
  return existing;
}

/**
 * Writes a workbook (or, with another `kind`, any file) to a temporary file beside OUT (same
 * folder, so the rename cannot cross disks) and renames it into place: a failure half-way leaves
 * no half-written OUT — a previous OUT stays as it was — and no temporary file, nor does a
 * SIGINT or SIGTERM during the write. A replaced OUT keeps its permissions (a private 0600 file
 * stays private); a read-only OUT is replaced only with `force`. OUT may never be the input.
 */
export async function writeWorkbookAtomically(
  workbook: WorkbookSource,
  out: string,
  input?: string,
  kind: OutputKind = XLSX_OUTPUT,
  force = false
): Promise<void> {
  const existing = checkOut(out, input, kind, force);
  const dir = path.dirname(path.resolve(out));
  removeStaleTemporaries(dir, out);
  const temporary = path.join(dir, temporaryName(out, process.pid, Date.now()));
  const stop = (signal: NodeJS.Signals) => {
    fs.rmSync(temporary, { force: true });
    forget();
    process.kill(process.pid, signal); // as if we had not caught it: the run stops
  };
  const forget = () => {
    process.removeListener("SIGINT", stop);
    process.removeListener("SIGTERM", stop);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    if (typeof workbook === "function") await workbook(temporary);
    else await workbook.xlsx.writeFile(temporary);
    if (existing) fs.chmodSync(temporary, existing.mode & 0o7777);
    fs.renameSync(temporary, out);
  } catch (failure) {
    const reason = (failure instanceof Error ? failure.message : String(failure)).split("\n")[0];
    throw new BadFileError(`${out} could not be written (${reason}): no file was changed.`);
  } finally {
    forget();
    fs.rmSync(temporary, { force: true });
  }
}
