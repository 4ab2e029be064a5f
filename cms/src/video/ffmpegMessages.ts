/**
 * A Chinese reason for an ffmpeg or ffprobe failure, from its stderr. The
 * raw text goes to the server log, never to editors: it holds file paths.
 */
export function inputGuardMessage(stderr: string): string {
  if (/not on whitelist/i.test(stderr)) {
    return '文件不是 MP4、MOV 或 WebM 视频（可能是播放列表或其他格式），出于安全考虑已拒绝处理。'
  }
  if (/moov atom not found|Invalid data found|End of file|ended prematurely|truncat/i.test(stderr)) {
    return '无法识别的视频文件：文件不是视频，或已损坏、不完整。请重新导出后上传。'
  }
  return '无法读取这个视频文件，文件可能已损坏。请重新导出后上传。'
}
