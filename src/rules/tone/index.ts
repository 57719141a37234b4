import type { Rule } from "../../engine/rule.js";

export const toneRules: Rule<any>[] = [];
