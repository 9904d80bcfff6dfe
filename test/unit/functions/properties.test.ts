import fc from "fast-check";
import { isError } from "../../../src/engine/errors";
import { dec } from "../../../src/engine/money";
import { ExcelArg, ExcelValue } from "../../../src/functions/excel-args";
import { callFunction, findFunction, FUNCTIONS } from "../../../src/functions/table";

import { BAD_CASES } from "../../support/bad-inputs";

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

  it("the PbR risk is the envelope's results column, or the same error", () => {
    const withFunded = fc.tuple(envelopeInput, fc.option(fc.integer({ min: 0, max: 200_000 })));
    fc.assert(
      fc.property(withFunded, ([{ framework, cohort, years, rounding }, funded]) => {
        const args = [cohort, years, framework, rounding, funded];
        const table = run("TF_ENVELOPE", args);
        const risk = run("TF_PBR_RISK", args);
        if (isError(table)) expect(risk).toEqual(table);
        else expect(risk).toBe((table as number[][])[(table as number[][]).length - 1][3]);
      }),
      { numRuns: 300 }
    );
  });

  it("the break-even rate is (cost − attachment) ÷ results of the envelope's totals", () => {
    const cases = fc.tuple(envelopeInput, fc.integer({ min: 0, max: 12_000 }));
    fc.assert(
      fc.property(cases, ([{ framework, cohort, years }, basisPoints]) => {
        const table = value("TF_ENVELOPE", [cohort, years, framework]) as number[][];
        const [, , attachment, results, total] = table[table.length - 1];
        // A cost from nothing to 120% of the envelope, in whole pence.
        const cost = Math.round((total * basisPoints) / 100) / 100;
        const rate = run("TF_BREAK_EVEN_RATE", [cohort, cost, years, framework]);
        if (dec(cost).lessThanOrEqualTo(attachment)) expect(rate).toBe(0);
        else if (dec(cost).greaterThan(total)) expect(rate).toMatchObject({ kind: "num" });
        else expect(rate).toBe(dec(cost).minus(attachment).div(results).toNumber());
      }),
      { numRuns: 300 }
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
