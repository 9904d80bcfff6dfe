import { Readable } from "stream";
import { SaxesParser, SaxesTagPlain } from "saxes";
import { CellValue } from "../../workbook/plan-types";
import { columnNumber } from "../../workbook/snapshot";
import { DAYS_1900_TO_1904 } from "./dates1904";

/** Columns a row may span before its gaps are left unfilled (see readSheetCells's end). */
const SPARSE_AFTER = 64;

/**
 * Worksheet and shared-string XML read as a stream of SAX events (saxes): only values are kept,
 * so a 200,000-row sheet costs its values, never its XML. Cells as the plan reads them, the way
 * Office.js reports them: numbers (dates stay Excel serials), text, booleans, errors as their
 * text ("#N/A"), and a formula cell as its cached value (empty when it has none).
 */

const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's 1900 date system, as serials count for every date after February 1900. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel writes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x). */
export function decodeExcelEscapes(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
        String.fromCharCode(parseInt(hex, 16))
      )
    : text;
}

/** A t="d" cell holds an ISO 8601 date-time (no zone): its Excel serial. */
function isoSerial(text: string): CellValue {
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d(?:\.\d+)?))?)?/.exec(text);
  if (!m) return text;
  const time = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), 0);
  const days = (time + Number(m[6] ?? 0) * 1000 - EXCEL_EPOCH) / MS_PER_DAY;
  return Number.isInteger(days) ? days : Math.round(days * 1e6) / 1e6;
}

const local = (name: string) => name.slice(name.indexOf(":") + 1);

/**
 * A part that declares a DOCTYPE: Excel never writes one, and its entities are how billion-laughs
 * and external-entity attacks work. Refused before any entity could be used (saxes expands none).
 */
export class DeclaresEntities extends Error {
  constructor() {
    super("a part declares XML entities of its own (a DOCTYPE)");
  }
}

async function feed(stream: Readable, parser: SaxesParser): Promise<void> {
  parser.on("doctype", () => {
    throw new DeclaresEntities();
  });
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of stream) parser.write(decoder.decode(chunk as Buffer, { stream: true }));
  parser.write(decoder.decode());
  parser.close();
}

/** The shared strings, rich text as its plain text (phonetic runs left out). */
export async function readSharedStrings(stream: Readable): Promise<string[]> {
  const strings: string[] = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  let text: string[] | undefined;
  let inT = false;
  let phonetic = 0;
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === "si") text = [];
    else if (name === "t") inT = !tag.isSelfClosing;
    else if (name === "rPh") phonetic += tag.isSelfClosing ? 0 : 1;
  });
  parser.on("text", (chunk) => {
    if (inT && phonetic === 0 && text) text.push(chunk);
  });
  parser.on("cdata", (chunk) => {
    if (inT && phonetic === 0 && text) text.push(chunk);
  });
  parser.on("closetag", (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === "t") inT = false;
    else if (name === "rPh") phonetic--;
    else if (name === "si" && text) {
      strings.push(decodeExcelEscapes(text.join("")));
      text = undefined;
    }
  });
  await feed(stream, parser);
  return strings;
}

/** "BC12" → [12, 55]; undefined when not a cell reference. */
function cellPosition(ref: string): [number, number] | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  return m ? [Number(m[2]), columnNumber(m[1])] : undefined;
}

/** Row-major values of a worksheet from A1 to its last value; rows without values are []. */
export async function readSheetCells(
  stream: Readable,
  shared: readonly string[],
  /** In a 1904-system workbook: the cell formats that are dates, moved to the 1900 system. */
  dates1904?: ReadonlySet<number>
): Promise<CellValue[][]> {
  const cells: CellValue[][] = [];
  /** Cells held on each row, to tell an ordinary row from one with a far-out stray cell. */
  const held: number[] = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  let row = 0;
  let column = 0;
  let type = "n";
  let style = 0;
  let value: string[] | undefined; // <v> text, or an inline string's <t> text
  let inValue = false;
  let inInline = false;
  let inInlineText = false;
  let phonetic = 0;
  let inSheetData = false;

  const store = () => {
    if (value === undefined) return; // no value: an empty (styled) cell or an uncached formula
    const text = value.join("");
    let cell: CellValue;
    switch (type) {
      case "s":
        cell = shared[Number(text)] ?? null;
        break;
      case "inlineStr":
      case "str":
        cell = decodeExcelEscapes(text);
        break;
      case "b":
        cell = text.trim() === "1" || text.trim() === "true";
        break;
      case "e":
        cell = text;
        break;
      case "d":
        cell = isoSerial(text.trim());
        break;
      default: {
        const number = Number(text);
        cell = text.trim() === "" || Number.isNaN(number) ? null : number;
        if (cell !== null && dates1904?.has(style)) cell += DAYS_1900_TO_1904;
      }
    }
    if (cell === null) return;
    // Set, not padded: a row whose one cell is in column XFD must not cost 16,384 slots (20,000
    // such rows once took 3.8 GB). Ordinary rows are padded with null once read (below).
    const line = cells[row - 1] ?? (cells[row - 1] = []);
    line[column - 1] = cell;
    held[row - 1] = (held[row - 1] ?? 0) + 1;
  };

  parser.on("opentag", (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === "sheetData") inSheetData = true;
    if (!inSheetData) return;
    if (name === "row") {
      const r = tag.attributes.r as string | undefined;
      row = r ? Number(r) : row + 1;
      column = 0;
    } else if (name === "c") {
      const position = cellPosition((tag.attributes.r as string | undefined) ?? "");
      if (position) [row, column] = position;
      else column++;
      type = (tag.attributes.t as string | undefined) ?? "n";
      style = Number(tag.attributes.s ?? 0);
      value = undefined;
    } else if (name === "v") {
      inValue = true;
      value = [];
    } else if (name === "is") {
      inInline = true;
      value = [];
    } else if (name === "t" && inInline) {
      inInlineText = !tag.isSelfClosing;
    } else if (name === "rPh") phonetic += tag.isSelfClosing ? 0 : 1;
  });
  const text = (chunk: string) => {
    if (inValue || (inInlineText && phonetic === 0)) value?.push(chunk);
  };
  parser.on("text", text);
  parser.on("cdata", text);
  parser.on("closetag", (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === "sheetData") inSheetData = false;
    else if (name === "v") inValue = false;
    else if (name === "is") inInline = false;
    else if (name === "t") inInlineText = false;
    else if (name === "rPh") phonetic--;
    else if (name === "c" && inSheetData) store();
  });
  await feed(stream, parser);
  // Rows before the first value and between values are empty, as Office.js reports them. A
  // row's gaps read null, as Office.js and exceljs give them, where that costs about what the
  // row holds; a row of a few cells out at XFD stays sparse (readers take a gap as blank).
  for (let r = 0; r < cells.length; r++) {
    const line = cells[r];
    if (!line) cells[r] = [];
    else if (line.length <= SPARSE_AFTER + 4 * held[r])
      for (let c = 0; c < line.length; c++) if (line[c] === undefined) line[c] = null;
  }
  return cells;
}
