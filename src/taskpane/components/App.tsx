import * as React from "react";
import { Title3 } from "@fluentui/react-components";
import { serialOfLocalDate } from "../../engine/dates";
import { isError } from "../../engine/errors";
import { Overrides, applyOverrides, readInputs } from "../../workbook/inputs";
import { WorkbookSnapshot } from "../../workbook/snapshot";
import { WorkbookApi, WriteProgress } from "../api";
import { TargetUnknown } from "../../engine/target";
import { financialYearLabel } from "../../engine/years";
import {
  WhatIfFigures,
  WhatIfSettings,
  anyFamilies,
  baseFromInputs,
  baseWithoutWorkbook,
  goalSeek,
  startingFamilies,
  whatIfFigures,
  yearsTyped,
} from "../cash-whatif";
import { MAX_COMPARED, Scenario, compareScenarios } from "../comparison";
import { formatPounds, headline, readingOverrides, whatIfSettingProblems } from "../whatif";
import { AssumptionsSection } from "./AssumptionsSection";
import { FiguresSection } from "./FiguresSection";

// Below the fold: one chunk, asked for on the first render, so the figures and the common
// assumptions paint from the first download alone.
const lower = () => import(/* webpackChunkName: "sections" */ "./lower-sections");
const GoalSeekSection = React.lazy(() => lower().then((m) => ({ default: m.GoalSeekSection })));
const ScenariosSection = React.lazy(() => lower().then((m) => ({ default: m.ScenariosSection })));
const InputsSection = React.lazy(() => lower().then((m) => ({ default: m.InputsSection })));
const WhatIfSection = React.lazy(() => lower().then((m) => ({ default: m.WhatIfSection })));
const BuildSection = React.lazy(() => lower().then((m) => ({ default: m.BuildSection })));
const OlderExcelNotice = React.lazy(() => lower().then((m) => ({ default: m.OlderExcelNotice })));
const PeersSection = React.lazy(() => lower().then((m) => ({ default: m.PeersSection })));

/** The replace question, loaded when a build first needs it (see ReplaceDialog). */
const ReplaceDialog = React.lazy(() => import(/* webpackChunkName: "build" */ "./ReplaceDialog"));

export interface AppProps {
  api: WorkbookApi;
  /** Today as an Excel serial, so claims dated later are reported; the clock unless a test says. */
  today?: () => number;
}

const clockToday = () => serialOfLocalDate(new Date());

type Message = { intent: "success" | "error" | "info"; text: string };
const reason = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

