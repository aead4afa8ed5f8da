import { t } from "../i18n";
import type { Locale } from "./model";

/** The few words renderers add themselves; everything else comes from the flows. */
export interface RendererStrings {
  page: (index: number, count: number) => string;
  moreItems: (count: number) => string;
  truncatedMessage: string;
  selectPlaceholder: string;
  noOptions: string;
  cancel: string;
  formFallbackTitle: string;
  required: string;
  yes: string;
  no: string;
  dateHint: string;
  timeHint: string;
  numberHint: (min: number | undefined, max: number | undefined) => string;
  errors: {
    required: (label: string) => string;
    choose: (label: string) => string;
    notANumber: string;
    notAWholeNumber: string;
    tooSmall: (min: number) => string;
    tooLarge: (max: number) => string;
    tooLong: (max: number) => string;
    badDate: string;
    badTime: string;
    unknownOption: string;
  };
}

export function rendererStrings(locale: Locale | undefined): RendererStrings {
  return t(locale ?? "sv").renderer;
}
