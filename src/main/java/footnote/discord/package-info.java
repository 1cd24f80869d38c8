/**
 * Footnote in Discord, through Javacord: turns gateway events into chat commands and chat replies into Discord
 * messages. The only package that imports {@code org.javacord}. Also what only Discord needs from the chat layer:
 * replies rendered as Discord messages within its limits, roles and channels named as mentions
 * ({@link footnote.discord.DiscordRenderer}, {@link footnote.discord.DiscordAnswer}), and members' questions
 * throttled in busy servers ({@link footnote.discord.Throttle}).
 */
package footnote.discord;
