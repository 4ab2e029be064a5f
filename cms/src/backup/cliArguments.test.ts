import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliArguments } from './cliArguments'

describe('backup command arguments', () => {
  it('resolves paths against the folder npm was run in, not cms/', () => {
    const parsed = cliArguments(['backups/nightly.tar.gz', '--replace'], { INIT_CWD: '/srv/gongyu' })
    expect(parsed.paths).toEqual([path.resolve('/srv/gongyu', 'backups/nightly.tar.gz')])
    expect([...parsed.flags]).toEqual(['replace'])
  })

  it('keeps absolute paths and reads no flag that was not given', () => {
    const parsed = cliArguments(['/mnt/nas/gongyu.tar.gz'], { INIT_CWD: '/srv/gongyu' })
    expect(parsed.paths).toEqual(['/mnt/nas/gongyu.tar.gz'])
    expect(parsed.flags.size).toBe(0)
  })
})
