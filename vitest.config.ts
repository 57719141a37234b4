// Most test files spend their time waiting on the processes they start (the CLI, git, npm), one
// at a time, so two workers per core keep the cores busy: with one more than cores, a 2-core
// machine ran 158 s of CPU in 126 s; vitest's default of cores − 1 ran the suite on one worker.
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    maxWorkers: 2 * availableParallelism(),
    // Test files share each worker's modules instead of importing src/ afresh, file after file:
    // importing was 96 s of a 5-minute suite. No test mocks a module or changes the environment
    // or working directory; src/ keeps only caches keyed by what they cache.
    isolate: false,
    // A hang guard, not a speed check: a test that starts the CLI five times took over vitest's
    // default 5 s on a busy machine. Speed targets live in npm run bench.
    testTimeout: 60_000,
    // The developer's own recipient history (~/.local/share/draftlint/history) must not change
    // what a test sees: every test, and every CLI it starts, looks for one in an empty place.
    env: { XDG_DATA_HOME: join(tmpdir(), "draftlint-tests-have-no-history") },
  },
});
