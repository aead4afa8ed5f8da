import type { Phase } from "../domain/assignment";

export { phaseSchema, PHASE_NAMES, type Phase } from "../domain/assignment";

/**
 * The words staff write for each assignment phase, folded (see {@link foldSwedish}), Swedish and
 * English, with their definite and compound forms (`planeringen`, `genomforandefasen`).
 * The phases themselves are `phaseSchema`; their display names `PHASE_NAMES`.
 */
export const PHASE_WORDS: Readonly<Record<Phase, readonly string[]>> = {
  startUp: ["uppstart", "uppstarten", "startup", "uppstartsfas", "uppstartsfasen"],
  planning: ["planering", "planeringen", "planning", "planeringsfas", "planeringsfasen"],
  implementation: ["genomforande", "genomforandet", "implementation", "implementering", "implementeringen", "genomforandefas", "genomforandefasen"],
  followUp: ["uppfoljning", "uppfoljningen", "followup", "uppfoljningsfas", "uppfoljningsfasen"],
  completed: ["avslutad", "avslutat", "avslutade", "klar", "klart", "slutford", "slutfort", "completed", "complete", "done", "finished", "fardig", "fardigt"],
};
