/** The tone pack's rules (SPEC §3); their words live in `rules/tone.yaml`. */
import type { Rule } from "../../engine/rule.js";
import disparagingCustomer from "./disparaging-customer.js";
import gatekeeping from "./gatekeeping.js";
import unkindPreface from "./unkind-preface.js";
import condescension from "./condescension.js";
import secrecy from "./secrecy.js";
import profanity from "./profanity.js";
import shouting from "./shouting.js";

export const toneRules: Rule<any>[] = [disparagingCustomer, gatekeeping, unkindPreface, condescension, secrecy, profanity, shouting];
