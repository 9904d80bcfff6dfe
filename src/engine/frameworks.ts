import { Result } from "./errors";
import { Problems } from "./messages";
import { Decimal, dec } from "./money";
import { nearMisses } from "./near-miss";
import { OutcomeId } from "./outcomes";
import { Provenance } from "./provenance";

export type Rounding = "half-up" | "none" | "down";
export const ROUNDINGS: readonly Rounding[] = ["half-up", "none", "down"];

/**
 * A programme phase's funding rules as plain data, the way FUNDING_RULES.md states them.
 * Money is written as strings so that no rate ever passes through binary floating point.
 * Every per-year list is indexed by the programme year in which a family is attached.
 */
export interface FrameworkDefinition {
  id: string;
  name: string;
  /** Where the figures come from, shown to users beside the assumptions. */
  source: string;
  /** Financial-year label of each programme year: "2012/13", "2013/14", … */
  financialYears: string[];
  /** How many programme years a cohort is spread over when the user does not say. */
  defaultYears: number;
  /** Up-front attachment fee per funded family, by year of attachment. */
  attachment: string[];
  /** The most results £ one family can earn, by year of attachment. */
  resultsTotal: string[];
  /** Results £ per family for each outcome type, by year of attachment. */
  results: Partial<Record<OutcomeId, string[]>>;
  /** Share of the cohort for which fees are paid, as a fraction ("5/6") or decimal ("1"). */
  eligibilityShare: string;
  rounding: Rounding;
  /** The council's own expected spend per family (an input; £6,000 in phase 1). */
  councilContributionPerFamily: string;
  /** A fixed yearly line that is not paid per family or by results. */
  grant?: { label: string; perYear: string };
  /** Target share of turned-around families whose result is employment (10% in phase 1). */
  employmentTarget?: string;
  /** Outcome types that each mean one more family turned around. */
  turnedAroundOutcomes: OutcomeId[];
  /** Outcome types that count as employment results. */
  employmentOutcomes: OutcomeId[];
  /** The dates on which claim windows close, in order (ISO yyyy-mm-dd). */
  claimWindows: string[];
  /** Months between a claim window closing and its cash arriving. */
  paymentLagMonths: number;
  /** The last day a result can be claimed (ISO yyyy-mm-dd). */
  programmeEnd: string;
  /**
   * The year-2 attachment release, where the framework has one (phase 1's, decided in 2013/14):
   * the share of the year-1 commitment worked with at or above which the year-2 fees are paid in
   * full in Q1 of year 2 (`full`), and from which half is (`half`, "1/3" as a fraction); below
   * it the fees are deferred. Absent: attachment fees are paid as families are attached.
   */
  yearTwoRelease?: { full: string; half: string };
  /** Where each rate and setting comes from: published (and where), inferred (and how), … */
  provenance: FrameworkProvenance;
}

/** The basis of every rate and setting of a framework definition, setting by setting. */
export interface FrameworkProvenance {
  attachment: Provenance;
  resultsTotal: Provenance;
  /** Each outcome's rate, by programme year of attachment (one entry per financial year). */
  results: Partial<Record<OutcomeId, Provenance[]>>;
  eligibilityShare: Provenance;
  rounding: Provenance;
  councilContributionPerFamily: Provenance;
  grant?: Provenance;
  employmentTarget?: Provenance;
  claimWindows: Provenance;
  paymentLagMonths: Provenance;
  programmeEnd: Provenance;
  /** Why the framework has a year-2 attachment release, or why it has none. */
  yearTwoRelease?: Provenance;
}

export interface ProgrammeYear {
  /** 1 for the first programme year. */
  index: number;
  /** The financial year, e.g. "2012/13". */
  label: string;
  /** Calendar year in which the financial year starts (1 April). */
  startYear: number;
}

