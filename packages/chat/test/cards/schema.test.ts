import { describe, expect, it } from "vitest";
import { actionRefSchema, messageSchema } from "../../src/cards";
import { allMessages, hostile } from "./fixtures";

describe("messageSchema", () => {
  it.each(Object.entries(allMessages).filter(([name]) => name !== "hostile"))("accepts the %s fixture", (_name, message) => {
    expect(messageSchema.parse(message)).toEqual(message);
  });

  it("accepts hostile text (text is never the problem) and rejects what breaks round trips", () => {
    // Renderers survive these two (tested elsewhere), but a flow producing them has a bug.
    const issues = messageSchema.safeParse(hostile).error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(issues).toEqual(["blocks.9.inputs.2.options: Too small: expected array to have >=1 items", "blocks.9.inputs.3.value: Use YYYY-MM-DD."]);
  });

  it("rejects action ids with ':' or spaces, and nested values", () => {
    expect(actionRefSchema.safeParse({ id: "a:b", value: {} }).success).toBe(false);
    expect(actionRefSchema.safeParse({ id: "a b", value: {} }).success).toBe(false);
    expect(actionRefSchema.safeParse({ id: "a.b", value: { x: { y: 1 } } }).success).toBe(false);
    expect(actionRefSchema.safeParse({ id: "a.b", value: { x: 1, y: "z", z: true } }).success).toBe(true);
  });

  it("rejects duplicate input ids in a form", () => {
    const form = {
      type: "form",
      id: "f",
      title: "F",
      submit: { id: "f.ok", label: "OK", value: {} },
      inputs: [
        { kind: "text", id: "a", label: "A" },
        { kind: "text", id: "a", label: "B" },
      ],
    };
    expect(messageSchema.safeParse({ text: "x", blocks: [form] }).success).toBe(false);
  });
});
