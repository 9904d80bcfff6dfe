import {
  TableCell,
  frameworkFromTable,
  frameworkToTable,
} from "../../../src/engine/custom-framework";
import { cashEnvelope } from "../../../src/engine/envelope";
import {
  BUILT_IN_FRAMEWORKS,
  builtInFramework,
  compileFramework,
  resultRate,
} from "../../../src/engine/frameworks";
import { dec } from "../../../src/engine/money";
import { OUTCOME_IDS } from "../../../src/engine/outcomes";
import { day, fails, ok, pounds } from "./fixtures";

describe("frameworkToTable → frameworkFromTable", () => {
  it.each(BUILT_IN_FRAMEWORKS.map((d) => [d.id]))("reproduces the %s framework", (id) => {
    const original = builtInFramework(id);
    if (!original) throw new Error(id);
    const copy = ok(frameworkFromTable(frameworkToTable(original)));
    // The figures are the same; written out as a user's table, each is now the user's.
    const { provenance, ...figures } = copy.definition;
    expect({ ...figures, provenance: original.definition.provenance }).toEqual(original.definition);
    expect(provenance.attachment).toEqual({
      basis: "yours",
      source: "your framework table, row 7",
    });
    for (const rates of Object.values(provenance.results)) {
      expect(rates?.every((p) => p.basis === "yours")).toBe(true);
    }
    for (const year of original.years) {
      expect(copy.attachment[year.index - 1].equals(original.attachment[year.index - 1])).toBe(
        true
      );
      expect(copy.resultsTotal[year.index - 1].equals(original.resultsTotal[year.index - 1])).toBe(
        true
      );
      for (const outcome of OUTCOME_IDS) {
        expect(
          resultRate(copy, outcome, year.index).equals(resultRate(original, outcome, year.index))
        ).toBe(true);
      }
    }
    expect(copy.eligibilityShare.equals(original.eligibilityShare)).toBe(true);
  });

  it("writes a readable table a user can edit", () => {
    const table = frameworkToTable(
      builtInFramework("phase1") ?? compileFramework(BUILT_IN_FRAMEWORKS[0])
    );
    expect(table[0]).toEqual(["setting", "value"]);
    expect(table).toContainEqual(["attachment", 3200, 2400, 1600]);
    // Years 2 and 3 inferred from the per-family totals (FUNDING_RULES.md): 1,400 and 2,100 before.
    expect(table).toContainEqual(["Crime/ASB and education", 700, 1500, 2300]);
    expect(table).toContainEqual(["eligibility share", "5/6"]);
  });
});

describe("frameworkFromTable: a framework from scratch", () => {
  const table: TableCell[][] = [
    ["Setting", "Value"],
    ["Name", "Local variant 2016"],
    ["Financial Years", "2016/17", "2017/18", "2018/19"],
    ["Attachment fee", 1000],
    ["Maximum results", 800, 800, 900],
    ["sustained progress", 800, 800, 900],
    ["Continuous employment", "£800", "£800", "£900"],
    [null, null],
    ["Eligibility share", "5/6"],
    ["Rounding", "Half up"],
    ["Grant", "£50,000"],
    ["claim windows", "2016-09-30", day("2017-03-31"), null],
    ["Payment lag", 2],
    ["Programme end", "2019-03-31"],
  ];

  it("reads every setting, with names matched loosely and single values applied to every year", () => {
    const framework = ok(frameworkFromTable(table));
    expect(framework.id).toBe("local-variant-2016");
    expect(framework.years.map((y) => y.label)).toEqual(["2016/17", "2017/18", "2018/19"]);
    expect(framework.attachment.map(String)).toEqual(["1000", "1000", "1000"]);
    expect(resultRate(framework, "continuous-employment", 3).toNumber()).toBe(900);
    expect(framework.rounding).toBe("half-up");
    expect(framework.grant).toEqual({ label: "Grant", perYear: dec(50000) });
    expect(framework.claimWindows).toEqual(["2016-09-30", "2017-03-31"]);
    expect(framework.paymentLagMonths).toBe(2);
    expect(framework.turnedAroundOutcomes).toEqual(["sustained-progress", "continuous-employment"]);
    expect(framework.employmentOutcomes).toEqual(["continuous-employment"]);
  });

  it("works in an envelope: 600 nominated → 500 funded, 167 + 167 + 166", () => {
    const envelope = ok(
      cashEnvelope({ framework: ok(frameworkFromTable(table)), cohort: dec(600) })
    );
    expect(
      envelope.rows.map((r) => [r.families.toNumber(), pounds(r.attachment), pounds(r.results)])
    ).toEqual([
      [167, "167000.00", "133600.00"],
      [167, "167000.00", "133600.00"],
      [166, "166000.00", "149400.00"],
    ]);
  });

  it("fills plain defaults for what is not given", () => {
    const framework = ok(
      frameworkFromTable([
        ["financial years", "2021/22", "2022/23"],
        ["attachment", 500, 400],
        ["sustained-progress", 800],
      ])
    );
    expect(framework.id).toBe("custom");
    expect(framework.resultsTotal.map(String)).toEqual(["800", "800"]); // the largest rate
    expect(framework.eligibilityShare.toNumber()).toBe(1);
    expect(framework.defaultYears).toBe(2);
    expect(framework.claimWindows).toHaveLength(8);
    expect(framework.programmeEnd).toBe("2023-03-31");
    expect(framework.grant).toBeUndefined();
  });
});

