import fs from "fs";
import { builtCli, CliRun } from "../support/cli";
import {
  convertWithLibreOffice,
  FieldFixtures,
  fieldFixtures,
  FixtureName,
} from "../support/fixtures";
import { recalculate } from "../support/libreoffice";
import { cachedFormulas, partsNotKept, zipEntries } from "../support/unzip";
import { EXCEL_MADE_CLAIMS, EXCEL_MADE_FAMILIES } from "../fixtures/excel-made";

/**
 * Issue 10's acceptance tests: `tf-funding tables` (the built command line, in a child process)
 * on workbooks as councils keep them, written by openpyxl, LibreOffice, Excel and exceljs
 * (test/support/fixtures.ts). The figures come from the funding rules, not from the code:
 *  - phase 1, cohort 730 with 300/250/180 attached: 5/6 of 730 = 608.33 → 608 funded, and
 *    608 × £4,000 = £2,432,000; the 122 attached beyond 608 earn nothing;
 *  - B&NES-style phase 2: 527 attached × £1,000 = £527,000 secured, 212 results × £800 = £169,600;
 *  - numbers as text: cohort "1,294" → 1,078 funded (1,294 × 5/6 = 1,078.33), £4,312,000;
 *  - Barnet's 705 (the sample and families-only): 588 funded, £2,352,000.
 */
const cli = builtCli("field-workbooks", 120_000);
const { tf, file } = cli;
let fixtures: FieldFixtures;

beforeAll(async () => {
  cli.build();
  fixtures = await fieldFixtures();
}, 240_000);

afterAll(() => cli.remove());

const GENERATED = ["Report", "Cash envelope", "PbR risk", "Claims by year", "Funding assumptions"];

/** What each readable fixture needs on the command line, and the chart a user drew in it. */
const READABLE: Partial<Record<FixtureName, { flags: string[]; chart?: string }>> = {
  "phase1-730": { flags: [], chart: "'TF budget'!$C$" },
  "phase1-730-no-blank-row": { flags: [], chart: "'TF budget'!$C$" },
  "libreoffice/phase1-730": { flags: [], chart: "'TF budget'!$C$" },
  "phase2-bnes": { flags: ["--framework", "phase2"] },
  "libreoffice/phase2-bnes": { flags: ["--framework", "phase2"] },
  "excel/bnes": { flags: ["--framework", "phase2"], chart: "Families!$C$" },
  "numbers-as-text": { flags: [] },
  "numbers-as-numbers": { flags: [] },
  "libreoffice/numbers-as-text": { flags: [] },
  "families-only": { flags: [] },
  "libreoffice/families-only": { flags: [] },
  "exceljs/sample": { flags: [] },
};
const readable = Object.keys(READABLE) as FixtureName[];

interface TablesRun extends CliRun {
  out: string;
  /** The --json summary when the run succeeded. */
  summary?: Record<string, unknown>;
}

const runs = new Map<string, TablesRun>();

/** `tf-funding tables FIXTURE -o OUT [flags]` (once per fixture and flags in this file). */
function tables(name: FixtureName, ...flags: string[]): TablesRun {
  const key = [name, ...flags].join(" ");
  const cached = runs.get(key);
  if (cached) return cached;
  const out = file(`${key.replace(/[^A-Za-z0-9.-]+/g, "_")}.out.xlsx`);
  const run: TablesRun = { ...tf("tables", fixtures[name], "-o", out, ...flags), out };
  if (run.status === 0 && flags.includes("--json")) run.summary = JSON.parse(run.stdout);
  runs.set(key, run);
  return run;
}

/** The --json summary of a fixture's run with its usual flags; fails with what the CLI said. */
function summaryOf(name: FixtureName, ...extra: string[]): Record<string, unknown> {
  const run = tables(name, ...READABLE[name]!.flags, ...extra, "--json");
  // Notes (a totals row skipped, say) may go to stderr; anything else there is a failure.
  expect({
    status: run.status,
    stderr: run.stderr.split("\n").filter((line) => line && !line.startsWith("tf-funding: note: ")),
    stdout: run.status === 0 ? "" : run.stdout,
  }).toEqual({
    status: 0,
    stderr: [],
    stdout: "",
  });
  // Where OUT went differs from run to run; the figures must not.
  const figures = { ...run.summary! };
  delete figures.out;
  return figures;
}

