/** Every built-in rule with code, pack by pack. Each pack folder lists its own rules. */
import type { Rule } from "../engine/rule.js";
import { recipientsRules } from "./recipients/index.js";
import { toneRules } from "./tone/index.js";
import { hygieneRules } from "./hygiene/index.js";
import { dataRules } from "./data/index.js";
import { historyRules } from "./history/index.js";

export const builtinRules: Rule<any>[] = [...recipientsRules, ...toneRules, ...hygieneRules, ...dataRules, ...historyRules];
