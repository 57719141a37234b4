import type { Rule } from "../../engine/rule.js";

export const hygieneRules: Rule<any>[] = [];
