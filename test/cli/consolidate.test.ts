import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { Decimal } from "../../src/engine/money";
import { writePlan } from "../../src/cli/xlsx-writer";
import { PlanSheet } from "../../src/workbook/plan-types";
import { builtCli } from "../support/cli";
import { CellEdit, textInCount } from "../support/faults";
import { libreOfficeAvailable, recalculate } from "../support/libreoffice";
import { AuthorityInput, authoritySheets, nationalInputs } from "../support/national";
import { popplerAvailable, renderSheet } from "../support/render";

/**
 * `tf-funding consolidate` over generated authorities written as real .xlsx files: each row is
 * what `tf-funding tables --json` reports for that workbook alone, the totals are their sum to
 * the penny, LibreOffice recalculates the written formulas to the same figures, and a workbook
 * that cannot be read stops the run (or, with --keep-going, is listed and left out).
 */
const cli = builtCli("consolidate", 120_000);
const { tf, file } = cli;
const withLibreOffice = libreOfficeAvailable() ? it : it.skip;
const withRendering = libreOfficeAvailable() && popplerAvailable() ? it : it.skip;
const ARTIFACTS = path.join(__dirname, "..", "..", "test-artifacts", "consolidate");

const national = nationalInputs(15, { authorities: 4, claimRows: 6000 });
/** The second authority names itself in its Assumptions table; the others go by file name. */
const NAMED = "Northtown Metropolitan Borough Council";
national[1] = {
  ...national[1],
  assumptions: [...national[1].assumptions, ["Authority", NAMED]],
};
const FILES = ["barnsley-area.xlsx", "northtown.xlsx", "southvale.xlsx", "westmoor.xlsx"];

async function writeAuthority(target: string, sheets: PlanSheet[], edits: CellEdit[] = []) {
  const workbook = new ExcelJS.Workbook();
  writePlan(workbook, { sheets, names: {}, summary: undefined as never });
  for (const { sheet, cell, value } of edits)
    workbook.getWorksheet(sheet)!.getCell(cell).value = value;
  await workbook.xlsx.writeFile(target);
  return target;
}

const region = () => file("region");
const inRegion = (name: string) => path.join(region(), name);

interface Figures {
  cohort: number;
  funded: number;
  envelope: number;
  secured: number;
  atRisk: number;
  claimedToDate: number;
  forecastToEnd: number;
  stillAtRisk: number;
  turnedAroundShare: number | null;
}
const MONEY = [
  "envelope",
  "secured",
  "atRisk",
  "claimedToDate",
  "forecastToEnd",
  "stillAtRisk",
] as const;

/** Each workbook's own `tables --json`, as a user would get it for that authority alone. */
const own = new Map<string, Figures & { framework: string }>();

