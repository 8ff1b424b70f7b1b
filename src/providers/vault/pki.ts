// vault-action's `pki` input (docs/protocols/vault.md#pki): certificates issued by Vault's PKI
// engine. Grammar (vault-action v3.4.0 parsePkiInput): entries separated by ';', each
// `<path> <JSON parameters>`, the path up to the first space. Each entry is one POST {path} with the
// parameters; its answer gives four values named after the path's last segment: _cert
// (data.certificate), _key (data.private_key), _ca (data.issuing_ca), _ca_chain (data.ca_chain
// joined with '\n'); env names upper-cased, outputs as normalised. Pure parsing apart from issue().
import { InputError, ServerError } from '../../errors.js'
import { isObject, parseJson } from '../../http/json.js'
import { quote } from '../../mapping.js'
import type { ProviderContext } from '../provider.js'
import { statusError, writePath, type VaultEndpoint } from './api.js'
import type { VaultSecret } from './values.js'
import { normalizeName } from './mapping.js'

export interface PkiRequest {
  /** 1-based line of the `pki` input where the entry starts. */
  readonly line: number
  readonly path: string
  /** The JSON object sent as the request body. */
  readonly parameters: Record<string, unknown>
  /** The path's last segment, as vault-action names the results after it. */
  readonly name: string
}

/** vault-action's outputMap, in its order: suffix → the field of `data` (ca_chain: an array). */
const FIELDS = [
  ['cert', 'certificate'],
  ['key', 'private_key'],
  ['ca', 'issuing_ca'],
  ['ca_chain', 'ca_chain'],
] as const

function pkiError(line: number, text: string): InputError {
  return new InputError(`Input 'pki', line ${line}: ${text}.`)
}

/** Parses the `pki` input; an error names the line. */
export function parsePki(text: string): PkiRequest[] {
  const out: PkiRequest[] = []
  let offset = 0
  for (const raw of text.split(';')) {
    const start = offset + (raw.length - raw.trimStart().length)
    offset += raw.length + 1
    const entry = raw.trim()
    if (entry === '') continue
    const line = text.slice(0, start).split('\n').length
    const space = entry.search(/\s/)
    const path = space < 0 ? '' : entry.slice(0, space)
    const params = space < 0 ? '' : entry.slice(space + 1).trim()
    if (path === '' || params === '')
      throw pkiError(line, `You must provide a valid path and parameters. Input: ${quote(entry, 200)}`)
    let parameters: unknown
    try {
      parameters = JSON.parse(params)
    } catch {
      throw pkiError(
        line,
        `the parameters after ${quote(path)} are not valid JSON (e.g. {"common_name": "a.example.com"})`,
      )
    }
    if (!isObject(parameters)) throw pkiError(line, `the parameters after ${quote(path)} must be a JSON object`)
    out.push({ line, path, parameters, name: path.split('/').pop()! })
  }
  return out
}

/** One POST per entry, in order (as vault-action); every value masked before it is returned. */
export async function issue(
  ep: VaultEndpoint,
  requests: readonly PkiRequest[],
  ctx: Pick<ProviderContext, 'mask' | 'debug'>,
): Promise<VaultSecret[]> {
  const out: VaultSecret[] = []
  for (const r of requests) {
    const res = await writePath(ep, r.path, r.parameters)
    const where = `Input 'pki', line ${r.line} ("${r.path}")`
    if (res.status < 200 || res.status >= 300)
      throw new ServerError(`${where}: ${statusError(res, 'the certificate request').message}.`, res.status)
    const body = parseJson(res, `POST ${r.path}`)
    const data = isObject(body) ? body.data : undefined
    if (!isObject(data)) throw new ServerError(`${where}: Vault's answer has no data object.`, res.status)
    // The key first: whatever happens next, it is masked.
    if (typeof data.private_key === 'string') ctx.mask(data.private_key)
    for (const [suffix, field] of FIELDS) {
      const raw = data[field]
      const value = Array.isArray(raw) && raw.every((v) => typeof v === 'string') ? raw.join('\n') : raw
      if (typeof value !== 'string' || value === '') {
        throw new ServerError(
          `${where}: Vault's answer has no data.${field}; 'pki' takes an endpoint that issues a certificate and its key (such as pki/issue/<role>), as vault-action does.`,
          res.status,
        )
      }
      ctx.mask(value)
      out.push({
        name: normalizeName(`${normalizeName(r.name)}_${suffix}`).toUpperCase(),
        outputName: normalizeName(`${r.name}_${suffix}`),
        mapped: true,
        value,
        source: `vault ${r.path} data.${field} (pki line ${r.line})`,
      })
    }
    ctx.debug(`Vault issued a certificate at ${r.path} (serial number ${String(data.serial_number ?? '?')})`)
  }
  return out
}
