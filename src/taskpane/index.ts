/* global Office, document */
import { FUNCTIONS } from "../functions/table";

/**
 * The shared runtime's page. It hosts the custom functions and tells the user what the add-in
 * offers; outside Office it says so plainly instead of failing.
 */
function render(host: Office.HostType | null): void {
  const status = document.getElementById("status");
  if (!status) return;
  if (!host) {
    status.textContent =
      "This page runs inside Excel. Open the workbook in Excel and choose Home > Funding tables.";
    return;
  }
  const names = FUNCTIONS.map((spec) => `=${spec.id.replace("_", ".")}`).join(", ");
  status.textContent = `Type =TF. in any cell for the funding functions: ${names}.`;
}

if (typeof Office !== "undefined") {
  Office.onReady((info) => render(info.host ?? null));
} else {
  render(null);
}
