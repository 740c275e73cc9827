// npm run bench [fetch|mask|startup|verify]: every benchmark, printed as markdown for the README's performance section.
import { benchFetch } from "./fetch.js";
import { benchMask } from "./mask.js";
import { benchStartup } from "./startup.js";
import { benchVerify } from "./verify.js";

const which = process.argv[2] ?? "all";
const sections: string[] = [];
if (which === "all" || which === "mask") sections.push(await benchMask());
if (which === "all" || which === "fetch") sections.push(await benchFetch());
if (which === "all" || which === "startup") sections.push(await benchStartup());
if (which === "all" || which === "verify") sections.push(await benchVerify());
process.stdout.write(`\n${sections.join("\n\n")}\n`);
