/**
 * Trigger words per intent, folded (lowercase, no diacritics). Words of five letters or more
 * also match with one typo (see fuzzy.ts); shorter words list their usual typos explicitly.
 */

export const BOOK = [
  "boka",
  "bok",
  "bokaa",
  "boak",
  "bka",
  "bokar",
  "book",
  "booka",
  "schedule",
  "schemalagg",
  "planera",
  "arrange",
  "arrangera",
  "reservera",
  "reserve",
];
/** "ses"/"träffa"/"meet" book only when they say with whom: "kan vi ses med Academedia på fredag". */
export const WEAK_BOOK = ["ses", "traffa", "traffas", "meet", "motas"];
export const BOOK_PHRASES =
  /\b(?:lagg(?:a)?\s+in|satt(?:a)?\s+upp|set\s+up|ny\s+(?:kvalitets)?dialog|new\s+(?:quality\s+)?dialogue|skapa|create|organi[sz]e)\b/;

export const CANCEL = ["avboka", "avbok", "avbooka", "abboka", "cancel", "cancell", "stryk", "radera"];
export const CANCEL_PHRASES = /\b(?:stall(?:a|er|as|s)?\s+in|installd|installt|installas|call\s+off|called\s+off)\b/;
/** "ta bort"/"delete" cancel only when a dialogue is what is being removed. */
export const REMOVE_PHRASES = /\b(?:ta\s+bort|tabort|delete|remove|drop)\b/;

export const RESCHEDULE = ["flytta", "omboka", "ombok", "reschedule", "resched", "postpone", "tidigarelagg", "senarelagg"];
export const RESCHEDULE_PHRASES =
  /\b(?:boka\s+om(?!\s+(?:en|ett|ny|nya)\b)|skjut(?:a)?\s+(?:upp|fram)|andra\s+(?:tid|tiden|datum|datumet|dag|dagen)|byt(?:a)?\s+(?:tid|dag|datum)|move|moving|push|change\s+the\s+(?:time|date|day)|new\s+time|ny\s+tid)\b/;

export const LOG_VERBS = ["logga", "loga", "logg", "log", "rapportera", "registrera", "uppdatera", "update", "record", "report", "notera", "anteckna"];
export const PROGRESS_NOUNS = ["framsteg", "framstegg", "progress", "progres"];
export const LOG_PHRASES =
  /\b(?:satt(?:a)?\s+(?:fas|fasen|status)|set\s+(?:the\s+)?(?:phase|status)|ny\s+fas|new\s+phase|mark\s+as|markera\s+som|klar\s+med|done\s+with|finished\s+with)\b/;

export const LIST = [
  "mina",
  "min",
  "lista",
  "list",
  "visa",
  "show",
  "my",
  "kommande",
  "upcoming",
  "alla",
  "all",
  "vilka",
  "which",
  "what",
  "oversikt",
  "overview",
  "planerade",
  "bokade",
  "pagaende",
  "ongoing",
  "active",
  "aktiva",
  "oppna",
  "open",
];

export const COVERAGE = ["tackning", "tackningen", "tackningsgrad", "coverage", "tacking"];
export const COVERAGE_PHRASES =
  /\b(?:hur\s+manga\s+(?:huvudman|organisationer|kommuner)|how\s+many\s+(?:principal\s+)?organi[sz]ers|andel(?:en)?\s+(?:av\s+)?huvudm[a-z]*|how\s+far\s+have\s+we\s+come|hur\s+langt\s+har\s+vi\s+kommit)\b/;

export const SEARCH = ["sok", "soka", "sokk", "sokning", "hitta", "leta", "search", "serach", "find", "lookup"];
/** "finns det en skola som heter …" searches; "vilka kommandon finns?" does not. Needs a school word. */
export const WEAK_SEARCH = ["finns"];
export const SEARCH_PHRASES =
  /\b(?:look\s+up|sla\s+upp|kolla\s+upp|veta\s+(?:mer\s+)?om|beratta\s+(?:mer\s+)?om|tell\s+me\s+(?:more\s+)?about|info(?:rmation)?\s+(?:om|on|about))\b/;

export const SCHOOL_NOUNS = [
  "skola",
  "skolan",
  "skolor",
  "skolorna",
  "school",
  "schools",
  "skolenhet",
  "skolenheten",
  "skolenheter",
  "grundskola",
  "gymnasium",
  "gymnasieskola",
];
/** Names like "Rinkebyskolan", "Hjulsta grundskola", "Kunskapsgymnasiet" say "school" by themselves. */
export const SCHOOL_NAME = /(?:skolan|skola|gymnasiet|gymnasium|school)$/;

export const HELP = [
  "hjalp",
  "help",
  "hlep",
  "halp",
  "hjalpa",
  "kommandon",
  "commands",
  "instruktioner",
  "instructions",
  "manual",
  "meny",
  "menu",
  "usage",
  "hjalpmeny",
];
export const HELP_PHRASES =
  /\b(?:vad\s+kan\s+(?:du|jag)|what\s+can\s+(?:you|i)|hur\s+(?:funkar|fungerar|anvander)|how\s+(?:does\s+(?:this|it)\s+work|do\s+i\s+use)|kom\s+igang|get\s+started)\b/;

/** A question about how to do something is a request for help, not the action itself. */
export const HOW_TO =
  /\b(?:hur\s+(?:gor|bokar|loggar|soker|avbokar|flyttar|lagger|skapar|hittar|ser|kan)\s+(?:jag|man|vi)|how\s+(?:do|can|should)\s+i|how\s+to)\b/;

/** Asking how an assignment is going shows it; it does not report progress. */
export const STATUS_QUESTION = /\b(?:hur\s+(?:gar|ligger|ser)\s+(?:det|u|uppdrag)|status|how\s+is|how's|hows|what's|whats|what\s+is)\b/;

/** Words that point at who the dialogue is with. */
export const ORGANIZER_MARKERS = ["med", "with", "hos", "for", "m", "w"];

// Added by issue #11 (register questions).
/** Asking about an organizer: "visa huvudman X", "profil för X", "organizer profile for X". */
export const ORGANIZER_CUE =
  /(?<![a-z0-9])(?:huvudmansprofil\w*|huvudm[ae]n\w*|principal\s+organi[sz]er\w*|organi[sz]er(?:s|en)?(?:\s+profile)?|profil(?:en)?|profile)(?![a-z0-9])/;
/** "berätta om X", "tell me about X": about an organizer when X names one. */
export const ABOUT_PHRASES =
  /(?<![a-z0-9])(?:beratta\s+(?:mer\s+)?om|veta\s+(?:mer\s+)?om|vad\s+vet\s+vi\s+om|tell\s+me\s+(?:more\s+)?about|info(?:rmation)?\s+(?:om|on|about))(?![a-z0-9])/;

/**
 * A message that opens with a command word is a new request, even while the bot waits for an
 * answer (`ParseResult.opensWithCommand`). Read on the original text, as typed.
 */
export const COMMAND_OPENING =
  /^\s*\/?(samverkan\s+)?(sök|sok|hitta|boka|book|flytta|ändra|avboka|ställ in|mina|visa|show|logga|log|täckning|tackning|coverage|search|find|list|reschedule|move|schedule|cancel|kan du boka|can you book)\b/i;
