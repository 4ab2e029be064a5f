import { base58 } from '@scure/base'
import { describe, expect, it } from 'vitest'
import { ed25519Scheme } from '../../../signing/ed25519Scheme'
import { addEddsaJcs2022Proof, didKeyVerificationMethod, ed25519KeyOfDidKey, ed25519Multibase, verifyEddsaJcs2022Proof } from './eddsaJcs2022'

// The eddsa-jcs-2022 test vector of the W3C spec (w3c/vc-di-eddsa, TestVectors/keyPair.json and
// TestVectors/eddsa-jcs-2022/signedJCS.json): Ed25519 is deterministic, so the same key must give the same proofValue.
const vectorKeys = {
  publicKeyMultibase: 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
  privateKeyMultibase: 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq',
}
const vectorContext = ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2']
const unsigned = {
  '@context': vectorContext,
  id: 'urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33',
  type: ['VerifiableCredential', 'AlumniCredential'],
  name: 'Alumni Credential',
  description: 'A minimum viable example of an Alumni Credential.',
  issuer: 'https://vc.example/issuers/5678',
  validFrom: '2023-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:abcdefgh', alumniOf: 'The School of Examples' },
}
const expectedProofValue = 'z63t83Y53KfzJ5ZosfKTnqfMcKB2dmTrfjSaQjeNNjAD5srBowQfmWqeRb8rRjmeEuCBEsddF9LsVogtuTsijJKh4'

const decoded = (multibase: string) => base58.decode(multibase.slice(1))
const publicKey = decoded(vectorKeys.publicKeyMultibase).slice(2)
// Multicodec 0x1300 (ed25519-priv) + the 32-byte seed, wrapped as PKCS#8 DER, the form the CMS keeps.
const seed = decoded(vectorKeys.privateKeyMultibase).slice(2)
const pkcs8 = Uint8Array.from([...Buffer.from('302e020100300506032b657004220420', 'hex'), ...seed])
const sign = (message: Uint8Array) => ed25519Scheme.sign(pkcs8, message)
const verify = (message: Uint8Array, signature: Uint8Array) => ed25519Scheme.verify(publicKey, message, signature)

describe('eddsa-jcs-2022 proofs', () => {
  const signed = addEddsaJcs2022Proof(unsigned, {
    created: '2023-02-24T23:36:38Z',
    verificationMethod: `https://vc.example/issuers/5678#${vectorKeys.publicKeyMultibase}`,
    sign,
  })

  it('reproduces the W3C test vector', () => {
    expect(ed25519Multibase(publicKey)).toBe(vectorKeys.publicKeyMultibase)
    expect(signed.proof).toEqual({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-jcs-2022',
      created: '2023-02-24T23:36:38Z',
      verificationMethod: 'https://vc.example/issuers/5678#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
      proofPurpose: 'assertionMethod',
      '@context': vectorContext,
      proofValue: expectedProofValue,
    })
  })

  it('names a key as a did:key and reads it back, refusing other methods', () => {
    const method = didKeyVerificationMethod(publicKey)
    expect(method).toBe(`did:key:${vectorKeys.publicKeyMultibase}#${vectorKeys.publicKeyMultibase}`)
    expect(ed25519KeyOfDidKey(method)).toEqual(publicKey)
    expect(ed25519KeyOfDidKey('https://vc.example/issuers/5678#key-1')).toBeUndefined()
    expect(ed25519KeyOfDidKey(`did:key:${vectorKeys.privateKeyMultibase}`)).toBeUndefined()
  })

  it('holds for the signed document and fails for any change to it or its proof', () => {
    expect(verifyEddsaJcs2022Proof(signed, verify)).toBe(true)
    // Key order does not matter to JCS; content does.
    const { credentialSubject, ...rest } = signed
    const reordered = { credentialSubject, ...rest }
    expect(verifyEddsaJcs2022Proof(reordered, verify)).toBe(true)
    expect(verifyEddsaJcs2022Proof({ ...signed, name: 'Forged Credential' }, verify)).toBe(false)
    expect(verifyEddsaJcs2022Proof({ ...signed, proof: { ...signed.proof, created: '2024-01-01T00:00:00Z' } }, verify)).toBe(false)
    expect(verifyEddsaJcs2022Proof({ ...signed, proof: { ...signed.proof, proofValue: 'z0OIl' } }, verify)).toBe(false)
    expect(verifyEddsaJcs2022Proof(unsigned, verify)).toBe(false)
  })
})
