import type { ChatIdentity } from "@samverkan/sdk";
import type { Channel, PlatformUser } from "./types";

/**
 * What the engine needs to know about where a user speaks from, in one place: the flows
 * never look at the platform themselves.
 */

/** The chat account the SDK links to a staff member; the terminal names the staff member directly. */
export function chatIdentityOf(user: PlatformUser): ChatIdentity | { staffId: string } {
  switch (user.platform) {
    case "terminal":
      return { staffId: user.staffId };
    case "slack":
      return { platform: "slack", teamId: user.teamId, userId: user.userId };
    case "teams":
      return { platform: "teams", tenantId: user.tenantId, aadObjectId: user.aadObjectId };
  }
}

/** One key per person and platform, for the conversation state. */
export function speakerKey(user: PlatformUser): string {
  switch (user.platform) {
    case "terminal":
      return `terminal:${user.staffId}`;
    case "slack":
      return `slack:${user.teamId}:${user.userId}`;
    case "teams":
      return `teams:${user.tenantId}:${user.aadObjectId}`;
  }
}

/** The `samverkan staff add` option that links this account; empty for the terminal. */
export function accountOption(user: PlatformUser): string {
  switch (user.platform) {
    case "terminal":
      return "";
    case "slack":
      return `--slack ${user.teamId}:${user.userId}`;
    case "teams":
      return `--teams ${user.tenantId}:${user.aadObjectId}`;
  }
}

/** The channel the audit log records for a turn. */
export function channelOf(user: PlatformUser): Channel {
  return user.platform === "terminal" ? "cli" : user.platform;
}
