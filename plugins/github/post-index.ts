import { post } from "./post.js";

process.exitCode = await post();
