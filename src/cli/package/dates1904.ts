import { XmlNode, attribute, element, elements, parseXml, rootOf } from "./xml";

/**
 * Workbooks in the 1904 date system (old Mac Excel) count dates from 1 January 1904: the same
 * day is 1,462 less than in the 1900 system the plan reads. Only cells formatted as dates move,
 * so the styles say which cell formats are dates.
 */
export const DAYS_1900_TO_1904 = 1462;

/** Excel's built-in date and time formats (ECMA-376 §18.8.30, with the East Asian ones). */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a number format code shows a date or time: d, m, y, h or s outside quoted text. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "");
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

export function uses1904(workbook: XmlNode[]): boolean {
  const pr = element(rootOf(workbook), "workbookPr");
  const flag = pr && attribute(pr, "date1904");
  return flag === "1" || flag === "true";
}

/** The cell format indexes (a cell's s) whose number format is a date or a time. */
export function dateStyles(stylesText: string | undefined): Set<number> {
  const dates = new Set<number>();
  if (stylesText === undefined) return dates;
  const root = rootOf(parseXml(stylesText));
  const custom = new Map<number, string>();
  for (const numFmt of elements(element(root, "numFmts") ?? {}, "numFmt")) {
    custom.set(Number(attribute(numFmt, "numFmtId")), attribute(numFmt, "formatCode") ?? "");
  }
  elements(element(root, "cellXfs") ?? {}, "xf").forEach((xf, index) => {
    const id = Number(attribute(xf, "numFmtId") ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id)) dates.add(index);
  });
  return dates;
}
