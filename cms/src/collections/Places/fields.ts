import { PLACE_DATUM, parsePublicPhone, placeKinds, placeLimits } from '@gongyu/contract'
import type { Field } from 'payload'
import { codeSelect } from '../../fields/codeSelect'
import { validateOnEverySave } from '../../fields/validateOnEverySave'
import { localizedLabel } from '../../i18n/localizedLabel'

function validatePhone(value: string | null | undefined): true | string {
  if (!value) return true
  const parsed = parsePublicPhone(value)
  return 'problem' in parsed ? parsed.problem : true
}

// Each number alone is range-checked here; the pair (swapped axes, a point outside China) in hooks/checkLocation.ts.
function validateLatitude(value: number | null | undefined): true | string {
  if (value === null || value === undefined) return '请填写纬度。'
  return value >= -90 && value <= 90 ? true : `纬度 ${value} 不对：纬度在 -90 到 90 之间（中国境内约 3.5～53.6）。纬度和经度是不是填反了？`
}

function validateLongitude(value: number | null | undefined): true | string {
  if (value === null || value === undefined) return '请填写经度。'
  return value >= -180 && value <= 180 ? true : `经度 ${value} 不对：经度在 -180 到 180 之间（中国境内约 73.4～135.1）。`
}

/** The fields of a place, between its name and the slug and workflow fields. */
export const placeFields: Field[] = [
  codeSelect({ name: 'kind', label: '类型', englishLabel: 'Kind', vocabulary: placeKinds, required: true }),
  {
    type: 'row',
    fields: [
      { name: 'county', type: 'text', required: true, index: true, label: localizedLabel('县（区）', 'County'), ...placeLimits.county },
      { name: 'township', type: 'text', label: localizedLabel('乡镇（街道）', 'Township'), ...placeLimits.township },
    ],
  },
  { name: 'address', type: 'text', label: localizedLabel('地址', 'Address'), ...placeLimits.address },
  {
    name: 'openingHours',
    type: 'text',
    label: localizedLabel('开放时间', 'Opening hours'),
    admin: { placeholder: '周一至周五 8:30-17:30，周六上午' },
    ...placeLimits.openingHours,
  },
  {
    name: 'services',
    type: 'array',
    label: localizedLabel('服务内容', 'Services'),
    labels: { singular: localizedLabel('服务', 'Service'), plural: localizedLabel('服务内容', 'Services') },
    maxRows: placeLimits.services.maxRows,
    fields: [{ name: 'text', type: 'text', required: true, label: localizedLabel('服务', 'Service'), maxLength: placeLimits.service.maxLength }],
  },
  {
    name: 'phone',
    type: 'text',
    label: localizedLabel('机构公开电话', 'Public phone of the organization'),
    admin: {
      description: localizedLabel(
        '只填机构的固定电话（带区号，如 0838-2212345）、400/800 热线或 12355 这样的公共服务号码；个人手机号码不能公开。',
        'A landline with area code, a 400/800 line or a public 12xxx hotline; never a personal mobile.',
      ),
    },
    validate: validatePhone,
    hooks: {
      beforeValidate: [
        validateOnEverySave(validatePhone),
        // One written form (0838-2212345) whatever the editor typed, so the site and the import compare like with like.
        ({ value }) => {
          if (typeof value !== 'string' || value.trim() === '') return value
          const parsed = parsePublicPhone(value)
          return 'phone' in parsed ? parsed.phone : value
        },
      ],
    },
  },
  {
    name: 'location',
    type: 'group',
    label: localizedLabel('坐标', 'Coordinates'),
    admin: {
      description: localizedLabel(
        `${PLACE_DATUM} 坐标（高德地图、腾讯地图上取的点就是这种坐标；不要用百度地图或 GPS 的坐标）。`,
        `${PLACE_DATUM} (as Amap and Tencent maps give them; not Baidu's BD-09 or GPS WGS-84).`,
      ),
    },
    fields: [
      {
        type: 'row',
        fields: [
          {
            name: 'latitude',
            type: 'number',
            required: true,
            label: localizedLabel('纬度', 'Latitude'),
            validate: validateLatitude,
            hooks: { beforeValidate: [validateOnEverySave(validateLatitude)] },
          },
          {
            name: 'longitude',
            type: 'number',
            required: true,
            label: localizedLabel('经度', 'Longitude'),
            validate: validateLongitude,
            hooks: { beforeValidate: [validateOnEverySave(validateLongitude)] },
          },
          {
            name: 'datum',
            type: 'select',
            required: true,
            defaultValue: PLACE_DATUM,
            label: localizedLabel('坐标系', 'Datum'),
            options: [{ value: PLACE_DATUM, label: localizedLabel('GCJ-02（高德、腾讯地图）', 'GCJ-02 (Amap, Tencent)') }],
          },
        ],
      },
    ],
  },
  {
    name: 'lastCheckedOn',
    type: 'date',
    required: true,
    label: localizedLabel('最后核实日期', 'Last checked on'),
    admin: {
      date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy年M月d日' },
      description: localizedLabel('最近一次打电话或上门核实地址、时间和电话的日期。', 'When someone last checked address, hours and phone.'),
    },
  },
]
