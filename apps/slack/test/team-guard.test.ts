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

// Hand-written bodies: what each field means, in the order Slack's payload kinds carry them.
describe("reading the workspace from a request body", () => {
  const none = { installTeamId: undefined, enterpriseId: undefined, userTeamId: undefined };

  it("always answers with all three fields, even for bodies that are not objects", () => {
    for (const body of ["not json", 42, null, undefined, [], { type: "event_callback" }]) expect(requestTeams(body)).toStrictEqual(none);
  });

  it("takes the installation from `authorizations` first, then team_id, the view's installed team, team.id, the view's team and the user's team", () => {
    const all = {
      authorizations: [{ team_id: "T1AUTH", enterprise_id: "E1AUTH" }],
      team_id: "T2TOP",
      view: { app_installed_team_id: "T3VIEWINST", team_id: "T5VIEW" },
      team: { id: "T4TEAM", enterprise_id: "E3TEAM" },
      enterprise_id: "E2TOP",
      enterprise: { id: "E2ENT" },
      user: { team_id: "T6USER" },
    };
    expect(requestTeams(all)).toMatchObject({ installTeamId: "T1AUTH", enterpriseId: "E1AUTH" });
    const { authorizations: _a, ...withoutAuth } = all;
    expect(requestTeams(withoutAuth)).toMatchObject({ installTeamId: "T2TOP", enterpriseId: "E2TOP" });
    const { team_id: _t, enterprise_id: _e, ...viewFirst } = withoutAuth;
    expect(requestTeams(viewFirst)).toMatchObject({ installTeamId: "T3VIEWINST", enterpriseId: "E2ENT" });
    expect(requestTeams({ ...viewFirst, view: { team_id: "T5VIEW" }, enterprise: undefined })).toMatchObject({
      installTeamId: "T4TEAM",
      enterpriseId: "E3TEAM",
    });
    expect(requestTeams({ view: { team_id: "T5VIEW" }, user: { team_id: "T6USER" } })).toMatchObject({ installTeamId: "T5VIEW", enterpriseId: undefined });
    expect(requestTeams({ user: { team_id: "T6USER" } })).toStrictEqual({ installTeamId: "T6USER", enterpriseId: undefined, userTeamId: "T6USER" });
  });

  it("ignores ids that are empty, null or not strings, and falls back to the next field", () => {
    const body = {
      authorizations: [{ team_id: "", enterprise_id: 7 }],
      team_id: null,
      view: { app_installed_team_id: 12, team_id: ["T0X"] },
      team: { id: { nested: true }, enterprise_id: "" },
      enterprise_id: false,
      enterprise: { id: null },
      user: { team_id: "T0REAL" },
      user_team: 3,
    };
    expect(requestTeams(body)).toStrictEqual({ installTeamId: "T0REAL", enterpriseId: undefined, userTeamId: "T0REAL" });
  });

  it.each([
    ["authorizations[0].team_id", { authorizations: [{ team_id: "" }], team_id: "T0NEXT" }, { installTeamId: "T0NEXT" }],
    ["authorizations[0].enterprise_id", { authorizations: [{ enterprise_id: "" }], enterprise_id: "E0NEXT" }, { enterpriseId: "E0NEXT" }],
    ["team_id", { team_id: "", view: { app_installed_team_id: "T0NEXT" } }, { installTeamId: "T0NEXT" }],
    ["view.app_installed_team_id", { view: { app_installed_team_id: "", team_id: "T0NEXT" } }, { installTeamId: "T0NEXT" }],
    ["team.id", { team: { id: "" }, view: { team_id: "T0NEXT" } }, { installTeamId: "T0NEXT" }],
    ["view.team_id", { view: { team_id: "" }, user: { team_id: "T0NEXT" } }, { installTeamId: "T0NEXT" }],
    ["user.team_id", { team_id: "T0SAMVERK", user: { team_id: "" }, user_team: "T0NEXT" }, { userTeamId: "T0NEXT" }],
    ["enterprise_id", { enterprise_id: "", enterprise: { id: "E0NEXT" } }, { enterpriseId: "E0NEXT" }],
    ["enterprise.id", { enterprise: { id: "" }, team: { enterprise_id: "E0NEXT" } }, { enterpriseId: "E0NEXT" }],
    ["team.enterprise_id", { team_id: "T0SAMVERK", team: { enterprise_id: "" } }, { enterpriseId: undefined }],
    ["event.user_team", { team_id: "T0SAMVERK", event: { user: "U1", user_team: "", user_profile: { team: "T0NEXT" } } }, { userTeamId: "T0NEXT" }],
    ["event.user_profile.team", { team_id: "T0SAMVERK", event: { user: "U1", user_profile: { team: "" }, team: "T0NEXT" } }, { userTeamId: "T0NEXT" }],
    ["event.team", { team_id: "T0SAMVERK", event: { user: "U1", team: "" }, user_team: "T0NEXT" }, { userTeamId: "T0NEXT" }],
  ])("treats an empty %s as absent", (_field, body, expected) => {
    expect(requestTeams(body)).toMatchObject(expected);
  });

  it("ignores whole blocks of the wrong shape instead of failing", () => {
    const body = { team_id: "T0OK", authorizations: "yes", team: "T0STRING", enterprise: 1, user: "U0STRING", view: [], event: "message" };
    expect(requestTeams(body)).toStrictEqual({ installTeamId: "T0OK", enterpriseId: undefined, userTeamId: undefined });
    expect(requestTeams({ team_id: "T0OK", event: { user: "U1", user_profile: "x", team: 5, user_team: "T0GUEST" } })).toMatchObject({ userTeamId: "T0GUEST" });
  });

  it("reads the acting person's workspace from the event's user_team, then the user profile's team, then the event's team, then user.team_id, then user_team", () => {
    const event = { user: "U1", user_team: "T1", user_profile: { team: "T2" }, team: "T3" };
    expect(requestTeams({ team_id: "T0", event }).userTeamId).toBe("T1");
    expect(requestTeams({ team_id: "T0", event: { ...event, user_team: undefined } }).userTeamId).toBe("T2");
    expect(requestTeams({ team_id: "T0", event: { user: "U1", team: "T3" } }).userTeamId).toBe("T3");
    expect(requestTeams({ team_id: "T0", event: { user: "U1" }, user: { team_id: "T4" }, user_team: "T5" }).userTeamId).toBe("T4");
    expect(requestTeams({ team_id: "T0", event: { user: "U1" }, user_team: "T5" }).userTeamId).toBe("T5");
  });

  it("does not take an event's team as a person's workspace when no person acted (no `user`)", () => {
    // e.g. a channel event in a shared channel carries the other organisation's team.
    const teams = requestTeams({ team_id: "T0SAMVERK", event: { type: "channel_rename", team: "T0OTHERORG", user_team: "T0OTHERORG" } });
    expect(teams.userTeamId).toBeUndefined();
    expect(judgeTeams(teams, new Set(["T0SAMVERK"]))).toEqual({ kind: "allowed", teamId: "T0SAMVERK" });
  });
});