const said = (run: CliRun) => `${run.stdout}\n${run.stderr}`;

function sheetNames(xlsx: string): string[] {
  const workbook = zipEntries(xlsx).get("xl/workbook.xml")?.toString("utf8") ?? "";
  return [...workbook.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
}

describe("the figures issue 10 demands", () => {
  it.each(["phase1-730", "libreoffice/phase1-730"] as FixtureName[])(
    "%s: only the 608 funded of 730 attached are paid: envelope £2,432,000",
    (name) => {
      expect(summaryOf(name)).toMatchObject({ cohort: 730, funded: 608, envelope: 2_432_000 });
    }
  );

  it("phase1-730 says that 122 attached families are beyond the 608 funded", () => {
    const run = tables("phase1-730");
    expect(run.status).toBe(0);
    expect(said(run)).toMatch(/\b608\b/);
    expect(said(run)).toMatch(/\b122\b/);
  });

  it("--funded drives the envelope: 600 funded × £4,000 = £2,400,000", () => {
    expect(summaryOf("phase1-730", "--funded", "600")).toMatchObject({
      funded: 600,
      envelope: 2_400_000,
    });
  });

  it("phase1-730: UK text dates and council wordings are read, and the blank row drops no claim", () => {
    const withGap = summaryOf("phase1-730");
    const withoutGap = summaryOf("phase1-730-no-blank-row");
    expect(withGap.claimedToDate).toBeGreaterThan(0);
    // Turned around: crime/ASB/education 40 + 62 + 85 + 70 and continuous employment 6, of the
    // 730 cohort (the top-up after an earlier claim and progress to work do not count again).
    expect(withGap.turnedAroundShare).toBeCloseTo(263 / 730, 12);
    expect(withGap).toEqual(withoutGap);
    expect(summaryOf("libreoffice/phase1-730")).toEqual(withGap);
  });

  it("phase1-730 says, by cell, the blank row and the Total rows it skipped", () => {
    const run = tables("phase1-730");
    expect(run.status).toBe(0);
    expect(said(run)).toMatch(/Claims!A6\b/); // the blank row
    expect(said(run)).toMatch(/Claims!A11\b/); // Claims' Total row
    expect(said(run)).toMatch(/TF budget!A7\b/); // the budget's Total row
  });

  it.each(["phase2-bnes", "libreoffice/phase2-bnes", "excel/bnes"] as FixtureName[])(
    "%s with --framework phase2: £527,000 secured, £169,600 claimed",
    (name) => {
      expect(summaryOf(name)).toMatchObject({
        framework: expect.stringMatching(/^phase ?2$/i),
        secured: 527_000,
        claimedToDate: 169_600,
        turnedAroundShare: expect.closeTo(212 / 700, 12),
      });
    }
  );

  it("numbers stored as text give the same figures as the numbers", () => {
    const numbers = summaryOf("numbers-as-numbers");
    expect(numbers).toMatchObject({ cohort: 1294, funded: 1078, envelope: 4_312_000 });
    expect(summaryOf("numbers-as-text")).toEqual(numbers);
    expect(summaryOf("libreoffice/numbers-as-text")).toEqual(numbers);
  });

  it.each(["families-only", "libreoffice/families-only"] as FixtureName[])(
    "%s: every table is built, with nothing claimed yet",
    (name) => {
      expect(summaryOf(name)).toMatchObject({
        cohort: 705,
        funded: 588,
        envelope: 2_352_000,
        claimedToDate: 0,
      });
      expect(sheetNames(tables(name, "--json").out)).toEqual(["Families", ...GENERATED]);
    }
  );

  it("exceljs/sample (tf-funding sample): envelope £2,352,000, £705,600 at risk", () => {
    expect(summaryOf("exceljs/sample")).toMatchObject({ envelope: 2_352_000, atRisk: 705_600 });
  });
});

describe("a claims header written over two rows (merged down, grouped, split) is read as one", () => {
  // 40 crime/ASB/education at £700, 5 progress to work at £100 and 12 continuous employment at
  // £800, all on families attached in 2012/13 (first in, first out): £38,100.
  const CLAIMED = 40 * 700 + 5 * 100 + 12 * 800;

  it("an ordinary one-row header, to compare with", () => {
    const run = tables("header-one-row", "--json");
    expect(run.status).toBe(0);
    expect(run.summary?.claimedToDate).toBe(CLAIMED);
    expect(run.stderr).not.toMatch(/two rows/);
  });

  it.each(["header-merged"] as FixtureName[])(
    "%s: headings merged down over rows 3 and 4 (the lower cells empty)",
    (name) => {
      const run = tables(name, "--json");
      expect(run.status).toBe(0);
      expect(run.summary?.claimedToDate).toBe(CLAIMED);
    }
  );

  it.each(["header-grouped", "libreoffice/header-grouped", "header-split"] as FixtureName[])(
    "%s: the header's headings are on two rows, and the note says so by cell",
    (name) => {
      const run = tables(name, "--json");
      expect(run.status).toBe(0);
      expect(run.summary?.claimedToDate).toBe(CLAIMED);
      expect(run.stderr).toMatch(
        /note: Claims!A3: the Claims table's header is read over two rows \(3 and 4\)/
      );
    }
  );
});

describe("what cannot be read is named by sheet and cell, exit status 2, no OUT", () => {
  it("a second 'Families' column in the claims header", () => {
    const run = tables("duplicate-headers");
    expect(run.status).toBe(2);
    // The ignored column or the first one may be named; either way by cell.
    expect(run.stderr).toMatch(/Claims!(C1|D1)\b/);
    expect(run.stderr).toMatch(/Families/);
    expect(fs.existsSync(run.out)).toBe(false);
  });

  it("an outcome no one could map, listing the accepted ones", () => {
    const run = tables("bad-outcome");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Claims!B3\b.*Parenting course completed/);
    for (const accepted of [
      /Crime\/ASB and education/i,
      /Progress to work/i,
      /Continuous employment/i,
    ])
      expect(run.stderr).toMatch(accepted);
    expect(fs.existsSync(run.out)).toBe(false);
  });
});