describe("frameworkFromTable: based on a built-in framework", () => {
  it("starts from phase 1 and overrides one rate", () => {
    const framework = ok(
      frameworkFromTable([
        ["Based on", "Phase 1"],
        ["Progress to work", 100, 250, 300],
        ["employment target", "15%"],
      ])
    );
    expect(framework.id).toBe("phase1-custom");
    expect(resultRate(framework, "progress-to-work", 2).toNumber()).toBe(250);
    expect(resultRate(framework, "crime-asb-education", 2).toNumber()).toBe(1500);
    expect(framework.attachment.map(Number)).toEqual([3200, 2400, 1600]);
    expect(framework.employmentTarget?.toNumber()).toBe(0.15);
    expect(framework.eligibilityShare.toDecimalPlaces(6).toNumber()).toBe(0.833333);
    // What the table gives is the user's; the rest keeps phase 1's basis.
    const { provenance } = framework.definition;
    expect(provenance.results["progress-to-work"]?.[1]).toEqual({
      basis: "yours",
      source: "your framework table, row 2",
    });
    expect(provenance.employmentTarget?.basis).toBe("yours");
    expect(provenance.results["crime-asb-education"]?.map((p) => p.basis)).toEqual([
      "published",
      "inferred",
      "inferred",
    ]);
    expect(provenance.attachment.basis).toBe("published");
  });

  it("keeps Barnet's envelope when based on the fast track", () => {
    const framework = ok(frameworkFromTable([["based on", "phase1 fast track"]]));
    expect(pounds(ok(cashEnvelope({ framework, cohort: dec(705) })).totals.results)).toBe(
      "705600.00"
    );
  });

  it("asks for new per-year rows when the financial years change", () => {
    const error = fails(
      frameworkFromTable([
        ["based on", "phase1"],
        ["financial years", "2012/13", "2013/14"],
      ])
    );
    expect(error.message).toBe(
      `framework table row 2: the phase1 framework's attachment has 3 values but this table has 2 financial years: add a "attachment" row with one value per year.`
    );
  });
});

