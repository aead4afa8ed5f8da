import { readFileSync } from "node:fs";
import { sharedFixture } from "@samverkan/vitest-config/helpers";
import { describe, expect, it } from "vitest";
import { judgeTeams, requestTeams } from "../src/team-guard";

const team1 = sharedFixture("platforms/slack/slack-multi-workspace--team1.json");
const team2 = sharedFixture("platforms/slack/slack-multi-workspace--team2.json");
const direct = sharedFixture("platforms/slack/dm--slack-direct.json");
const slash = sharedFixture("platforms/slack/slash-commands.json");
const modals = sharedFixture("platforms/slack/modals--slack-private-metadata.json");
const available = [team1, team2, direct, slash, modals].every((f) => f.available);

type Json = Record<string, unknown>;
const read = (file: { path: string }): Json => JSON.parse(readFileSync(file.path, "utf8")) as Json;
const pick = (json: Json, key: string): Json => json[key] as Json;

describe.skipIf(!available)("which workspace a real Slack payload comes from", () => {
  it("reads the installation team of events from `authorizations`, including Enterprise Grid", () => {
    const mention = pick(read(team1), "mention");
    expect(requestTeams(mention)).toEqual({ installTeamId: "T0A8YAUUGMU", enterpriseId: "E0A9D9SMZ0R", userTeamId: "T0A8YAUUGMU" });
    expect(judgeTeams(requestTeams(mention), new Set(["T0A8YAUUGMU"]))).toEqual({ kind: "allowed", teamId: "T0A8YAUUGMU" });
    // The org id on the list admits its workspaces too.
    expect(judgeTeams(requestTeams(mention), new Set(["E0A9D9SMZ0R"])).kind).toBe("allowed");
  });

  it("refuses the second workspace of a multi-workspace recording when only the first is allowed", () => {
    const other = pick(read(team2), "mention");
    const verdict = judgeTeams(requestTeams(other), new Set(["T0A8YAUUGMU"]));
    expect(verdict.kind).toBe("foreign-team");
  });

  it("reads slash commands (team_id), block actions (team.id, user.team_id) and view submissions", () => {
    const fixture = read(slash);
    expect(requestTeams(pick(fixture, "slashCommand")).installTeamId).toBe("T00FAKE00BB");
    expect(requestTeams(pick(fixture, "viewSubmission"))).toMatchObject({ installTeamId: "T00FAKE00BB", userTeamId: "T00FAKE00BB" });
    const action = pick(read(modals), "action");
    expect(requestTeams(action)).toMatchObject({ installTeamId: "T0A8YAUUGMU", userTeamId: "T0A8YAUUGMU" });
  });

  it("treats a Slack Connect guest from another organisation as external", () => {
    const dm = structuredClone(pick(read(direct), "directDM"));
    const event = dm.event as Json;
    Object.assign(event, { user_team: "T0GUESTORG", team: "T0GUESTORG" });
    dm.is_ext_shared_channel = true;
    expect(judgeTeams(requestTeams(dm), new Set(["T0ADGE2G4EM"]))).toEqual({ kind: "external-user", teamId: "T0ADGE2G4EM", userTeamId: "T0GUESTORG" });
  });

  it("refuses a payload without any team at all", () => {
    expect(judgeTeams(requestTeams({ type: "event_callback" }), new Set(["T0SAMVERK"]))).toEqual({ kind: "foreign-team", teamId: undefined });
    expect(judgeTeams(requestTeams("not json"), new Set(["T0SAMVERK"])).kind).toBe("foreign-team");
  });
});