describe.each(readable)("%s: the copy keeps the user's workbook", (name) => {
  const run = () => tables(name, ...READABLE[name]!.flags, "--json");

  it("is read and written (exit status 0)", () => {
    expect({ status: run().status, said: said(run()).trim() }).toMatchObject({ status: 0 });
    expect(sheetNames(run().out).slice(-GENERATED.length)).toEqual(GENERATED);
  });

  it("holds every part of IN byte for byte but the lists of sheets, names, relationships and types", () => {
    expect(fs.existsSync(run().out)).toBe(true);
    expect(partsNotKept(fixtures[name], run().out)).toEqual([]);
  });

  it("opens in LibreOffice with the user's sheets (and chart) still there", () => {
    expect(fs.existsSync(run().out)).toBe(true);
    const folder = file(`reopened-${name.replace("/", "-")}`);
    const [reopened] = convertWithLibreOffice([run().out], folder, "xlsx");
    expect(sheetNames(reopened)).toEqual(sheetNames(run().out));
    const chart = READABLE[name]!.chart;
    if (chart) {
      const charts = [...zipEntries(reopened)].filter(([part]) =>
        /^xl\/charts\/chart\d+\.xml$/.test(part)
      );
      // LibreOffice writes the quotes of 'TF budget' as &apos;.
      const refs = charts.map(([, xml]) => xml.toString("utf8").replace(/&apos;/g, "'"));
      expect(refs.some((xml) => xml.includes(chart))).toBe(true);
    }
  });

  it("has LibreOffice reproduce every cached value when it recalculates", async () => {
    expect(fs.existsSync(run().out)).toBe(true);
    const cells = cachedFormulas(run().out);
    expect(cells.length).toBeGreaterThan(0);
    const recalculated = await recalculate(run().out);
    const differ = cells
      .map(({ sheet, address, cached }) => ({
        at: `${sheet}!${address}`,
        cached,
        lo: recalculated.value(sheet, address),
      }))
      .filter(({ cached, lo }) =>
        typeof cached === "number" && typeof lo === "number"
          ? Math.abs(cached - lo) >= 0.005
          : cached !== lo
      );
    expect(differ).toEqual([]);
  });
});

