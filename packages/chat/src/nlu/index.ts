/**
 * Natural-language understanding for Samverkan: Swedish first, English too.
 * See README.md in this folder for what is recognised and the entity contract.
 */
export { parseUtterance } from "./parse-utterance";
export { parseDateTime } from "./parse-date-time";
export { entitiesSchema, parseResultSchema, intentNameSchema, phaseSchema, officeSchema } from "./schema";
export type { Entities, IntentName, Phase, ParseResult, ParseOptions, NluLogger, DateTimeResult, Language, Office, Metric, RegisterVocabulary } from "./types";
// Added by issue #16: typed times and digest intents.
export type { When, ParseContext, DigestSchedule, DigestProblem } from "./types";
export { whenSchema, digestScheduleSchema, digestProblemSchema } from "./schema";
export { startInstant, endInstant, startDay } from "./when";
// Added by issue #11: the register as vocabulary.
export { metricSchema } from "./schema";
export { registerVocabulary, baseVocabulary } from "./register";
