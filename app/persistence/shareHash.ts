/**
 * Whether a URL hash is a share link (`#v1:…`, or any version), told apart without loading the codec.
 */

/** `#v<version>:` at the start of a hash; the version is the first group. */
export const SHARE_HASH = /^#v(\d+):/;

export function isShareHash(hash: string): boolean {
  return SHARE_HASH.test(hash);
}
