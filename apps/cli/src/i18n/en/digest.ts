import type { Messages } from "../sv";

/** English texts of digest; the type makes a key missing from either language a compile error. */
export const digest: Messages["digest"] = {
  active: "active",
  paused: "paused",
  late: "late",
  nothingNewThisDigestWould: "Nothing new: this digest would not be posted now.\n",
  created: "Created",
  noDigests: "No digests.",
  noRunsYet: "No runs yet.",
  changed: { pause: "Paused", resume: "Resumed", remove: "Removed" },
};
