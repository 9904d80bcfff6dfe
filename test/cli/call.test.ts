import { builtCli } from "../support/cli";

/** The command line as a user runs it: the built bin in a child process. */
const cli = builtCli("call", 30000);
const { tf } = cli;

beforeAll(() => cli.build(), 120000);

afterAll(() => cli.remove());

describe("tf-funding call", () => {
  it.each([
    [["TF_ELIGIBLE", "705"], "588"],
    [["TF_PBR_RISK", "705", "2"], "705600"],
    [["TF_ATTACHMENT", "527", "1", "phase2"], "527000"],
    [["TF_ATTACHMENT", "588", "2013/14"], "1411200"],
    [["TF.RESULTS_PAYMENT", "crime-asb-education", "1"], "700"],
    [["TF_TURNED_AROUND", "473", "730"], String(473 / 730)],
    [["TF_ELIGIBLE", "1000", "", "none"], String(1000 * (5 / 6)).slice(0, 12)],
  ])("%j prints %s", (args, expected) => {
    const { stdout, stderr, status } = tf("call", ...args);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout.trim().startsWith(expected)).toBe(true);
  });

  it("prints a spilled table as tab-separated rows", () => {
    const { stdout, status } = tf("call", "TF_ENVELOPE", "705", "2", "phase1-fast-track");
    expect(status).toBe(0);
    expect(stdout.trim().split("\n")).toEqual([
      "Year\tFamilies funded\tAttachment £\tResults (PbR) £\tTotal £",
      "2012/13\t294\t940800\t235200\t1176000",
      "2013/14\t294\t705600\t470400\t1176000",
      "Total\t588\t1646400\t705600\t2352000",
    ]);
  });

  it("spills TF_CASHFLOW and answers TF_TARGET_NEEDED as a cell would", () => {
    const flow = tf("call", "TF_CASHFLOW", "[140,140,140,140,140]", "65%", "phase2");
    expect(flow.status).toBe(0);
    expect(flow.stdout.trim().split("\n")).toEqual([
      "Financial year\tAttachment £ received\tResults £ received\tTotal £ received",
      "2015/16\t140000\t0\t140000",
      "2016/17\t140000\t54600\t194600",
      "2017/18\t140000\t72800\t212800",
      "2018/19\t140000\t72800\t212800",
      "2019/20\t140000\t72800\t212800",
      "2020/21\t0\t72800\t72800",
      "2021/22\t0\t18200\t18200",
      "Total\t700000\t364000\t1064000",
    ]);
    const rate = tf("call", "TF_TARGET_NEEDED", "900000", "2019/20", "140", "", "phase2");
    expect([rate.stdout, rate.status]).toEqual(["0.4762\n", 0]);
    const families = tf("call", "TF_TARGET_NEEDED", "1064000", "2021/22", "", "0.65", "phase2");
    expect([families.stdout, families.status]).toEqual(["140\n", 0]);
    const short = tf(
      "call",
      "TF_TARGET_NEEDED",
      "1200000",
      "2019/20",
      "140",
      "",
      "phase2",
      "--json"
    );
    expect(short.status).toBe(1);
    expect(JSON.parse(short.stdout)).toEqual({
      error: "#NUM!",
      message:
        "even if every family were turned around, £1,120,000 is received by the end of 2019/20, less than £1,200,000.",
    });
  });

  it("takes JSON ranges and ISO dates", () => {
    const { stdout, status } = tf(
      "call",
      "TF_PBR_FORECAST",
      '[["2013-07-31"],["2013-10-31"],["2014-02-28"]]',
      "[[90],[85],[110]]",
      "2014-02-28",
      "300",
      "--json"
    );
    expect(status).toBe(0);
    const { value } = JSON.parse(stdout);
    expect(value).toBeGreaterThan(270);
    expect(value).toBeLessThan(300);
  });

  it("--json prints one line with the value", () => {
    const { stdout, status } = tf("call", "TF_PBR_RISK", "705", "2", "--json");
    expect(status).toBe(0);
    expect(stdout).toBe('{"value":705600}\n');
  });

  it("--json prints an Excel error and its message, with exit status 1", () => {
    const { stdout, status } = tf("call", "TF_ELIGIBLE", "abc", "--json");
    expect(status).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      error: "#VALUE!",
      message: 'families must be a number of families, not "abc".',
    });
  });

  it.each([
    [["TF_ELIGIBLE", "-5"], "#NUM!", /cannot be negative/],
    [["TF_ELIGIBLE", "705.5"], "#NUM!", /whole number/],
    [["TF_ATTACHMENT", "588", "4"], "#VALUE!", /not a year of the phase1 framework/],
    [["TF_ATTACHMENT", "588", "1", "phase9"], "#VALUE!", /no framework called "phase9"/],
    [["TF_ELIGIBLE", "705", "1.5"], "#NUM!", /between 0 and 1/],
    [["TF_ELIGIBLE", "705", "", "nearest"], "#VALUE!", /rounding must be/],
    [["TF_ENVELOPE", "705", "0"], "#NUM!", /years must be a whole number from 1 to 3/],
    [["TF_RESULTS_PAYMENT", "housing", "1"], "#VALUE!", /not an outcome type/],
    [["TF_TURNED_AROUND", "800", "730"], "#NUM!", /turned around only once/],
    [
      ["TF_PBR_FORECAST", "[[1],[2]]", "[[1]]", "2015-01-01"],
      "#VALUE!",
      /give one count for every date/,
    ],
    [
      ["TF_PBR_FORECAST", '[["2013-02-30"],["2014-01-01"]]', "[[1],[2]]", "2015-01-01"],
      "#VALUE!",
      /row 1 is not a date/,
    ],
  ])("%j is %s with a message, never a stack trace", (args, code, message) => {
    const { stdout, stderr, status } = tf("call", ...(args as string[]), "--json");
    expect(status).toBe(1);
    expect(stderr).toBe("");
    const parsed = JSON.parse(stdout);
    expect(parsed.error).toBe(code);
    expect(parsed.message).toMatch(message as RegExp);
    expect(stdout).not.toMatch(/\bat .*\.js:\d+/);
  });

  it("prints the error message on stderr without --json", () => {
    const { stdout, stderr, status } = tf("call", "TF_ELIGIBLE", "-5");
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^#NUM! families cannot be negative/);
  });

  it.each([
    [["call"], /needs a function id/],
    [["call", "TF_NOPE", "1"], /no function TF_NOPE/],
    [["call", "TF_ELIGIBLE"], /takes 1 to 3 arguments, not 0/],
    [["call", "TF_TURNED_AROUND", "1", "2", "3"], /takes 2 arguments, not 3/],
    [["call", "TF_PBR_FORECAST", "[[1],", "[[1]]", "2015-01-01"], /not valid JSON/],
    [["call", "TF_ATTACHMENT", "", "1"], /families is required/],
    [["frobnicate"], /unknown command/],
  ])("usage error %j exits with status 2", (args, message) => {
    const { stderr, status } = tf(...(args as string[]));
    expect(status).toBe(2);
    expect(stderr).toMatch(message as RegExp);
  });

  it("prints a date as a date and a share with its percentage; --json keeps the raw numbers", () => {
    expect(tf("call", "TF_NEXT_CLAIM_WINDOW", "2014-03-01").stdout).toBe("2014-05-31\n");
    expect(tf("call", "TF_NEXT_CLAIM_WINDOW", "2014-03-01", "--json").stdout).toBe(
      '{"value":41790}\n'
    );
    expect(tf("call", "TF_TURNED_AROUND", "473", "730").stdout).toBe(`${473 / 730} (64.8%)\n`);
    expect(tf("call", "TF_EMPLOYMENT_SHARE", "38", "473").stdout).toBe(`${38 / 473} (8.0%)\n`);
    expect(tf("call", "TF_TURNED_AROUND", "473", "730", "--json").stdout).toBe(
      `{"value":${473 / 730}}\n`
    );
  });

  it("reads frameworks by the names people write, and suggests one for a slip", () => {
    expect(tf("call", "TF_ATTACHMENT", "527", "1", "Phase 2").stdout).toBe("527000\n");
    expect(tf("call", "TF_ENVELOPE", "705", "2", "phase 1 fast track").stdout).toMatch(
      /^Total\t588\t1646400\t705600\t2352000$/m
    );
    const slip = tf("call", "TF_ATTACHMENT", "527", "1", "phse2");
    expect(slip.status).toBe(1);
    expect(slip.stderr).toMatch(
      /^#VALUE! there is no framework called "phse2": did you mean phase2\?/
    );
  });

  it("suggests the function or command meant by a slip", () => {
    const fn = tf("call", "TF_ENVELOP", "705");
    expect(fn.status).toBe(2);
    expect(fn.stderr).toMatch(
      /^tf-funding: there is no function TF_ENVELOP: did you mean TF_ENVELOPE\?/
    );
    const command = tf("tabels", "in.xlsx");
    expect(command.status).toBe(2);
    expect(command.stderr).toMatch(/^tf-funding: unknown command "tabels": did you mean tables\?/);
    expect(tf("call", "envelope", "705", "2", "phase1-fast-track").stdout).toMatch(/^Year\t/);
  });

  it("shows its help", () => {
    const { stdout, status } = tf("help");
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /TF_PBR_FORECAST\(claim_dates, claim_counts, forecast_date, \[cohort\], \[method\]\)/
    );
  });
});
