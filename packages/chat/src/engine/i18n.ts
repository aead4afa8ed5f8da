import type { Locale } from "../cards/model";

/** Every sentence the bot says, in Swedish and English. Functions take what varies. */
export const t = {
  /** Tells an unregistered chat user how to be added, with the command for their platform. */
  unknownUser: (account: string) => ({
    sv: `Hej! Jag känner inte igen ditt konto ännu, så jag kan inte hjälpa dig med Samverkan. Be en administratör lägga till dig, till exempel med \`samverkan staff add --name "Ditt Namn" --agency spsm --role advisor ${account}\`, och försök sedan igen.`,
    en: `Hi! I don't recognise your account yet, so I can't help you with Samverkan. Ask an administrator to add you, e.g. with \`samverkan staff add --name "Your Name" --agency spsm --role advisor ${account}\`, then try again.`,
  }),
  notUnderstood: {
    sv: "Jag förstod inte riktigt. Skriv **hjälp** för att se vad jag kan, till exempel *sök Rinkebyskolan* eller *boka dialog med Borås kommun imorgon kl 10*.",
    en: "I didn't quite understand. Write **help** to see what I can do, e.g. *search Rinkebyskolan* or *book a dialogue with Borås kommun tomorrow at 10*.",
  },
  cancelled: { sv: "Okej, jag avbröt. Inget har ändrats.", en: "Okay, cancelled. Nothing was changed." },
  nothingToCancel: { sv: "Det finns inget pågående att avbryta.", en: "There is nothing in progress to cancel." },
  expired: { sv: "Den här frågan har gått ut. Börja om, till exempel med *boka dialog*.", en: "This question has expired. Start again, e.g. with *book a dialogue*." },
  askTime: { sv: "Vilken dag och tid? Till exempel *imorgon kl 10* eller *3/12 kl 14*.", en: "Which day and time? For example *tomorrow at 10* or *Dec 3 at 2pm*." },
  askClock: (date: string) => ({ sv: `Vilken tid den ${date}? Till exempel *kl 10*.`, en: `What time on ${date}? For example *at 10*.` }),
  askOrganizer: { sv: "Med vilken huvudman eller skola? Skriv namnet.", en: "With which principal organizer or school? Write the name." },
  askPlace: { sv: "Var ska dialogen hållas? Välj ett regionkontor eller digitalt.", en: "Where will the dialogue be held? Choose a regional office or digital." },
  askAssignment: { sv: "Vilket uppdrag gäller det? Skriv till exempel *U-12*.", en: "Which assignment? Write e.g. *U-12*." },
  askProgress: { sv: "Vad har hänt i uppdraget? Skriv en kort anteckning, gärna med procent (t.ex. *60 %*) eller ny fas.", en: "What has happened in the assignment? Write a short note, optionally with a percent (e.g. *60%*) or a new phase." },
  didNotGetTime: { sv: "Jag förstod inte tiden.", en: "I didn't understand the time." },
  pickOrganizer: { sv: "Jag hittade flera. Vilken menar du?", en: "I found several. Which one do you mean?" },
  noMatch: (q: string) => ({ sv: `Jag hittade ingen huvudman eller skola som matchar "${q}". Prova ett annat namn.`, en: `I found no organizer or school matching "${q}". Try another name.` }),
  noSchool: (q: string) => ({ sv: `Jag hittade ingen skola som matchar "${q}".`, en: `I found no school matching "${q}".` }),
  confirmBook: { sv: "Stämmer det här? Jag bokar när du bekräftar.", en: "Is this right? I'll book when you confirm." },
  booked: { sv: "Klart! Dialogen är bokad.", en: "Done! The dialogue is booked." },
  conflict: { sv: "Tiden krockar. Här är lediga tider i närheten:", en: "That time conflicts. Here are free times nearby:" },
  noFreeSlots: { sv: "Jag hittade inga lediga tider de närmaste två veckorna.", en: "I found no free times in the next two weeks." },
  noUpcoming: { sv: "Du har inga kommande dialoger.", en: "You have no upcoming dialogues." },
  pickDialogue: { sv: "Vilken dialog menar du?", en: "Which dialogue do you mean?" },
  confirmCancel: { sv: "Vill du ställa in den här dialogen?", en: "Do you want to cancel this dialogue?" },
  dialogueCancelled: { sv: "Dialogen är inställd.", en: "The dialogue is cancelled." },
  confirmReschedule: { sv: "Flytta dialogen hit?", en: "Move the dialogue here?" },
  rescheduled: { sv: "Dialogen är flyttad.", en: "The dialogue is rescheduled." },
  confirmProgress: { sv: "Ska jag logga det här?", en: "Shall I log this?" },
  progressLogged: { sv: "Loggat. Tack!", en: "Logged. Thank you!" },
  noAssignments: { sv: "Du har inga pågående uppdrag.", en: "You have no open assignments." },
  somethingWrong: { sv: "Något gick fel hos mig. Försök igen om en stund; felet är loggat.", en: "Something went wrong on my side. Please try again shortly; the error has been logged." },
} as const;

export type Text = { sv: string; en: string };

export function say(text: Text, locale: Locale): string {
  return text[locale];
}

const MONTHS_SV = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS_SV = ["sön", "mån", "tis", "ons", "tor", "fre", "lör"];
const DAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** `tor 3 dec 14:00–15:30` from two ISO instants with offset (already in Swedish time). */
export function formatRange(start: string, end: string, locale: Locale): string {
  return `${formatDay(start, locale)} ${start.slice(11, 16)}–${end.slice(11, 16)}`;
}

export function formatDay(iso: string, locale: Locale): string {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  const weekday = new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay();
  return locale === "sv" ? `${DAYS_SV[weekday]} ${d} ${MONTHS_SV[m! - 1]}` : `${DAYS_EN[weekday]} ${d} ${MONTHS_EN[m! - 1]}`;
}

export function formatDateTime(iso: string, locale: Locale): string {
  return `${formatDay(iso, locale)} ${iso.slice(11, 16)}`;
}

/** A ten-step bar for a share 0–1: ▰▰▰▱▱▱▱▱▱▱ */
export function bar(share: number): string {
  const filled = Math.max(0, Math.min(10, Math.round(share * 10)));
  return "▰".repeat(filled) + "▱".repeat(10 - filled);
}

export function percent(share: number, locale: Locale): string {
  const text = (share * 100).toFixed(1);
  return `${locale === "sv" ? text.replace(".", ",") : text} %`;
}
