/** Money leaves the domain as a JSON integer of đồng; the amounts of one province stay far below 2^53. */
export function vndNumber(v: bigint | string | null | undefined): number {
  if (v === null || v === undefined) return 0;
  const b = typeof v === 'bigint' ? v : BigInt(v);
  if (b > BigInt(Number.MAX_SAFE_INTEGER) || b < -BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('amount beyond exact JSON integers');
  return Number(b);
}
