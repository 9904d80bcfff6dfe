import { Result, isError } from "./errors";
import {
  FRAMEWORK_IDS,
  Framework,
  FrameworkDefinition,
  FrameworkProvenance,
  builtInFramework,
  compileFramework,
} from "./frameworks";
import {
  SettingKey,
  TABLE_SETTINGS,
  TableCell,
  classifyRow,
  isBlank,
  isHeaderName,
  parseFinancialYears,
  parseOutcomeList,
  parsePerYear,
  parseText,
} from "./framework-table-cells";
import { TableRow, readSingleSettings } from "./framework-table-settings";
import { Problems, TableProblems } from "./messages";
import { dec } from "./money";
import { OUTCOME_IDS, OUTCOME_TYPES, OutcomeId } from "./outcomes";
import { Provenance } from "./provenance";

export type { TableCell } from "./framework-table-cells";

/** Settings that take one value per financial year or a list; the rest take a single value. */
const LIST_SETTINGS: readonly SettingKey[] = [
  "financialYears",
  "attachment",
  "resultsTotal",
  "claimWindows",
  "turnedAroundOutcomes",
  "employmentOutcomes",
  "yearTwoRelease",
];

const KNOWN_NAMES = Object.values(TABLE_SETTINGS).map((setting) => setting.label);

/** Sorts the table's rows into settings and outcome-rate rows, checking each row's shape. */
function readRows(rows: readonly (readonly TableCell[])[]) {
  const settings = new Map<SettingKey, TableRow>();
  const outcomes = new Map<OutcomeId, TableRow>();
  const firstRow = new Map<string, number>();
  let seenContent = false;
  for (const [i, cells] of rows.entries()) {
    const row = i + 1;
    if (cells.every(isBlank)) continue;
    const name = cells[0];
    if (isBlank(name)) return Problems.frameworkTable(row, TableProblems.noSettingName());
    if (typeof name !== "string")
      return Problems.frameworkTable(row, TableProblems.unknownSetting(name, KNOWN_NAMES));
    if (!seenContent && isHeaderName(name)) {
      seenContent = true;
      continue;
    }
    seenContent = true;
    const kind = classifyRow(name);
    if (!kind) return Problems.frameworkTable(row, TableProblems.unknownSetting(name, KNOWN_NAMES));
    const key = "setting" in kind ? kind.setting : kind.outcome;
    const label =
      "setting" in kind ? TABLE_SETTINGS[kind.setting].label : OUTCOME_TYPES[kind.outcome].label;
    const earlier = firstRow.get(key);
    if (earlier !== undefined)
      return Problems.frameworkTable(row, TableProblems.duplicate(label, earlier));
    firstRow.set(key, row);

    const values = cells.slice(1);
    while (values.length > 0 && isBlank(values[values.length - 1])) values.pop();
    if (values.length === 0) return Problems.frameworkTable(row, TableProblems.noValue(label));
    const gap = values.findIndex(isBlank);
    if (gap >= 0) return Problems.frameworkTable(row, TableProblems.gapInValues(label, gap + 1));
    const isList = !("setting" in kind) || LIST_SETTINGS.includes(kind.setting);
    if (!isList && values.length > 1)
      return Problems.frameworkTable(row, TableProblems.oneValue(label));

    if ("setting" in kind) settings.set(kind.setting, { row, values });
    else outcomes.set(kind.outcome, { row, values });
  }
  return { settings, outcomes };
}

/** A built-in framework, however it is spaced or punctuated ("Phase 1 fast track"). */
function findBase(name: string): FrameworkDefinition | undefined {
  return builtInFramework(name)?.definition;
}

/**
 * A framework defined in a sheet, without code: one row per setting, its name in the first cell
 * and then one value (or one per financial year). A "based on" row starts from a built-in
 * framework and the other rows override it; without one, financial years and attachment fees
 * are required and the rest take plain defaults (no 5/6 rule, quarterly claim windows).
 */
