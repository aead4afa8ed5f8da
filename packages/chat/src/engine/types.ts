import type { DigestTarget } from "@samverkan/sdk";
import type { ActionValue, Locale, Message } from "../cards/model";

/** Who is speaking, as the platform knows them. The engine maps this to a staff member. */
export type PlatformUser =
  | { platform: "slack"; teamId: string; userId: string; displayName?: string }
  | { platform: "teams"; tenantId: string; aadObjectId: string; displayName?: string }
  | { platform: "terminal"; staffId: string };

export type Channel = "slack" | "teams" | "cli";

/** One thing the user did: wrote text, pressed a button, or submitted a form. */
export interface Turn {
  user: PlatformUser;
  /** Where the conversation happens (channel + thread, chat, DM); keys conversation state. */
  conversationId: string;
  text?: string;
  action?: { id: string; value: ActionValue };
  /** The channel the turn happened in, so digests can be set up there. */
  target?: DigestTarget;
  /** A submitted form; `context` is the submit action's value (e.g. the assignment ref). */
  form?: { id: string; values: Record<string, string | number | boolean | undefined>; context?: ActionValue };
}

export interface EngineReply {
  /** Messages to show, in order, where the user spoke. */
  messages: Message[];
  /**
   * The first message takes the place of the message whose button the user clicked (a
   * confirmation answered, a page turned, a setting switched); the others are posted after
   * it. False: every message is new. Only a click's reply can be true; the flows decide.
   */
  replaceOriginal: boolean;
  /** A form to open as a modal (Slack) or dialog (Teams); the terminal asks its inputs one by one. */
  openForm?: Message;
  /** Answer to a form submission: errors per input id keep the form open. */
  formErrors?: Record<string, string>;
  /** True when a submitted form was accepted and can close. */
  closeForm?: boolean;
}

export interface EngineLogger {
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

export type { Locale, Message };
