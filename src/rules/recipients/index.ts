import type { Rule } from "../../engine/rule.js";

export const recipientsRules: Rule<any>[] = [];