/** A framework ready for calculation: the same data, with Decimal money. */
export interface Framework {
  id: string;
  name: string;
  source: string;
  years: ProgrammeYear[];
  defaultYears: number;
  attachment: Decimal[];
  resultsTotal: Decimal[];
  results: ReadonlyMap<OutcomeId, Decimal[]>;
  eligibilityShare: Decimal;
  rounding: Rounding;
  councilContributionPerFamily: Decimal;
  grant?: { label: string; perYear: Decimal };
  employmentTarget?: Decimal;
  turnedAroundOutcomes: OutcomeId[];
  employmentOutcomes: OutcomeId[];
  claimWindows: string[];
  paymentLagMonths: number;
  programmeEnd: string;
  /** The year-2 attachment release thresholds, where the framework has the rule. */
  yearTwoRelease?: YearTwoReleaseRule;
  definition: FrameworkDefinition;
}

/** Shares of the year-1 commitment worked with: paid in full at `full`, half from `half`. */
export interface YearTwoReleaseRule {
  full: Decimal;
  half: Decimal;
}

/**
 * Phase 1's year-2 release thresholds (FUNDING_RULES.md, Year-2 attachment release): 75% and
 * exactly a third, written as the fraction 1/3 rather than 0.33.
 */
export const PHASE1_YEAR_TWO_RELEASE = { full: "0.75", half: "1/3" };

/** The sources the built-in frameworks cite, named once so that every citation reads alike. */
export const SOURCES = {
  framework2012:
    "DCLG, Financial Framework for the Troubled Families programme's payment-by-results scheme, March 2012",
  hammersmith2012:
    "Hammersmith & Fulham cabinet report, October 2012 (restating the DCLG framework): table of attachment fee and results payment by year, £3,200/£800, £2,400/£1,600, £1,600/£2,400",
  barnet2012:
    "Barnet Children's Trust Board, December 2012: one family in year 1, £3,200 + £700 + £100 = £4,000, or £3,200 + £800 employment",
  nao2013: "NAO, Programmes to help families facing multiple challenges, HC 878, December 2013",
  nao2016: "NAO, The Troubled Families programme: update, October 2016",
  cbp07585: "House of Commons Library briefing CBP 07585, The Troubled Families programme",
  govuk2013:
    "gov.uk press release, June 2013 (the programme's expansion): £4,500 per family on average, 40% from central government",
  phase2Framework2015:
    "DCLG, Financial framework for the expanded Troubled Families programme, 2015: £1,000 attachment, £800 result per family",
  supporting2021:
    "Supporting Families programme guidance, 2021: £800 per successful family outcome",
} as const;

const published = (source: string): Provenance => ({ basis: "published", source });
const inferred = (reasoning: string): Provenance => ({ basis: "inferred", reasoning });
const byDefault = (reasoning: string): Provenance => ({ basis: "default", reasoning });

/** Each of a per-year list's values less the matching value of another (money as strings). */
function difference(from: readonly string[], less: readonly string[]): string[] {
  return from.map((value, i) => dec(value).minus(less[i]).toString());
}

const PHASE1_RESULTS_TOTAL = ["800", "1600", "2400"];
// Per-family totals with no year attached (March 2012): £3,900 for crime/ASB/education plus £100
// for progress to work, attachment included. Held in every year they give the year-2 and year-3
// split; year 1 (£700 + £100) is published.
const PHASE1_CRIME = ["700", "1500", "2300"];
const PHASE1_TOP_UP = difference(PHASE1_RESULTS_TOTAL, PHASE1_CRIME);

const PHASE1_SPLIT_INFERRED = inferred(
  "no source splits the year-2 and year-3 results money; the per-family totals of March 2012 (£3,900 crime/ASB/education + £100 progress to work, attachment included) held in every year give £1,500 + £100 (year 2) and £2,300 + £100 (year 3)"
);
const PHASE1_TOP_UP_INFERRED = inferred(
  "no published rate: the difference between the results total and the crime/ASB/education result, so a family already paid for that result reaches the results total"
);

