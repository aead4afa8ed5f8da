import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import { normalizeSwedish, SchoolSearchIndex, type SchoolSearchDoc } from "../../src/search";

/** One search implementation under test: build over the docs, then answer with unit codes, best first. */
export interface SearchContender {
  name: string;
  /** How the contender was configured, for the report. */
  config: string;
  build(docs: readonly SchoolSearchDoc[]): void;
  search(query: string): string[];
}

const TOP = 3;

export function samverkanContender(): SearchContender {
  let index: SchoolSearchIndex | undefined;
  return {
    name: "Samverkan SchoolSearchIndex",
    config: "defaults",
    build: (docs) => {
      index = SchoolSearchIndex.build(docs);
    },
    search: (query) => (index?.search(query, { limit: TOP }) ?? []).map((hit) => hit.doc.schoolUnitCode),
  };
}

const FUSE_KEYS = [
  { name: "name", weight: 3 },
  { name: "municipalityName", weight: 1 },
  { name: "organizerName", weight: 1 },
  { name: "schoolUnitCode", weight: 1 },
];

export type FuseMode = "raw" | "normalized" | "tokens";

const FUSE_NAMES: Record<FuseMode, string> = {
  raw: "Fuse.js 7.5 (raw fields, ignoreDiacritics)",
  normalized: "Fuse.js 7.5 (normalized fields)",
  tokens: "Fuse.js 7.5 (normalized fields, useTokenSearch)",
};

/**
 * Fuse.js with the configuration its documentation suggests for this kind of data.
 * `raw`: fields as they are, Fuse's own `ignoreDiacritics`; `normalized`: fields and
 * query folded with `normalizeSwedish` first, so Fuse gets our Swedish folding;
 * `tokens`: the same plus Fuse 7.5's word-by-word `useTokenSearch`.
 */
export function fuseContender(mode: FuseMode): SearchContender {
  let fuse: Fuse<SchoolSearchDoc> | undefined;
  const normalized = mode !== "raw";
  const fold = normalized ? normalizeSwedish : (text: string) => text;
  return {
    name: FUSE_NAMES[mode],
    config: `keys name×3, municipalityName, organizerName, schoolUnitCode; threshold 0.4; ignoreLocation${mode === "tokens" ? "; useTokenSearch" : ""}`,
    build: (docs) => {
      const prepared = docs.map((doc) =>
        normalized ? { ...doc, name: fold(doc.name), municipalityName: fold(doc.municipalityName), organizerName: fold(doc.organizerName) } : doc,
      );
      fuse = new Fuse(prepared, {
        keys: FUSE_KEYS,
        threshold: 0.4,
        ignoreLocation: true,
        ignoreDiacritics: !normalized,
        useTokenSearch: mode === "tokens",
      });
    },
    search: (query) => (fuse?.search(fold(query), { limit: TOP }) ?? []).map((result) => result.item.schoolUnitCode),
  };
}

/** MiniSearch with fuzzy and prefix search, the name boosted, and our Swedish folding as `processTerm`. */
export function miniSearchContender(): SearchContender {
  let mini: MiniSearch<SchoolSearchDoc> | undefined;
  return {
    name: "MiniSearch 7.2 (normalized terms)",
    config: "fields name, municipalityName, organizerName, schoolUnitCode; fuzzy 0.2; prefix; boost name×3",
    build: (docs) => {
      mini = new MiniSearch<SchoolSearchDoc>({
        idField: "schoolUnitCode",
        fields: ["name", "municipalityName", "organizerName", "schoolUnitCode"],
        processTerm: (term) => normalizeSwedish(term) || null,
        searchOptions: { fuzzy: 0.2, prefix: true, boost: { name: 3 } },
      });
      mini.addAll(docs);
    },
    search: (query) => (mini?.search(query) ?? []).slice(0, TOP).map((result) => String(result.id)),
  };
}
