import { serialFromIso } from "../../../src/engine/dates";
import { readInputs } from "../../../src/workbook/inputs";
import { snapshotOfPlan } from "../../../src/workbook/plan-snapshot";
import { ClaimsData, FamiliesData, inputSheets } from "../../../src/workbook/sample";
import { withEdits } from "../../support/faults";

/*
 * The checks reading makes beyond single cells, on small inputs: missing financial years, claim
 * references given twice, claims dated after today, and the count of problems past the 20 listed.
 */
const PHASE2: [string, string][] = [["Framework", "phase2"]];
const YEARS: FamiliesData = [
  ["2015/16", 100, 60],
  ["2016/17", 50, 30],
  ["2017/18", 20, 10],
  ["2018/19", 10, 5],
];
const claim = (date: string, families: number, reference?: string): ClaimsData[number] => [
  date,
  "Significant and sustained progress",
  families,
  null,
  reference,
];
const CLAIMS: ClaimsData = [
  claim("2016-06-30", 2, "C-1"),
  claim("2016-06-30", 2, "C-2"),
  claim("2016-09-30", 3, "C-3"),
];

const read = (families: FamiliesData, claims: ClaimsData, today?: string) =>
  readInputs(snapshotOfPlan({ sheets: inputSheets(families, claims, PHASE2) }), {
    today: today === undefined ? undefined : serialFromIso(today),
  });

describe("missing financial years", () => {
  it("names each year missing before the last one given, at the row where it belongs", () => {
    const { problems } = read([YEARS[1], YEARS[3]], CLAIMS);
    expect(problems).toEqual([
      {
        sheet: "Families",
        cell: "A5",
        reason:
          "there is no row for 2015/16 (programme year 1), though later years have rows: insert a row for 2015/16 here, with 0 families if none were nominated or attached that year.",
      },
      {
        sheet: "Families",
        cell: "A6",
        reason:
          "there is no row for 2017/18 (programme year 3), though later years have rows: insert a row for 2017/18 here, with 0 families if none were nominated or attached that year.",
      },
    ]);
  });

  it("finds the gap whatever order the rows are in", () => {
    const { problems } = read([YEARS[3], YEARS[0], YEARS[1]], CLAIMS);
    expect(problems.map((p) => [p.cell, p.reason.slice(0, 30)])).toEqual([
      ["A5", "there is no row for 2017/18 (p"],
    ]);
  });

  it("accepts a year of 0 families in place of the missing row", () => {
    const { inputs, problems } = read([YEARS[0], ["2016/17", 0, 0], YEARS[2]], CLAIMS);
    expect(problems).toEqual([]);
    expect(inputs?.families.map((f) => f.nominated.toNumber())).toEqual([100, 0, 20]);
  });

  it("names only the unreadable row when a year cannot be read, not a gap as well", () => {
    const { problems } = read([YEARS[0], ["2016-17x", 50, 30], YEARS[2]], CLAIMS);
    expect(problems.map((p) => p.cell)).toEqual(["A6"]);
    expect(problems[0].reason).toMatch(/^"2016-17x" is not a year of the phase2 framework/);
  });
});

describe("claim references", () => {
  it("names a reference given twice at the second row, pointing at the first", () => {
    const { problems } = read(YEARS, [...CLAIMS, claim("2016-12-31", 1, "C-2")]);
    expect(problems).toEqual([
      {
        sheet: "Claims",
        cell: "E8",
        reason:
          'claim reference "C-2" appears twice (also Claims!E6): each claim is made once, so remove the repeated row or correct its reference.',
      },
    ]);
  });

  it("matches references whatever their case and outer spaces, and counts a third use", () => {
    const claims = [...CLAIMS, claim("2016-12-31", 1, " c-1 "), claim("2017-03-31", 1, "C-1")];
    expect(read(YEARS, claims).problems.map((p) => `${p.cell}: ${p.reason.split(":")[0]}`)).toEqual(
      [
        'E8: claim reference " c-1 " appears twice (also Claims!E5)',
        'E9: claim reference "C-1" appears 3 times (also Claims!E5)',
      ]
    );
  });

  it("allows blank references, and identical rows without the column (two claims)", () => {
    const blanks = [claim("2016-06-30", 2, ""), claim("2016-06-30", 2, "   "), ...CLAIMS];
    expect(read(YEARS, blanks).problems).toEqual([]);
    const noColumn: ClaimsData = [claim("2016-06-30", 2), claim("2016-06-30", 2)];
    const { inputs, problems } = read(YEARS, noColumn);
    expect(problems).toEqual([]);
    expect(inputs?.claims.map((c) => c.families.toNumber())).toEqual([2, 2]);
    expect(inputs?.sources.claims).toBe("Claims!A4:D6");
  });

  it("finds the column by its synonyms", () => {
    for (const header of ["Reference", "Ref", "Claim ref", "CLAIM_ID"]) {
      const snapshot = withEdits(
        snapshotOfPlan({ sheets: inputSheets(YEARS, [...CLAIMS, CLAIMS[0]], PHASE2) }),
        [{ sheet: "Claims", cell: "E4", value: header }]
      );
      expect(readInputs(snapshot).problems.map((p) => p.cell)).toEqual(["E8"]);
    }
  });
});

describe("claims dated after today", () => {
  it("are named with the date and today's", () => {
    const { problems } = read(YEARS, [...CLAIMS, claim("2031-03-31", 1)], "2026-11-25");
    expect(problems).toEqual([
      {
        sheet: "Claims",
        cell: "A8",
        reason:
          "the claim date 2031-03-31 is in the future (today is 2026-11-25): a claim is entered once it has been made, so correct the date.",
      },
    ]);
  });

  it("accept a claim dated today, and are not checked when no today is given", () => {
    const claims = [...CLAIMS, claim("2017-03-31", 1)];
    expect(read(YEARS, claims, "2017-03-31").problems).toEqual([]);
    expect(read(YEARS, [...CLAIMS, claim("2031-03-31", 1)]).problems).toEqual([]);
  });
});

describe("more than 20 problems", () => {
  const withBadCounts = (bad: number) => {
    const claims = Array.from({ length: 1500 }, (_, i) => claim("2016-06-30", 1, `R${i}`));
    const edits = Array.from({ length: bad }, (_, i) => ({
      sheet: "Claims",
      cell: `C${5 + i}`,
      value: "?",
    }));
    return readInputs(
      withEdits(snapshotOfPlan({ sheets: inputSheets(YEARS, claims, PHASE2) }), edits)
    );
  };

  it("lists 20 and says how many more there are", () => {
    const { problems } = withBadCounts(1254);
    expect(problems).toHaveLength(21);
    expect(problems[19].cell).toBe("C24");
    expect(problems[20]).toEqual({
      sheet: "Claims",
      cell: "",
      reason:
        "and 1,234 more problems not listed here: put these right, then check again for the rest.",
    });
  });

  it("says one more in the singular, and nothing more at exactly 20", () => {
    expect(withBadCounts(21).problems[20].reason).toMatch(/^and 1 more problem not listed here/);
    expect(
      withBadCounts(20)
        .problems.map((p) => p.cell)
        .slice(-1)
    ).toEqual(["C24"]);
  });
});
