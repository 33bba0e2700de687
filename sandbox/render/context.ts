/** What rendering depends on beyond the blocks: who reads (their zone), when (the sandbox clock), and names. */
export interface RenderContext {
  /** The reader's IANA zone: dates and times show in it, as Slack shows them. */
  tz: string;
  /** The sandbox clock now, in milliseconds ("today", "tomorrow"). */
  now: number;
  /** A person's display name by user id (mentions). */
  nameOf: (userId: string) => string | undefined;
  /** The workspace's people, for a people picker (users_select); absent, it offers no one. */
  people?: ReadonlyArray<{ id: string; name: string }>;
}
