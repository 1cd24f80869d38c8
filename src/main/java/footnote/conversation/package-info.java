/**
 * Conversations: the few recent turns a follow-up question is read against, held in memory per conversation and
 * dropped after a while, and the reading of a follow-up ("what about tencent?", "where's it based?") as the
 * standalone question it stands for, by the conversation's own words or, with a language model, by a rewrite that
 * is checked against them. Sits between {@code chat} (which keys conversations by where they happen)
 * and {@code answer} (which answers the question as read). Nothing here is written to disk.
 */
package footnote.conversation;
