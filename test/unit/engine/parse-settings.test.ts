import fc from "fast-check";
import { FundingError, isError } from "../../../src/engine/errors";
import {
  BUILT_IN_FRAMEWORKS,
  builtInFramework,
  findFramework,
} from "../../../src/engine/frameworks";
import { Decimal } from "../../../src/engine/money";
import { editDistance, nearMisses } from "../../../src/engine/near-miss";
import { outcomeNotPaid, paidOutcomes } from "../../../src/engine/paid-outcomes";
import {
  countSetting,
  moneySetting,
  numberSetting,
  roundingSetting,
  shareSetting,
  yearsSetting,
} from "../../../src/engine/parse-settings";
import { resultsPayment } from "../../../src/functions/contract";
import * as arg from "../../../src/functions/excel-args";
import {
  AssumptionKey,
  SETTING_WHAT,
  defaultAssumptions,
  setAssumption,
} from "../../../src/workbook/assumptions";

const phase1 = builtInFramework("phase1")!;
const phase2 = builtInFramework("phase2")!;

const message = (result: unknown): string => {
  if (!isError(result)) throw new Error(`expected a problem, got ${String(result)}`);
  return result.message;
};

describe("framework names", () => {
  it.each([
    ["phase1", "phase1"],
    ["Phase 1", "phase1"],
    ["PHASE-1", "phase1"],
    ["phase 1 fast track", "phase1-fast-track"],
    ["Phase 1 Fast-Track", "phase1-fast-track"],
    ["Phase 2", "phase2"],
    ["Phase2", "phase2"],
    ["phase_2", "phase2"],
    ["Troubled Families phase 2", "phase2"],
    ["earned autonomy", "phase2-earned-autonomy"],
    ["Phase 2 earned autonomy", "phase2-earned-autonomy"],
    ["Supporting Families", "supporting-families"],
    ["supporting_families", "supporting-families"],
    ["  phase2  ", "phase2"],
  ])("reads %j as %s", (name, id) => {
    expect(builtInFramework(name)?.id).toBe(id);
    expect((findFramework(name) as { id: string }).id).toBe(id);
  });

  it("names an unknown framework and lists them all, with no guess when nothing is near", () => {
    expect(message(findFramework("nonsense"))).toBe(
      `there is no framework called "nonsense": use one of phase1, phase1-fast-track, phase2, phase2-earned-autonomy, supporting-families.`
    );
  });

  it("suggests the nearest framework for a slip of the keyboard", () => {
    expect(message(findFramework("phse2"))).toBe(
      `there is no framework called "phse2": did you mean phase2? The frameworks are phase1, phase1-fast-track, phase2, phase2-earned-autonomy, supporting-families.`
    );
    expect(message(findFramework("Supporting Famlies"))).toMatch(
      /did you mean supporting-families\?/
    );
    expect(message(findFramework("phase3"))).toMatch(/did you mean phase1 or phase2\?/);
  });

  it("offers a framework table only where a range can hold one (a cell)", () => {
    expect(message(findFramework("nonsense", true))).toMatch(
      /supporting-families, or a framework table\.$/
    );
    expect(message(arg.framework("nonsense"))).toMatch(/or a framework table\.$/);
  });

  it("finds every built-in framework by its own full name", () => {
    for (const definition of BUILT_IN_FRAMEWORKS)
      expect(builtInFramework(definition.name)?.id).toBe(definition.id);
  });
});

describe("near misses", () => {
  it("counts a swapped pair as one slip", () => {
    expect(editDistance("tabels", "tables")).toBe(1);
    expect(editDistance("call", "call")).toBe(0);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("suggests nothing for a different word", () => {
    expect(nearMisses("nonsense", ["tables", "sample", "call", "help"])).toEqual([]);
    expect(nearMisses("tabels", ["tables", "sample", "call", "help"])).toEqual(["tables"]);
  });

  it("is symmetric and zero only for the same word (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
      })
    );
  });
});

describe("numbers, counts and £", () => {
  it("reads numbers as Excel reads typed text", () => {
    expect(numberSetting("x", "1,000")).toBe(1000);
    expect(numberSetting("x", " 1,294 ")).toBe(1294);
    expect(numberSetting("x", "-2.5")).toBe(-2.5);
    expect(numberSetting("x", ".5")).toBe(0.5);
    expect(numberSetting("x", "1e3")).toBe(1000);
    expect(numberSetting("x", 12)).toBe(12);
  });

  it('refuses "10,00" (a decimal comma), saying how to write it', () => {
    expect(message(numberSetting("the grant", "10,00"))).toBe(
      `the grant "10,00" has a comma out of place: write thousands as 1,294 (or 1294); a decimal comma is not read.`
    );
    expect(message(numberSetting("x", "1,0000"))).toBe(
      `x "1,0000" has a comma out of place: write thousands as 1,294 (or 1294); a decimal comma is not read.`
    );
    expect(message(numberSetting("x", "e5"))).toBe(`x must be a number, not "e5".`);
    expect(message(numberSetting("x", ""))).toBe("x is empty: enter a number.");
  });

  it("reads £ amounts with a pound sign and thousands, to the penny", () => {
    expect((moneySetting("the grant", "£1,234.56") as Decimal).toString()).toBe("1234.56");
    expect((moneySetting("the grant", "£ 100000") as Decimal).toString()).toBe("100000");
    expect(message(moneySetting("the grant", "-£5"))).toBe(
      "the grant cannot be negative (-£5): enter £0 or more."
    );
    expect(message(moneySetting("the grant", "£10,00"))).toBe(
      `the grant "£10,00" has a comma out of place: write thousands as 1,294 (or 1294); a decimal comma is not read.`
    );
    expect(message(moneySetting("the grant", true))).toMatch(/must be an amount of money/);
    expect(message(moneySetting("the grant", -5))).toBe(
      "the grant cannot be negative (-5): enter £0 or more."
    );
  });

  it("reads counts of families: whole, not negative, not absurd", () => {
    expect((countSetting("funded", "1,294") as Decimal).toNumber()).toBe(1294);
    expect(message(countSetting("funded", "4.5"))).toMatch(/must be a whole number of families/);
    expect((countSetting("funded", "4.5", true) as Decimal).toNumber()).toBe(4.5);
    expect(message(countSetting("funded", -1))).toBe(
      "funded cannot be negative (-1): enter 0 or more families."
    );
    expect(message(countSetting("funded", 2e7))).toMatch(/more than the 10,000,000/);
  });

  it("reads back any count written with en-GB thousands separators (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        expect((countSetting("families", n.toLocaleString("en-GB")) as Decimal).toNumber()).toBe(n);
      })
    );
  });
});