const PHASE1_RATES = {
  attachment: ["3200", "2400", "1600"],
  resultsTotal: PHASE1_RESULTS_TOTAL,
  results: {
    "crime-asb-education": PHASE1_CRIME,
    "progress-to-work": ["100", "100", "100"],
    "continuous-employment": PHASE1_RESULTS_TOTAL,
    // Top-ups that bring a family that has already been paid for crime/ASB/education up to the
    // results total (Rotherham counts these claims): the difference, editable like every rate.
    "continuous-employment-after-claim": PHASE1_TOP_UP,
    "adults-in-work": PHASE1_TOP_UP,
  },
};

const PHASE1_YEAR1_RESULT = published(`${SOURCES.framework2012}; ${SOURCES.barnet2012}`);

const PHASE1_PROVENANCE: FrameworkProvenance = {
  attachment: published(`${SOURCES.framework2012}; ${SOURCES.hammersmith2012}`),
  resultsTotal: published(`${SOURCES.framework2012}; ${SOURCES.hammersmith2012}`),
  results: {
    "crime-asb-education": [PHASE1_YEAR1_RESULT, PHASE1_SPLIT_INFERRED, PHASE1_SPLIT_INFERRED],
    "progress-to-work": [PHASE1_YEAR1_RESULT, PHASE1_SPLIT_INFERRED, PHASE1_SPLIT_INFERRED],
    "continuous-employment": Array(3).fill(
      published(
        `${SOURCES.framework2012}; ${SOURCES.hammersmith2012} (continuous employment pays the whole results total)`
      )
    ),
    "continuous-employment-after-claim": Array(3).fill(PHASE1_TOP_UP_INFERRED),
    "adults-in-work": Array(3).fill(PHASE1_TOP_UP_INFERRED),
  },
  eligibilityShare: published(
    `${SOURCES.framework2012}: fees for 5 of every 6 families in the cohort, to minimise double payment`
  ),
  rounding: inferred(
    "Barnet's 5/6 × 705 = 587.5 families was funded as 588 (Barnet Children's Trust Board, December 2012): round half up"
  ),
  councilContributionPerFamily: published(
    `${SOURCES.framework2012}: the £4,000 is 40% of an average £10,000 cost, the council finding the other £6,000 (restated by B&NES)`
  ),
  grant: byDefault(
    "a round figure, not published: about £51m was budgeted for co-ordinator posts (CYP Now, November 2012), about £112,000 per council per year on average; the amount varied"
  ),
  employmentTarget: published(`${SOURCES.framework2012}; ${SOURCES.nao2013}`),
  claimWindows: byDefault(
    "Rotherham claimed in July and October 2013, February, May and August 2014; the 31 January 2015 window is unverified (sources point to February 2015) and kept so that no figure moves"
  ),
  paymentLagMonths: byDefault("unverified: one month from a claim window closing to its cash"),
  programmeEnd: inferred(
    `the last phase 1 payment was in May 2015 (${SOURCES.nao2016}; ${SOURCES.cbp07585}): its last day is the last claim`
  ),
  yearTwoRelease: published(
    "The MJ and LGC reports, 2013, on DCLG's year-2 attachment release (FUNDING_RULES.md, Year-2 attachment release)"
  ),
};

const PHASE1_COMMON = {
  financialYears: ["2012/13", "2013/14", "2014/15"],
  ...PHASE1_RATES,
  eligibilityShare: "5/6",
  rounding: "half-up" as Rounding,
  councilContributionPerFamily: "6000",
  grant: { label: "Co-ordinator grant", perYear: "100000" },
  employmentTarget: "0.1",
  turnedAroundOutcomes: ["crime-asb-education", "continuous-employment"] as OutcomeId[],
  employmentOutcomes: ["continuous-employment"] as OutcomeId[],
  claimWindows: [
    "2013-01-31",
    "2013-07-31",
    "2013-10-31",
    "2014-02-28",
    "2014-05-31",
    "2014-08-31",
    "2015-01-31",
    "2015-05-31",
  ],
  paymentLagMonths: 1,
  programmeEnd: "2015-05-31",
  yearTwoRelease: PHASE1_YEAR_TWO_RELEASE,
  provenance: PHASE1_PROVENANCE,
};

