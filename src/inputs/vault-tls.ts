// Vault's own TLS inputs, under hashicorp/vault-action's names (docs/protocols/vault.md#tls):
// `tlsSkipVerify` and the client certificate `clientCertificate` + `clientKey` (base64 of the PEM
// texts, as vault-action takes them), decoded and checked before any request: vault-action passes
// them to its HTTP client unchecked, so a bad one surfaced as a TLS error on the first request.
// They apply to the Vault wing's requests only (ClientTls, src/http/body.ts).
import { InputError } from '../errors.js'
import type { ClientTls } from '../http/body.js'
import { parsePemCertificates } from '../http/tls.js'
import type { InputReader } from '../input-readers.js'
import { base64Text } from './vault-login.js'

const PRIVATE_KEY = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/

function clientKeyOf(text: string): string {
  const pem = base64Text(text)
  if (!PRIVATE_KEY.test(pem)) {
    throw new InputError(
      "Input 'clientKey' must be the base64 encoding of a PEM private key (e.g. `base64 -w0 client.key`), as vault-action takes it; it is not.",
    )
  }
  return pem
}

function clientCertificateOf(text: string): string {
  const certs = parsePemCertificates(base64Text(text))
  if (certs === undefined) {
    throw new InputError(
      "Input 'clientCertificate' must be the base64 encoding of a PEM certificate (e.g. `base64 -w0 client.pem`; intermediates may follow it), as vault-action takes it; it is not.",
    )
  }
  return certs.join('\n')
}

/** The certificate's first block must be the key's: a mismatch would only fail the TLS handshake. */
function checkPair(cert: string, key: string): void {
  const { X509Certificate, createPrivateKey } = process.getBuiltinModule('node:crypto')
  let privateKey: ReturnType<typeof createPrivateKey>
  try {
    privateKey = createPrivateKey(key)
  } catch {
    throw new InputError(
      "Input 'clientKey' is not a readable private key (an encrypted key is not supported: give it unencrypted, e.g. `openssl pkey -in client.key | base64 -w0`).",
    )
  }
  let leaf: InstanceType<typeof X509Certificate>
  try {
    leaf = new X509Certificate(cert)
  } catch {
    throw new InputError("Input 'clientCertificate' is not a readable X.509 certificate.")
  }
  if (!leaf.checkPrivateKey(privateKey)) {
    throw new InputError(
      "Input 'clientKey' is not the private key of the (first) certificate in 'clientCertificate'; give the pair that belongs together.",
    )
  }
}

/** The Vault wing's TLS settings; undefined when none of the inputs asks for anything. */
export function readVaultTls(read: InputReader): ClientTls | undefined {
  const insecure = read.boolean('tlsSkipVerify', false)
  const certText = read.text('clientCertificate')
  const keyText = read.text('clientKey')
  if (certText === '' && keyText === '') return insecure ? Object.freeze({ insecure }) : undefined
  if (certText === '' || keyText === '') {
    const [missing, given] = certText === '' ? ['clientCertificate', 'clientKey'] : ['clientKey', 'clientCertificate']
    throw new InputError(
      `Input '${missing}' is empty, but '${given}' is given: a TLS client certificate needs both (base64 of the PEM certificate and of its private key).`,
    )
  }
  const cert = clientCertificateOf(certText)
  const key = clientKeyOf(keyText)
  checkPair(cert, key)
  return Object.freeze({ insecure, cert, key })
}
