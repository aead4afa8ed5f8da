/** Slot n: one-hour slots 08:00–16:00 on the weekdays from Monday 2027-02-01, eight a day (no public holidays until Easter). */
export function slotStart(n: number): string {
  const day = Math.floor(n / 8);
  const hour = 8 + (n % 8);
  let date = new Date(Date.UTC(2027, 1, 1));
  for (let left = day; left > 0;) {
    date = new Date(date.getTime() + 86_400_000);
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) left--;
  }
  return `${date.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;
}
