import crypto from "crypto";
import fs from "fs";
import { spawn, spawnSync } from "child_process";
import { builtCli } from "../support/cli";
import { editPart, setNumber, withEntities, zipBomb } from "../fixtures/hostile";

/**
 * Issue 11's hostile inputs through the built command line, each in a child process under a
 * 1 GB heap: the answer (exit status, and the cell or part named), in bounded time, IN unchanged
 * byte for byte, OUT either absent or a complete new workbook, and no stray files beside them.
 * Each workbook is made from the sample by test/fixtures/hostile.ts. Time and memory are
 * measured in `npm run bench -- hostile`; here they are bounds, loosely.
 * Other classes are held in their own suites: file-safety (read-only and private OUT, signals,
 * FIFOs and devices), huge-inputs (column XFD, stretched tables), bad-files (not a workbook,
 * .xls, encrypted), write-file (OUT = IN by any path, missing folders), field-workbooks (headers
 * over two rows), whole-column (ranges of 1,048,576 rows in the functions).
 */
const cli = builtCli("hostile", 60_000);
const { file } = cli;
let sample: Buffer;

beforeAll(() => {
  cli.build();
  const made = cli.tf("sample", file("sample.xlsx"));
  expect(made.status).toBe(0);
  sample = fs.readFileSync(file("sample.xlsx"));
  fs.rmSync(file("sample.xlsx"));
}, 120_000);

afterAll(() => cli.remove());

const sha = (path: string) =>
  crypto.createHash("sha256").update(fs.readFileSync(path)).digest("hex");

/** `tables IN -o OUT` on the workbook made, with what the run left behind. */
function attack(name: string, workbook: Buffer) {
  const input = file(`${name}.xlsx`);
  const out = file(`${name}-out.xlsx`);
  fs.writeFileSync(input, workbook);
  const before = sha(input);
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    ["--max-old-space-size=1024", cli.bin, "tables", input, "-o", out, "--json"],
    { encoding: "utf8", timeout: 60_000 }
  );
  const seconds = (Date.now() - started) / 1000;
  const left = fs
    .readdirSync(cli.files)
    .filter((f) => f !== `${name}.xlsx` && f !== `${name}-out.xlsx`);
  const result = {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    seconds,
    inUnchanged: sha(input) === before,
    out: fs.existsSync(out) ? fs.readFileSync(out) : undefined,
    strays: left,
  };
  fs.rmSync(input);
  fs.rmSync(out, { force: true });
  return result;
}

type Attack = ReturnType<typeof attack>;

function refused(run: Attack, said: RegExp) {
  expect(run.status).toBe(2);
  // With --json the refusal is one line of JSON on stdout: {"error": "file", "message": …}.
  const message = (JSON.parse(run.stdout) as { message: string }).message;
  expect(message).toMatch(said);
  expect(`${message}${run.stderr}`).not.toMatch(/\n\s+at |heap out of memory/);
  expect(run.out).toBeUndefined();
}

