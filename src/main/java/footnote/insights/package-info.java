/**
 * What members ask and how the answers served them, for moderators: a record per question (as asked and as read,
 * when, answered or declined with the confidence, what was cited), members' votes and comments on answers, kept per
 * server without member ids (a vote is de-duplicated by a keyed hash), purged after the retention, and the report
 * moderators read ({@code /insights}, {@code footnote insights}, the weekly digest). Writes never sit on the
 * answering path: a store that is down costs the record, never the answer.
 */
package footnote.insights;
