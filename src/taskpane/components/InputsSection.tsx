import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
} from "@fluentui/react-components";
import { FundingInputs, InputProblem } from "../../workbook/inputs";
import { paneProblemText } from "../problem-text";

export interface InputsSectionProps {
  inputs?: FundingInputs;
  problems: InputProblem[];
  /** Rows passed over on purpose (a totals row, a note, no Claims table yet), for the user to check. */
  notices: InputProblem[];
  busy: boolean;
  /** Writing sheets needs ExcelApi 1.7 (the sample is written as sheets). */
  canWrite: boolean;
  onRead: () => void;
  onUseSelection: () => void;
  onInsertSample: () => void;
}

/** What the pane found in the workbook, and every problem with its sheet, cell and reason. */
export function InputsSection(props: InputsSectionProps) {
  const { inputs, problems, notices, busy } = props;
  return (
    <section aria-labelledby="inputs-heading" className="tf-section">
      <Subtitle2 as="h2" id="inputs-heading">
        Workbook inputs
      </Subtitle2>
      {inputs && (
        <ul className="tf-found" aria-label="Input tables found">
          <li>
            Families: {inputs.sources.families} ({inputs.families.length}{" "}
            {inputs.families.length === 1 ? "year" : "years"})
          </li>
          <li>
            Claims: {inputs.sources.claims} ({inputs.claims.length}{" "}
            {inputs.claims.length === 1 ? "claim" : "claims"})
          </li>
        </ul>
      )}
      {problems.length > 0 && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <strong>These cells cannot be read:</strong>
            <ul className="tf-problems">
              {problems.map((p, i) => (
                <li key={i}>{paneProblemText(p)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {notices.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            <strong>Not read, on purpose (check these):</strong>
            <ul className="tf-notices" aria-label="Not read on purpose">
              {notices.map((n, i) => (
                <li key={i}>{paneProblemText(n)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {!inputs && problems.length === 0 && <Caption1>No inputs read yet.</Caption1>}
      <div className="tf-buttons">
        <Button onClick={props.onRead} disabled={busy}>
          Read workbook
        </Button>
        <Button onClick={props.onUseSelection} disabled={busy}>
          Use selection
        </Button>
        <Button onClick={props.onInsertSample} disabled={busy || !props.canWrite}>
          Insert sample inputs
        </Button>
      </div>
    </section>
  );
}
