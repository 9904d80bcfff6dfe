import fc from "fast-check";
import { isoFromSerial, serialFromIso } from "../../../src/engine/dates";
import { FundingError, isError } from "../../../src/engine/errors";
import { findOutcome } from "../../../src/engine/outcomes";
import { parseAmount, parseCount, parseDate, parseOutcome } from "../../../src/engine/parse-values";
import { builtInFramework } from "../../../src/engine/frameworks";
import { financialYearStart, resolveYear } from "../../../src/engine/years";

const message = (result: unknown) => (isError(result) ? result.message : `value ${String(result)}`);
const iso = (result: number | FundingError) =>
  isError(result) ? result.message : isoFromSerial(result);

describe("counts of families", () => {
  it.each([
    [705, 705],
    ["705", 705],
    [" 294 ", 294],
    ["1,294", 1294],
    ["1,294,000", 1294000],
    ["12.0", 12],
    [-0, 0],
    ["-0", 0],
    ["1e3", 1000],
    ["+12", 12],
  ])("reads %j as %d", (value, expected) => {
    const n = parseCount("families", value);
    expect(isError(n) ? n.message : n.toNumber()).toBe(expected);
    expect(Object.is(isError(n) ? NaN : n.toNumber(), -0)).toBe(false);
  });

  it.each([
    [
      "10,00",
      'families "10,00" has a comma out of place: write thousands as 1,294 (or 1294); a decimal comma is not read.',
    ],
    [
      "1,2345",
      'families "1,2345" has a comma out of place: write thousands as 1,294 (or 1294); a decimal comma is not read.',
    ],
    [
      "1,,000",
      'families "1,,000" has a comma out of place: write thousands as 1,294 (or 1294); a decimal comma is not read.',
    ],
    ["seven", 'families must be a number of families, not "seven".'],
    [Infinity, "families is not a finite number: enter an ordinary number."],
    ["1e999", "families is not a finite number: enter an ordinary number."],
    [".5", "families must be a whole number of families, not .5: families cannot be split."],
    ["-3", "families cannot be negative (-3): enter 0 or more families."],
    [-3, "families cannot be negative (-3): enter 0 or more families."],
    [4.5, "families must be a whole number of families, not 4.5: families cannot be split."],
    ["£12", 'families must be a number of families, not "£12".'],
    [true, "families must be a number of families, not true."],
    [20_000_000, "families is 20,000,000, more than the 10,000,000 families this model allows."],
  ])("refuses %j", (value, reason) => {
    expect(message(parseCount("families", value))).toBe(reason);
  });

  it("reads any whole number written with or without thousands commas the same", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        const grouped = n.toLocaleString("en-GB");
        expect(message(parseCount("x", grouped))).toBe(`value ${n}`);
        expect(message(parseCount("x", ` ${n} `))).toBe(`value ${n}`);
      })
    );
  });
});

describe("amounts of £", () => {
  it.each([
    ["£12.34", 12.34],
    ["£ 1,294", 1294],
    [" 294 ", 294],
    ["1,294.50", 1294.5],
    [700, 700],
    [-0, 0],
  ])("reads %j as %d", (value, expected) => {
    const n = parseAmount("the amount", value);
    expect(isError(n) ? n.message : n.toNumber()).toBe(expected);
  });

  it.each([
    [
      "10,00",
      'the amount "10,00" has a comma out of place: write thousands as 1,294 (or 1294); a decimal comma is not read.',
    ],
    ["-£12", "the amount cannot be negative (-£12): enter £0 or more."],
    [-5, "the amount cannot be negative (-5): enter £0 or more."],
    ["£", 'the amount must be an amount of money such as 1000 or £1,000, not "£".'],
    [2e12, "the amount is 2,000,000,000,000, more than the £1,000,000,000,000 this model allows."],
    [
      "twelve pounds",
      'the amount must be an amount of money such as 1000 or £1,000, not "twelve pounds".',
    ],
  ])("refuses %j", (value, reason) => {
    expect(message(parseAmount("the amount", value))).toBe(reason);
  });
});

