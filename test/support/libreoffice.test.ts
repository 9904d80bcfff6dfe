/**
 * Proves the LibreOffice harness FORCES recalculation: every formula below is written with a
 * deliberately wrong cached value (999), and LibreOffice must return the true value.
 *
 * It also pins which formula forms LibreOffice (7.4, Debian 12) evaluates correctly after an
 * .xlsx round trip — in particular Excel table structured references — because that decides
 * how we write formulas into workbooks that LibreOffice must check.
 *
 * Skipped only when soffice is not installed (set REQUIRE_LIBREOFFICE=1 to fail instead).
 */
import { promises as fsp } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import {
  CellValue,
  RecalculatedWorkbook,
  formulaCells,
  libreOfficeAvailable,
  libreOfficeVersion,
  recalculate,
} from "./libreoffice";

const available = libreOfficeAvailable();
if (!available && process.env.REQUIRE_LIBREOFFICE) {
  throw new Error("REQUIRE_LIBREOFFICE is set but soffice is not on PATH");
}
const describeWithLibreOffice = available ? describe : describe.skip;
const suiteName = available
  ? "LibreOffice recalculation harness"
  : "LibreOffice recalculation harness — SKIPPED: soffice not on PATH " +
    "(apt-get install -y --no-install-recommends libreoffice-calc)";

const WRONG = 999;
const LO_TIMEOUT = 120_000;

/** A formula cell with a deliberately wrong cached value. */
const wrong = (formula: string): ExcelJS.CellFormulaValue => ({ formula, result: WRONG });

interface Case {
  address: string;
  formula: string;
  expected: CellValue;
  why: string;
}

