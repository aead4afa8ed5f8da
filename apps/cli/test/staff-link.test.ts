import { beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDbEnv } from "./cli-helpers";

/**
 * The README's set-up step 4 on the embedded store, with the real binary. It used to hang:
 * the SDK read through the store's single SQLite connection while its own transaction held
 * it, and the process exited with code 13 and no output.
 */
describe("samverkan staff link on a SQLite file", () => {
  const env = tempDbEnv();

  beforeAll(async () => {
    expect((await runCli(["staff", "add", "--name", "Ulla Chef", "--email", "ulla@spsm.se", "--agency", "spsm", "--role", "admin"], env)).code).toBe(0);
    expect(
      (
        await runCli(
          ["staff", "add", "--name", "Karin Lind", "--email", "karin.lind@spsm.se", "--agency", "spsm", "--role", "advisor", "--as", "ulla@spsm.se"],
          env,
        )
      ).code,
    ).toBe(0);
  }, 240_000);

  it("links a Slack and a Teams account and prints the staff member", async () => {
    const slack = await runCli(["staff", "link", "karin.lind@spsm.se", "--slack", "T0001:U0KARIN", "--as", "ulla@spsm.se", "--json"], env);
    expect(slack).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(slack.stdout)).toMatchObject({ name: "Karin Lind", identities: [{ platform: "slack", teamId: "T0001", userId: "U0KARIN" }] });

    const teams = await runCli(["staff", "link", "Karin Lind", "--teams", "tenant-1:aad-karin", "--as", "ulla@spsm.se"], env);
    expect(teams).toMatchObject({ code: 0, stderr: "" });
    expect(teams.stdout.trim()).toBe("Karin Lind: slack, teams");
  }, 240_000);

  it("refuses an account that is already linked to someone else, in Swedish", async () => {
    const taken = await runCli(["staff", "link", "ulla@spsm.se", "--slack", "T0001:U0KARIN", "--as", "ulla@spsm.se"], env);
    expect(taken.code).not.toBe(0);
    expect(taken.code).not.toBe(13);
    expect(taken.stderr).toContain("redan kopplat till en annan medarbetare");
  }, 240_000);
});
