import ExcelJS from "exceljs";
import fs from "fs";
import { builtCli } from "../support/cli";
import { readSnapshot } from "../../src/cli/xlsx-snapshot";
import { writePlan } from "../../src/cli/xlsx-writer";
import { inputSheets } from "../../src/workbook/sample";

/** `tf-funding sample` and `tf-funding tables` as a user runs them: the built bin, real files. */
const cli = builtCli("tables");
const { tf, file } = cli;

async function load(name: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file(name));
  return workbook;
}

beforeAll(() => {
  cli.build();
  expect(tf("sample", file("inputs.xlsx")).status).toBe(0);
}, 120000);

afterAll(() => cli.remove());

describe("tf-funding sample and tables", () => {
  it("builds the tables and prints the headline figures", () => {
    const { stdout, stderr, status } = tf("tables", file("inputs.xlsx"), "-o", file("tables.xlsx"));
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toMatch(/Cash envelope: +£2,352,000/);
    expect(stdout).toMatch(/At risk on results: +£705,600 \(30\.0%\)/);
    expect(stdout).toMatch(
      /Total cash envelope £2,352,000, of which £705,600 \(30%\) depends on payment by results/
    );
    // Every figure nobody entered is said: the sample's Assumptions table gives the rest.
    expect(stdout).toMatch(/\nDefaults used: .*payment lag 1 month \(default\)/);
    expect(stdout).toMatch(
      /Inferred, not published: .*crime\/ASB and education result, 2013\/14 £1,500 \(inferred\)/
    );
    expect(stdout).not.toMatch(/success rate 65%/);
  });

  it("adds the generated sheets and leaves the input sheets cell for cell as they were", async () => {
    tf("tables", file("inputs.xlsx"), "-o", file("tables.xlsx"));
    const before = readSnapshot(await load("inputs.xlsx"));
    const after = readSnapshot(await load("tables.xlsx"));
    expect(after.sheets.map((s) => s.name)).toEqual([
      "Families",
      "Claims",
      "Assumptions",
      "Report",
      "Cash envelope",
      "PbR risk",
      "Claims by year",
      "Funding assumptions",
    ]);
    for (const sheet of before.sheets)
      expect(after.sheets.find((s) => s.name === sheet.name)?.cells).toEqual(sheet.cells);
    expect(after.sheets.filter((s) => s.generated).map((s) => s.name)).toEqual([
      "Report",
      "Cash envelope",
      "PbR risk",
      "Claims by year",
      "Funding assumptions",
    ]);
    const envelope = (await load("tables.xlsx")).getWorksheet("Cash envelope")!;
    expect(envelope.getCell("E5").value).toEqual({
      formula: "ROUND(C5*'Funding assumptions'!$C$22,2)",
      result: 940800,
    });
    expect(envelope.getCell("E5").numFmt).toBe('"£"#,##0;[Red]-"£"#,##0');
    expect(envelope.getCell("H7").value).toMatchObject({ result: 2352000 });
  });

  it("rebuilds its own sheets in a workbook it made, and refuses to overwrite a user's sheet", async () => {
    expect(
      tf("tables", file("tables.xlsx"), "-o", file("rebuilt.xlsx"), "--success-rate", "0.5").status
    ).toBe(0);
    const rebuilt = readSnapshot(await load("rebuilt.xlsx"));
    expect(rebuilt.sheets.filter((s) => s.name === "Cash envelope")).toHaveLength(1);
    const clash = new ExcelJS.Workbook();
    writePlan(clash, {
      sheets: inputSheets([["2012/13", 705, 294]], [], []),
      names: {},
      summary: undefined as never,
    });
    clash.addWorksheet("PbR risk").getCell("A1").value = "my own notes";
    await clash.xlsx.writeFile(file("clash.xlsx"));
    const { stderr, status } = tf("tables", file("clash.xlsx"), "-o", file("clash-out.xlsx"));
    expect(status).toBe(2);
    expect(stderr).toMatch(/already has a sheet called "PbR risk" that this add-in did not make/);
    expect(fs.existsSync(file("clash-out.xlsx"))).toBe(false);
  });

  it("writes text that begins with = as text", async () => {
    const workbook = new ExcelJS.Workbook();
    writePlan(workbook, {
      sheets: inputSheets(
        [["2012/13", 705, 294]],
        [["2013-07-31", "Progress to work", 4, null]],
        []
      ),
      names: {},
      summary: undefined as never,
    });
    workbook.getWorksheet("Claims")!.getCell("B5").value = "=Progress to work";
    await workbook.xlsx.writeFile(file("equals.xlsx"));
    expect(tf("tables", file("equals.xlsx"), "-o", file("equals-out.xlsx")).status).toBe(0);
    const cell = (await load("equals-out.xlsx")).getWorksheet("Claims by year")!.getCell("B5");
    expect(cell.value).toBe("=Progress to work");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
  });

  it("--json prints the summary as one line, flags override the assumptions", () => {
    const { stdout, status } = tf(
      "tables",
      file("inputs.xlsx"),
      "-o",
      file("json.xlsx"),
      "--success-rate",
      "0.5",
      "--council-contribution",
      "5000",
      "--json"
    );
    expect(status).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ envelope: 2352000, atRisk: 705600, secured: 1646400 });
    // Each rate and assumption with its basis: the flags and the workbook's table are yours.
    const setting = (name: string) =>
      summary.assumptions.find((a: { setting: string }) => a.setting === name);
    expect(setting("Success rate")).toEqual({
      setting: "Success rate",
      value: "50%",
      basis: "yours",
      source: "given outside the workbook (a command-line flag or the task pane)",
    });
    expect(setting("Council contribution per family")).toMatchObject({
      value: "£5,000",
      basis: "yours",
    });
    expect(setting("Co-ordinator grant per year")).toMatchObject({
      value: "£100,000",
      basis: "yours",
      source: expect.stringMatching(/^the Assumptions table, Assumptions!B\d+$/),
    });
    expect(setting("Crime/ASB and education result, 2013/14")).toMatchObject({
      value: "£1,500",
      basis: "inferred",
    });
    expect(setting("Attachment fee, 2012/13")).toMatchObject({
      value: "£3,200",
      basis: "published",
      source: expect.stringMatching(/DCLG.*March 2012/),
    });
    expect(setting("Payment lag")).toMatchObject({ value: "1 month", basis: "default" });
    expect(stdout.trim().split("\n")).toHaveLength(1);
  });

  it("builds from families alone: no Claims sheet, or an empty Claims table, is no claims yet", async () => {
    const noSheet = await load("inputs.xlsx");
    noSheet.removeWorksheet(noSheet.getWorksheet("Claims")!.id);
    await noSheet.xlsx.writeFile(file("no-claims-sheet.xlsx"));
    const empty = new ExcelJS.Workbook();
    writePlan(empty, {
      sheets: inputSheets(
        [
          ["2012/13", 705, 294],
          ["2013/14", 0, 294],
        ],
        [],
        [["Framework", "phase1-fast-track"]]
      ),
      names: {},
      summary: undefined as never,
    });
    await empty.xlsx.writeFile(file("empty-claims.xlsx"));

    for (const name of ["no-claims-sheet", "empty-claims"]) {
      const { stdout, stderr, status } = tf(
        "tables",
        file(`${name}.xlsx`),
        "-o",
        file(`${name}-out.xlsx`)
      );
      expect(status).toBe(0);
      expect(stdout).toMatch(/Cash envelope: +£2,352,000/);
      expect(stdout).toMatch(/Claimed to date: +£0\n/);
      expect(stdout).toMatch(/Still at risk: +£705,600\n/);
      if (name === "no-claims-sheet") expect(stderr).toMatch(/note: Families!A1: no Claims table/);
      const risk = (await load(`${name}-out.xlsx`)).getWorksheet("PbR risk")!;
      const text = (row: number) => String(risk.getCell(`A${row}`).value);
      const noted = [...Array(40).keys()].map((r) => text(r + 1));
      expect(noted).toContain(
        "No claims yet: the forecast follows the claim trend once the Claims table has two claim dates."
      );
      const met = noted.indexOf("Employment target met?") + 1;
      expect(risk.getCell(`B${met}`).value).toMatchObject({ result: "None turned around yet" });
    }
  });

  it("never overwrites the input and leaves no temporary file", () => {
    const { stderr, status } = tf("tables", file("inputs.xlsx"), "-o", file("inputs.xlsx"));
    expect(status).toBe(2);
    expect(stderr).toMatch(/is the input workbook/);
    expect(fs.readdirSync(cli.files).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});

describe("bad workbooks get a clear message and exit status 2", () => {
  async function inputs(name: string, edit: (workbook: ExcelJS.Workbook) => void) {
    const workbook = await load("inputs.xlsx");
    edit(workbook);
    await workbook.xlsx.writeFile(file(name));
    return tf("tables", file(name), "-o", file(`${name}.out.xlsx`));
  }

  it.each([
    [
      "a missing file",
      () => tf("tables", file("nope.xlsx"), "-o", file("x.xlsx")),
      /nope\.xlsx does not exist/,
    ],
    [
      "a text file",
      () => {
        fs.writeFileSync(file("notes.xlsx"), "year,families\n2012/13,705\n");
        return tf("tables", file("notes.xlsx"), "-o", file("x.xlsx"));
      },
      /is not an Excel workbook/,
    ],
    [
      "a truncated workbook",
      () => {
        const bytes = fs.readFileSync(file("inputs.xlsx"));
        fs.writeFileSync(file("truncated.xlsx"), bytes.subarray(0, Math.floor(bytes.length / 2)));
        return tf("tables", file("truncated.xlsx"), "-o", file("x.xlsx"));
      },
      /could not be read as an Excel workbook/,
    ],
  ])("%s", (_name, run, message) => {
    const { stderr, status } = (run as () => ReturnType<typeof tf>)();
    expect(status).toBe(2);
    expect(stderr).toMatch(message as RegExp);
  });

  it("text in a count column names the cell", async () => {
    const { stderr, status } = await inputs(
      "text.xlsx",
      (w) => (w.getWorksheet("Families")!.getCell("C5").value = "about 300")
    );
    expect(status).toBe(2);
    expect(stderr).toMatch(
      /Families!C5: families attached must be a number of families, not "about 300"/
    );
  });

  it("a date that is not a date names the cell", async () => {
    const { stderr } = await inputs(
      "date.xlsx",
      (w) => (w.getWorksheet("Claims")!.getCell("A6").value = "sometime in July")
    );
    expect(stderr).toMatch(/Claims!A6: the claim date is not a date/);
  });

  it("a duplicate year names the cell", async () => {
    const { stderr } = await inputs(
      "duplicate.xlsx",
      (w) => (w.getWorksheet("Families")!.getCell("A6").value = "2012/13")
    );
    expect(stderr).toMatch(/Families!A6: 2012\/13 appears twice/);
  });

  it("a missing table or column is named", async () => {
    const { stderr } = await inputs("missing.xlsx", (w) =>
      w.removeWorksheet(w.getWorksheet("Families")!.id)
    );
    expect(stderr).toMatch(/no Families table/);
    const column = await inputs(
      "no-outcome.xlsx",
      (w) => (w.getWorksheet("Claims")!.getCell("B4").value = "Notes")
    );
    expect(column.status).toBe(2);
    expect(column.stderr).toMatch(
      /Claims!A4: the Claims table has no outcome column: add a column headed "Outcome" \(or "Type of outcome"\)/
    );
  });
});
