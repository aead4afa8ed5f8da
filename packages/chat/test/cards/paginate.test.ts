import { describe, expect, it } from "vitest";
import { pagedList, paginate } from "../../src/cards";

const items = Array.from({ length: 120 }, (_, index) => index + 1);

describe("paginate", () => {
  it("returns one page and what lies around it", () => {
    expect(paginate(items, 0, 10)).toMatchObject({ index: 0, size: 10, total: 120, pageCount: 12, hasPrevious: false, hasNext: true });
    expect(paginate(items, 0, 10).items).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(paginate(items, 11, 10)).toMatchObject({ index: 11, hasPrevious: true, hasNext: false });
    expect(paginate(items, 11, 10).items.at(-1)).toBe(120);
  });

  it("clamps out-of-range pages instead of returning nothing", () => {
    expect(paginate(items, 99, 10).index).toBe(11);
    expect(paginate(items, -3, 10).index).toBe(0);
    expect(paginate(items, Number.NaN, 10).index).toBe(0);
  });

  it("handles a short last page and an empty list", () => {
    expect(paginate(items, 2, 50).items).toHaveLength(20);
    expect(paginate([], 0, 10)).toMatchObject({ items: [], index: 0, pageCount: 1, hasNext: false, hasPrevious: false });
  });

  it("refuses a page size that is not a positive whole number", () => {
    expect(() => paginate(items, 0, 0)).toThrow(RangeError);
    expect(() => paginate(items, 0, 2.5)).toThrow(/pageSize/);
  });
});

describe("pagedList", () => {
  const navigate = (target: number) => ({ id: "list.page", label: `Sida ${target + 1}`, value: { page: target } });
  const toItem = (value: number, index: number) => ({ title: `Rad ${value}`, subtitle: `index ${index}` });

  it("builds a list block with page info and only the navigation that leads somewhere", () => {
    const first = pagedList(items, 0, 10, { toItem, navigate });
    expect(first.items[0]).toEqual({ title: "Rad 1", subtitle: "index 0" });
    expect(first.page).toEqual({ index: 0, size: 10, total: 120, next: navigate(1) });

    const middle = pagedList(items, 4, 10, { toItem, navigate });
    expect(middle.items[0]).toEqual({ title: "Rad 41", subtitle: "index 40" });
    expect(middle.page?.previous?.value).toEqual({ page: 3 });
    expect(middle.page?.next?.value).toEqual({ page: 5 });
  });
});
