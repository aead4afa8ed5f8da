import type { FocusArea } from "../domain/assignment";
import { foldSwedish } from "./fold";

export { focusAreaSchema, FOCUS_AREA_NAMES, type FocusArea } from "../domain/assignment";

/** Topics (success factors, folded) that name a focus area: `elevhalsa` → pupil health. */
export const FOCUS_AREA_TOPICS: Readonly<Record<string, FocusArea>> = {
  elevhalsa: "pupilHealth",
  tillganglighet: "accessibility",
  narvaro: "attendance",
  ledarskap: "leadership",
  undervisning: "teaching",
  "systematiskt kvalitetsarbete": "analysis",
};

/** The focus area a topic such as `Elevhälsa` or `närvaro` names, if any. */
export function focusAreaOfTopic(topic: string): FocusArea | undefined {
  return FOCUS_AREA_TOPICS[foldSwedish(topic.trim())];
}
