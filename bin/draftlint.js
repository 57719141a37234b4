#!/usr/bin/env node
// Starts the bundled CLI; all logic lives in src/ (built to dist/ by `npm run build`).
import { main } from "../dist/cli.js";

process.exitCode = await main(process.argv.slice(2));
