// Most test files spend their time waiting on the processes they start (the CLI, git, npm), so
// one more worker than cores keeps both cores busy; vitest's default of cores − 1 ran the suite
// on one worker on a 2-core machine (5 minutes).
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    maxWorkers: availableParallelism() + 1,
  },
});