/** Quarter-end claim windows from the first to the last date, inclusive. */
function quarterEnds(firstYear: number, lastYear: number): string[] {
  const ends: string[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    ends.push(`${year}-06-30`, `${year}-09-30`, `${year}-12-31`, `${year + 1}-03-31`);
  }
  return ends;
}

const PHASE2_PUBLISHED = published(`${SOURCES.phase2Framework2015}; ${SOURCES.cbp07585}`);

/** Phase 2's settings beside its rates (which differ for earned autonomy). */
const PHASE2_SETTINGS_PROVENANCE = {
  eligibilityShare: published(`${SOURCES.phase2Framework2015}: no 5/6 rule`),
  rounding: byDefault("with no 5/6 rule every family is funded: nothing to round"),
  councilContributionPerFamily: inferred(
    "the June 2013 announcement costs a phase 2 family at £4,500 on average, 40% from central government: about £2,700 (60%) locally; no framework states it per family"
  ),
  grant: byDefault(
    "the Service Transformation Grant differs by authority: an input, zero until you give it"
  ),
  claimWindows: byDefault("claims assumed at each quarter's end"),
  paymentLagMonths: byDefault("unverified: one month from a claim window closing to its cash"),
  programmeEnd: inferred("the end of 2020/21, the programme's last financial year"),
  yearTwoRelease: inferred(
    "a phase 1 rule (the 2013/14 release of year-2 fees against year-1 commitments): the 2015 framework pays each attachment fee as the family is attached, against no yearly commitment"
  ),
};

const PHASE2_COMMON = {
  financialYears: ["2015/16", "2016/17", "2017/18", "2018/19", "2019/20", "2020/21"],
  defaultYears: 5,
  eligibilityShare: "1",
  rounding: "half-up" as Rounding,
  councilContributionPerFamily: "2700",
  grant: { label: "Service Transformation Grant", perYear: "0" },
  turnedAroundOutcomes: ["sustained-progress", "continuous-employment"] as OutcomeId[],
  employmentOutcomes: ["continuous-employment"] as OutcomeId[],
  claimWindows: quarterEnds(2015, 2020),
  paymentLagMonths: 1,
  programmeEnd: "2021-03-31",
};

const six = <T>(value: T): T[] => Array(6).fill(value);

const EARNED_AUTONOMY_NO_RESULTS = inferred(
  "earned autonomy areas received all the money up front: no payment by results"
);

