// Throws while vitest collects it: no test of its own fails, yet the run is red.
throw new Error("this file cannot load");
