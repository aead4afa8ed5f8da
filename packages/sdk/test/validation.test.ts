import { afterAll, beforeEach, expect, it } from "vitest";
import { ValidationError } from "../src/index";
import { hasValidLuhnCheckDigit } from "../src/domain/luhn";
import { buildWorld, describeEachStore, storesReady, type World } from "./support/stores";

await storesReady;
const system = { actor: { system: "test" }, channel: "system" } as const;

it("checks organisation numbers with the Luhn digit", () => {
  expect(hasValidLuhnCheckDigit("2120000142")).toBe(true);
  expect(hasValidLuhnCheckDigit("2120000143")).toBe(false);
  expect(hasValidLuhnCheckDigit("556650179")).toBe(false);
});

describeEachStore("input validation", (factory) => {
  let w: World;
  beforeEach(async () => {
    w = await buildWorld(await factory.open());
  });
  afterAll(() => factory.cleanup());

  it("rejects an invalid organisation number and writes nothing", async () => {
    const before = await w.sv.counts();
    const error = await w.sv.organizers.upsert({ organizationNumber: "212000-0143", name: "Felkommun", type: "municipal" }, system).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).localized("sv")).toBe(
      "organizationNumber: Organisationsnumrets sista siffra stämmer inte med kontrollsiffran. Kontrollera att du skrivit rätt.",
    );
    expect((await w.sv.counts()).organizers).toBe(before.organizers);
  });

  it("rejects a 7-digit school unit code and writes nothing", async () => {
    const error = await w.sv.schools
      .upsert({ code: "3990781", name: "Kortkodsskolan", municipalityCode: "0180", organizerId: w.organizerId }, system)
      .catch((e: unknown) => e);
    expect((error as ValidationError).issues).toEqual([
      {
        field: "code",
        message: {
          sv: "code: En skolenhetskod har åtta siffror, till exempel 39907811.",
          en: "code: A school unit code (skolenhetskod) has eight digits, e.g. 39907811.",
        },
      },
    ]);
    expect((await w.sv.counts()).schoolUnits).toBe(1);
  });

  it("upserts idempotently: a second identical write changes nothing", async () => {
    const input = { organizationNumber: "2120001355", name: "Göteborgs kommun", type: "municipal" as const, municipalityCode: "1480" };
    const auditBefore = (await w.sv.audit.list({ entityType: "organizer" })).length;
    await w.sv.organizers.upsert(input, system);
    expect((await w.sv.audit.list({ entityType: "organizer" })).length).toBe(auditBefore);
  });
});
