import { normaliseName } from "./text";

/**
 * Outcome types a council can claim a result for. Ids are stable (they appear in formulas and
 * saved workbooks); labels are what the councils' own reports call them.
 */
export const OUTCOME_IDS = [
  "crime-asb-education",
  "progress-to-work",
  "continuous-employment",
  "continuous-employment-after-claim",
  "adults-in-work",
  "sustained-progress",
] as const;

export type OutcomeId = (typeof OUTCOME_IDS)[number];

export interface OutcomeType {
  id: OutcomeId;
  label: string;
  /** Other names councils use, matched case- and punctuation-insensitively. */
  synonyms: readonly string[];
}

export const OUTCOME_TYPES: Record<OutcomeId, OutcomeType> = {
  "crime-asb-education": {
    id: "crime-asb-education",
    label: "Crime/ASB and education",
    // Word order and joiners do not matter (see outcomeKey): "Education and crime/ASB" and
    // "Crime, ASB & education" are the same label.
    synonyms: [
      "Education & Crime / Anti-Social Behaviour",
      "crime asb education",
      "crime and education",
      "youth crime asb and education",
      "crime asb and school attendance",
    ],
  },
  "progress-to-work": {
    id: "progress-to-work",
    label: "Progress to work",
    synonyms: [
      "progress towards work",
      "work programme",
      "esf provision",
      "Progress to Work (ESF/Work Programme)",
      "Progress to work (ESF)",
      "Progress to work (Work Programme)",
      "ESF/Work Programme",
      "PtW",
    ],
  },
  "continuous-employment": {
    id: "continuous-employment",
    label: "Continuous employment",
    synonyms: [
      "employment",
      "in employment",
      "into work",
      "sustained employment",
      "into continuous employment",
      "employment outcome",
    ],
  },
  "continuous-employment-after-claim": {
    id: "continuous-employment-after-claim",
    label: "Continuous employment (following previous claim for ASB / Education)",
    synonyms: [
      "continuous employment following previous claim",
      "continuous employment after previous claim",
      "continuous employment after crime asb education",
      "Cont. employment after previous ASB/education claim",
      "continuous employment after previous crime/ASB/education claim",
      "employment after previous ASB/education claim",
      "employment after earlier claim",
      "employment after previous claim",
    ],
  },
  "adults-in-work": {
    id: "adults-in-work",
    label: "All adults remain in work throughout intervention",
    synonyms: ["all adults remain in work", "adults stayed in work", "all adults in work"],
  },
  "sustained-progress": {
    id: "sustained-progress",
    label: "Significant and sustained progress",
    synonyms: ["sustained progress", "successful family outcome", "family outcome", "SSP"],
  },
};

/**
 * Labels that name one part of a result, never a result on its own. Phase 1 pays crime/ASB and
 * education together, once a family has achieved both; a council log that lists "Crime/ASB" and
 * "Education" on separate lines cannot say which families achieved both, so these are refused
 * rather than guessed (a guess would pay one family twice, or a half-result in full).
 */
const PART_LABELS = [
  "crime",
  "asb",
  "crime asb",
  "anti-social behaviour",
  "youth offending",
  "offending",
  "education",
  "school attendance",
  "attendance",
  "exclusions",
];

// A Map, not an object: a label's word such as "constructor" must not find Object's own members.
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    cont: "continuous",
    contd: "continuous",
    prev: "previous",
    educ: "education",
    emp: "employment",
    following: "after",
    towards: "toward",
    ssp: "significant sustained progress",
    ptw: "progress to work",
  })
);

const JOINERS = new Set(["and", "or", "the", "a", "of", "for", "with", "only"]);

/**
 * The form in which labels are compared: case, punctuation, "&"/"and"/"/", abbreviations
 * ("Cont.", "SSP", "PtW", "ASB" for anti-social behaviour) and word order do not matter.
 */
export function outcomeKey(text: string): string {
  const words = normaliseName(text)
    .replace(/\banti ?social behaviou?r\b/g, "asb")
    .split(" ")
    .flatMap((w) => (ABBREVIATIONS.get(w) ?? w).split(" "))
    .filter((w) => w !== "" && !JOINERS.has(w));
  return [...new Set(words)].sort().join(" ");
}

const LOOKUP: ReadonlyMap<string, OutcomeId> = (() => {
  const map = new Map<string, OutcomeId>();
  for (const type of Object.values(OUTCOME_TYPES)) {
    for (const name of [type.id, type.label, ...type.synonyms]) {
      const key = outcomeKey(name);
      const other = map.get(key);
      // Two outcome types sharing a label would pay a claim at the wrong rate: fail at load.
      if (other && other !== type.id) throw new Error(`"${name}" names ${other} and ${type.id}`);
      map.set(key, type.id);
    }
  }
  return map;
})();

const PARTS: ReadonlySet<string> = new Set(PART_LABELS.map(outcomeKey));

/** Whether a label names one part of the crime/ASB and education result ("Crime", "Education"). */
export function isPartOfResult(text: string): boolean {
  return PARTS.has(outcomeKey(text));
}

// Sheets repeat the same few labels thousands of times: remember how each spelling resolved.
const RESOLVED = new Map<string, OutcomeId | undefined>();
const MAX_REMEMBERED = 1000;

/** The outcome type named by an id or a council's label, or undefined when unknown. */
export function findOutcome(text: string): OutcomeId | undefined {
  if (RESOLVED.has(text)) return RESOLVED.get(text);
  const found = LOOKUP.get(outcomeKey(text));
  if (RESOLVED.size >= MAX_REMEMBERED) RESOLVED.clear();
  RESOLVED.set(text, found);
  return found;
}
