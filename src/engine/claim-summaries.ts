import type { PricedClaim } from "./claims";
import { financialYearOf, serialFromIso } from "./dates";
import { Result, isError } from "./errors";
import { Framework, ProgrammeYear } from "./frameworks";
import { Problems } from "./messages";
import { Decimal, sum } from "./money";
import { OUTCOME_IDS, OUTCOME_TYPES, OutcomeId } from "./outcomes";
import { employmentShare, turnedAroundShare } from "./shares";
import { financialYearLabel } from "./years";

/** What a group of claims adds up to. £ are sums of the claims' penny amounts, so they add up. */
export interface ClaimTotals {
  /** Claim rows in the group (a claim spanning two attachment years counts in both). */
  claims: number;
  families: Decimal;
  amount: Decimal;
}

export interface OutcomeGroup extends ClaimTotals {
  outcome: OutcomeId;
  label: string;
}

export interface FinancialYearGroup extends ClaimTotals {
  /** Calendar year in which the financial year starts. */
  startYear: number;
  label: string;
}

export interface WindowGroup extends ClaimTotals {
  /** 1-based position among the framework's claim windows. */
  window: number;
  /** ISO date on which the window closes. */
  closes: string;
  closesSerial: number;
}

export interface AttachmentYearGroup extends ClaimTotals {
  year: ProgrammeYear;
}

export interface ClaimTable<G> {
  rows: G[];
  total: ClaimTotals;
}

export interface WindowTable extends ClaimTable<WindowGroup> {
  /** Claims dated after the last window closed: no window will pay them, so they stand apart. */
  afterLastWindow: ClaimTotals;
}

const totalsOf = (claims: readonly PricedClaim[]): ClaimTotals => ({
  claims: claims.length,
  families: sum(claims.map((claim) => claim.families)),
  amount: sum(claims.map((claim) => claim.amount)),
});

function groupBy<K>(
  claims: readonly PricedClaim[],
  keyOf: (claim: PricedClaim) => K
): Map<K, PricedClaim[]> {
  const groups = new Map<K, PricedClaim[]>();
  for (const claim of claims) {
    const key = keyOf(claim);
    groups.set(key, [...(groups.get(key) ?? []), claim]);
  }
  return groups;
}

/** Families and £ by outcome type, in the framework's usual order of outcome types. */
export function claimsByOutcome(claims: readonly PricedClaim[]): ClaimTable<OutcomeGroup> {
  const groups = groupBy(claims, (claim) => claim.outcome);
  const rows = OUTCOME_IDS.filter((id) => groups.has(id)).map((outcome) => ({
    outcome,
    label: OUTCOME_TYPES[outcome].label,
    ...totalsOf(groups.get(outcome) ?? []),
  }));
  return { rows, total: totalsOf(claims) };
}

/** Families and £ by the financial year in which each claim was made (not when it is paid). */
export function claimsByFinancialYear(
  claims: readonly PricedClaim[]
): ClaimTable<FinancialYearGroup> {
  const groups = groupBy(claims, (claim) => financialYearOf(claim.date));
  const rows = [...groups.keys()]
    .sort((a, b) => a - b)
    .map((startYear) => ({
      startYear,
      label: financialYearLabel(startYear),
      ...totalsOf(groups.get(startYear) ?? []),
    }));
  return { rows, total: totalsOf(claims) };
}

// Frameworks are never changed once compiled, so each one's windows are read once: a sheet may
// ask TF_NEXT_CLAIM_WINDOW for every row of a claim log.
const CLOSES = new WeakMap<Framework, Result<readonly number[]>>();

/** The framework's claim-window close dates as serials, in order. */
export function windowCloses(framework: Framework): Result<readonly number[]> {
  let closes = CLOSES.get(framework);
  if (closes === undefined) {
    closes = readWindowCloses(framework);
    CLOSES.set(framework, closes);
  }
  return closes;
}

function readWindowCloses(framework: Framework): Result<readonly number[]> {
  const closes: number[] = [];
  for (const [i, iso] of framework.claimWindows.entries()) {
    const serial = serialFromIso(iso);
    if (serial === undefined) return Problems.claimWindowNotADate(framework.id, i + 1, iso);
    closes.push(serial);
  }
  return closes;
}

/**
 * Families and £ by claim window: a claim belongs to the first window that closes on or after
 * its date. Only windows with claims get a row.
 */
export function claimsByWindow(
  framework: Framework,
  claims: readonly PricedClaim[]
): Result<WindowTable> {
  const closes = windowCloses(framework);
  if (isError(closes)) return closes;
  const groups = groupBy(claims, (claim) => closes.findIndex((close) => close >= claim.date));
  const rows = closes
    .map((closesSerial, i) => ({ i, closesSerial }))
    .filter(({ i }) => groups.has(i))
    .map(({ i, closesSerial }) => ({
      window: i + 1,
      closes: framework.claimWindows[i],
      closesSerial,
      ...totalsOf(groups.get(i) ?? []),
    }));
  return { rows, total: totalsOf(claims), afterLastWindow: totalsOf(groups.get(-1) ?? []) };
}

/** Families and £ by the programme year in which the claimed families were attached. */
export function claimsByAttachmentYear(
  framework: Framework,
  claims: readonly PricedClaim[]
): ClaimTable<AttachmentYearGroup> {
  const rows = framework.years
    .map((year) => {
      const parts = claims.flatMap((claim) =>
        claim.parts.filter((part) => part.year === year.index)
      );
      return {
        year,
        claims: parts.length,
        families: sum(parts.map((part) => part.families)),
        amount: sum(parts.map((part) => part.amount)),
      };
    })
    .filter((row) => row.claims > 0);
  return { rows, total: totalsOf(claims) };
}

export interface TurnedAroundSummary {
  cohort: Decimal;
  /** Families turned around: the sum of the framework's turned-around outcome types. */
  turnedAround: Decimal;
  /** Share of the cohort turned around (Rotherham: 473 / 730 = 64.79%). */
  share: Decimal;
  /** Families whose result was employment. */
  employment: Decimal;
  /** Employment results as a share of the families turned around. */
  employmentShare: Decimal;
  employmentTarget?: Decimal;
  /** Whether the employment share reaches the framework's target, where it has one. */
  employmentTargetMet?: boolean;
}

/** Families turned around and the employment share, against the cohort and the target. */
export function turnedAroundSummary(
  framework: Framework,
  claims: readonly { outcome: OutcomeId; families: Decimal }[],
  cohort: Decimal
): Result<TurnedAroundSummary> {
  const familiesFor = (outcomes: readonly OutcomeId[]) =>
    sum(claims.filter((claim) => outcomes.includes(claim.outcome)).map((claim) => claim.families));
  const turnedAround = familiesFor(framework.turnedAroundOutcomes);
  const share = turnedAroundShare(turnedAround, cohort);
  if (isError(share)) return share;
  const employment = familiesFor(framework.employmentOutcomes);
  const ofTurnedAround = employmentShare(employment, turnedAround);
  const target = framework.employmentTarget;
  return {
    cohort,
    turnedAround,
    share,
    employment,
    employmentShare: ofTurnedAround,
    employmentTarget: target,
    employmentTargetMet:
      target === undefined ? undefined : ofTurnedAround.greaterThanOrEqualTo(target),
  };
}
