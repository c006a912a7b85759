import { NotFound } from "@/components/NotFound";

// Inside the admin layout, so a missing record keeps the panel's navigation instead of a bare page.
export default function AdminNotFound() {
  return <NotFound backHref="/admin" backLabel="Back to the admin panel" />;
}
