import fs from "fs";
import { unzip } from "./zip";

/** The decompressed entries of an .xlsx (a zip), by part name. */
export function zipEntries(file: string): Map<string, Buffer> {
  return new Map(Object.entries(unzip(fs.readFileSync(file))));
}

/**
 * The parts a copy may rewrite: those that list sheets, names, relationships and content types
 * (and the styles the generated sheets add). Every other part of IN must be in OUT as it was.
 */
export const REWRITABLE_PARTS = [
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "docProps/app.xml",
  "xl/styles.xml",
];

/**
 * Every part of IN that OUT lacks or holds with other bytes (decompressed contents compared, so
 * a different compression level does not count), but for the rewritable parts. Each entry says
 * which: "xl/charts/chart1.xml (missing)" or "xl/worksheets/sheet1.xml (changed)".
 */
export function partsNotKept(
  input: string,
  output: string,
  rewritable = REWRITABLE_PARTS
): string[] {
  const before = zipEntries(input);
  const after = zipEntries(output);
  const lost: string[] = [];
  for (const [name, bytes] of before) {
    if (rewritable.includes(name) || name.endsWith("/")) continue;
    const copy = after.get(name);
    if (copy === undefined) lost.push(`${name} (missing)`);
    else if (!copy.equals(bytes)) lost.push(`${name} (changed)`);
  }
  return lost;
}
