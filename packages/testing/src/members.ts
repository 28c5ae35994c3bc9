export interface MemberDetails {
  email: string;
  username: string;
  displayName: string;
  password: string;
}

let counter = 0;

/** Distinct, valid sign-up details for each call (unique across the run's worker processes). */
export function newMember(overrides: Partial<MemberDetails> = {}): MemberDetails {
  counter += 1;
  const tag = `${process.pid.toString(36)}${counter}`;
  return {
    email: `reader${tag}@example.com`,
    username: `reader_${tag}`,
    displayName: `Reader ${counter}`,
    password: "correct horse battery staple",
    ...overrides,
  };
}