describe("frameworkFromTable: errors name the row and the fix", () => {
  const base: TableCell[][] = [
    ["financial years", "2016/17", "2017/18"],
    ["attachment", 1000, 1000],
  ];
  const withRow = (row: TableCell[]) => fails(frameworkFromTable([...base, row])).message;

  it.each<[string, TableCell[], string]>([
    [
      "an unknown setting",
      ["colour", "blue"],
      `framework table row 3: "colour" is not a setting or an outcome type`,
    ],
    [
      "negative money",
      ["results total", -800],
      "framework table row 3: results total cannot be negative (-800): enter £0 or more.",
    ],
    [
      "text where money belongs",
      ["council contribution", "lots"],
      `framework table row 3: council contribution must be an amount of money such as 1000 or £1,000, not "lots".`,
    ],
    [
      "TRUE where money belongs",
      ["grant", true],
      "framework table row 3: grant must be an amount of money such as 1000 or £1,000, not true.",
    ],
    [
      "the wrong number of years",
      ["results total", 1, 2, 3],
      "framework table row 3: results total has 3 values but the framework has 2 financial years: give one value, or one per year.",
    ],
    [
      "a gap in the values",
      ["sustained progress", 800, null, 800],
      "framework table row 3: Significant and sustained progress value 2 is empty: fill it in, or give one value for every year.",
    ],
    [
      "a share above 1",
      ["eligibility share", "7/6"],
      `framework table row 3: eligibility share must be a share between 0 and 1 (for example 5/6, 0.8333 or 83.3%), not 7/6.`,
    ],
    [
      "a share given as a number above 1",
      ["employment target", 1.2],
      "framework table row 3: employment target must be a share",
    ],
    [
      "an unknown rounding",
      ["rounding", "nearest"],
      `framework table row 3: rounding must be "half-up", "none" or "down", not "nearest".`,
    ],
    [
      "a setting with two values",
      ["rounding", "none", "down"],
      "framework table row 3: rounding takes one value, in the cell to the right of the name.",
    ],
    [
      "a setting with no value",
      ["grant label"],
      "framework table row 3: grant label has no value: put it in the cell to the right of the name.",
    ],
    [
      "too many default years",
      ["default years", 3],
      `framework table row 3: default years must be a whole number from 1 to 2, not 3.`,
    ],
    [
      "claim windows out of order",
      ["claim windows", "2017-03-31", "2016-09-30"],
      "framework table row 3: claim window 2016-09-30 is not after 2017-03-31: list the claim windows in date order.",
    ],
    [
      "a claim window that is not a date",
      ["claim windows", "March"],
      `framework table row 3: claim windows must be a date such as 2015-05-31 or an Excel date, not "March".`,
    ],
    [
      "a lag that is not whole",
      ["payment lag", 1.5],
      "framework table row 3: payment lag months must be a whole number from 0 to 120, not 1.5.",
    ],
    [
      "an unknown base",
      ["based on", "phase9"],
      `framework table row 3: "phase9" is not a built-in framework to start from`,
    ],
    [
      "a turned-around outcome without a rate",
      ["turned around outcomes", "progress to work"],
      "framework table row 3: turned around outcomes lists Progress to work, but the framework has no rate for it",
    ],
    [
      "an unknown outcome in a list",
      ["employment outcomes", "jobs"],
      `framework table row 3: employment outcomes lists "jobs", which is not an outcome type`,
    ],
    ["a blank first cell", [null, 5], "framework table row 3: the first cell is empty"],
    ["a number as the name", [42, 5], "framework table row 3: 42 is not a setting"],
    [
      "a setting given twice",
      ["attachment", 5],
      "framework table row 3: attachment is already given in row 2: keep one row per setting.",
    ],
  ])("rejects %s", (_what, row, message) => {
    expect(withRow(row).startsWith(message)).toBe(true);
  });

  it("rejects a table without financial years or attachment", () => {
    expect(fails(frameworkFromTable([["attachment", 1000]])).message).toBe(
      `framework table row 2: the table has no "financial years" row: add one (for example financial years | 2016/17 | 2017/18), or a "based on" row.`
    );
    expect(fails(frameworkFromTable([["financial years", "2016/17"]])).message).toMatch(
      /^framework table row 2: the table has no "attachment" row/
    );
  });

  it("rejects financial years that are not labels or do not follow one another", () => {
    expect(
      fails(
        frameworkFromTable([
          ["financial years", 2016],
          ["attachment", 1],
        ])
      ).message
    ).toBe(
      "framework table row 1: 2016 is not a financial year: write it as text such as 2016/17."
    );
    expect(
      fails(
        frameworkFromTable([
          ["financial years", "2016/17", "2018/19"],
          ["attachment", 1],
        ])
      ).message
    ).toBe(
      "framework table row 1: 2018/19 does not follow 2016/17: list consecutive financial years in order."
    );
  });

  it("returns errors as values of kind #VALUE!", () => {
    expect(fails(frameworkFromTable([["colour", "blue"]])).excelText).toBe("#VALUE!");
  });
});
