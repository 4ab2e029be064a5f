'use client'

import { Button, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { formatAdminURL } from 'payload/shared'
import { type ChangeEvent, useId, useState } from 'react'
import { PLACE_IMPORT_LIMITS, placeCsvTemplate } from '../import/placeCsvColumns'

interface ImportAnswer {
  imported?: number
  message?: string
  problems?: { line: number; message: string }[]
  errors?: { message?: string }[]
}

type Outcome = { kind: 'done'; message: string } | { kind: 'refused'; problems: { line: number; message: string }[] }

// A byte-order mark, so Excel opens the template as UTF-8 and shows the Chinese headers.
const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${placeCsvTemplate()}`)}`

const panelStyle = { margin: '0 0 1.5rem', padding: '1rem', border: '1px solid var(--theme-elevation-150)', borderRadius: '4px' } as const

/**
 * 批量导入 above the places list: pick a CSV file (UTF-8 or GBK), and either
 * every row becomes a draft sent for review, or the list of bad rows with
 * their line numbers is shown and nothing is imported.
 */
export function PlacesImportPanel() {
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const router = useRouter()
  const inputId = useId()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | undefined>()

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    if (file.size > PLACE_IMPORT_LIMITS.maxBytes) {
      setOutcome({ kind: 'refused', problems: [{ line: 0, message: '文件太大，一次最多导入 1 MB，请分成几个文件。' }] })
      return
    }
    setBusy(true)
    setOutcome(undefined)
    try {
      const response = await fetch(formatAdminURL({ apiRoute: api, path: '/places/import' }), {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'text/csv' },
        body: await file.arrayBuffer(),
      })
      const answer = (await response.json().catch(() => ({}))) as ImportAnswer
      if (response.ok) {
        setOutcome({ kind: 'done', message: answer.message ?? `已导入 ${answer.imported ?? 0} 个地点。` })
        router.refresh()
      } else {
        const problems = answer.problems ?? (answer.errors ?? []).map((error) => ({ line: 0, message: error.message ?? '导入没有成功。' }))
        setOutcome({ kind: 'refused', problems: problems.length > 0 ? problems : [{ line: 0, message: `导入没有成功（${response.status}）。` }] })
      }
    } catch {
      setOutcome({ kind: 'refused', problems: [{ line: 0, message: '网络断了，文件没有发出去。请检查网络后重试；什么都没有导入。' }] })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="gongyu-places-import" style={panelStyle} aria-labelledby={`${inputId}-title`}>
      <h3 id={`${inputId}-title`} style={{ margin: '0 0 0.5rem' }}>
        从表格批量导入
      </h3>
      <p style={{ margin: '0 0 0.75rem' }}>
        用 Excel 或 WPS 填好
        <a href={TEMPLATE_HREF} download="服务地图导入模板.csv">
          导入模板
        </a>
        ，另存为 CSV（UTF-8 或 GBK 都可以）。 坐标用高德或腾讯地图上取的 GCJ-02
        坐标；电话只填机构座机或服务热线。有一行不对就整个文件都不导入，并列出每一行的问题。一次最多 {PLACE_IMPORT_LIMITS.maxRows} 行、1 MB。
      </p>
      <label htmlFor={inputId} style={{ display: 'inline-block' }}>
        <span style={{ marginRight: '0.5rem' }}>选择 CSV 文件：</span>
        <input id={inputId} type="file" accept=".csv,text/csv" disabled={busy} onChange={upload} />
      </label>
      {busy && <output style={{ display: 'block', margin: '0.75rem 0 0' }}>正在检查并导入…</output>}
      {outcome?.kind === 'done' && <output style={{ display: 'block', margin: '0.75rem 0 0', color: 'var(--theme-success-750)' }}>{outcome.message}</output>}
      {outcome?.kind === 'refused' && (
        <div role="alert">
          <p style={{ fontWeight: 600, margin: '0.75rem 0 0.25rem' }}>没有导入任何地点。请改好下面的问题后重新选择文件：</p>
          <ul className="gongyu-places-import-problems">
            {outcome.problems.map((problem) => (
              <li key={`${problem.line}-${problem.message}`}>
                {problem.line > 0 ? `第 ${problem.line} 行：` : ''}
                {problem.message}
              </li>
            ))}
          </ul>
          <Button buttonStyle="secondary" size="small" onClick={() => setOutcome(undefined)}>
            知道了
          </Button>
        </div>
      )}
    </section>
  )
}