describe("judging a request against SLACK_ALLOWED_TEAM_IDS", () => {
  const allowed = new Set(["T0SAMVERK", "E0GRID"]);
  const teams = (installTeamId?: string, enterpriseId?: string, userTeamId?: string) => ({ installTeamId, enterpriseId, userTeamId });

  it("answers for the installation's workspace when the request names no person's workspace", () => {
    expect(judgeTeams(teams("T0SAMVERK"), allowed)).toStrictEqual({ kind: "allowed", teamId: "T0SAMVERK" });
    // A workspace of an allowed Enterprise Grid org keeps its own id, not the org's.
    expect(judgeTeams(teams("T0GRIDWS", "E0GRID"), allowed)).toStrictEqual({ kind: "allowed", teamId: "T0GRIDWS" });
    // An org-wide install without a workspace id answers for the org.
    expect(judgeTeams(teams(undefined, "E0GRID"), allowed)).toStrictEqual({ kind: "allowed", teamId: "E0GRID" });
  });

  it("answers for the person's workspace when it is allowed too", () => {
    expect(judgeTeams(teams("T0SAMVERK", undefined, "T0SAMVERK"), allowed)).toStrictEqual({ kind: "allowed", teamId: "T0SAMVERK" });
    expect(judgeTeams(teams("T0GRIDWS", "E0GRID", "E0GRID"), allowed)).toStrictEqual({ kind: "allowed", teamId: "E0GRID" });
  });

  it("refuses a person from a workspace that is neither the installation's nor allowed", () => {
    expect(judgeTeams(teams("T0SAMVERK", undefined, "T0GUESTORG"), allowed)).toStrictEqual({
      kind: "external-user",
      teamId: "T0SAMVERK",
      userTeamId: "T0GUESTORG",
    });
    expect(judgeTeams(teams("T0GRIDWS", "E0GRID", "T0GUESTORG"), allowed)).toStrictEqual({
      kind: "external-user",
      teamId: "T0GRIDWS",
      userTeamId: "T0GUESTORG",
    });
  });

  it("refuses an installation outside the list, naming its workspace or else its org", () => {
    expect(judgeTeams(teams("T0STRANGER", "E0STRANGER", "T0SAMVERK"), allowed)).toStrictEqual({ kind: "foreign-team", teamId: "T0STRANGER" });
    expect(judgeTeams(teams(undefined, "E0STRANGER"), allowed)).toStrictEqual({ kind: "foreign-team", teamId: "E0STRANGER" });
    expect(judgeTeams(teams(), allowed)).toStrictEqual({ kind: "foreign-team", teamId: undefined });
  });
});
