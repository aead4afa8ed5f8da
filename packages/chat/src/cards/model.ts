/**
 * The platform-neutral message model. Flows build a `Message` once; the Slack, Adaptive
 * Card and terminal renderers turn it into each platform's native format.
 *
 * Text conventions:
 * - `text` blocks, `context` blocks and field `value`s accept the tiny markup
 *   (`**bold**`, `_italic_`, `[label](https://…)`), see `markup.ts`.
 * - Everything else (headers, labels, titles, subtitles, button labels) is plain text and is
 *   shown exactly as written.
 */

/** Language of the renderer's own words ("Sida 1 av 3"). Swedish unless the user chose English. */
export type Locale = "sv" | "en";

export type ActionValue = Record<string, string | number | boolean>;

export interface Action {
  /** A verb such as `dialogue.book.confirm`: letters, digits, `.`, `_` and `-` only. */
  id: string;
  /** Button text, plain. */
  label: string;
  /** Small payload that comes back when the action is chosen: ids, not user text. */
  value: ActionValue;
  style?: "primary" | "danger";
  /** Makes this a link button; chat platforms open the URL in a browser. */
  url?: string;
}

/** The part of an action that survives a round trip through a platform. */
export interface ActionRef {
  id: string;
  value: ActionValue;
}

export interface TextInput {
  kind: "text";
  id: string;
  label: string;
  value?: string;
  multiline?: boolean;
  placeholder?: string;
  required?: boolean;
  maxLength?: number;
}

export interface NumberInput {
  kind: "number";
  id: string;
  label: string;
  value?: number;
  min?: number;
  max?: number;
  /** Whole numbers only (a count of participants, not a percentage). */
  integer?: boolean;
  required?: boolean;
}

export interface DateInput {
  kind: "date";
  id: string;
  label: string;
  /** `YYYY-MM-DD` */
  value?: string;
  required?: boolean;
}

export interface TimeInput {
  kind: "time";
  id: string;
  label: string;
  /** `HH:mm` */
  value?: string;
  required?: boolean;
}

export interface SelectOption {
  label: string;
  /** Sent back as is, so keep it short (at most 75 characters). */
  value: string;
}

export interface SelectInput {
  kind: "select";
  id: string;
  label: string;
  options: SelectOption[];
  value?: string;
  required?: boolean;
}

export interface ToggleInput {
  kind: "toggle";
  id: string;
  label: string;
  value?: boolean;
}

export type Input = TextInput | NumberInput | DateInput | TimeInput | SelectInput | ToggleInput;

export interface HeaderBlock {
  type: "header";
  text: string;
}

export interface TextBlock {
  type: "text";
  /** Tiny markup. */
  text: string;
}

export interface Field {
  label: string;
  /** Tiny markup. */
  value: string;
}

export interface FieldsBlock {
  type: "fields";
  fields: Field[];
}

export interface ListItem {
  title: string;
  subtitle?: string;
  action?: Action;
}

export interface PageInfo {
  /** Zero-based page number. */
  index: number;
  size: number;
  /** Total number of items across all pages. */
  total: number;
  next?: Action;
  previous?: Action;
}

export interface ListBlock {
  type: "list";
  items: ListItem[];
  page?: PageInfo;
}

export interface ActionsBlock {
  type: "actions";
  actions: Action[];
}

export interface FormBlock {
  type: "form";
  /** Identifies the form across turns; input ids must be unique within it. */
  id: string;
  title: string;
  submit: Action;
  cancel?: Action;
  inputs: Input[];
  /** Validation messages keyed by input id. */
  errors?: Record<string, string>;
}

export interface DividerBlock {
  type: "divider";
}

export interface ContextBlock {
  type: "context";
  /** Tiny markup, shown small and grey. */
  text: string;
}

/** A picture by URL (a chart the apps serve); platforms fetch it themselves, so the URL must be public. */
export interface ImageBlock {
  type: "image";
  /** `https://…` (or `http://` on loopback in tests). */
  url: string;
  /** What the picture says, for screen readers and the text renderer. Plain. */
  alt: string;
}

export type Block = ImageBlock | HeaderBlock | TextBlock | FieldsBlock | ListBlock | ActionsBlock | FormBlock | DividerBlock | ContextBlock;

export interface Message {
  /** Plain fallback and notification text; always present. */
  text: string;
  blocks: Block[];
  /** Defaults to `sv`. */
  locale?: Locale;
}
