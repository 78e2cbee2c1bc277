// Fails loudly on a case the types say cannot happen: the last line of every exhaustive switch.
export const assertNever = (value: never): never => {
  throw new Error(`Unexpected case: ${JSON.stringify(value)}`);
};
