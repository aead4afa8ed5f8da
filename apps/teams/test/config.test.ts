import { describe, expect, it } from "vitest";
import { loadTeamsConfig, TeamsConfigError } from "../src/config";

const APP = "11111111-2222-3333-4444-555555555555";
const TENANT = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";

function failure(env: Record<string, string>): TeamsConfigError {
  try {
    loadTeamsConfig(env);
  } catch (error) {
    if (error instanceof TeamsConfigError) return error;
    throw error;
  }
  throw new Error("expected a TeamsConfigError");
}

describe("loadTeamsConfig", () => {
  it("reads a single-tenant bot", () => {
    const { config, warnings } = loadTeamsConfig({ MICROSOFT_APP_ID: APP, MICROSOFT_APP_PASSWORD: "secret", MICROSOFT_APP_TENANT_ID: TENANT, PORT: "8080" });
    expect(config).toEqual({
      credentials: { appId: APP, appType: "SingleTenant", appPassword: "secret", appTenantId: TENANT },
      allowedTenantIds: [TENANT],
      port: 8080,
      shutdownGraceMs: 10_000,
    });
    expect(warnings).toEqual([]);
  });

  it("reads the allow-list, lower-cased and de-duplicated, and defaults PORT to 3978", () => {
    const other = "B1B2C3D4-E5F6-7890-ABCD-EF1234567890";
    const { config } = loadTeamsConfig({
      MICROSOFT_APP_ID: APP,
      MICROSOFT_APP_PASSWORD: "s",
      MICROSOFT_APP_TYPE: "multitenant",
      TEAMS_ALLOWED_TENANT_IDS: ` ${TENANT}, ${other},${TENANT} `,
    });
    expect(config.allowedTenantIds).toEqual([TENANT, other.toLowerCase()]);
    expect(config.credentials?.appType).toBe("MultiTenant");
    expect(config.port).toBe(3978);
  });

  it("accepts a managed identity without a secret", () => {
    const { config } = loadTeamsConfig({ MICROSOFT_APP_ID: APP, MICROSOFT_APP_TYPE: "UserAssignedMSI", MICROSOFT_APP_TENANT_ID: TENANT });
    expect(config.credentials).toEqual({ appId: APP, appType: "UserAssignedMSI", appTenantId: TENANT });
  });

  it("refuses to start without an app id unless TEAMS_DEV_NO_AUTH=1", () => {
    expect(failure({ TEAMS_ALLOWED_TENANT_IDS: TENANT }).variable).toBe("MICROSOFT_APP_ID");
    expect(failure({ MICROSOFT_APP_ID: "", TEAMS_ALLOWED_TENANT_IDS: TENANT }).message).toMatch(/TEAMS_DEV_NO_AUTH=1/);
  });

  it("starts without authentication in dev mode, and says so loudly", () => {
    const { config, warnings } = loadTeamsConfig({ TEAMS_DEV_NO_AUTH: "1", TEAMS_ALLOWED_TENANT_IDS: TENANT });
    expect(config.credentials).toBeUndefined();
    expect(warnings.join(" ")).toMatch(/NOT AUTHENTICATED/);
  });

  it("keeps authentication on when an app id is set, even with TEAMS_DEV_NO_AUTH", () => {
    const { config, warnings } = loadTeamsConfig({
      MICROSOFT_APP_ID: APP,
      MICROSOFT_APP_PASSWORD: "s",
      MICROSOFT_APP_TENANT_ID: TENANT,
      TEAMS_DEV_NO_AUTH: "1",
    });
    expect(config.credentials?.appId).toBe(APP);
    expect(warnings.join(" ")).toMatch(/ignored/);
  });

  it.each([
    [{ MICROSOFT_APP_ID: "not-a-guid", MICROSOFT_APP_PASSWORD: "s", TEAMS_ALLOWED_TENANT_IDS: TENANT }, "MICROSOFT_APP_ID"],
    [{ MICROSOFT_APP_ID: APP, TEAMS_ALLOWED_TENANT_IDS: TENANT }, "MICROSOFT_APP_PASSWORD"],
    [{ MICROSOFT_APP_ID: APP, MICROSOFT_APP_PASSWORD: "s", MICROSOFT_APP_TYPE: "SingleTenant", TEAMS_ALLOWED_TENANT_IDS: TENANT }, "MICROSOFT_APP_TENANT_ID"],
    [{ MICROSOFT_APP_ID: APP, MICROSOFT_APP_PASSWORD: "s", MICROSOFT_APP_TYPE: "Sometimes", MICROSOFT_APP_TENANT_ID: TENANT }, "MICROSOFT_APP_TYPE"],
    [{ MICROSOFT_APP_ID: APP, MICROSOFT_APP_PASSWORD: "s", MICROSOFT_APP_TYPE: "UserAssignedMSI", MICROSOFT_APP_TENANT_ID: TENANT }, "MICROSOFT_APP_PASSWORD"],
    [{ MICROSOFT_APP_ID: APP, MICROSOFT_APP_PASSWORD: "s", MICROSOFT_APP_TYPE: "MultiTenant" }, "TEAMS_ALLOWED_TENANT_IDS"],
    [{ TEAMS_DEV_NO_AUTH: "1", TEAMS_ALLOWED_TENANT_IDS: "tenant-one" }, "TEAMS_ALLOWED_TENANT_IDS"],
    [{ TEAMS_DEV_NO_AUTH: "1", TEAMS_ALLOWED_TENANT_IDS: TENANT, PORT: "80a" }, "PORT"],
    [{ TEAMS_DEV_NO_AUTH: "1", TEAMS_ALLOWED_TENANT_IDS: TENANT, PORT: "70000" }, "PORT"],
  ])("names the variable to fix: %o → %s", (env, variable) => {
    const error = failure(env);
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}:`)).toBe(true);
  });

  it("never puts the secret in an error message", () => {
    const error = failure({ MICROSOFT_APP_ID: APP, MICROSOFT_APP_PASSWORD: "hunter2", MICROSOFT_APP_TYPE: "UserAssignedMSI", MICROSOFT_APP_TENANT_ID: TENANT });
    expect(error.message).not.toContain("hunter2");
  });
});

describe("loadTeamsConfig with botbuilder's setting names", () => {
  it("reads MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId when ours are unset", () => {
    const { config } = loadTeamsConfig({ MicrosoftAppId: APP, MicrosoftAppPassword: "secret", MicrosoftAppType: "SingleTenant", MicrosoftAppTenantId: TENANT });
    expect(config.credentials).toEqual({ appId: APP, appType: "SingleTenant", appPassword: "secret", appTenantId: TENANT });
  });

  it("prefers ours", () => {
    const other = "33333333-2222-3333-4444-555555555555";
    const { config } = loadTeamsConfig({ MICROSOFT_APP_ID: other, MicrosoftAppId: APP, MicrosoftAppPassword: "secret", MicrosoftAppTenantId: TENANT });
    expect(config.credentials?.appId).toBe(other);
  });
});
