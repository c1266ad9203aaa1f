'use client';
import { useId, useState, type ReactNode } from 'react';
import { Button } from '../components/ui/Button';
import { useDevtools } from './DevtoolsContext';

/** The reference proxy's demo subjects (`--seed demo`), each in a state a billing page must show. */
export const DEMO_SUBJECTS: readonly string[] = [
  'user_free',
  'user_pro',
  'user_trial',
  'user_canceling',
  'user_past_due',
  'user_paused',
  'user_incomplete',
  'user_canceled',
  'user_metered',
  'user_team',
  'org_acme',
];

/** Orgs are billed as the org, through a user of it (as a real session would be). */
const tokenBody = (subject: string) => (subject.startsWith('org_') ? { user: `${subject}_admin`, org: subject } : { user: subject });

/** Subject: which subject the page bills; switch to a demo subject or a new one, or back to the app's session. */
export function SubjectSection({ subjects }: { subjects: readonly string[] }): ReactNode {
  const { dev, subject, setSubject, run, pending } = useDevtools();
  const [choice, setChoice] = useState(subjects[0] ?? 'user_free');
  const [fresh, setFresh] = useState('');
  const selectId = useId();
  const newId = useId();

  const switchTo = (next: string) =>
    run(async () => {
      const { token } = await dev.mintToken(tokenBody(next));
      await setSubject(next, token);
      return { message: `The page now bills ${next}.` };
    });

  return (
    <div className="bk:grid bk:gap-3">
      <p>
        Billing: <strong data-billkit-part="current-subject">{subject ?? "the app's own session"}</strong>
      </p>
      <form
        className="bk:flex bk:flex-wrap bk:items-end bk:gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          void switchTo(choice);
        }}
      >
        <div className="bk:grid bk:gap-1">
          <label htmlFor={selectId} className="bk:text-xs bk:font-medium">
            Demo subject
          </label>
          <select
            id={selectId}
            value={choice}
            onChange={(event) => setChoice(event.target.value)}
            className="bk:h-8 bk:rounded-billkit-sm bk:border bk:border-billkit-input bk:bg-billkit-card bk:px-2 bk:text-sm bk:text-billkit-foreground"
          >
            {subjects.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <Button size="sm" type="submit" disabled={pending}>
          Switch
        </Button>
      </form>
      <form
        className="bk:flex bk:flex-wrap bk:items-end bk:gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const id = fresh.trim();
          if (id) void switchTo(id);
        }}
      >
        <div className="bk:grid bk:gap-1">
          <label htmlFor={newId} className="bk:text-xs bk:font-medium">
            New subject id (org_… bills an org)
          </label>
          <input
            id={newId}
            value={fresh}
            placeholder="user_new"
            onChange={(event) => setFresh(event.target.value)}
            className="bk:h-8 bk:rounded-billkit-sm bk:border bk:border-billkit-input bk:bg-billkit-card bk:px-2 bk:text-sm bk:text-billkit-foreground"
          />
        </div>
        <Button size="sm" variant="outline" type="submit" disabled={pending || !fresh.trim()}>
          Use new subject
        </Button>
      </form>
      <div>
        <Button
          size="sm"
          variant="ghost"
          disabled={pending || subject === null}
          onClick={() =>
            run(async () => {
              await setSubject(null, null);
              return { message: "Back to the app's own session." };
            })
          }
        >
          Reset to the app's session
        </Button>
      </div>
    </div>
  );
}
