import { CashFlow, CashFlowInput, cashFlow } from "./cashflow";
import { Result, isError } from "./errors";
import { MAX_FAMILIES, Problems } from "./messages";
import { Decimal, ZERO, dec } from "./money";
import { financialYearLabel } from "./years";

/** What the goal seek solves for. */
export type TargetUnknown = "success-rate" | "families";

export interface TargetInput extends Omit<CashFlowInput, "successRate" | "routes" | "attached"> {
  /** £ to have received, in total, by the end of `byYear`. */
  amount: Decimal;
  /** The calendar year in which that financial year starts (2019 for 2019/20). */
  byYear: number;
  solveFor: TargetUnknown;
  /** Families attached each programme year: given when solving for the success rate. */
  attached?: readonly Decimal[];
  /** Given when solving for families a year. */
  successRate?: Decimal;
  /** Programme years families are attached over, when solving for families a year. */
  years?: number;
}

export type TargetAnswer =
  | {
      reachable: true;
      /** The success rate needed (to 0.01%, rounded up), when solving for it. */
      successRate?: Decimal;
      /** Whole families a year needed, every year alike, when solving for them. */
      familiesPerYear?: Decimal;
      /** £ received by the end of the year at that answer: at least the amount. */
      received: Decimal;
      flow: CashFlow;
    }
  | {
      reachable: false;
      /** The most that can have been received by then (every family turned around, or at the cap). */
      most: Decimal;
      why: string;
    };

const byEnd = (flow: CashFlow, startYear: number): Decimal =>
  flow.years.filter((year) => year.startYear <= startYear).at(-1)?.cumulative ?? ZERO;

const STEP = dec("0.0001");

/** £ as a report writes it: £1,120,000 (pence only where there are any). */
const money = (amount: Decimal): string =>
  `£${amount.toNumber().toLocaleString("en-GB", { maximumFractionDigits: 2, minimumFractionDigits: amount.isInteger() ? 0 : 2 })}`;

function solveRate(input: TargetInput, byYear: string): Result<TargetAnswer> {
  const attached = input.attached ?? [];
  const at = (successRate: Decimal) => cashFlow({ ...input, attached, successRate });
  const none = at(ZERO);
  if (isError(none)) return none;
  const all = at(dec(1));
  if (isError(all)) return all;
  const floor = byEnd(none, input.byYear);
  const most = byEnd(all, input.byYear);
  if (input.amount.lessThanOrEqualTo(floor))
    return { reachable: true, successRate: ZERO, received: floor, flow: none };
  if (most.lessThan(input.amount))
    return {
      reachable: false,
      most,
      why: `even if every family were turned around, ${money(most)} is received by the end of ${byYear}, less than ${money(input.amount)}`,
    };
  // Linear in the rate but for pence: start at the exact share, rounded up, and step up.
  let rate = Decimal.min(
    1,
    input.amount.minus(floor).div(most.minus(floor)).toDecimalPlaces(4, Decimal.ROUND_UP)
  );
  for (;;) {
    const flow = at(rate);
    if (isError(flow)) return flow;
    const received = byEnd(flow, input.byYear);
    if (received.greaterThanOrEqualTo(input.amount) || rate.greaterThanOrEqualTo(1))
      return { reachable: true, successRate: rate, received, flow };
    rate = Decimal.min(1, rate.plus(STEP));
  }
}

function solveFamilies(input: TargetInput, byYear: string): Result<TargetAnswer> {
  const years = input.years ?? input.framework.defaultYears;
  if (!Number.isInteger(years) || years < 1 || years > input.framework.years.length)
    return Problems.yearsOutOfRange(years, input.framework.id, input.framework.years.length);
  const successRate = input.successRate ?? ZERO;
  const at = (families: number) =>
    cashFlow({ ...input, successRate, attached: Array(years).fill(dec(families)) });
  const receivedAt = (families: number): Result<{ received: Decimal; flow: CashFlow }> => {
    const flow = at(families);
    return isError(flow) ? flow : { received: byEnd(flow, input.byYear), flow };
  };
  const zero = receivedAt(0);
  if (isError(zero)) return zero;
  if (input.amount.lessThanOrEqualTo(zero.received))
    return { reachable: true, familiesPerYear: ZERO, ...zero };
  // Received grows with families a year (and stops growing at a funded cap): bisect.
  const most = Math.floor(MAX_FAMILIES / years);
  const top = receivedAt(most);
  if (isError(top)) return top;
  if (top.received.lessThan(input.amount))
    return {
      reachable: false,
      most: top.received,
      why: `no number of families a year reaches ${money(input.amount)} by the end of ${byYear}: at most ${money(top.received)} is received by then${input.cohort || input.fundedOverride ? " (the funded number caps the families paid for)" : ""}`,
    };
  let [low, high] = [0, most];
  let best = top;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const tried = receivedAt(middle);
    if (isError(tried)) return tried;
    if (tried.received.greaterThanOrEqualTo(input.amount)) [high, best] = [middle, tried];
    else low = middle;
  }
  return { reachable: true, familiesPerYear: dec(high), ...best };
}

/**
 * The goal seek: the success rate (with the families attached given), or the whole families a
 * year (with the success rate given), needed to have received `amount` by the end of the
 * financial year `byYear` — or why no answer reaches it (the framework's maximum by then is
 * below it). The inverse of cashFlow: the answer, fed back, receives at least the amount.
 */
export function targetNeeded(input: TargetInput): Result<TargetAnswer> {
  if (!input.amount.isFinite()) return Problems.notFinite("the amount");
  if (input.amount.lessThan(0))
    return Problems.negativeMoney("the amount", input.amount.toString());
  const byYear = financialYearLabel(input.byYear);
  return input.solveFor === "success-rate"
    ? solveRate(input, byYear)
    : solveFamilies(input, byYear);
}
