import type { Messages } from "../sv";

/** English texts of digestMessage; the type makes a key missing from either language a compile error. */
export const digestMessage: Messages["digestMessage"] = {
  numberLocale: "en-GB",
  andMore: (value: string) => `… and ${value} more`,
  digital: "Digital",
  digestSince: (p: { dateTime: string; dateTime2: string }) => `Digest ${p.dateTime} · since ${p.dateTime2}`,
  lateThisDigestWasDue: (due: string) => `**Late:** this digest was due ${due}.`,
  nothingNewSinceTheLast: "Nothing new since the last digest.",
  dialoguesInTheNext7: "Dialogues in the next 7 days",
  none: "none",
  dialoguesHeldSinceTheLast: "Dialogues held since the last digest",
  coverageEveryOrganizerWithinThree: (p: { met: string; goal: string; percent: string; bar: string }) => `**Coverage (every organizer within three years)**
${p.met} of ${p.goal} organizers met (${p.percent}) ${p.bar}`,
  paceSoFar: "Pace so far",
  perMonth: "per month",
  paceNeeded: "Pace needed",
  timePassed: "Time passed",
  onTrack: "On track",
  behind: "Behind",
  daysWithoutProgress: (daysSilent: number) => `${daysSilent} days without progress`,
  nobodyResponsible: "nobody responsible",
  assignmentsWithoutProgressFor14: "Assignments without progress for 14 days or more",
  unassigned: "unassigned",
  responsible: "Responsible",
  phaseChangesSinceTheLast: "Phase changes since the last digest",
  digestWriteDigestListTo: (p: { subscriptionRef: string; schedule: string }) => `Digest ${p.subscriptionRef}${p.schedule} · write "digest list" to change it`,
  threshold: (p: { metric: string; value: string; unit: string; threshold: number }) => `${p.metric} ${p.value}${p.unit} (threshold ${p.threshold}${p.unit})`,
  schoolUnitsWithLowResults: (current: string) =>
    `**School units with low results:** ${current} flagged by the selection. Newly flagged units are shown from the next digest.`,
  newlyFlaggedSchoolUnitsLow: "Newly flagged school units (low results)",
  late: "Late: ",
  metricNames: {
    meritValue: "merit value",
    shareAllSubjects: "passed all subjects",
    shareEligibleVocational: "eligible for vocational programmes",
    completionRate: "exam within three years",
    salsaResidual: "SALSA residual",
  },
  fallbackCounts: (p: { upcoming: number; held: number; stale: number; phaseChanges: number }): string[] => [
    `upcoming dialogues ${p.upcoming}`,
    `held ${p.held}`,
    `assignments without progress ${p.stale}`,
    `phase changes ${p.phaseChanges}`,
  ],
};
