import { assignments } from "./assignments";
import { book } from "./book";
import { briefingCard } from "./briefingCard";
import { chartsCoverageChart } from "./chartsCoverageChart";
import { common } from "./common";
import { contacts } from "./contacts";
import { coverage } from "./coverage";
import { dialogues } from "./dialogues";
import { digest } from "./digest";
import { digestCards } from "./digestCards";
import { digestCommand } from "./digestCommand";
import { digestDescribe } from "./digestDescribe";
import { digestMessage } from "./digestMessage";
import { digestScheduler } from "./digestScheduler";
import { engine } from "./engine";
import { figures } from "./figures";
import { format } from "./format";
import { help } from "./help";
import { home } from "./home";
import { lifecycle } from "./lifecycle";
import { nudgesRunner } from "./nudgesRunner";
import { nudgesSettings } from "./nudgesSettings";
import { organizer } from "./organizer";
import { rank } from "./rank";
import { renderer } from "./renderer";
import { repair } from "./repair";
import { reply } from "./reply";
import { schoolFigures } from "./schoolFigures";
import { schools } from "./schools";

/** The Swedish message catalogue: every sentence the bot says, by section. Its shape is the catalogue type. */
export const sv = {
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

/** The shape every language's catalogue has (the Swedish one is the reference). */
export type Messages = typeof sv;
