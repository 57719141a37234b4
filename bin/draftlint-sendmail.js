#!/usr/bin/env node
// A sendmail-compatible wrapper that lints the message before handing it to the real sendmail
// (see docs/integrations.md). All logic lives in src/integrations/sendmailWrapper.ts.
// If draftlint cannot even start, or crashes outside its own error handling, say so in one line
// and refuse: a guard that fails open silently is no guard.
const refuse = (err) => {
  process.stderr.write(`draftlint-sendmail: draftlint failed: ${err?.message ?? err}; message not sent\n`);
  process.exit(2);
};
process.on("uncaughtException", refuse);
process.on("unhandledRejection", refuse);
try {
  const { main } = await import("../dist/sendmail.js");
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  refuse(err);
}
