import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Masker } from "../../../shared/mask/masker.js";

function chunked(masker: Masker, input: Buffer, cuts: number[]): Buffer {
  const redactor = masker.redactor();
  const out: Buffer[] = [];
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    out.push(redactor.push(input.subarray(at, cut)));
    at = cut;
  }
  out.push(redactor.push(input.subarray(at)), redactor.flush());
  return Buffer.concat(out);
}

const whole = (masker: Masker, input: Buffer) => {
  const r = masker.redactor();
  return Buffer.concat([r.push(input), r.flush()]);
};

describe("Redactor", () => {
  it("masks a secret split across many writes, byte by byte", () => {
    const masker = new Masker();
    masker.add("super-secret-token", "/p");
    const input = Buffer.from("a super-secret-token b\r\n");
    const cuts = Array.from({ length: input.length - 1 }, (_, i) => i + 1);
    expect(chunked(masker, input, cuts).toString()).toBe("a *** b\r\n");
  });

  it("never emits part of a secret that a later write completes", () => {
    const masker = new Masker();
    masker.add("abcd-1234-efgh", "/p");
    const r = masker.redactor();
    const first = r.push(Buffer.from("log: abcd-12"));
    expect(first.toString()).toBe("log: ");
    expect(r.push(Buffer.from("34-efgh done")).toString()).toBe("*** done");
    expect(r.flush().toString()).toBe("");
  });

  it("holds back only what could still grow into a pattern", () => {
    const masker = new Masker();
    masker.add("zzzz-secret", "/p");
    const r = masker.redactor();
    expect(r.push(Buffer.from("plain text with no start")).toString()).toBe("plain text with no start");
    expect(r.push(Buffer.from("ends in zz")).toString()).toBe("ends in ");
    expect(r.flush().toString()).toBe("zz");
  });

  it("passes invalid UTF-8, CR and ANSI colour codes through unchanged", () => {
    const masker = new Masker();
    masker.add("colour-secret", "/p");
    const input = Buffer.concat([
      Buffer.from([0xff, 0xfe, 0x80]),
      Buffer.from("\x1b[31mcolour-secret\x1b[0m\r\n"),
    ]);
    const expected = Buffer.concat([Buffer.from([0xff, 0xfe, 0x80]), Buffer.from("\x1b[31m***\x1b[0m\r\n")]);
    expect(chunked(masker, input, [1, 2, 9, 12])).toEqual(expected);
  });

  it("property: any chunking gives the same output as masking the whole input at once", () => {
    const alphabet = fc.constantFrom(..."abcab\n\r-_".split(""));
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: alphabet, minLength: 4, maxLength: 9 }), { minLength: 1, maxLength: 5 }),
        fc.string({ unit: alphabet, maxLength: 80 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (secrets, text, rawCuts) => {
          const masker = new Masker(4);
          for (const s of secrets) masker.add(s, "/p");
          const input = Buffer.from(text);
          const cuts = rawCuts.map((c) => c % (input.length + 1));
          const expected = whole(masker, input);
          expect(chunked(masker, input, cuts)).toEqual(expected);
          expect(expected.toString()).toBe(masker.redact(text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("property: every chunk boundary of one input gives the same output", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom(..."xyzxy".split("")), minLength: 4, maxLength: 7 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.string({ unit: fc.constantFrom(..."xyz ".split("")), maxLength: 40 }),
        (secrets, text) => {
          const masker = new Masker(4);
          for (const s of secrets) masker.add(s, "/p");
          const input = Buffer.from(text);
          const expected = whole(masker, input);
          for (let cut = 0; cut <= input.length; cut++)
            expect(chunked(masker, input, [cut])).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