/** Sheet "Calc": forms LibreOffice must evaluate correctly (true values, not 999). */
const WORKING: Case[] = [
  {
    address: "B1",
    formula: "ROUND(Inputs!A1*Inputs!B1,2)",
    expected: 37.04,
    why: "ROUND of a product (12.345*3 = 37.035 rounds up, as in Excel)",
  },
  {
    address: "B2",
    formula: "ROUND(2.675,2)",
    expected: 2.68,
    why: "ROUND half-up on a binary-inexact value, as in Excel",
  },
  { address: "B3", formula: "ROUNDDOWN(Inputs!A1*Inputs!B1,2)", expected: 37.03, why: "ROUNDDOWN" },
  {
    address: "B4",
    formula: 'SUMIFS(Claims!$D$2:$D$100,Claims!$C$2:$C$100,"SSP")',
    expected: 7,
    why: "SUMIFS over plain absolute ranges",
  },
  {
    address: "B5",
    formula: 'SUMIFS(Claims!$D$2:$D$100,Claims!$C$2:$C$100,"CE",Claims!$B$2:$B$100,"Leeds")',
    expected: 11,
    why: "SUMIFS, two criteria, plain ranges",
  },
  {
    address: "B6",
    formula: 'SUMIFS(Claims[Families],Claims[Outcome],"SSP")',
    expected: 7,
    why: "SUMIFS over structured references",
  },
  {
    address: "B7",
    formula: 'SUMIFS(Claims[Families],Claims[Outcome],"CE",Claims[LA],"Leeds")',
    expected: 11,
    why: "SUMIFS, two criteria, structured references",
  },
  {
    address: "B8",
    formula: 'SUMIFS(Claims[Families],Claims[Outcome],"none")',
    expected: 0,
    why: "a zero result survives (exceljs drops falsy results from cell.value)",
  },
  {
    address: "B9",
    formula: 'INDEX(Claims!$D$2:$D$5,MATCH("York",Claims!$B$2:$B$5,0))',
    expected: 7,
    why: "INDEX/MATCH over plain ranges",
  },
  {
    address: "B10",
    formula: "INDEX(Claims[Families],MATCH(3,Claims[Id],0))",
    expected: 11,
    why: "INDEX/MATCH over structured references",
  },
  {
    address: "B11",
    formula: "_xlfn.FORECAST.LINEAR(4,Inputs!B10:B12,Inputs!A10:A12)",
    expected: 124 / 3,
    why: "FORECAST.LINEAR needs the _xlfn. prefix in the file",
  },
  {
    address: "B12",
    formula: "FORECAST(4,Inputs!B10:B12,Inputs!A10:A12)",
    expected: 124 / 3,
    why: "legacy FORECAST (no prefix)",
  },
  { address: "B13", formula: "MIN(Claims!D2:D5)", expected: 2, why: "MIN over a plain range" },
  {
    address: "B14",
    formula: "MAX(Claims[Families])",
    expected: 11,
    why: "MAX over a structured reference",
  },
  { address: "B15", formula: "MIN(Inputs!A1,Inputs!B1,100)", expected: 3, why: "MIN of scalars" },
  {
    address: "B16",
    formula: "'Cash envelope'!B2*2",
    expected: 2501.5,
    why: "cross-sheet reference, quoted sheet name with a space",
  },
  {
    address: "B17",
    formula: "ROUND('Cash envelope'!B2/3,2)",
    expected: 416.92,
    why: "cross-sheet reference inside a function",
  },
  {
    address: "B18",
    formula: "ROUND(Rate*'Cash envelope'!B2,2)",
    expected: 500.3,
    why: "workbook defined name",
  },
  {
    address: "B19",
    formula: "Inputs!A5",
    expected: "=SUM(1,2)",
    why: "reference to text that begins with '=' (written as a string)",
  },
  {
    address: "B20",
    formula: "LEN(Inputs!A5)",
    expected: 9,
    why: "the '=' text is text, not a formula",
  },
  {
    address: "B21",
    formula: 'IF(Inputs!B1>2,"","never")',
    expected: "",
    why: "an empty-string result",
  },
  { address: "B22", formula: "Inputs!B1>2", expected: true, why: "TRUE result" },
  { address: "B23", formula: "Inputs!B1>5", expected: false, why: "FALSE result" },
  { address: "B24", formula: "1/0", expected: "#DIV/0!", why: "error as text" },
  { address: "B25", formula: "MATCH(99,Claims[Id],0)", expected: "#N/A", why: "#N/A as text" },
  {
    address: "B26",
    formula: "DATE(2025,4,1)",
    expected: 45748,
    why: "a date result comes back as its serial number",
  },
  {
    address: "B27",
    formula: '_xlfn.MAXIFS(Claims[Families],Claims[Outcome],"SSP")',
    expected: 5,
    why: "MAXIFS (with _xlfn.)",
  },
  {
    address: "B28",
    formula: '_xlfn.MINIFS(Claims[Families],Claims[Outcome],"SSP")',
    expected: 2,
    why: "MINIFS (with _xlfn.)",
  },
  {
    address: "B29",
    formula: "_xlfn.IFS(Inputs!B1>5,1,Inputs!B1>2,2)",
    expected: 2,
    why: "IFS (with _xlfn.)",
  },
  { address: "B30", formula: "IFERROR(1/0,-1)", expected: -1, why: "IFERROR" },
  {
    address: "B31",
    formula: 'SUMPRODUCT((Claims[Outcome]="CE")*Claims[Families])',
    expected: 18,
    why: "SUMPRODUCT over structured references",
  },
  {
    address: "B32",
    formula: "SUM(Claims[[#Data],[Families]])",
    expected: 25,
    why: "Table[[#Data],[Column]]",
  },
  {
    address: "B33",
    formula: "SUM(Claims[[#All],[Families]])",
    expected: 50,
    why: "Table[[#All],[Column]] (data 25 + totals row 25)",
  },
  {
    address: "B34",
    formula: "COUNTA(Claims[[#Headers],[Outcome]])",
    expected: 1,
    why: "Table[[#Headers],[Column]]",
  },
  {
    address: "B35",
    formula: "Claims[[#Totals],[Families]]",
    expected: 25,
    why: "Table[[#Totals],[Column]]",
  },
  {
    address: "B36",
    formula: "SUM(Claims[[Id]:[Families]])",
    expected: 35,
    why: "column span Table[[A]:[B]] (Id 1..4 + Families 25)",
  },
  {
    address: "B37",
    formula: "SUM(Families[Fee])",
    expected: 27000,
    why: "a column computed with Table[[#This Row],[Column]]",
  },
  {
    address: "B38",
    formula: "SUMPRODUCT(Families[Attached],Families[Fee per family])",
    expected: 27000,
    why: "column names with spaces",
  },
  {
    address: "B39",
    formula: "SUM(Envelope[Amount])",
    expected: 1251.15,
    why: "table on a sheet whose name has a space",
  },
  {
    address: "B40",
    formula: "SUM(claims[families])",
    expected: 25,
    why: "table and column names are case-insensitive",
  },
];

