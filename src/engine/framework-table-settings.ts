import { Result, isError } from "./errors";
import { FrameworkDefinition, parseShare } from "./frameworks";
import {
  SettingKey,
  TABLE_SETTINGS,
  TableCell,
  parseDate,
  parseMoney,
  parseRounding,
  parseShareCell,
  parseText,
  parseWhole,
} from "./framework-table-cells";
import { Problems, TableProblems } from "./messages";
import { normaliseName } from "./text";

export interface TableRow {
  /** 1-based row number in the user's table, for messages. */
  row: number;
  values: TableCell[];
}

export type SingleSettings = Omit<
  FrameworkDefinition,
  | "financialYears"
  | "attachment"
  | "resultsTotal"
  | "results"
  | "turnedAroundOutcomes"
  | "employmentOutcomes"
  | "provenance"
>;

/** The one-value settings, each from its row, else the base framework, else a plain default. */
export function readSingleSettings(
  settings: ReadonlyMap<SettingKey, TableRow>,
  rowOf: (key: SettingKey) => number,
  base: FrameworkDefinition | undefined,
  financialYears: string[]
): Result<SingleSettings> {
  const years = financialYears.length;
  const cell = (key: SettingKey) => settings.get(key)?.values[0] ?? null;
  const label = (key: SettingKey) => TABLE_SETTINGS[key].label;
  function read<T>(
    key: SettingKey,
    parse: (row: number, setting: string, cell: TableCell) => Result<T>,
    fallback: T
  ): Result<T> {
    return settings.has(key) ? parse(rowOf(key), label(key), cell(key)) : fallback;
  }

  const name = read("name", parseText, undefined as string | undefined);
  if (isError(name)) return name;
  const slug = name === undefined ? undefined : normaliseName(name).replace(/ /g, "-");
  const id = read("id", parseText, slug ?? (base ? `${base.id}-custom` : "custom"));
  if (isError(id)) return id;
  const source = read(
    "source",
    parseText,
    base ? `${base.source}; adapted in a framework table` : "framework table"
  );
  if (isError(source)) return source;
  const defaultYears = read(
    "defaultYears",
    (row, s, c) => parseWhole(row, s, c, 1, years),
    Math.min(base?.defaultYears ?? years, years)
  );
  if (isError(defaultYears)) return defaultYears;
  const eligibilityShare = read("eligibilityShare", parseShareCell, base?.eligibilityShare ?? "1");
  if (isError(eligibilityShare)) return eligibilityShare;
  const rounding = read(
    "rounding",
    (row, _s, c) => parseRounding(row, c),
    base?.rounding ?? "half-up"
  );
  if (isError(rounding)) return rounding;
  const council = read(
    "councilContribution",
    parseMoney,
    base?.councilContributionPerFamily ?? "0"
  );
  if (isError(council)) return council;
  const grantPerYear = read("grant", parseMoney, base?.grant?.perYear);
  if (isError(grantPerYear)) return grantPerYear;
  const grantLabel = read("grantLabel", parseText, base?.grant?.label);
  if (isError(grantLabel)) return grantLabel;
  const employmentTarget = read("employmentTarget", parseShareCell, base?.employmentTarget);
  if (isError(employmentTarget)) return employmentTarget;
  const paymentLagMonths = read(
    "paymentLagMonths",
    (row, s, c) => parseWhole(row, s, c, 0, 120),
    base?.paymentLagMonths ?? 1
  );
  if (isError(paymentLagMonths)) return paymentLagMonths;
  const lastYear = Number(financialYears[years - 1].slice(0, 4)) + 1;
  const programmeEnd = read("programmeEnd", parseDate, base?.programmeEnd ?? `${lastYear}-03-31`);
  if (isError(programmeEnd)) return programmeEnd;
  const claimWindows = readClaimWindows(
    settings.get("claimWindows"),
    base?.claimWindows ?? quarterEnds(financialYears)
  );
  if (isError(claimWindows)) return claimWindows;

  const yearTwoRelease = readRelease(settings.get("yearTwoRelease"), base?.yearTwoRelease);
  if (isError(yearTwoRelease)) return yearTwoRelease;

  const hasGrant = grantPerYear !== undefined || grantLabel !== undefined;
  return {
    id,
    name: name ?? (base ? `${base.name} (custom)` : id),
    source,
    defaultYears,
    eligibilityShare,
    rounding,
    councilContributionPerFamily: council,
    ...(hasGrant ? { grant: { label: grantLabel ?? "Grant", perYear: grantPerYear ?? "0" } } : {}),
    ...(employmentTarget !== undefined ? { employmentTarget } : {}),
    claimWindows,
    paymentLagMonths,
    programmeEnd,
    ...(yearTwoRelease ? { yearTwoRelease } : {}),
  };
}

/**
 * The year-2 release thresholds: two shares of the year-1 commitment, paid in full from the
 * first and half from the second ("0.75", "1/3"); else the base framework's rule, if it has one.
 */
function readRelease(
  given: TableRow | undefined,
  fallback: FrameworkDefinition["yearTwoRelease"]
): Result<FrameworkDefinition["yearTwoRelease"]> {
  if (!given) return fallback;
  const setting = TABLE_SETTINGS.yearTwoRelease.label;
  const full = parseShareCell(given.row, `${setting} (paid in full from)`, given.values[0] ?? null);
  if (isError(full)) return full;
  const half = parseShareCell(given.row, `${setting} (half paid from)`, given.values[1] ?? null);
  if (isError(half)) return half;
  if ((parseShare(half) ?? 0) > (parseShare(full) ?? 0))
    return Problems.frameworkTable(
      given.row,
      `the ${setting}'s second share (half paid from, ${half}) is more than its first (paid in full from, ${full}): give the full threshold first, e.g. 0.75 then 1/3.`
    );
  return { full, half };
}

function readClaimWindows(given: TableRow | undefined, fallback: string[]): Result<string[]> {
  if (!given) return fallback;
  const windows: string[] = [];
  for (const cell of given.values) {
    const iso = parseDate(given.row, TABLE_SETTINGS.claimWindows.label, cell);
    if (isError(iso)) return iso;
    const previous = windows[windows.length - 1];
    if (previous !== undefined && iso <= previous) {
      return Problems.frameworkTable(given.row, TableProblems.windowsOutOfOrder(previous, iso));
    }
    windows.push(iso);
  }
  return windows;
}

/** Quarter-end claim windows through the financial years: the phase 2 pattern. */
function quarterEnds(financialYears: readonly string[]): string[] {
  return financialYears.flatMap((label) => {
    const year = Number(label.slice(0, 4));
    return [`${year}-06-30`, `${year}-09-30`, `${year}-12-31`, `${year + 1}-03-31`];
  });
}