describe("shares", () => {
  it("reads a fraction exactly, a percentage and a number", () => {
    expect((shareSetting("share", "5/6") as Decimal).equals(new Decimal(5).div(6))).toBe(true);
    expect((shareSetting("share", "83.3%") as Decimal).toString()).toBe("0.833");
    expect((shareSetting("share", 0.8333) as Decimal).toString()).toBe("0.8333");
    expect((shareSetting("share", " 65 % ") as Decimal).toString()).toBe("0.65");
  });

  it("says how to write a percentage when a plain number above 1 was meant as one", () => {
    expect(message(shareSetting("the success rate", "65"))).toBe(
      "the success rate must be a share between 0 and 1 (for example 5/6, 0.8333 or 83.3%), not 65: for 65% write 65%."
    );
    expect(message(shareSetting("the success rate", "150%"))).toBe(
      "the success rate must be a share between 0 and 1 (for example 5/6, 0.8333 or 83.3%), not 150%."
    );
    expect(message(shareSetting("share", "7/6"))).toBe(
      "share must be a share between 0 and 1 (for example 5/6, 0.8333 or 83.3%), not 7/6."
    );
    expect(message(shareSetting("share", 1.5))).toMatch(/not 1\.5: for 1\.5% write 1\.5%\.$/);
    expect(message(shareSetting("share", "most"))).toBe(
      `share must be a share between 0 and 1 such as 5/6, 0.8333 or 83.3%, not "most".`
    );
  });

  it("reads any percentage with one decimal place as that share (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (tenths) => {
        const text = `${(tenths / 10).toFixed(1)}%`;
        expect((shareSetting("share", text) as Decimal).toNumber()).toBeCloseTo(tenths / 1000, 12);
      })
    );
  });
});

describe("rounding and years", () => {
  it.each([
    ["half-up", "half-up"],
    ["Half up", "half-up"],
    ["HALF_UP", "half-up"],
    ["halfup", "half-up"],
    ["None", "none"],
    ["down", "down"],
  ])("reads rounding %j as %s", (text, rounding) => {
    expect(roundingSetting(text)).toBe(rounding);
  });

  it("refuses an unknown rounding rule, naming the three", () => {
    expect(message(roundingSetting("nearest"))).toBe(
      `rounding must be "half-up", "none" or "down", not "nearest".`
    );
  });

  it("reads programme years within the framework", () => {
    expect(yearsSetting("years", "2", phase1)).toBe(2);
    expect(yearsSetting("years", 5, phase2)).toBe(5);
    expect(message(yearsSetting("years", 4, phase1))).toBe(
      "years must be a whole number from 1 to 3 (the phase1 framework's programme years), not 4."
    );
  });
});

describe("does this framework pay this outcome", () => {
  it("lists what the framework pays for, by label", () => {
    expect(paidOutcomes(phase2)).toEqual(["continuous-employment", "sustained-progress"]);
    expect(outcomeNotPaid(phase2, "sustained-progress")).toBeUndefined();
    expect(outcomeNotPaid(phase2, "progress-to-work", "Progress to Work (ESF)")?.message).toBe(
      "the phase2 framework does not pay a result for Progress to Work (ESF): it pays for Continuous employment, Significant and sustained progress."
    );
  });

  it("gives the same message in a cell as in the engine", () => {
    const fromCell = message(resultsPayment(["progress-to-work", 1, "Phase 2"]));
    expect(fromCell).toBe(outcomeNotPaid(phase2, "progress-to-work")?.message);
  });
});

/**
 * One value, one reading: what a cell (a TF_ argument) accepts, an Assumptions table or a flag
 * accepts too, with the same problem text but for the setting's name.
 */
describe("a cell, an Assumptions table and a flag read a value the same way", () => {
  const values = fc.oneof(
    fc.constantFrom("10,00", "1,000", "£1,000", "5/6", "83.3%", "65", "0.65", "abc", "-1", "1e3"),
    fc.string({ maxLength: 8 }),
    fc.double({ min: -10, max: 1e13, noNaN: true })
  );
  const same = (
    key: AssumptionKey,
    cell: (what: string, value: string | number) => unknown
  ): void => {
    fc.assert(
      fc.property(values, (value) => {
        if (typeof value === "string" && value.trim() === "") return;
        const reason = setAssumption(defaultAssumptions(phase1), key, value);
        const fromCell = cell(SETTING_WHAT[key], value);
        expect(reason).toBe(isError(fromCell) ? (fromCell as FundingError).message : undefined);
      })
    );
  };

  it("shares", () => same("successRate", (what, value) => arg.share(what, value)));
  it("£ amounts", () => same("grantPerYear", (what, value) => arg.money(what, value)));
  it("counts of families", () => same("funded", (what, value) => arg.families(what, value, true)));
  it("rounding", () => same("rounding", (_, value) => arg.rounding(value)));
});
