import ExcelJS from "exceljs";
import { builtCli } from "../support/cli";
import { writePlan } from "../../src/cli/xlsx-writer";
import { AssumptionsData, FamiliesData, inputSheets } from "../../src/workbook/sample";

/**
 * `tf-funding tables` when more families are attached than funded, as a user runs it: a phase 1
 * cohort of 730 with 300/250/180 attached earns fees and results for 5/6 × 730 = 608 only.
 */
const cli = builtCli("funded");
const { tf, file } = cli;

const ATTACHED_730: FamiliesData = [
  ["2012/13", 730, 300],
  ["2013/14", 0, 250],
  ["2014/15", 0, 180],
];

async function inputs(name: string, assumptions: AssumptionsData): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  writePlan(workbook, {
    sheets: inputSheets(ATTACHED_730, [["2013-07-31", "Progress to work", 4, null]], assumptions),
    names: {},
    summary: undefined as never,
  });
  await workbook.xlsx.writeFile(file(name));
  return file(name);
}

beforeAll(() => cli.build(), 120000);
afterAll(() => cli.remove());

describe("tf-funding tables pays only funded families", () => {
  it("prints 608 funded, £2,432,000 and warns of the 122 beyond", async () => {
    const input = await inputs("730.xlsx", [["Framework", "phase1"]]);
    const { stdout, stderr, status } = tf("tables", input, "-o", file("730-out.xlsx"));
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toContain("phase1 (cohort 730, 730 attached, 608 families funded)");
    expect(stdout).toMatch(/Cash envelope: +£2,432,000\n/);
    expect(stdout).toMatch(/Secured up front: +£1,652,800\n/);
    expect(stdout).toMatch(/At risk on results: +£779,200 /);
    expect(stdout).toContain(
      "Warning: 122 families attached beyond the 608 funded earn no fees or results."
    );
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(file("730-out.xlsx"));
    const sheet = out.getWorksheet("Cash envelope")!;
    const value = (address: string) => {
      const cell = sheet.getCell(address).value;
      return cell !== null && typeof cell === "object" && "result" in cell ? cell.result : cell;
    };
    expect(["B7", "C7", "D7", "E7"].map(value)).toEqual([180, 58, 122, 92800]);
  });

  it("--funded drives the envelope: 608 as the 5/6 rule, 500 stops in year 2 (JSON)", async () => {
    const input = await inputs("730-flags.xlsx", [["Framework", "phase1"]]);
    const run = (funded: string) =>
      JSON.parse(
        tf("tables", input, "-o", file(`f${funded}.xlsx`), "--funded", funded, "--json").stdout
      );
    expect(run("608")).toMatchObject({ funded: 608, beyondFunded: 122, envelope: 2432000 });
    expect(run("500")).toMatchObject({
      attached: 730,
      funded: 500,
      beyondFunded: 230,
      envelope: 2000000,
      secured: 1440000,
      atRisk: 560000,
      warnings: ["230 families attached beyond the 500 funded earn no fees or results."],
    });
  });

  it("warns of nothing when every attached family is funded (Barnet: 294 + 294 of 588)", async () => {
    const workbook = new ExcelJS.Workbook();
    writePlan(workbook, {
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
    await workbook.xlsx.writeFile(file("barnet.xlsx"));
    const { stdout, status } = tf("tables", file("barnet.xlsx"), "-o", file("barnet-out.xlsx"));
    expect(status).toBe(0);
    expect(stdout).toMatch(/Cash envelope: +£2,352,000\n/);
    expect(stdout).toMatch(/At risk on results: +£705,600 /);
    expect(stdout).not.toContain("Warning");
  });
});
