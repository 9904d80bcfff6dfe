/**
 * Test support: have LibreOffice Calc independently recalculate every formula of an .xlsx
 * workbook, so tests can compare each computed cell against our engine's value.
 *
 * How it works (see /work/shared/TOOLCHAIN.md, LibreOffice row):
 *  - every call starts `soffice --headless` with its OWN fresh profile in a unique temp dir
 *    (`-env:UserInstallation=file:///tmp/...`), never the user's default profile, so parallel
 *    jest workers cannot interfere with each other or with a desktop LibreOffice;
 *  - that profile's `user/registrymodifications.xcu` sets
 *    `/org.openoffice.Office.Calc/Formula/Load` `OOXMLRecalcMode` (and `ODFRecalcMode`) to 0
 *    = "always recalculate": LibreOffice throws away every cached formula value on load and
 *    recomputes the whole workbook. (Its default is "never": a converted file would simply
 *    carry the cached values through, which is useless as an independent check.)
 *  - it converts the workbook to .xlsx (`--convert-to xlsx`), which keeps every sheet, and
 *    reads the converted file with exceljs: a formula cell's `.result` is LibreOffice's value.
 *
 * Precision: LibreOffice writes cell values with 15 significant digits (e.g. 1/3 is written
 * as 0.333333333333333). Compare money to the penny (|a - b| < 0.005), never with `toBe`.
 *
 * Known LibreOffice (7.4, Debian 12) behaviours that matter when writing formulas for it —
 * see libreoffice.test.ts, which pins each of them:
 *  - functions Excel writes with an `_xlfn.` prefix must carry it in the file
 *    (`_xlfn.FORECAST.LINEAR(...)`); without it LibreOffice gives #NAME?;
 *  - structured references that evaluate correctly: `Table[Column]`, `Table[[Col1]:[Col2]]`,
 *    `Table[[#Data],[Column]]` (also #All, #Headers, #Totals) and, in a calculated column,
 *    `Table[[#This Row],[Column]]` (what Excel itself stores for `[@Column]`);
 *  - forms that do NOT: the `@` shorthand (`[@Column]`, `Table[@Column]`) and any reference
 *    without the table name (`[Column]`, `[[#This Row],[Column]]`) → #N/A / #NAME?; a special
 *    item without a column (`Table[#All]`, `Table[#Data]`, ...) → wrong values or #NAME?; the
 *    bare table name `Table` → the whole table INCLUDING header and totals rows (Excel: data);
 *  - XLOOKUP and LET are unknown (#NAME?) before LibreOffice 24.8;
 *  - some error kinds differ from Excel (SQRT(-1): #VALUE! here, #NUM! in Excel).
 */
