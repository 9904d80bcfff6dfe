import fs from "fs";
import path from "path";
import { FUNCTIONS } from "../../src/functions/table";
import { FUNCTION_HELP } from "../../src/functions/function-help";
import { builtCli } from "../support/cli";

const { functionHelp } = require("../../scripts/function-help.js");

/** The help a newcomer reaches for, through the built command line. */
const cli = builtCli("help", 30000);
const { tf } = cli;

beforeAll(() => cli.build(), 120000);
afterAll(() => cli.remove());

const version = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")
).version;

describe("tf-funding help", () => {
  it.each([
    ["tables", "--help"],
    ["tables", "-h"],
    ["help", "tables"],
  ])("%s %s shows the tables command's own help", (...args) => {
    const { stdout, stderr, status } = tf(...args);
    expect(status).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^Usage: tf-funding tables IN\.xlsx -o OUT\.xlsx/);
    expect(stdout).toMatch(/--success-rate SHARE/);
    expect(stdout).toMatch(/--flag=value/);
  });

  it("shows each command's help", () => {
    expect(tf("sample", "--help").stdout).toMatch(/^Usage: tf-funding sample OUT\.xlsx/);
    expect(tf("call", "--help").stdout).toMatch(/^Usage: tf-funding call FUNCTION/);
    expect(tf("help", "call").stdout).toMatch(/Exit status: 0 a value, 1 an Excel error/);
  });

  it("shows a function's full help from its metadata: description, every argument, example", () => {
    const { stdout, status } = tf("help", "TF_ENVELOPE");
    expect(status).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("TF_ENVELOPE(families, [years], [framework], [rounding], [funded])");
    expect(lines[1]).toBe(
      "In Excel: =TF.ENVELOPE(families, [years], [framework], [rounding], [funded])"
    );
    expect(stdout).toMatch(/^Spills the cash-envelope table/m);
    for (const name of ["families", "years", "framework", "rounding", "funded"])
      expect(stdout).toMatch(new RegExp(`^  ${name} +(required|optional)`, "m"));
    expect(stdout).toMatch(
      /^Example: =TF\.ENVELOPE\(705, 2, "phase1-fast-track"\) totals £2,352,000/m
    );
    expect(stdout).toMatch(
      /^From the command line: tf-funding call TF_ENVELOPE 705 2 phase1-fast-track$/m
    );
    // The same help from "call TF_ENVELOPE --help" and for Excel's dotted name.
    expect(tf("call", "TF_ENVELOPE", "--help").stdout).toBe(stdout);
    expect(tf("help", "TF.ENVELOPE").stdout).toBe(stdout);
  });

  it("the example the help gives from the command line prints the value it promises", () => {
    const help = tf("help", "TF_PBR_RISK").stdout;
    const typed = /^From the command line: tf-funding (.*)$/m.exec(help)?.[1];
    expect(typed).toBe("call TF_PBR_RISK 705 2");
    expect(tf(...(typed as string).split(" ")).stdout).toBe("705600\n");
  });

  it("suggests a command or function for a slip in help", () => {
    const { stderr, status } = tf("help", "TF_ENVELOP");
    expect(status).toBe(2);
    expect(stderr).toMatch(
      /there is no command or function called TF_ENVELOP: did you mean TF_ENVELOPE\?/
    );
  });

  it("--version prints package.json's version", () => {
    for (const flag of ["--version", "-V", "version"]) {
      const { stdout, status } = tf(flag);
      expect(status).toBe(0);
      expect(stdout).toBe(`tf-funding ${version}\n`);
    }
  });

  it("--help alone, and help, give the overview with every function; no command is status 2", () => {
    expect(tf("--help").stdout).toMatch(/^tf-funding: Troubled Families funding/);
    expect(tf("-h").status).toBe(0);
    const none = tf();
    expect(none.status).toBe(2);
    for (const spec of FUNCTIONS) expect(none.stdout).toContain(`  ${spec.id}(`);
  });
});

describe("the function help data", () => {
  it("is what functions.ts' JSDoc says (run node scripts/function-help.js after editing it)", () => {
    expect(FUNCTION_HELP).toEqual(functionHelp());
  });

  it("covers every function of the table, with the same arguments", () => {
    expect(FUNCTION_HELP.map((h) => h.id)).toEqual(FUNCTIONS.map((f) => f.id));
    for (const spec of FUNCTIONS) {
      const help = FUNCTION_HELP.find((h) => h.id === spec.id);
      expect(help?.params.map((p) => [p.name, p.optional])).toEqual(
        spec.params.map((p) => [p.name, p.optional])
      );
    }
  });
});