/**
 * Forms LibreOffice 7.4 gets WRONG after the round trip (observed values). On another major
 * version the test only checks that the cell was recalculated.
 */
const LIMITATIONS: Case[] = [
  {
    address: "D1",
    formula: "FORECAST.LINEAR(4,Inputs!B10:B12,Inputs!A10:A12)",
    expected: "#NAME?",
    why: "no _xlfn. prefix (Excel: 41.33)",
  },
  {
    address: "D2",
    formula: 'MAXIFS(Claims[Families],Claims[Outcome],"SSP")',
    expected: "#NAME?",
    why: "no _xlfn. prefix (Excel: 5)",
  },
  {
    address: "D3",
    formula: "ROWS(Claims)",
    expected: 6,
    why: "bare table name = whole table incl. header and totals (Excel: 4)",
  },
  {
    address: "D4",
    formula: "COUNTA(Claims[#All])",
    expected: 1,
    why: "bare special item (Excel: 22)",
  },
  {
    address: "D5",
    formula: "SUM(Claims[#Data])",
    expected: "#NAME?",
    why: "bare special item (Excel: 35)",
  },
  {
    address: "D6",
    formula: "_xlfn.XLOOKUP(3,Claims[Id],Claims[Families])",
    expected: "#NAME?",
    why: "XLOOKUP arrived in LibreOffice 24.8 (Excel: 11)",
  },
  {
    address: "D7",
    formula: "_xlfn.LET(_xlpm.x,2,_xlpm.x*3)",
    expected: "#NAME?",
    why: "LET arrived in LibreOffice 24.8 (Excel: 6)",
  },
  {
    address: "D8",
    formula: "SQRT(-1)",
    expected: "#VALUE!",
    why: "error kind differs (Excel: #NUM!)",
  },
];

/** Sheet "Families": calculated columns, one per way of writing "this row". */
const THIS_ROW_FORMS: { column: string; formula: string; works: boolean; observed7?: CellValue }[] =
  [
    {
      column: "Fee",
      formula: "Families[[#This Row],[Attached]]*Families[[#This Row],[Fee per family]]",
      works: true,
    },
    // Excel shows [@Col] in its UI but stores Table[[#This Row],[Col]] in the file.
    {
      column: "FeeAt",
      formula: "Families[@Attached]*Families[@[Fee per family]]",
      works: false,
      observed7: "#N/A",
    },
    {
      column: "FeeBareAt",
      formula: "[@Attached]*[@[Fee per family]]",
      works: false,
      observed7: "#N/A",
    },
    {
      column: "FeeNoTable",
      formula: "[[#This Row],[Attached]]*[[#This Row],[Fee per family]]",
      works: false,
      observed7: "#N/A",
    },
  ];

const FAMILIES: [string, number, number][] = [
  ["Leeds", 10, 800],
  ["York", 20, 800],
  ["Hull", 3, 1000],
];

