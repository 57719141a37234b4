import type { Rule } from "../../engine/rule.js";
import externalRecipient from "./external-recipient.js";
import externalCcOnInternalThread from "./external-cc-on-internal-thread.js";
import lookalikeDomain from "./lookalike-domain.js";
import manyExternalRecipients from "./many-external-recipients.js";
import mixedExternalOrganisations from "./mixed-external-organisations.js";
import displayNameMismatch from "./display-name-mismatch.js";

export const recipientsRules: Rule<any>[] = [
  externalRecipient,
  externalCcOnInternalThread,
  lookalikeDomain,
  manyExternalRecipients,
  mixedExternalOrganisations,
  displayNameMismatch,
];
