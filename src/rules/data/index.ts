import type { Rule } from "../../engine/rule.js";
import paymentCardNumber from "./payment-card-number.js";
import bankAccount from "./bank-account.js";
import nationalId from "./national-id.js";
import credential from "./credential.js";

export const dataRules: Rule<any>[] = [paymentCardNumber, bankAccount, nationalId, credential];