import { execFileSync, spawn } from "child_process";
import { accessSync, constants as fsConstants, mkdtempSync, promises as fsp, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import ExcelJS from "exceljs";

/** A cell's value: numbers as numbers, text as strings, errors as their text ("#VALUE!"). */
export type CellValue = number | string | boolean | null;

export interface RecalculatedSheet {
  readonly name: string;
  /**
   * The recalculated value of a cell by A1 address ("B2", "$B$2" and "b2" are the same cell).
   * null for an empty cell. A formula whose result is the empty string reads as "".
   */
  value(address: string): CellValue;
  /** Every non-empty cell, keyed by A1 address without `$` (e.g. "B2"). */
  readonly values: ReadonlyMap<string, CellValue>;
  /**
   * Every formula cell, address → formula text as LibreOffice wrote it back (without "=").
   * LibreOffice may re-spell a formula (`TRUE` → `TRUE()`, unknown names lower-cased).
   */
  readonly formulas: ReadonlyMap<string, string>;
}

export interface RecalculatedWorkbook {
  /** Sheet names in workbook order. */
  readonly sheetNames: readonly string[];
  readonly sheets: ReadonlyMap<string, RecalculatedSheet>;
  /** The sheet of that name; throws (listing the sheets) if there is none. */
  sheet(name: string): RecalculatedSheet;
  /** Shorthand for `sheet(sheetName).value(address)`. */
  value(sheetName: string, address: string): CellValue;
  /** Wall-clock time of the soffice run, in milliseconds. */
  readonly sofficeMs: number;
}

export interface RecalculateOptions {
  /** Kill soffice and reject after this many milliseconds. Default 120 000. */
  timeoutMs?: number;
  /**
   * Force recalculation of every formula (default true). false keeps LibreOffice's default
   * ("never recalculate" cached values) and exists only so the harness can prove that the
   * forcing is what makes the difference.
   */
  forceRecalc?: boolean;
}

export interface FormulaCell {
  sheet: string;
  /** A1 address without `$`. */
  address: string;
  row: number;
  col: number;
  /** Formula text without "=" (a shared formula's dependent cells get their translated text). */
  formula: string;
  /**
   * The value cached in the file. undefined when the file has none — note that exceljs also
   * reports a cached empty-string result as undefined.
   */
  cachedResult: CellValue | undefined;
  /** Part of an array (CSE) formula. */
  array: boolean;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/** The soffice executable: $SOFFICE if set, else `soffice` found on PATH; undefined if none. */
export function sofficePath(): string | undefined {
  const candidates: string[] = [];
  if (process.env.SOFFICE) candidates.push(process.env.SOFFICE);
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir) candidates.push(path.join(dir, "soffice"));
  }
  for (const candidate of candidates) {
    try {
      accessSync(candidate, fsConstants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Whether LibreOffice's `soffice` is available (on PATH, or $SOFFICE). */
export function libreOfficeAvailable(): boolean {
  return sofficePath() !== undefined;
}

/** LibreOffice's version, e.g. "7.4.7.2" (from `soffice --version`); undefined if unknown. */
export function libreOfficeVersion(): string | undefined {
  const soffice = sofficePath();
  if (!soffice) return undefined;
  const home = mkdtempSync(path.join(os.tmpdir(), "lo-version-"));
  try {
    const out = execFileSync(soffice, ["--version"], {
      encoding: "utf8",
      env: isolatedEnv(home),
      timeout: 30_000,
    });
    return /LibreOffice\s+([0-9][0-9.]*)/.exec(out)?.[1];
  } catch {
    return undefined;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** The environment for soffice: its own HOME, so it never writes to the user's (~/.cache/dconf). */
function isolatedEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, ".config"),
    XDG_CACHE_HOME: path.join(home, ".cache"),
  };
}

function registryModifications(forceRecalc: boolean): string {
  // 0 = always recalculate, 1 = never, 2 = prompt (headless: treated as never).
  const mode = forceRecalc ? 0 : 1;
  const item = (prop: string): string =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load">` +
    `<prop oor:name="${prop}" oor:op="fuse"><value>${mode}</value></prop></item>`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<oor:items xmlns:oor="http://openoffice.org/2001/registry"` +
      ` xmlns:xs="http://www.w3.org/2001/XMLSchema"` +
      ` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
    item("OOXMLRecalcMode"),
    item("ODFRecalcMode"),
    `</oor:items>`,
    ``,
  ].join("\n");
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // detached: soffice (a shell script) starts oosplash, which starts soffice.bin; its own
    // process group lets a timeout kill all of them.
    const child = spawn(command, args, { detached: true, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${command}: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(new Error(`soffice timed out after ${timeoutMs} ms and was killed`));
      } else {
        resolve({ code, signal, stdout, stderr });
      }
    });
  });
}

/** "$b$2" → "B2". */
function normaliseAddress(address: string): string {
  const a1 = address.replace(/\$/g, "").toUpperCase();
  if (!/^[A-Z]{1,3}[1-9][0-9]*$/.test(a1)) throw new Error(`not an A1 cell address: ${address}`);
  return a1;
}

function excelSerial(date: Date, date1904: boolean): number {
  // Inverse of exceljs' excelToDate (which it applies to date-formatted numbers).
  return date.getTime() / 86_400_000 + 25_569 - (date1904 ? 1_462 : 0);
}

