import fs from "fs";
import path from "path";
import { builtCli } from "../support/cli";
import { PHASE2_140_AT_65 } from "../support/worked-examples";

/** `tf-funding whatif` as a user runs it: the built bin in a child process, no workbook. */
const cli = builtCli("whatif", 30000);
const { tf } = cli;

beforeAll(() => cli.build(), 120000);

afterAll(() => cli.remove());

const PHASE2_140 = ["--framework", "phase2", "--attach", "140,140,140,140,140"];

describe("tf-funding whatif: the money by the year it is received", () => {
  it("prints phase 2's 140 a year at 65% year by year: £700,000 + £364,000 = £1,064,000", () => {
    const { stdout, stderr, status } = tf("whatif", ...PHASE2_140, "--success-rate", "0.65");
    expect([stderr, status]).toEqual(["", 0]);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe(
      "Troubled Families phase 2 (2015-20): 140 families a year for 5 years, 65% turned around."
    );
    expect(lines.slice(2, 12)).toEqual([
      "Financial year  Attachment £  Results £    Total £  Cumulative £",
      "2015/16              140,000          0    140,000       140,000",
      "2016/17              140,000     54,600    194,600       334,600",
      "2017/18              140,000     72,800    212,800       547,400",
      "2018/19              140,000     72,800    212,800       760,200",
      "2019/20              140,000     72,800    212,800       973,000",
      "2020/21                    0     72,800     72,800     1,045,800",
      "2021/22                    0     18,200     18,200     1,064,000",
      "Total                700,000    364,000  1,064,000",
      "",
    ]);
    expect(lines[12]).toBe(
      "£1,064,000 is received from 2015/16 to 2021/22: £700,000 of attachment fees and £364,000 of results at a 65% success rate."
    );
    // The assumption behind the years, said where the figures are.
    expect(lines[13]).toMatch(
      /first claim window 12 months or more after the quarter ends \(an assumption: --months-to-result\), and paid 1 month after/
    );
  });

  it("--json prints exactly the attachment, expected results, total and each year, in pounds", () => {
    const { stdout, status } = tf("whatif", ...PHASE2_140, "--success-rate=65%", "--json");
    expect(status).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    const year = (y: string, attachment: number, results: number) => ({
      year: y,
      attachment,
      results,
      received: attachment + results,
    });
    const { attachment, expectedResults, total, byYear } = PHASE2_140_AT_65;
    expect(JSON.parse(stdout)).toEqual({
      attachment,
      expectedResults,
      total,
      byYear: byYear.map(([label, fees, results]) => year(label, fees, results)),
    });
  });

  it("moves the results with --months-to-result and shows pence where there are any", () => {
    const later = JSON.parse(
      tf("whatif", ...PHASE2_140, "--success-rate", "0.65", "--months-to-result", "24", "--json")
        .stdout
    );
    expect(later.byYear.slice(0, 3).map((y: { results: number }) => y.results)).toEqual([
      0, 0, 54600,
    ]);
    expect(later.total).toBe(1064000);
    // 7 families a year at 33.3%: £800 × 7 × 0.333 = £1,864.80 a year, £466.20 a quarter.
    const odd = tf("whatif", "--framework", "phase2", "--attach", "7,7", "--success-rate", "0.333");
    expect(odd.stdout).toMatch(/^2016\/17 +7,000\.00 +1,398\.60 +8,398\.60 +15,398\.60$/m);
  });

  it("takes the year-2 release of phase 1 into the years (60 of a 196 commitment defers)", () => {
    const { stdout } = tf(
      "whatif",
      "--attach",
      "60,300,228",
      "--cohort",
      "705",
      "--success-rate",
      "0.65",
      "--json"
    );
    const years = JSON.parse(stdout).byYear.map((y: { year: string; attachment: number }) => [
      y.year,
      y.attachment,
    ]);
    expect(years.slice(0, 3)).toEqual([
      ["2012/13", 192000],
      ["2013/14", 0],
      ["2014/15", 1084800],
    ]);
  });
});

