import { describe, expect, it } from "vitest";
import { runCli } from "./cli-helpers";

describe("samverkan parse", () => {
  it("prints {text, intent, entities} for one utterance, resolved against --now", async () => {
    const { code, stdout } = await runCli(["parse", "boka dialog med Borås kommun imorgon kl 10 i Göteborg", "--json", "--now", "2026-11-23T09:00:00+01:00"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      text: "boka dialog med Borås kommun imorgon kl 10 i Göteborg",
      intent: "dialogue.book",
      entities: { organizer: "Borås kommun", start: "2026-11-24T10:00:00+01:00", office: "Göteborg" },
    });
  });

  it("reads one utterance per line from stdin and answers in order", async () => {
    const input = ["sök harnosand", "logga U12 60% klar med kartläggningen", "hjälp", "", "tack"].join("\n");
    const { stdout } = await runCli(["parse", "--json", "--now", "2026-11-23T09:00:00+01:00"], {}, input);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as { intent: string; entities: Record<string, unknown> });
    expect(lines.map((l) => l.intent)).toEqual(["school.search", "assignment.log_progress", "help", "unknown", "unknown"]);
    expect(lines[1]?.entities).toMatchObject({ assignmentRef: "U-12", percent: 60 });
  });
});
