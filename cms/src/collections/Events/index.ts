import { contentLimits, EVENT_TIME_ZONE, eventKinds, eventModes, grades } from '@gongyu/contract'
import type { DateField } from 'payload'
import { codeSelect } from '../../fields/codeSelect'
import { themesField } from '../../fields/themesField'
import { localizedLabel } from '../../i18n/localizedLabel'
import { contentCollection } from '../contentCollection'
import { PLACES_SLUG } from '../Places'
import { checkEventSchedule } from './hooks/checkEventSchedule'
import { rejectPersonAsSpeaker } from './hooks/rejectPersonAsSpeaker'

// Editors pick times in Beijing time whatever their computer's zone; the value is stored as a UTC instant.
function beijingTime(name: string, label: string, englishLabel: string): DateField {
  return {
    name,
    type: 'date',
    required: true,
    index: true,
    label: localizedLabel(label, englishLabel),
    timezone: { defaultTimezone: EVENT_TIME_ZONE, supportedTimezones: [{ label: '北京时间', value: EVENT_TIME_ZONE }] },
    admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy年M月d日 HH:mm', timeIntervals: 15 } },
  }
}

/** 活动日历: a lecture, parent-school session or workshop, in person or online, with its replay once held (issue 17). */
export const Events = contentCollection({
  slug: 'events',
  label: '活动日历',
  englishSingular: 'Event',
  englishPlural: 'Events',
  defaultColumns: ['title', 'kind', 'startsAt', 'mode', 'reviewState', '_status'],
  beforeValidate: [rejectPersonAsSpeaker, checkEventSchedule],
  fields: [
    {
      type: 'row',
      fields: [
        codeSelect({ name: 'kind', label: '活动类型', englishLabel: 'Kind', vocabulary: eventKinds, required: true }),
        codeSelect({ name: 'mode', label: '线上或线下', englishLabel: 'Online or in person', vocabulary: eventModes, required: true }),
      ],
    },
    { name: 'summary', type: 'textarea', required: true, ...contentLimits.event.summary, label: localizedLabel('简介', 'Summary') },
    {
      name: 'presenter',
      type: 'text',
      required: true,
      ...contentLimits.event.presenter,
      label: localizedLabel('主讲', 'Speaker'),
      admin: { description: localizedLabel('填写机构或角色，例如“县家庭教育指导中心”，不写个人姓名。', 'An organization or role, never a person’s name.') },
    },
    { name: 'organization', type: 'relationship', relationTo: 'organizations', required: true, label: localizedLabel('主办机构', 'Host organization') },
    { type: 'row', fields: [beijingTime('startsAt', '开始时间（北京时间）', 'Starts'), beijingTime('endsAt', '结束时间（北京时间）', 'Ends')] },
    {
      // A place from the directory (服务地图) links the event page to its entry and map links.
      name: 'place',
      type: 'relationship',
      relationTo: PLACES_SLUG,
      label: localizedLabel('服务地图中的场所', 'Place from the service map'),
      admin: {
        description: localizedLabel(
          '线下活动可从服务地图中选择场所；不在服务地图中的地点，请在下面的“地点”里填写。',
          'In person: a place from the service map, or type the venue below.',
        ),
        condition: (_, siblingData) => siblingData?.mode !== 'online',
      },
    },
    {
      name: 'venue',
      type: 'text',
      ...contentLimits.event.venue,
      label: localizedLabel('地点', 'Venue'),
      admin: {
        description: localizedLabel(
          '线下活动没有选择服务地图中的场所时必填：场所名称和地址，例如“城关镇家长学校（人民路 12 号）”。',
          'In person, without a place from the service map: the place’s name and address.',
        ),
        condition: (_, siblingData) => siblingData?.mode !== 'online',
      },
    },
    {
      name: 'liveUrl',
      type: 'text',
      ...contentLimits.event.liveUrl,
      label: localizedLabel('直播链接', 'Live link'),
      admin: {
        description: localizedLabel('线上活动必填：以 https:// 开头的完整网址。', 'Online: the full https:// address.'),
        condition: (_, siblingData) => siblingData?.mode === 'online',
      },
    },
    codeSelect({ name: 'grades', label: '面向年级', englishLabel: 'Grades', vocabulary: grades, hasMany: true, required: true }),
    themesField(false),
    {
      name: 'held',
      type: 'checkbox',
      defaultValue: false,
      label: localizedLabel('已举办', 'Held'),
      admin: { position: 'sidebar', description: localizedLabel('活动结束后勾选，并关联回放微课。', 'Tick once it has happened, with its replay.') },
    },
    {
      name: 'replay',
      type: 'relationship',
      relationTo: 'micro-lessons',
      label: localizedLabel('回放（微课）', 'Replay (micro-lesson)'),
      admin: { position: 'sidebar' },
    },
  ],
})
