/**
 * How to tell a user something in answer to an invoke, per invoke kind: Teams shows each
 * kind's "message" response in its own place (under the card, in the dialog, in the
 * message-extension flyout). Invokes of other kinds get an empty 200.
 */
export function invokeMessageResponse(invokeName: string | undefined, text: string): { status: number; body?: unknown } {
  switch (invokeName) {
    case "adaptiveCard/action":
      return { status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: text } };
    case "task/fetch":
    case "task/submit":
      return { status: 200, body: { task: { type: "message", value: text } } };
    case "composeExtension/query":
      return { status: 200, body: { composeExtension: { type: "message", text } } };
    default:
      return { status: 200 };
  }
}
