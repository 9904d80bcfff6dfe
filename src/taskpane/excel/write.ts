/* global Excel */
import { WorkbookPlan } from "../../workbook/plan-types";
import { retargetFormula } from "./addresses";
import { WriteFailedError, messageOf } from "./errors";
import { layoutSheet, splitRows } from "./layout";
import { RecoveryPlan, recover } from "./recover";
import { survey } from "./survey";
import { supportsExcelApi } from "./office-host";
import {
  Build,
  SMALL_STEP_BYTES,
  Step,
  HostSupport,
  chartStep,
  layoutBytes,
  mentionsTable,
  packBatches,
  queueSheetLayout,
  rangeStep,
  tableStep,
} from "./steps";

export { TABLE_STYLE, packBatches } from "./steps";

/**
 * Writing a workbook plan into the open workbook, as new sheets, in a constant number of round
 * trips: one to see what is there (two when a sheet of ours is to be replaced), one to write
 * everything, more only when a request would pass Excel on the web's 5 MB limit.
 *
 * Safety, in order of the operations in the final request:
 * 1. everything is built on sheets with temporary names, tables with temporary names;
 * 2. only then are the old generated sheets (and their tables) moved to temporary names,
 *    the new ones given the real names, and the plan's workbook names pointed at them;
 * 3. last of all, the old sheets are deleted.
 * Excel stops a request at its first failing operation, so a failure anywhere leaves some
 * prefix of that, which recover() undoes (or, once deletion began, completes).
 */

