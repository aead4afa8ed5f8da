import type * as z from "zod";
import { ValidationError, type FieldIssue } from "../errors";
import { translateIssue } from "./messages";

/** Parses input at the service boundary; a failure is a ValidationError naming each field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join(".") || "input";
    return { field, message: translateIssue(field, issue.message) };
  });
  throw ValidationError.fromIssues(issues);
}
