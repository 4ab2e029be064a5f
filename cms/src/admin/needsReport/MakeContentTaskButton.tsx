'use client'

import { Button, toast, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { formatAdminURL } from 'payload/shared'
import { useState } from 'react'

interface ApiErrorBody {
  errors?: { message?: string; data?: { errors?: { message?: string }[] } }[]
}

/** 建为内容任务: one click turns a query of the needs report into a content task and opens it. */
export function MakeContentTaskButton({ query }: { query: string }) {
  const {
    config: {
      routes: { api, admin },
    },
  } = useConfig()
  const router = useRouter()
  const [busy, setBusy] = useState(false)

  async function create() {
    setBusy(true)
    try {
      const response = await fetch(formatAdminURL({ apiRoute: api, path: '/content-tasks' }), {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, status: 'open' }),
      })
      const body = (await response.json().catch(() => ({}))) as ApiErrorBody & { doc?: { id: string | number } }
      if (!response.ok || !body.doc) {
        const first = body.errors?.[0]
        toast.error(first?.data?.errors?.[0]?.message ?? first?.message ?? '没能建立内容任务，请稍后再试。')
        return
      }
      toast.success(`已为「${query}」建立内容任务`)
      router.push(formatAdminURL({ adminRoute: admin, path: `/collections/content-tasks/${body.doc.id}` }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Button type="button" buttonStyle="primary" size="small" disabled={busy} onClick={() => void create()}>
      建为内容任务
    </Button>
  )
}
