import { readFileSync } from "node:fs";

/** A line of the recorded Planned Educations API exchanges (test helper). */
export type RecordedLine = { method: string; url: string; status: number; body: unknown };

export function readRecording(path: string): RecordedLine[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as RecordedLine);
}

export type EndpointKind = "list" | "details" | "statistics" | "compact";

export function endpointOf(url: string): EndpointKind | undefined {
  const path = new URL(url, "http://x").pathname;
  if (/\/v4\/school-units$/.test(path)) return "list";
  if (/\/v4\/school-units\/\d{8}$/.test(path)) return "details";
  if (/\/v4\/school-units\/\d{8}\/statistics\/(gr|gy)$/.test(path)) return "statistics";
  if (/\/v4\/compact-school-units$/.test(path)) return "compact";
  return undefined;
}
