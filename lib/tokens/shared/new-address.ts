// How long the token list flags a token first used from a new address: long enough to be noticed on the
// next visit, short enough that the flag keeps meaning something.
export const NEW_ADDRESS_FLAG_DAYS = 7;

export function hasNewAddress(token: { newAddressAt: Date | null }, now: Date): boolean {
  return token.newAddressAt !== null && now.getTime() - token.newAddressAt.getTime() < NEW_ADDRESS_FLAG_DAYS * 86_400_000;
}
