import ExcelJS from "exceljs";

/** A sheet-qualified cell or range, as exceljs can hold it: 'Sheet name'!$B$5 or Sheet!$A$1:$B$2. */
const REFERENCE = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$[A-Z]{1,3}\$\d+(?::\$[A-Z]{1,3}\$\d+)?$/;

function sheetOf(range: string): string | undefined {
  const match = REFERENCE.exec(range);
  return match ? (match[1]?.replace(/''/g, "'") ?? match[2]) : undefined;
}

/**
 * Sets the workbook names the plan's formulas use. exceljs keeps a name as a set of cells and
 * adding a name again ADDS cells to it, so on a rebuild each name is replaced whole; names into
 * the sheets just replaced are dropped (they would point nowhere), any other name is kept.
 */
export function replaceNames(
  workbook: ExcelJS.Workbook,
  names: Record<string, string>,
  replacedSheets: readonly string[]
): void {
  for (const [name, reference] of Object.entries(names)) {
    // exceljs silently drops a reference it cannot parse: refuse it here instead.
    if (!sheetOf(reference))
      throw new Error(`name ${name} has a reference exceljs cannot write: ${reference}`);
  }
  const gone = new Set(replacedSheets.map((sheet) => sheet.toLowerCase()));
  const kept = workbook.definedNames.model
    .filter((entry) => !(entry.name in names))
    .map((entry) => ({
      name: entry.name,
      ranges: entry.ranges.filter((range) => !gone.has((sheetOf(range) ?? "").toLowerCase())),
    }))
    .filter((entry) => entry.ranges.length > 0);
  workbook.definedNames.model = [
    ...kept,
    ...Object.entries(names).map(([name, reference]) => ({ name, ranges: [reference] })),
  ];
}
