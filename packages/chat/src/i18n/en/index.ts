import type { Messages } from "../sv";
import { assignments } from "./assignments";
import { book } from "./book";
import { briefingCard } from "./briefing-card";
import { chartsCoverageChart } from "./charts-coverage-chart";
import { common } from "./common";
import { contacts } from "./contacts";
import { coverage } from "./coverage";
import { dialogues } from "./dialogues";
import { digest } from "./digest";
import { digestCards } from "./digest-cards";
import { digestCommand } from "./digest-command";
import { digestDescribe } from "./digest-describe";
import { digestMessage } from "./digest-message";
import { digestScheduler } from "./digest-scheduler";
import { engine } from "./engine";
import { figures } from "./figures";
import { format } from "./format";
import { help } from "./help";
import { home } from "./home";
import { lifecycle } from "./lifecycle";
import { nudgesRunner } from "./nudges-runner";
import { nudgesSettings } from "./nudges-settings";
import { organizer } from "./organizer";
import { rank } from "./rank";
import { renderer } from "./renderer";
import { repair } from "./repair";
import { reply } from "./reply";
import { schoolFigures } from "./school-figures";
import { schools } from "./schools";

/** The English message catalogue, typed as the Swedish one so that a missing key does not compile. */
export const en: Messages = {
  assignments,
  book,
  briefingCard,
  chartsCoverageChart,
  common,
  contacts,
  coverage,
  dialogues,
  digest,
  digestCards,
  digestCommand,
  digestDescribe,
  digestMessage,
  digestScheduler,
  engine,
  figures,
  format,
  help,
  home,
  lifecycle,
  nudgesRunner,
  nudgesSettings,
  organizer,
  rank,
  renderer,
  repair,
  reply,
  schoolFigures,
  schools,
};
