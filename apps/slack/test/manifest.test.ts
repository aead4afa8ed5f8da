import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { SLACK_ENDPOINT } from "../src/app";
import { loadConfig } from "../src/config";
import { UNFURL_HOSTS } from "../src/school-links";

const manifestSchema = z.object({
  display_information: z.object({ name: z.string(), description: z.string().max(140), long_description: z.string().min(175).max(4000) }),
  features: z.object({
    app_home: z.object({ home_tab_enabled: z.literal(true), messages_tab_enabled: z.literal(true) }),
    slash_commands: z.array(z.object({ command: z.string(), url: z.string(), usage_hint: z.string() })),
    unfurl_domains: z.array(z.string()),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: z.string(), bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.literal(true), request_url: z.string() }),
  }),
});

const manifest = manifestSchema.parse(JSON.parse(readFileSync(new URL("../manifest.json", import.meta.url), "utf8")));

describe("manifest.json agrees with the code", () => {
  it("sends events, the command and interactivity to the one endpoint", () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ];
    for (const url of urls) expect(url).toBe(`https://YOUR-HOST${SLACK_ENDPOINT}`);
  });

  it("declares the slash command the app listens to by default", () => {
    const defaults = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", SLACK_ALLOWED_TEAM_IDS: "T0SAMVERK" });
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([defaults.command]);
  });

  it("subscribes to exactly the events the app handles, with the scopes they need", () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(["app_home_opened", "app_mention", "link_shared", "message.im"]);
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(["commands", "chat:write", "app_mentions:read", "im:history", "im:read", "im:write", "links:read", "links:write"]),
    );
  });

  it("unfurls the domains the link parser understands", () => {
    expect(manifest.features.unfurl_domains).toEqual([...UNFURL_HOSTS]);
  });
});