export function frameworkFromTable(rows: readonly (readonly TableCell[])[]): Result<Framework> {
  const read = readRows(rows);
  if (isError(read)) return read;
  const { settings, outcomes } = read;
  const missingRow = rows.length + 1; // where a missing setting's row would go
  const single = (key: SettingKey) => settings.get(key)?.values[0] ?? null;
  const rowOf = (key: SettingKey) => settings.get(key)?.row ?? missingRow;
  const label = (key: SettingKey) => TABLE_SETTINGS[key].label;

  let base: FrameworkDefinition | undefined;
  if (settings.has("basedOn")) {
    const name = parseText(rowOf("basedOn"), label("basedOn"), single("basedOn"));
    if (isError(name)) return name;
    base = findBase(name);
    if (!base)
      return Problems.frameworkTable(
        rowOf("basedOn"),
        TableProblems.unknownBase(name, FRAMEWORK_IDS)
      );
  }

  const yearsRow = settings.get("financialYears");
  const financialYears = yearsRow
    ? parseFinancialYears(yearsRow.row, yearsRow.values)
    : base?.financialYears;
  if (financialYears === undefined)
    return Problems.frameworkTable(missingRow, TableProblems.noFinancialYears());
  if (isError(financialYears)) return financialYears;
  const years = financialYears.length;
  const baseName = base?.id ?? "";
  const inherit = (name: string, values: string[]): Result<string[]> =>
    values.length === years
      ? values
      : Problems.frameworkTable(
          rowOf("financialYears"),
          TableProblems.baseYearsDiffer(name, baseName, values.length, years)
        );
  const perYear = (
    key: SettingKey,
    fallback: string[] | undefined
  ): Result<string[]> | undefined => {
    const given = settings.get(key);
    if (given) return parsePerYear(given.row, label(key), given.values, years);
    return fallback && inherit(label(key), fallback);
  };

  const attachment = perYear("attachment", base?.attachment);
  if (attachment === undefined)
    return Problems.frameworkTable(missingRow, TableProblems.noAttachment());
  if (isError(attachment)) return attachment;

  const results: Partial<Record<OutcomeId, string[]>> = {};
  for (const outcome of OUTCOME_IDS) {
    const given = outcomes.get(outcome);
    const baseRates = base?.results[outcome];
    const rates = given
      ? parsePerYear(given.row, OUTCOME_TYPES[outcome].label, given.values, years)
      : baseRates && inherit(OUTCOME_TYPES[outcome].label, baseRates);
    if (isError(rates)) return rates;
    if (rates) results[outcome] = rates;
  }

  // Without a results total, the most any one outcome pays in a year is the most a family can earn.
  const largestRate = (i: number) =>
    Object.values(results).reduce(
      (most, rates) => (rates && dec(rates[i]).greaterThan(most) ? rates[i] : most),
      "0"
    );
  const resultsTotal =
    perYear("resultsTotal", base?.resultsTotal) ?? financialYears.map((_, i) => largestRate(i));
  if (isError(resultsTotal)) return resultsTotal;

  const rest = readSingleSettings(settings, rowOf, base, financialYears);
  if (isError(rest)) return rest;

  const paid = Object.keys(results) as OutcomeId[];
  const outcomeList = (
    key: "turnedAroundOutcomes" | "employmentOutcomes",
    fallback: OutcomeId[]
  ): Result<OutcomeId[]> => {
    const given = settings.get(key);
    if (!given) return fallback.filter((outcome) => paid.includes(outcome));
    const list = parseOutcomeList(given.row, label(key), given.values);
    if (isError(list)) return list;
    const unpaid = list.find((outcome) => !paid.includes(outcome));
    if (unpaid)
      return Problems.frameworkTable(
        given.row,
        TableProblems.outcomeWithoutRate(label(key), OUTCOME_TYPES[unpaid].label)
      );
    return list;
  };
  const turnedAroundOutcomes = outcomeList(
    "turnedAroundOutcomes",
    base?.turnedAroundOutcomes ?? [
      "crime-asb-education",
      "sustained-progress",
      "continuous-employment",
    ]
  );
  if (isError(turnedAroundOutcomes)) return turnedAroundOutcomes;
  const employmentOutcomes = outcomeList(
    "employmentOutcomes",
    base?.employmentOutcomes ?? ["continuous-employment"]
  );
  if (isError(employmentOutcomes)) return employmentOutcomes;

  return compileFramework({
    ...rest,
    financialYears,
    attachment,
    resultsTotal,
    results,
    turnedAroundOutcomes,
    employmentOutcomes,
    provenance: tableProvenance(settings, outcomes, base, years),
  });
}