export interface WriteOptions {
  /** "ask": replacing sheets this add-in generated needs `confirm`; "yes": replace them. */
  replace: "ask" | "yes";
  /** Asked with the names of the generated sheets to replace; false writes nothing. */
  confirm?: (sheets: string[]) => Promise<boolean>;
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface WriteResult {
  /** The sheets written, in plan order (empty when cancelled). */
  sheets: string[];
  /** context.sync() round trips taken, clean-up included. */
  syncs: number;
  /** Cells written (values, formulas, headers and totals). */
  cells: number;
  /** Generated sheets that were replaced. */
  replaced: string[];
  /** The user declined to replace the generated sheets: nothing was written. */
  cancelled: boolean;
}

/** Excel on the web refuses a request above 5 MB. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/** What one request of ours may carry by estimate: the rest is margin for what it misses. */
export const BATCH_BUDGET_BYTES = 4_000_000;
/** Bands a very large table body is cut into, so requests can be packed close to the budget. */
const CHUNK_BYTES = 1_000_000;

/** A name of the form "<stem><n>" not yet taken (case-insensitively); reserves it. */
function fresh(stem: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = `${stem}${n}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

function token(): string {
  const random = Math.floor(Math.random() * 36 ** 3).toString(36);
  return `${Date.now().toString(36).slice(-3)}${random}`;
}

/**
 * Which layout APIs this Excel has: frozen panes need ExcelApi 1.7, page layout 1.9. Without
 * Office's requirements (outside Office) neither is assumed.
 */
export function hostSupport(): HostSupport {
  return { freeze: supportsExcelApi("1.7"), print: supportsExcelApi("1.9") };
}

function withEquals(reference: string): string {
  return reference.startsWith("=") ? reference : `=${reference}`;
}

export async function writePlan(plan: WorkbookPlan, options: WriteOptions): Promise<WriteResult> {
  const finals = plan.sheets.map((sheet) => sheet.name);
  const lower = finals.map((name) => name.toLowerCase());
  if (new Set(lower).size !== lower.length) throw new Error("the plan names a sheet twice");

  let syncs = 0;
  const progress = options.onProgress ?? (() => undefined);
  let recovery: RecoveryPlan | undefined;
  let done: WriteResult | undefined;
  let begun: string[] = [];

  try {
    return await Excel.run(async (context) => {
      const sync = async () => {
        syncs++;
        await context.sync();
      };
      const workbook = context.workbook;
      progress("Checking the workbook", 0, 3);
      const { worksheets, generated, oldTables, changedNames, newNames, takenSheets, takenNames } =
        await survey(context, plan, sync);

      const replaced = generated.map((sheet) => sheet.name);
      if (replaced.length > 0 && options.replace !== "yes") {
        const confirmed = options.confirm ? await options.confirm(replaced) : false;
        if (!confirmed) return { sheets: [], syncs, cells: 0, replaced: [], cancelled: true };
      }

      // Temporary names, clear of everything in the workbook.
      const stamp = token();
      const temporary = finals.map(() => fresh(`TF new ${stamp} `, takenSheets));
      begun = temporary;
      const renames = new Map(lower.map((name, i) => [name, temporary[i]]));
      const oldTemporary = generated.map(() => fresh(`TF old ${stamp} `, takenSheets));
      const planTables = plan.sheets.flatMap((sheet) => sheet.tables);
      const temporaryTables = planTables.map(() => fresh(`TF_new_${stamp}_`, takenNames));
      const tableRenames = new Map(
        planTables.map((table, i) => [table.name.toLowerCase(), temporaryTables[i]])
      );
      const retarget = (formula: string) => retargetFormula(formula, renames, tableRenames);

      const layouts = plan.sheets.map((sheet) => layoutSheet(sheet, retarget));
      let writes = layouts.flatMap((layout) => layout.ranges);
      const tableWrites = layouts.flatMap((layout) => layout.tables);
      const estimate =
        writes.reduce((sum, write) => sum + write.bytes, 0) +
        tableWrites.reduce((sum, table) => sum + table.bytes, 0);
      if (estimate > BATCH_BUDGET_BYTES) writes = writes.flatMap((w) => splitRows(w, CHUNK_BYTES));

      const steps: Step[] = [];
      const support = hostSupport();
      plan.sheets.forEach((sheet, i) =>
        steps.push({
          bytes: SMALL_STEP_BYTES + layoutBytes(layouts[i]),
          cells: 0,
          queue: (build) => {
            const added = build.workbook.worksheets.add(temporary[i]);
            build.sheets.set(sheet.name.toLowerCase(), added);
            queueSheetLayout(added, layouts[i], support);
          },
        })
      );
      steps.push({
        bytes: SMALL_STEP_BYTES * newNames.length,
        cells: 0,
        queue: ({ workbook: book }) => {
          // New names point at the temporary sheets and follow them when they are renamed;
          // defined before any formula uses them, so none is ever written against a missing name.
          for (const name of newNames) book.names.add(name, withEquals(retarget(plan.names[name])));
        },
      });
      // A formula with a structured reference needs its table to exist; every other write goes
      // before the tables are made, so Excel makes no calculated column of a formula it meets.
      const late = writes.filter(mentionsTable);
      steps.push(...writes.filter((write) => !late.includes(write)).map(rangeStep));
      tableWrites.forEach((table, i) => steps.push(tableStep(table, temporaryTables[i])));
      steps.push(...late.map(rangeStep));
      for (const layout of layouts) {
        for (const chart of layout.charts) steps.push(chartStep(layout.name, chart));
      }
      const batches = packBatches(steps, BATCH_BUDGET_BYTES);
      const total = syncs + batches.length;

      const oldTableTemporary = oldTables.map(() => fresh(`TF_old_${stamp}_`, takenNames));
      const commit = (build: Build) => {
        generated.forEach((sheet, i) => (sheet.name = oldTemporary[i]));
        oldTables.forEach((table, i) => (table.name = oldTableTemporary[i]));
        plan.sheets.forEach((sheet) => {
          (build.sheets.get(sheet.name.toLowerCase()) as Excel.Worksheet).name = sheet.name;
        });
        for (const table of tableWrites) {
          (build.tables.get(table.name.toLowerCase()) as Excel.Table).name = table.name;
        }
        for (const { item, name } of changedNames) item.formula = withEquals(plan.names[name]);
        build.sheets.get(lower[0])?.activate();
        // Last: nothing before this has destroyed anything.
        for (const sheet of generated) sheet.delete();
      };

      recovery = {
        preexisting: new Set(worksheets.items.map((sheet) => sheet.id)),
        ours: new Set([...lower, ...temporary.map((name) => name.toLowerCase())]),
        finals,
        oldSheets: generated.map((sheet) => ({ id: sheet.id, name: sheet.name })),
        oldTables: oldTables.map((table) => ({ id: table.id, name: table.name })),
        newNames,
        changedNames: changedNames.map(({ item }) => ({
          name: item.name,
          formula: String(item.formula),
        })),
      };
      done = {
        sheets: finals,
        syncs: 0,
        cells: steps.reduce((sum, step) => sum + step.cells, 0),
        replaced,
        cancelled: false,
      };

      const build: Build = { workbook, sheets: new Map(), tables: new Map() };
      for (const [i, batch] of batches.entries()) {
        // Recalculating after every write of a big batch is what makes builds slow.
        context.application.suspendApiCalculationUntilNextSync();
        for (const step of batch) step.queue(build);
        const last = i === batches.length - 1;
        if (last) commit(build);
        await sync();
        progress(
          last
            ? replaced.length > 0
              ? "Replaced the old sheets"
              : "Built the sheets"
            : "Writing the sheets",
          syncs,
          total
        );
      }
      return { ...done, syncs };
    });
  } catch (error) {
    if (!recovery || !done) throw error;
    const count = () => {
      syncs++;
    };
    let outcome;
    try {
      outcome = await recover(recovery, count);
    } catch (cleanup) {
      throw new WriteFailedError(
        `Building the tables failed (${messageOf(error)}), and so did removing what it had begun (${messageOf(cleanup)}): delete any sheet whose name begins "TF new" and build again.`,
        error,
        false,
        begun
      );
    }
    if (outcome === "completed") return { ...done, syncs };
    throw new WriteFailedError(
      `Building the tables failed: ${messageOf(error).replace(/[.\s]*$/, "")}. Nothing was changed: the sheets it had begun were removed.`,
      error,
      true
    );
  }
}
