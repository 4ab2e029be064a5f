'use client'

import { FieldError, useFormFields, useFormProcessing } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

interface Shown {
  message: string
  value: unknown
}

/**
 * A field's error that stays until the field is edited or saved again. The
 * server's reasons for refusing a draft (课序号 taken, personal information,
 * a title missing on submission) reach the form as field errors, but Payload
 * shows field errors only on a "submitted" form, which a draft save never is,
 * and its next form-state refresh marks every field valid again: the reason
 * flashed in a toast under the field's English name and was gone (issue 14).
 */
export function FieldErrorUntilEdited({ path }: { path: string }) {
  const field = useFormFields(([fields]) => fields[path])
  const processing = useFormProcessing()
  const [shown, setShown] = useState<Shown | null>(null)

  useEffect(() => {
    if (processing) setShown(null)
  }, [processing])
  useEffect(() => {
    if (field?.valid === false && field.errorMessage) setShown({ message: field.errorMessage, value: field.value })
    else setShown((current) => (current && current.value !== field?.value ? null : current))
  }, [field?.valid, field?.errorMessage, field?.value])

  return <FieldError path={path} message={shown?.message} showError={shown !== null} />
}
