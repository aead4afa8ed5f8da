/**
 * Invokes as an attacker or a broken client might send them: a known invoke name with its
 * `value` missing or of the wrong shape. Each is answered 400 and the process stays well.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixturesAvailable, fixturesMissingReason, invoke, message } from "./support/activities";
import { startHarness, type Harness } from "./support/harness";
import { stateRowCounts } from "./support/world";

const INVOKES = [
  "adaptiveCard/action",
  "task/fetch",
  "task/submit",
  "composeExtension/query",
  "composeExtension/selectItem",
  "composeExtension/submitAction",
  "composeExtension/fetchTask",
  "composeExtension/queryLink",
  "message/submitAction",
  "signin/verifyState",
  "config/fetch",
];

describe.skipIf(!fixturesAvailable)(`malformed invokes${fixturesAvailable ? "" : ` (skipped: ${fixturesMissingReason})`}`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it.each(
    INVOKES.flatMap(
      (name) =>
        [
          [name, undefined],
          [name, "not an object"],
          [name, null],
          [name, [1, 2]],
        ] as const,
    ),
  )("answers %s with value %j by 400, never 500", async (name, value) => {
    const before = await stateRowCounts(h.world.store);
    const activity = invoke("personal", name, value, { serviceUrl: h.connector.serviceUrl });
    if (value === undefined) delete activity.value;
    const response = await h.post(activity);
    expect(response.status).toBe(400);
    expect(response.body).toBe("Request body is not a Bot Framework activity.");
    expect(await stateRowCounts(h.world.store)).toEqual(before);
  });

  it("logs no error for any of them and still answers a message afterwards", async () => {
    expect(h.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
    const response = await h.post(message("personal", "hjälp", { serviceUrl: h.connector.serviceUrl }));
    expect(response.status).toBe(200);
  });
});
