/**
 * The subset of Adaptive Cards 1.5 the renderer emits, typed so that a misspelt property
 * fails to compile (the adaptivecards library silently ignores unknown properties).
 * Enum values are written in lower case; every Adaptive Cards host reads them case-insensitively.
 */
import type { ActionValue } from "../model";

export const ADAPTIVE_CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
export const ADAPTIVE_CARD_VERSION = "1.5";
export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

export type AcSpacing = "none" | "small" | "default" | "medium" | "large" | "extraLarge" | "padding";

interface AcElementBase {
  id?: string;
  separator?: boolean;
  spacing?: AcSpacing;
}

export interface AcTextBlock extends AcElementBase {
  type: "TextBlock";
  text: string;
  wrap?: boolean;
  size?: "small" | "default" | "medium" | "large" | "extraLarge";
  weight?: "lighter" | "default" | "bolder";
  color?: "default" | "dark" | "light" | "accent" | "good" | "warning" | "attention";
  isSubtle?: boolean;
  style?: "default" | "heading";
}

export interface AcFact {
  title: string;
  value: string;
}

export interface AcFactSet extends AcElementBase {
  type: "FactSet";
  facts: AcFact[];
}

export interface AcContainer extends AcElementBase {
  type: "Container";
  items: AcElement[];
}

export interface AcColumn {
  type: "Column";
  width?: "auto" | "stretch" | number;
  verticalContentAlignment?: "top" | "center" | "bottom";
  items: AcElement[];
}

export interface AcColumnSet extends AcElementBase {
  type: "ColumnSet";
  columns: AcColumn[];
}

export interface AcActionSet extends AcElementBase {
  type: "ActionSet";
  actions: AcAction[];
}

interface AcInputBase extends AcElementBase {
  id: string;
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface AcInputText extends AcInputBase {
  type: "Input.Text";
  value?: string;
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
}

export interface AcInputNumber extends AcInputBase {
  type: "Input.Number";
  value?: number;
  min?: number;
  max?: number;
  placeholder?: string;
}

export interface AcInputDate extends AcInputBase {
  type: "Input.Date";
  value?: string;
}

export interface AcInputTime extends AcInputBase {
  type: "Input.Time";
  value?: string;
}

export interface AcChoice {
  title: string;
  value: string;
}

export interface AcInputChoiceSet extends AcInputBase {
  type: "Input.ChoiceSet";
  choices: AcChoice[];
  value?: string;
  placeholder?: string;
  style?: "compact" | "expanded" | "filtered";
}

export interface AcInputToggle extends AcInputBase {
  type: "Input.Toggle";
  title: string;
  value?: "true" | "false";
  valueOn?: "true";
  valueOff?: "false";
}

export type AcInput = AcInputText | AcInputNumber | AcInputDate | AcInputTime | AcInputChoiceSet | AcInputToggle;

/** A picture by URL; `stretch` fills the card's width. */
export interface AcImage extends AcElementBase {
  type: "Image";
  url: string;
  altText: string;
  size?: "auto" | "stretch" | "small" | "medium" | "large";
}

export type AcElement = AcImage | AcTextBlock | AcFactSet | AcContainer | AcColumnSet | AcActionSet | AcInput;

export interface AcActionExecute {
  type: "Action.Execute";
  title: string;
  /** The model's action id. */
  verb: string;
  /** The model's action value; Teams merges the form's input values into it. */
  data: ActionValue;
  style?: "default" | "positive" | "destructive";
  /** `none` lets Cancel through without validating the form. */
  associatedInputs?: "auto" | "none";
}

export interface AcActionOpenUrl {
  type: "Action.OpenUrl";
  title: string;
  url: string;
  style?: "default" | "positive" | "destructive";
}

export type AcJson = string | number | boolean | null | AcJson[] | { [key: string]: AcJson };

/**
 * What Teams dialogs (task modules) need instead of `Action.Execute`: they only submit with
 * `Action.Submit`, and only an `Action.Submit` whose data has `msteams: { type: "task/fetch" }`
 * opens one. Rendered when the caller passes `dialogButtons` (see `AdaptiveRenderOptions`).
 */
export interface AcActionSubmit {
  type: "Action.Submit";
  title: string;
  /** Teams merges the card's input values into it on submit. */
  data: { [key: string]: AcJson };
  style?: "default" | "positive" | "destructive";
  associatedInputs?: "auto" | "none";
}

export type AcAction = AcActionExecute | AcActionOpenUrl | AcActionSubmit;

export interface AdaptiveCard {
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  type: "AdaptiveCard";
  version: typeof ADAPTIVE_CARD_VERSION;
  /** Shown by hosts that cannot render the card. */
  fallbackText?: string;
  body: AcElement[];
  actions?: AcAction[];
}

/** The attachment Bot Framework / Teams expects around a card. */
export interface AdaptiveCardAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: AdaptiveCard;
}
