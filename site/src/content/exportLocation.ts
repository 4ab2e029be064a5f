/** The message a build stops with when there is nothing to build from. */
export function missingExportMessage(file: string): string {
  return [
    `找不到已发布内容的导出文件：${file}`,
    '网站只从 CMS 导出的已发布内容构建。请先运行 npm run export（把已发布内容导出到上面的位置），',
    '或运行 npm start（会自动导入初始内容、导出并构建网站）。',
    '如果导出文件在别处，请用环境变量 GONGYU_EXPORT_DIR 指定它所在的文件夹。',
  ].join('\n')
}
