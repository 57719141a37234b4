// The counter a person sees on stderr during a long run, and when they do not see it.
import { describe, expect, it } from "vitest";
import { createProgress, PROGRESS_MIN_FILES } from "../../src/cli/progress.js";

function terminal(isTTY = true) {
  const written: string[] = [];
  return { stream: { isTTY, write: (t: string) => written.push(t) }, written, screen: () => written.join("").split("\r").pop()!.replace("\x1b[K", "") };
}

/** A clock that moves 1 s a call, so every tick redraws. */
const ticking = () => {
  let t = 0;
  return () => (t += 1000);
};

describe("progress on stderr", () => {
  it("counts files on a terminal, and wipes its line before report text and at the end", () => {
    const term = terminal();
    const progress = createProgress({ total: 5000, stream: term.stream, env: {}, quiet: false, now: ticking() });
    for (let i = 0; i < 1200; i++) progress.tick();
    expect(term.screen()).toBe("draftlint: 1,200/5,000 files");
    progress.clear();
    expect(term.screen()).toBe("");
  });

  it("always shows the last file, however fast the run", () => {
    const term = terminal();
    const progress = createProgress({ total: 300, stream: term.stream, env: {}, quiet: false, now: () => 0 });
    for (let i = 0; i < 300; i++) progress.tick();
    expect(term.screen()).toBe("draftlint: 300/300 files");
  });

  it.each([
    ["stderr is not a terminal", { tty: false, env: {}, quiet: false, total: 5000 }],
    ["in CI", { tty: true, env: { CI: "true" }, quiet: false, total: 5000 }],
    ["with --quiet", { tty: true, env: {}, quiet: true, total: 5000 }],
    ["for a short run", { tty: true, env: {}, quiet: false, total: PROGRESS_MIN_FILES - 1 }],
  ])("is not shown when %s", (_, { tty, env, quiet, total }) => {
    const term = terminal(tty);
    const progress = createProgress({ total, stream: term.stream, env, quiet, now: ticking() });
    for (let i = 0; i < total; i++) progress.tick();
    progress.clear();
    expect(term.written).toEqual([]);
  });
});
