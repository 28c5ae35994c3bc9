import { Link } from "react-router";
import { PageTitle } from "../../components/ui";
import { useSession } from "../../lib/use-session";
import { ChangePasswordForm } from "./change-password-form";
import { DangerZone } from "./danger-zone";
import { EditProfileForm } from "./edit-profile-form";

export function ProfileSettingsPage() {
  const session = useSession();
  if (session.status !== "authenticated") return null;
  const { user } = session;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageTitle
        subtitle={
          <>
            Signed in as {user.email}.{" "}
            <Link to={`/u/${user.username}`} className="underline">
              See your public profile
            </Link>
            {" · "}
            <Link to="/settings/api-tokens" className="underline">
              API tokens
            </Link>
          </>
        }
      >
        Your settings
      </PageTitle>
      <EditProfileForm user={user} />
      <ChangePasswordForm />
      <DangerZone />
    </div>
  );
}
