// `npm run fuzz`: the fuzz and property tests with a large budget (DRAFTLINT_FUZZ_RUNS, default
// 5,000 cases each); `npm test` runs the same tests with a few dozen. Extra arguments go to vitest.
import { spawnSync } from "node:child_process";

const FUZZ_TESTS = ["test/integrations/msgFuzz.test.ts", "test/message/lookalikeIndex.test.ts", "test/robustness/property.test.ts"];
const build = spawnSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
const runs = process.env.DRAFTLINT_FUZZ_RUNS ?? "5000";
const vitest = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", ...FUZZ_TESTS, ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, DRAFTLINT_FUZZ_RUNS: runs },
});
process.exit(vitest.status ?? 1);