/** exceljs value or formula result → CellValue. */
function plainValue(value: unknown, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") {
    return value;
  }
  if (value instanceof Date) return excelSerial(value, date1904);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (typeof v.error === "string") return v.error;
    if (Array.isArray(v.richText)) {
      return (v.richText as { text: string }[]).map((run) => run.text).join("");
    }
    if ("hyperlink" in v) return plainValue(v.text, date1904);
  }
  throw new Error(`unexpected cell value ${JSON.stringify(value)}`);
}

function cellFormula(cell: ExcelJS.Cell): string {
  return cell.formula;
}

function isArrayFormula(cell: ExcelJS.Cell): boolean {
  const value = cell.value as { shareType?: string } | null;
  return typeof value === "object" && value !== null && value.shareType === "array";
}

/** Snapshot every non-empty cell of a workbook read by exceljs. */
function snapshot(workbook: ExcelJS.Workbook, sofficeMs: number): RecalculatedWorkbook {
  const date1904 = workbook.properties.date1904 === true;
  const sheets = new Map<string, RecalculatedSheet>();
  workbook.eachSheet((worksheet) => {
    const values = new Map<string, CellValue>();
    const formulas = new Map<string, string>();
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return; // a merged range's hidden cell
        const address = normaliseAddress(cell.address);
        if (cell.type === ExcelJS.ValueType.Formula) {
          formulas.set(address, cellFormula(cell));
          // LibreOffice always writes a value after recalculating, but exceljs drops an empty
          // <v></v>, which is how a formula returning "" is written.
          const result = cell.result as unknown;
          values.set(address, result === undefined ? "" : plainValue(result, date1904));
        } else {
          const value = plainValue(cell.value, date1904);
          if (value !== null) values.set(address, value);
        }
      });
    });
    const name = worksheet.name;
    sheets.set(name, {
      name,
      values,
      formulas,
      value: (address: string) => values.get(normaliseAddress(address)) ?? null,
    });
  });
  const sheetNames = [...sheets.keys()];
  const sheet = (name: string): RecalculatedSheet => {
    const found = sheets.get(name);
    if (!found) {
      throw new Error(
        `no sheet "${name}" in the recalculated workbook; sheets: ${sheetNames.join(", ")}`
      );
    }
    return found;
  };
  return {
    sheetNames,
    sheets,
    sheet,
    value: (sheetName, address) => sheet(sheetName).value(address),
    sofficeMs,
  };
}

function tail(text: string, lines = 20): string {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.includes("failed to launch javaldx"))
    .slice(-lines)
    .join("\n");
}

/**
 * Have LibreOffice Calc recalculate every formula of `xlsxPath` (ignoring the cached values)
 * and return the recalculated values of every sheet.
 *
 * Each call uses its own temp dir (profile, input copy, output), removed afterwards, so calls
 * may run in parallel. Rejects if soffice is missing, fails, times out or writes no file.
 */
export async function recalculate(
  xlsxPath: string,
  options: RecalculateOptions = {}
): Promise<RecalculatedWorkbook> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const forceRecalc = options.forceRecalc ?? true;
  const soffice = sofficePath();
  if (!soffice) throw new Error("LibreOffice is not installed: no soffice on PATH (or $SOFFICE)");
  const source = path.resolve(xlsxPath);
  const stat = await fsp.stat(source).catch(() => undefined);
  if (!stat?.isFile()) throw new Error(`no such workbook: ${source}`);

  const work = await fsp.mkdtemp(path.join(os.tmpdir(), "lo-recalc-"));
  try {
    const profile = path.join(work, "profile");
    const home = path.join(work, "home"); // HOME may also be read-only on CI
    const inDir = path.join(work, "in");
    const outDir = path.join(work, "out");
    await fsp.mkdir(path.join(profile, "user"), { recursive: true });
    await fsp.mkdir(home);
    await fsp.mkdir(inDir);
    await fsp.mkdir(outDir);
    await fsp.writeFile(
      path.join(profile, "user", "registrymodifications.xcu"),
      registryModifications(forceRecalc)
    );
    // A plain copy name avoids any quoting trouble with spaces or odd characters in paths.
    const input = path.join(inDir, "workbook.xlsx");
    const output = path.join(outDir, "workbook.xlsx");
    await fsp.copyFile(source, input);

    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--invisible",
      "--nologo",
      "--nodefault",
      "--norestore",
      "--nolockcheck",
      // Load strictly as OOXML: without it a non-xlsx file would be imported as text/CSV.
      "--infilter=Calc MS Excel 2007 XML",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      outDir,
      input,
    ];
    const started = Date.now();
    const result = await run(soffice, args, isolatedEnv(home), timeoutMs);
    const sofficeMs = Date.now() - started;

    const produced = await fsp.stat(output).catch(() => undefined);
    // soffice exits 0 even when it cannot load the file, so the output file is the real test.
    if (result.code !== 0 || !produced?.isFile() || produced.size === 0) {
      throw new Error(
        `LibreOffice did not recalculate ${source} ` +
          `(exit ${result.code ?? result.signal}; ${produced ? "empty output" : "no output file"})\n` +
          `soffice ${args.join(" ")}\n${tail(result.stdout + "\n" + result.stderr)}`
      );
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    return snapshot(workbook, sofficeMs);
  } finally {
    await fsp.rm(work, { recursive: true, force: true, maxRetries: 3 });
  }
}