/** The task pane: inputs, assumptions, what-if figures and the build, over the workbook api. */
export function App({ api, today = clockToday }: AppProps) {
  // The workbook as last read from Excel: kept, so a new framework re-reads it with no round trip.
  const [loaded, setLoaded] = React.useState<{ snapshot: WorkbookSnapshot }>();
  const [overrides, setOverrides] = React.useState<Overrides>({});
  const [cost, setCost] = React.useState("");
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState<WriteProgress>();
  const [message, setMessage] = React.useState<Message>();
  const [confirming, setConfirming] = React.useState<{
    sheets: string[];
    answer: (yes: boolean) => void;
  }>();

  // The what-if's own settings. Families typed are kept against the families they started from:
  // a new workbook, framework or spread starts the fields again from that.
  const [typedFamilies, setTypedFamilies] = React.useState<{ from: string; families: string[] }>();
  const [rates, setRates] = React.useState<Omit<WhatIfSettings, "families">>({
    rateBy: "overall",
    routes: {},
    monthsToResult: "",
  });
  const [goalAmount, setGoalAmount] = React.useState("");
  const [goalYear, setGoalYear] = React.useState<number>();
  const [solveFor, setSolveFor] = React.useState<TargetUnknown>("success-rate");
  const [scenarios, setScenarios] = React.useState<Scenario[]>([]);
  const [compared, setCompared] = React.useState<string[]>([]);
  const [scenarioName, setScenarioName] = React.useState("");
  // Asked once: an Excel older than ExcelApi 1.7 keeps the what-if and loses only the writing.
  const canWrite = React.useMemo(() => api.canWriteSheets(), [api]);

  // Through a ref: a new clock function on each render must not re-read the workbook.
  const clock = React.useRef(today);
  clock.current = today;
  const load = React.useCallback((snapshot: WorkbookSnapshot) => setLoaded({ snapshot }), []);

  const run = React.useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      await work();
    } catch (failure) {
      setMessage({ intent: "error", text: reason(failure) });
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  }, []);

  React.useEffect(() => {
    void run(async () => {
      setOverrides(await api.loadAssumptions());
      // Scenarios saved with the workbook come back to be compared; none is ticked for the user.
      setScenarios(await api.loadScenarios());
      load(await api.readWorkbook());
    });
  }, [api, load, run]);

  // Read with the framework chosen here: it decides which years and outcome types rows may name
  // (a phase 2 workbook with no Assumptions reads once phase 2 is picked). The other settings
  // apply over what was read, so a what-if change recomputes at once without reading again.
  const { framework } = overrides;
  const read = React.useMemo(
    () =>
      loaded &&
      readInputs(loaded.snapshot, {
        today: clock.current(),
        overrides: readingOverrides({ framework }),
      }),
    [loaded, framework]
  );
  const inputs = read?.inputs;
  const problems = React.useMemo(
    () => (read && !read.inputs ? [...read.problems, ...whatIfSettingProblems(overrides)] : []),
    [read, overrides]
  );

  const what = React.useMemo(() => {
    if (!inputs) return undefined;
    const n = cost.trim() === "" ? undefined : Number(cost);
    return headline(inputs, overrides, n);
  }, [inputs, overrides, cost]);
  const applied = React.useMemo(
    () => (inputs ? applyOverrides(inputs, overrides).inputs : undefined),
    [inputs, overrides]
  );

  // The what-if: the engine's cash flow over the fields, in the pane, on every keystroke.
  const base = React.useMemo(
    () => (applied ? baseFromInputs(applied) : baseWithoutWorkbook(overrides)),
    [applied, overrides]
  );
  const starting = React.useMemo(
    () => (base ? startingFamilies(base.framework, applied) : []),
    [base, applied]
  );
  const from = `${base?.framework.id}:${starting.join(",")}`;
  const families = typedFamilies?.from === from ? typedFamilies.families : starting;
  const settings: WhatIfSettings = React.useMemo(() => ({ ...rates, families }), [rates, families]);
  const computed = React.useMemo(
    () => (base && anyFamilies(settings) ? whatIfFigures(base, settings) : undefined),
    [base, settings]
  );
  // A field that cannot be read keeps the last figures that could be worked out on screen.
  const lastGood = React.useRef<WhatIfFigures>(undefined);
  if (!base || !anyFamilies(settings)) lastGood.current = undefined;
  else if (computed?.figures) lastGood.current = computed.figures;
  const figures = computed?.figures ?? lastGood.current;
  // A scenario of another framework waits for that framework's fields before its families go in.
  const [restoring, setRestoring] = React.useState<Scenario>();
  React.useEffect(() => {
    if (!restoring || base?.framework.id !== restoring.framework) return;
    setTypedFamilies({ from, families: restoring.settings.families });
    setRestoring(undefined);
  }, [restoring, base, from]);
  const restoreScenario = (scenario: Scenario) => {
    const { families: typed, ...rest } = scenario.settings;
    setRates(rest);
    const next = { ...overrides, successRate: String(scenario.successRate) };
    if (scenario.framework === base?.framework.id) {
      setTypedFamilies({ from, families: typed });
    } else {
      next.framework = scenario.framework;
      setRestoring(scenario);
    }
    changeOverrides(next);
    setMessage({ intent: "info", text: `${scenario.name} is in the fields above.` });
  };

  const changeWhatIf = (next: WhatIfSettings) => {
    const { families: typed, ...rest } = next;
    setTypedFamilies({ from, families: typed });
    setRates(rest);
  };

  const goalYears = React.useMemo(() => {
    const years = new Map<number, string>();
    for (const y of base?.framework.years ?? [])
      years.set(y.startYear, financialYearLabel(y.startYear));
    for (const y of figures?.years ?? []) years.set(y.startYear, y.label);
    return [...years].sort(([a], [b]) => a - b).map(([startYear, label]) => ({ startYear, label }));
  }, [base, figures]);
  const byYear =
    goalYear !== undefined && goalYears.some((y) => y.startYear === goalYear)
      ? goalYear
      : (goalYears.at(-1)?.startYear ?? 0);
  const goal = React.useMemo(
    () => (base ? goalSeek(base, settings, goalAmount, byYear, solveFor) : undefined),
    [base, settings, goalAmount, byYear, solveFor]
  );

  const changeOverrides = (next: Overrides) => {
    setOverrides(next);
    void api.saveAssumptions(next).catch((failure) =>
      setMessage({
        intent: "error",
        text: `The assumptions were not saved with the workbook: ${reason(failure)}`,
      })
    );
  };

  const confirm = (sheets: string[]) =>
    new Promise<boolean>((resolve) =>
      setConfirming({
        sheets,
        answer: (yes) => {
          setConfirming(undefined);
          resolve(yes);
        },
      })
    );

  const build = () =>
    run(async () => {
      if (!applied) return;
      // The plan builder and the Peers reader load when tables are first built, not with the
      // pane (a smaller first load).
      const [{ buildPlan }, { withPeers }] = await Promise.all([
        import(/* webpackChunkName: "build" */ "../../workbook/plan"),
        import(/* webpackChunkName: "build" */ "../../workbook/peers-read"),
      ]);
      const read = loaded
        ? withPeers({ inputs: applied, problems: [], notices: [] }, loaded.snapshot)
        : undefined;
      if (!read?.inputs) {
        const problems = read?.problems ?? [];
        const where = (p: { sheet: string; cell: string }) => `${p.sheet}!${p.cell}`;
        setMessage({
          intent: "error",
          text: problems.map((p) => `${where(p)}: ${p.reason}`).join(" "),
        });
        return;
      }
      const plan = buildPlan(read.inputs);
      if (isError(plan)) {
        setMessage({ intent: "error", text: plan.message });
        return;
      }
      const outcome = await api.writePlan(plan, { confirm, onProgress: setProgress });
      if (outcome.sheets.length === 0) {
        setMessage({ intent: "info", text: "Nothing was changed." });
        return;
      }
      const s = plan.summary;
      setMessage({
        intent: "success",
        text: `Built ${outcome.sheets.join(", ")}. ${s.sentence} Claimed to date ${formatPounds(s.claimedToDate)}; still at risk ${formatPounds(s.stillAtRisk)}.`,
      });
    });

  const saveScenario = () =>
    run(async () => {
      if (!base || !computed?.figures) return;
      const shown = computed.figures;
      const name = scenarioName.trim() || `Scenario ${scenarios.length + 1}`;
      const scenario: Scenario = {
        name,
        framework: base.framework.id,
        successRate: base.successRate.toNumber(),
        settings,
        figures: shown,
      };
      // A name used again replaces that scenario: the newest figures under it.
      const kept = [...scenarios.filter((s) => s.name !== name), scenario];
      setScenarios(kept);
      setCompared((ticked) =>
        ticked.includes(name) || ticked.length >= MAX_COMPARED ? ticked : [...ticked, name]
      );
      setScenarioName("");
      // Kept with the workbook (its document settings, which need no ExcelApi 1.7), so the
      // comparison is still there when the pane or the file is opened again.
      await api.saveScenarios(kept);
      if (!canWrite) {
        setMessage({ intent: "success", text: `${name} saved with the workbook.` });
        return;
      }
      await api.saveScenario({
        name,
        framework: base.framework.id,
        families: shown.funded,
        successRate: scenario.successRate,
        envelope: shown.envelope,
        secured: shown.secured,
        atRisk: shown.atRisk,
        expectedResults: shown.expectedResults,
      });
      setMessage({
        intent: "success",
        text: `${name} saved with the workbook, and added to the Scenarios table.`,
      });
    });

  const writeComparison = () =>
    run(async () => {
      const chosen = compared
        .map((name) => scenarios.find((s) => s.name === name))
        .filter((s): s is Scenario => s !== undefined);
      const sheet = await api.writeComparison(compareScenarios(chosen));
      setMessage({
        intent: "success",
        text: `${chosen.map((s) => s.name).join(", ")} compared on the sheet ${sheet}.`,
      });
    });

  const rateText =
    rates.rateBy === "routes"
      ? "at the routes' rates"
      : base
        ? `at ${(base.successRate.toNumber() * 100).toFixed(1)}%`
        : "";

  return (
    <main className="tf-pane">
      <Title3 as="h1">Troubled Families funding</Title3>
      {!canWrite && (
        <React.Suspense fallback={null}>
          <OlderExcelNotice />
        </React.Suspense>
      )}
      <FiguresSection
        figures={figures}
        stale={!!figures && !computed?.figures}
        rateText={rateText}
      />
      <AssumptionsSection
        overrides={overrides}
        current={applied?.assumptions}
        onChange={changeOverrides}
        framework={base?.framework}
        whatIf={settings}
        onWhatIf={changeWhatIf}
        problems={computed?.problems ?? {}}
      />
      <React.Suspense
        fallback={
          <p className="tf-loading" role="status">
            Loading goal seek, scenarios and build…
          </p>
        }
      >
        <GoalSeekSection
          amount={goalAmount}
          onAmount={setGoalAmount}
          byYear={byYear}
          onByYear={setGoalYear}
          years={goalYears}
          solveFor={solveFor}
          onSolveFor={setSolveFor}
          answer={goal}
          familiesYears={base ? yearsTyped(families, base.framework) : 0}
          successRate={base?.successRate.toNumber() ?? 0}
        />
        <ScenariosSection
          scenarios={scenarios}
          compared={compared}
          onCompared={setCompared}
          name={scenarioName}
          onName={setScenarioName}
          canSave={!!computed?.figures && !busy}
          onSave={() => void saveScenario()}
          canWrite={canWrite && !busy}
          onWrite={() => void writeComparison()}
          onUse={restoreScenario}
        />
        <InputsSection
          inputs={inputs}
          problems={[...problems, ...(what?.problems ?? [])]}
          notices={read?.notices ?? []}
          busy={busy}
          canWrite={canWrite}
          onRead={() => void run(async () => load(await api.readWorkbook()))}
          onUseSelection={() => void run(async () => load(await api.readSelection()))}
          onInsertSample={() =>
            void run(async () => {
              const sheets = await api.insertSample();
              load(await api.readWorkbook());
              setMessage({
                intent: "success",
                text: `Sample inputs added on ${sheets.join(", ")}.`,
              });
            })
          }
        />
        <WhatIfSection headline={what?.headline} cost={cost} onCost={setCost} />
        <PeersSection snapshot={loaded?.snapshot} inputs={applied} />
        <BuildSection
          canBuild={!!applied && canWrite}
          busy={busy}
          progress={progress}
          message={message}
          onBuild={() => void build()}
        />
      </React.Suspense>
      {confirming && (
        <React.Suspense fallback={null}>
          <ReplaceDialog sheets={confirming.sheets} answer={confirming.answer} />
        </React.Suspense>
      )}
    </main>
  );
}
