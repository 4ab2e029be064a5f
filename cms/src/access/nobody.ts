import type { Access } from 'payload'

/** Nobody through the API: for records that must outlive any mistake (a signing key old certificates need, an issued certificate). */
export const nobody: Access = () => false
