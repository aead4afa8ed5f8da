/**
 * Finding the Adaptive Cards the bot sent (to the connector and in invoke responses) and
 * checking each with Microsoft's `adaptivecards` library through the chat package's
 * validator: zero parse or validation events allowed.
 */
import { expect } from "vitest";
import { validateAdaptiveCard } from "../../../../packages/chat/test/cards/adaptive-validate";
import type { RecordedCall } from "./fake-connector";

export type CardJson = Record<string, unknown> & { type: "AdaptiveCard"; body: unknown[] };

const ADAPTIVE = "application/vnd.microsoft.card.adaptive";

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isCard(value: unknown): value is CardJson {
  return isObject(value) && value.type === "AdaptiveCard" && Array.isArray(value.body);
}

/** Cards in attachments (`{ contentType, content }`), wherever they are nested. */
export function cardsIn(value: unknown): CardJson[] {
  const found: CardJson[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    if (node.contentType === ADAPTIVE && isCard(node.content)) {
      found.push(node.content);
      return;
    }
    // An Action.Execute invoke response: { statusCode, type: adaptive, value: card }.
    if (node.type === ADAPTIVE && isCard(node.value)) {
      found.push(node.value);
      return;
    }
    Object.values(node).forEach(visit);
  };
  visit(value);
  return found;
}

export function cardsSent(calls: readonly RecordedCall[]): CardJson[] {
  return calls.flatMap((call) => cardsIn(call.body));
}

export function expectValidCards(cards: readonly CardJson[]): void {
  for (const card of cards) {
    const problems = validateAdaptiveCard(card);
    expect(problems, `card problems in ${JSON.stringify(card).slice(0, 300)}`).toEqual([]);
  }
}

/** Every action in a card, nested sets included. */
export function actionsOf(card: unknown): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    if (typeof node.type === "string" && node.type.startsWith("Action.")) found.push(node);
    Object.values(node).forEach(visit);
  };
  visit(card);
  return found;
}

/** All TextBlock texts and FactSet values of a card, joined (for "shows X" assertions). */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    for (const key of ["text", "title", "value"] as const) if (typeof node[key] === "string") parts.push(node[key]);
    Object.values(node).forEach(visit);
  };
  visit(card);
  return parts.join("\n");
}