async function buildWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const calc = workbook.addWorksheet("Calc");

  const inputs = workbook.addWorksheet("Inputs");
  inputs.getCell("A1").value = 12.345;
  inputs.getCell("B1").value = 3;
  inputs.getCell("A5").value = "=SUM(1,2)"; // a STRING that looks like a formula
  [1, 2, 3].forEach((x, i) => (inputs.getCell(`A${10 + i}`).value = x));
  [10, 20, 31].forEach((y, i) => (inputs.getCell(`B${10 + i}`).value = y));

  const envelope = workbook.addWorksheet("Cash envelope");
  envelope.getCell("A2").value = "Envelope";
  envelope.getCell("B2").value = 1250.75;
  envelope.getCell("A3").value = "Rate";
  envelope.getCell("B3").value = 0.4;
  workbook.definedNames.add("'Cash envelope'!$B$3", "Rate");
  envelope.addTable({
    name: "Envelope",
    ref: "D1",
    columns: [{ name: "Item" }, { name: "Amount" }],
    rows: [
      ["Attachment fees", 1000.4],
      ["Results", 250.75],
    ],
  });

  const claims = workbook.addWorksheet("Claims");
  claims.addTable({
    name: "Claims",
    ref: "A1",
    headerRow: true,
    totalsRow: true,
    columns: [
      { name: "Id", totalsRowLabel: "Total" },
      { name: "LA" },
      { name: "Outcome" },
      { name: "Families", totalsRowFunction: "sum" }, // exceljs writes SUBTOTAL(109,Claims[Families])
    ],
    rows: [
      [1, "Leeds", "SSP", 5],
      [2, "York", "CE", 7],
      [3, "Leeds", "CE", 11],
      [4, "Hull", "SSP", 2],
    ],
  });

  const families = workbook.addWorksheet("Families");
  families.addTable({
    name: "Families",
    ref: "A1",
    columns: [
      { name: "LA" },
      { name: "Attached" },
      { name: "Fee per family" },
      ...THIS_ROW_FORMS.map((form) => ({ name: form.column })),
    ],
    rows: FAMILIES.map(([la, attached, fee]) => [
      la,
      attached,
      fee,
      ...THIS_ROW_FORMS.map((form) => wrong(form.formula)),
    ]),
  });

  for (const c of [...WORKING, ...LIMITATIONS]) {
    calc.getCell(c.address).value = wrong(c.formula);
  }
  await workbook.xlsx.writeFile(file);
}

/**
 * 1,000 ledger rows, each with two formulas, all with wrong cached values. Claim =
 * ROUND(families * fee * 0.3745, 2): fee 812.50 gives exact half pennies when families is 4 or 12.
 */
const LEDGER_ROWS = 1000;
const ledgerFamilies = (i: number): number => (i % 17) + 1;
const ledgerFeePence = (i: number): number => (i % 3 === 0 ? 100_000 : 81_250);
const ledgerRate = 0.3745;
/** The exact claim in pence, rounded half up, in integer arithmetic. */
const ledgerClaimPence = (i: number): number =>
  Math.floor((ledgerFamilies(i) * ledgerFeePence(i) * 3745 + 5000) / 10_000);

async function buildLedger(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Ledger");
  sheet.getRow(1).values = ["Id", "Families", "Fee", "Claim", "Running total"];
  sheet.getCell("F1").value = "Rate";
  sheet.getCell("G1").value = ledgerRate;
  for (let i = 1; i <= LEDGER_ROWS; i++) {
    const r = i + 1;
    sheet.getCell(`A${r}`).value = i;
    sheet.getCell(`B${r}`).value = ledgerFamilies(i);
    sheet.getCell(`C${r}`).value = ledgerFeePence(i) / 100;
    sheet.getCell(`D${r}`).value = wrong(`ROUND(B${r}*C${r}*$G$1,2)`);
    sheet.getCell(`E${r}`).value = wrong(i === 1 ? `D${r}` : `E${r - 1}+D${r}`);
  }
  sheet.getCell("G2").value = wrong(`SUMIFS(D2:D${LEDGER_ROWS + 1},C2:C${LEDGER_ROWS + 1},1000)`);
  await workbook.xlsx.writeFile(file);
}

