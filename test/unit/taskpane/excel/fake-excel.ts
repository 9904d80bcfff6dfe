/**
 * A hand-made fake of exactly the Office.js surface src/taskpane/excel uses, for what
 * office-addin-mock cannot model (collections whose `add` returns a new object, tables, charts,
 * names, sheet renames). It keeps Office.js's contract honest where the writer's safety depends
 * on it, and records everything so tests can assert on it:
 *
 * - Proxies queue operations; nothing reaches the workbook until `context.sync()`, which applies
 *   the queue in order and stops at the first failing operation (the ones before it stay done),
 *   as Excel does. Reading a property that was not loaded (or before the sync) throws.
 * - A request above 5 MB of JSON is refused whole, and so is an answer above 5 MB (Excel on the
 *   web's limits): loaded values reach the proxies only when the whole sync succeeds.
 * - A failure can be injected at any sync, after any number of its operations.
 * - `values` and `formulas` are parsed as typed input: "=…", "+…", "-…", "@…" become formulas,
 *   "'…" loses its apostrophe, "007" a number, "TRUE" a boolean, "2014-05-31" a date, unless the
 *   cell's number format is "@" (text). null leaves a cell alone, "" clears it.
 * - Renaming a sheet rewrites references to it in every formula and name; deleting it turns
 *   them into #REF!. A formula written with a reference to a sheet that does not exist is
 *   recorded in `brokenReferences` (Excel would make it an external link or #REF!).
 * - `tables.add` with a bare address puts the table on the active sheet, as documented.
 *   Table and name names share one namespace and must be unique, case-insensitively.
 *
 * It does not calculate: a formula cell written through the API reads back as "" (a formula
 * set up by a test reads back its given value). It does not model cell notes, styles beyond the
 * name, chart rendering, sheet positions beyond order, or concurrent users.
 */

export type Kind = "empty" | "text" | "number" | "boolean" | "error" | "formula";
export type Scalar = string | number | boolean;

export interface FakeCell {
  kind: Kind;
  value: Scalar;
  formula?: string;
  format: string;
  bold: boolean;
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<number, FakeCell>;
  widths: Map<number, number>;
  /** Row heights (points) set through range.format.rowHeight. */
  heights?: Map<number, number>;
  /** Cells (row, column keys) set to wrap their text. */
  wrapped?: Set<number>;
  /** Cells aligned right (format.horizontalAlignment "Right"). */
  rightAligned?: Set<number>;
  /** Rows frozen through freezePanes.freezeRows. */
  frozenRows?: number;
  /** What worksheet.pageLayout was given, by property ("orientation", "printArea", …). */
  page?: Record<string, unknown>;
}

export interface FakeTable {
  id: string;
  name: string;
  sheetId: string;
  top: number;
  left: number;
  /** Header and body rows, without the totals row. */
  rows: number;
  columns: number;
  showTotals: boolean;
  style: string;
}

interface Ref {
  sheetId: string;
  address: string;
}

export interface FakeChart {
  id: string;
  sheetId: string;
  type: string;
  title: string;
  series: { name: string; values?: Ref; xValues?: Ref }[];
  anchor?: string;
  /** The bottom-right cell given to setPosition, if any. */
  to?: string;
}

export interface SyncRecord {
  ops: number;
  /** The operations sent, in order. */
  names: string[];
  bytes: number;
  responseBytes?: number;
  suspended: boolean;
  failed?: string;
}

export const REQUEST_LIMIT = 5 * 1024 * 1024;
const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;
const KEY = 20000; // > Excel's 16,384 columns

const key = (row: number, column: number) => row * KEY + column;

// ---------------------------------------------------------------------------------------------
// A1 helpers, written independently of the module under test.

function lettersToNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function numberToLetters(n: number): string {
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export interface Box {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

export function parseRangeAddress(address: string): Box {
  const clean = address.replace(/\$/g, "");
  const rowRange = /^(\d+):(\d+)$/.exec(clean);
  if (rowRange) {
    const a = Number(rowRange[1]);
    const b = Number(rowRange[2]);
    return { top: Math.min(a, b), left: 1, rows: Math.abs(b - a) + 1, columns: MAX_COLUMNS };
  }
  const column = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(clean);
  if (column) {
    const a = lettersToNumber(column[1]);
    const b = lettersToNumber(column[2]);
    return { top: 1, left: Math.min(a, b), rows: MAX_ROWS, columns: Math.abs(b - a) + 1 };
  }
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(clean);
  if (!m) throw officeError("InvalidArgument", `bad address ${address}`);
  const r1 = Number(m[2]);
  const c1 = lettersToNumber(m[1]);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? lettersToNumber(m[3]) : c1;
  return {
    top: Math.min(r1, r2),
    left: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    columns: Math.abs(c2 - c1) + 1,
  };
}

export function formatBox(box: Box): string {
  const a = `${numberToLetters(box.left)}${box.top}`;
  if (box.rows === 1 && box.columns === 1) return a;
  return `${a}:${numberToLetters(box.left + box.columns - 1)}${box.top + box.rows - 1}`;
}

/** How Excel writes a sheet name in a reference: quoted only when it must be. */
export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? `${name}!`
    : `'${name.replace(/'/g, "''")}'!`;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A formula without its string literals and the insides of its structured references. */
function skeleton(formula: string): string {
  const noStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  let out = "";
  let depth = 0;
  for (let i = 0; i < noStrings.length; i++) {
    const ch = noStrings[i];
    if (depth > 0 && ch === "'")
      i++; // ' escapes the next character inside brackets
    else if (ch === "[") depth++;
    else if (ch === "]") depth = Math.max(0, depth - 1);
    if (depth === 0 && ch !== "]") out += ch;
    else if (depth === 1 && ch === "[") out += "[";
  }
  return out;
}

/** Table names a formula's structured references use. */
export function referencedTables(formula: string): string[] {
  return [
    ...skeleton(formula).matchAll(/(?:^|[^A-Za-z0-9_.\\'])([A-Za-z_\\][A-Za-z0-9_.\\]*)\[/g),
  ].map((m) => m[1]);
}

/** Sheet names a formula refers to (outside string literals). */
export function referencedSheets(formula: string): string[] {
  const found: string[] = [];
  const stripped = skeleton(formula);
  for (const m of stripped.matchAll(/'((?:[^']|'')+)'!/g)) found.push(m[1].replace(/''/g, "'"));
  const unquoted = stripped.replace(/'(?:[^']|'')+'!/g, "");
  for (const m of unquoted.matchAll(/(?:^|[^A-Za-z0-9_.'\]])([A-Za-z_][A-Za-z0-9_.]*)!/g)) {
    found.push(m[1]);
  }
  return found;
}

/** Rewrites structured references to table `from` (Excel does on a rename). */
function tableReferenceRewriter(from: string, to: string): (formula: string) => string {
  const bare = new RegExp(`(^|[^A-Za-z0-9_.\\\\'])${escapeRegex(from)}\\[`, "gi");
  return (formula) => formula.replace(bare, (_, before: string) => `${before}${to}[`);
}

/** Rewrites references to sheet `from` into `to` (a prefix such as "'New'!" or "#REF!"). */
function sheetReferenceRewriter(from: string, to: string): (formula: string) => string {
  const quoted = new RegExp(`'${escapeRegex(from.replace(/'/g, "''"))}'!`, "gi");
  const bare = new RegExp(`(^|[^A-Za-z0-9_.'\\]])${escapeRegex(from)}!`, "gi");
  return (formula) =>
    formula.replace(quoted, to).replace(bare, (_, before: string) => `${before}${to}`);
}

export function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, name: "RichApi.Error" });
}

// ---------------------------------------------------------------------------------------------
// Typed input, as Excel parses what `values` and `formulas` are given.

const NUMBER = /^[+-]?(\d[\d,]*(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i;
const DATE =
  /^(\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/,]*\d+([\s\-/,]+\d+)?)$/i;
const ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!)$/i;

function enter(book: FakeWorkbook, sheet: FakeSheet, row: number, column: number, input: unknown) {
  if (input === null) return; // null leaves the cell as it is
  const cell = book.cellAt(sheet, row, column, true) as FakeCell;
  delete cell.formula;
  if (input === "") {
    cell.kind = "empty";
    cell.value = "";
    return;
  }
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw officeError("InvalidArgument", "not a finite number");
    cell.kind = "number";
    cell.value = input;
    return;
  }
  if (typeof input === "boolean") {
    cell.kind = "boolean";
    cell.value = input;
    return;
  }
  if (typeof input !== "string") throw officeError("InvalidArgument", `bad input ${String(input)}`);
  if (input.length > 32767) throw officeError("InvalidArgument", "text longer than a cell holds");
  if (cell.format === "@") {
    cell.kind = "text";
    cell.value = input;
  } else if (input.startsWith("'")) {
    cell.kind = "text";
    cell.value = input.slice(1);
  } else if (/^[=+\-@]./s.test(input) && !NUMBER.test(input)) {
    cell.kind = "formula";
    cell.formula = input.startsWith("=") ? input : `=${input}`;
    cell.value = "";
    book.checkReferences(cell.formula, `${sheet.name}!${numberToLetters(column)}${row}`);
  } else if (NUMBER.test(input)) {
    cell.kind = "number";
    cell.value = Number(input.replace(/[,%]/g, "")) / (input.endsWith("%") ? 100 : 1);
  } else if (/^(true|false)$/i.test(input)) {
    cell.kind = "boolean";
    cell.value = input.toLowerCase() === "true";
  } else if (DATE.test(input)) {
    cell.kind = "number";
    cell.value = 40000; // a date serial: what matters is that it is no longer the text
  } else if (ERROR.test(input)) {
    cell.kind = "error";
    cell.value = input.toUpperCase();
  } else {
    cell.kind = "text";
    cell.value = input;
  }
}

// ---------------------------------------------------------------------------------------------
// The request context and its queue.

interface Op {
  name: string;
  bytes: number;
  run: () => void;
}

export class FakeContext {
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  queue: Op[] = [];
  /** What the current sync's loads will hand back, once the whole response is within limits. */
  deliveries: { bytes: number; apply: () => void }[] = [];
  closed = false;
  suspended = false;

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
    this.application = new ApplicationProxy(this);
  }

  enqueue(name: string, args: unknown[], run: () => void): void {
    if (this.closed) throw officeError("InvalidObjectPath", "the request context has ended");
    const bytes = 64 + Buffer.byteLength(JSON.stringify(args.map(plain)), "utf8");
    this.queue.push({ name, bytes, run });
  }

  deliver(value: unknown, apply: () => void): void {
    const json =
      JSON.stringify(value, (_, v) => (v instanceof ClientObject ? "<object>" : v)) ?? "";
    this.deliveries.push({ bytes: 16 + Buffer.byteLength(json, "utf8"), apply });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    await this.book.apply(this, ops);
  }
}

/** Proxies as arguments are sent as references, not contents. */
function plain(arg: unknown): unknown {
  return arg instanceof ClientObject ? "<ref>" : arg;
}

/** Loaded property values: set while a sync runs, readable only once it has returned. */
class LoadedValues {
  private readonly values = new Map<string, unknown>();
  constructor(private readonly context: FakeContext) {}
  set(property: string, value: unknown): void {
    this.context.deliver(value, () => this.values.set(property, value));
  }
  has(property: string): boolean {
    return this.values.has(property);
  }
  get(property: string): unknown {
    return this.values.get(property);
  }
}

abstract class ClientObject {
  protected readonly loaded: LoadedValues;
  constructor(readonly context: FakeContext) {
    this.loaded = new LoadedValues(context);
  }

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) {
      throw officeError(
        "PropertyNotLoaded",
        `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
    }
    return this.loaded.get(property) as T;
  }

  protected op(name: string, args: unknown[], run: () => void): void {
    this.context.enqueue(name, args, run);
  }

  get book(): FakeWorkbook {
    return this.context.book;
  }
}

function properties(spec: string | string[]): string[] {
  return (Array.isArray(spec) ? spec : spec.split(",")).map((p) => p.trim()).filter(Boolean);
}

// ---------------------------------------------------------------------------------------------

class ApplicationProxy extends ClientObject {
  suspendApiCalculationUntilNextSync(): void {
    this.op("application.suspendApiCalculationUntilNextSync", [], () => {
      this.context.suspended = true;
    });
  }
}

class WorkbookProxy extends ClientObject {
  readonly worksheets = new WorksheetCollectionProxy(this.context);
  readonly tables = new TableCollectionProxy(this.context, undefined);
  readonly names = new NamedItemCollectionProxy(this.context);
  /** The selection is whatever the test set as FakeWorkbook.selection. */
  getSelectedRange(): RangeProxy {
    const selection = this.context.book.selection;
    if (!selection) throw new Error("the test set no selection in the fake workbook");
    return this.worksheets.getItem(selection.sheet).getRange(selection.address);
  }
}

class WorksheetCollectionProxy extends ClientObject {
  get items(): WorksheetProxy[] {
    return this.read("items");
  }

  load(spec: string | string[]): this {
    const wanted = properties(spec).map((p) => p.replace(/^items\//, ""));
    for (const p of wanted) {
      if (!["name", "id"].includes(p)) throw officeError("InvalidArgument", `cannot load ${p}`);
    }
    this.op("worksheets.load", [spec], () => {
      this.loaded.set(
        "items",
        this.book.sheets.map((sheet) => {
          const proxy = new WorksheetProxy(this.context, () => sheet.id);
          proxy.fill(sheet, wanted);
          return proxy;
        })
      );
    });
    return this;
  }

  add(name?: string): WorksheetProxy {
    let id: string | undefined;
    const proxy = new WorksheetProxy(this.context, () => {
      if (id === undefined) throw officeError("InvalidObjectPath", "the sheet was never added");
      return id;
    });
    this.op("worksheets.add", [name], () => {
      id = this.book.addSheetNow(name ?? `Sheet${this.book.sheets.length + 1}`).id;
    });
    return proxy;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const sheet = this.book.sheetNamed(name);
      if (!sheet) throw officeError("ItemNotFound", `no sheet ${name}`);
      return sheet.id;
    });
  }
}

class WorksheetProxy extends ClientObject {
  constructor(
    context: FakeContext,
    private readonly idOf: () => string
  ) {
    super(context);
  }

  fill(sheet: FakeSheet, wanted: string[]): void {
    if (wanted.includes("name")) this.loaded.set("name", sheet.name);
    if (wanted.includes("id")) this.loaded.set("id", sheet.id);
  }

  target(): FakeSheet {
    const sheet = this.book.sheetById(this.idOf());
    if (!sheet) throw officeError("ItemNotFound", "the sheet no longer exists");
    return sheet;
  }

  get name(): string {
    return this.read("name");
  }

  set name(value: string) {
    this.op("worksheet.name", [value], () => this.book.renameSheet(this.target(), value));
  }

  get id(): string {
    return this.read("id");
  }

  load(spec: string | string[]): this {
    const wanted = properties(spec);
    this.op("worksheet.load", [spec], () => this.fill(this.target(), wanted));
    return this;
  }

  getRange(address: string): RangeProxy {
    return new RangeProxy(this.context, () => ({
      sheet: this.target(),
      box: parseRangeAddress(address),
    }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== true) throw new Error("the fake models only getUsedRangeOrNullObject(true)");
    return new RangeProxy(this.context, () => {
      const sheet = this.target();
      const box = this.book.usedBox(sheet);
      return box ? { sheet, box } : null;
    });
  }

  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.context, this);
  }

  get charts(): ChartCollectionProxy {
    return new ChartCollectionProxy(this.context, this);
  }

  get freezePanes(): { freezeRows: (count: number) => void } {
    return {
      freezeRows: (count: number) =>
        this.op("worksheet.freezePanes.freezeRows", [count], () => {
          this.target().frozenRows = count;
        }),
    };
  }

  /** worksheet.pageLayout (ExcelApi 1.9): what it is given is kept by property on the sheet. */
  get pageLayout(): Record<string, unknown> {
    const set = (property: string, value: unknown) =>
      this.op(`worksheet.pageLayout.${property}`, [value], () => {
        const sheet = this.target();
        (sheet.page ??= {})[property] = value;
      });
    const settable = (target: Record<string, unknown>, names: string[], prefix = "") => {
      for (const name of names) {
        Object.defineProperty(target, name, {
          set: (value: unknown) => {
            set(prefix + name, value);
          },
          get: () => {
            throw new Error("the fake does not read the page layout back through proxies");
          },
        });
      }
      return target;
    };
    const pages = settable(
      {},
      ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"],
      "headersFooters.defaultForAllPages."
    );
    return settable(
      {
        setPrintArea: (area: unknown) => set("printArea", area),
        setPrintTitleRows: (rows: unknown) => set("printTitleRows", rows),
        headersFooters: { defaultForAllPages: pages },
      },
      [
        "paperSize",
        "orientation",
        "zoom",
        "leftMargin",
        "rightMargin",
        "topMargin",
        "bottomMargin",
        "headerMargin",
        "footerMargin",
      ]
    );
  }

  delete(): void {
    this.op("worksheet.delete", [], () => this.book.deleteSheet(this.target()));
  }

  activate(): void {
    this.op("worksheet.activate", [], () => {
      this.book.activeSheetId = this.target().id;
    });
  }
}

type Located = { sheet: FakeSheet; box: Box } | null;

class RangeFormat {
  readonly font: { bold: boolean };
  constructor(private readonly range: RangeProxy) {
    const self = this;
    this.font = {
      get bold(): boolean {
        throw new Error("the fake does not read formats back through proxies");
      },
      set bold(value: boolean) {
        self.range.setBold(value);
      },
    };
  }

  set columnWidth(points: number) {
    this.range.setWidth(points);
  }

  set rowHeight(points: number) {
    this.range.setHeight(points);
  }

  set wrapText(value: boolean) {
    this.range.setWrap(value);
  }

  set horizontalAlignment(value: Excel.HorizontalAlignment | string) {
    this.range.setAlignment(String(value));
  }

  get columnWidth(): number {
    throw new Error("the fake does not read widths back through proxies");
  }
}

class RangeProxy extends ClientObject {
  readonly format = new RangeFormat(this);

  constructor(
    context: FakeContext,
    private readonly locate: () => Located
  ) {
    super(context);
  }

  target(): { sheet: FakeSheet; box: Box } {
    const found = this.locate();
    if (!found) throw officeError("InvalidOperation", "the range is a null object");
    return found;
  }

  describe(): Ref {
    const { sheet, box } = this.target();
    return { sheetId: sheet.id, address: formatBox(box) };
  }

  private grid(
    name: string,
    data: unknown,
    each: (sheet: FakeSheet, r: number, c: number, v: unknown) => void
  ) {
    this.op(name, [data], () => {
      const { sheet, box } = this.target();
      if (
        !Array.isArray(data) ||
        data.length !== box.rows ||
        data.some((row) => !Array.isArray(row) || row.length !== box.columns)
      ) {
        throw officeError(
          "InvalidArgument",
          `${name}: the array does not match the range ${formatBox(box)} (${box.rows}×${box.columns})`
        );
      }
      (data as unknown[][]).forEach((row, r) =>
        row.forEach((v, c) => each(sheet, box.top + r, box.left + c, v))
      );
    });
  }

  set values(data: unknown[][]) {
    this.grid("range.values", data, (sheet, r, c, v) => enter(this.book, sheet, r, c, v));
  }

  get values(): Scalar[][] {
    return this.read("values");
  }

  set formulas(data: unknown[][]) {
    this.grid("range.formulas", data, (sheet, r, c, v) => enter(this.book, sheet, r, c, v));
  }

  set numberFormat(data: unknown[][]) {
    this.grid("range.numberFormat", data, (sheet, r, c, v) => {
      if (v === null) return;
      if (typeof v !== "string") throw officeError("InvalidArgument", "a number format is text");
      (this.book.cellAt(sheet, r, c, true) as FakeCell).format = v === "" ? "General" : v;
    });
  }

  setBold(value: boolean): void {
    this.op("range.format.font.bold", [value], () => {
      const { sheet, box } = this.target();
      if (box.rows * box.columns > 1e6) throw new Error("the fake does not bold whole columns");
      for (let r = box.top; r < box.top + box.rows; r++) {
        for (let c = box.left; c < box.left + box.columns; c++) {
          (this.book.cellAt(sheet, r, c, true) as FakeCell).bold = value;
        }
      }
    });
  }

  setHeight(points: number): void {
    this.op("range.format.rowHeight", [points], () => {
      const { sheet, box } = this.target();
      sheet.heights ??= new Map();
      for (let r = box.top; r < box.top + box.rows; r++) sheet.heights.set(r, points);
    });
  }

  setWrap(value: boolean): void {
    this.op("range.format.wrapText", [value], () => {
      const { sheet, box } = this.target();
      if (box.rows * box.columns > 1e6) throw new Error("the fake does not wrap whole columns");
      sheet.wrapped ??= new Set();
      for (let r = box.top; r < box.top + box.rows; r++) {
        for (let c = box.left; c < box.left + box.columns; c++) {
          if (value) sheet.wrapped.add(key(r, c));
          else sheet.wrapped.delete(key(r, c));
        }
      }
    });
  }

  setAlignment(value: string): void {
    this.op("range.format.horizontalAlignment", [value], () => {
      const { sheet, box } = this.target();
      sheet.rightAligned ??= new Set();
      for (let r = box.top; r < box.top + box.rows; r++) {
        for (let c = box.left; c < box.left + box.columns; c++) {
          if (value === "Right") sheet.rightAligned.add(key(r, c));
          else sheet.rightAligned.delete(key(r, c));
        }
      }
    });
  }

  setWidth(points: number): void {
    this.op("range.format.columnWidth", [points], () => {
      const { sheet, box } = this.target();
      for (let c = box.left; c < box.left + box.columns; c++) sheet.widths.set(c, points);
    });
  }

  get address(): string {
    return this.read("address");
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }

  load(spec: string | string[]): this {
    const wanted = properties(spec);
    for (const p of wanted) {
      if (!["values", "address"].includes(p))
        throw officeError("InvalidArgument", `cannot load ${p}`);
    }
    this.op("range.load", [spec], () => {
      const found = this.locate();
      this.loaded.set("isNullObject", found === null);
      if (!found) return;
      const { sheet, box } = found;
      if (wanted.includes("address")) {
        this.loaded.set("address", `${sheetPrefix(sheet.name)}${formatBox(box)}`);
      }
      if (wanted.includes("values")) {
        const rows: Scalar[][] = [];
        for (let r = box.top; r < box.top + box.rows; r++) {
          const row: Scalar[] = [];
          for (let c = box.left; c < box.left + box.columns; c++) {
            const cell = this.book.cellAt(sheet, r, c, false);
            row.push(cell && cell.kind !== "empty" ? cell.value : "");
          }
          rows.push(row);
        }
        this.loaded.set("values", rows);
      }
    });
    return this;
  }
}

// ---------------------------------------------------------------------------------------------

class TableCollectionProxy extends ClientObject {
  constructor(
    context: FakeContext,
    private readonly on: WorksheetProxy | undefined
  ) {
    super(context);
  }

  get items(): TableProxy[] {
    return this.read("items");
  }

  load(spec: string | string[]): this {
    const wanted = properties(spec).map((p) => p.replace(/^items\//, ""));
    for (const p of wanted) {
      if (!["name", "id", "showTotals", "worksheet/name"].includes(p)) {
        throw officeError("InvalidArgument", `cannot load ${p}`);
      }
    }
    this.op("tables.load", [spec], () => {
      const sheetId = this.on?.target().id;
      this.loaded.set(
        "items",
        this.book.tables
          .filter((t) => sheetId === undefined || t.sheetId === sheetId)
          .map((table) => {
            const proxy = new TableProxy(this.context, () => table.id);
            proxy.fill(table, wanted);
            return proxy;
          })
      );
    });
    return this;
  }

  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.context, () => {
      const found = this.book.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
      return found?.id ?? null;
    });
  }

  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    let id: string | undefined;
    const proxy = new TableProxy(this.context, () => {
      if (id === undefined) throw officeError("InvalidObjectPath", "the table was never added");
      return id;
    });
    this.op("tables.add", [address, hasHeaders], () => {
      if (!hasHeaders) throw new Error("the fake models only tables with headers");
      let sheet: FakeSheet;
      let box: Box;
      if (typeof address === "string") {
        const bang = address.lastIndexOf("!");
        const named =
          bang < 0
            ? undefined
            : address
                .slice(0, bang)
                .replace(/^'(.*)'$/, "$1")
                .replace(/''/g, "'");
        // Documented: "If the address does not contain a sheet name, the currently-active sheet is used."
        const found =
          named === undefined
            ? this.book.sheetById(this.book.activeSheetId)
            : this.book.sheetNamed(named);
        if (!found) throw officeError("ItemNotFound", `no sheet for ${address}`);
        sheet = found;
        box = parseRangeAddress(address.slice(bang + 1));
      } else {
        ({ sheet, box } = address.target());
      }
      id = this.book.addTableNow(sheet, box).id;
    });
    return proxy;
  }
}

class TableProxy extends ClientObject {
  constructor(
    context: FakeContext,
    private readonly idOf: () => string | null
  ) {
    super(context);
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }

  load(spec: string | string[]): this {
    const wanted = properties(spec);
    this.op("table.load", [spec], () => {
      const id = this.idOf();
      this.loaded.set("isNullObject", id === null);
      if (id !== null) this.fill(this.target(), wanted);
    });
    return this;
  }

  get rows(): {
    add: (index?: number | null, values?: unknown[][]) => { getRange: () => RangeProxy };
  } {
    return {
      add: (index, values) => {
        if (index !== undefined && index !== null) throw new Error("the fake appends rows only");
        let row: number | undefined;
        const range = new RangeProxy(this.context, () => {
          if (row === undefined) throw officeError("InvalidObjectPath", "the row was never added");
          const t = this.target();
          return {
            sheet: this.book.sheetById(t.sheetId) as FakeSheet,
            box: { top: row, left: t.left, rows: 1, columns: t.columns },
          };
        });
        this.op("table.rows.add", [values], () => {
          const t = this.target();
          if (t.showTotals) throw new Error("the fake appends rows only to tables without totals");
          const sheet = this.book.sheetById(t.sheetId) as FakeSheet;
          row = t.top + t.rows;
          for (let c = t.left; c < t.left + t.columns; c++) {
            const below = this.book.cellAt(sheet, row, c, false);
            // Excel would shift the cells below down; the fake asks for room instead.
            if (below && below.kind !== "empty")
              throw new Error("the fake needs the row below the table empty");
          }
          t.rows++;
          values?.[0]?.forEach((v, c) => enter(this.book, sheet, row as number, t.left + c, v));
        });
        return { getRange: () => range };
      },
    };
  }

  fill(table: FakeTable, wanted: string[]): void {
    if (wanted.includes("name")) this.loaded.set("name", table.name);
    if (wanted.includes("id")) this.loaded.set("id", table.id);
    if (wanted.includes("showTotals")) this.loaded.set("showTotals", table.showTotals);
    if (wanted.includes("worksheet/name")) {
      const sheet = this.book.sheetById(table.sheetId) as FakeSheet;
      const proxy = new WorksheetProxy(this.context, () => sheet.id);
      proxy.fill(sheet, ["name"]);
      this.loaded.set("worksheet", proxy);
    }
  }

  target(): FakeTable {
    const id = this.idOf();
    const table = this.book.tables.find((t) => t.id === id);
    if (!table) throw officeError("ItemNotFound", "the table no longer exists");
    return table;
  }

  get name(): string {
    return this.read("name");
  }

  set name(value: string) {
    this.op("table.name", [value], () => this.book.renameTable(this.target(), value));
  }

  get id(): string {
    return this.read("id");
  }

  get showTotals(): boolean {
    return this.read("showTotals");
  }

  set showTotals(value: boolean) {
    this.op("table.showTotals", [value], () => this.book.setTotals(this.target(), value));
  }

  set style(value: string) {
    this.op("table.style", [value], () => {
      this.target().style = value;
    });
  }

  get worksheet(): WorksheetProxy {
    return this.read("worksheet");
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.target();
      const sheet = this.book.sheetById(t.sheetId) as FakeSheet;
      return {
        sheet,
        box: {
          top: t.top,
          left: t.left,
          rows: t.rows + (t.showTotals ? 1 : 0),
          columns: t.columns,
        },
      };
    });
  }

  getTotalRowRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.target();
      if (!t.showTotals) throw officeError("InvalidOperation", "the table has no totals row");
      const sheet = this.book.sheetById(t.sheetId) as FakeSheet;
      return { sheet, box: { top: t.top + t.rows, left: t.left, rows: 1, columns: t.columns } };
    });
  }
}

// ---------------------------------------------------------------------------------------------

class ChartCollectionProxy extends ClientObject {
  constructor(
    context: FakeContext,
    private readonly on: WorksheetProxy
  ) {
    super(context);
  }

  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    let id: string | undefined;
    const proxy = new ChartProxy(this.context, () => {
      if (id === undefined) throw officeError("InvalidObjectPath", "the chart was never added");
      return id;
    });
    this.op("charts.add", [type, source, seriesBy], () => {
      if (!Object.values(ChartType).includes(type as never))
        throw officeError("InvalidArgument", `chart type ${type}`);
      if (seriesBy !== ChartSeriesBy.columns)
        throw new Error("the fake models series by columns only");
      const sheet = this.on.target();
      const { sheet: from, box } = source.target();
      const chart: FakeChart = {
        id: String(++this.book.counter),
        sheetId: sheet.id,
        type,
        title: "",
        series: Array.from({ length: box.columns }, (_, c) => ({
          name: `Series${c + 1}`,
          values: {
            sheetId: from.id,
            address: formatBox({ ...box, left: box.left + c, columns: 1 }),
          },
        })),
      };
      this.book.charts.push(chart);
      id = chart.id;
    });
    return proxy;
  }
}

class ChartProxy extends ClientObject {
  readonly title: { text: string };
  readonly series: { getItemAt: (i: number) => SeriesProxy; add: (name?: string) => SeriesProxy };

  constructor(
    context: FakeContext,
    private readonly idOf: () => string
  ) {
    super(context);
    const self = this;
    this.title = {
      get text(): string {
        throw new Error("the fake does not read titles back through proxies");
      },
      set text(value: string) {
        self.op("chart.title.text", [value], () => {
          self.target().title = value;
        });
      },
    };
    this.series = {
      getItemAt: (i: number) =>
        new SeriesProxy(this.context, () => {
          const s = this.target().series[i];
          if (!s) throw officeError("ItemNotFound", `no series ${i}`);
          return s;
        }),
      add: (name?: string) => {
        let index: number | undefined;
        const proxy = new SeriesProxy(this.context, () => {
          if (index === undefined)
            throw officeError("InvalidObjectPath", "the series was never added");
          return this.target().series[index];
        });
        this.op("chart.series.add", [name], () => {
          index = this.target().series.push({ name: name ?? "" }) - 1;
        });
        return proxy;
      },
    };
  }

  target(): FakeChart {
    const chart = this.book.charts.find((c) => c.id === this.idOf());
    if (!chart) throw officeError("ItemNotFound", "the chart no longer exists");
    return chart;
  }

  setPosition(startCell: string | RangeProxy, endCell?: string | RangeProxy): void {
    this.op("chart.setPosition", [startCell, endCell], () => {
      const chart = this.target();
      const cell = (at: string | RangeProxy) =>
        typeof at === "string" ? formatBox(parseRangeAddress(at)) : at.describe().address;
      chart.anchor = cell(startCell);
      if (endCell !== undefined) chart.to = cell(endCell);
    });
  }
}

class SeriesProxy extends ClientObject {
  constructor(
    context: FakeContext,
    private readonly locate: () => FakeChart["series"][number]
  ) {
    super(context);
  }

  set name(value: string) {
    this.op("series.name", [value], () => {
      this.locate().name = value;
    });
  }

  setValues(range: RangeProxy): void {
    this.op("series.setValues", [range], () => {
      this.locate().values = range.describe();
    });
  }

  setXAxisValues(range: RangeProxy): void {
    this.op("series.setXAxisValues", [range], () => {
      this.locate().xValues = range.describe();
    });
  }
}

// ---------------------------------------------------------------------------------------------

class NamedItemCollectionProxy extends ClientObject {
  get items(): NamedItemProxy[] {
    return this.read("items");
  }

  load(spec: string | string[]): this {
    const wanted = properties(spec).map((p) => p.replace(/^items\//, ""));
    for (const p of wanted) {
      if (!["name", "formula"].includes(p))
        throw officeError("InvalidArgument", `cannot load ${p}`);
    }
    this.op("names.load", [spec], () => {
      this.loaded.set(
        "items",
        this.book.names.map((n) => {
          const proxy = new NamedItemProxy(this.context, n.name);
          proxy.fill(n, wanted);
          return proxy;
        })
      );
    });
    return this;
  }

  add(name: string, reference: string | RangeProxy): NamedItemProxy {
    this.op("names.add", [name, reference], () => {
      this.book.checkNewName(name, undefined);
      const formula =
        typeof reference === "string"
          ? reference
          : (() => {
              const { sheet, box } = reference.target();
              return `=${sheetPrefix(sheet.name)}${formatBox(box)}`;
            })();
      this.book.checkReferences(formula, `name ${name}`);
      this.book.names.push({ name, formula });
    });
    return new NamedItemProxy(this.context, name);
  }

  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, name);
  }
}

class NamedItemProxy extends ClientObject {
  constructor(
    context: FakeContext,
    private readonly key: string
  ) {
    super(context);
  }

  fill(n: { name: string; formula: string }, wanted: string[]): void {
    if (wanted.includes("name")) this.loaded.set("name", n.name);
    if (wanted.includes("formula")) this.loaded.set("formula", n.formula);
  }

  target(): { name: string; formula: string } {
    const found = this.book.names.find((n) => n.name.toLowerCase() === this.key.toLowerCase());
    if (!found) throw officeError("ItemNotFound", `no name ${this.key}`);
    return found;
  }

  get name(): string {
    return this.read("name");
  }

  get formula(): string {
    return this.read("formula");
  }

  set formula(value: string) {
    this.op("name.formula", [value], () => {
      const target = this.target();
      this.book.checkReferences(value, `name ${target.name}`);
      target.formula = value;
    });
  }

  delete(): void {
    this.op("name.delete", [], () => {
      const target = this.target();
      this.book.names = this.book.names.filter((n) => n !== target);
    });
  }
}

// ---------------------------------------------------------------------------------------------

export const ChartType = {
  columnStacked: "ColumnStacked",
  columnClustered: "ColumnClustered",
} as const;
export const ChartSeriesBy = { auto: "Auto", columns: "Columns", rows: "Rows" } as const;

export type CellSetup =
  | Scalar
  | null
  | { formula: string; value: Scalar }
  | { value: Scalar; format?: string; bold?: boolean };

/** The workbook. Tests set it up directly, run the module against it, and inspect it. */
export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  charts: FakeChart[] = [];
  names: { name: string; formula: string }[] = [];
  activeSheetId = "";
  /** The user's selection, for getSelectedRange(). */
  selection?: { sheet: string; address: string };
  counter = 0;
  readonly syncLog: SyncRecord[] = [];
  /** References written to sheets that did not exist at the time. */
  readonly brokenReferences: string[] = [];
  readonly calls: string[] = [];
  private failure?: { sync: number; after: number | "all" };

  /** The global `Excel` the module calls. */
  readonly excel = {
    run: async <T>(batch: (context: FakeContext) => Promise<T>): Promise<T> => {
      const context = new FakeContext(this);
      this.contexts.push(context);
      try {
        const result = await batch(context);
        // Excel.run syncs what is still queued when the batch ends.
        if (context.queue.length > 0) await context.sync();
        return result;
      } finally {
        context.closed = true;
      }
    },
    ChartType,
    ChartSeriesBy,
    PaperType: { a4: "A4", letter: "Letter" },
    PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
  };

  /** Every request context Excel.run made, so tests can spy on their sync. */
  readonly contexts: FakeContext[] = [];

  /** Fails the `sync`-th sync from now (1-based), after `after` of its operations ran. */
  failAt(sync: number, after: number | "all"): void {
    this.failure = { sync: this.syncLog.length + sync, after };
  }

  async apply(context: FakeContext, ops: Op[]): Promise<void> {
    const record: SyncRecord = {
      ops: ops.length,
      names: ops.map((op) => op.name),
      bytes: ops.reduce((s, op) => s + op.bytes, 0),
      suspended: false,
    };
    this.syncLog.push(record);
    await Promise.resolve();
    if (record.bytes > REQUEST_LIMIT) {
      record.failed = "RequestPayloadSizeLimitExceeded";
      throw officeError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit."
      );
    }
    context.suspended = false;
    context.deliveries = [];
    const failure =
      this.failure && this.failure.sync === this.syncLog.length ? this.failure : undefined;
    const limit = failure
      ? failure.after === "all"
        ? ops.length
        : Math.min(failure.after, ops.length)
      : ops.length;
    try {
      for (let i = 0; i < limit; i++) {
        this.calls.push(ops[i].name);
        ops[i].run();
      }
    } catch (error) {
      record.failed = (error as Error).message;
      throw error;
    } finally {
      record.suspended = context.suspended;
    }
    if (failure) {
      this.failure = undefined;
      record.failed = "injected";
      throw officeError("GeneralException", `Injected failure at sync ${this.syncLog.length}`);
    }
    record.responseBytes = context.deliveries.reduce((n, d) => n + d.bytes, 0);
    if (record.responseBytes > REQUEST_LIMIT) {
      // Excel on the web limits responses too: the operations ran, their results are lost.
      record.failed = "ResponsePayloadSizeLimitExceeded";
      throw officeError(
        "ResponsePayloadSizeLimitExceeded",
        "The response payload size has exceeded the limit."
      );
    }
    for (const delivery of context.deliveries) delivery.apply();
  }

  // --- set-up ---------------------------------------------------------------------------------

  addSheet(name: string, rows: CellSetup[][] = [], topLeft = "A1"): FakeSheet {
    const sheet = this.addSheetNow(name);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    const at = parseRangeAddress(topLeft);
    rows.forEach((row, r) =>
      row.forEach((setup, c) => {
        if (setup === null) return;
        const cell = this.cellAt(sheet, at.top + r, at.left + c, true) as FakeCell;
        if (typeof setup !== "object") {
          cell.kind =
            typeof setup === "string" ? "text" : typeof setup === "number" ? "number" : "boolean";
          cell.value = setup;
        } else if ("formula" in setup) {
          cell.kind = "formula";
          cell.formula = setup.formula;
          cell.value = setup.value;
        } else {
          cell.kind =
            typeof setup.value === "string"
              ? "text"
              : typeof setup.value === "number"
                ? "number"
                : "boolean";
          cell.value = setup.value;
          if (setup.format) cell.format = setup.format;
          if (setup.bold) cell.bold = true;
        }
      })
    );
    return sheet;
  }

  addTable(sheetName: string, name: string, address: string): FakeTable {
    const sheet = this.sheetNamed(sheetName) as FakeSheet;
    const table = this.addTableNow(sheet, parseRangeAddress(address));
    this.checkNewName(name, table);
    table.name = name;
    return table;
  }

  defineName(name: string, formula: string): void {
    this.checkNewName(name, undefined);
    this.names.push({ name, formula });
  }

  // --- inspection -----------------------------------------------------------------------------

  sheetNamed(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  cell(sheetName: string, address: string): FakeCell | undefined {
    const sheet = this.sheetNamed(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const box = parseRangeAddress(address);
    return this.cellAt(sheet, box.top, box.left, false);
  }

  /** Every cell of a sheet (content and formatting), widths, tables and charts, for comparison. */
  dump(sheetName: string): unknown {
    const sheet = this.sheetNamed(sheetName);
    if (!sheet) return undefined;
    const cells = [...sheet.cells.entries()]
      .sort(([a], [b]) => a - b)
      .map(([k, cell]) => [
        formatBox({ top: Math.floor(k / KEY), left: k % KEY, rows: 1, columns: 1 }),
        { ...cell },
      ]);
    return {
      id: sheet.id,
      name: sheet.name,
      position: this.sheets.indexOf(sheet),
      cells,
      widths: [...sheet.widths.entries()].sort(),
      tables: this.tables.filter((t) => t.sheetId === sheet.id).map((t) => ({ ...t })),
      charts: this.charts
        .filter((c) => c.sheetId === sheet.id)
        .map((c) => JSON.parse(JSON.stringify(c))),
    };
  }

  /** A chart's series with their ranges as Excel would show them now (following renames). */
  seriesOf(chart: FakeChart): { name: string; values: string; categories: string }[] {
    const show = (ref?: Ref) => {
      if (!ref) return "";
      const sheet = this.sheetById(ref.sheetId);
      return sheet ? `${sheetPrefix(sheet.name)}${ref.address}` : "#REF!";
    };
    return chart.series.map((s) => ({
      name: s.name,
      values: show(s.values),
      categories: show(s.xValues),
    }));
  }

  // --- the workbook's own rules ---------------------------------------------------------------

  cellAt(sheet: FakeSheet, row: number, column: number, create: boolean): FakeCell | undefined {
    let cell = sheet.cells.get(key(row, column));
    if (!cell && create) {
      cell = { kind: "empty", value: "", format: "General", bold: false };
      sheet.cells.set(key(row, column), cell);
    }
    return cell;
  }

  usedBox(sheet: FakeSheet): Box | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [k, cell] of sheet.cells) {
      if (cell.kind === "empty") continue;
      const r = Math.floor(k / KEY);
      const c = k % KEY;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom === 0 ? null : { top, left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  addSheetNow(name: string): FakeSheet {
    this.checkSheetName(name, undefined);
    const sheet: FakeSheet = {
      id: `{sheet-${++this.counter}}`,
      name,
      cells: new Map(),
      widths: new Map(),
    };
    this.sheets.push(sheet);
    return sheet;
  }

  private checkSheetName(name: string, except: FakeSheet | undefined): void {
    if (
      !name ||
      name.length > 31 ||
      /[:\\/?*[\]]/.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'")
    ) {
      throw officeError("InvalidArgument", `invalid sheet name ${JSON.stringify(name)}`);
    }
    const clash = this.sheetNamed(name);
    if (clash && clash !== except)
      throw officeError("ItemAlreadyExists", `a sheet called ${name} exists`);
  }

  renameSheet(sheet: FakeSheet, name: string): void {
    if (sheet.name === name) return;
    this.checkSheetName(name, sheet);
    const from = sheet.name;
    sheet.name = name;
    this.rewriteReferences(from, sheetPrefix(name));
  }

  renameTable(table: FakeTable, name: string): void {
    this.checkNewName(name, table);
    const from = table.name;
    table.name = name;
    this.rewrite(from, tableReferenceRewriter(from, name));
  }

  deleteSheet(sheet: FakeSheet): void {
    if (this.sheets.length === 1)
      throw officeError("InvalidOperation", "a workbook keeps one sheet");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    for (const table of this.tables.filter((t) => t.sheetId === sheet.id)) {
      this.rewrite(table.name, tableReferenceRewriter(table.name, "#REF!"));
    }
    this.tables = this.tables.filter((t) => t.sheetId !== sheet.id);
    this.charts = this.charts.filter((c) => c.sheetId !== sheet.id);
    this.rewriteReferences(sheet.name, "#REF!");
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0].id;
  }

  private rewriteReferences(from: string, to: string): void {
    this.rewrite(from.replace(/'/g, ""), sheetReferenceRewriter(from, to));
  }

  /** Applies `change` to every formula that mentions `mention` (case aside). */
  private rewrite(mention: string, change: (formula: string) => string): void {
    const needle = mention.toLowerCase();
    const touch = (formula: string) =>
      formula.toLowerCase().replace(/'/g, "").includes(needle) ? change(formula) : formula;
    for (const sheet of this.sheets) {
      for (const cell of sheet.cells.values()) {
        if (cell.formula) cell.formula = touch(cell.formula);
      }
    }
    for (const n of this.names) n.formula = touch(n.formula);
  }

  private readonly referenceCache = new Map<string, { sheets: string[]; tables: string[] }>();

  checkReferences(formula: string, where: string): void {
    if (!formula.includes("!") && !formula.includes("[")) return;
    // Rows of a table repeat one formula with other row numbers: parse each shape once.
    const shape = formula.replace(/\d+/g, "0");
    let found = this.referenceCache.get(shape);
    if (!found) {
      found = { sheets: referencedSheets(formula), tables: referencedTables(formula) };
      this.referenceCache.set(shape, found);
    }
    for (const sheet of found.sheets) {
      if (!this.sheetNamed(sheet)) this.brokenReferences.push(`${where}: ${formula}`);
    }
    for (const table of found.tables) {
      if (!this.tables.some((t) => t.name.toLowerCase() === table.toLowerCase())) {
        this.brokenReferences.push(`${where}: ${formula}`);
      }
    }
  }

  checkNewName(name: string, table: FakeTable | undefined): void {
    if (
      !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^[rc]$/i.test(name)
    ) {
      throw officeError("InvalidArgument", `invalid name ${name}`);
    }
    const lower = name.toLowerCase();
    if (this.tables.some((t) => t !== table && t.name.toLowerCase() === lower)) {
      throw officeError("ItemAlreadyExists", `a table called ${name} exists`);
    }
    if (this.names.some((n) => n.name.toLowerCase() === lower)) {
      throw officeError("ItemAlreadyExists", `a name called ${name} exists`);
    }
  }

  private overlaps(sheetId: string, box: Box, except?: FakeTable): boolean {
    return this.tables.some((t) => {
      if (t === except || t.sheetId !== sheetId) return false;
      const rows = t.rows + (t.showTotals ? 1 : 0);
      return (
        box.top < t.top + rows &&
        t.top < box.top + box.rows &&
        box.left < t.left + t.columns &&
        t.left < box.left + box.columns
      );
    });
  }

  addTableNow(sheet: FakeSheet, box: Box): FakeTable {
    if (box.rows > MAX_ROWS - 1)
      throw officeError("InvalidArgument", "a table cannot be whole columns");
    const rows = Math.max(2, box.rows); // Excel keeps a body row under the header
    if (this.overlaps(sheet.id, { ...box, rows }))
      throw officeError("InvalidOperation", "tables cannot overlap");
    const seen = new Set<string>();
    for (let c = 0; c < box.columns; c++) {
      const cell = this.cellAt(sheet, box.top, box.left + c, true) as FakeCell;
      let header = cell.kind === "empty" ? `Column${c + 1}` : String(cell.value);
      while (seen.has(header.toLowerCase())) header = `${header}2`;
      seen.add(header.toLowerCase());
      delete cell.formula;
      cell.kind = "text";
      cell.value = header;
    }
    let n = this.tables.length + 1;
    while (this.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
    const table: FakeTable = {
      id: String(++this.counter),
      name: `Table${n}`,
      sheetId: sheet.id,
      top: box.top,
      left: box.left,
      rows,
      columns: box.columns,
      showTotals: false,
      style: "TableStyleMedium2",
    };
    this.tables.push(table);
    return table;
  }

  setTotals(table: FakeTable, show: boolean): void {
    if (table.showTotals === show) return;
    const sheet = this.sheetById(table.sheetId) as FakeSheet;
    const row = table.top + table.rows;
    if (show) {
      for (let c = table.left; c < table.left + table.columns; c++) {
        const cell = this.cellAt(sheet, row, c, false);
        // Excel would shift or refuse; the writer must never need either.
        if (cell && cell.kind !== "empty")
          throw officeError("InvalidOperation", "the row below the table is not empty");
      }
      if (
        this.overlaps(
          sheet.id,
          { top: row, left: table.left, rows: 1, columns: table.columns },
          table
        )
      ) {
        throw officeError("InvalidOperation", "the totals row would overlap a table");
      }
      table.showTotals = true;
      // Excel's own totals: a label first, a SUBTOTAL last.
      enter(this, sheet, row, table.left, "Total");
      if (table.columns > 1) {
        const cell = this.cellAt(sheet, row, table.left + table.columns - 1, true) as FakeCell;
        cell.kind = "formula";
        cell.formula = "=SUBTOTAL(109,[Column])";
        cell.value = "";
      }
    } else {
      for (let c = table.left; c < table.left + table.columns; c++) sheet.cells.delete(key(row, c));
      table.showTotals = false;
    }
  }
}

/** Installs a fake workbook as the global `Excel` and returns it. */
export function installFakeExcel(book = new FakeWorkbook()): FakeWorkbook {
  (globalThis as unknown as { Excel: unknown }).Excel = book.excel;
  return book;
}

/**
 * Installs Office.context.requirements for the ExcelApi sets up to `version` (keeping the
 * document settings when they are installed): the writer asks it before freezing panes (1.7)
 * and setting the page layout (1.9).
 */
export function installFakeRequirements(version: string): void {
  const office = ((globalThis as unknown as { Office?: { context?: Record<string, unknown> } })
    .Office ?? {}) as { context?: Record<string, unknown> };
  const minor = (v: string) => Number(v.split(".")[1] ?? 0);
  office.context = {
    ...(office.context ?? {}),
    requirements: {
      isSetSupported: (set: string, wanted = "1.1") =>
        set === "ExcelApi" && minor(wanted) <= minor(version),
    },
  };
  (globalThis as unknown as { Office: unknown }).Office = office;
}

/** Removes the global Office (a test that installed requirements leaves none behind). */
export function removeFakeOffice(): void {
  delete (globalThis as unknown as { Office?: unknown }).Office;
}

/**
 * Installs the common API's document settings (Office.context.document.settings), where the
 * pane keeps its assumptions: plain objects, not proxies to load. Returns the stored values.
 */
export function installFakeOfficeSettings(): Map<string, unknown> {
  const store = new Map<string, unknown>();
  const office = {
    context: {
      document: {
        settings: {
          get: (key: string) => store.get(key) ?? null,
          set: (key: string, value: unknown) => void store.set(key, value),
          saveAsync: (callback: (result: { status: string }) => void) =>
            callback({ status: "succeeded" }),
        },
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  };
  (globalThis as unknown as { Office: unknown }).Office = office;
  return store;
}
