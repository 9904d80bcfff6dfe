import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { pathToFileURL } from "url";
import { serialOfLocalDate } from "../../src/engine/dates";
import { isError } from "../../src/engine/errors";
import { loadWorkbook } from "../../src/cli/xlsx-load";
import { readInputs } from "../../src/workbook/inputs";
import { buildPlan } from "../../src/workbook/plan";
import { snapshotOfPlan } from "../../src/workbook/plan-snapshot";
import { CellValue } from "../../src/workbook/plan-types";
import { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { builtCli } from "../support/cli";
import { libreOfficeAvailable, sofficePath } from "../support/libreoffice";
import { unzip, zip } from "../support/zip";

/**
 * `tf-funding tables` copies the user's workbook without loss, whoever made it: exceljs (our own
 * sample), openpyxl (a chart, notes, data validation, conditional formats, a defined name) and
 * LibreOffice (the openpyxl workbook saved again by Calc). Every part of IN is in OUT with the
 * same bytes but the four listing parts, the generated sheets read back with the engine's
 * values, and LibreOffice opens OUT with the user's chart still in it.
 */
const cli = builtCli("copy", 120000);
const { tf, file } = cli;
const haveLibreOffice = libreOfficeAvailable();
const withLibreOffice = haveLibreOffice ? it : it.skip;

/** The parts OUT rewrites; every other entry of IN must be in OUT unchanged. */
const REWRITTEN = [
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
];

/** LibreOffice converts `input` (to xlsx or pdf) with a profile of its own; the output's path. */
function libreOffice(input: string, to: "xlsx" | "pdf"): string {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "tf-copy-lo-"));
  const outDir = path.join(work, "out");
  const home = path.join(work, "home");
  fs.mkdirSync(outDir);
  fs.mkdirSync(home);
  const source = path.join(work, "in.xlsx");
  fs.copyFileSync(input, source);
  spawnSync(
    sofficePath()!,
    [
      `-env:UserInstallation=${pathToFileURL(path.join(work, "profile")).href}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      to,
      "--outdir",
      outDir,
      source,
    ],
    { env: { ...process.env, HOME: home }, timeout: 120000, stdio: "pipe" }
  );
  const output = path.join(outDir, `in.${to}`);
  if (!fs.existsSync(output)) throw new Error(`LibreOffice could not open ${input}`);
  const kept = `${input}.lo.${to}`;
  fs.copyFileSync(output, kept);
  fs.rmSync(work, { recursive: true, force: true });
  return kept;
}

async function snapshotOf(name: string): Promise<WorkbookSnapshot> {
  const workbook = await loadWorkbook(name);
  workbook.zip.close();
  return workbook.snapshot;
}

/** Cells without trailing blanks: an empty cell at the end of a row is no cell at all. */
const trimmed = (cells: CellValue[][]) => {
  const rows = cells.map((row) => {
    const copy = [...row];
    while (copy.length > 0 && (copy[copy.length - 1] === null || copy[copy.length - 1] === ""))
      copy.pop();
    return copy;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
};

const fixtures: Record<string, () => string> = {
  exceljs: () => file("exceljs.xlsx"),
  openpyxl: () => file("openpyxl.xlsx"),
  libreoffice: () => file("libreoffice.xlsx"),
  "excel-style tables": () => file("excel-tables.xlsx"),
};

beforeAll(() => {
  cli.build();
  expect(tf("sample", file("exceljs.xlsx")).status).toBe(0);
  execFileSync("/usr/bin/python3", [
    path.join(__dirname, "..", "fixtures", "openpyxl-inputs.py"),
    file("openpyxl.xlsx"),
  ]);
  // Tables as Excel writes them: no headerRowCount attribute (its default is one header row).
  const parts = unzip(fs.readFileSync(file("openpyxl.xlsx")));
  for (const name of Object.keys(parts).filter((n) => n.startsWith("xl/tables/")))
    parts[name] = Buffer.from(parts[name].toString().replace(/ headerRowCount="1"/, ""));
  fs.writeFileSync(file("excel-tables.xlsx"), zip(parts));
  if (haveLibreOffice)
    fs.copyFileSync(libreOffice(file("openpyxl.xlsx"), "xlsx"), file("libreoffice.xlsx"));
}, 240000);

afterAll(() => cli.remove());

const cases = Object.keys(fixtures).filter((name) => haveLibreOffice || name !== "libreoffice");

describe.each(cases)("tables on a workbook made by %s", (maker) => {
  const input = () => fixtures[maker]();
  const out = () => file(`${maker}-out.xlsx`);

  beforeAll(() => {
    const { status, stderr } = tf("tables", input(), "-o", out());
    expect(stderr).toBe("");
    expect(status).toBe(0);
  }, 60000);

  it("copies every part of IN into OUT with the same bytes, but the listing parts", () => {
    const before = unzip(fs.readFileSync(input()));
    const after = unzip(fs.readFileSync(out()));
    const changed = Object.keys(before).filter(
      (name) => !after[name] || !after[name].equals(before[name])
    );
    expect(changed.filter((name) => !REWRITTEN.includes(name))).toEqual([]);
    expect(Object.keys(before).length).toBeGreaterThan(8);
    // The user's own defined name is still there, beside the plan's.
    const workbook = after["xl/workbook.xml"].toString();
    if (maker !== "exceljs")
      expect(workbook).toMatch(/<definedName [^>]*name="Cohort"[^>]*>\$?Families!\$B\$5</);
    expect(workbook).toContain('<definedName name="TF_SuccessRate">');
  });

  it("adds the generated sheets with the engine's values cached, the input sheets as they were", async () => {
    const before = await snapshotOf(input());
    const after = await snapshotOf(out());
    const read = readInputs(before, { today: serialOfLocalDate(new Date()) });
    expect(read.problems).toEqual([]);
    const plan = buildPlan(read.inputs!);
    if (isError(plan)) throw new Error(plan.message);
    const expected = snapshotOfPlan(plan);
    expect(after.sheets.map((s) => s.name)).toEqual([
      ...before.sheets.map((s) => s.name),
      ...plan.sheets.map((s) => s.name),
    ]);
    for (const sheet of before.sheets)
      expect(after.sheets.find((s) => s.name === sheet.name)!.cells).toEqual(sheet.cells);
    for (const sheet of expected.sheets) {
      const written = after.sheets.find((s) => s.name === sheet.name)!;
      expect(written.generated).toBe(true);
      expect(trimmed(written.cells)).toEqual(trimmed(sheet.cells));
    }
    expect(after.tables).toEqual([...before.tables, ...expected.tables]);
    // Figures of the sample's cohort, to the penny, as the engine and the cache have them.
    expect(plan.summary.envelope).toBe(2352000);
    expect(plan.summary.atRisk).toBe(705600);
  });

  it("rebuilds its own sheets in OUT, and still carries IN's parts unchanged", async () => {
    const rebuilt = file(`${maker}-rebuilt.xlsx`);
    expect(tf("tables", out(), "-o", rebuilt, "--success-rate", "0.5").status).toBe(0);
    const before = unzip(fs.readFileSync(input()));
    const first = unzip(fs.readFileSync(out()));
    const again = unzip(fs.readFileSync(rebuilt));
    for (const name of Object.keys(before).filter((n) => !REWRITTEN.includes(n)))
      expect([name, again[name]?.equals(before[name])]).toEqual([name, true]);
    // The replaced sheets' parts are gone: the same parts as the first build, no leftovers.
    expect(Object.keys(again).sort()).toEqual(Object.keys(first).sort());
    const workbook = again["xl/workbook.xml"].toString();
    expect(workbook.match(/name="TF_SuccessRate"/g)).toHaveLength(1);
    expect(workbook.match(/<sheet /g)).toHaveLength(
      (first["xl/workbook.xml"].toString().match(/<sheet /g) ?? []).length
    );
  });

  withLibreOffice(
    "opens in LibreOffice, with the user's chart still there",
    () => {
      const saved = unzip(fs.readFileSync(libreOffice(out(), "xlsx")));
      const workbook = saved["xl/workbook.xml"].toString();
      for (const sheet of ["Families", "Claims", "Cash envelope", "Funding assumptions"])
        expect(workbook).toContain(`name="${sheet}"`);
      if (maker !== "exceljs") {
        expect(Object.keys(saved)).toContain("xl/charts/chart1.xml");
        const after = unzip(fs.readFileSync(out()));
        expect(Object.keys(after)).toContain("xl/charts/chart1.xml");
        expect(after["xl/drawings/_rels/drawing1.xml.rels"].toString()).toContain("chart1.xml");
      }
    },
    150000
  );
});

describe("an Excel-style table (no headerRowCount)", () => {
  it("is read with its first row as the header row", async () => {
    const tables = (await snapshotOf(file("excel-tables.xlsx"))).tables;
    expect(
      unzip(fs.readFileSync(file("excel-tables.xlsx")))["xl/tables/table1.xml"].toString()
    ).not.toContain("headerRowCount");
    expect(tables).toContainEqual({
      name: "Families",
      sheet: "Families",
      range: "A4:C6",
      hasTotalsRow: false,
    });
  });
});
