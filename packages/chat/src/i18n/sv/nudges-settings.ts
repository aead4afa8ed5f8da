/** Swedish texts of nudgesSettings. */
export const nudgesSettings = {
  myReminders: "Mina påminnelser",
  on: "På",
  off: "Av",
  switchOff: "Stäng av",
  switchOn: "Slå på",
  sentAsDirectMessagesNever: "Skickas som direktmeddelande, aldrig på helger eller helgdagar.",
  recent: "Senast",
  switchedOn: "Påslagen.",
  switchedOff: "Avstängd.",
  kindNames: {
    briefing: "Förberedelse arbetsdagen före en dialog, kl 08:00",
    minutes: "Protokoll saknas, arbetsdagen efter en dialog, kl 09:00",
    stale: "Uppdrag utan framsteg på 14 dagar, måndagar kl 09:00",
  },
};
