import { Framework } from "../engine/frameworks";
import { EnvelopeRelease, ReleaseStatus } from "../engine/realism";
import { poundsToNumber } from "../engine/money";
import { f, label, literal, num, pounds, v } from "./cells";
import { PlanBlock, PlanCell, PlanRelease } from "./plan-types";

/** When each part of the year-2 release is paid, in a finance officer's words. */
export function releaseWhen(framework: Framework): {
  now: string;
  later: string;
  deferred: string;
} {
  const second = framework.years[1]?.label;
  return {
    now: second ? `Q1 ${second}` : "Q1 of year 2",
    later: second ? `July to September ${second}` : "July to September of year 2",
    deferred: "once the council shows considerably improved performance",
  };
}

/** The release band in words: the same text on the sheet (a formula) and in the task pane. */
export const RELEASE_BANDS: Record<ReleaseStatus, string> = {
  full: "In full",
  half: "Half now, the rest later",
  deferred: "Deferred (not lost)",
};

/** A threshold as the framework data writes it: "1/3" stays a fraction in the formula. */
const threshold = (text: string): string =>
  /^\s*\d+\s*\/\s*\d+\s*$/.test(text) ? text.replace(/\s/g, "") : String(Number(text));

/**
 * The "Year-2 attachment release" block of the Cash envelope sheet (phase 1's rule, FUNDING_RULES.md):
 * the year-1 commitment (the funded families spread over the framework's years, its year-1
 * share), the families attached in year 1, their share of the commitment, the band, and the
 * year-2 attachment fees paid in Q1, paid July to September and deferred. Every figure is a
 * native formula over the envelope's cells, with the engine's value cached.
 * `top`: the block's first row; `attachedYear1` and `attachmentYear2`: the envelope's cells.
 */
export function releaseBlock(
  framework: Framework,
  release: EnvelopeRelease,
  top: number,
  cells: { attachedYear1: string; attachmentYear2: string }
): PlanBlock {
  const rule = framework.definition.yearTwoRelease;
  const full = threshold(rule?.full ?? release.rule.full.toString());
  const half = threshold(rule?.half ?? release.rule.half.toString());
  const B = (offset: number) => `$B$${top + offset}`;
  const years = B(1);
  const commitment = B(2);
  const attached = B(3);
  const ratio = B(4);
  const stake = B(6);
  const now = B(7);
  const when = releaseWhen(framework);
  const band = RELEASE_BANDS;
  const note = (text: string): PlanCell => label(text);
  const rows: PlanCell[][] = [
    [label("Year-2 attachment release", true), label("Value", true), label("Note", true)],
    [
      label("Years the cohort was budgeted over"),
      v(release.spreadYears, "count"),
      note(
        "The framework's profile: phase 1 budgeted a third of the cohort a year, fast-track half."
      ),
    ],
    [
      label("Year-1 commitment (families)"),
      f(
        `IF(OR(TF_Rounding="none",TF_Funded<>INT(TF_Funded)),TF_Funded/${years},INT(TF_Funded/${years})+IF(1<=MOD(TF_Funded,${years}),1,0))`,
        num(release.commitment),
        "families"
      ),
      note("Funded families spread evenly over those years: the year-1 share."),
    ],
    [
      label("Families attached in year 1"),
      f(cells.attachedYear1, num(release.workedWith), "families"),
      note("From the Families table."),
    ],
    [
      label("Share of the commitment worked with"),
      f(`IF(${commitment}=0,0,${attached}/${commitment})`, release.ratio.toNumber(), "percent"),
      note(
        `${Number(full) * 100}% or more: in full; from a third (1/3): half now, the rest later.`
      ),
    ],
    [
      label("Release band"),
      f(
        `IF(${ratio}>=${full},${literal(band.full)},IF(${ratio}>=${half},${literal(band.half)},${literal(band.deferred)}))`,
        band[release.status],
        "general"
      ),
      note("The MJ and LGC reports, 2013."),
    ],
    [
      label("Year-2 attachment fees at stake £"),
      f(cells.attachmentYear2, pounds(release.attachment), "money"),
      note("The envelope's year-2 attachment £."),
    ],
    [
      label(`Paid in ${when.now} £`),
      f(
        `IF(${ratio}>=${full},${stake},IF(${ratio}>=${half},ROUNDDOWN(${stake}/2,2),0))`,
        pounds(release.paidNow),
        "money"
      ),
      v(null),
    ],
    [
      label(`Paid ${when.later} £`),
      f(
        `IF(AND(${ratio}<${full},${ratio}>=${half}),${stake}-${now},0)`,
        pounds(release.paidLater),
        "money"
      ),
      note("If the council caught up; any odd penny of a half is paid here."),
    ],
    [
      label("Deferred £"),
      f(`IF(${ratio}<${half},${stake},0)`, pounds(release.deferred), "money"),
      note(`Not lost: paid ${when.deferred} (no date published).`),
    ],
  ];
  return { topLeft: `A${top}`, rows };
}

/** The release as the summary and the task pane say it: band, share and the £ parts paid. */
export function releaseFigures(framework: Framework, release: EnvelopeRelease): PlanRelease {
  const when = releaseWhen(framework);
  const parts: [string, number][] = [
    [`Paid in ${when.now}`, poundsToNumber(release.paidNow)],
    [`Paid ${when.later}`, poundsToNumber(release.paidLater)],
    [`Deferred ${when.deferred}`, poundsToNumber(release.deferred)],
  ];
  return {
    band: RELEASE_BANDS[release.status],
    share: release.ratio.toNumber(),
    commitment: num(release.commitment),
    workedWith: num(release.workedWith),
    parts: parts.filter(([, amount]) => amount > 0),
  };
}
