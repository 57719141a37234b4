#!/usr/bin/env node
// A sendmail-compatible wrapper that lints the message before handing it to the real sendmail
// (see docs/integrations.md). All logic lives in src/integrations/sendmailWrapper.ts.
// If draftlint cannot even start, or crashes outside its own error handling, say so in one line
// and refuse: a guard that fails open silently is no guard. (CommonJS, as bin/package.json says.)
"use strict";
const refuse = (err) => {
  process.stderr.write(`draftlint-sendmail: draftlint failed: ${err?.message ?? err}; message not sent\n`);
  process.exit(2);
};
process.on("uncaughtException", refuse);
process.on("unhandledRejection", refuse);
import("../dist/sendmail.js")
  .then(({ main }) => main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  }, refuse);
