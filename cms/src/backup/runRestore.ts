// `npm run restore -- <archive> [--replace]`: restores a backup, then rebuilds search from the restored content.
import { cliArguments } from './cliArguments'
import { restoreBackup } from './restoreBackup'

const { paths, flags } = cliArguments()
const unknown = [...flags].filter((flag) => flag !== 'replace')
if (paths.length !== 1 || unknown.length > 0) {
  console.error('用法：npm run restore -- <备份文件.tar.gz> [--replace]')
  process.exit(2)
}
try {
  const result = await restoreBackup({ archive: paths[0] as string, replace: flags.has('replace'), log: (line) => console.log(line) })
  if (result.differences.length > 0) {
    console.error(`恢复后的记录数与备份清单不符：\n${result.differences.join('\n')}`)
    process.exitCode = 1
  } else {
    const records = Object.values(result.counts).reduce((sum, count) => sum + count, 0)
    console.log(`数据已放回：${records} 条记录、${result.manifest.files.length} 个文件，记录数与清单一致。`)
    if (result.replacedInto) console.log(`被替换的旧内容移到了 ${result.replacedInto}，确认无误后可删除。`)
    // Payload starts only now, on the restored database, so its schema check and search read the restored content.
    const { getPayload } = await import('payload')
    const { default: config } = await import('../payload.config')
    const { rebuildSearch } = await import('../search/rebuildSearch')
    const payload = await getPayload({ config })
    try {
      await rebuildSearch(payload, (line) => console.log(line))
      console.log('恢复完成。')
    } finally {
      await payload.destroy()
    }
  }
} catch (error) {
  console.error(`恢复失败：${(error as Error).message}`)
  process.exitCode = 1
}
process.exit()
