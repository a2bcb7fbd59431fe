import { redirect } from 'next/navigation';

/** /admin is its first tab. */
export default function AdminPage() {
  redirect('/admin/users');
}
