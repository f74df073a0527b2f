/**
 * The longest text a person may type into these channels' inputs: the contract's schemas check them and
 * the forms stop at them. Kept apart from the schemas so the app's first chunk reads them without
 * building the contract.
 */
export const INPUT_LIMITS = {
  commentQuote: 2000,
  returnNote: 2000,
  revisionLabel: 120,
  search: 500,
  linkQuery: 300,
} as const;
