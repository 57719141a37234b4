/** The hygiene pack's rules (words in rules/hygiene.yaml, one rule per file here). */
import type { Rule } from "../../engine/rule.js";
import { unfilledPlaceholder } from "./unfilled-placeholder.js";
import { missingAttachment } from "./missing-attachment.js";
import { greetingMismatch } from "./greeting-mismatch.js";
import { emptySubject } from "./empty-subject.js";
import { talksAboutRecipient } from "./talks-about-recipient.js";
import { forwardedInternalContent } from "./forwarded-internal-content.js";
import { internalLink } from "./internal-link.js";

export const hygieneRules: Rule<any>[] = [
  unfilledPlaceholder,
  missingAttachment,
  greetingMismatch,
  emptySubject,
  talksAboutRecipient,
  forwardedInternalContent,
  internalLink,
];
