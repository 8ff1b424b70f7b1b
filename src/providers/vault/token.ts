// The Vault token as given (docs/protocols/vault.md#tokens): only the prefix means anything to a client.
import { InputError } from '../../errors.js'

export type VaultTokenKind = 'service' | 'batch' | 'recovery' | 'unknown'

export interface VaultToken {
  /** The token, trimmed (secret). */
  readonly value: string
  readonly kind: VaultTokenKind
  /** Legacy `s.`/`b.`/`r.` prefix (Vault ≤ 1.9, OpenBao). */
  readonly legacy: boolean
}

/** Prefixes that select Vault when `provider` is 'auto' (VLT-TOK-1). */
export const TOKEN_SHAPE = /^(hvs|hvb|hvr|s|b|r)\.\S/

const MAX_TOKEN_LENGTH = 8192

/** Checks a token without validating its body (VLT-TOK-2); never echoes it. */
export function parseVaultToken(raw: string): VaultToken {
  const value = raw.trim()
  if (value === '') throw new InputError("Input 'access_token' is empty: give a Vault token (hvs.…, hvb.…, s.…).")
  // The token is a header value: printable ASCII only (anything else makes Node refuse the request).
  if (/[^\x21-\x7e]/.test(value)) {
    throw new InputError(
      "Input 'access_token' contains whitespace, control or non-ASCII characters inside the token; a Vault token is one printable word.",
    )
  }
  // Batch tokens run to a few hundred characters; past this a header would be refused anyway
  // (Node and Vault cap headers at 16 KiB), so say what is wrong before spending a request.
  if (value.length > MAX_TOKEN_LENGTH) {
    throw new InputError(
      `Input 'access_token' is ${value.length} characters long; a Vault token is at most a few hundred (is this the right secret?).`,
    )
  }
  const m = /^(hv)?([sbr])\./.exec(value)
  const kind: VaultTokenKind = !m ? 'unknown' : m[2] === 's' ? 'service' : m[2] === 'b' ? 'batch' : 'recovery'
  return { value, kind, legacy: m !== null && m[1] === undefined }
}