/**
 * The basis of a framework table's figures: `yours` (with its row) for every row the table gives;
 * what the table does not give keeps the base framework's basis, or is the table's own default.
 */
function tableProvenance(
  settings: ReadonlyMap<SettingKey, TableRow>,
  outcomes: ReadonlyMap<OutcomeId, TableRow>,
  base: FrameworkDefinition | undefined,
  years: number
): FrameworkProvenance {
  const yours = (row: number): Provenance => ({
    basis: "yours",
    source: `your framework table, row ${row}`,
  });
  const plain: Provenance = {
    basis: "default",
    reasoning: "not in your framework table: the table's plain default",
  };
  const inherited = base?.provenance;
  const sameYears = !settings.has("financialYears") || base?.financialYears.length === years;
  const setting = (key: SettingKey, fromBase: Provenance | undefined): Provenance => {
    const given = settings.get(key);
    return given ? yours(given.row) : (fromBase ?? plain);
  };
  const results: Partial<Record<OutcomeId, Provenance[]>> = {};
  for (const outcome of OUTCOME_IDS) {
    const given = outcomes.get(outcome);
    const fromBase = sameYears ? inherited?.results[outcome] : undefined;
    if (given) results[outcome] = Array(years).fill(yours(given.row));
    else if (base?.results[outcome]) results[outcome] = fromBase ?? Array(years).fill(plain);
  }
  return {
    attachment: setting("attachment", inherited?.attachment),
    resultsTotal: setting("resultsTotal", inherited?.resultsTotal),
    results,
    eligibilityShare: setting("eligibilityShare", inherited?.eligibilityShare),
    rounding: setting("rounding", inherited?.rounding),
    councilContributionPerFamily: setting(
      "councilContribution",
      inherited?.councilContributionPerFamily
    ),
    grant: settings.has("grant") ? setting("grant", undefined) : (inherited?.grant ?? plain),
    employmentTarget: setting("employmentTarget", inherited?.employmentTarget),
    claimWindows: setting("claimWindows", inherited?.claimWindows),
    paymentLagMonths: setting("paymentLagMonths", inherited?.paymentLagMonths),
    programmeEnd: setting("programmeEnd", inherited?.programmeEnd),
    // Only a framework with the rule has its basis: a table without a base or the row has none.
    yearTwoRelease: settings.has("yearTwoRelease")
      ? yours(settings.get("yearTwoRelease")?.row ?? 0)
      : inherited?.yearTwoRelease,
  };
}

/** A framework written out as a framework table, so a user can start from a built-in one. */
export function frameworkToTable(framework: Framework): TableCell[][] {
  const d = framework.definition;
  const money = (values: readonly string[]) => values.map(Number);
  const share = (text: string) => (text.includes("/") ? text : Number(text));
  const row = (key: SettingKey, ...values: TableCell[]): TableCell[] => [
    TABLE_SETTINGS[key].label,
    ...values,
  ];
  const rates = OUTCOME_IDS.flatMap((id) => {
    const values = d.results[id];
    return values ? [[OUTCOME_TYPES[id].label, ...money(values)]] : [];
  });
  return [
    ["setting", "value"],
    row("id", d.id),
    row("name", d.name),
    row("source", d.source),
    row("financialYears", ...d.financialYears),
    row("defaultYears", d.defaultYears),
    row("attachment", ...money(d.attachment)),
    row("resultsTotal", ...money(d.resultsTotal)),
    ...rates,
    row("eligibilityShare", share(d.eligibilityShare)),
    row("rounding", d.rounding),
    row("councilContribution", Number(d.councilContributionPerFamily)),
    ...(d.grant ? [row("grant", Number(d.grant.perYear)), row("grantLabel", d.grant.label)] : []),
    ...(d.employmentTarget !== undefined
      ? [row("employmentTarget", share(d.employmentTarget))]
      : []),
    row("turnedAroundOutcomes", ...d.turnedAroundOutcomes),
    row("employmentOutcomes", ...d.employmentOutcomes),
    row("claimWindows", ...d.claimWindows),
    row("paymentLagMonths", d.paymentLagMonths),
    row("programmeEnd", d.programmeEnd),
    ...(d.yearTwoRelease
      ? [row("yearTwoRelease", share(d.yearTwoRelease.full), share(d.yearTwoRelease.half))]
      : []),
  ];
}
