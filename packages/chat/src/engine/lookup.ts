import type { PrincipalOrganizer, Samverkan } from "@samverkan/sdk";

export interface OrganizerChoice {
  organizerId: string;
  organizerName: string;
  schoolUnitCode?: string;
  /** What the user sees in a pick list. */
  label: string;
  detail?: string;
}

/**
 * What the user named when they said "med X": an organizer, or a school whose organizer
 * we meet. Returns one clear match or a short list to pick from.
 */
export async function findOrganizerChoices(sv: Samverkan, text: string, limit = 5): Promise<OrganizerChoice[]> {
  const exact = await sv.organizers.find(text);
  if (exact) return [toChoice(exact)];
  const choices: OrganizerChoice[] = [];
  const organizers = await sv.organizers.search(text, { limit });
  for (const hit of organizers) choices.push({ organizerId: hit.organizer.id, organizerName: hit.organizer.name, label: hit.organizer.name, detail: hit.municipalityName ?? undefined, score: hit.score } as OrganizerChoice & { score: number });
  const schools = await sv.schools.search(text, { limit });
  for (const hit of schools) {
    choices.push({
      organizerId: hit.organizer.id,
      organizerName: hit.organizer.name,
      schoolUnitCode: hit.school.code,
      label: `${hit.school.name} (${hit.organizer.name})`,
      detail: hit.municipalityName,
      score: hit.score,
    } as OrganizerChoice & { score: number });
  }
  const ranked = (choices as Array<OrganizerChoice & { score: number }>).sort((a, b) => b.score - a.score);
  // A clear winner needs no question.
  if (ranked.length > 1 && ranked[0]!.score >= ranked[1]!.score * 1.5) return [strip(ranked[0]!)];
  return ranked.slice(0, limit).map(strip);
}

function strip(choice: OrganizerChoice & { score?: number }): OrganizerChoice {
  const { score: _score, ...rest } = choice;
  return rest;
}

function toChoice(o: PrincipalOrganizer): OrganizerChoice {
  return { organizerId: o.id, organizerName: o.name, label: o.name };
}
