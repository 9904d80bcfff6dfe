import fc from "fast-check";
import * as entry from "../../../src/functions/functions";
import { FUNCTIONS } from "../../../src/functions/table";
import { ExcelArg } from "../../../src/functions/excel-args";
import { run } from "../../../src/cli/main";
import { BAD_CASES } from "../../support/bad-inputs";

/**
 * The functions through the entry points Excel calls (src/functions/functions.ts), with the
 * CustomFunctions runtime that Excel provides stood in by the same shape: an error must reach
 * Excel as a CustomFunctions.Error with a code and a message, never a bare throw.
 */
class ExcelError {
  constructor(
    public code: string,
    public message?: string
  ) {}
}

beforeAll(() => {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: ExcelError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
    },
  };
});

afterAll(() => {
  delete (globalThis as Record<string, unknown>).CustomFunctions;
});

type Entry = (...args: never[]) => unknown;
const ENTRIES: Record<string, Entry> = {
  TF_ELIGIBLE: entry.eligible,
  TF_ATTACHMENT: entry.attachment,
  TF_RESULTS_PAYMENT: entry.resultsPayment,
  TF_ENVELOPE: entry.envelope,
  TF_PBR_RISK: entry.pbrRisk,
  TF_PBR_FORECAST: entry.pbrForecast,
  TF_TURNED_AROUND: entry.turnedAround,
  TF_RESULTS_FOR_CLAIMS: entry.resultsForClaims,
  TF_OUTCOMES_NEEDED: entry.outcomesNeeded,
  TF_BREAK_EVEN_RATE: entry.breakEvenRate,
  TF_FINANCIAL_YEAR: entry.financialYear,
  TF_NEXT_CLAIM_WINDOW: entry.nextClaimWindow,
  TF_EMPLOYMENT_SHARE: entry.employmentShare,
  TF_EXPECTED_CLAWBACK: entry.expectedClawback,
  TF_YEAR2_RELEASE: entry.year2Release,
  TF_CASHFLOW: entry.cashflow,
  TF_TARGET_NEEDED: entry.targetNeeded,
};

function callEntry(id: string, args: ExcelArg[]): { value?: unknown; error?: ExcelError } {
  try {
    return { value: (ENTRIES[id] as (...a: ExcelArg[]) => unknown)(...args) };
  } catch (thrown) {
    if (thrown instanceof ExcelError) return { error: thrown };
    throw thrown; // a bare throw would show Excel's message-less #VALUE!: fail the test
  }
}

const isFinite = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.flat().every((cell) => typeof cell === "string" || Number.isFinite(cell))
    : typeof value === "string" || Number.isFinite(value);

describe("Excel's entry points", () => {
  it("exist for every function of the table", () => {
    expect(Object.keys(ENTRIES).sort()).toEqual(FUNCTIONS.map((f) => f.id).sort());
  });

  for (const [id, { valid, spoilers }] of Object.entries(BAD_CASES)) {
    it(`${id}: valid Excel arguments give a finite value`, () => {
      const { value, error } = callEntry(id, valid);
      expect(error).toBeUndefined();
      expect(isFinite(value)).toBe(true);
    });

    it(`${id}: 1,000 random bad arguments each give a CustomFunctions.Error with a message`, () => {
      const spoiled = fc.oneof(
        ...spoilers.map(([position, bad]) => bad.map((b) => ({ position, b })))
      );
      fc.assert(
        fc.property(spoiled, ({ position, b }) => {
          const args = [...valid];
          args[position] = b;
          const { error } = callEntry(id, args);
          return (
            error !== undefined &&
            ["#VALUE!", "#NUM!", "#N/A", "#DIV/0!"].includes(error.code) &&
            (error.message ?? "").length > 10
          );
        }),
        { numRuns: 1000 }
      );
    });
  }

  it("pass a blank cell (null) and an omitted argument (undefined) alike", () => {
    expect(entry.eligible(705 as never, null as never, undefined as never)).toBe(588);
    expect(entry.pbrRisk(705 as never, 2 as never)).toBe(705600);
    expect(
      entry.envelope(705 as never, [[2]] as never, [["phase1-fast-track"]] as never)
    ).toHaveLength(4);
  });

  it("read ranges with blank rows at the end, as a selection larger than the data", () => {
    const dates = [["2013-07-31"], ["2013-10-31"], ["2014-02-28"], [null], [""]];
    const counts = [[90], [85], [110], [null], [""]];
    const trimmed = entry.pbrForecast(
      dates.slice(0, 3) as never,
      counts.slice(0, 3) as never,
      "2015-05-31" as never
    );
    expect(entry.pbrForecast(dates as never, counts as never, "2015-05-31" as never)).toBe(trimmed);
  });
});