function read(run: Attack) {
  expect(run.stderr.split("\n").filter((l) => l && !l.startsWith("tf-funding: note: "))).toEqual(
    []
  );
  expect(run.status).toBe(0);
  // A complete workbook: a zip whose end record is there, with the generated sheets.
  expect(run.out?.subarray(0, 2).toString()).toBe("PK");
  expect(run.out?.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))).toBeGreaterThan(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

afterEach(() => {
  // Nothing but IN and OUT is ever left in the folder, whatever the run did.
  expect(fs.readdirSync(cli.files)).toEqual([]);
});

describe("a small file that expands without bound", () => {
  it.each([
    ["xl/sharedStrings.xml", "shared strings"],
    ["xl/worksheets/sheet2.xml", "the Claims sheet"],
  ])("a zip bomb in %s (%s: 600 MB from 600 KB) is refused by name, at once", (part) => {
    const run = attack("bomb", zipBomb(sample, part, 600));
    refused(run, new RegExp(`its part ${part.replace(/\//g, "\\/")} would expand to 600 MB`));
    expect(run.inUnchanged).toBe(true);
    expect(run.strays).toEqual([]);
    expect(run.seconds).toBeLessThan(20);
  });

  it("a zip bomb that declares its part's old size is stopped where the inflating passes it", () => {
    const run = attack("lying", zipBomb(sample, "xl/sharedStrings.xml", 600, true));
    refused(run, /a part inflates past the size the file declares for it \(a zip bomb/);
    expect(run.inUnchanged).toBe(true);
    expect(run.seconds).toBeLessThan(20);
  });

  it("a part just under the limit (250 MB of padding) is read, within the time and heap bounds", () => {
    const run = attack("padded", zipBomb(sample, "xl/sharedStrings.xml", 250));
    expect(read(run).claimedToDate).toBe(357800);
    expect(run.inUnchanged).toBe(true);
    expect(run.seconds).toBeLessThan(20);
  }, 60_000);

  it("billion laughs in the shared strings are never expanded", () => {
    const laughs =
      '<!ENTITY lol "lol">' +
      Array.from({ length: 9 }, (_, i) => {
        const prev = i === 0 ? "lol" : `lol${i}`;
        return `<!ENTITY lol${i + 1} "${`&${prev};`.repeat(10)}">`;
      }).join("");
    const run = attack("laughs", withEntities(sample, laughs, "&lol9;"));
    refused(run, /declares XML entities of its own \(a DOCTYPE\)/);
    expect(run.stdout).not.toMatch(/lollollol/);
    expect(run.inUnchanged).toBe(true);
    expect(run.seconds).toBeLessThan(20);
  });

  it("an external entity is never fetched: the file's text is not in the output", () => {
    const secret = file("secret.txt");
    fs.writeFileSync(secret, "TOP-SECRET-PAYLOAD");
    const run = attack(
      "xxe",
      withEntities(sample, `<!ENTITY xxe SYSTEM "file://${secret}">`, "&xxe;")
    );
    fs.rmSync(secret);
    refused(run, /declares XML entities of its own/);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/TOP-SECRET/);
  });
});

describe("values past the engine's limits, from cells: refused by cell, never written", () => {
  it.each([
    ["20 million families attached", "xl/worksheets/sheet1.xml", "C5", "20000000", /Families!C5\b/],
    ["1e308 families in the cohort", "xl/worksheets/sheet1.xml", "B5", "1E+308", /Families!B5\b/],
    ["a £2 trillion claim", "xl/worksheets/sheet2.xml", "D5", "2000000000000", /Claims!D5\b/],
    [
      "a count of 1e308 families claimed",
      "xl/worksheets/sheet2.xml",
      "C5",
      "1E+308",
      /Claims!C5\b/,
    ],
  ])("%s (%s %s)", (_, part, cell, value, said) => {
    const run = attack("limit", setNumber(sample, part, cell, value));
    refused(run, said);
    expect(run.stderr).not.toMatch(/Infinity|NaN|∞/);
    expect(run.inUnchanged).toBe(true);
  });

  it("a negative zero amount is a zero, not a negative", () => {
    const claims = "xl/worksheets/sheet2.xml";
    const zero = read(attack("zero", setNumber(sample, claims, "D5", "0")));
    const run = attack("minus-zero", setNumber(sample, claims, "D5", "-0"));
    // 58 families claimed for £0 in D5, where the sample leaves the £ to the rates (58 × £700).
    expect(zero.claimedToDate).toBe(357800 - 58 * 700);
    expect(read(run).claimedToDate).toBe(zero.claimedToDate);
    expect(run.stderr).not.toMatch(/negative/);
  });
});

describe("odd but valid workbooks are read", () => {
  it.each(["Claims [2014-15]", "[1]Claims", "Claims (v2) & notes", "Claims' log"])(
    "a sheet named %s",
    (name) => {
      const xmlName = name.replace(/&/g, "&amp;").replace(/'/g, "&apos;");
      const quoted = xmlName.replace(/&apos;/g, "&apos;&apos;");
      const workbook = editPart(sample, "xl/workbook.xml", (xml) =>
        xml
          .replace('name="Claims"', `name="${xmlName}"`)
          .replace(/&apos;Claims&apos;!/g, `&apos;${quoted}&apos;!`)
      );
      const run = attack("named", workbook);
      expect(read(run).claimedToDate).toBe(357800);
      expect(run.inUnchanged).toBe(true);
    }
  );
});

describe("two writers at once", () => {
  it("four runs writing the same OUT together leave one complete workbook and no temporaries", async () => {
    const input = file("shared.xlsx");
    const out = file("shared-out.xlsx");
    fs.writeFileSync(input, sample);
    const before = sha(input);
    const runs = await Promise.all(
      Array.from(
        { length: 4 },
        () =>
          new Promise<number | null>((resolve) =>
            spawn(process.execPath, [cli.bin, "tables", input, "-o", out, "--force"], {
              stdio: "ignore",
            }).on("exit", resolve)
          )
      )
    );
    expect(runs).toEqual([0, 0, 0, 0]);
    expect(sha(input)).toBe(before);
    expect(fs.readdirSync(cli.files).sort()).toEqual(["shared-out.xlsx", "shared.xlsx"]);
    // The survivor is a whole workbook: its summary reads back as the sample's.
    const again = cli.tf("tables", out, "-o", file("again.xlsx"), "--json");
    expect(JSON.parse(again.stdout).claimedToDate).toBe(357800);
    for (const name of ["shared.xlsx", "shared-out.xlsx", "again.xlsx"]) fs.rmSync(file(name));
  }, 60_000);
});
