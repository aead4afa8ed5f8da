import { TeamsAdapter } from "@microsoft/teams-ai";
import type { Activity, ConfigurationBotFrameworkAuthenticationOptions, InvokeResponse, TurnContext } from "botbuilder";
import type { TeamsConfig } from "./config";

/**
 * teams-ai's TeamsAdapter (a botbuilder CloudAdapter with ConfigurationBotFrameworkAuthentication)
 * with one addition: `handleActivity` authenticates and runs one activity from our own
 * node:http server, so we decide the HTTP answers and the logging ourselves instead of
 * going through the Express/Restify-shaped `process(req, res)`.
 */
export class SamverkanTeamsAdapter extends TeamsAdapter {
  /**
   * Validates the request's Bot Framework JWT (botbuilder's authentication: issuer,
   * audience = our app id, signing keys, serviceUrl claim), then runs `logic` for the turn.
   * Throws botbuilder's AuthenticationError (statusCode 401/400) when the token is not valid.
   */
  handleActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/** botbuilder's settings for the configured credentials; empty app id = authentication disabled (dev only). */
export function botFrameworkSettings(config: TeamsConfig): ConfigurationBotFrameworkAuthenticationOptions {
  const credentials = config.credentials;
  if (!credentials) return { MicrosoftAppId: "", MicrosoftAppPassword: "", MicrosoftAppType: "MultiTenant", MicrosoftAppTenantId: "" };
  return {
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword ?? "",
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.appTenantId ?? "",
  };
}

export function createAdapter(config: TeamsConfig): SamverkanTeamsAdapter {
  return new SamverkanTeamsAdapter(botFrameworkSettings(config));
}
