import { timingSafeEqual } from 'node:crypto';
import { DIGEST_BYTES } from './constants';

const HEX_DIGEST = new RegExp(`^[0-9a-fA-F]{${DIGEST_BYTES * 2}}$`);

/** Stand-in compared when a candidate is not a well-formed digest, so that path costs the same. */
const DUMMY_DIGEST = Buffer.alloc(DIGEST_BYTES);

/**
 * True when any candidate (hex text as received) equals any expected digest. Every pair is compared with
 * `crypto.timingSafeEqual` on fixed-length buffers and nothing returns early: a candidate of the wrong
 * length or with non-hex characters is compared as a dummy digest and cannot match. Internal.
 */
export function matchesAnyDigest(expected: readonly Buffer[], candidates: readonly string[]): boolean {
  let matched = 0;
  for (const candidate of candidates) {
    const wellFormed = HEX_DIGEST.test(candidate) ? 1 : 0;
    const bytes = wellFormed === 1 ? Buffer.from(candidate, 'hex') : DUMMY_DIGEST;
    for (const digest of expected) {
      matched |= (timingSafeEqual(digest, bytes) ? 1 : 0) & wellFormed;
    }
  }
  return matched === 1;
}