describe("tf-funding call and Excel agree", () => {
  /** How a user would type an Excel argument on the command line. */
  const cli = (arg: ExcelArg): string =>
    arg === null || arg === undefined ? "" : Array.isArray(arg) ? JSON.stringify(arg) : String(arg);

  const frameworks = fc.constantFrom(
    "phase1",
    "phase1-fast-track",
    "phase2",
    "phase2-earned-autonomy"
  );
  const calls = fc.oneof(
    fc.tuple(
      fc.constant("TF_ELIGIBLE"),
      fc.tuple(
        fc.nat(100000),
        fc.constantFrom<ExcelArg>(null, 0.5, "5/6"),
        fc.constantFrom<ExcelArg>(null, "down", "none")
      )
    ),
    fc.tuple(
      fc.constant("TF_ATTACHMENT"),
      fc.tuple(fc.nat(100000), fc.constantFrom<ExcelArg>(1, 2, 3, "2013/14"), frameworks)
    ),
    fc.tuple(
      fc.constant("TF_ENVELOPE"),
      fc.tuple(
        fc.nat(100000),
        fc.constantFrom<ExcelArg>(1, 2, 3),
        frameworks,
        fc.constantFrom<ExcelArg>(null, "none", "down")
      )
    ),
    fc.tuple(
      fc.constant("TF_PBR_RISK"),
      fc.tuple(fc.nat(100000), fc.constantFrom<ExcelArg>(null, 1, 2, 3), frameworks)
    ),
    fc.tuple(
      fc.constant("TF_TURNED_AROUND"),
      fc.nat(1000).chain((n) => fc.tuple(fc.nat(n), fc.constant(n + 1)))
    ),
    fc.tuple(fc.constant("TF_FINANCIAL_YEAR"), fc.tuple(fc.integer({ min: 40000, max: 50000 }))),
    fc.tuple(
      fc.constant("TF_CASHFLOW"),
      fc.tuple(
        fc.oneof(
          fc.nat(2000),
          fc.array(fc.nat(2000), { minLength: 1, maxLength: 4 }).map((row) => [row])
        ),
        fc.constantFrom<ExcelArg>(null, 0, 0.65, "65%", 1, 1.5),
        frameworks,
        fc.constantFrom<ExcelArg>(null, 0, 6, 12, 24)
      )
    ),
    fc.tuple(
      fc.constant("TF_TARGET_NEEDED"),
      fc.tuple(
        fc.nat(3_000_000),
        fc.constantFrom<ExcelArg>("2016/17", "2019/20", 3, "soon"),
        fc.oneof(fc.constant<ExcelArg>(null), fc.nat(2000)),
        fc.constantFrom<ExcelArg>(null, 0.65, "50%"),
        frameworks
      )
    ),
    fc.tuple(
      fc.constant("TF_RESULTS_PAYMENT"),
      fc.tuple(
        fc.constantFrom("crime-asb-education", "Progress to work", "continuous-employment"),
        fc.constantFrom<ExcelArg>(1, 2, 3)
      )
    )
  );

  it("for the same arguments, value for value and error for error", async () => {
    await fc.assert(
      fc.asyncProperty(calls, async ([id, args]) => {
        const excel = callEntry(id, args as ExcelArg[]);
        const output = await run(["call", id, ...(args as ExcelArg[]).map(cli), "--json"]);
        const printed = JSON.parse(output.stdout);
        if (excel.error) {
          expect(output.status).toBe(1);
          expect(printed).toEqual({ error: excel.error.code, message: excel.error.message });
        } else {
          expect(output.status).toBe(0);
          expect(printed).toEqual({ value: excel.value });
        }
      }),
      { numRuns: 300 }
    );
  });
});
