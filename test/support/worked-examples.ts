/**
 * Issue 14's worked example, asserted by the engine, the functions, the pane and the command line
 * alike: phase 2, 140 families attached a year for five years, 65% turned around. Fees of £1,000
 * a family in the year of attachment; results of £800 × 65% spread over each year's quarters,
 * claimed twelve months on and paid a month later: £700,000 + £364,000 = £1,064,000.
 */
export const PHASE2_140_AT_65 = {
  attachment: 700000,
  expectedResults: 364000,
  total: 1064000,
  /** Financial year, attachment £ received, results £ received. */
  byYear: [
    ["2015/16", 140000, 0],
    ["2016/17", 140000, 54600],
    ["2017/18", 140000, 72800],
    ["2018/19", 140000, 72800],
    ["2019/20", 140000, 72800],
    ["2020/21", 0, 72800],
    ["2021/22", 0, 18200],
  ] as [string, number, number][],
};

/** Each year as [year, attachment, results, total received]. */
export const phase2ByYearWithTotals = () =>
  PHASE2_140_AT_65.byYear.map(([year, attachment, results]) => [
    year,
    attachment,
    results,
    attachment + results,
  ]);
