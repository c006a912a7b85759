import { NotFound } from "@/components/NotFound";

// Inside the partner layout, so a missing record keeps the hub's navigation instead of a bare page.
export default function PartnerNotFound() {
  return <NotFound backHref="/partner" backLabel="Back to the partner hub" />;
}
