/**
 * One vocabulary for every part of Samverkan: the words the NLU, the engine, the apps and the
 * CLI recognise and print for phases, focus areas, offices and yes/no answers, and the Swedish
 * folding they all match with.
 */
export { foldSwedish } from "./fold";
export { PHASE_WORDS, phaseSchema, PHASE_NAMES, type Phase } from "./phases";
export { FOCUS_AREA_TOPICS, focusAreaOfTopic, focusAreaSchema, FOCUS_AREA_NAMES, type FocusArea } from "./focus-areas";
export { officeTowns, DEFAULT_OFFICE_TOWNS } from "./offices";
export { YES_WORDS, NO_WORDS, isBareYes, isBareNo } from "./answers";
