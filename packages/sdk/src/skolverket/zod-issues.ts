import type { ResponseIssue } from "./errors";

type IssueLike = { path: ReadonlyArray<PropertyKey>; message: string };

/** `["body", "_embedded", "listedSchoolUnits", 3, "code"]` → `body._embedded.listedSchoolUnits[3].code`. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text === "" ? String(key) : `.${String(key)}`;
  }
  return text === "" ? "(root)" : text;
}

export function toResponseIssues(issues: readonly IssueLike[]): ResponseIssue[] {
  return issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}
