import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";

export interface ReplaceDialogProps {
  /** The generated sheets a build would replace. */
  sheets: string[];
  answer: (replace: boolean) => void;
}

/**
 * Asks before generated sheets are replaced. Loaded only when a build has something to replace
 * (React.lazy in App): Fluent's Dialog is not part of the pane's first load.
 */
export default function ReplaceDialog(props: ReplaceDialogProps) {
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && props.answer(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Replace the generated sheets?</DialogTitle>
          <DialogContent>
            {props.sheets.join(", ")} will be replaced with new tables. Your own sheets are not
            touched.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => props.answer(true)}>
              Replace
            </Button>
            <Button onClick={() => props.answer(false)}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
