import { MessageBar, MessageBarBody } from "@fluentui/react-components";

/** Said at the top of the pane in an Excel without the writes' requirement set (ExcelApi 1.7). */
export function OlderExcelNotice() {
  return (
    <MessageBar intent="warning" data-testid="older-excel">
      <MessageBarBody>
        This Excel does not have ExcelApi 1.7, which writing sheets and charts needs: Build tables
        and the other writes to the workbook are off. The what-if, goal seek and comparison work
        here in the pane.
      </MessageBarBody>
    </MessageBar>
  );
}