describe("tf-funding whatif --target £ --by YEAR: the goal seek", () => {
  it("finds the success rate 140 a year needs to have £900,000 by 2019/20: 47.62%", () => {
    const { stdout, status } = tf(
      "whatif",
      ...PHASE2_140,
      "--target",
      "£900,000",
      "--by",
      "2019/20"
    );
    expect(status).toBe(0);
    expect(stdout.split("\n")[0]).toBe(
      "A success rate of 47.62% is needed for 140 families a year for 5 years to have received £900,000 by the end of 2019/20 (£900,004 by then)."
    );
    expect(stdout).toMatch(/^2019\/20 +140,000\.00 +53,334\.40 +193,334\.40 +900,004\.00$/m);
    const json = JSON.parse(
      tf("whatif", ...PHASE2_140, "--target", "900000", "--by", "2019/20", "--json").stdout
    );
    expect(json).toMatchObject({
      target: 900000,
      by: "2019/20",
      solveFor: "successRate",
      reachable: true,
      successRate: 0.4762,
      received: 900004,
    });
  });

  it("finds the families a year at 65%: 140 for £1,064,000 by 2021/22, 234 over 3 years", () => {
    const args = ["--framework", "phase2", "--success-rate", "65%", "--target", "1064000"];
    const five = tf("whatif", ...args, "--by", "2021/22");
    expect(five.stdout.split("\n")[0]).toBe(
      "140 families a year for 5 years are needed at a 65% success rate to have received £1,064,000 by the end of 2021/22 (£1,064,000 by then)."
    );
    const three = JSON.parse(tf("whatif", ...args, "--by", "7", "--years", "3", "--json").stdout);
    expect([three.by, three.familiesPerYear, three.byYear.length]).toEqual(["2021/22", 234, 5]);
  });

  it("says when it cannot be reached, with the most that can, and exits 1", () => {
    const text = tf("whatif", ...PHASE2_140, "--target", "1200000", "--by", "2019/20");
    expect(text.status).toBe(1);
    expect(text.stdout).toBe(
      "Not reachable: even if every family were turned around, £1,120,000 is received by the end of 2019/20, less than £1,200,000.\n"
    );
    const json = tf("whatif", ...PHASE2_140, "--target", "1200000", "--by", "2019/20", "--json");
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ reachable: false, most: 1120000 });
  });
});

describe("tf-funding whatif usage errors name the flag, with exit status 2", () => {
  it.each([
    [["--attach", "140,abc"], /--attach year 2 must be a number of families, not "abc"/],
    [["--attach", "140", "--success-rate", "65"], /--success-rate must be .* for 65% write 65%/],
    [
      ["--attach", "140", "--sucess-rate", "0.6"],
      /unknown option --sucess-rate: did you mean --success-rate\?/,
    ],
    [
      ["--framework", "phase9", "--attach", "1"],
      /--framework: there is no framework called "phase9"/,
    ],
    [["--attach", "1,1,1,1"], /--attach gives 4 years but the phase1 framework has only 3/],
    [
      ["--attach", "1", "--months-to-result", "200"],
      /--months-to-result must be a whole number from 0 to 120, not 200/,
    ],
    [["--attach", "1", "--target", "lots", "--by", "3"], /--target must be an amount of money/],
    [["--attach", "1", "--target", "5", "--by", "soon"], /--by: "soon" is not a financial year/],
    [["--attach", "1", "--target", "5"], /--target needs --by/],
    [["--attach", "1", "--by", "2013/14"], /--by needs --target/],
    [
      ["--attach", "1", "--success-rate", "1", "--target", "5", "--by", "3"],
      /give --attach .* or --success-rate .* not both/,
    ],
    [
      ["--target", "5", "--by", "3"],
      /give --attach \(to find the success rate needed\) or --success-rate/,
    ],
    [["--success-rate", "0.5"], /--attach is required/],
    [["inputs.xlsx", "--attach", "1"], /whatif reads no workbook/],
  ])("%j", (args, message) => {
    const { stdout, stderr, status } = tf("whatif", ...args);
    expect([stdout, status]).toEqual(["", 2]);
    expect(stderr).toMatch(message);
  });

  it("--help explains the assumption and shows the examples", () => {
    const { stdout, status } = tf("whatif", "--help");
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: tf-funding whatif --attach/);
    expect(stdout).toMatch(/MONTHS_TO_RESULT/);
    expect(tf("help").stdout).toMatch(/tf-funding whatif --attach/);
  });
});

describe("the README's whatif example", () => {
  it("prints what the README shows it printing", () => {
    const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
    const typed =
      "$ npx tf-funding whatif --framework phase2 --attach 140,140,140,140,140 --success-rate 65%\n";
    const shown = readme.slice(readme.indexOf(typed) + typed.length);
    const args = typed.trim().split(" ").slice(4);
    expect(shown.slice(0, shown.indexOf("```"))).toBe(tf("whatif", ...args).stdout);
  });
});
