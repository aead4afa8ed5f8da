import type { Action, ListBlock, ListItem, PageInfo } from "./model";

export interface Page<T> {
  items: T[];
  /** Zero-based, clamped to the pages that exist. */
  index: number;
  size: number;
  total: number;
  pageCount: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

/** One page of `items`. An out-of-range `pageIndex` gives the nearest page, never an empty one. */
export function paginate<T>(items: readonly T[], pageIndex: number, pageSize: number): Page<T> {
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`pageSize must be a whole number of at least 1, got ${pageSize}.`);
  }
  const total = items.length;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const requested = Number.isFinite(pageIndex) ? Math.trunc(pageIndex) : 0;
  const index = Math.min(Math.max(requested, 0), pageCount - 1);
  const start = index * pageSize;
  return {
    items: items.slice(start, start + pageSize),
    index,
    size: pageSize,
    total,
    pageCount,
    hasPrevious: index > 0,
    hasNext: index < pageCount - 1,
  };
}

/** Number of pages a list's `page` info describes (at least 1). */
export function pageCount(page: Pick<PageInfo, "size" | "total">): number {
  return Math.max(1, Math.ceil(page.total / Math.max(1, page.size)));
}

export interface PagedListOptions<T> {
  toItem: (item: T, indexInAll: number) => ListItem;
  /** The action that shows page `targetIndex`; called only for pages that exist. */
  navigate: (targetIndex: number, direction: "previous" | "next") => Action;
}

/** A list block showing one page of `items`, with previous/next actions where they lead somewhere. */
export function pagedList<T>(items: readonly T[], pageIndex: number, pageSize: number, options: PagedListOptions<T>): ListBlock {
  const page = paginate(items, pageIndex, pageSize);
  const first = page.index * page.size;
  const info: PageInfo = { index: page.index, size: page.size, total: page.total };
  if (page.hasPrevious) info.previous = options.navigate(page.index - 1, "previous");
  if (page.hasNext) info.next = options.navigate(page.index + 1, "next");
  return {
    type: "list",
    items: page.items.map((item, offset) => options.toItem(item, first + offset)),
    page: info,
  };
}
