import { beforeEach, describe, expect, it, vi } from "vitest";
import { parseUtterance } from "../../src/nlu/parse-utterance";
import { parseDateTime } from "../../src/nlu/parse-date-time";
import { parseDigestCommand } from "../../src/digest/command";
import type * as UtteranceModule from "../../src/nlu/parse-utterance";
import type * as DateTimeModule from "../../src/nlu/parse-date-time";
import type * as DigestCommandModule from "../../src/digest/command";
import { chatWorld, seen } from "./world";

// Every way into the grammar, wrapped so calls are counted; the real parsers still do the work.
vi.mock("../../src/nlu/parse-utterance", async (importOriginal) => {
  const real = await importOriginal<typeof UtteranceModule>();
  return { ...real, parseUtterance: vi.fn(real.parseUtterance) };
});
vi.mock("../../src/nlu/parse-date-time", async (importOriginal) => {
  const real = await importOriginal<typeof DateTimeModule>();
  return { ...real, parseDateTime: vi.fn(real.parseDateTime) };
});
vi.mock("../../src/digest/command", async (importOriginal) => {
  const real = await importOriginal<typeof DigestCommandModule>();
  return { ...real, parseDigestCommand: vi.fn(real.parseDigestCommand) };
});

const parses = () => vi.mocked(parseUtterance).mock.calls.length + vi.mocked(parseDateTime).mock.calls.length + vi.mocked(parseDigestCommand).mock.calls.length;

describe("one parse per turn", () => {
  beforeEach(() => vi.clearAllMocks());

  it("reads every text turn exactly once, answers and digest commands included", async () => {
    const w = await chatWorld();
    const turns: Array<[string, string]> = [
      ["boka dialog", "Med vilken huvudman eller skola?"],
      ["Borås kommun", "Vilken dag och tid?"],
      ["3/12", "Vilken tid"],
      ["kl 14", "Var ska dialogen hållas?"],
      ["digitalt", "Stämmer det här?"],
      ["digest lista", "digest"],
      ["ja", "Dialogen är bokad"],
      ["flytta dialogen med Borås kommun till fredag", "Vilken tid"],
      ["kl 13", "Ny tid: fre 27 nov 13:00–14:00"],
      ["logga framsteg U-1", "U-1"],
      ["workshop med rektorerna", "Ska jag logga det här?"],
      ["mina påminnelser", "påminnelser"],
    ];
    for (const [text, answer] of turns) {
      const before = parses();
      const reply = await w.say(text);
      expect(seen(reply).toLowerCase(), text).toContain(answer.toLowerCase());
      expect(parses() - before, text).toBe(1);
    }
    expect(vi.mocked(parseDateTime)).not.toHaveBeenCalled();
    expect(vi.mocked(parseDigestCommand)).not.toHaveBeenCalled();
  });

  it("tells the one parse what the conversation waits for", async () => {
    const w = await chatWorld();
    await w.say("boka dialog med Borås kommun 3/12");
    vi.mocked(parseUtterance).mockClear();
    expect(seen(await w.say("kl 14"))).toContain("Var ska dialogen hållas?");
    expect(vi.mocked(parseUtterance).mock.calls).toEqual([["kl 14", expect.objectContaining({ context: { expects: "time", day: "2026-12-03" } })]]);
    expect(seen(await w.say("digitalt"))).toContain("tor 3 dec 14:00–15:00");
  });
});
