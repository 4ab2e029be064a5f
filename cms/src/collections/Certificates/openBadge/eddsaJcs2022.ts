import { createHash } from 'node:crypto'
import { base58 } from '@scure/base'
import canonicalize from 'canonicalize'

/** A W3C Data Integrity proof (`DataIntegrityProof` with the `eddsa-jcs-2022` cryptosuite). */
export interface DataIntegrityProof {
  type: 'DataIntegrityProof'
  cryptosuite: 'eddsa-jcs-2022'
  created: string
  verificationMethod: string
  proofPurpose: 'assertionMethod'
  '@context'?: unknown
  proofValue: string
}

type JsonObject = Record<string, unknown>

// Multicodec prefix of an Ed25519 public key (0xed, as a varint), for `did:key` and `publicKeyMultibase`.
const ED25519_PUBLIC_KEY_PREFIX = [0xed, 0x01]

/** `z6Mk…`: an Ed25519 public key as multibase base58btc with its multicodec prefix. */
export function ed25519Multibase(publicKey: Uint8Array): string {
  return `z${base58.encode(Uint8Array.from([...ED25519_PUBLIC_KEY_PREFIX, ...publicKey]))}`
}

/** The `did:key` verification method of an Ed25519 public key: resolvable by anyone with no request. */
export function didKeyVerificationMethod(publicKey: Uint8Array): string {
  const multibase = ed25519Multibase(publicKey)
  return `did:key:${multibase}#${multibase}`
}

/** The Ed25519 public key a `did:key` verification method names, or undefined for any other method. */
export function ed25519KeyOfDidKey(verificationMethod: string): Uint8Array | undefined {
  const match = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)(#\1)?$/.exec(verificationMethod)
  if (!match) return undefined
  const bytes = base58.decode((match[1] as string).slice(1))
  const [first, second] = ED25519_PUBLIC_KEY_PREFIX
  return bytes.length === 34 && bytes[0] === first && bytes[1] === second ? bytes.slice(2) : undefined
}

function jcsHash(value: unknown): Buffer {
  const text = canonicalize(value)
  if (text === undefined) throw new Error('nothing to canonicalize')
  return createHash('sha256').update(text, 'utf8').digest()
}

/**
 * The bytes an `eddsa-jcs-2022` proof signs (W3C vc-di-eddsa, sections 3.3.x):
 * SHA-256 of the JCS (RFC 8785) proof options, followed by SHA-256 of the JCS
 * document without its proof. The options carry the document's `@context`.
 */
export function eddsaJcs2022SignedBytes(document: JsonObject, options: Omit<DataIntegrityProof, 'proofValue'>): Uint8Array {
  const { proof: _ignored, ...unsecured } = document
  return Uint8Array.from([...jcsHash(options), ...jcsHash(unsecured)])
}

/** Adds an `eddsa-jcs-2022` proof to `document`, signed by `sign` (the CMS's SignatureScheme, so the private key stays there). */
export function addEddsaJcs2022Proof<T extends JsonObject>(
  document: T,
  { created, verificationMethod, sign }: { created: string; verificationMethod: string; sign: (message: Uint8Array) => Uint8Array },
): T & { proof: DataIntegrityProof } {
  const options: Omit<DataIntegrityProof, 'proofValue'> = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    created,
    verificationMethod,
    proofPurpose: 'assertionMethod',
    ...(document['@context'] === undefined ? {} : { '@context': document['@context'] }),
  }
  const proofValue = `z${base58.encode(sign(eddsaJcs2022SignedBytes(document, options)))}`
  return { ...document, proof: { ...options, proofValue } }
}

/** Checks an `eddsa-jcs-2022` proof with `verify` against the public key the caller resolved for its verification method. */
export function verifyEddsaJcs2022Proof(
  document: JsonObject & { proof?: DataIntegrityProof },
  verify: (message: Uint8Array, signature: Uint8Array) => boolean,
): boolean {
  const proof = document.proof
  if (!proof || proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-jcs-2022' || !proof.proofValue.startsWith('z')) return false
  const { proofValue, ...options } = proof
  let signature: Uint8Array
  try {
    signature = base58.decode(proofValue.slice(1))
  } catch {
    // Not base58: a proof value nobody signed, so the proof does not hold.
    return false
  }
  return verify(eddsaJcs2022SignedBytes(document, options), signature)
}
