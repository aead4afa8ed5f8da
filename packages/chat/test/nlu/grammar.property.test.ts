import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseUtterance } from "../../src/nlu/index";

/**
 * The time grammar as a generator: sentences built from its rules with the answer computed
 * here, independently of the parser (plain UTC calendar arithmetic and Intl for the offset).
 * `now` ranges over DST changes, month and year ends and ISO week 53 (2026 has one).
 * The parser must give exactly that instant, and no date at all for a phrase it cannot place.
 */

interface Civil {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;
const utc = (c: Civil) => Date.UTC(c.y, c.m - 1, c.d);
const fromUtc = (ms: number): Civil => {
  const date = new Date(ms);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
};
const plusDays = (c: Civil, n: number) => fromUtc(utc(c) + n * DAY_MS);
const isoDow = (c: Civil) => ((new Date(utc(c)).getUTCDay() + 6) % 7) + 1;
const cmp = (a: Civil, b: Civil) => utc(a) - utc(b);

function isoWeek(c: Civil): { year: number; week: number } {
  const thursday = plusDays(c, 4 - isoDow(c));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  return { year: thursday.y, week: Math.floor((utc(thursday) - utc(jan1)) / DAY_MS / 7) + 1 };
}
function mondayOfWeek(year: number, week: number): Civil {
  const jan4 = { y: year, m: 1, d: 4 };
  return plusDays(jan4, 1 - isoDow(jan4) + (week - 1) * 7);
}

/** Stockholm wall clock of an instant, and the offset text for a wall clock. */
const WALL = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
function wallOf(instant: Date): Civil & { h: number; min: number } {
  const p = Object.fromEntries(WALL.formatToParts(instant).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour), min: Number(p.minute) };
}
function expectedIso(c: Civil, h: number, min: number): string {
  // Offset in force at that wall time: try +01:00 and +02:00 and keep the one that round-trips.
  for (const offset of [1, 2]) {
    const instant = new Date(Date.UTC(c.y, c.m - 1, c.d, h - offset, min));
    const w = wallOf(instant);
    if (w.y === c.y && w.m === c.m && w.d === c.d && w.h === h && w.min === min) {
      const pad = (n: number) => String(n).padStart(2, "0");
      return `${c.y}-${pad(c.m)}-${pad(c.d)}T${pad(h)}:${pad(min)}:00+0${offset}:00`;
    }
  }
  throw new Error("no such wall time");
}

const SV_DAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag"];
const SV_MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
const HOUR_WORDS = ["", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"];
const officeHour = (h: number) => (h >= 1 && h <= 7 ? h + 12 : h);

// Around the DST changes of 2026/2027, the year end with week 53, and month ends.
const nowArb = fc
  .tuple(
    fc.constantFrom(
      "2026-03-26",
      "2026-03-29",
      "2026-10-23",
      "2026-10-25",
      "2026-12-24",
      "2026-12-30",
      "2027-01-02",
      "2027-02-27",
      "2027-03-27",
      "2027-10-30",
      "2026-11-23",
      "2026-06-30",
    ),
    fc.integer({ min: 7, max: 18 }),
  )
  .map(([day, hour]) => {
    const [y, m, d] = day.split("-").map(Number);
    return new Date(expectedIso({ y: y!, m: m!, d: d! }, hour, 0));
  });

interface Case {
  text: string;
  expected: (now: Date) => string | undefined;
}

const clock = fc.record({ h: fc.integer({ min: 8, max: 17 }), min: fc.constantFrom(0, 15, 30, 45) });
const clockText = (h: number, min: number) => (min === 0 ? `kl ${h}` : `kl ${h}.${String(min).padStart(2, "0")}`);

const inDays: fc.Arbitrary<Case> = fc.tuple(fc.integer({ min: 1, max: 40 }), clock).map(([n, { h, min }]) => ({
  text: `boka dialog med Ale kommun om ${n} dagar ${clockText(h, min)}`,
  expected: (now) => expectedIso(plusDays(wallOf(now), n), h, min),
}));

const inWeeks: fc.Arbitrary<Case> = fc.tuple(fc.integer({ min: 1, max: 8 }), clock, fc.boolean()).map(([n, { h, min }, english]) => ({
  text: english
    ? `book a dialogue with Ale kommun in ${n} weeks at ${h}:${String(min).padStart(2, "0")}`
    : `boka dialog med Ale kommun om ${n} veckor ${clockText(h, min)}`,
  expected: (now) => expectedIso(plusDays(wallOf(now), 7 * n), h, min),
}));

const weekAndDay: fc.Arbitrary<Case> = fc
  .tuple(fc.integer({ min: 1, max: 53 }), fc.integer({ min: 0, max: 4 }), clock, fc.boolean())
  .map(([week, day, { h, min }, weekFirst]) => ({
    text: weekFirst
      ? `boka dialog med Ale kommun vecka ${week} ${SV_DAYS[day]} ${clockText(h, min)}`
      : `boka dialog med Ale kommun ${SV_DAYS[day]} vecka ${week} ${clockText(h, min)}`,
    expected: (now) => {
      const today = wallOf(now);
      const current = isoWeek(today);
      const year = week >= current.week ? current.year : current.year + 1;
      if (week > isoWeek({ y: year, m: 12, d: 28 }).week) return undefined;
      return expectedIso(plusDays(mondayOfWeek(year, week), day), h, min);
    },
  }));

const dayOfMonth: fc.Arbitrary<Case> = fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 11 }), clock).map(([d, m, { h, min }]) => ({
  text: `boka dialog med Ale kommun den ${d} ${SV_MONTHS[m]} ${clockText(h, min)}`,
  expected: (now) => {
    const today = wallOf(now);
    let date = { y: today.y, m: m + 1, d };
    if (cmp(date, today) < 0) date = { ...date, y: today.y + 1 };
    return expectedIso(date, h, min);
  },
}));

