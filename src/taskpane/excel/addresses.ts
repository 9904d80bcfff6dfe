import { columnLetters, parseAddress } from "../../workbook/snapshot";

/**
 * A1 addresses as Office.js hands them out and takes them in. Plain string work, no Office.js:
 * kept apart so the reader, the writer and the tests agree on one parser.
 */

/** A rectangle of cells, 1-based. */
export interface Box {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** A sheet name as a reference needs it: always quoted, so no name needs a special case. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * "'Cash envelope'!$A$5:$A$7" → { sheet: "Cash envelope", address: "A5:A7" }. Office.js returns
 * addresses qualified by sheet (quoted when the name needs it); the snapshot wants them bare.
 */
export function splitAddress(full: string): { sheet?: string; address: string } {
  // The cell part never holds "!", a sheet name may: split at the last one.
  const bang = full.lastIndexOf("!");
  const bare = full.slice(bang + 1).replace(/\$/g, "");
  if (bang < 0) return { address: bare };
  let sheet = full.slice(0, bang);
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return { sheet, address: bare };
}

/** "B2:D10" or "B2" (no sheet) → its box; throws on anything else, which is a bug upstream. */
export function parseBox(address: string): Box {
  const [first, last = first] = address.replace(/\$/g, "").split(":");
  const a = parseAddress(first);
  const b = parseAddress(last);
  if (!a || !b) throw new Error(`not an A1 range address: ${JSON.stringify(address)}`);
  const top = Math.min(a.row, b.row);
  const left = Math.min(a.column, b.column);
  return {
    top,
    left,
    rows: Math.abs(b.row - a.row) + 1,
    columns: Math.abs(b.column - a.column) + 1,
  };
}

export function boxAddress(box: Box): string {
  const first = `${columnLetters(box.left)}${box.top}`;
  if (box.rows === 1 && box.columns === 1) return first;
  return `${first}:${columnLetters(box.left + box.columns - 1)}${box.top + box.rows - 1}`;
}

const IDENTIFIER_START = /[A-Za-z_\u00C0-\uFFFF]/;
const IDENTIFIER_PART = /[A-Za-z0-9_.\u00C0-\uFFFF]/;

/**
 * Points a formula's references at other sheets and tables: `'Cash envelope'!$B$5` becomes
 * `'<temporary name>'!$B$5`, `TF_Envelope[Attachment £]` becomes `<temporary table>[…]`. The
 * writer builds new sheets and tables under temporary names while the old ones still hold the
 * real names, so a reference written with the real name would bind to the old one (and turn into
 * #REF! when it is deleted), or to nothing. Written against the temporary name, it follows the
 * sheet or table when Excel renames it. String literals and the insides of structured
 * references (column names, with their ' escapes) are left alone.
 *
 * @param sheets lower-cased sheet name → the name to use instead
 * @param tables lower-cased table name → the name to use instead
 */
export function retargetFormula(
  formula: string,
  sheets: ReadonlyMap<string, string>,
  tables: ReadonlyMap<string, string> = new Map()
): string {
  if (sheets.size === 0 && tables.size === 0) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      // A string literal: copy through its closing quote ("" is an escaped quote).
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) {
        j += formula[j] === '"' ? 2 : 1;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "[") {
      // A structured reference's brackets (nested for [[#Totals],[Column]]); ' escapes a char.
      let j = i;
      let depth = 0;
      while (j < formula.length) {
        if (formula[j] === "'") j++;
        else if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
        j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "'") {
      let j = i + 1;
      let name = "";
      while (j < formula.length) {
        if (formula[j] === "'" && formula[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (formula[j] === "'") break;
        else name += formula[j++];
      }
      const target = formula[j + 1] === "!" ? sheets.get(name.toLowerCase()) : undefined;
      out += target === undefined ? formula.slice(i, j + 1) : quoteSheet(target);
      i = j + 1;
    } else if (IDENTIFIER_START.test(ch)) {
      // Read the whole token, so "XFamilies!" is never mistaken for "Families!".
      let j = i + 1;
      while (j < formula.length && IDENTIFIER_PART.test(formula[j])) j++;
      const token = formula.slice(i, j);
      const next = formula[j];
      const sheet = next === "!" ? sheets.get(token.toLowerCase()) : undefined;
      const table = next === "[" ? tables.get(token.toLowerCase()) : undefined;
      out += sheet !== undefined ? quoteSheet(sheet) : (table ?? token);
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Whether a formula (a name's, say "='Funding assumptions'!$B$5") refers to a sheet. */
export function refersToSheet(formula: string, sheet: string): boolean {
  const probe = new Map([[sheet.toLowerCase(), "\u0000"]]);
  return retargetFormula(formula, probe) !== formula;
}
