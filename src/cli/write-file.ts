import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { UsageError } from "./parse-arg";

/**
 * Writes a workbook to a temporary file beside OUT and renames it into place, so a failure
 * half-way leaves no half-written OUT (and any previous OUT as it was).
 */
export async function writeWorkbookAtomically(
  workbook: ExcelJS.Workbook,
  out: string,
  input?: string
): Promise<void> {
  if (input && fs.existsSync(out) && fs.realpathSync(out) === fs.realpathSync(input)) {
    throw new UsageError(
      `-o ${out} is the input workbook: give another file name, the input is never overwritten.`
    );
  }
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir)) throw new UsageError(`the folder ${dir} does not exist.`);
  const temporary = path.join(dir, `.${path.basename(out)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await workbook.xlsx.writeFile(temporary);
    fs.renameSync(temporary, out);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
