import { redirect } from "next/navigation";
import { AREA_HOME } from "@/lib/auth/areas";
import { getCurrentUser } from "@/lib/auth/session";

// The site root sends each person to their own area, or to sign in.
export default async function HomePage() {
  const user = await getCurrentUser();
  redirect(user ? AREA_HOME[user.area] : "/login");
}
