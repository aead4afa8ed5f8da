/**
 * Adaptive Cards as Teams needs them beyond what the shared renderer emits: the renderer
 * makes every button an `Action.Execute` (Universal Actions), but Teams dialogs (task
 * modules) only submit with `Action.Submit`, and only an `Action.Submit` with
 * `msteams: { type: "task/fetch" }` opens a dialog. These types and the action mapper
 * turn one into the other without loosening the rest of the card's types.
 */
import type {
  AcActionExecute,
  AcActionOpenUrl,
  AcActionSet,
  AcColumn,
  AcColumnSet,
  AcContainer,
  AcElement,
  AdaptiveCard,
  AcAction,
} from "@samverkan/chat";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface AcActionSubmit {
  type: "Action.Submit";
  title: string;
  data: { [key: string]: JsonValue };
  style?: AcActionExecute["style"];
  associatedInputs?: "auto" | "none";
}

export type TeamsAction = AcActionExecute | AcActionOpenUrl | AcActionSubmit;

type LeafElement = Exclude<AcElement, AcContainer | AcColumnSet | AcActionSet>;

export interface TeamsColumn extends Omit<AcColumn, "items"> {
  items: TeamsElement[];
}

export type TeamsElement =
  | LeafElement
  | (Omit<AcContainer, "items"> & { items: TeamsElement[] })
  | (Omit<AcColumnSet, "columns"> & { columns: TeamsColumn[] })
  | (Omit<AcActionSet, "actions"> & { actions: TeamsAction[] });

export interface TeamsCard extends Omit<AdaptiveCard, "body" | "actions"> {
  body: TeamsElement[];
  actions?: TeamsAction[];
}

type ActionMapper = (action: AcAction) => TeamsAction;

function mapElement(element: AcElement, map: ActionMapper): TeamsElement {
  switch (element.type) {
    case "Container":
      return { ...element, items: element.items.map((item) => mapElement(item, map)) };
    case "ColumnSet":
      return { ...element, columns: element.columns.map((column) => ({ ...column, items: column.items.map((item) => mapElement(item, map)) })) };
    case "ActionSet":
      return { ...element, actions: element.actions.map(map) };
    default:
      return element;
  }
}

/** The same card with every action passed through `map` (nested sets and columns included). */
export function mapCardActions(card: AdaptiveCard, map: ActionMapper): TeamsCard {
  const { body, actions, ...rest } = card;
  return { ...rest, body: body.map((element) => mapElement(element, map)), ...(actions ? { actions: actions.map(map) } : {}) };
}

/** Every action in a card, in reading order (tests and the message-extension preview use it). */
export function cardActions(card: TeamsCard): TeamsAction[] {
  const found: TeamsAction[] = [];
  const visit = (element: TeamsElement): void => {
    if (element.type === "Container") element.items.forEach(visit);
    else if (element.type === "ColumnSet") element.columns.forEach((column) => column.items.forEach(visit));
    else if (element.type === "ActionSet") found.push(...element.actions);
  };
  card.body.forEach(visit);
  found.push(...(card.actions ?? []));
  return found;
}
