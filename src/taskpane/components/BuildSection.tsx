import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
} from "@fluentui/react-components";
import { WriteProgress } from "../api";

export interface BuildSectionProps {
  canBuild: boolean;
  busy: boolean;
  progress?: WriteProgress;
  message?: { intent: "success" | "error" | "info"; text: string };
  onBuild: () => void;
}

/** Builds the cash-envelope and PbR-risk tables into the workbook, with progress. */
export function BuildSection({ canBuild, busy, progress, message, onBuild }: BuildSectionProps) {
  return (
    <section aria-labelledby="build-heading" className="tf-section">
      <Subtitle2 as="h2" id="build-heading">
        Funding tables
      </Subtitle2>
      <Button appearance="primary" onClick={onBuild} disabled={!canBuild || busy}>
        Build tables
      </Button>
      {progress && busy && (
        <Field validationMessage={progress.step} validationState="none">
          <ProgressBar
            value={progress.total === 0 ? undefined : progress.done / progress.total}
            aria-label="Building the tables"
          />
        </Field>
      )}
      {message && (
        <MessageBar intent={message.intent} role={message.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
