import { fundedFamilies } from "./eligibility";
import { Result, isError } from "./errors";
import { Framework, ProgrammeYear, Rounding } from "./frameworks";
import { Problems } from "./messages";
import { Decimal, ZERO, numberOf, sum, toPence, wholeNumber } from "./money";

export interface EnvelopeInput {
  framework: Framework;
  /** The nominated cohort; the framework's eligibility share gives the funded families. */
  cohort?: Decimal;
  /** The authority's agreed funded number, instead of share × cohort. */
  fundedOverride?: Decimal;
  /** Spread the funded families evenly over this many programme years. */
  years?: number;
  /**
   * Or: families attached in each programme year, from year 1. Fees and results are paid for
   * the funded number only (share × cohort, or the agreed number), first attached first funded;
   * without a cohort or an agreed number every attached family is funded.
   */
  profile?: Decimal[];
  share?: Decimal;
  rounding?: Rounding;
  councilContributionPerFamily?: Decimal;
  grantPerYear?: Decimal;
}

export interface EnvelopeRow {
  year: ProgrammeYear;
  /** Families attached this year: the profile given, or the funded families when none was. */
  attached: Decimal;
  /** Families funded (paid for) this year: never more than were attached. */
  families: Decimal;
  /** Families attached this year beyond the funded number: they earn no fees or results. */
  beyondFunded: Decimal;
  attachment: Decimal;
  /** The most results can pay for these families (every family achieving every result). */
  results: Decimal;
  /** Central money: attachment + results. */
  total: Decimal;
  councilContribution: Decimal;
  /** A fixed yearly grant line (co-ordinator, Service Transformation), outside the envelope. */
  grant: Decimal;
}

export interface EnvelopeTotals {
  attached: Decimal;
  families: Decimal;
  beyondFunded: Decimal;
  attachment: Decimal;
  results: Decimal;
  total: Decimal;
  councilContribution: Decimal;
  grant: Decimal;
}

export interface CashEnvelope {
  framework: Framework;
  cohort?: Decimal;
  /** Families funded: what the envelope pays for (the rows' families added up). */
  funded: Decimal;
  /**
   * The funded number that capped an attachment profile (share × cohort, or the agreed number);
   * undefined when nothing capped it (no profile, or neither a cohort nor an agreed number).
   */
  fundedNumber?: Decimal;
  /** Whether the families attached were given (a profile) rather than spread evenly. */
  attachedGiven: boolean;
  rounding: Rounding;
  rows: EnvelopeRow[];
  totals: EnvelopeTotals;
  grantLabel?: string;
}

/**
 * Families per year for a cohort attached evenly: whole families, the remainder to the earliest
 * years (588 over 3 years → 196, 196, 196; 589 → 197, 196, 196); exact fractions with `none`.
 */
export function evenProfile(funded: Decimal, years: number, rounding: Rounding): Decimal[] {
  if (rounding === "none" || !funded.isInteger())
    return Array.from({ length: years }, () => funded.div(years));
  // Whole families split exactly in plain integers (cohorts are far below 2^53), and the
  // shared instances let later tallies collapse.
  const whole = numberOf(funded);
  if (!Number.isSafeInteger(whole)) {
    const base = funded.divToInt(years);
    const remainder = funded.minus(base.times(years)).toNumber();
    return Array.from({ length: years }, (_, i) => (i < remainder ? base.plus(1) : base));
  }
  const base = Math.floor(whole / years);
  const remainder = whole - base * years;
  const profile: Decimal[] = [];
  for (let i = 0; i < years; i++) profile.push(wholeNumber(i < remainder ? base + 1 : base));
  return profile;
}

function checkYears(framework: Framework, years: number): Result<number> {
  const most = framework.years.length;
  return Number.isInteger(years) && years >= 1 && years <= most
    ? years
    : Problems.yearsOutOfRange(years, framework.id, most);
}

/**
 * Families funded in each year when more are attached than the funded number: first attached,
 * first funded (year 1's families, then year 2's, …), as claims are allocated first in first out.
 * A year's funded families never exceed its attached ones, and they add up to
 * min(attached, funded). Exact in Decimals, so fractions (rounding "none") stay exact too.
 */
export function fundFirstAttached(attached: readonly Decimal[], funded: Decimal): Decimal[] {
  let left = Decimal.max(ZERO, funded);
  return attached.map((families) => {
    const paid = Decimal.min(families, left);
    left = left.minus(paid);
    return paid;
  });
}

interface ResolvedProfile {
  funded: Decimal;
  fundedNumber?: Decimal;
  /** Families attached per year (the funded profile itself when spread evenly). */
  attached: Decimal[];
  /** Families funded per year. */
  profile: Decimal[];
}

