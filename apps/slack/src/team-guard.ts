import * as z from "zod";

/**
 * Who a request comes from, as far as its payload says: the workspace the app is installed
 * in, and the workspace of the person acting (different for Slack Connect guests).
 */
export interface RequestTeams {
  installTeamId: string | undefined;
  enterpriseId: string | undefined;
  userTeamId: string | undefined;
}

export type TeamVerdict =
  { kind: "allowed"; teamId: string } | { kind: "foreign-team"; teamId: string | undefined } | { kind: "external-user"; teamId: string; userTeamId: string };

const optionalId = z.string().min(1).nullable().optional().catch(undefined);

const teamFieldsSchema = z.looseObject({
  team_id: optionalId,
  enterprise_id: optionalId,
  user_team: optionalId,
  authorizations: z
    .array(z.looseObject({ team_id: optionalId, enterprise_id: optionalId }))
    .optional()
    .catch(undefined),
  team: z.looseObject({ id: optionalId, enterprise_id: optionalId }).nullable().optional().catch(undefined),
  enterprise: z.looseObject({ id: optionalId }).nullable().optional().catch(undefined),
  user: z.looseObject({ team_id: optionalId }).optional().catch(undefined),
  view: z.looseObject({ app_installed_team_id: optionalId, team_id: optionalId }).optional().catch(undefined),
  event: z
    .looseObject({
      user: z.unknown().optional(),
      team: optionalId,
      user_team: optionalId,
      user_profile: z.looseObject({ team: optionalId }).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
});

// The schema has already turned empty, null and non-string ids into `undefined`.
const present = (...values: Array<string | null | undefined>): string | undefined => values.find((v): v is string => typeof v === "string");

/** Reads the team fields of any Slack request body (events, commands, interactivity). */
export function requestTeams(body: unknown): RequestTeams {
  const parsed = teamFieldsSchema.safeParse(body);
  if (!parsed.success) return { installTeamId: undefined, enterpriseId: undefined, userTeamId: undefined };
  const b = parsed.data;
  const auth = b.authorizations?.[0];
  const installTeamId = present(auth?.team_id, b.team_id, b.view?.app_installed_team_id, b.team?.id, b.view?.team_id, b.user?.team_id);
  const enterpriseId = present(auth?.enterprise_id, b.enterprise_id, b.enterprise?.id, b.team?.enterprise_id);
  const eventUserTeam = b.event && b.event.user !== undefined ? present(b.event.user_team, b.event.user_profile?.team, b.event.team) : undefined;
  const userTeamId = present(eventUserTeam, b.user?.team_id, b.user_team);
  return { installTeamId, enterpriseId, userTeamId };
}

/**
 * Allowed when the installation's workspace (or its Enterprise Grid org) is on the list, and
 * the acting user belongs to an allowed workspace too. A guest from another organisation in
 * a Slack Connect channel is an external user even though the channel is ours.
 */
export function judgeTeams(teams: RequestTeams, allowed: ReadonlySet<string>): TeamVerdict {
  const { installTeamId, enterpriseId, userTeamId } = teams;
  const installAllowed = (installTeamId !== undefined && allowed.has(installTeamId)) || (enterpriseId !== undefined && allowed.has(enterpriseId));
  const teamId = installTeamId ?? enterpriseId;
  if (!installAllowed || teamId === undefined) return { kind: "foreign-team", teamId };
  if (userTeamId !== undefined && userTeamId !== teamId && !allowed.has(userTeamId)) {
    return { kind: "external-user", teamId, userTeamId };
  }
  return { kind: "allowed", teamId: userTeamId ?? teamId };
}
