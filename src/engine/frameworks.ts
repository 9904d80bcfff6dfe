import { Result } from "./errors";
import { Problems } from "./messages";
import { Decimal, dec } from "./money";
import { nearMisses } from "./near-miss";
import { OutcomeId } from "./outcomes";

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
  definition: FrameworkDefinition;
}

const PHASE1_RATES = {
  attachment: ["3200", "2400", "1600"],
  resultsTotal: ["800", "1600", "2400"],
  results: {
    // Year-1 amounts are confirmed by several sources; years 2 and 3 keep the 7/8 : 1/8 split.
    "crime-asb-education": ["700", "1400", "2100"],
    "progress-to-work": ["100", "200", "300"],
    "continuous-employment": ["800", "1600", "2400"],
    // Top-ups that bring a family that has already been paid for crime/ASB/education up to the
    // results total: the seeds give no separate rate (Rotherham counts these claims), so the
    // framework pays the difference, editable like every other rate.
    "continuous-employment-after-claim": ["100", "200", "300"],
    "adults-in-work": ["100", "200", "300"],
  },
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
};

/** Quarter-end claim windows from the first to the last date, inclusive. */
function quarterEnds(firstYear: number, lastYear: number): string[] {
  const ends: string[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    ends.push(`${year}-06-30`, `${year}-09-30`, `${year}-12-31`, `${year + 1}-03-31`);
  }
  return ends;
}

const PHASE2_COMMON = {
  financialYears: ["2015/16", "2016/17", "2017/18", "2018/19", "2019/20", "2020/21"],
  defaultYears: 5,
  eligibilityShare: "1",
  rounding: "half-up" as Rounding,
  councilContributionPerFamily: "0",
  grant: { label: "Service Transformation Grant", perYear: "0" },
  turnedAroundOutcomes: ["sustained-progress", "continuous-employment"] as OutcomeId[],
  employmentOutcomes: ["continuous-employment"] as OutcomeId[],
  claimWindows: quarterEnds(2015, 2020),
  paymentLagMonths: 1,
  programmeEnd: "2021-03-31",
};

const six = (amount: string): string[] => Array(6).fill(amount);

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
