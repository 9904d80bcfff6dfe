/* global Excel */

/**
 * Putting the workbook back after a build failed part-way. It works from what it finds, not
 * from which request failed: Excel applies a request's operations in order and stops at the
 * first that fails, so any prefix of the build may be in the workbook.
 */

/** What the build knew before its first write, enough to undo any prefix of it. */
export interface RecoveryPlan {
  /** Ids of every sheet that existed before the build. */
  preexisting: ReadonlySet<string>;
  /** Lower-cased names the build's own sheets may carry: temporary and final. */
  ours: ReadonlySet<string>;
  /** The plan's sheet names: all present as new sheets means the build got to its end. */
  finals: readonly string[];
  /** The generated sheets being replaced, with the names they had. */
  oldSheets: readonly { id: string; name: string }[];
  /** Their tables the build renamed out of the way, with the names they had. */
  oldTables: readonly { id: string; name: string }[];
  /** Workbook names the build adds (none existed before). */
  newNames: readonly string[];
  /** Workbook names the build re-points, with the formulas they had. */
  changedNames: readonly { name: string; formula: string }[];
}

export type RecoveryOutcome = "rolled-back" | "completed";

/**
 * Undoes a failed build in a fresh Excel.run (the failed one's context is spent): two round
 * trips, one to see the workbook and one to repair it.
 *
 * The build deletes the old sheets last. If one is already gone, everything before it was
 * done, the new sheets are complete under their final names, and the old sheet cannot be
 * brought back: the build is finished instead (the remaining old sheets deleted) and reported
 * "completed". Otherwise every new sheet is deleted and every renamed thing renamed back.
 */
export async function recover(plan: RecoveryPlan, countSync: () => void): Promise<RecoveryOutcome> {
  return Excel.run(async (context) => {
    const workbook = context.workbook;
    const sheets = workbook.worksheets.load("items/name,items/id");
    const tables = workbook.tables.load("items/name,items/id");
    const names = workbook.names.load("items/name,items/formula");
    countSync();
    await context.sync();

    const byId = new Map(sheets.items.map((sheet) => [sheet.id, sheet]));
    const isNew = (sheet: Excel.Worksheet) => !plan.preexisting.has(sheet.id);
    const newByName = new Map(
      sheets.items.filter(isNew).map((sheet) => [sheet.name.toLowerCase(), sheet])
    );
    const oldGone = plan.oldSheets.some((old) => !byId.has(old.id));
    const newComplete = plan.finals.every((name) => newByName.has(name.toLowerCase()));
    let queued = false;

    if (oldGone && newComplete) {
      for (const old of plan.oldSheets) {
        const sheet = byId.get(old.id);
        if (sheet) {
          sheet.delete();
          queued = true;
        }
      }
      if (queued) {
        countSync();
        await context.sync();
      }
      return "completed";
    }

    // Delete ours first: that frees the final names for the old sheets to take back.
    for (const sheet of sheets.items) {
      if (isNew(sheet) && plan.ours.has(sheet.name.toLowerCase())) {
        sheet.delete();
        queued = true;
      }
    }
    for (const old of plan.oldSheets) {
      const sheet = byId.get(old.id);
      if (sheet && sheet.name !== old.name) {
        sheet.name = old.name;
        queued = true;
      }
    }
    const tablesById = new Map(tables.items.map((table) => [table.id, table]));
    for (const old of plan.oldTables) {
      const table = tablesById.get(old.id);
      if (table && table.name !== old.name) {
        table.name = old.name;
        queued = true;
      }
    }
    const added = new Set(plan.newNames.map((name) => name.toLowerCase()));
    const changed = new Map(plan.changedNames.map((n) => [n.name.toLowerCase(), n.formula]));
    for (const item of names.items) {
      const key = item.name.toLowerCase();
      const formula = changed.get(key);
      if (added.has(key)) {
        item.delete();
        queued = true;
      } else if (formula !== undefined) {
        // Set even when the text is the same: "='Funding assumptions'!$B$5" may mean the new
        // sheet, deleted above. Queued after the old sheets have their names back, so the text
        // means the old sheet again.
        item.formula = formula;
        queued = true;
      }
    }
    if (queued) {
      countSync();
      await context.sync();
    }
    return "rolled-back";
  });
}
