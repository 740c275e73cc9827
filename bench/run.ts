// npm run bench: every benchmark, printed as markdown to paste into the README's performance section.
import { benchFetch } from "./fetch.js";

const which = process.argv[2] ?? "all";
const sections: string[] = [];
if (which === "all" || which === "fetch") sections.push(await benchFetch());
process.stdout.write(`\n${sections.join("\n\n")}\n`);
