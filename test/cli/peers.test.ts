import fs from "fs";
import path from "path";
import { builtCli } from "../support/cli";
import { unescapeXml } from "../support/unzip";
import { unzip } from "../support/zip";

/**
 * `--peers FILE` as a user gives it to `tables` and `report`: the sample workbook (Barnet's
 * 390 of 705 families turned around, 55.3%) among the sample peer table of published figures.
 */
const cli = builtCli("peers", 120000);
const { tf, file } = cli;
const PEERS = path.join(__dirname, "..", "..", "data", "peers-phase1-2014.csv");

beforeAll(() => {
  cli.build();
  expect(tf("sample", file("in.xlsx")).status).toBe(0);
}, 120000);

afterAll(() => cli.remove());

describe("tf-funding tables --peers", () => {
  it("places the council among the file's councils, in --json and on the Report", () => {
    const run = tf("tables", file("in.xlsx"), "-o", file("out.xlsx"), "--peers", PEERS, "--json");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const { peers } = JSON.parse(run.stdout);
    // 390/705 = 55.3%: below Wakefield (99.5%), Leicestershire (95.3%), Bristol (85.5%) and
    // Rotherham (64.7%), above North Yorkshire (42.0%).
    expect([peers.rank, peers.of, peers.quartile]).toEqual([5, 6, 4]);
    expect(peers.councilShare).toBeCloseTo(390 / 705, 12);
    const shares = [925 / 930, 772 / 810, 1158 / 1355, 355 / 845, 472 / 730];
    expect(peers.peerAverage).toBeCloseTo(shares.reduce((a, b) => a + b) / 5, 12);
    expect(peers.nationalAverage).toBeCloseTo(52833 / 117910, 12);
    expect(peers.fromNational).toBeCloseTo(390 / 705 - 52833 / 117910, 12);
    expect(peers.nationalBasis).toBe("national row");
    expect(peers.source).toBe("peers-phase1-2014.csv");
    expect(peers.councils[0]).toEqual({
      authority: "This council",
      share: 390 / 705,
      asAt: "2014-08-31",
      council: true,
    });
    const parts = unzip(fs.readFileSync(file("out.xlsx")));
    const strings = unescapeXml(
      Object.keys(parts)
        .filter((part) => part.startsWith("xl/worksheets/sheet"))
        .map((part) => parts[part].toString())
        .join("")
    );
    expect(strings).toContain("Among its peers");
    expect(strings).toContain("North Yorkshire");
  });

  it("names the cell of a figure that cannot be right, and writes nothing", () => {
    const text = fs
      .readFileSync(PEERS, "utf8")
      .replace(
        "Wakefield,Yorkshire and the Humber,930,925",
        "Wakefield,Yorkshire and the Humber,930,935"
      );
    fs.writeFileSync(file("bad-peers.csv"), text);
    const run = tf(
      "tables",
      file("in.xlsx"),
      "-o",
      file("bad.xlsx"),
      "--peers",
      file("bad-peers.csv")
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "bad-peers.csv!D2: Wakefield: 935 families turned around is more than the cohort of 930: check the published figures."
    );
    expect(fs.existsSync(file("bad.xlsx"))).toBe(false);
  });

  it("says what a file without a Peers table lacks, and a file that is not there", () => {
    fs.writeFileSync(file("no-peers.csv"), "Council,Families in the cohort\nWakefield,930\n");
    const run = tf(
      "tables",
      file("in.xlsx"),
      "-o",
      file("x.xlsx"),
      "--peers",
      file("no-peers.csv")
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'no-peers.csv!A1: found "Council" in A1 and "Families in the cohort" in B1 but no families-turned-around column, so no Peers table'
    );
    const missing = tf(
      "tables",
      file("in.xlsx"),
      "-o",
      file("x.xlsx"),
      "--peers",
      file("none.csv")
    );
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("none.csv does not exist");
  });

  it("writes the section into the Word report", () => {
    const run = tf("report", file("in.xlsx"), "-o", file("report.docx"), "--peers", PEERS);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const xml = unzip(fs.readFileSync(file("report.docx")))["word/document.xml"].toString();
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)]
      .map((m) => unescapeXml(m[1]))
      .join("");
    expect(text).toContain("Among its peers");
    expect(text).toContain(
      "This council ranks 5 of 6 among its peers (bottom quarter): 55.3% of its cohort turned around, against a peer average of 77.4% and a national average of 44.8%."
    );
    expect(text).toContain("As at 9 July 2014: Wakefield, Leicestershire, Bristol, England.");
    expect(text).toContain("North Yorkshire");
  });
});
