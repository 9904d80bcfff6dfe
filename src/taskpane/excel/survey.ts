/* global Excel */
import { WorkbookPlan } from "../../workbook/plan-types";
import { isGeneratedSheet } from "../../workbook/snapshot";
import { refersToSheet } from "./addresses";
import { Conflict, WorkbookConflictError } from "./errors";

/**
 * What is in the workbook that a plan would touch, found before anything is written: one round
 * trip, two when a sheet has one of the plan's names (its marker row is read to tell whose it
 * is). Anything of the user's in the way stops the build here, with every clash named.
 */
export interface Survey {
  worksheets: Excel.WorksheetCollection;
  /** The generated sheets the plan replaces. */
  generated: Excel.Worksheet[];
  /** Their tables that carry one of the plan's table names. */
  oldTables: Excel.Table[];
  /** Workbook names of the plan that exist and point at our sheets (or at nothing). */
  changedNames: { item: Excel.NamedItem; name: string }[];
  /** Workbook names of the plan that do not exist yet. */
  newNames: string[];
  /** Lower-cased sheet names in use. */
  takenSheets: Set<string>;
  /** Lower-cased table and workbook names in use or planned (they share one namespace). */
  takenNames: Set<string>;
}

export async function survey(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  sync: () => Promise<void>
): Promise<Survey> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets.load("items/name,items/id");
  const tables = workbook.tables.load("items/name,items/id,items/worksheet/name");
  const names = workbook.names.load("items/name,items/formula");
  await sync();

  const existing = new Map(worksheets.items.map((sheet) => [sheet.name.toLowerCase(), sheet]));
  const clashes = plan.sheets.flatMap((sheet) => existing.get(sheet.name.toLowerCase()) ?? []);
  const generated: Excel.Worksheet[] = [];
  const conflicts: Conflict[] = [];
  if (clashes.length > 0) {
    // Only a sheet whose marker row says it is ours may be replaced.
    const heads = clashes.map((sheet) => sheet.getRange("A1:A3").load("values"));
    await sync();
    clashes.forEach((sheet, i) => {
      if (isGeneratedSheet(heads[i].values)) generated.push(sheet);
      else conflicts.push({ kind: "sheet", name: sheet.name });
    });
  }
  const replaced = new Set(generated.map((sheet) => sheet.name.toLowerCase()));

  // Tables and names are workbook-wide: one of the user's with a plan's name blocks too.
  const tablesByName = new Map(tables.items.map((table) => [table.name.toLowerCase(), table]));
  const namesByName = new Map(names.items.map((item) => [item.name.toLowerCase(), item]));
  const planTables = plan.sheets.flatMap((sheet) => sheet.tables);
  const oldTables: Excel.Table[] = [];
  for (const table of planTables) {
    const found = tablesByName.get(table.name.toLowerCase());
    if (found && replaced.has(found.worksheet.name.toLowerCase())) oldTables.push(found);
    else if (found)
      conflicts.push({ kind: "table", name: found.name, where: found.worksheet.name });
    const item = namesByName.get(table.name.toLowerCase());
    if (item) conflicts.push({ kind: "name", name: item.name, where: String(item.formula) });
  }
  const changedNames: Survey["changedNames"] = [];
  const newNames: string[] = [];
  for (const name of Object.keys(plan.names)) {
    const item = namesByName.get(name.toLowerCase());
    const table = tablesByName.get(name.toLowerCase());
    if (table) conflicts.push({ kind: "table", name: table.name, where: table.worksheet.name });
    const formula = String(item?.formula ?? "");
    if (!item) newNames.push(name);
    // Ours: it points at a sheet being replaced, or at one that is gone.
    else if (formula.includes("#REF!") || generated.some((s) => refersToSheet(formula, s.name))) {
      changedNames.push({ item, name });
    } else conflicts.push({ kind: "name", name: item.name, where: formula });
  }
  if (conflicts.length > 0) throw new WorkbookConflictError(conflicts);

  const takenNames = new Set([...tablesByName.keys(), ...namesByName.keys()]);
  for (const name of Object.keys(plan.names)) takenNames.add(name.toLowerCase());
  for (const table of planTables) takenNames.add(table.name.toLowerCase());
  return {
    worksheets,
    generated,
    oldTables,
    changedNames,
    newNames,
    takenSheets: new Set(existing.keys()),
    takenNames,
  };
}
