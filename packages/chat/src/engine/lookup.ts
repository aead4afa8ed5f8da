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
  const scored: Array<{ choice: OrganizerChoice; score: number }> = [];
  for (const hit of await sv.organizers.search(text, { limit })) {
    scored.push({ choice: { ...toChoice(hit.organizer), ...(hit.municipalityName ? { detail: hit.municipalityName } : {}) }, score: hit.score });
  }
  for (const hit of await sv.schools.search(text, { limit })) {
    scored.push({
      choice: {
        organizerId: hit.organizer.id,
        organizerName: hit.organizer.name,
        schoolUnitCode: hit.school.code,
        label: `${hit.school.name} (${hit.organizer.name})`,
        detail: hit.municipalityName,
      },
      score: hit.score,
    });
  }
  scored.sort((a, b) => b.score - a.score);
  // A clear winner needs no question.
  const [best, runnerUp] = scored;
  if (best && runnerUp && best.score >= runnerUp.score * 1.5) return [best.choice];
  return scored.slice(0, limit).map((s) => s.choice);
}

function toChoice(o: PrincipalOrganizer): OrganizerChoice {
  return { organizerId: o.id, organizerName: o.name, label: o.name };
}
