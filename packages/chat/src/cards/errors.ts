/**
 * Thrown when a message cannot be rendered within a platform limit without changing its
 * meaning: identifiers and payloads are never shortened (text is, with "…").
 */
export class CardLimitError extends Error {
  constructor(
    /** Which limit, e.g. `slack.button.value`. */
    readonly limit: string,
    message: string,
  ) {
    super(message);
    this.name = "CardLimitError";
  }
}
