// Stable ids for HSDS records Rumbo stores without an id of their own (a taxonomy is a name on its terms; a
// language or a category link is a pair of keys): a name-based UUID (version 5 layout over SHA-256), so every
// export and API response gives the same id for the same thing.
import { createHash } from 'node:crypto';

export function derivedId(...parts: string[]): string {
  const hex = createHash('sha256')
    .update(`rumbo-hsds:${parts.join('\u0000')}`)
    .digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const taxonomyId = (name: string) => derivedId('taxonomy', name);
