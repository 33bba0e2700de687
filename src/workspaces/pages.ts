// The pages a person sees while installing the bot in their workspace: the "Add to Slack" page, the page
// after a successful install, and the page when it failed. Plain HTML, every value escaped, nothing loaded
// from elsewhere (no scripts, images or fonts), so the pages work offline and leak nothing to a third party.

export interface Page {
  status: number;
  html: string;
}

/** Headers for every install page: never cached, never framed, no scripts, no Referer (the URL held a code). */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** GET /slack/install: what the bot does and the link to Slack's authorize page (carrying the state). */
export function installPage(authorizeUrl: string): string {
  return layout(
    'Add Star Drill to Slack',
    `<h1>Add Star Drill to your Slack workspace</h1>
<p>Star Drill sends you a behavioral interview question by direct message, at the time you choose, and
helps you practise answering it with the STAR method (Situation, Task, Action, Result).</p>
<p><a class="button" href="${escapeHtml(authorizeUrl)}">Add to Slack</a></p>
<p class="small">Slack will ask you to choose a workspace and allow Star Drill to send messages, respond to
<code>/star</code>, and read your time zone so drills arrive at your local time.</p>`,
  );
}

export interface InstalledPageInput {
  teamId?: string;
  teamName?: string;
  enterpriseName?: string;
  appId?: string;
  isEnterpriseInstall: boolean;
  /** Org-wide installs: the organization's Slack URL (from auth.test). */
  enterpriseUrl?: string;
}

/** After a successful install: where it is installed and what to do next. */
export function installedPage(i: InstalledPageInput): Page {
  const where = i.isEnterpriseInstall
    ? `your organization <strong>${escapeHtml(i.enterpriseName ?? 'Enterprise Grid organization')}</strong>`
    : `<strong>${escapeHtml(i.teamName ?? i.teamId ?? 'your workspace')}</strong>`;
  const open =
    !i.isEnterpriseInstall && i.teamId
      ? `<p><a class="button" href="${escapeHtml(slackAppUrl(i.teamId, i.appId))}">Open Slack</a>
<a href="${escapeHtml(`https://app.slack.com/client/${encodeURIComponent(i.teamId)}`)}">or open Slack in your browser</a></p>`
      : '';
  const orgStep =
    i.isEnterpriseInstall && i.enterpriseUrl && i.appId
      ? `<li>Choose the workspaces that get Star Drill:
<a href="${escapeHtml(`${i.enterpriseUrl}manage/organization/apps/profile/${encodeURIComponent(i.appId)}/workspaces/add`)}">add it to workspaces</a>.</li>`
      : '';
  return {
    status: 200,
    html: layout(
      'Star Drill is installed',
      `<h1>Star Drill is installed</h1>
<p>Star Drill is now installed in ${where}.</p>
<h2>What next</h2>
<ol>
${orgStep}<li>In Slack, type <code>/star help</code> in any conversation to see every command.</li>
<li>Type <code>/star subscribe 09:00 weekdays</code> to get a question every weekday morning at your local time,
or <code>/star random</code> for one right now.</li>
</ol>
${open}`,
    ),
  };
}

/** Why an install failed, as the person can act on it. */
export type InstallFailure =
  /** They pressed Cancel on Slack's page (error=access_denied). */
  | { kind: 'cancelled' }
  /** The state is missing, expired, forged, or from another browser (no matching cookie). */
  | { kind: 'state' }
  /** Slack sent back an error, or no code. */
  | { kind: 'slack'; error?: string }
  /** Slack refused the code exchange (oauth.v2.access), e.g. invalid_code. */
  | { kind: 'exchange'; error?: string }
  /** Our side failed (the database, most likely). */
  | { kind: 'internal' };

export function installFailedPage(failure: InstallFailure): Page {
  const tryAgain = `<p><a class="button" href="./install">Try again</a></p>`;
  const code = (error: string | undefined) =>
    error ? ` Slack said: <code>${escapeHtml(error)}</code>.` : '';
  const pages: Record<InstallFailure['kind'], { status: number; title: string; body: string }> = {
    cancelled: {
      status: 200,
      title: 'Star Drill was not installed',
      body: '<p>You cancelled the install on Slack, so nothing was installed and nothing was shared.</p>',
    },
    state: {
      status: 400,
      title: 'This install link has expired',
      body: `<p>The install could not be verified: the link is more than 10 minutes old, was opened in another
browser, or was already used. Nothing was installed. Start again from this browser.</p>`,
    },
    slack: {
      status: 400,
      title: 'Slack did not complete the install',
      body: `<p>Slack sent you back without an authorization, so nothing was installed.${code(
        failure.kind === 'slack' ? failure.error : undefined,
      )}</p>`,
    },
    exchange: {
      status: 502,
      title: 'Slack did not complete the install',
      body: `<p>Slack refused to finish the install, so nothing was installed.${code(
        failure.kind === 'exchange' ? failure.error : undefined,
      )}</p>`,
    },
    internal: {
      status: 500,
      title: 'Star Drill could not save the install',
      body: '<p>Something went wrong on our side while saving the install. Please try again in a minute.</p>',
    },
  };
  const page = pages[failure.kind];
  return {
    status: page.status,
    html: layout(page.title, `<h1>${escapeHtml(page.title)}</h1>\n${page.body}\n${tryAgain}`),
  };
}

function slackAppUrl(teamId: string, appId: string | undefined): string {
  const team = encodeURIComponent(teamId);
  return appId ? `slack://app?team=${team}&id=${encodeURIComponent(appId)}` : `slack://open?team=${team}`;
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; color: #1d1c1d; }
h1 { font-size: 1.5rem; }
h2 { font-size: 1.1rem; }
code { background: #f4f4f4; padding: 0 .25rem; border-radius: 3px; }
.button { display: inline-block; background: #4a154b; color: #fff; padding: .6rem 1.2rem; border-radius: 6px; text-decoration: none; font-weight: 600; margin-right: .75rem; }
.small { font-size: .9rem; color: #616061; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