function resolveProfile(input: EnvelopeInput, rounding: Rounding): Result<ResolvedProfile> {
  const { framework } = input;
  const fundedNumber =
    input.cohort === undefined
      ? input.fundedOverride
      : fundedFamilies(input.cohort, {
          share: input.share ?? framework.eligibilityShare,
          rounding,
          override: input.fundedOverride,
        });
  if (fundedNumber !== undefined && isError(fundedNumber)) return fundedNumber;
  if (input.profile) {
    if (input.profile.length > framework.years.length) {
      return Problems.profileTooLong(input.profile.length, framework.id, framework.years.length);
    }
    for (const [i, families] of input.profile.entries()) {
      if (!families.isFinite()) return Problems.notFinite(`families in year ${i + 1}`);
      if (families.lessThan(0))
        return Problems.negative(`families in year ${i + 1}`, families.toString());
      if (!families.isInteger() && rounding !== "none") {
        return Problems.fractionNeedsNone(`families in year ${i + 1}`, families.toString());
      }
    }
    const attached = [...input.profile];
    const profile =
      fundedNumber === undefined ? attached : fundFirstAttached(attached, fundedNumber);
    return { funded: sum(profile), fundedNumber, attached, profile };
  }
  const years = checkYears(framework, input.years ?? framework.defaultYears);
  if (isError(years)) return years;
  const funded = fundedNumber ?? ZERO;
  const profile = evenProfile(funded, years, rounding);
  return { funded, profile, attached: profile };
}

/** A £ cell of the envelope: families × a rate per family, to the penny. */
const perFamily = (families: Decimal, rate: Decimal): Decimal =>
  rate.isZero() ? ZERO : toPence(families.times(rate));

/**
 * The cash envelope: per programme year the families funded, their attachment fees and the
 * most their results can pay. Each £ cell is rounded to the penny and every total is the sum of
 * the rounded cells, so the table adds up exactly as printed.
 */
export function cashEnvelope(input: EnvelopeInput): Result<CashEnvelope> {
  const { framework } = input;
  const rounding = input.rounding ?? framework.rounding;
  const resolved = resolveProfile(input, rounding);
  if (isError(resolved)) return resolved;
  const contribution = input.councilContributionPerFamily ?? framework.councilContributionPerFamily;
  const grant = toPence(framework.grant ? (input.grantPerYear ?? framework.grant.perYear) : ZERO);

  const rows = resolved.profile.map((families, i): EnvelopeRow => {
    const attachment = perFamily(families, framework.attachment[i]);
    const results = perFamily(families, framework.resultsTotal[i]);
    const attached = resolved.attached[i];
    return {
      year: framework.years[i],
      attached,
      families,
      beyondFunded: attached.minus(families),
      attachment,
      results,
      total: attachment.plus(results),
      councilContribution: perFamily(families, contribution),
      grant,
    };
  });
  const column = (pick: (row: EnvelopeRow) => Decimal) => sum(rows.map(pick));
  return {
    framework,
    cohort: input.cohort,
    funded: resolved.funded,
    fundedNumber: input.profile ? resolved.fundedNumber : undefined,
    attachedGiven: input.profile !== undefined,
    rounding,
    rows,
    totals: {
      attached: column((row) => row.attached),
      families: column((row) => row.families),
      beyondFunded: column((row) => row.beyondFunded),
      attachment: column((row) => row.attachment),
      results: column((row) => row.results),
      total: column((row) => row.total),
      councilContribution: column((row) => row.councilContribution),
      grant: column((row) => row.grant),
    },
    grantLabel: framework.grant?.label,
  };
}

/**
 * £ of the envelope that depends on results: Barnet's £705,600. The same cells as the envelope's
 * results column and its total (`cashEnvelope(input).totals.results`), without the rest of the
 * table: a sheet may call TF_PBR_RISK thousands of times.
 */
export function pbrAtRisk(input: EnvelopeInput): Result<Decimal> {
  const profile = profileOf(input);
  return isError(profile) ? profile : columnTotal(profile, input.framework.resultsTotal);
}

export interface CentralMoney {
  attachment: Decimal;
  results: Decimal;
  total: Decimal;
}

/**
 * The envelope's attachment, results and central-money totals alone: the same cells as
 * `cashEnvelope(input).totals`, for a cell that needs only the totals (TF_BREAK_EVEN_RATE).
 */
export function centralMoney(input: EnvelopeInput): Result<CentralMoney> {
  const profile = profileOf(input);
  if (isError(profile)) return profile;
  const attachment = columnTotal(profile, input.framework.attachment);
  const results = columnTotal(profile, input.framework.resultsTotal);
  return { attachment, results, total: attachment.plus(results) };
}

function profileOf(input: EnvelopeInput): Result<Decimal[]> {
  const resolved = resolveProfile(input, input.rounding ?? input.framework.rounding);
  return isError(resolved) ? resolved : resolved.profile;
}

const columnTotal = (profile: readonly Decimal[], rates: readonly Decimal[]): Decimal =>
  sum(profile.map((families, i) => perFamily(families, rates[i])));

/** Share of the envelope that is secured up front (attachment) — 0 when the envelope is empty. */
export function securedShare(envelope: CashEnvelope): Decimal {
  return envelope.totals.total.isZero()
    ? ZERO
    : envelope.totals.attachment.div(envelope.totals.total);
}

/** Results £ expected if the given share of the results maximum is achieved. */
export function expectedResults(envelope: CashEnvelope, successRate: Decimal): Decimal {
  return sum(envelope.rows.map((row) => toPence(row.results.times(successRate))));
}
