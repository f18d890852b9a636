// The regex module's matcher (runtime.md §4.6), including graphoid-js's trailing-`$` fix.
import { describe, expect, it } from "vitest";
import { regexFind, regexFindAll, regexMatches, regexReplace } from "../../runtime/stdlib/regex.js";

describe("regex.find", () => {
  it("prefers the shortest * and ? and the longest +", () => {
    expect(regexFind("ab*", "abbb")).toBe("a");
    expect(regexFind("ab+", "xabbbc")).toBe("abbb");
    expect(regexFind("colou?r", "my colour")).toBe("colour");
    expect(regexFind("a.+c", "abcabc")).toBe("abcabc");
    expect(regexFind("a.*c", "abcabc")).toBe("abc");
  });

  it("backtracks a + when the rest needs characters", () => {
    expect(regexFind("a+ab", "aaab")).toBe("aaab");
    expect(regexFind("\\d+5", "12345")).toBe("12345");
  });

  it("returns an empty string when nothing matches", () => {
    expect(regexFind("z", "abc")).toBe("");
  });

  it("knows the class escapes and makes other escapes literal", () => {
    expect(regexFind("\\D+", "123abc456")).toBe("abc");
    expect(regexFind("\\S+", "  word  ")).toBe("word");
    expect(regexFind("\\W", "ab_c!d")).toBe("!");
    expect(regexFind("\\.", "a.b")).toBe(".");
    expect(regexFind("\\s", "a\tb")).toBe("\t");
  });

  it("treats ( ) | { } as ordinary characters and ^ $ as literals", () => {
    expect(regexFind("(ab)", "x(ab)y")).toBe("(ab)");
    expect(regexFind("a|b", "a|b")).toBe("a|b");
    expect(regexFind("x{2}", "xx{2}")).toBe("x{2}");
    expect(regexFind("^a", "b^a")).toBe("^a");
  });

  it("reads classes with ranges, negation and escapes", () => {
    expect(regexFindAll("[a-c]", "abcdcba")).toEqual(["a", "b", "c", "c", "b", "a"]);
    expect(regexFindAll("[^aeiou ]+", "graph oid")).toEqual(["gr", "ph", "d"]);
    expect(regexFindAll("[\\d.]+", "v1.25 and 3")).toEqual(["1.25", "3"]);
    expect(regexFind("[-x]+", "a-x-b")).toBe("-x-");
  });

  it("works on characters, not UTF-16 units", () => {
    expect(regexFind("h.llo", "héllo")).toBe("héllo");
    expect(regexFind("a.b", "a😀b")).toBe("a😀b");
  });
});

describe("regex.find_all and replace", () => {
  it("skips empty matches", () => {
    expect(regexFindAll("a*", "baaac")).toEqual([]);
    expect(regexFindAll("b?", "abba")).toEqual([]);
    expect(regexReplace("x*", "abc", "-")).toBe("abc");
  });

  it("finds non-overlapping matches left to right", () => {
    expect(regexFindAll("[0-9]+", "r2d2 c3po")).toEqual(["2", "2", "3"]);
    expect(regexFindAll("aa", "aaaaa")).toEqual(["aa", "aa"]);
    expect(regexFindAll("\\w+", "hi, you_2!")).toEqual(["hi", "you_2"]);
  });

  it("replaces with the literal replacement", () => {
    expect(regexReplace("o+", "foo boo", "0")).toBe("f0 b0");
    expect(regexReplace("\\s+", "a  b \t c", " ")).toBe("a b c");
    expect(regexReplace("\\d", "a1b2", "$1")).toBe("a$1b$1");
  });
});

describe("regex.matches", () => {
  it("anchors with a leading ^ and a trailing $", () => {
    expect(regexMatches("^c.t$", "cart")).toBe(false);
    expect(regexMatches("^c.t$", "cat")).toBe(true);
    expect(regexMatches("c.t", "scatter")).toBe(true);
    expect(regexMatches("^cat", "scat")).toBe(false);
    expect(regexMatches("end$", "ending")).toBe(false);
  });

  it("retries longer repetitions and later starts before a trailing $ (graphoid-js fix)", () => {
    expect(regexMatches("^a*$", "aaa")).toBe(true);
    expect(regexMatches("^ab?$", "ab")).toBe(true);
    expect(regexMatches("x*$", "abc")).toBe(true);
    expect(regexMatches("^a.*$", "abc")).toBe(true);
    expect(regexMatches("a$", "aba")).toBe(true);
    expect(regexMatches("a$", "ba")).toBe(true);
    expect(regexMatches("^a*b$", "aaab")).toBe(true);
    expect(regexMatches("^a*$", "aab")).toBe(false);
  });

  it("keeps an escaped $ literal", () => {
    expect(regexMatches("5\\$", "costs 5$")).toBe(true);
    expect(regexMatches("5\\$", "costs 5")).toBe(false);
  });

  it("matches the empty pattern and empty text", () => {
    expect(regexMatches("", "abc")).toBe(true);
    expect(regexMatches("^$", "")).toBe(true);
    expect(regexMatches("^$", "a")).toBe(false);
  });
});
