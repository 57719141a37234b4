/** The history pack's rules (words in rules/history.yaml, one rule per file here); they run only when a recipient history exists. */
import type { Rule } from "../../engine/rule.js";
import firstTimeRecipient from "./first-time-recipient.js";
import unusualRecipientCombination from "./unusual-recipient-combination.js";
import misattachedFile from "./misattached-file.js";

export const historyRules: Rule<any>[] = [firstTimeRecipient, unusualRecipientCombination, misattachedFile];
