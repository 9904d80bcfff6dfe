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
    synonyms: [
      "Education & Crime / Anti-Social Behaviour",
      "Crime / Anti-Social Behaviour & Education",
      "crime asb education",
      "crime and education",
      "education and crime",
      "crime/asb/education",
    ],
  },
  "progress-to-work": {
    id: "progress-to-work",
    label: "Progress to work",
    synonyms: ["progress towards work", "work programme", "esf provision"],
  },
  "continuous-employment": {
    id: "continuous-employment",
    label: "Continuous employment",
    synonyms: ["employment", "in employment", "into work", "sustained employment"],
  },
  "continuous-employment-after-claim": {
    id: "continuous-employment-after-claim",
    label: "Continuous employment (following previous claim for ASB / Education)",
    synonyms: [
      "continuous employment following previous claim",
      "continuous employment after crime asb education",
      "employment after earlier claim",
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
    synonyms: [
      "sustained progress",
      "successful family outcome",
      "family outcome",
      "significant sustained progress",
    ],
  },
};

const LOOKUP: ReadonlyMap<string, OutcomeId> = (() => {
  const map = new Map<string, OutcomeId>();
  for (const type of Object.values(OUTCOME_TYPES)) {
    for (const name of [type.id, type.label, ...type.synonyms])
      map.set(normaliseName(name), type.id);
  }
  return map;
})();

// Sheets repeat the same few labels thousands of times: remember how each spelling resolved.
const RESOLVED = new Map<string, OutcomeId | undefined>();
const MAX_REMEMBERED = 1000;

/** The outcome type named by an id or a council's label, or undefined when unknown. */
export function findOutcome(text: string): OutcomeId | undefined {
  if (RESOLVED.has(text)) return RESOLVED.get(text);
  const found = LOOKUP.get(normaliseName(text));
  if (RESOLVED.size >= MAX_REMEMBERED) RESOLVED.clear();
  RESOLVED.set(text, found);
  return found;
}
