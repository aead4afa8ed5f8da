/** Swedish texts of digest. */
export const digest = {
  active: "aktiv",
  paused: "pausad",
  late: "försenad",
  nothingNewThisDigestWould: "Inget nytt: den här digesten skulle inte postas nu.\n",
  created: "Skapad",
  noDigests: "Inga digests.",
  noRunsYet: "Inga körningar ännu.",
  changed: { pause: "Pausad", resume: "Återupptagen", remove: "Borttagen" },
};
