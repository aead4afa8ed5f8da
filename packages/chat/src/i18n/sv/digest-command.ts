/** Swedish texts of digestCommand. */
export const digestCommand = {
  unknownCounty: (county: string) => `Jag känner inte igen länet "${county}". Skriv länskoden, till exempel *län 22*.`,
  whichArea: "Vilket område ska digesten gälla? Avsluta med till exempel *län 22*, *kontor Göteborg* eller *hela landet*.",
  notATimeOfDay: (time: string) => `${time} är ingen tid på dygnet.`,
  didNotUnderstandWhen: "Jag förstod inte när digesten ska skickas. Skriv till exempel *digest varje måndag 08:00 län 22*.",
};
