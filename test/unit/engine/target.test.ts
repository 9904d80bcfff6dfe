import fc from "fast-check";
import { cashFlow } from "../../../src/engine/cashflow";
import { dec } from "../../../src/engine/money";
import { targetNeeded } from "../../../src/engine/target";
import { decs, fails, ok, phase1, phase2, pounds } from "./fixtures";

const PLAN = { framework: phase2, attached: decs(140, 140, 140, 140, 140) };

/** £ received by the end of a financial year (its start year), from the forward model. */
const receivedBy = (flow: ReturnType<typeof cashFlow>, startYear: number) =>
  ok(flow)
    .years.filter((y) => y.startYear <= startYear)
    .at(-1)!.cumulative;

describe("targetNeeded: the goal seek", () => {
  it("finds the success rate that has phase 2's 140 a year receive £900,000 by 2019/20", () => {
    // By 31 March 2020: £700,000 of fees and 3¾ years' results, £112,000 a year at 100%.
    const answer = ok(
      targetNeeded({ ...PLAN, amount: dec(900000), byYear: 2019, solveFor: "success-rate" })
    );
    expect(answer.reachable).toBe(true);
    if (!answer.reachable) return;
    // (900,000 - 700,000) / (84,000 + 112,000 × 3) = 200,000 / 420,000 → 47.62% (rounded up).
    expect(answer.successRate!.toFixed(4)).toBe("0.4762");
    expect(answer.received.greaterThanOrEqualTo(900000)).toBe(true);
    expect(
      receivedBy(cashFlow({ ...PLAN, successRate: answer.successRate }), 2019).toFixed(2)
    ).toBe(pounds(answer.received));
  });

  it("says when even 100% cannot reach the amount by then, with the most that can", () => {
    const answer = ok(
      targetNeeded({ ...PLAN, amount: dec(1200000), byYear: 2019, solveFor: "success-rate" })
    );
    expect(answer.reachable).toBe(false);
    if (answer.reachable) return;
    expect(pounds(answer.most)).toBe("1120000.00"); // £700,000 + £420,000
    expect(answer.why).toMatch(
      /every family were turned around, £1,120,000 is received by the end of 2019\/20, less than £1,200,000/
    );
  });

  it("finds the whole families a year that reach £1,064,000 by 2021/22 at 65%: 140", () => {
    const answer = ok(
      targetNeeded({
        framework: phase2,
        amount: dec(1064000),
        byYear: 2021,
        solveFor: "families",
        successRate: dec("0.65"),
        years: 5,
      })
    );
    expect(answer.reachable && answer.familiesPerYear!.toNumber()).toBe(140);
  });

  it("is capped by the funded number when a cohort is given", () => {
    const answer = ok(
      targetNeeded({
        framework: phase1,
        cohort: dec(600),
        amount: dec(5000000),
        byYear: 2015,
        solveFor: "families",
        successRate: dec(1),
        years: 3,
      })
    );
    expect(answer.reachable).toBe(false);
    if (!answer.reachable) expect(answer.why).toMatch(/funded number caps/);
  });

  it("refuses a negative or non-finite amount", () => {
    expect(
      fails(targetNeeded({ ...PLAN, amount: dec(-1), byYear: 2019, solveFor: "success-rate" }))
        .message
    ).toMatch(/cannot be negative/);
  });

  it("inverts the forward model: the rate found receives the amount, 0.01% less does not", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 2015, max: 2021 }),
        fc.integer({ min: 1, max: 10000 }),
        (attached, byYear, share) => {
          const plan = { framework: phase2, attached: attached.map((n) => dec(n)) };
          const most = receivedBy(cashFlow({ ...plan, successRate: dec(1) }), byYear);
          const amount = most.times(share).div(10000).toDecimalPlaces(2);
          const answer = ok(targetNeeded({ ...plan, amount, byYear, solveFor: "success-rate" }));
          expect(answer.reachable).toBe(true);
          if (!answer.reachable) return;
          const rate = answer.successRate!;
          expect(receivedBy(cashFlow({ ...plan, successRate: rate }), byYear).gte(amount)).toBe(
            true
          );
          if (rate.greaterThan(0)) {
            const less = rate.minus("0.0001");
            expect(receivedBy(cashFlow({ ...plan, successRate: less }), byYear).lt(amount)).toBe(
              true
            );
          }
        }
      )
    );
  });

  it("inverts the forward model for families: the number found reaches it, one fewer does not", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 100 }),
        (families, rate) => {
          const successRate = dec(rate).div(100);
          const attached = decs(families, families, families, families, families);
          const amount = receivedBy(cashFlow({ framework: phase2, attached, successRate }), 2019);
          const answer = ok(
            targetNeeded({
              framework: phase2,
              amount,
              byYear: 2019,
              solveFor: "families",
              successRate,
              years: 5,
            })
          );
          expect(answer.reachable && answer.familiesPerYear!.toNumber()).toBe(families);
        }
      ),
      { numRuns: 40 }
    );
  });
});
