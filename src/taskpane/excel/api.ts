/* global Office */
import { WorkbookApi } from "../api";
import type { Scenario } from "../comparison";
import { Overrides } from "../../workbook/inputs";
import { CLAIMS_COLUMNS, FAMILIES_COLUMNS, matchHeader } from "../../workbook/headers";
import { WorkbookSnapshot } from "../../workbook/snapshot";
import { readSelection, readWorkbook } from "./read";
import { supportsExcelApi } from "./office-host";
import { saveScenario } from "./scenarios";

/**
 * The pane's WorkbookApi (../api) over Office.js: what the components are given as props.
 * Assumptions travel with the file in the document's settings (saved with the workbook).
 */

export const SETTINGS_KEY = "tf-funding-assumptions";
export const SCENARIOS_KEY = "tf-funding-scenarios";

function isOverrides(value: unknown): value is Overrides {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === "string")
  );
}

const isNumber = (value: unknown) => typeof value === "number" && Number.isFinite(value);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A scenario as the pane saved it. Settings are kept with the file and travel with it, so one
 * edited by hand or by an older pane is checked, not trusted: a scenario that is not whole is
 * left out rather than shown half.
 */
function isScenario(value: unknown): value is Scenario {
  if (!isRecord(value) || !isRecord(value.settings) || !isRecord(value.figures)) return false;
  const { settings, figures } = value;
  return (
    typeof value.name === "string" &&
    typeof value.framework === "string" &&
    isNumber(value.successRate) &&
    Array.isArray(settings.families) &&
    settings.families.every((typed) => typeof typed === "string") &&
    (settings.rateBy === "overall" || settings.rateBy === "routes") &&
    isRecord(settings.routes) &&
    Object.values(settings.routes).every((typed) => typeof typed === "string") &&
    typeof settings.monthsToResult === "string" &&
    ["funded", "envelope", "secured", "atRisk", "expectedResults", "totalReceived"].every((key) =>
      isNumber(figures[key])
    ) &&
    Array.isArray(figures.years) &&
    figures.years.every(
      (year) =>
        isRecord(year) &&
        typeof year.label === "string" &&
        ["startYear", "attachment", "results", "received"].every((key) => isNumber(year[key]))
    ) &&
    Array.isArray(figures.warnings) &&
    figures.warnings.every((warning) => typeof warning === "string")
  );
}

/** Saves one document setting with the workbook. */
function saveSetting(key: string, value: unknown): Promise<void> {
  const settings = Office.context.document.settings;
  settings.set(key, value);
  return new Promise<void>((resolve, reject) =>
    settings.saveAsync((result) =>
      result.status === Office.AsyncResultStatus.Succeeded
        ? resolve()
        : reject(new Error(result.error?.message ?? "the settings were not saved"))
    )
  );
}

/**
 * "Use the current selection": the selected range stands in for the Families or Claims table
 * (whichever its header row is); the other inputs are still read from the workbook.
 */
async function selectionAsTable(): Promise<WorkbookSnapshot> {
  const workbook = await readWorkbook();
  const selection = await readSelection();
  const header = selection.values[0] ?? [];
  const matches = (specs: typeof FAMILIES_COLUMNS | typeof CLAIMS_COLUMNS) =>
    matchHeader(header, specs).missing.length === 0;
  const kind = matches(FAMILIES_COLUMNS)
    ? "Families"
    : matches(CLAIMS_COLUMNS)
      ? "Claims"
      : undefined;
  if (!kind) {
    throw new Error(
      `The selection ${selection.sheet}!${selection.address} does not start with a Families header (financial year, families nominated, families attached) or a Claims header (claim date, outcome, families): select the table with its header row.`
    );
  }
  const others = workbook.tables.filter((t) => t.name.toLowerCase() !== kind.toLowerCase());
  return {
    sheets: workbook.sheets,
    tables: [...others, { name: kind, sheet: selection.sheet, range: selection.address }],
  };
}

/**
 * The sheet writer loads on the first write, not with the pane: the what-if (the pane's first
 * screen) never needs it, and the pane's first load is held under a size budget.
 */
const writer = () => import(/* webpackChunkName: "build" */ "./write");

export function createWorkbookApi(): WorkbookApi {
  return {
    readWorkbook,
    readSelection: selectionAsTable,
    async writePlan(plan, options) {
      const { writePlan } = await writer();
      const result = await writePlan(plan, {
        replace: "ask",
        confirm: options.confirm,
        onProgress: (step, done, total) => options.onProgress?.({ step, done, total }),
      });
      return { sheets: result.sheets, syncs: result.syncs };
    },
    async insertSample() {
      // The sample's sheets carry no generated marker: a sheet of that name already there is
      // the user's, and the build stops with a message naming it.
      const [{ writePlan }, { samplePlan }] = await Promise.all([
        writer(),
        import(/* webpackChunkName: "build" */ "../../workbook/sample"),
      ]);
      return (await writePlan(samplePlan(), { replace: "ask" })).sheets;
    },
    async saveScenario(row) {
      await saveScenario(row);
    },
    async writeComparison(comparison) {
      const { writeComparison } = await import(/* webpackChunkName: "build" */ "./comparison");
      return (await writeComparison(comparison)).sheet;
    },
    canWriteSheets: () => supportsExcelApi(),
    async loadAssumptions() {
      const value: unknown = Office.context.document.settings.get(SETTINGS_KEY);
      return isOverrides(value) ? value : {};
    },
    saveAssumptions: (overrides) => saveSetting(SETTINGS_KEY, overrides),
    async loadScenarios() {
      const value: unknown = Office.context.document.settings.get(SCENARIOS_KEY);
      return Array.isArray(value) ? value.filter(isScenario) : [];
    },
    saveScenarios: (scenarios) => saveSetting(SCENARIOS_KEY, scenarios),
  };
}
