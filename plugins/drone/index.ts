import { installStopHandlers } from "../../shared/lifecycle.js";
import { run } from "./main.js";

installStopHandlers();
process.exitCode = await run();
