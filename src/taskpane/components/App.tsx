import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Title3,
} from "@fluentui/react-components";
import { serialOfLocalDate } from "../../engine/dates";
import { isError } from "../../engine/errors";
import { Overrides, applyOverrides, readInputs } from "../../workbook/inputs";
import { buildPlan } from "../../workbook/plan";
import { WorkbookSnapshot } from "../../workbook/snapshot";
import { WorkbookApi, WriteProgress } from "../api";
import { formatPounds, headline, readingOverrides, whatIfSettingProblems } from "../whatif";
import { AssumptionsSection } from "./AssumptionsSection";
import { BuildSection } from "./BuildSection";
import { InputsSection } from "./InputsSection";
import { WhatIfSection } from "./WhatIfSection";

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
      const plan = buildPlan(applied);
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
      const h = what?.headline;
      if (!h) return;
      const name = `Scenario ${new Date().toLocaleString("en-GB")}`;
      await api.saveScenario({
        name,
        framework: h.framework,
        families: h.funded,
        successRate: h.successRate,
        envelope: h.envelope,
        secured: h.secured,
        atRisk: h.atRisk,
        expectedResults: h.expectedResults,
      });
      setMessage({ intent: "success", text: `${name} added to the Scenarios table.` });
    });

  return (
    <main className="tf-pane">
      <Title3 as="h1">Troubled Families funding</Title3>
      <InputsSection
        inputs={inputs}
        problems={[...problems, ...(what?.problems ?? [])]}
        notices={read?.notices ?? []}
        busy={busy}
        onRead={() => void run(async () => load(await api.readWorkbook()))}
        onUseSelection={() => void run(async () => load(await api.readSelection()))}
        onInsertSample={() =>
          void run(async () => {
            const sheets = await api.insertSample();
            load(await api.readWorkbook());
            setMessage({ intent: "success", text: `Sample inputs added on ${sheets.join(", ")}.` });
          })
        }
      />
      <AssumptionsSection
        overrides={overrides}
        current={applied?.assumptions}
        onChange={changeOverrides}
      />
      <WhatIfSection
        headline={what?.headline}
        cost={cost}
        onCost={setCost}
        onSaveScenario={() => void saveScenario()}
        busy={busy}
      />
      <BuildSection
        canBuild={!!applied}
        busy={busy}
        progress={progress}
        message={message}
        onBuild={() => void build()}
      />
      <Dialog
        open={!!confirming}
        onOpenChange={(_, data) => !data.open && confirming?.answer(false)}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Replace the generated sheets?</DialogTitle>
            <DialogContent>
              {confirming?.sheets.join(", ")} will be replaced with new tables. Your own sheets are
              not touched.
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => confirming?.answer(true)}>
                Replace
              </Button>
              <Button onClick={() => confirming?.answer(false)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </main>
  );
}
