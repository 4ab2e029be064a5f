import type { PublicCourseList, PublicOrganization, PublicRecord } from '@gongyu/contract'
import { gradesLabel, isoDuration, label } from './labels.ts'

const SITE_NAME = '共育 · 家校社协同育人课程资源库'

function absolute(siteUrl: string, path: string): string {
  return new URL(path, siteUrl).toString()
}

function educationalLevel(records: Pick<PublicRecord, 'grades' | 'stages'>[]): string[] {
  return [...new Set(records.flatMap((record) => (record.grades.length > 0 ? record.grades.map(label.grade) : record.stages.map(label.stage))))]
}

/** schema.org `LearningResource` for a lesson or micro-lesson page. */
export function learningResource(record: PublicRecord, siteUrl: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'LearningResource',
    name: record.title,
    description: record.summary,
    url: absolute(siteUrl, record.url),
    inLanguage: 'zh-Hans',
    learningResourceType: label.type(record.type),
    educationalLevel: gradesLabel(record),
    timeRequired: isoDuration(record.durationMinutes),
    about: record.themeNames.map((name) => ({ '@type': 'Thing', name })),
    audience: { '@type': 'EducationalAudience', educationalRole: record.audience.includes('teachers') ? 'teacher' : 'parent' },
    datePublished: record.publishedAt,
    isAccessibleForFree: true,
    publisher: { '@type': 'Organization', name: SITE_NAME },
  }
}

/** schema.org `Course` for a course list, its lessons as parts. */
export function course(list: PublicCourseList, organization: PublicOrganization | undefined, items: PublicRecord[], siteUrl: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: list.title,
    description: list.description,
    url: absolute(siteUrl, `/course-lists/${list.slug}/`),
    inLanguage: 'zh-Hans',
    educationalLevel: educationalLevel(items),
    isAccessibleForFree: true,
    provider: organization
      ? { '@type': 'Organization', name: organization.name, url: absolute(siteUrl, `/organizations/${organization.slug}/`) }
      : { '@type': 'Organization', name: SITE_NAME },
    hasPart: items.map((item) => ({ '@type': 'LearningResource', name: item.title, url: absolute(siteUrl, item.url), educationalLevel: gradesLabel(item) })),
  }
}
