import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { createWorkbookApi } from "./excel/api";
import { officeBackground, whenOfficeReady } from "./excel/office-host";

// Opened in a browser, not in Excel: a chunk of its own, so the pane's first download does not carry it.
const OutsideOffice = React.lazy(() =>
  import(/* webpackChunkName: "outside" */ "./components/OutsideOffice").then((m) => ({
    default: m.OutsideOffice,
  }))
);

/** Follows the Office theme: a dark body background means a dark pane. */
function officeTheme(): Theme {
  const background = officeBackground();
  const match = background && /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (!match) return webLightTheme;
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? webDarkTheme : webLightTheme;
}

function render(inExcel: boolean): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={inExcel ? officeTheme() : webLightTheme}>
      {inExcel ? (
        <App api={createWorkbookApi()} />
      ) : (
        <React.Suspense fallback={null}>
          <OutsideOffice />
        </React.Suspense>
      )}
    </FluentProvider>
  );
}

whenOfficeReady(render);
