import fs from "fs";
import { NotAWorkbook, XlsxPackage, readPackage } from "./package/read";
import { MAX_PART_BYTES, PartTooLarge, ZipArchive, openZip } from "./package/zip-read";
import { BadFileError } from "./parse-arg";
import { DeclaresEntities } from "./package/sheet-read";
import { specialKind } from "./file-kind";

/** The first bytes of the files people hand us instead of an .xlsx, and what to say about them. */
const ZIP = Buffer.from("PK\x03\x04", "latin1");
const EMPTY_ZIP = Buffer.from("PK\x05\x06", "latin1");
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const SAVE_AS = 'save it from Excel as "Excel Workbook (*.xlsx)"';

function head(file: string): Buffer {
  const bytes = Buffer.alloc(8);
  const handle = fs.openSync(file, "r");
  try {
    const read = fs.readSync(handle, bytes, 0, bytes.length, 0);
    return bytes.subarray(0, read);
  } finally {
    fs.closeSync(handle);
  }
}

/** Why a file that is not a zip archive cannot be an .xlsx, in the user's terms. */
function notAWorkbook(file: string, bytes: Buffer): string {
  if (bytes.length === 0) return `${file} is empty, not an Excel workbook.`;
  if (bytes.subarray(0, OLE2.length).equals(OLE2)) {
    // Both the old binary format and an encrypted .xlsx are OLE2 compound files.
    return `${file} is an Excel 97-2003 (.xls) or password-protected workbook: remove the password and ${SAVE_AS}.`;
  }
  if (bytes.toString("latin1", 0, 5) === "%PDF-") return `${file} is a PDF, not an Excel workbook.`;
  return `${file} is not an Excel workbook (.xlsx): ${SAVE_AS}.`;
}

/**
 * Opens an .xlsx file and reads what the tables need (see package/read.ts). A file that is
 * missing, a folder, not an .xlsx (text, CSV, PDF, .xls), truncated or damaged is a BadFileError
 * with a one-line reason (exit status 2), never a stack. The package stays open for the writer,
 * which copies its other parts: `close()` it when done.
 */
export async function loadWorkbook(file: string): Promise<XlsxPackage> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new BadFileError(`${file} does not exist.`);
  }
  if (stat.isDirectory()) throw new BadFileError(`${file} is a folder, not an Excel workbook.`);
  // Reading a named pipe or a device would wait for ever, or for ever more bytes: refuse at once.
  const special = specialKind(stat);
  if (special) throw new BadFileError(`${file} is ${special}, not an Excel workbook file.`);
  let bytes: Buffer;
  try {
    bytes = head(file);
  } catch (failure) {
    throw new BadFileError(`${file} cannot be opened: ${(failure as Error).message}`);
  }
  if (bytes.subarray(0, 4).equals(EMPTY_ZIP)) {
    throw new BadFileError(`${file} is an empty zip archive, not an Excel workbook.`);
  }
  if (!bytes.subarray(0, 4).equals(ZIP)) throw new BadFileError(notAWorkbook(file, bytes));
  let zip: ZipArchive | undefined;
  try {
    zip = await openZip(file);
    return await readPackage(file, zip);
  } catch (failure) {
    zip?.close();
    // A zip of other things (a .docx, a folder of CSVs) is not a damaged workbook.
    if (failure instanceof NotAWorkbook) {
      throw new BadFileError(
        `${file} is a zip archive but not an Excel workbook: it has no sheets.`
      );
    }
    if (failure instanceof DeclaresEntities) {
      throw new BadFileError(
        `${file} is not read: ${failure.message}, which Excel never writes; its entities are neither expanded nor fetched.`
      );
    }
    if (failure instanceof PartTooLarge) {
      throw new BadFileError(
        `${file} is not read: its part ${failure.part} would expand to ${Math.round(failure.bytes / 1024 / 1024).toLocaleString("en-GB")} MB from a file of ${Math.max(1, Math.round(stat.size / 1024)).toLocaleString("en-GB")} KB, more than the ${MAX_PART_BYTES / 1024 / 1024} MB any part of a funding workbook needs (a zip bomb, or not a workbook Excel wrote).`
      );
    }
    // yauzl stops an entry at the size it declares: a part that inflates past it lies.
    if (failure instanceof Error && /too many bytes in the stream/.test(failure.message)) {
      throw new BadFileError(
        `${file} is not read: a part inflates past the size the file declares for it (a zip bomb, or a damaged file).`
      );
    }
    const reason = (failure instanceof Error ? failure.message : String(failure)).split("\n")[0];
    throw new BadFileError(
      `${file} could not be read as an Excel workbook (it may be damaged or truncated: ${reason}).`
    );
  }
}
