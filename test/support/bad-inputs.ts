import fc from "fast-check";
import { findOutcome } from "../../src/engine/outcomes";
import { ExcelArg } from "../../src/functions/excel-args";

/**
 * Generators of bad input for every public function: for each, arguments that give a value,
 * and generators that spoil exactly one of them. Shared by the function-table and the Excel
 * entry-point tests.
 */
// Values that are wrong for any count of families.
export const badFamilies: fc.Arbitrary<ExcelArg> = fc.oneof(
  fc.constantFrom<ExcelArg>(
    null,
    "",
    "   ",
    "abc",
    "five",
    "12 families",
    NaN,
    Infinity,
    -Infinity,
    true,
    false,
    "£705",
    "1e400"
  ),
  fc.integer({ min: -1_000_000, max: -1 }),
  fc.double({ min: 0.001, max: 1e6, noNaN: true }).filter((x) => !Number.isInteger(x)),
  fc.double({ min: 1e8, max: 1e300, noNaN: true }),
  fc.string().filter((s) => s.trim() !== "" && Number.isNaN(Number(s.replace(/,/g, "")))),
  fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 2, maxLength: 3 }), {
    minLength: 2,
    maxLength: 3,
  })
);
const badYear: fc.Arbitrary<ExcelArg> = fc.oneof(
  fc.constantFrom<ExcelArg>(
    null,
    "",
    "year one",
    "2011/12",
    "2013/15",
    "2030/31",
    0,
    -1,
    1.5,
    99,
    NaN,
    true
  ),
  fc.integer({ min: 7, max: 100_000 }),
  fc.integer({ min: -100_000, max: 0 })
);
// The number of years to spread a cohort over (optional: blank means the framework's own).
const badYears = badYear.filter((y) => y !== null && y !== "");
const badFramework: fc.Arbitrary<ExcelArg> = fc.oneof(
  fc.constantFrom<ExcelArg>("phase3", "Phase 1b", "troubled", 42, true),
  fc.string({ minLength: 1 }).filter((s) => /[a-z]/i.test(s) && !/^\s*(phase|supporting)/i.test(s))
);
const badRounding: fc.Arbitrary<ExcelArg> = fc.oneof(
  fc.constantFrom<ExcelArg>("up", "nearest", "half-down", "ceil", 1, true, -3),
  fc
    .string({ minLength: 1 })
    .filter((s) => /[a-z]/i.test(s) && !/^\s*(half.?up|none|down)\s*$/i.test(s))
);
const badShare: fc.Arbitrary<ExcelArg> = fc.oneof(
  fc.constantFrom<ExcelArg>(
    "most",
    "7/6",
    "150%",
    "-5%",
    1.01,
    -0.2,
    2,
    NaN,
    Infinity,
    true,
    "1/0"
  ),
  fc.double({ min: 1.0001, max: 1e9, noNaN: true }),
  fc.double({ min: -1e9, max: -0.0001, noNaN: true })
);
const badOutcome: fc.Arbitrary<ExcelArg> = fc.oneof(
  fc.constantFrom<ExcelArg>(null, "", "housing", "crime", 1, true),
  // Not a label the engine knows: random text can spell one of its abbreviations ("PtW", "SSP").
  fc
    .string({ minLength: 1 })
    .filter(
      (s) => !/(crime|work|employ|progress|outcome|adults)/i.test(s) && findOutcome(s) === undefined
    )
);
const badDate: fc.Arbitrary<ExcelArg> = fc.oneof(
  fc.constantFrom<ExcelArg>(
    null,
    "",
    "yesterday",
    "2014-02-30",
    "2014-13-01",
    "31/02/2014",
    -5,
    0,
    1e9,
    NaN,
    true
  ),
  fc
    .string({ minLength: 1 })
    .filter((s) => /[a-z]/i.test(s) && !/^\s*\d{4}-\d{1,2}-\d{1,2}/.test(s))
);

const badMoney: fc.Arbitrary<ExcelArg> = fc.oneof(
  fc.constantFrom<ExcelArg>(null, "", "lots", "£", "-£5", -1, NaN, Infinity, true, 1e13),
  fc.integer({ min: -1_000_000, max: -1 }),
  fc.string({ minLength: 1 }).filter((s) => /[a-z]/i.test(s))
);

// Months from attachment to a result's claim: a whole number from 0 to 120 (blank: 12).
const badMonths: fc.Arbitrary<ExcelArg> = fc.oneof(
  fc.constantFrom<ExcelArg>(-1, 121, 1.5, "soon", "a year", NaN, Infinity, true),
  fc.integer({ min: 121, max: 1_000_000 }),
  fc.integer({ min: -1_000_000, max: -1 })
);
// The financial year a goal seek counts to: "2019/20" or a programme year from 1.
const badByYear: fc.Arbitrary<ExcelArg> = fc.oneof(
  fc.constantFrom<ExcelArg>(null, "", "soon", "2019/21", "year five", 0, -1, 1.5, 51, NaN, true),
  fc.integer({ min: 51, max: 1_000_000 }),
  fc.string({ minLength: 1 }).filter((s) => /[a-z]/i.test(s) && !/\d{2}\s*[/-]/.test(s))
);
// Families a year as a row: blanks inside are years with none, so one bad cell is enough.
const badFamiliesRow: fc.Arbitrary<ExcelArg> = badFamilies
  .filter((bad) => bad !== null && !(typeof bad === "string" && bad.trim() === ""))
  .map((bad) => (Array.isArray(bad) ? bad : [[140, bad, 140]]));
