import { API_TOKEN_SCOPES, type ApiTokenScope, createApiTokenInput } from "@booky/domain";
import type { RouterOutputs } from "@booky/server";
import { zodResolver } from "@hookform/resolvers/zod";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import type { z } from "zod";
import { CheckboxGroup, Form } from "../../components/form-parts";
import { PagedListCard, Row } from "../../components/paged-list";
import { pendingFor } from "../../components/row-actions";
import { ShownOnce } from "../../components/shown-once";
import { Button, Card, ConfirmButton, PageTitle, TextField } from "../../components/ui";
import { shortDateTime } from "../../lib/dates";
import { fieldProps, useServerErrors } from "../../lib/form";
import { byCursor } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";

type Values = z.input<typeof createApiTokenInput>;
type Output = z.output<typeof createApiTokenInput>;
type Token = RouterOutputs["apiTokens"]["list"]["items"][number];

/** What each scope lets a token do, in the member's words (docs/api.md). */
const scopeLabels: Record<ApiTokenScope, string> = {
  read: "Read everything I can see",
  "progress:write": "Report my reading progress",
  "bets:write": "Place and cancel bets",
  "clubs:write": "Join and leave clubs",
  "meetings:write": "Answer meeting invitations",
};

/** `/settings/api-tokens`: personal access tokens for scripts and apps, made, listed and revoked here. */
export function ApiTokensPage() {
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageTitle
        subtitle={
          <>
            Scripts, bots and apps call Booky's API with a token, sent as <code>Authorization: Bearer</code>.{" "}
            <Link to="/settings/profile" className="underline">
              Back to your settings
            </Link>
          </>
        }
      >
        API tokens
      </PageTitle>
      <CreateToken />
      <TokenList />
    </div>
  );
}

function CreateToken() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(createApiTokenInput),
    defaultValues: { name: "", scopes: ["read"], expiresAt: null },
  });
  const { formError, clear, onError } = useServerErrors(form, ["name", "scopes", "expiresAt"]);
  const create = useMutation(
    trpc.apiTokens.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.apiTokens.list.pathKey() }),
    }),
  );
  const onSubmit = form.handleSubmit((values) => {
    clear();
    create.mutate(values, { onSuccess: () => form.reset(), onError });
  });

  return (
    <Card title="New token">
      <div className="flex flex-col gap-4">
        {create.data && (
          <ShownOnce
            made={<>Token “{create.data.name}” made.</>}
            label="Your new token"
            value={create.data.token}
            copyLabel="Copy token"
            note="This token is shown only now: Booky keeps no copy of it. Copy it into your script."
            copiedNote="Copied. Keep it secret, like a password."
          />
        )}
        <Form onSubmit={onSubmit} error={formError} label="New token">
          <TextField label="Name" placeholder="My reading bot" {...fieldProps(form, "name")} />
          <CheckboxGroup legend="What it may do" error={form.formState.errors.scopes?.message}>
            {API_TOKEN_SCOPES.map((scope) => (
              <label key={scope} className="flex items-center gap-2">
                <input type="checkbox" value={scope} {...form.register("scopes")} /> {scopeLabels[scope]}{" "}
                <code className="text-xs text-stone-600 dark:text-stone-400">{scope}</code>
              </label>
            ))}
          </CheckboxGroup>
          <TextField
            label="Expires (optional)"
            type="datetime-local"
            hint="Leave empty to keep it until you revoke it."
            {...fieldProps(form, "expiresAt")}
            {...form.register("expiresAt", { setValueAs: (value: string | null) => (value ? value : null) })}
          />
          <div>
            <Button type="submit" busy={create.isPending}>
              Make token
            </Button>
          </div>
        </Form>
      </div>
    </Card>
  );
}

function TokenList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useInfiniteQuery(trpc.apiTokens.list.infiniteQueryOptions({ limit: 20 }, byCursor));
  const revoke = useMutation(
    trpc.apiTokens.revoke.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.apiTokens.list.pathKey() }),
    }),
  );
  return (
    <PagedListCard
      title="Your tokens"
      label="Your tokens"
      query={tokens}
      errors={[revoke]}
      empty="No token yet. Make one above for a script or an app."
      moreLabel="Show more tokens"
    >
      {(token) => (
        <TokenRow
          key={token.id}
          token={token}
          busy={pendingFor(revoke, "tokenId", token.id)}
          onRevoke={() => revoke.mutate({ tokenId: token.id })}
        />
      )}
    </PagedListCard>
  );
}

function TokenRow({ token, busy, onRevoke }: { token: Token; busy: boolean; onRevoke: () => void }) {
  const expired = token.expiresAt !== null && token.expiresAt.getTime() <= Date.now();
  const state = token.revokedAt
    ? `Revoked ${shortDateTime(token.revokedAt)}`
    : expired && token.expiresAt
      ? `Expired ${shortDateTime(token.expiresAt)}`
      : token.expiresAt
        ? `Expires ${shortDateTime(token.expiresAt)}`
        : "Never expires";
  return (
    <Row>
      <div className="flex min-w-0 flex-col">
        <span className="font-semibold">{token.name}</span>
        <span className="text-sm text-stone-600 dark:text-stone-400">
          {token.scopes.join(", ")} · made {shortDateTime(token.createdAt)} ·{" "}
          {token.lastUsedAt ? `last used ${shortDateTime(token.lastUsedAt)}` : "never used"} · {state}
        </span>
      </div>
      {!token.revokedAt && !expired && (
        <ConfirmButton
          size="small"
          question={`Scripts using “${token.name}” will stop working.`}
          confirmLabel="Revoke"
          busy={busy}
          onConfirm={onRevoke}
        >
          Revoke {token.name}
        </ConfirmButton>
      )}
    </Row>
  );
}
