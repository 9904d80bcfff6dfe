import { execFileSync, spawn } from "child_process";
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { writePlan } from "../../src/cli/xlsx-writer";
import { builtCli } from "../support/cli";
import { authoritySheets, singleAuthority } from "../support/national";

/**
 * OUT and IN as files on a disk other people share (issue "Hostile and huge inputs"): a read-only
 * or private OUT, a run stopped while it writes, a killed run's leftovers, a FIFO or a device
 * given as IN, and `sample` over an existing file. Through the built command line.
 */
const cli = builtCli("file-safety");
const { tf, file } = cli;
const mode = (name: string) => fs.statSync(name).mode & 0o777;
/** Our temporaries beside a file: `.NAME.<pid>.<ms>.tmp`. */
const temporaries = (dir: string) => fs.readdirSync(dir).filter((name) => name.endsWith(".tmp"));

beforeAll(() => {
  cli.build();
  expect(tf("sample", file("in.xlsx")).status).toBe(0);
}, 120000);

afterAll(() => cli.remove());

describe("a read-only or private OUT", () => {
  it("refuses a read-only OUT, leaving it as it was, and replaces it with --force, still read-only", () => {
    const out = file("kept.xlsx");
    fs.writeFileSync(out, "the council's own file");
    fs.chmodSync(out, 0o444);
    const refused = tf("tables", file("in.xlsx"), "-o", out);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/kept\.xlsx is read-only, so it was not replaced: give --force/);
    expect(fs.readFileSync(out, "utf8")).toBe("the council's own file");

    const forced = tf("tables", file("in.xlsx"), "-o", out, "--force");
    expect(forced.stderr).toBe("");
    expect(forced.status).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    expect(mode(out)).toBe(0o444);
  });

  it("keeps a private 0600 OUT private when it replaces it", () => {
    const out = file("private.xlsx");
    fs.writeFileSync(out, "");
    fs.chmodSync(out, 0o600);
    expect(tf("tables", file("in.xlsx"), "-o", out).status).toBe(0);
    expect(mode(out)).toBe(0o600);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
  });

  it("refuses a read-only .docx OUT for report too", () => {
    const out = file("report.docx");
    fs.writeFileSync(out, "x");
    fs.chmodSync(out, 0o400);
    const run = tf("report", file("in.xlsx"), "-o", out);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/report\.docx is read-only/);
  });
});

describe("sample over an existing file", () => {
  it("refuses without --force and replaces with it", () => {
    const out = file("mine.xlsx");
    fs.writeFileSync(out, "my workbook");
    const refused = tf("sample", out);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/mine\.xlsx already exists, so it was not replaced/);
    expect(fs.readFileSync(out, "utf8")).toBe("my workbook");
    expect(tf("sample", out, "--force").status).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });
});

describe("IN that is not a regular file", () => {
  it("refuses a FIFO at once rather than waiting for ever", () => {
    const fifo = file("pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    const started = Date.now();
    const run = tf("tables", fifo, "-o", file("from-pipe.xlsx"));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/pipe\.xlsx is a named pipe \(FIFO\), not an Excel workbook file/);
    expect(Date.now() - started).toBeLessThan(15000); // the child's start-up, not a hang
    expect(fs.existsSync(file("from-pipe.xlsx"))).toBe(false);
  });

  it("refuses a device as IN, and as OUT", () => {
    expect(tf("tables", "/dev/zero", "-o", file("zero.xlsx")).stderr).toMatch(
      /\/dev\/zero is a device/
    );
    const fifo = file("out-pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    const run = tf("tables", file("in.xlsx"), "-o", fifo);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/out-pipe\.xlsx is a named pipe \(FIFO\), not a file/);
  });
});

describe("a run stopped while it writes", () => {
  let big: string;
  beforeAll(async () => {
    // 100,000 claim rows: a write long enough to stop half-way.
    big = file("big.xlsx");
    const workbook = new ExcelJS.Workbook();
    writePlan(workbook, { sheets: authoritySheets(singleAuthority(100000)), names: {} } as never);
    await workbook.xlsx.writeFile(big);
  }, 120000);

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`removes its temporary file on ${signal} and leaves the previous OUT as it was`, async () => {
      const dir = path.join(cli.files, signal);
      fs.mkdirSync(dir);
      const out = path.join(dir, "out.xlsx");
      fs.writeFileSync(out, "previous");
      const child = spawn(process.execPath, [
        path.join(cli.files, "..", "bin", "tf-funding.js"),
        "tables",
        big,
        "-o",
        out,
      ]);
      const stopped = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on("exit", (_code, got) => resolve(got))
      );
      // Stop it once its temporary file exists: the write has begun.
      const deadline = Date.now() + 90000;
      while (temporaries(dir).length === 0 && Date.now() < deadline && child.exitCode === null)
        await new Promise((resolve) => setTimeout(resolve, 5));
      expect(temporaries(dir).length).toBe(1);
      child.kill(signal);
      expect(await stopped).toBe(signal);
      expect(temporaries(dir)).toEqual([]);
      expect(fs.readFileSync(out, "utf8")).toBe("previous");
    }, 120000);
  }

  it("cleans a killed run's stale temporary on the next run, but not a live writer's", () => {
    const out = file("after-kill.xlsx");
    // A pid that is not running (beyond the kernel's default pid_max) and our own, alive.
    const stale = file(`.after-kill.xlsx.4199999.1.tmp`);
    const live = file(`.after-kill.xlsx.${process.pid}.1.tmp`);
    fs.writeFileSync(stale, "half a workbook");
    fs.writeFileSync(live, "another writer's");
    expect(tf("tables", file("in.xlsx"), "-o", out).status).toBe(0);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
    fs.rmSync(live);
  });
});