function json(...args: string[]) {
  const result = tf(...args, "--json");
  if (result.status !== 0) throw new Error(`tf-funding ${args.join(" ")}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

beforeAll(async () => {
  cli.build();
  fs.mkdirSync(region(), { recursive: true });
  for (const [i, name] of FILES.entries())
    await writeAuthority(inRegion(name), authoritySheets(national[i]));
  // Excel's lock file of an open workbook sits beside it: never read as an authority.
  fs.writeFileSync(inRegion("~$northtown.xlsx"), "lock");
  for (const name of FILES) own.set(name, json("tables", inRegion(name), "-o", file(`t-${name}`)));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
}, 300_000);

afterAll(() => cli.remove());

const pennySum = (values: number[]) =>
  values
    .reduce((t, v) => t.plus(v), new Decimal(0))
    .toDecimalPlaces(2)
    .toNumber();

describe("tf-funding consolidate over a folder of authority workbooks", () => {
  let result: ReturnType<typeof json>;
  const out = () => file("region.xlsx");

  beforeAll(() => {
    result = json("consolidate", region(), "-o", out());
  }, 120_000);

  it("has one row per workbook, in file-name order, named by the Authority setting or the file", () => {
    expect(result.authorities.map((a: { file: string }) => path.basename(a.file))).toEqual(FILES);
    expect(result.authorities.map((a: { name: string }) => a.name)).toEqual([
      "barnsley-area",
      NAMED,
      "southvale",
      "westmoor",
    ]);
    expect(result.notIncluded).toEqual([]);
    expect(result.out).toBe(out());
  });

  it("gives each authority exactly the figures tables --json gives it alone", () => {
    for (const row of result.authorities) {
      const alone = own.get(path.basename(row.file))!;
      expect(row.framework).toBe(alone.framework);
      for (const key of [...MONEY, "cohort", "funded", "turnedAroundShare"] as const)
        expect([key, row[key]]).toEqual([key, alone[key]]);
    }
  });

  it("totals the authorities' own tables figures to the penny", () => {
    const alone = FILES.map((name) => own.get(name)!);
    for (const key of [...MONEY, "cohort", "funded"] as const)
      expect([key, result.totals[key]]).toEqual([key, pennySum(alone.map((a) => a[key]))]);
    // The whole region's share: all families turned around over the whole cohort.
    const turned = alone.reduce(
      (t, a) => t.plus(new Decimal(a.turnedAroundShare!).times(a.cohort)),
      new Decimal(0)
    );
    expect(result.totals.turnedAroundShare).toBeCloseTo(
      turned.div(result.totals.cohort).toNumber(),
      12
    );
    expect(result.totals.turnedAround).toBe(
      pennySum(result.authorities.map((a: { turnedAround: number }) => a.turnedAround))
    );
  });

  it("ranks the authorities by turned-around share", () => {
    const shares = result.authorities.map((a: Figures) => a.turnedAroundShare!);
    const ranks = shares.map((s: number) => 1 + shares.filter((o: number) => o > s).length);
    expect(result.authorities.map((a: { rank: number }) => a.rank)).toEqual(ranks);
    expect([...ranks].sort()).toEqual([1, 2, 3, 4]);
  });

  withLibreOffice(
    "LibreOffice recalculates the shares, ranks and totals to the same figures",
    async () => {
      const book = await recalculate(out());
      const sheet = book.sheet("Consolidated");
      const close = (address: string, expected: number) => {
        const value = sheet.value(address);
        expect([address, typeof value]).toEqual([address, "number"]);
        expect(Math.abs((value as number) - expected)).toBeLessThan(0.005);
      };
      result.authorities.forEach((row: Figures & { rank: number; name: string }, i: number) => {
        const r = 6 + i;
        expect(sheet.value(`A${r}`)).toBe(row.name);
        close(`F${r}`, row.envelope);
        expect(Math.abs((sheet.value(`K${r}`) as number) - row.turnedAroundShare!)).toBeLessThan(
          1e-12
        );
        expect(sheet.value(`N${r}`)).toBe(row.rank);
      });
      const t = result.totals;
      expect(sheet.value("A10")).toBe("Total");
      close("D10", t.cohort);
      close("E10", t.funded);
      close("F10", t.envelope);
      close("G10", t.secured);
      close("H10", t.atRisk);
      close("I10", t.claimedToDate);
      close("J10", t.turnedAround);
      close("L10", t.forecastToEnd);
      close("M10", t.stillAtRisk);
      expect(Math.abs((sheet.value("K10") as number) - t.turnedAroundShare)).toBeLessThan(1e-12);
      // The formulas are live: SUM and RANK, as written.
      expect(sheet.formulas.get("F10")).toBe("SUM(F6:F9)");
      expect(sheet.formulas.get("N6")).toMatch(/RANK\(K6,\$K\$6:\$K\$9\)/);
    },
    180_000
  );

  withRendering(
    "prints on one page wide with its totals and charts (test-artifacts/consolidate)",
    async () => {
      const printed = await renderSheet(out(), "Regional consolidation", ARTIFACTS, "region", 80);
      expect(printed.pages).toBe(1);
      const text = printed.text[0];
      expect(text).toContain(NAMED);
      expect(text).toContain(`£${Math.round(result.totals.envelope).toLocaleString("en-GB")}`);
      expect(text).toContain("Cash envelope by authority: secured and at risk");
      expect(text).toContain("Families by authority: cohort and turned around");
      expect(fs.statSync(printed.images[0]).size).toBeGreaterThan(10_000);
    },
    180_000
  );

  it("does not read its own earlier output from the folder", () => {
    const inside = inRegion("region.xlsx");
    json("consolidate", region(), "-o", inside);
    const again = json("consolidate", region(), "-o", inside, "--force");
    expect(again.authorities).toHaveLength(4);
    expect(again.totals).toEqual(result.totals);
    fs.rmSync(inside);
  });
});

describe("tf-funding consolidate with a workbook that cannot be read", () => {
  const good = () => FILES.slice(0, 3).map(inRegion);
  const bad = () => file("bad.xlsx");
  const notXlsx = () => file("notes.xlsx");
  const out = () => file("with-bad.xlsx");
  const fault = () => textInCount(national[3], 40, "twelve");

  beforeAll(async () => {
    const f = fault();
    await writeAuthority(bad(), f.sheets, f.edits);
    fs.writeFileSync(notXlsx(), "authority,cohort\nEastfield,700\n");
  }, 120_000);

  it("without --keep-going: each bad file by sheet and cell, status 2, nothing written", () => {
    const { stdout, stderr, status } = tf("consolidate", ...good(), bad(), notXlsx(), "-o", out());
    expect(status).toBe(2);
    expect(stdout).toBe("");
    const { cell, reason } = fault().expected;
    expect(stderr).toBe(
      `tf-funding: ${bad()} cannot be used:\n  Claims!${cell}: ${reason}\n` +
        `${notXlsx()} cannot be used:\n  ${notXlsx()} is not an Excel workbook (.xlsx): save it from Excel as "Excel Workbook (*.xlsx)".\n` +
        "nothing was written: fix them, or give --keep-going to consolidate the others.\n"
    );
    expect(fs.existsSync(out())).toBe(false);
    expect(fs.readdirSync(cli.files).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("with --keep-going: the others consolidated, the bad ones listed on stderr and the sheet", async () => {
    const { stdout, stderr, status } = tf(
      "consolidate",
      ...good(),
      bad(),
      "-o",
      out(),
      "--keep-going",
      "--json"
    );
    expect(status).toBe(0);
    const { cell, reason } = fault().expected;
    expect(stderr).toBe(`tf-funding: not included: ${bad()}:\n  Claims!${cell}: ${reason}\n`);
    const result = JSON.parse(stdout);
    expect(result.notIncluded).toEqual([{ file: bad(), problems: [`Claims!${cell}: ${reason}`] }]);
    expect(result.authorities).toHaveLength(3);
    const alone = FILES.slice(0, 3).map((name) => own.get(name)!);
    for (const key of MONEY) expect(result.totals[key]).toBe(pennySum(alone.map((a) => a[key])));

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out());
    const sheet = book.getWorksheet("Consolidated")!;
    expect(sheet.getCell("A9").value).toBe("Total");
    expect(sheet.getCell("A11").value).toBe("Not included (these workbooks could not be read)");
    expect(sheet.getCell("A12").value).toBe("bad.xlsx");
    expect(sheet.getCell("B6").value).toBe(FILES[0]);
    expect(sheet.getCell("B12").value).toBe(`Claims!${cell}: ${reason}`);
  });

  it("refuses an OUT that is one of the workbooks, given or in a folder, however spelt", () => {
    const target = inRegion(FILES[0]);
    const before = fs.readFileSync(target);
    const spelt = path.join(region(), ".", FILES[0]);
    for (const args of [[region()], [...good(), bad()]]) {
      const { stdout, stderr, status } = tf("consolidate", ...args, "-o", spelt, "--force");
      expect(status).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toContain(`-o ${spelt} is the input workbook`);
      expect(fs.readFileSync(target).equals(before)).toBe(true);
    }
  });

  it("with every workbook bad, --keep-going writes nothing", () => {
    const { stderr, status } = tf("consolidate", bad(), "-o", out(), "--keep-going", "--force");
    expect(status).toBe(2);
    expect(stderr).toContain("no workbook could be read, so nothing was written.");
  });
});

describe("tf-funding consolidate: many workbooks, help", () => {
  it("says how far it has got on stderr when there are many workbooks", async () => {
    const many = file("many");
    fs.mkdirSync(many);
    const small: AuthorityInput[] = nationalInputs(5, { authorities: 26, claimRows: 1300 });
    for (const [i, authority] of small.entries())
      await writeAuthority(
        path.join(many, `la-${String(i + 1).padStart(2, "0")}.xlsx`),
        authoritySheets(authority)
      );
    const { stdout, stderr, status } = tf("consolidate", many, "-o", file("many.xlsx"));
    expect(status).toBe(0);
    expect(stderr.split("\n").filter(Boolean)).toEqual([
      `Reading 1 of 26: ${path.join(many, "la-01.xlsx")}…`,
      `Reading 26 of 26: ${path.join(many, "la-26.xlsx")}…`,
      `Writing ${file("many.xlsx")}…`,
    ]);
    expect(stdout).toMatch(/^Authorities: {10}26\n/);
    expect(stdout).toContain(`Consolidated workbook written to ${file("many.xlsx")}`);
  }, 120_000);

  it("has its own help, and is listed in the overview", () => {
    const help = tf("consolidate", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: tf-funding consolidate A\.xlsx B\.xlsx/);
    expect(help.stdout).toContain("--keep-going");
    expect(tf("--help").stdout).toContain("tf-funding consolidate A.xlsx B.xlsx");
    const usage = tf("consolidate", "-o", file("x.xlsx"));
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("usage: tf-funding consolidate");
  });
});
