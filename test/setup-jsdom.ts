import { toHaveNoViolations } from "jest-axe";

expect.extend(toHaveNoViolations);

// jsdom has no ResizeObserver (every browser Office runs the pane in does); Fluent's MessageBar
// only uses it to reflow long text, so a stand-in that never reports a resize is faithful enough.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  class ResizeObserverStandIn {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(window, { ResizeObserver: ResizeObserverStandIn });
}
