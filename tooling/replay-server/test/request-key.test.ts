import { describe, expect, it } from "vitest";
import { requestKey } from "../src/request-key";

describe("requestKey", () => {
  it("ignores the order of query parameters", () => {
    expect(requestKey("GET", "/v4/school-units?page=0&size=50&geographicalAreaCode=0180")).toBe(
      requestKey("get", "/v4/school-units?geographicalAreaCode=0180&size=50&page=0"),
    );
  });

  it("treats repeated parameters as a multiset", () => {
    expect(requestKey("GET", "/x?a=1&a=2")).toBe(requestKey("GET", "/x?a=2&a=1"));
    expect(requestKey("GET", "/x?a=1&a=1")).not.toBe(requestKey("GET", "/x?a=1"));
  });

  it("distinguishes method, path and values", () => {
    expect(requestKey("GET", "/x?a=1")).not.toBe(requestKey("POST", "/x?a=1"));
    expect(requestKey("GET", "/x?a=1")).not.toBe(requestKey("GET", "/y?a=1"));
    expect(requestKey("GET", "/x?a=1")).not.toBe(requestKey("GET", "/x?a=2"));
  });

  it("decodes percent-encoding in query values", () => {
    expect(requestKey("GET", "/x?name=%C3%A5")).toBe(requestKey("GET", "/x?name=å"));
  });
});