describe("dates as UK councils type them", () => {
  it.each([
    ["31/07/2013", "2013-07-31"],
    ["31/7/13", "2013-07-31"],
    ["1/2/2014", "2014-02-01"],
    ["31.07.2013", "2013-07-31"],
    ["31 July 2013", "2013-07-31"],
    ["31st July 2013", "2013-07-31"],
    ["31-Jul-2013", "2013-07-31"],
    ["31 Jul 13", "2013-07-31"],
    ["July 2013", "2013-07-31"],
    ["Jul-13", "2013-07-31"],
    ["Feb 2014", "2014-02-28"],
    ["February 2014", "2014-02-28"],
    ["Feb 2016", "2016-02-29"],
    ["Sept 2014", "2014-09-30"],
    ["May-14", "2014-05-31"],
    [" 2014-08-01 ", "2014-08-01"],
    [41486, "2013-07-31"],
    ["41486", "2013-07-31"],
  ])("reads %j as %s", (value, expected) => {
    expect(iso(parseDate("the claim date", value))).toBe(expected);
  });

  it.each([
    [
      "31/02/2014",
      'the claim date "31/02/2014" is not a real date: February 2014 has 28 days, so correct the day.',
    ],
    [
      "29 February 2014",
      'the claim date "29 February 2014" is not a real date: February 2014 has 28 days, so correct the day.',
    ],
    [
      "07/31/2013",
      'the claim date "07/31/2013" is not a date: dates are read day first, as in the UK (31/07/2013 is 31 July 2013), so correct the day or the month.',
    ],
    [
      "Julember 2013",
      'the claim date is not a date: enter a date such as 2014-08-01 or an Excel date, not "Julember 2013".',
    ],
    [
      "soon",
      'the claim date is not a date: enter a date such as 2014-08-01 or an Excel date, not "soon".',
    ],
  ])("refuses %j, saying why", (value, reason) => {
    expect(message(parseDate("the claim date", value))).toBe(reason);
  });

  it("reads every real date the same as day/month/year, d Month yyyy and ISO", () => {
    const months = [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ];
    fc.assert(
      fc.property(
        fc.date({ min: new Date(2000, 0, 1), max: new Date(2029, 11, 31), noInvalidDate: true }),
        (d) => {
          const [y, m, day] = [d.getFullYear(), d.getMonth() + 1, d.getDate()];
          const isoText = `${y}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
          const serial = serialFromIso(isoText);
          expect(parseDate("d", `${day}/${m}/${y}`)).toBe(serial);
          expect(parseDate("d", `${day}/${m}/${String(y).slice(2)}`)).toBe(serial);
          expect(parseDate("d", `${day} ${months[m - 1]} ${y}`)).toBe(serial);
          expect(parseDate("d", `${day}-${months[m - 1].slice(0, 3)}-${y}`)).toBe(serial);
        }
      )
    );
  });
});

describe("outcome labels in councils' words", () => {
  it.each([
    ["Cont. employment after previous ASB/education claim", "continuous-employment-after-claim"],
    [
      "Continuous employment (following previous claim for ASB / Education)",
      "continuous-employment-after-claim",
    ],
    ["Education and crime/ASB", "crime-asb-education"],
    ["Crime/ASB and education", "crime-asb-education"],
    ["Crime, ASB & Education", "crime-asb-education"],
    ["Education & Crime / Anti-Social Behaviour", "crime-asb-education"],
    ["CRIME/ASB/EDUCATION", "crime-asb-education"],
    ["Progress to Work (ESF/Work Programme)", "progress-to-work"],
    ["Progress to work", "progress-to-work"],
    ["PtW", "progress-to-work"],
    ["Employment", "continuous-employment"],
    ["Continuous employment", "continuous-employment"],
    ["Sustained and significant progress", "sustained-progress"],
    ["Significant and sustained progress", "sustained-progress"],
    ["Significant & Sustained Progress", "sustained-progress"],
    ["SSP", "sustained-progress"],
    ["All adults remain in work throughout intervention", "adults-in-work"],
  ])("reads %j as %s", (label, id) => {
    expect(parseOutcome(label)).toBe(id);
    expect(findOutcome(label)).toBe(id);
  });

  it.each(["Crime", "ASB", "Crime/ASB", "Education", "anti-social behaviour", "Crime / ASB only"])(
    "refuses %j, one part of the crime/ASB and education result, and lists the accepted labels",
    (label) => {
      const phase1 = builtInFramework("phase1")!;
      expect(message(parseOutcome(label, [...phase1.results.keys()]))).toBe(
        `"${label}" is only one part of a result: the crime/ASB and education result is paid once a family has achieved both parts, so enter such a family once as "Crime/ASB and education" (a family that achieved one part has no result to claim yet). Outcome types: "Crime/ASB and education", "Progress to work", "Continuous employment", "Continuous employment (following previous claim for ASB / Education)", "All adults remain in work throughout intervention".`
      );
    }
  );

  it("refuses an unknown label, listing the labels of the framework's outcome types", () => {
    const phase2 = builtInFramework("phase2")!;
    expect(message(parseOutcome("Parenting course completed", [...phase2.results.keys()]))).toBe(
      '"Parenting course completed" is not an outcome type: use one of "Significant and sustained progress", "Continuous employment".'
    );
    expect(message(parseOutcome(12))).toMatch(
      /^12 is not an outcome type: use one of "Crime\/ASB and education"/
    );
    // Not outcome types, though they share words with them: framework-table settings.
    expect(findOutcome("attachment")).toBeUndefined();
    expect(findOutcome("employment target")).toBeUndefined();
    expect(findOutcome("progress")).toBeUndefined();
  });

  it("reads a label that is the name of one of JavaScript's own members as an unknown label", () => {
    // "constructor" once found Object's constructor among the abbreviations and threw a
    // TypeError from the engine (a fast-check run of random labels drew it).
    for (const label of ["constructor", "toString", "__proto__", "hasOwnProperty", "Cont. valueOf"])
      expect(findOutcome(label)).toBeUndefined();
    expect(message(parseOutcome("constructor"))).toMatch(/^"constructor" is not an outcome type/);
  });
});

describe("financial years", () => {
  it.each([
    ["2015-2016", 2015],
    ["2015-16", 2015],
    ["2015/16", 2015],
    ["15/16", 2015],
    ["FY2015/16", 2015],
    ["FY 15-16", 2015],
    ["2015 to 2016", 2015],
    ["2015/17", undefined],
    ["15/17", undefined],
  ])("reads %j as the year starting in %s", (text, start) => {
    expect(financialYearStart(text)).toBe(start);
  });

  it("resolves each form to its programme year in phase 2", () => {
    const phase2 = builtInFramework("phase2")!;
    expect(
      ["2015-2016", "2016/17", "17/18", "FY2018/19"].map((y) => resolveYear(phase2, y))
    ).toEqual([1, 2, 3, 4]);
  });
});
