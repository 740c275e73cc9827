import fc from "fast-check";

// Characters that break naive env file writers: quotes, escapes, expansions, comments, line ends.
const TRICKY = [
  "'",
  '"',
  "`",
  "$",
  "\\",
  "\n",
  "\r",
  "\r\n",
  "=",
  "#",
  " ",
  "\t",
  "$(",
  "${",
  "\\n",
  "\\'",
  "é",
  "😀",
  "\u2028",
  "\u00a0",
  "a",
  "Z",
  "0",
];

/** Random values made mostly of tricky characters, plus any Unicode. */
export const trickyValue = fc.oneof(
  fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 24 }),
  fc.string({ unit: "grapheme", maxLength: 24 }),
  fc.string({ unit: "binary", maxLength: 16 }).filter((s) => s.isWellFormed()),
);
