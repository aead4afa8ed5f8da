import { COUNTIES, DEFAULT_OFFICES } from "@samverkan/sdk";
import type { RegisterVocabulary } from "../../src/nlu/types";

/** A small register, spelled as Skolverket's data spells it, for corpus cases marked `register`. */
export const registerFixture: RegisterVocabulary = {
  organizers: [
    { id: "org-malmo", name: "Malmö kommun" },
    { id: "org-goteborg", name: "Göteborgs kommun" },
    { id: "org-boras", name: "Borås kommun" },
    { id: "org-gotland", name: "Region Gotland" },
    { id: "org-academedia", name: "AcadeMedia AB" },
    { id: "org-academedia-gr", name: "AcadeMedia Fria Grundskolor AB" },
    { id: "org-kunskapsskolan", name: "Kunskapsskolan i Sverige AB" },
    { id: "org-ies", name: "Internationella Engelska Skolan i Sverige AB" },
  ],
  municipalities: [
    { code: "1280", name: "Malmö", countyCode: "12" },
    { code: "1480", name: "Göteborg", countyCode: "14" },
    { code: "1490", name: "Borås", countyCode: "14" },
    { code: "0980", name: "Gotland", countyCode: "09" },
  ],
  counties: COUNTIES.map((c) => ({ code: c.code, name: c.name })),
  offices: DEFAULT_OFFICES,
};
