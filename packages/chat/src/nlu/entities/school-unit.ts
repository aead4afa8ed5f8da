import type { Span } from "../types";

/**
 * A school unit (skolenhet) is named by its 8-digit code, typed bare or inside a link to
 * Skolverket's Utbildningsguiden (`…/skolenhet?schoolUnitID=39907811`, `…/skolenhet/39907811`).
 */
const URL = /https?:\/\/[^\s<>"]+/gi;
const CODE = /(?<![\p{N}\-/+.,])\d{8}(?![\p{N}]|[-/.,]\d)/u;

export interface SchoolUnitMatch extends Span {
  code: string;
  fromUrl: boolean;
}

export function findSchoolUnit(text: string): SchoolUnitMatch | undefined {
  for (const m of text.matchAll(URL)) {
    if (!/skolverket|utbildningsguiden|schoolunit/i.test(m[0])) continue;
    const code = /schoolUnitID=(\d{8})(?!\d)/i.exec(m[0])?.[1] ?? /(?<!\d)(\d{8})(?!\d)/.exec(m[0])?.[1];
    if (code) return { code, fromUrl: true, index: m.index, length: m[0].length };
  }
  const bare = CODE.exec(text);
  return bare ? { code: bare[0], fromUrl: false, index: bare.index, length: 8 } : undefined;
}
