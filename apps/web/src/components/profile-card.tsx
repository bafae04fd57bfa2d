import { Card, Skeleton } from "@tx/ui";
import { serverApi } from "@/trpc/server";
import styles from "./profile-card.module.css";

/** The signed-in user's profile as the auth service knows it (not as the cookie remembers it). */
export async function ProfileCard() {
  const profile = await (await serverApi()).auth.me.query();
  return (
    <Card title="Profile">
      <dl className={styles.facts}>
        <div>
          <dt>Name</dt>
          <dd>{profile.name}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{profile.email}</dd>
        </div>
      </dl>
    </Card>
  );
}

export function ProfileCardSkeleton() {
  return (
    <Card title="Profile">
      <div className={styles.facts}>
        <Skeleton height="3.25rem" width="12rem" />
        <Skeleton height="3.25rem" width="16rem" />
      </div>
    </Card>
  );
}
