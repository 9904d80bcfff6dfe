// The sections below the fold of a 350 px pane (and the rare older-Excel notice), in one chunk fetched as the pane first renders:
// the figures and the common assumptions paint without waiting for them (see App).
export { BuildSection } from "./BuildSection";
export { GoalSeekSection } from "./GoalSeekSection";
export { InputsSection } from "./InputsSection";
export { ScenariosSection } from "./ScenariosSection";
export { WhatIfSection } from "./WhatIfSection";
export { OlderExcelNotice } from "./OlderExcelNotice";
export { PeersSection } from "./PeersSection";
