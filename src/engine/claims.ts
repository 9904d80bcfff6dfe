import { toSerial } from "./dates";
import { Result, isError } from "./errors";
import { Framework, resultRate } from "./frameworks";
import { Problems } from "./messages";
import { Decimal, ZERO, numberOf, sum, toPence, wholeNumber } from "./money";
import { OUTCOME_TYPES, OutcomeId } from "./outcomes";
import { outcomeNotPaid } from "./paid-outcomes";

// The summaries live in their own module to keep this one small; re-exported so that the
// engine's index (which exports this module) also offers them.
export * from "./claim-summaries";

/** One row of a council's claim history. */
export interface Claim {
  /** Excel serial date on which the claim was made. */
  date: number;
  outcome: OutcomeId;
  families: Decimal;
  /** £ actually claimed, where the council knows it; otherwise the framework's rates decide. */
  amount?: Decimal;
  /** The programme year (1-based) in which these families were attached, when known. */
  attachmentYear?: number;
}

/** The families of a claim that were attached in one programme year, and what they earn. */
export interface ClaimPart {
  year: number;
  families: Decimal;
  /** £ per family for this outcome in the year of attachment. */
  rate: Decimal;
  /** £ of the claim attributed to this year, to the penny. */
  amount: Decimal;
}

export interface PricedClaim {
  /** 1-based position in the claim history as given, so messages and tables can point back. */
  row: number;
  date: number;
  outcome: OutcomeId;
  families: Decimal;
  parts: ClaimPart[];
  /** £ at the framework's rates for the years of attachment. */
  rated: Decimal;
  /** £ of the claim: the known amount where given, else the rated amount. */
  amount: Decimal;
  amountKnown: boolean;
}

function checkProfile(framework: Framework, profile: readonly Decimal[]): Result<Decimal[]> {
  if (profile.length > framework.years.length) {
    return Problems.profileTooLong(profile.length, framework.id, framework.years.length);
  }
  for (const [i, families] of profile.entries()) {
    if (!families.isFinite()) return Problems.notFinite(`families attached in year ${i + 1}`);
    if (families.lessThan(0))
      return Problems.negative(`families attached in year ${i + 1}`, families.toString());
  }
  return [...profile];
}

/** The caller should already have rejected bad rows; checking again keeps a wrong figure out. */
function checkClaim(framework: Framework, claim: Claim, row: number): Result<Claim> {
  const what = `claim row ${row}`;
  const date = toSerial(`${what} date`, claim.date);
  if (isError(date)) return date;
  const notPaid = outcomeNotPaid(framework, claim.outcome);
  if (notPaid) return notPaid;
  const { families, amount, attachmentYear } = claim;
  if (!families.isFinite()) return Problems.notFinite(`${what} families`);
  if (families.lessThan(0)) return Problems.negative(`${what} families`, families.toString());
  if (!families.isInteger()) return Problems.notWhole(`${what} families`, families.toString());
  if (amount !== undefined) {
    if (!amount.isFinite()) return Problems.notFinite(`${what} amount`);
    if (amount.lessThan(0)) return Problems.negative(`${what} amount`, amount.toString());
    if (families.isZero() && !amount.isZero())
      return Problems.amountWithoutFamilies(row, amount.toString());
  }
  if (attachmentYear !== undefined) {
    const most = framework.years.length;
    if (!Number.isInteger(attachmentYear) || attachmentYear < 1 || attachmentYear > most) {
      return Problems.claimYearOutside(row, attachmentYear, most);
    }
  }
  return { ...claim, date };
}

/** The families still unclaimed in each attachment year of one pool. */
interface Pool {
  /** Takes `families` from the earliest years that still have some; undefined if too few. */
  take(families: Decimal): { year: number; families: Decimal }[] | undefined;
  /** Uses up families the council recorded against a known year (never below zero). */
  use(year: number, families: Decimal): void;
}

/**
 * First in first out over whole families, in plain integers: claims are whole families, and a
 * whole profile (every envelope but rounding "none") keeps every step exact, without the
 * Decimal arithmetic that dominated a 100,000-row history.
 */
export function wholePool(attached: readonly Decimal[]): Pool {
  const remaining = attached.map((families) => families.toNumber());
  return {
    take(families) {
      let left = numberOf(families);
      const taken: { year: number; families: Decimal }[] = [];
      for (let i = 0; i < remaining.length && left > 0; i++) {
        if (remaining[i] === 0) continue;
        const portion = Math.min(left, remaining[i]);
        taken.push({ year: i + 1, families: wholeNumber(portion) });
        remaining[i] -= portion;
        left -= portion;
      }
      return left === 0 ? taken : undefined;
    },
    use(year, families) {
      if (year <= remaining.length)
        remaining[year - 1] = Math.max(0, remaining[year - 1] - numberOf(families));
    },
  };
}

/** The same in Decimals, for a profile with fractions of families (rounding "none"). */
export function fractionalPool(attached: readonly Decimal[]): Pool {
  const remaining = [...attached];
  return {
    take(families) {
      const taken: { year: number; families: Decimal }[] = [];
      let left = families;
      for (let i = 0; i < remaining.length && left.greaterThan(ZERO); i++) {
        if (remaining[i].isZero()) continue;
        const portion = left.lessThan(remaining[i]) ? left : remaining[i];
        taken.push({ year: i + 1, families: portion });
        remaining[i] = remaining[i].minus(portion);
        left = left.minus(portion);
      }
      return left.isZero() ? taken : undefined;
    },
    use(year, families) {
      if (year <= remaining.length)
        remaining[year - 1] = Decimal.max(ZERO, remaining[year - 1].minus(families));
    },
  };
}