export const BUILT_IN_FRAMEWORKS: readonly FrameworkDefinition[] = [
  {
    id: "phase1",
    name: "Troubled Families phase 1 (2012-15)",
    source: "DCLG Financial Framework, March 2012",
    defaultYears: 3,
    ...PHASE1_COMMON,
  },
  {
    id: "phase1-fast-track",
    name: "Troubled Families phase 1, fast-track (whole cohort in 2 years)",
    source: "DCLG Financial Framework, March 2012; Barnet Children's Trust Board, December 2012",
    defaultYears: 2,
    ...PHASE1_COMMON,
  },
  {
    id: "phase2",
    name: "Troubled Families phase 2 (2015-20)",
    source: "Financial framework for the expanded Troubled Families programme, 2015",
    ...PHASE2_COMMON,
    attachment: six("1000"),
    resultsTotal: six("800"),
    results: { "sustained-progress": six("800"), "continuous-employment": six("800") },
    provenance: {
      ...PHASE2_SETTINGS_PROVENANCE,
      attachment: PHASE2_PUBLISHED,
      resultsTotal: PHASE2_PUBLISHED,
      results: {
        "sustained-progress": six(PHASE2_PUBLISHED),
        "continuous-employment": six(PHASE2_PUBLISHED),
      },
    },
  },
  {
    id: "phase2-earned-autonomy",
    name: "Troubled Families phase 2, earned autonomy (all money up front)",
    source:
      "Financial framework for the expanded Troubled Families programme; earned autonomy areas",
    ...PHASE2_COMMON,
    // The results element is paid up front with the attachment fee: nothing depends on results.
    attachment: six("1800"),
    resultsTotal: six("0"),
    results: { "sustained-progress": six("0"), "continuous-employment": six("0") },
    provenance: {
      ...PHASE2_SETTINGS_PROVENANCE,
      attachment: inferred(
        "earned autonomy areas received all the money up front: the £1,000 attachment and £800 result of the phase 2 framework together"
      ),
      resultsTotal: EARNED_AUTONOMY_NO_RESULTS,
      results: {
        "sustained-progress": six(EARNED_AUTONOMY_NO_RESULTS),
        "continuous-employment": six(EARNED_AUTONOMY_NO_RESULTS),
      },
    },
  },
  {
    id: "supporting-families",
    name: "Supporting Families (2021/22 onwards)",
    source: "Supporting Families programme guidance, 2021",
    financialYears: ["2021/22", "2022/23", "2023/24", "2024/25"],
    defaultYears: 4,
    attachment: Array(4).fill("0"),
    resultsTotal: Array(4).fill("800"),
    results: {
      "sustained-progress": Array(4).fill("800"),
      "continuous-employment": Array(4).fill("800"),
    },
    eligibilityShare: "1",
    rounding: "half-up",
    councilContributionPerFamily: "0",
    // The annual up-front amount differs by authority: an input, zero until the user gives it.
    grant: { label: "Up-front amount", perYear: "0" },
    turnedAroundOutcomes: ["sustained-progress", "continuous-employment"],
    employmentOutcomes: ["continuous-employment"],
    claimWindows: quarterEnds(2021, 2024),
    paymentLagMonths: 1,
    programmeEnd: "2025-03-31",
    provenance: {
      attachment: inferred(
        "no fee per family: the up-front money is a fixed annual amount per authority (the grant line)"
      ),
      resultsTotal: published(SOURCES.supporting2021),
      results: {
        "sustained-progress": Array(4).fill(published(SOURCES.supporting2021)),
        "continuous-employment": Array(4).fill(published(SOURCES.supporting2021)),
      },
      eligibilityShare: inferred("the guidance funds every family's outcome: no 5/6 rule"),
      rounding: byDefault("every family is funded: nothing to round"),
      councilContributionPerFamily: byDefault(
        "no local share is stated: an input, zero until you give it"
      ),
      grant: byDefault(
        "the annual up-front amount differs by authority: an input, zero until you give it"
      ),
      claimWindows: byDefault("claims assumed at each quarter's end"),
      paymentLagMonths: byDefault("unverified: one month from a claim window closing to its cash"),
      programmeEnd: inferred("the end of 2024/25, the last financial year modelled"),
      yearTwoRelease: inferred(
        "a phase 1 rule: Supporting Families pays no attachment fee per family, so nothing is released against a commitment"
      ),
    },
  },
];

export const FRAMEWORK_IDS = BUILT_IN_FRAMEWORKS.map((definition) => definition.id);

/** A fraction such as "5/6" or a decimal such as "0.8" as an exact Decimal. */
export function parseShare(text: string): Decimal | undefined {
  const fraction = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  try {
    if (fraction) {
      const denominator = dec(fraction[2]);
      return denominator.isZero() ? undefined : dec(fraction[1]).div(denominator);
    }
    return /^\s*-?\d*\.?\d+(e-?\d+)?\s*$/i.test(text) ? dec(text.trim()) : undefined;
  } catch {
    return undefined;
  }
}

