import ExcelJS from "exceljs";
import fs from "fs";
import { isoFromSerial, serialFromUtc } from "../../src/engine/dates";
import { isError } from "../../src/engine/errors";
import { writePlan } from "../../src/cli/xlsx-writer";
import { readInputs } from "../../src/workbook/inputs";
import { buildPlan } from "../../src/workbook/plan";
import { snapshotOfPlan } from "../../src/workbook/plan-snapshot";
import { PlanSheet } from "../../src/workbook/plan-types";
import {
  CellEdit,
  InjectedFault,
  duplicateClaim,
  futureDate,
  missingYear,
  textInCount,
} from "../support/faults";
import { builtCli } from "../support/cli";
import { authoritySheets, nationalInputs, random } from "../support/national";

/**
 * `tf-funding tables` on one authority's generated input (21,384 claim rows) written as a real
 * .xlsx, with one fault injected far down: exit status 2, the exact cell and reason on stderr,
 * no OUT, and IN byte for byte as it was. The clean file builds the tables the engine gives.
 */
const cli = builtCli("national-faults", 120000);
const { tf, file } = cli;

const national = nationalInputs(7, { authorities: 8, claimRows: 60_000 });
const authority = national.reduce((a, b) => (b.claims.length > a.claims.length ? b : a));
const next = random(1152);
const farDown = () => 10_000 + Math.floor(next() * (authority.claims.length - 10_001));
const [textRow, firstRow, againRow, futureRow] = [farDown(), 10_000, farDown(), farDown()];

/** The computer's date, as the command line reads it. */
const localToday = () => {
  const now = new Date();
  return isoFromSerial(serialFromUtc(now.getFullYear(), now.getMonth() + 1, now.getDate()));
};

async function writeInput(name: string, sheets: PlanSheet[], edits: CellEdit[] = []) {
  const workbook = new ExcelJS.Workbook();
  writePlan(workbook, { sheets, names: {}, summary: undefined as never });
  for (const { sheet, cell, value } of edits)
    workbook.getWorksheet(sheet)!.getCell(cell).value = value;
  await workbook.xlsx.writeFile(file(name));
  return file(name);
}

/** Runs tables on IN and checks it failed cleanly; returns stderr's problem lines. */
function refused(input: string): string[] {
  const out = `${input}.out.xlsx`;
  const before = fs.readFileSync(input);
  const { stdout, stderr, status } = tf("tables", input, "-o", out);
  expect(status).toBe(2);
  expect(stdout).toBe("");
  expect(fs.existsSync(out)).toBe(false);
  expect(fs.readdirSync(cli.files).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  expect(fs.readFileSync(input).equals(before)).toBe(true);
  const [first, ...lines] = stderr.trimEnd().split("\n");
  expect(first).toBe(`tf-funding: ${input} cannot be used:`);
  return lines;
}

beforeAll(() => cli.build(), 180000);

afterAll(() => cli.remove());

const line = (fault: InjectedFault) =>
  `${fault.expected.sheet}!${fault.expected.cell}: ${fault.expected.reason}`;

describe("tf-funding tables on a national authority's input with one fault", () => {
  it("builds the clean input's tables, with the engine's figures", async () => {
    expect(authority.claims.length).toBeGreaterThan(20_000);
    const input = await writeInput("clean.xlsx", authoritySheets(authority));
    const { stdout, stderr, status } = tf("tables", input, "-o", file("clean-out.xlsx"), "--json");
    expect(stderr).not.toMatch(/cannot be used/);
    expect(status).toBe(0);
    const read = readInputs(snapshotOfPlan({ sheets: authoritySheets(authority) }));
    const plan = buildPlan(read.inputs!);
    if (isError(plan)) throw new Error(plan.message);
    const { assumptions, ...summary } = JSON.parse(stdout);
    expect(summary).toEqual({ ...plan.summary, out: file("clean-out.xlsx") });
    expect(assumptions).toContainEqual(expect.objectContaining({ setting: "Success rate" }));
  }, 120000);

  const faults: [string, () => InjectedFault][] = [
    ["text in a count", () => textInCount(authority, textRow, "twelve")],
    ["a missing year", () => missingYear(authority, "2017/18")],
    ["a duplicate claim", () => duplicateClaim(authority, firstRow, againRow)],
  ];

  it.each(faults)(
    "%s: the cell and reason, status 2, no OUT, IN unchanged",
    async (name, make) => {
      const fault = make();
      const input = await writeInput(`${name.replace(/ /g, "-")}.xlsx`, fault.sheets, fault.edits);
      expect(refused(input)).toEqual([line(fault)]);
    },
    120000
  );

  it("a date in the future, against the computer's clock", async () => {
    const before = localToday();
    const fault = futureDate(authority, futureRow, "2099-03-31", before);
    const input = await writeInput("future.xlsx", fault.sheets, fault.edits);
    const lines = refused(input);
    // Past midnight during the run, "today" is the next day: either is the computer's date.
    expect([
      line(fault),
      line(futureDate(authority, futureRow, "2099-03-31", localToday())),
    ]).toContain(lines[0]);
    expect(lines).toHaveLength(1);
  }, 120000);

  it("more than 20 problems: 20 lines, then how many more", async () => {
    const edits = Array.from({ length: 1254 }, (_, i) => ({
      sheet: "Claims",
      cell: `C${10_005 + 7 * i}`,
      value: "?",
    }));
    const lines = refused(await writeInput("many.xlsx", authoritySheets(authority), edits));
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe('Claims!C10005: families must be a number of families, not "?".');
    expect(lines[20]).toBe(
      "Claims: and 1,234 more problems not listed here: put these right, then check again for the rest."
    );
  }, 120000);
});
