import type { FlowContext } from "../context";
import { escapeMarkup, message, reply } from "../reply";
import type { EngineReply } from "../types";
import { t } from "../../i18n";

const EXAMPLES = {
  sv: [
    ["Sök skola", "sök Rinkebyskolan · harnosand · 39907811"],
    ["Boka dialog", "boka dialog med Borås kommun imorgon kl 10 i Göteborg"],
    ["Mina dialoger", "mina dialoger"],
    ["Flytta", "flytta dialogen med Borås kommun till fredag kl 13"],
    ["Ställ in", "avboka dialogen med Borås kommun"],
    ["Förbered dialog", "förbered dialogen med Borås kommun"],
    ["Protokoll efteråt", "dialogen med Borås kommun är genomförd"],
    ["Påminnelser", "mina påminnelser"],
    ["Logga framsteg", "logga U-12 60 % klar med kartläggningen"],
    ["Visa uppdrag", "visa U-12 · mina uppdrag"],
    ["Täckning", "täckning · täckning i Skåne län · täckning för Malmökontoret"],
    ["Huvudman", "visa huvudman Borås kommun"],
    ["Rangordna skolor", "vilka skolor i Malmö har lägst meritvärde?"],
    ["Sammanfattning i kanalen", "digest varje måndag 08:00 län 22 · digest lista"],
    ["Avbryt", "avbryt (när som helst)"],
  ],
  en: [
    ["Find a school", "search Rinkebyskolan · harnosand · 39907811"],
    ["Book a dialogue", "book a dialogue with Borås kommun tomorrow at 10 in Göteborg"],
    ["My dialogues", "my dialogues"],
    ["Reschedule", "move the dialogue with Borås kommun to Friday at 1pm"],
    ["Cancel", "cancel the dialogue with Borås kommun"],
    ["Prepare a dialogue", "prepare the dialogue with Borås kommun"],
    ["Minutes afterwards", "record minutes for the dialogue with Borås kommun"],
    ["Reminders", "my reminders"],
    ["Log progress", "log U-12 60% mapping done"],
    ["Show assignment", "show U-12 · my assignments"],
    ["Coverage", "coverage · coverage in Skåne county · coverage for the Malmö office"],
    ["Organizer", "show organizer Borås kommun"],
    ["Rank schools", "which schools in Malmö have the lowest merit value?"],
    ["Channel digest", "digest every monday 08:00 county 22 · digest list"],
    ["Stop", "cancel (at any time)"],
  ],
} as const;

export function showHelp(ctx: FlowContext): EngineReply {
  const msg = t(ctx.locale).help;
  return reply(
    message(
      ctx.locale,
      [
        { type: "header", text: msg.whatICanDo },
        { type: "text", text: msg.hiWriteAsYouSpeak(escapeMarkup(ctx.staff.name)) },
        { type: "fields", fields: EXAMPLES[ctx.locale].map(([label, value]) => ({ label, value: `_${value}_` })) },
      ],
      msg.iCanFindSchoolsBook,
    ),
  );
}