/** Turns a (validated) definition into a framework ready for calculation. */
export function compileFramework(definition: FrameworkDefinition): Framework {
  const money = (values: string[]) => values.map((value) => dec(value));
  const results = new Map<OutcomeId, Decimal[]>();
  for (const [outcome, rates] of Object.entries(definition.results)) {
    if (rates) results.set(outcome as OutcomeId, money(rates));
  }
  return {
    id: definition.id,
    name: definition.name,
    source: definition.source,
    years: definition.financialYears.map((label, i) => ({
      index: i + 1,
      label,
      startYear: Number(label.slice(0, 4)),
    })),
    defaultYears: definition.defaultYears,
    attachment: money(definition.attachment),
    resultsTotal: money(definition.resultsTotal),
    results,
    eligibilityShare: parseShare(definition.eligibilityShare) ?? dec(1),
    rounding: definition.rounding,
    councilContributionPerFamily: dec(definition.councilContributionPerFamily),
    grant: definition.grant && {
      label: definition.grant.label,
      perYear: dec(definition.grant.perYear),
    },
    employmentTarget:
      definition.employmentTarget === undefined ? undefined : dec(definition.employmentTarget),
    turnedAroundOutcomes: definition.turnedAroundOutcomes,
    employmentOutcomes: definition.employmentOutcomes,
    claimWindows: definition.claimWindows,
    paymentLagMonths: definition.paymentLagMonths,
    programmeEnd: definition.programmeEnd,
    yearTwoRelease: definition.yearTwoRelease && {
      full: parseShare(definition.yearTwoRelease.full) ?? dec("0.75"),
      half: parseShare(definition.yearTwoRelease.half) ?? dec(1).div(3),
    },
    definition,
  };
}

const COMPILED: ReadonlyMap<string, Framework> = new Map(
  BUILT_IN_FRAMEWORKS.map((definition) => [definition.id, compileFramework(definition)])
);

/**
 * A framework name as people write it, reduced to a key: case, spaces, hyphens, underscores and
 * the words "Troubled Families" do not matter ("Phase 2", "phase-2", "TF phase2" are one name).
 */
function frameworkKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/troubled\s*families|^\s*tf\b/g, "")
    .replace(/[^a-z0-9]/g, "");
}

/** Other names officers use for the built-in frameworks, beside their ids and full names. */
const FRAMEWORK_ALIASES: Record<string, readonly string[]> = {
  phase1: ["phase one"],
  "phase1-fast-track": ["fast track", "phase one fast track"],
  phase2: ["phase two", "expanded programme"],
  "phase2-earned-autonomy": ["earned autonomy", "phase two earned autonomy"],
  "supporting-families": [],
};

const BY_KEY: ReadonlyMap<string, Framework> = new Map(
  BUILT_IN_FRAMEWORKS.flatMap((definition) => {
    const framework = COMPILED.get(definition.id) as Framework;
    const names = [definition.id, definition.name, ...(FRAMEWORK_ALIASES[definition.id] ?? [])];
    return names.map((name) => [frameworkKey(name), framework] as [string, Framework]);
  })
);

/**
 * A built-in framework by name, or undefined: its id ("phase2") or the way people write it
 * ("Phase 2", "phase 1 fast track", "Earned autonomy", "Supporting Families").
 */
export function builtInFramework(name: string): Framework | undefined {
  // Most cells spell the id as it is: no need to normalise it on every call.
  return COMPILED.get(name) ?? BY_KEY.get(frameworkKey(name));
}

/**
 * A built-in framework by name, or the problem that names what was typed, lists the frameworks
 * and suggests the nearest for a slip ("phse2": did you mean phase2?). `tableAllowed`: the
 * message also offers a framework table (in a cell, where a range can hold one).
 */
export function findFramework(value: unknown, tableAllowed = false): Result<Framework> {
  const found = typeof value === "string" ? builtInFramework(value) : undefined;
  if (found) return found;
  const typed = typeof value === "string" ? frameworkKey(value) : "";
  const keys = FRAMEWORK_IDS.map((id) => frameworkKey(id));
  const near = nearMisses(typed, keys).map((key) => FRAMEWORK_IDS[keys.indexOf(key)]);
  return Problems.unknownFramework(value, FRAMEWORK_IDS, near, tableAllowed);
}

/** The per-family maximum in a programme year: attachment plus the most results can pay. */
export function maximumPerFamily(framework: Framework, yearIndex: number): Decimal {
  return framework.attachment[yearIndex - 1].plus(framework.resultsTotal[yearIndex - 1]);
}

/** Results £ per family for one outcome type attached in a programme year (0 where not paid). */
export function resultRate(framework: Framework, outcome: OutcomeId, yearIndex: number): Decimal {
  return framework.results.get(outcome)?.[yearIndex - 1] ?? dec(0);
}
