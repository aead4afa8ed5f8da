import { beforeAll, describe, expect, it } from "vitest";
import { addStaffTeam, runCli, tempDbEnv } from "./cli-helpers";

describe("samverkan organizers contacts", () => {
  const env: Record<string, string> = { ...tempDbEnv(), SAMVERKAN_NOW: "2026-11-23T09:00:00+01:00" };
  const asKarin = ["--as", "karin.lind@spsm.se"];

  beforeAll(async () => {
    await addStaffTeam(env, { viewer: true });
    const { createSqliteStore } = await import("@samverkan/sdk/sqlite");
    const { createSamverkan } = await import("@samverkan/sdk");
    const store = await createSqliteStore({ file: env.SAMVERKAN_DB! });
    const sv = createSamverkan({ store });
    const system = { actor: { system: "test" }, channel: "system" } as const;
    await sv.municipalities.upsert([{ code: "1490", name: "Borås", countyCode: "14" }], system);
    await sv.organizers.upsert({ organizationNumber: "2120001561", name: "Borås kommun", type: "municipal", municipalityCode: "1490" }, system);
    await store.close();
  }, 180_000);

  it("adds, lists as JSON, edits, removes and erases contact persons", { timeout: 180_000 }, async () => {
    const added = await runCli(
      [
        "organizers",
        "contacts",
        "add",
        "--organizer",
        "212000-1561",
        "--name",
        "Anna Berg",
        "--role",
        "förvaltningschef",
        "--email",
        "anna.berg@boras.se",
        "--phone",
        "033-35 70 00",
        "--json",
        ...asKarin,
      ],
      env,
    );
    expect(added.stderr).toBe("");
    const anna = JSON.parse(added.stdout) as { id: string };
    expect(JSON.parse(added.stdout)).toEqual({ id: anna.id, name: "Anna Berg", role: "förvaltningschef", email: "anna.berg@boras.se", phone: "033-35 70 00" });
    const bo = JSON.parse(
      (await runCli(["organizers", "contacts", "add", "--organizer", "Borås kommun", "--name", "Bo Ek", "--role", "rektor", "--json", ...asKarin], env)).stdout,
    ) as { id: string };

    const list = await runCli(["organizers", "contacts", "list", "--organizer", "Borås kommun", "--json", ...asKarin], env);
    expect(JSON.parse(list.stdout)).toEqual([
      { id: anna.id, name: "Anna Berg", role: "förvaltningschef", email: "anna.berg@boras.se", phone: "033-35 70 00" },
      { id: bo.id, name: "Bo Ek", role: "rektor", email: null, phone: null },
    ]);
    const edited = await runCli(["organizers", "contacts", "edit", bo.id, "--role", "skolchef", "--json", ...asKarin], env);
    expect(JSON.parse(edited.stdout)).toMatchObject({ role: "skolchef" });

    const viewer = await runCli(
      ["organizers", "contacts", "add", "--organizer", "Borås kommun", "--name", "X Y", "--role", "rektor", "--as", "vera@skolverket.se"],
      env,
    );
    expect(viewer.code).toBe(5);
    expect(viewer.stderr).toContain("får inte lägga till kontaktpersoner");
    const bad = await runCli(
      ["organizers", "contacts", "add", "--organizer", "Borås kommun", "--name", "X Y", "--role", "rektor", "--email", "nej", ...asKarin],
      env,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("E-postadressen är ogiltig");

    expect((await runCli(["organizers", "contacts", "remove", bo.id, ...asKarin], env)).stdout).toContain("Tog bort kontaktpersonen");
    const refused = await runCli(["organizers", "contacts", "erase", anna.id, ...asKarin], env);
    expect(refused.code).toBe(5);
    const erased = await runCli(["organizers", "contacts", "erase", anna.id, "--as", "ulla@spsm.se"], env);
    expect(erased.stdout).toContain("Loggen behåller händelsen utan personuppgifter");
    expect(JSON.parse((await runCli(["organizers", "contacts", "list", "--organizer", "Borås kommun", "--json", ...asKarin], env)).stdout)).toEqual([]);
  });
});
