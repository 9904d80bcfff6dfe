import { serialFromIso } from "../../../src/engine/dates";
import { isError } from "../../../src/engine/errors";
import { readInputs } from "../../../src/workbook/inputs";
import { buildPlan } from "../../../src/workbook/plan";
import { snapshotOfPlan } from "../../../src/workbook/plan-snapshot";
import { PlanSummary } from "../../../src/workbook/plan-types";
import {
  InjectedFault,
  claimRow,
  duplicateClaim,
  futureDate,
  missingYear,
  textInCount,
  withEdits,
} from "../../support/faults";
import {
  AuthorityInput,
  authoritySheets,
  nationalInputs,
  random,
  singleAuthority,
} from "../../support/national";

/*
 * The generated national input with one fault injected into one authority, far down its claim
 * log: reading names exactly that cell and why, and every authority's clean input (the faulted
 * one's too) still gives the tables it gave before: nothing read, cached or remembered leaks
 * from a bad workbook into the next.
 */
const TODAY_ISO = "2026-11-25";
const TODAY = serialFromIso(TODAY_ISO)!;

const national = nationalInputs(7, { authorities: 8, claimRows: 60_000 });
const heavy = national.reduce((a, b) => (b.claims.length > a.claims.length ? b : a));
const others = national.filter((a) => a !== heavy);

const read = (sheets: ReturnType<typeof authoritySheets>, edits: InjectedFault["edits"] = []) =>
  readInputs(withEdits(snapshotOfPlan({ sheets }), edits), { today: TODAY });

function summaryOf(input: AuthorityInput): PlanSummary {
  const { inputs, problems } = read(authoritySheets(input));
  if (!inputs) throw new Error(`${input.name}: ${problems[0]?.reason}`);
  const plan = buildPlan(inputs);
  if (isError(plan)) throw new Error(`${input.name}: ${plan.message}`);
  return plan.summary;
}

/** Seeded rows past the 10,000th claim of the heavy authority. */
const next = random(2026);
const farDown = () => 10_000 + Math.floor(next() * (heavy.claims.length - 10_001));
const [textRow, firstRow, futureRow] = [farDown(), farDown(), farDown()];
const againRow = Math.max(firstRow + 1, farDown());

const faults: InjectedFault[] = [
  textInCount(heavy, textRow, "n/a"),
  missingYear(heavy, "2017/18"),
  missingYear(heavy, "2015/16"),
  duplicateClaim(heavy, firstRow, againRow),
  futureDate(heavy, futureRow, "2031-03-31", TODAY_ISO),
];

let clean: PlanSummary[];

beforeAll(() => {
  clean = national.map(summaryOf);
});

describe("the generated national input, clean", () => {
  it("has one authority of more than 20,000 claims, with references, among the others", () => {
    expect(heavy.claims.length).toBeGreaterThan(20_000);
    expect(heavy.claims[textRow][4]).toMatch(/^A\d{3}-\d{6}$/);
    expect(others.length).toBe(7);
  });

  it("reads with no problems for any authority", () => {
    for (const input of national) expect(read(authoritySheets(input)).problems).toEqual([]);
  });
});

describe.each(faults.map((fault) => [fault.name, fault] as const))("%s", (_, fault) => {
  it("is reported as the one problem, at its cell, naming the value", () => {
    const { inputs, problems } = read(fault.sheets, fault.edits);
    expect(inputs).toBeUndefined();
    expect(problems).toEqual([fault.expected]);
  });

  it("changes nothing else: every authority's clean input gives the tables it gave", () => {
    read(fault.sheets, fault.edits);
    expect(national.map(summaryOf)).toEqual(clean);
  });
});

describe("at national scale", () => {
  it("names text in a count past row 50,000 of one authority's 60,000 claims", () => {
    const big = singleAuthority(60_000, 7);
    const fault = textInCount(big, 54_321, "3 families");
    expect(claimRow(54_321)).toBe(54_326);
    expect(read(fault.sheets, fault.edits).problems).toEqual([
      {
        sheet: "Claims",
        cell: "C54326",
        reason: 'families must be a number of families, not "3 families".',
      },
    ]);
  });

  it("a year after the last Families row is not a gap", () => {
    const families = heavy.families.filter(([year]) => year !== "2019/20");
    const { inputs, problems } = read(authoritySheets({ ...heavy, families }));
    expect(problems).toEqual([]);
    expect(inputs?.families.map((f) => f.financialYear)).toEqual([
      "2015/16",
      "2016/17",
      "2017/18",
      "2018/19",
    ]);
  });
});
