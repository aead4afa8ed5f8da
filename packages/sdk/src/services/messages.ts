import type { LocalizedText } from "../errors";

/**
 * Swedish for the validation messages our schemas use. Schemas state their messages in
 * English; this table gives each its Swedish twin, and anything unlisted gets a general
 * Swedish sentence naming the field, so a Swedish reader never sees only English.
 */
const SWEDISH: Record<string, string> = {
  "An organisation number has ten digits, e.g. 212000-0142.": "Ett organisationsnummer har tio siffror, till exempel 212000-0142.",
  "The organisation number's last digit does not match its Luhn check digit; check for a typo.":
    "Organisationsnumrets sista siffra stämmer inte med kontrollsiffran. Kontrollera att du skrivit rätt.",
  "A school unit code (skolenhetskod) has eight digits, e.g. 39907811.": "En skolenhetskod har åtta siffror, till exempel 39907811.",
  "A municipality code has four digits, e.g. 0180 for Stockholm.": "En kommunkod har fyra siffror, till exempel 0180 för Stockholm.",
  "A county code has two digits, e.g. 01 for Stockholms län.": "En länskod har två siffror, till exempel 01 för Stockholms län.",
  "Percent must be from 0 to 100.": "Procent måste vara mellan 0 och 100.",
  "Percent must be a number from 0 to 100.": "Procent måste vara ett tal mellan 0 och 100.",
  "A progress entry needs a note, a percent or a phase change.": "En framstegsnotering behöver en anteckning, en procentsats eller ett fasbyte.",
  "Give an end time or a duration.": "Ange en sluttid eller en längd.",
  "Choose a regional office, or mark the dialogue as digital.": "Välj ett regionkontor, eller ange att dialogen är digital.",
  "Choose the principal organizer the dialogue is with.": "Välj vilken huvudman dialogen gäller.",
  "At least one staff member takes part.": "Minst en medarbetare måste delta.",
  "An assignment reference looks like U-12.": "En uppdragsreferens ser ut som U-12.",
  "A plan is for a school unit or an organizer: give one of them.": "En plan gäller en skolenhet eller en huvudman: ange en av dem.",
  "Due date must be a date like 2027-06-30.": "Slutdatum måste vara ett datum som 2027-06-30.",
  "Give the contact person's name.": "Ange kontaktpersonens namn.",
  "Give the contact person's role, e.g. förvaltningschef.": "Ange kontaktpersonens roll, till exempel förvaltningschef.",
  "The e-mail address is not valid, e.g. anna.berg@boras.se.": "E-postadressen är ogiltig; skriv till exempel anna.berg@boras.se.",
  "A phone number has digits, spaces, dashes and an optional leading +, e.g. 033-35 70 00.":
    "Ett telefonnummer har siffror, mellanslag, bindestreck och eventuellt ett inledande +, till exempel 033-35 70 00.",
  "Describe the agreed action.": "Beskriv den överenskomna åtgärden.",
  "The next dialogue date must be a date like 2027-03-15.": "Datum för nästa dialog måste vara ett datum som 2027-03-15.",
};

export function translateIssue(field: string, english: string): LocalizedText {
  const sv = SWEDISH[english] ?? `Fältet ${field} är ogiltigt (${english}).`;
  return { sv: `${field}: ${sv}`, en: `${field}: ${english}` };
}
