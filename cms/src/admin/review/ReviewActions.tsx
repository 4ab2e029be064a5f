'use client'

import { Button, toast, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { formatAdminURL } from 'payload/shared'
import { useId, useState } from 'react'

interface ReviewActionsProps {
  collection: string
  id: string | number
  title: string
}

interface ApiErrorBody {
  errors?: { message?: string; data?: { errors?: { message?: string }[] } }[]
}

/** The field messages of a refused save, else its summary: the Chinese text the CMS wrote. */
function messageOf(body: ApiErrorBody): string {
  const first = body.errors?.[0]
  const fieldMessages = first?.data?.errors?.map((error) => error.message).filter(Boolean) ?? []
  return fieldMessages.length ? fieldMessages.join(' ') : (first?.message ?? '操作没有成功，请打开内容查看。')
}

/** 发布 and 退回修改 (with a note the editor sees on the item) for one row of the review queue. */
export function ReviewActions({ collection, id, title }: ReviewActionsProps) {
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const router = useRouter()
  const noteId = useId()
  const [sendingBack, setSendingBack] = useState(false)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)

  async function save(query: string, body: Record<string, unknown>, done: string) {
    setBusy(true)
    try {
      const response = await fetch(formatAdminURL({ apiRoute: api, path: `/${collection}/${id}${query}` }), {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (!response.ok) {
        toast.error(messageOf((await response.json().catch(() => ({}))) as ApiErrorBody))
        return
      }
      toast.success(done)
      setSendingBack(false)
      router.refresh()
    } finally {
      setBusy(false)
    }
  }

  if (sendingBack) {
    return (
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void save('?draft=true', { reviewState: 'changes-requested', reviewNote: note.trim() }, `已退回《${title}》`)
        }}
      >
        <label htmlFor={noteId}>退回意见（编辑会在内容的「审核意见」里看到）</label>
        <textarea id={noteId} required rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
        <Button type="submit" buttonStyle="primary" size="small" disabled={busy || !note.trim()}>
          确认退回
        </Button>
        <Button type="button" buttonStyle="secondary" size="small" disabled={busy} onClick={() => setSendingBack(false)}>
          取消
        </Button>
      </form>
    )
  }
  return (
    <div className="gongyu-queue-actions">
      <Button type="button" buttonStyle="primary" size="small" disabled={busy} onClick={() => void save('', { _status: 'published' }, `已发布《${title}》`)}>
        发布
      </Button>
      <Button type="button" buttonStyle="secondary" size="small" disabled={busy} onClick={() => setSendingBack(true)}>
        退回修改
      </Button>
    </div>
  )
}
