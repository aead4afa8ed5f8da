/** The search message extension: a school name → school cards to insert into any conversation. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeQuery, fixturesAvailable, fixturesMissingReason } from "./support/activities";
import { actionsOf, cardsIn, cardText, expectValidCards } from "./support/cards";
import { startHarness, type Harness } from "./support/harness";
import { UNLINKED_AAD_ID } from "./support/world";

type Json = Record<string, unknown>;

function composeExtension(response: { status: number; body: unknown }): Json {
  expect(response.status).toBe(200);
  const body = response.body as { composeExtension?: Json };
  expect(body.composeExtension).toBeTypeOf("object");
  return body.composeExtension!;
}

describe.skipIf(!fixturesAvailable)(`message extension searchSchools${fixturesAvailable ? "" : ` (skipped: ${fixturesMissingReason})`}`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    expectValidCards(h.invokeResponses.flatMap(cardsIn));
    await h.close();
  });

  it("returns school cards with a name + municipality preview", async () => {
    const result = composeExtension(await h.post(composeQuery("channel", "searchSchools", "Rinkebyskolan", { serviceUrl: h.connector.serviceUrl })));
    expect(result).toMatchObject({ type: "result", attachmentLayout: "list" });
    const attachments = result.attachments as Json[];
    expect(attachments.length).toBeGreaterThan(0);
    const [first] = attachments;
    expect(first).toMatchObject({
      contentType: "application/vnd.microsoft.card.adaptive",
      preview: { contentType: "application/vnd.microsoft.card.thumbnail", content: { title: "Rinkebyskolan", text: expect.stringContaining("Stockholm") } },
    });
    const card = first!.content;
    expect(cardText(card)).toContain("39907811");
    expect(actionsOf(card).some((action) => action.verb === "book.start")).toBe(true);
    // Nothing is posted: the user inserts the card themselves.
    expect(h.connector.calls).toHaveLength(0);
  });

  it("finds a school by its school unit code", async () => {
    const result = composeExtension(await h.post(composeQuery("personal", "searchSchools", "39907811", { serviceUrl: h.connector.serviceUrl })));
    expect((result.attachments as Json[])[0]).toMatchObject({ preview: { content: { title: "Rinkebyskolan" } } });
  });

  it("asks for a name when the query is empty", async () => {
    const result = composeExtension(await h.post(composeQuery("personal", "searchSchools", "  ", { serviceUrl: h.connector.serviceUrl })));
    expect(result).toMatchObject({ type: "message", text: expect.stringContaining("Skriv namnet") });
  });

  it("answers an unlinked user with the engine's text, not with data", async () => {
    const result = composeExtension(
      await h.post(composeQuery("personal", "searchSchools", "Rinkeby", { serviceUrl: h.connector.serviceUrl, aadObjectId: UNLINKED_AAD_ID })),
    );
    expect(result).toMatchObject({ type: "message", text: expect.stringContaining("känner inte igen") });
  });
});
