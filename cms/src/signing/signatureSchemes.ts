import type { SignatureAlgorithm } from '@gongyu/contract'
import { ed25519Scheme } from './ed25519Scheme'
import type { SignatureScheme } from './signatureScheme'

/** Every signature algorithm the CMS can sign with, by its id in the contract. */
export const signatureSchemes: Record<SignatureAlgorithm, SignatureScheme> = { ed25519: ed25519Scheme }

/** What new signing keys use. */
export const DEFAULT_SIGNATURE_ALGORITHM: SignatureAlgorithm = 'ed25519'
