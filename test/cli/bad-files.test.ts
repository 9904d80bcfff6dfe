import fs from "fs";
import path from "path";
import { builtCli } from "../support/cli";
import { zip } from "../support/zip";

/**
 * Files that are not usable workbooks, through the built command line in a child process: each
 * gets one line saying what is wrong, exit status 2, and no OUT file.
 */
const cli = builtCli("bad-files");
const { tf, file } = cli;

beforeAll(() => {
  cli.build();
  expect(tf("sample", file("good.xlsx")).status).toBe(0);
}, 120000);

afterAll(() => cli.remove());

const good = () => fs.readFileSync(file("good.xlsx"));

const cases: [string, () => string, RegExp][] = [
  ["a missing file", () => file("nowhere.xlsx"), /nowhere\.xlsx does not exist\.$/],
  ["a folder", () => (fs.mkdirSync(file("folder.xlsx")), file("folder.xlsx")), /is a folder/],
  ["an empty file", () => write("empty.xlsx", ""), /empty\.xlsx is empty, not an Excel workbook/],
  [
    "a CSV file renamed .xlsx",
    () => write("notes.xlsx", "year,families\n2012/13,705\n"),
    /notes\.xlsx is not an Excel workbook \(\.xlsx\): save it from Excel as "Excel Workbook \(\*\.xlsx\)"\.$/,
  ],
  ["a PDF", () => write("report.xlsx", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), /report\.xlsx is a PDF/],
  [
    "an Excel 97-2003 workbook",
    () => write("old.xlsx", Buffer.from("d0cf11e0a1b11ae1000000000000", "hex")),
    /old\.xlsx is an Excel 97-2003 \(\.xls\) or password-protected workbook/,
  ],
  [
    "a zip archive that is not a workbook",
    () => write("archive.xlsx", zip({ "readme.txt": "not a workbook" })),
    /archive\.xlsx is a zip archive but not an Excel workbook/,
  ],
  [
    "a truncated workbook",
    () => write("truncated.xlsx", good().subarray(0, Math.floor(good().length / 2))),
    /truncated\.xlsx could not be read as an Excel workbook \(it may be damaged or truncated/,
  ],
  [
    "a damaged workbook",
    () => {
      const bytes = Buffer.from(good());
      for (let i = 200; i < 2000; i++) bytes[i] ^= 0x5a;
      return write("damaged.xlsx", bytes);
    },
    /damaged\.xlsx could not be read as an Excel workbook/,
  ],
];

function write(name: string, content: string | Buffer): string {
  fs.writeFileSync(file(name), content);
  return file(name);
}

describe("tf-funding tables on a file that is not a usable workbook", () => {
  it.each(cases)("%s: one line, exit status 2, no OUT", (_name, make, message) => {
    const input = make();
    const out = file(`${path.basename(input)}.out.xlsx`);
    const { stdout, stderr, status } = tf("tables", input, "-o", out);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^tf-funding: /);
    expect(lines[0]).toMatch(message);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(file("")).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("says it as JSON with --json", () => {
    const { stdout, status } = tf(
      "tables",
      write("csv.xlsx", "a,b\n"),
      "-o",
      file("x.xlsx"),
      "--json"
    );
    expect(status).toBe(2);
    expect(JSON.parse(stdout)).toEqual({
      error: "file",
      message: `${file("csv.xlsx")} is not an Excel workbook (.xlsx): save it from Excel as "Excel Workbook (*.xlsx)".`,
    });
  });

  it("sample into a folder that does not exist is a usage error", () => {
    const { stderr, status } = tf("sample", path.join(file("no such folder"), "s.xlsx"));
    expect(status).toBe(2);
    expect(stderr).toMatch(/the folder .*no such folder does not exist/);
  });
});
