import type { Messages } from "../sv";

/** English texts of status; the type makes a key missing from either language a compile error. */
export const status: Messages["status"] = {
  store: "Store",
  municipalities: "Municipalities",
  organizers: "Organizers",
  schoolUnits: "School units",
  qualityDialogues: "Quality dialogues",
  assignments: "Assignments",
  staff: "Staff",
  schoolUnitRegisterSyncedActive: (p: { syncedAt: string; active: number; inactive: number; active2: number; inactive2: number }) =>
    `School unit register (synced ${p.syncedAt}): ${p.active} active organizers (${p.inactive} inactive), ${p.active2} active school units (${p.inactive2} other).`,
  theGoalIsTheConfigured: (goal: number) => `The goal ${goal} is the configured one; run samverkan sync --register to count against the register's organizers.`,
  coverageOfOrganizersMetOf: (p: { met: number; goal: number; pct: string; pct2: string; startDate: string; endDate: string }) =>
    `Coverage: ${p.met} of ${p.goal} organizers met (${p.pct}), ${p.pct2} of ${p.startDate}–${p.endDate} has passed.`,
  pacePerMonthSoFar: (p: { pacePerMonth: string; neededPerMonth: string; onTrack: boolean }) =>
    `Pace: ${p.pacePerMonth} per month so far, ${p.neededPerMonth} per month needed. ${p.onTrack ? "On track." : "Behind."}`,
};