function poolOver(attached: readonly Decimal[]): Pool {
  const whole = attached.every((f) => f.isInteger() && f.lessThan(Number.MAX_SAFE_INTEGER));
  return whole ? wholePool(attached) : fractionalPool(attached);
}

/**
 * Shares a known claim amount between its years in proportion to what each year's families
 * would earn at the rates, the last year taking the remainder so the parts add up to the penny.
 */
function shareKnownAmount(amount: Decimal, parts: ClaimPart[]): ClaimPart[] {
  const ratedTotal = sum(parts.map((part) => part.amount));
  const weights = ratedTotal.isZero()
    ? parts.map((part) => part.families)
    : parts.map((part) => part.amount);
  const weightTotal = sum(weights);
  let allocated = ZERO;
  return parts.map((part, i) => {
    const share =
      i === parts.length - 1
        ? amount.minus(allocated)
        : toPence(amount.times(weights[i]).div(weightTotal));
    allocated = allocated.plus(share);
    return { ...part, amount: share };
  });
}

/** Part amounts by rate and families: a long history prices the same few pairs again and again. */
type AmountMemo = Map<Decimal, Map<Decimal, Decimal>>;

function partAmount(memo: AmountMemo, rate: Decimal, families: Decimal): Decimal {
  let byFamilies = memo.get(rate);
  if (!byFamilies) memo.set(rate, (byFamilies = new Map()));
  let amount = byFamilies.get(families);
  if (amount === undefined) byFamilies.set(families, (amount = toPence(families.times(rate))));
  return amount;
}

function price(
  framework: Framework,
  claim: Claim,
  row: number,
  years: { year: number; families: Decimal }[],
  memo: AmountMemo
): PricedClaim {
  const rated = years.map(({ year, families }): ClaimPart => {
    const rate = resultRate(framework, claim.outcome, year);
    return { year, families, rate, amount: partAmount(memo, rate, families) };
  });
  const ratedAmount = rated.length === 1 ? rated[0].amount : sum(rated.map((part) => part.amount));
  const known = claim.amount === undefined ? undefined : toPence(claim.amount);
  return {
    row,
    date: claim.date,
    outcome: claim.outcome,
    families: claim.families,
    parts: known === undefined || rated.length === 0 ? rated : shareKnownAmount(known, rated),
    rated: ratedAmount,
    amount: known ?? ratedAmount,
    amountKnown: known !== undefined,
  };
}

/**
 * Prices a claim history at the rates of the year in which each family was ATTACHED (the taper
 * pays a family attached in year 2 twice the year-1 results). Where a claim does not say its
 * attachment year, families are assumed to come out in the order they went in: for each pool of
 * outcomes (the turned-around routes share one), claims by date take year 1's attached families
 * first, then year 2's, so one
 * claim can span two years. Claims with a known year are taken as the council's own record:
 * they use up that year's families before the first-in-first-out fill. A family claims each
 * result once, so claiming an outcome for more families than were attached is an error.
 */
export function priceClaims(
  framework: Framework,
  claims: readonly Claim[],
  profile: readonly Decimal[]
): Result<PricedClaim[]> {
  const attached = checkProfile(framework, profile);
  if (isError(attached)) return attached;
  const checked: Claim[] = [];
  for (const [i, claim] of claims.entries()) {
    const ok = checkClaim(framework, claim, i + 1);
    if (isError(ok)) return ok;
    checked.push(ok);
  }

  const priced: PricedClaim[] = new Array(checked.length);
  const memo: AmountMemo = new Map();
  // A family is turned around once, by one route or the other (phase 1: crime/ASB/education
  // OR continuous employment), so those outcomes draw on one pool of attached families;
  // supplementary results (progress to work, top-ups) each have a pool of their own.
  const poolOf = (outcome: OutcomeId) =>
    framework.turnedAroundOutcomes.includes(outcome) ? "turned-around" : outcome;
  const pools = [...new Set(checked.map((claim) => poolOf(claim.outcome)))];
  for (const pool of pools) {
    const rows = checked
      .map((claim, i) => ({ claim, row: i + 1 }))
      .filter(({ claim }) => poolOf(claim.outcome) === pool);
    const claimed = sum(rows.map(({ claim }) => claim.families));
    const totalAttached = sum(attached);
    const label =
      pool === "turned-around"
        ? framework.turnedAroundOutcomes.map((id) => OUTCOME_TYPES[id].label).join(" or ")
        : OUTCOME_TYPES[pool as OutcomeId].label;
    const tooMany = () =>
      Problems.tooManyClaims(label, claimed.toString(), totalAttached.toString());
    if (claimed.greaterThan(totalAttached)) return tooMany();

    const unclaimed = poolOver(attached);
    for (const { claim, row } of rows) {
      const year = claim.attachmentYear;
      if (year === undefined) continue;
      unclaimed.use(year, claim.families);
      priced[row - 1] = price(
        framework,
        claim,
        row,
        claim.families.isZero() ? [] : [{ year, families: claim.families }],
        memo
      );
    }
    const unplaced = rows
      .filter(({ claim }) => claim.attachmentYear === undefined)
      .sort((a, b) => a.claim.date - b.claim.date || a.row - b.row);
    for (const { claim, row } of unplaced) {
      const years = unclaimed.take(claim.families);
      if (years === undefined) return tooMany();
      priced[row - 1] = price(framework, claim, row, years, memo);
    }
  }
  return priced;
}

/** Families attached per programme year, as priceClaims wants them, from an envelope's rows. */
export function profileOf(envelope: { rows: readonly { families: Decimal }[] }): Decimal[] {
  return envelope.rows.map((row) => row.families);
}
