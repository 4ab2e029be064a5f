// `npm run backup [archive]`: writes a backup archive of this deployment (see writeBackup).
import { cliArguments } from './cliArguments'
import { writeBackup } from './writeBackup'

const started = Date.now()
try {
  const { archive, manifest } = await writeBackup({ archive: cliArguments().paths[0], log: (line) => console.log(line) })
  const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0)
  const records = Object.values(manifest.counts).reduce((sum, count) => sum + count, 0)
  console.log(
    `备份完成：${archive}\n数据库 ${manifest.database.kind}（${manifest.database.consistency === 'snapshot' ? '一致快照' : '逐集合读取'}），${records} 条记录；` +
      `${manifest.files.length} 个文件，共 ${(bytes / 1024 / 1024).toFixed(1)} MB；用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。` +
      '\n备份里有员工账号的密码散列，请妥善保管，并复制到本机以外的地方。',
  )
} catch (error) {
  console.error(`备份失败：${(error as Error).message}`)
  process.exitCode = 1
}
process.exit()
