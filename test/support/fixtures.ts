import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { pathToFileURL } from "url";
import { sampleCommand } from "../../src/cli/sample";
import { excelMadeWorkbook } from "../fixtures/excel-made";
import { sofficePath } from "./libreoffice";

/**
 * Field fixtures: workbooks as councils keep them, made by the tools councils' files come from,
 * by the generators under test/fixtures/ (never committed binaries). Built once per test process
 * into a temp folder and removed when the process exits.
 *
 *  - openpyxl (Debian's /usr/bin/python3 with python3-openpyxl): test/fixtures/openpyxl_workbooks.py;
 *  - LibreOffice: some of those converted by `soffice --convert-to xlsx` (its own chart XML,
 *    styles, and the cached formula values openpyxl does not write);
 *  - Excel: package parts as Excel 365 writes them (test/fixtures/excel-made.ts);
 *  - exceljs: `tf-funding sample` (src/cli/sample.ts).
 */
export const OPENPYXL = [
  "phase1-730",
  "phase1-730-no-blank-row",
  "phase2-bnes",
  "numbers-as-text",
  "numbers-as-numbers",
  "families-only",
  "duplicate-headers",
  "bad-outcome",
  "header-one-row",
  "header-merged",
  "header-grouped",
  "header-split",
] as const;

/** The openpyxl workbooks also passed through LibreOffice, named "libreoffice/<name>". */
export const LIBREOFFICE = [
  "phase1-730",
  "phase2-bnes",
  "numbers-as-text",
  "families-only",
  "header-grouped",
] as const;

export type FixtureName =
  | (typeof OPENPYXL)[number]
  | `libreoffice/${(typeof LIBREOFFICE)[number]}`
  | "excel/bnes"
  | "exceljs/sample";

export type FieldFixtures = Record<FixtureName, string>;

/** Which tool wrote a fixture: the part of its name before the slash, openpyxl if none. */
export const madeBy = (name: FixtureName): string =>
  name.includes("/") ? name.split("/")[0] : "openpyxl";

const PYTHON = "/usr/bin/python3";
const GENERATOR = path.join(__dirname, "..", "fixtures", "openpyxl_workbooks.py");
const folder = path.join(os.tmpdir(), `tf-field-fixtures-${process.pid}`);
const COMPLETE = path.join(folder, ".complete");

let building: Promise<FieldFixtures> | undefined;

function paths(): FieldFixtures {
  const entries: [FixtureName, string][] = [
    ...OPENPYXL.map((name): [FixtureName, string] => [
      name,
      path.join(folder, "openpyxl", `${name}.xlsx`),
    ]),
    ...LIBREOFFICE.map((name): [FixtureName, string] => [
      `libreoffice/${name}`,
      path.join(folder, "libreoffice", `${name}.xlsx`),
    ]),
    ["excel/bnes", path.join(folder, "excel", "bnes.xlsx")],
    ["exceljs/sample", path.join(folder, "exceljs", "sample.xlsx")],
  ];
  return Object.fromEntries(entries) as FieldFixtures;
}

/** Every field fixture's path, building them on the first call of the process. */
export function fieldFixtures(): Promise<FieldFixtures> {
  building ??= build();
  return building;
}

async function build(): Promise<FieldFixtures> {
  const files = paths();
  // Another test file in the same jest worker process may have built them already.
  if (fs.existsSync(COMPLETE)) return files;
  fs.rmSync(folder, { recursive: true, force: true });
  process.once("exit", () => fs.rmSync(folder, { recursive: true, force: true }));

  execFileSync(PYTHON, [GENERATOR, path.join(folder, "openpyxl")], { stdio: "pipe" });
  convertWithLibreOffice(
    LIBREOFFICE.map((name) => files[name]),
    path.join(folder, "libreoffice"),
    "xlsx"
  );
  fs.mkdirSync(path.join(folder, "excel"), { recursive: true });
  fs.writeFileSync(files["excel/bnes"], excelMadeWorkbook());
  fs.mkdirSync(path.join(folder, "exceljs"), { recursive: true });
  const sample = await sampleCommand([files["exceljs/sample"]]);
  if (sample.status !== 0) throw new Error(`tf-funding sample failed: ${sample.stderr}`);

  for (const [name, file] of Object.entries(files)) {
    if (!fs.existsSync(file)) throw new Error(`the field fixture ${name} was not made (${file})`);
  }
  fs.writeFileSync(COMPLETE, "");
  return files;
}

/**
 * `soffice --headless --convert-to FORMAT` of some files into `outDir` (same base names), in one
 * soffice run with its own profile and HOME, so parallel test workers never share a profile.
 * Returns the converted files' paths; throws, with soffice's output, if any is missing.
 */
export function convertWithLibreOffice(inputs: string[], outDir: string, format: string): string[] {
  const soffice = sofficePath();
  if (!soffice) throw new Error("LibreOffice is not installed: no soffice on PATH (or $SOFFICE)");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "lo-fixture-"));
  fs.mkdirSync(outDir, { recursive: true });
  try {
    const output = execFileSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(path.join(work, "profile")).href}`,
        "--headless",
        "--invisible",
        "--nologo",
        "--nodefault",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        format,
        "--outdir",
        outDir,
        ...inputs,
      ],
      {
        encoding: "utf8",
        stdio: "pipe",
        timeout: 120_000,
        env: {
          ...process.env,
          HOME: work,
          XDG_CONFIG_HOME: path.join(work, ".config"),
          XDG_CACHE_HOME: path.join(work, ".cache"),
        },
      }
    );
    const made = inputs.map((input) =>
      path.join(outDir, `${path.basename(input, path.extname(input))}.${format.split(":")[0]}`)
    );
    const missing = made.filter((file) => !fs.existsSync(file) || fs.statSync(file).size === 0);
    if (missing.length > 0) {
      throw new Error(`LibreOffice did not write ${missing.join(", ")}:\n${output}`);
    }
    return made;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
