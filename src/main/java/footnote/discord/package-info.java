/**
 * Footnote in Discord, through Javacord: turns gateway events into chat commands and chat replies into Discord
 * messages. The only package that imports {@code org.javacord}. Also what only Discord needs from the chat layer:
 * replies rendered as Discord messages within its limits, roles and channels named as mentions
 * ({@link footnote.discord.DiscordRenderer}, {@link footnote.discord.DiscordAnswer}), members' questions
 * throttled in busy servers ({@link footnote.discord.Throttle}), and where each conversation lives in Discord: a
 * thread opened on the question, replies to the bot's answers, or a member's messages in an ask channel.
 */
package footnote.discord;