const nthWeekday: fc.Arbitrary<Case> = fc
  .tuple(fc.constantFrom(1, 2, 3, -1), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 11 }), clock)
  .map(([nth, day, m, { h, min }]) => ({
    text: `boka dialog med Ale kommun ${{ 1: "första", 2: "andra", 3: "tredje", [-1]: "sista" }[nth]} ${SV_DAYS[day]}en i ${SV_MONTHS[m]} ${clockText(h, min)}`,
    expected: (now) => {
      const today = wallOf(now);
      const find = (y: number): Civil => {
        if (nth > 0) {
          const first = { y, m: m + 1, d: 1 };
          return plusDays(first, ((day + 1 - isoDow(first) + 7) % 7) + (nth - 1) * 7);
        }
        const last = plusDays({ y: m === 11 ? y + 1 : y, m: m === 11 ? 1 : m + 2, d: 1 }, -1);
        return plusDays(last, -((isoDow(last) - (day + 1) + 7) % 7));
      };
      const date = cmp(find(today.y), today) < 0 ? find(today.y + 1) : find(today.y);
      return expectedIso(date, h, min);
    },
  }));

// Clock talk in words with a date that is always tomorrow: halv tio = 09:30, kvart i tre = 14:45.
const clockWords: fc.Arbitrary<Case> = fc.tuple(fc.constantFrom("halv", "kvart över", "kvart i"), fc.integer({ min: 2, max: 12 })).map(([form, hour]) => ({
  text: `boka dialog med Ale kommun i morgon ${form} ${HOUR_WORDS[hour]}`,
  expected: (now) => {
    const h = form === "kvart över" ? hour : hour - 1;
    const min = form === "halv" ? 30 : form === "kvart i" ? 45 : 15;
    return expectedIso(plusDays(wallOf(now), 1), officeHour(h), min);
  },
}));

describe("the time grammar resolves generated sentences to the right instant", () => {
  for (const [name, arb] of Object.entries({ inDays, inWeeks, weekAndDay, dayOfMonth, nthWeekday, clockWords })) {
    it(name, () => {
      fc.assert(
        fc.property(arb, nowArb, (c, now) => {
          const result = parseUtterance(c.text, { now });
          expect(result.entities.start, `${c.text} @ ${now.toISOString()}`).toBe(c.expected(now));
        }),
        { numRuns: 150 },
      );
    });
  }
});

describe("parse never returns a date it did not read", () => {
  const vague = fc.constantFrom("i december", "efter jul", "om några veckor", "i mellandagarna", "after christmas", "efter sommarlovet", "i januari");
  it("gives no start, and names the phrase, when a date phrase cannot be placed", () => {
    fc.assert(
      fc.property(vague, clock, nowArb, (phrase, { h, min }, now) => {
        const result = parseUtterance(`boka dialog med Ale kommun ${phrase} ${clockText(h, min)}`, { now });
        expect(result.entities.start).toBeUndefined();
        expect(result.entities.unplacedDate?.toLowerCase()).toBe(phrase);
      }),
      { numRuns: 100 },
    );
  });

  it("gives no date for sentences without date words", () => {
    const word = fc.constantFrom(
      "boka",
      "dialog",
      "med",
      "Ale",
      "kommun",
      "Vasaskolan",
      "om",
      "i",
      "på",
      "visa",
      "huvudman",
      "skolor",
      "meritvärde",
      "the",
      "with",
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), nowArb, (words, now) => {
        const result = parseUtterance(words.join(" "), { now });
        expect(result.entities.start).toBeUndefined();
        expect(result.entities.end).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});
