import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import type { ContentFile } from '../content/readContent.ts'
import { renderTitleCardVideo, videoToolsMissing } from './titleCardVideo.ts'

type Id = string | number

/**
 * Gives each micro-lesson marked `video: generated` a real sample video:
 * rendered once with ffmpeg into the cache folder, uploaded to `videos`
 * (found again by file name on later runs), and linked to the micro-lesson.
 * Without ffmpeg it says so and leaves the micro-lessons without video.
 */
export async function attachSampleVideos(
  payload: Payload,
  items: ContentFile[],
  ids: Map<string, Id>,
  cacheDir: string,
  log: (line: string) => void,
): Promise<{ created: number; updated: number; total: number }> {
  const count = { created: 0, updated: 0, total: 0 }
  if (items.length === 0) return count
  const missing = await videoToolsMissing()
  if (missing) {
    log(`跳过 ${items.length} 个示例视频：${missing}。安装后重新运行 npm run seed。`)
    return count
  }
  for (const item of items) {
    const filename = `${item.slug}.mp4`
    const cached = path.join(cacheDir, filename)
    if (!existsSync(cached)) {
      await renderTitleCardVideo({ title: String(item.data.title), subtitle: `主讲：${String(item.data.presenter)}`, outFile: cached })
    }
    const existing = await payload.find({ collection: 'videos', where: { filename: { equals: filename } }, limit: 1, depth: 0, overrideAccess: true })
    let videoId = existing.docs[0]?.id
    if (videoId === undefined) {
      const created = await payload.create({
        collection: 'videos',
        data: { title: `示例视频：${String(item.data.title)}` } as never,
        filePath: cached,
        overrideAccess: true,
        context: { seeding: true },
      })
      videoId = created.id
      count.created += 1
    } else {
      count.updated += 1
    }
    count.total += 1
    const microLesson = ids.get(`micro-lessons:${item.slug}`)
    if (microLesson === undefined) continue
    const current = await payload.findByID({ collection: 'micro-lessons', id: microLesson, depth: 0, overrideAccess: true })
    if ((current as { video?: Id | null }).video === videoId) continue
    await payload.update({
      collection: 'micro-lessons',
      id: microLesson,
      data: { video: videoId, _status: 'published' } as never,
      overrideAccess: true,
      context: { seeding: true },
    })
  }
  return count
}