const nonBlankFamilies = badFamilies.filter(
  (bad) => bad !== null && !(typeof bad === "string" && bad.trim() === "")
);

const validDates: ExcelArg = [["2013-07-31"], ["2013-10-31"], ["2014-02-28"]];
const validCounts: ExcelArg = [[90], [85], [110]];

/** For each function: valid arguments, and generators that spoil exactly one of them. */
export const BAD_CASES: Record<
  string,
  { valid: ExcelArg[]; spoilers: [number, fc.Arbitrary<ExcelArg>][] }
> = {
  TF_ELIGIBLE: {
    valid: [705, null, null],
    spoilers: [
      [0, badFamilies],
      [1, badShare],
      [2, badRounding],
    ],
  },
  TF_ATTACHMENT: {
    valid: [588, 1, null, null],
    spoilers: [
      [0, badFamilies],
      [1, badYear],
      [2, badFramework],
      [3, badRounding],
    ],
  },
  TF_RESULTS_PAYMENT: {
    valid: ["crime-asb-education", 1, null],
    spoilers: [
      [0, badOutcome],
      [1, badYear],
      [2, badFramework],
    ],
  },
  TF_ENVELOPE: {
    valid: [705, 2, null, null, null],
    spoilers: [
      [0, badFamilies],
      [1, badYears],
      [2, badFramework],
      [3, badRounding],
    ],
  },
  TF_PBR_RISK: {
    valid: [705, 2, null, null, null],
    spoilers: [
      [0, badFamilies],
      [1, badYears],
      [2, badFramework],
      [3, badRounding],
    ],
  },
  TF_PBR_FORECAST: {
    valid: [validDates, validCounts, "2015-05-31", null, null],
    spoilers: [
      [0, badDate.map((d) => [[d], ["2013-10-31"], ["2014-02-28"]] as ExcelArg)],
      [
        1,
        badFamilies
          .filter((v) => !Array.isArray(v) && v !== null && v !== "" && v !== "   ")
          .map((c) => [[90], [c], [110]] as ExcelArg),
      ],
      [2, badDate],
      [3, badFamilies.filter((v) => v !== null && v !== "" && v !== "   ")],
    ],
  },
  TF_RESULTS_FOR_CLAIMS: {
    valid: [[["crime-asb-education"], ["progress-to-work"]], [[435], [27]], 1, null],
    spoilers: [
      [0, badOutcome.map((o) => [[o], ["progress-to-work"]] as ExcelArg)],
      [
        1,
        badFamilies
          .filter((v) => !Array.isArray(v) && v !== null && v !== "" && v !== "   ")
          .map((c) => [[c], [27]] as ExcelArg),
      ],
      [1, fc.constant<ExcelArg>([[435]])],
      [2, badYear],
      [3, badFramework],
    ],
  },
  TF_OUTCOMES_NEEDED: {
    valid: [100000, "crime-asb-education", 1, null],
    spoilers: [
      [0, badMoney],
      [1, badOutcome],
      [2, badYear],
      [3, badFramework],
    ],
  },
  TF_BREAK_EVEN_RATE: {
    valid: [705, 2000000, 2, "phase1-fast-track"],
    spoilers: [
      [0, badFamilies],
      [1, badMoney],
      [1, fc.integer({ min: 2_352_001, max: 100_000_000 })],
      [2, badYears],
      [3, badFramework],
    ],
  },
  TF_FINANCIAL_YEAR: { valid: ["2014-02-28"], spoilers: [[0, badDate]] },
  TF_NEXT_CLAIM_WINDOW: {
    valid: ["2014-03-01", null],
    spoilers: [
      [0, badDate],
      [0, fc.integer({ min: 42156, max: 2_958_465 })],
      [1, badFramework],
    ],
  },
  TF_EMPLOYMENT_SHARE: {
    valid: [38, 473],
    spoilers: [
      [0, badFamilies],
      [1, badFamilies],
      [0, fc.integer({ min: 474, max: 1_000_000 })],
    ],
  },
  TF_EXPECTED_CLAWBACK: {
    valid: [350600, null, null],
    spoilers: [
      [0, badMoney],
      [1, badShare],
      [2, badShare],
    ],
  },
  TF_YEAR2_RELEASE: {
    valid: [300, 99, 470400, null],
    spoilers: [
      [0, badFamilies],
      [1, badFamilies],
      [2, badMoney],
      [3, badFramework],
    ],
  },
  TF_CASHFLOW: {
    valid: [[[140, 140, 140, 140, 140]], 0.65, "phase2", null, null],
    spoilers: [
      [0, badFamilies],
      [0, badFamiliesRow],
      [1, badShare],
      [2, badFramework],
      [3, badMonths],
      [4, nonBlankFamilies],
    ],
  },
  TF_TARGET_NEEDED: {
    valid: [900000, "2019/20", 140, null, "phase2", null, null, null],
    spoilers: [
      [0, badMoney],
      [1, badByYear],
      [2, nonBlankFamilies],
      [3, badShare],
      [4, badFramework],
      [5, badMonths],
      [6, nonBlankFamilies],
    ],
  },
  TF_TURNED_AROUND: {
    valid: [473, 730],
    spoilers: [
      [0, badFamilies],
      [1, badFamilies],
      [0, fc.integer({ min: 731, max: 1_000_000 })],
    ],
  },
};
