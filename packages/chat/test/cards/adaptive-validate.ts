/**
 * Validates a card with Microsoft's own `adaptivecards` library, the renderer Teams builds
 * on. It is a devDependency, so this helper lives in test code; import it by relative path.
 *
 * The package's ESM entry does not load in Node, so we require its bundled UMD build.
 * Parsing and validating need no DOM (only rendering does), so no jsdom is involved.
 */
import { createRequire } from "node:module";

interface LibraryEvent {
  message: string;
  phase?: number;
  event?: number;
}

interface LibrarySerializationContext {
  readonly eventCount: number;
  getEventAt(index: number): LibraryEvent;
}

interface LibraryCard {
  parse(json: unknown, context?: LibrarySerializationContext): void;
  validateProperties(): { validationEvents: LibraryEvent[] };
}

/** The part of the library's API we use, typed by hand (the bundle comes in untyped). */
interface AdaptiveCardsLibrary {
  AdaptiveCard: new () => LibraryCard;
  SerializationContext: new () => LibrarySerializationContext;
  ValidationEvent: Record<number, string>;
  ValidationPhase: Record<number, string>;
}

const library = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as AdaptiveCardsLibrary;

function describe(event: LibraryEvent): string {
  const phase = event.phase === undefined ? "?" : (library.ValidationPhase[event.phase] ?? event.phase);
  const kind = event.event === undefined ? "?" : (library.ValidationEvent[event.event] ?? event.event);
  return `${phase}/${kind}: ${event.message}`;
}

/**
 * Every parse and validation event the library reports for `card`, as readable lines;
 * an empty array means the card is valid. Any event counts as a failure.
 */
export function validateAdaptiveCard(card: unknown): string[] {
  const parsed = new library.AdaptiveCard();
  const context = new library.SerializationContext();
  // Parse a copy: the library must see exactly the JSON that would go over the wire.
  parsed.parse(JSON.parse(JSON.stringify(card)), context);
  const problems: string[] = [];
  for (let index = 0; index < context.eventCount; index++) problems.push(describe(context.getEventAt(index)));
  for (const event of parsed.validateProperties().validationEvents) problems.push(describe(event));
  return problems;
}
