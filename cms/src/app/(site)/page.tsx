import { redirect } from 'next/navigation'

/** The CMS has no public pages of its own: the root goes to the admin. */
export default function Home(): never {
  redirect('/admin')
}
