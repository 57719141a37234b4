// A run of the files here only (test/suiteSummary.test.ts): one passes, one fails, one cannot load.
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { include: ["*.check.ts"], root: import.meta.dirname } });
