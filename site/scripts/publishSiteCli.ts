// `npm run publish:site [-- <built site folder>]`: uploads the built site (GONGYU_SITE_OUT_DIR, default
// site/dist) to the bucket named by S3_BUCKET, with S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID and
// S3_SECRET_ACCESS_KEY as the CMS reads them (docs/deployment.md).
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { S3Client } from '@aws-sdk/client-s3'
import { readSiteConfig } from '../src/config.ts'
import { publishSite } from './publishSite.ts'

const siteRoot = fileURLToPath(new URL('..', import.meta.url))
const required = ['S3_BUCKET', 'S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const

const missing = required.filter((name) => !process.env[name]?.trim())
const dist = path.resolve(process.argv[2] ?? path.resolve(siteRoot, readSiteConfig().outDir))
if (missing.length > 0) {
  console.error(`发布失败：缺少 ${missing.join('、')}。请设置存储桶的环境变量（见 docs/configuration.md）。`)
  process.exitCode = 1
} else if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(`发布失败：${dist} 里没有构建好的网站（缺少 index.html），请先运行 npm run build:site。`)
  process.exitCode = 1
} else {
  const env = process.env as Record<(typeof required)[number], string>
  const client = new S3Client({
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY },
    // Path-style addressing, as the CMS uses: MinIO, Ceph and most domestic services need it.
    forcePathStyle: true,
  })
  try {
    const summary = await publishSite({ dist, bucket: env.S3_BUCKET, client })
    console.log(
      `已发布到存储桶 ${env.S3_BUCKET}：上传 ${summary.uploaded} 个文件，${summary.kept} 个未变（带哈希的文件名），删除 ${summary.deleted} 个旧文件。`,
    )
  } catch (error) {
    console.error(`发布失败：${(error as Error).message}`)
    process.exitCode = 1
  } finally {
    client.destroy()
  }
}