describe("the fixtures hold what officers' workbooks hold", () => {
  const text = (name: FixtureName, part: string) =>
    zipEntries(fixtures[name]).get(part)?.toString("utf8") ?? "";
  const parts = (name: FixtureName) => [...zipEntries(fixtures[name]).keys()];

  it("openpyxl's phase1-730: chart, notes, validation, conditional format, defined name, table", () => {
    expect(parts("phase1-730")).toEqual(
      expect.arrayContaining([
        "xl/charts/chart1.xml",
        "xl/comments/comment1.xml",
        "xl/tables/table1.xml",
      ])
    );
    expect(text("phase1-730", "xl/comments/comment1.xml")).toMatch(/ref="E4"/); // an empty cell
    expect(text("phase1-730", "xl/worksheets/sheet1.xml")).toMatch(/<conditionalFormatting/);
    expect(text("phase1-730", "xl/worksheets/sheet2.xml")).toMatch(/<dataValidation /);
    expect(text("phase1-730", "xl/workbook.xml")).toMatch(/<definedName name="Cohort"/);
  });

  it("LibreOffice's copies carry cached formula values and LibreOffice's own parts", () => {
    expect(text("libreoffice/phase1-730", "docProps/app.xml")).toMatch(/LibreOffice/);
    expect(text("libreoffice/phase1-730", "xl/worksheets/sheet1.xml")).toMatch(
      /SUM\(B4:B6\)<\/f><v>730<\/v>/
    );
    expect(parts("libreoffice/phase1-730")).toContain("xl/charts/chart1.xml");
  });

  it("the Excel-made one: tables without headerRowCount, a note beside a table, chart, pivot table", () => {
    const families = text("excel/bnes", "xl/tables/table1.xml");
    expect(families).toMatch(/name="Families"/);
    expect(families).toMatch(/xr:uid=/);
    expect(families).not.toMatch(/headerRowCount/);
    expect(text("excel/bnes", "xl/workbook.xml")).toMatch(/<fileVersion appName="xl"/);
    expect(text("excel/bnes", "xl/worksheets/sheet1.xml")).toMatch(
      /<legacyDrawing r:id="rId3"\/><tableParts/
    );
    expect(parts("excel/bnes")).toEqual(
      expect.arrayContaining([
        "xl/calcChain.xml",
        "xl/charts/chart1.xml",
        "xl/drawings/vmlDrawing1.vml",
        "xl/pivotTables/pivotTable1.xml",
        "xl/pivotCache/pivotCacheRecords1.xml",
      ])
    );
  });

  it("LibreOffice reads the Excel-made one back: its tables, formula, dates and pivot table", async () => {
    const [csv] = convertWithLibreOffice([fixtures["excel/bnes"]], file("excel-made-csv"), "csv");
    expect(fs.readFileSync(csv, "utf8").trim().split(/\r?\n/)).toEqual([
      "Financial year,Families nominated,Families attached,,Total attached,527",
      ...EXCEL_MADE_FAMILIES.map(
        ([year, nominated, attached]) => `${year},${nominated},${attached},,,`
      ),
    ]);
    const book = await recalculate(fixtures["excel/bnes"]);
    expect(book.sheetNames).toEqual(["Families", "Claims", "Summary"]);
    EXCEL_MADE_CLAIMS.forEach(([date, outcome, families], i) => {
      const serial = (Date.parse(`${date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
      expect(["A", "B", "C"].map((column) => book.value("Claims", `${column}${i + 2}`))).toEqual([
        serial,
        outcome,
        families,
      ]);
    });
    // LibreOffice refreshes the pivot table from its cache: 37 employment + 175 progress = 212.
    expect(["A4", "B4", "A5", "B5", "B6"].map((cell) => book.value("Summary", cell))).toEqual([
      "Continuous employment",
      37,
      "Significant and sustained progress",
      175,
      212,
    ]);
  });
});
