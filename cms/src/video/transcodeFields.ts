import type { Field, FieldAccess } from 'payload'
import { localizedLabel } from '../i18n/localizedLabel'

// Only the transcode job (Local API, access overridden) writes these; REST and admin saves cannot.
const setByTranscoderOnly: FieldAccess = () => false
const transcoderOnly = { create: setByTranscoderOnly, update: setByTranscoderOnly }

const statusOptions = [
  { value: 'queued', label: localizedLabel('排队中', 'Queued') },
  { value: 'processing', label: localizedLabel('转码中', 'Processing') },
  { value: 'ready', label: localizedLabel('可播放', 'Ready') },
  { value: 'failed', label: localizedLabel('失败', 'Failed') },
]

const hlsPathDescription = localizedLabel('相对于数据目录下 hls/ 文件夹的路径。', 'Relative to the hls/ folder in the data directory.')

/**
 * What the transcode job records on a video: its state, what ffprobe read
 * and the HLS output. Read-only in the admin; the status shows in the list.
 */
export const transcodeFields: Field[] = [
  {
    name: 'transcodeStatus',
    type: 'select',
    options: statusOptions,
    index: true,
    access: transcoderOnly,
    label: localizedLabel('转码状态', 'Transcode status'),
    admin: {
      readOnly: true,
      position: 'sidebar',
      description: localizedLabel('上传或更换视频文件后自动转码；只改说明不会重新转码。', 'Set by the transcoder after each new file.'),
    },
  },
  {
    name: 'transcodeError',
    type: 'textarea',
    access: transcoderOnly,
    label: localizedLabel('转码失败原因', 'Transcode error'),
    admin: { readOnly: true, position: 'sidebar', condition: (data) => data?.transcodeStatus === 'failed' },
  },
  {
    name: 'durationSeconds',
    type: 'number',
    access: transcoderOnly,
    label: localizedLabel('时长（秒）', 'Duration (seconds)'),
    admin: { readOnly: true, position: 'sidebar' },
  },
  {
    name: 'width',
    type: 'number',
    access: transcoderOnly,
    label: localizedLabel('宽度（像素）', 'Width (px)'),
    admin: { readOnly: true, hidden: false, position: 'sidebar' },
  },
  {
    name: 'height',
    type: 'number',
    access: transcoderOnly,
    label: localizedLabel('高度（像素）', 'Height (px)'),
    admin: { readOnly: true, hidden: false, position: 'sidebar' },
  },
  {
    name: 'hasAudio',
    type: 'checkbox',
    access: transcoderOnly,
    label: localizedLabel('有声音', 'Has audio'),
    admin: {
      readOnly: true,
      position: 'sidebar',
      description: localizedLabel('没有音轨的视频照常转码，只是没有“只听声音”模式。', 'Silent videos get no audio-only rendition.'),
    },
  },
  {
    name: 'sourceFingerprint',
    type: 'text',
    access: transcoderOnly,
    label: localizedLabel('源文件指纹', 'Source fingerprint'),
    admin: { readOnly: true, hidden: true },
  },
  {
    type: 'collapsible',
    label: localizedLabel('HLS 输出', 'HLS output'),
    admin: { initCollapsed: true },
    fields: [
      {
        name: 'masterPlaylist',
        type: 'text',
        access: transcoderOnly,
        label: localizedLabel('主播放列表', 'Master playlist'),
        admin: { readOnly: true, description: hlsPathDescription },
      },
      {
        name: 'audioPlaylist',
        type: 'text',
        access: transcoderOnly,
        label: localizedLabel('纯音频播放列表', 'Audio-only playlist'),
        admin: { readOnly: true, description: hlsPathDescription },
      },
      {
        name: 'posterPath',
        type: 'text',
        access: transcoderOnly,
        label: localizedLabel('封面截图', 'Poster'),
        admin: { readOnly: true, description: hlsPathDescription },
      },
      { name: 'audioBytes', type: 'number', access: transcoderOnly, label: localizedLabel('音频分片字节数', 'Audio bytes'), admin: { readOnly: true } },
      {
        name: 'audioInRenditions',
        type: 'checkbox',
        access: transcoderOnly,
        label: localizedLabel('每个清晰度自带声音', 'Audio in every rendition'),
        admin: {
          readOnly: true,
          description: localizedLabel('新转码的视频把声音合在每个清晰度里；旧视频的声音是单独的播放列表。', 'Older ladders keep audio in a separate playlist.'),
        },
      },
      {
        name: 'renditions',
        type: 'array',
        access: transcoderOnly,
        label: localizedLabel('清晰度', 'Renditions'),
        labels: { singular: localizedLabel('清晰度', 'Rendition'), plural: localizedLabel('清晰度', 'Renditions') },
        admin: { readOnly: true },
        fields: [
          { name: 'name', type: 'text', required: true, label: localizedLabel('名称', 'Name') },
          { name: 'width', type: 'number', required: true, label: localizedLabel('宽度（像素）', 'Width (px)') },
          { name: 'height', type: 'number', required: true, label: localizedLabel('高度（像素）', 'Height (px)') },
          { name: 'bandwidth', type: 'number', required: true, label: localizedLabel('码率（bps，含音频）', 'Bandwidth (bps, with audio)') },
          { name: 'playlist', type: 'text', required: true, label: localizedLabel('播放列表', 'Playlist'), admin: { description: hlsPathDescription } },
          { name: 'bytes', type: 'number', required: true, label: localizedLabel('分片字节数', 'Segment bytes') },
        ],
      },
      {
        name: 'transcodedAt',
        type: 'date',
        access: transcoderOnly,
        label: localizedLabel('转码完成时间', 'Transcoded at'),
        admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
      },
    ],
  },
]
