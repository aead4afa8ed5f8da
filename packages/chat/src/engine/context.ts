import type { DigestTarget, Samverkan, Staff, WriteContext } from "@samverkan/sdk";
import type { Locale } from "../cards/model";
import type { Channel, EngineLogger, PlatformUser } from "./types";
import type { Pending } from "./pending";

/** Everything a flow needs for one turn. */
export interface FlowContext {
  sv: Samverkan;
  staff: Staff;
  locale: Locale;
  now: Date;
  channel: Channel;
  user: PlatformUser;
  conversationId: string;
  write: WriteContext;
  logger: EngineLogger;
  pending: Pending | undefined;
  setPending(next: Pending | undefined): void;
  /** The channel the turn happened in, when digests can be posted there (set by the Slack and Teams transports). */
  target?: DigestTarget;
}
