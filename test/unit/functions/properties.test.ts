import fc from "fast-check";
import { isError } from "../../../src/engine/errors";
import { ExcelArg, ExcelValue } from "../../../src/functions/excel-args";
import { callFunction, findFunction, FUNCTIONS } from "../../../src/functions/table";

const RUNS = 1000;

function run(id: string, args: ExcelArg[]) {
  const spec = findFunction(id);
  if (!spec) throw new Error(`no function ${id}`);
  return callFunction(spec, args);
}

function value(id: string, args: ExcelArg[]): ExcelValue {
  const result = run(id, args);
  if (isError(result)) throw new Error(result.toString());
  return result;
}

const frameworks = fc.constantFrom(
  "phase1",
  "phase1-fast-track",
  "phase2",
  "phase2-earned-autonomy",
  "supporting-families"
);
const mostYears: Record<string, number> = {
  phase1: 3,
  "phase1-fast-track": 3,
  phase2: 6,
  "phase2-earned-autonomy": 6,
  "supporting-families": 4,
};

// Values that are wrong for any count of families.
const badFamilies: fc.Arbitrary<ExcelArg> = fc.oneof(
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
  fc.string({ minLength: 1 }).filter((s) => !/(crime|work|employ|progress|outcome|adults)/i.test(s))
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

const validDates: ExcelArg = [["2013-07-31"], ["2013-10-31"], ["2014-02-28"]];
const validCounts: ExcelArg = [[90], [85], [110]];

/** For each function: valid arguments, and generators that spoil exactly one of them. */
const BAD_CASES: Record<
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
  TF_TURNED_AROUND: {
    valid: [473, 730],
    spoilers: [
      [0, badFamilies],
      [1, badFamilies],
      [0, fc.integer({ min: 731, max: 1_000_000 })],
    ],
  },
};

describe("every public function answers bad input with an Excel error and a message", () => {
  it("covers every function of the table", () => {
    expect(Object.keys(BAD_CASES).sort()).toEqual(FUNCTIONS.map((f) => f.id).sort());
  });

  for (const [id, { valid, spoilers }] of Object.entries(BAD_CASES)) {
    it(`${id}: the valid arguments give a value`, () => {
      expect(isError(run(id, valid))).toBe(false);
    });

    it(`${id}: ${RUNS} random bad inputs each give an error`, () => {
      const spoiled = fc.oneof(
        ...spoilers.map(([position, bad]) => bad.map((b) => ({ position, b })))
      );
      fc.assert(
        fc.property(spoiled, ({ position, b }) => {
          const args = [...valid];
          args[position] = b;
          const result = run(id, args);
          if (!isError(result)) return false;
          return ["value", "num", "na", "div0"].includes(result.kind) && result.message.length > 10;
        }),
        { numRuns: RUNS }
      );
    });
  }
});

describe("envelope invariants", () => {
  const envelopeInput = frameworks.chain((framework) =>
    fc.record({
      framework: fc.constant(framework),
      cohort: fc.integer({ min: 0, max: 200_000 }),
      years: fc.integer({ min: 1, max: mostYears[framework] }),
      rounding: fc.constantFrom("half-up", "none", "down"),
    })
  );

  it("attachment + results = total in every row, and the rows add up to the total row", () => {
    fc.assert(
      fc.property(envelopeInput, ({ framework, cohort, years, rounding }) => {
        const table = value("TF_ENVELOPE", [cohort, years, framework, rounding]) as number[][];
        const body = table.slice(1, -1);
        const total = table[table.length - 1];
        const cents = (x: number) => Math.round(x * 100);
        expect(body).toHaveLength(years);
        for (const row of body) expect(cents(row[2]) + cents(row[3])).toBe(cents(row[4]));
        for (const column of [2, 3, 4]) {
          expect(body.reduce((s, row) => s + cents(row[column]), 0)).toBe(cents(total[column]));
        }
        expect(total[1]).toBeLessThanOrEqual(cohort);
        expect(
          table.flat().every((cell) => typeof cell === "string" || Number.isFinite(cell))
        ).toBe(true);
        // Families per year are whole unless fractions were asked for, and differ by at most one.
        if (rounding !== "none") {
          const families = body.map((row) => row[1]);
          expect(families.every(Number.isInteger)).toBe(true);
          expect(Math.max(...families) - Math.min(...families)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 }
    );
  });

  it("the PbR risk is the envelope's results column", () => {
    fc.assert(
      fc.property(envelopeInput, ({ framework, cohort, years, rounding }) => {
        const table = value("TF_ENVELOPE", [cohort, years, framework, rounding]) as number[][];
        expect(value("TF_PBR_RISK", [cohort, years, framework, rounding])).toBe(
          table[table.length - 1][3]
        );
      }),
      { numRuns: 200 }
    );
  });

  it("funded families never exceed the cohort, and grow with it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom("half-up", "none", "down"),
        (cohort, rounding) => {
          const funded = value("TF_ELIGIBLE", [cohort, null, rounding]) as number;
          const more = value("TF_ELIGIBLE", [cohort + 1, null, rounding]) as number;
          expect(funded).toBeLessThanOrEqual(cohort);
          expect(more).toBeGreaterThanOrEqual(funded);
        }
      ),
      { numRuns: 500 }
    );
  });

  it("attachment fees grow with the families attached", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 3 }),
        (families, year) => {
          const fees = value("TF_ATTACHMENT", [families, year]) as number;
          expect(value("TF_ATTACHMENT", [families + 1, year])).toBeGreaterThan(fees);
        }
      ),
      { numRuns: 300 }
    );
  });

  it("the turned-around share is monotonic in outcomes and stays within 0..1", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (cohort, fraction) => {
          const outcomes = Math.floor(cohort * fraction);
          const share = value("TF_TURNED_AROUND", [outcomes, cohort]) as number;
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
          if (outcomes < cohort)
            expect(value("TF_TURNED_AROUND", [outcomes + 1, cohort])).toBeGreaterThan(share);
        }
      ),
      { numRuns: 300 }
    );
  });
});