/** Money to the penny: LibreOffice writes 15 significant digits. */
function expectPenny(actual: CellValue, expected: number, label: string): void {
  if (typeof actual !== "number" || Math.abs(actual - expected) >= 0.005) {
    throw new Error(`${label}: LibreOffice ${JSON.stringify(actual)}, expected ${expected}`);
  }
}

function expectValue(actual: CellValue, expected: CellValue, label: string): void {
  if (typeof expected === "number") {
    expect(typeof actual).toBe("number");
    if (Math.abs((actual as number) - expected) > 1e-9 * Math.max(1, Math.abs(expected))) {
      throw new Error(`${label}: LibreOffice ${JSON.stringify(actual)}, expected ${expected}`);
    }
  } else {
    expect({ label, actual }).toEqual({ label, actual: expected });
  }
}

describeWithLibreOffice(suiteName, () => {
  let dir: string;
  let file: string;
  let lo: RecalculatedWorkbook;
  const major = Number((libreOfficeVersion() ?? "0").split(".")[0]);

  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), "lo-harness-test-"));
    file = path.join(dir, "wrong cached values.xlsx"); // a space in the path on purpose
    await buildWorkbook(file);
    lo = await recalculate(file);
  }, LO_TIMEOUT);

  afterAll(async () => {
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
  });

  it("the workbook really carries the wrong cached values", async () => {
    const cells = await formulaCells(file);
    const calc = cells.filter((c) => c.sheet === "Calc");
    expect(calc).toHaveLength(WORKING.length + LIMITATIONS.length);
    const planted = cells.filter((c) => c.sheet === "Calc" || c.sheet === "Families");
    expect(planted).toHaveLength(calc.length + THIS_ROW_FORMS.length * FAMILIES.length);
    for (const c of planted) {
      const at = `${c.sheet}!${c.address}`;
      expect({ at, cached: c.cachedResult }).toEqual({ at, cached: WRONG });
    }
    expect(calc.find((c) => c.address === "B1")).toEqual({
      sheet: "Calc",
      address: "B1",
      row: 1,
      col: 2,
      formula: "ROUND(Inputs!A1*Inputs!B1,2)",
      cachedResult: WRONG,
      array: false,
    });
    // exceljs writes the table's totals row formula itself.
    const totals = cells.filter((c) => c.sheet === "Claims");
    expect(totals.map((c) => [c.address, c.formula])).toEqual([
      ["D6", "SUBTOTAL(109,Claims[Families])"],
    ]);
  });

  it("keeps every sheet and lists the formula cells", () => {
    expect(lo.sheetNames).toEqual(["Calc", "Inputs", "Cash envelope", "Claims", "Families"]);
    expect([...lo.sheet("Calc").formulas.keys()].sort()).toEqual(
      [...WORKING, ...LIMITATIONS].map((c) => c.address).sort()
    );
    expect(lo.sheet("Calc").formulas.get("B6")).toBe(
      'SUMIFS(Claims[Families],Claims[Outcome],"SSP")'
    );
    expect(lo.sheet("Claims").formulas.get("D6")).toBe("SUBTOTAL(109,Claims[Families])");
    expect(lo.value("Inputs", "$a$5")).toBe("=SUM(1,2)");
    expect(lo.value("Inputs", "Z99")).toBeNull();
    expect(() => lo.sheet("Nope")).toThrow(/no sheet "Nope".*Calc, Inputs/);
  });

  it.each(WORKING)("$address $formula → $expected ($why)", ({ address, formula, expected }) => {
    const actual = lo.value("Calc", address);
    expect(actual).not.toBe(WRONG);
    expectValue(actual, expected, `Calc!${address} =${formula}`);
  });

  it("table totals row written by exceljs: SUBTOTAL(109,Claims[Families])", () => {
    expect(lo.value("Claims", "D6")).toBe(25);
  });

  it.each(THIS_ROW_FORMS)(
    "calculated column $column = $formula (works: $works)",
    ({ column, works, observed7 }) => {
      const index = THIS_ROW_FORMS.findIndex((f) => f.column === column);
      const col = String.fromCharCode("D".charCodeAt(0) + index);
      FAMILIES.forEach(([, attached, fee], i) => {
        const actual = lo.value("Families", `${col}${i + 2}`);
        expect(actual).not.toBe(WRONG);
        if (works) expect(actual).toBe(attached * fee);
        else if (major === 7) expect(actual).toBe(observed7);
      });
    }
  );

  it.each(LIMITATIONS)(
    "LibreOffice 7.x gets $formula wrong: $expected ($why)",
    ({ address, expected }) => {
      const actual = lo.value("Calc", address);
      expect(actual).not.toBe(WRONG);
      if (major === 7) expect(actual).toBe(expected);
    }
  );

  it(
    "control: without forcing, LibreOffice keeps the wrong cached values",
    async () => {
      const cached = await recalculate(file, { forceRecalc: false });
      expect(cached.value("Calc", "B1")).toBe(WRONG);
      expect(cached.value("Calc", "B16")).toBe(WRONG);
    },
    LO_TIMEOUT
  );

  it(
    "parallel calls do not interfere (one profile per call)",
    async () => {
      const [a, b] = await Promise.all([recalculate(file), recalculate(file)]);
      for (const c of WORKING) {
        expect(a.value("Calc", c.address)).toEqual(lo.value("Calc", c.address));
        expect(b.value("Calc", c.address)).toEqual(lo.value("Calc", c.address));
      }
    },
    LO_TIMEOUT
  );

  it(
    "rejects clearly: missing file, a file that is not xlsx, a timeout",
    async () => {
      await expect(recalculate(path.join(dir, "missing.xlsx"))).rejects.toThrow(/no such workbook/);
      const text = path.join(dir, "text.xlsx");
      await fsp.writeFile(text, "Id,Families\n1,5\n");
      await expect(recalculate(text)).rejects.toThrow(
        /LibreOffice did not recalculate .*no output file/s
      );
      await expect(recalculate(file, { timeoutMs: 50 })).rejects.toThrow(/timed out after 50 ms/);
    },
    LO_TIMEOUT
  );

  it(
    `every computed cell of a ${LEDGER_ROWS}-row ledger matches to the penny`,
    async () => {
      const ledger = path.join(dir, "ledger.xlsx");
      await buildLedger(ledger);
      const cells = await formulaCells(ledger);
      expect(cells).toHaveLength(2 * LEDGER_ROWS + 1);
      const recalculated = await recalculate(ledger);

      const expected = new Map<string, number>();
      let running = 0;
      let fees1000 = 0;
      let halfPennies = 0;
      for (let i = 1; i <= LEDGER_ROWS; i++) {
        const pence = ledgerClaimPence(i);
        if ((ledgerFamilies(i) * ledgerFeePence(i) * 3745) % 10_000 === 5000) halfPennies++;
        running += pence;
        if (ledgerFeePence(i) === 100_000) fees1000 += pence;
        expected.set(`D${i + 1}`, pence / 100);
        expected.set(`E${i + 1}`, running / 100);
      }
      expected.set("G2", fees1000 / 100);
      expect(halfPennies).toBeGreaterThan(50);

      for (const cell of cells) {
        const want = expected.get(cell.address);
        if (want === undefined) throw new Error(`no expectation for ${cell.address}`);
        expectPenny(
          recalculated.value(cell.sheet, cell.address),
          want,
          `${cell.sheet}!${cell.address} =${cell.formula}`
        );
      }
    },
    LO_TIMEOUT
  );
});
