import type { Scene } from "./authorization-fixture.js";
import { type Case, clubAdmins, inClub, outcomes } from "./authorization-rows.js";
import { webhookOf } from "./scene-objects.js";

/** Another club's webhook named in this club's call: its admins get NOT_FOUND, the builder refuses the rest first. */
const elsewhere = outcomes({ NOT_FOUND: ["clubAdmin", "owner"] });

const withWebhook = { prepare: (scene: Scene) => webhookOf(scene) };
const otherClubs = {
  label: "another club's webhook",
  prepare: async (scene: Scene) => webhookOf(scene, (await scene.otherClub()).id),
};

/** Club webhooks: the club's admins and owner only; a site admin moderates but does not run a club's integrations. */
export function webhooksRows(): Record<string, Case | Case[]> {
  return {
    "webhooks.create": inClub(clubAdmins, (t, s) =>
      t.webhooks.create.mutate({ clubId: s.club.id, url: "https://hooks.example.com/new", events: ["thread.created"] }),
    ),
    "webhooks.list": inClub(clubAdmins, (t, s) => t.webhooks.list.query({ clubId: s.club.id })),
    "webhooks.setEnabled": [
      inClub(clubAdmins, withWebhook, (t, s, webhookId) =>
        t.webhooks.setEnabled.mutate({ clubId: s.club.id, webhookId, enabled: false }),
      ),
      inClub(elsewhere, otherClubs, (t, s, webhookId) =>
        t.webhooks.setEnabled.mutate({ clubId: s.club.id, webhookId, enabled: false }),
      ),
    ],
    "webhooks.delete": [
      inClub(clubAdmins, withWebhook, (t, s, webhookId) => t.webhooks.delete.mutate({ clubId: s.club.id, webhookId })),
      inClub(elsewhere, otherClubs, (t, s, webhookId) => t.webhooks.delete.mutate({ clubId: s.club.id, webhookId })),
    ],
    "webhooks.deliveries": [
      inClub(clubAdmins, withWebhook, (t, s, webhookId) =>
        t.webhooks.deliveries.query({ clubId: s.club.id, webhookId }),
      ),
      inClub(elsewhere, otherClubs, (t, s, webhookId) => t.webhooks.deliveries.query({ clubId: s.club.id, webhookId })),
    ],
  };
}
