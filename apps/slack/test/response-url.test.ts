/**
 * Posting to a response_url through Bolt's `respond`: one retry after a blip (429, 5xx, no
 * answer), none after a refusal, and the status logged without the URL.
 */
import { RespondError, type RespondArguments, type RespondFn } from "@slack/bolt";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { respondPoster } from "../src/response-url";

/** A `respond` that answers with the given statuses in turn (an Error: no answer at all). */
function scripted(answers: Array<number | Error>): { respond: RespondFn; sent: RespondArguments[] } {
  const sent: RespondArguments[] = [];
  // Like Bolt's own: a fetch Response for a 2xx, a RespondError for any other status.
  const respond: RespondFn = async (message) => {
    sent.push(typeof message === "string" ? { text: message } : message);
    const answer = answers.shift() ?? 200;
    if (answer instanceof Error) throw answer;
    if (answer >= 300) throw new RespondError(`Failed to respond to the response_url: ${answer}`, answer);
    const headers = new Map<string, string>();
    return {
      ok: true,
      status: answer,
      statusText: "OK",
      url: RESPONSE_URL,
      headers: { get: (name) => headers.get(name) ?? null, entries: () => headers.entries() },
      arrayBuffer: async () => new ArrayBuffer(0),
      json: async () => ({}),
      text: async () => "",
    };
  };
  return { respond, sent };
}

function logger() {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ level: "warn" }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, lines };
}

const RESPONSE_URL = "https://hooks.slack.com/actions/T0/1/secret";
const message: RespondArguments = { response_type: "ephemeral", replace_original: false, text: "Hej" };

describe("respondPoster", () => {
  it("posts once when Slack answers 200", async () => {
    const { respond, sent } = scripted([200]);
    const { log, lines } = logger();
    expect(await respondPoster(respond, log)(RESPONSE_URL, message)).toBe(true);
    expect(sent).toEqual([message]);
    expect(lines).toEqual([]);
  });

  it("tries once more after a 500 or no answer, and logs the status without the RESPONSE_URL", async () => {
    for (const blip of [500, 429, new Error("socket hang up")]) {
      const { respond, sent } = scripted([blip, 200]);
      const { log, lines } = logger();
      expect(await respondPoster(respond, log)(RESPONSE_URL, message)).toBe(true);
      expect(sent).toHaveLength(2);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ method: "response_url", attempt: 1, msg: "response_url post failed" });
      expect(JSON.stringify(lines)).not.toContain("secret");
    }
  });

  it("gives up at once when Slack refuses (404: the RESPONSE_URL expired), and after two blips", async () => {
    const refused = scripted([404]);
    expect(await respondPoster(refused.respond, logger().log)(RESPONSE_URL, message)).toBe(false);
    expect(refused.sent).toHaveLength(1);
    const down = scripted([503, 503, 200]);
    expect(await respondPoster(down.respond, logger().log)(RESPONSE_URL, message)).toBe(false);
    expect(down.sent).toHaveLength(2);
  });
});
