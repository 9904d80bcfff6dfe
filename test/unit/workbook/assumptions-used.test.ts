import { frameworkFromTable } from "../../../src/engine/custom-framework";
import { Framework, builtInFramework } from "../../../src/engine/frameworks";
import { defaultAssumptions, setAssumption } from "../../../src/workbook/assumptions";
import { assumptionsUsed, defaultsText, shareText } from "../../../src/workbook/assumptions-used";

const phase1 = builtInFramework("phase1") as Framework;
const find = (list: ReturnType<typeof assumptionsUsed>, setting: string) =>
  list.find((a) => a.setting === setting);

describe("assumptionsUsed", () => {
  it("says what nobody entered: the tool's defaults and the framework's bases", () => {
    const list = assumptionsUsed(defaultAssumptions(phase1));
    expect(find(list, "Success rate")).toMatchObject({ value: "100%", basis: "default" });
    expect(find(list, "Co-ordinator grant per year")).toMatchObject({
      value: "£100,000",
      basis: "default",
      source: expect.stringMatching(/£112,000/),
    });
    expect(find(list, "Eligibility share")).toMatchObject({ value: "5/6", basis: "published" });
    expect(find(list, "Progress to work result, 2014/15")).toMatchObject({
      value: "£100",
      basis: "inferred",
    });
    expect(find(list, "Framework")).toMatchObject({ value: "phase1", basis: "default" });
  });

  it("marks what the user gave as yours, with where, and never changes the assumptions it came from", () => {
    const base = defaultAssumptions(phase1);
    const mine = { ...base };
    expect(setAssumption(mine, "successRate", "65%", "the Assumptions table, Inputs!B7")).toBe(
      undefined
    );
    expect(setAssumption(mine, "grantPerYear", 112000)).toBe(undefined);
    const list = assumptionsUsed(mine);
    expect(find(list, "Success rate")).toEqual({
      setting: "Success rate",
      value: "65%",
      basis: "yours",
      source: "the Assumptions table, Inputs!B7",
    });
    expect(find(list, "Co-ordinator grant per year")).toMatchObject({
      value: "£112,000",
      basis: "yours",
      source: expect.stringMatching(/flag or the task pane/),
    });
    expect(find(assumptionsUsed(base), "Success rate")?.basis).toBe("default");
  });

  it("takes a new framework's defaults (and bases) when the framework is switched", () => {
    const mine = defaultAssumptions(phase1);
    setAssumption(mine, "grantPerYear", 50000);
    setAssumption(mine, "years", 2);
    setAssumption(mine, "framework", "phase2");
    const list = assumptionsUsed(mine);
    expect(find(list, "Framework")).toMatchObject({ value: "phase2", basis: "yours" });
    expect(find(list, "Service Transformation Grant per year")).toMatchObject({
      value: "£0",
      basis: "default",
    });
    expect(find(list, "Years")).toMatchObject({ value: "2", basis: "yours" });
    expect(find(list, "Council contribution per family")).toMatchObject({
      value: "£2,700",
      basis: "inferred",
    });
  });

  it("lists a framework table's rates as yours", () => {
    const custom = frameworkFromTable([
      ["based on", "phase1"],
      ["Crime/ASB and education", 700, 1400, 2100],
    ]) as Framework;
    const list = assumptionsUsed(defaultAssumptions(custom));
    expect(find(list, "Crime/ASB and education result, 2013/14")).toMatchObject({
      value: "£1,400",
      basis: "yours",
      source: "your framework table, row 2",
    });
    expect(find(list, "Progress to work result, 2013/14")).toMatchObject({ basis: "inferred" });
  });
});

describe("the summary's defaults line", () => {
  it("names every default with its value, then the inferred rates", () => {
    const lines = defaultsText(assumptionsUsed(defaultAssumptions(phase1)));
    expect(lines[0]).toMatch(
      /^Defaults used: .*success rate 100% \(default\), .*co-ordinator grant per year £100,000 \(default\)/
    );
    expect(lines[0]).toMatch(/payment lag 1 month \(default\)/);
    expect(lines[1]).toMatch(
      /^Inferred, not published: .*crime\/ASB and education result, 2013\/14 £1,500 \(inferred\)/
    );
  });

  it("is empty when nothing is a default or inferred", () => {
    expect(
      defaultsText([{ setting: "Success rate", value: "65%", basis: "yours", source: "x" }])
    ).toEqual([]);
  });
});

describe("shareText", () => {
  it("writes sixths as fractions and round shares as percentages", () => {
    expect(shareText(phase1.eligibilityShare)).toBe("5/6");
    expect(shareText(phase1.employmentTarget!)).toBe("10%");
  });
});