/**
 * Every formula cell of a workbook, with the value cached in the file, in sheet order then
 * row-major order — so a test can iterate "every computed cell" and look each one up in
 * `recalculate(...)`'s result.
 */
export async function formulaCells(xlsxPath: string): Promise<FormulaCell[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const date1904 = workbook.properties.date1904 === true;
  const cells: FormulaCell[] = [];
  workbook.eachSheet((worksheet) => {
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const cached = cell.result as unknown;
        cells.push({
          sheet: worksheet.name,
          address: normaliseAddress(cell.address),
          row: Number(cell.row),
          col: Number(cell.col),
          formula: cellFormula(cell),
          cachedResult: cached === undefined ? undefined : plainValue(cached, date1904),
          array: isArrayFormula(cell),
        });
      });
    });
  });
  return cells;
}

/**
 * Have LibreOffice print `xlsxPath` to a PDF at `pdfPath` (every sheet, with each sheet's page
 * setup: print area, fit to pages, orientation, header and footer), with its own profile like
 * recalculate(), so calls may run in parallel. Rejects if soffice is missing or writes no PDF.
 */
export async function printToPdf(
  xlsxPath: string,
  pdfPath: string,
  timeoutMs = DEFAULT_TIMEOUT_MS
): Promise<void> {
  const soffice = sofficePath();
  if (!soffice) throw new Error("LibreOffice is not installed: no soffice on PATH (or $SOFFICE)");
  const work = await fsp.mkdtemp(path.join(os.tmpdir(), "lo-pdf-"));
  try {
    const profile = path.join(work, "profile");
    const home = path.join(work, "home");
    const outDir = path.join(work, "out");
    await fsp.mkdir(path.join(profile, "user"), { recursive: true });
    await fsp.mkdir(home);
    await fsp.mkdir(outDir);
    const input = path.join(work, "workbook.xlsx");
    await fsp.copyFile(path.resolve(xlsxPath), input);
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--invisible",
      "--nologo",
      "--nodefault",
      "--norestore",
      "--nolockcheck",
      "--infilter=Calc MS Excel 2007 XML",
      "--convert-to",
      "pdf:calc_pdf_Export",
      "--outdir",
      outDir,
      input,
    ];
    const result = await run(soffice, args, isolatedEnv(home), timeoutMs);
    const output = path.join(outDir, "workbook.pdf");
    const produced = await fsp.stat(output).catch(() => undefined);
    if (result.code !== 0 || !produced?.isFile() || produced.size === 0) {
      throw new Error(
        `LibreOffice did not print ${xlsxPath} to PDF (exit ${result.code ?? result.signal})\n` +
          `soffice ${args.join(" ")}\n${tail(result.stdout + "\n" + result.stderr)}`
      );
    }
    await fsp.mkdir(path.dirname(path.resolve(pdfPath)), { recursive: true });
    await fsp.copyFile(output, pdfPath);
  } finally {
    await fsp.rm(work, { recursive: true, force: true, maxRetries: 3 });
  }
}
