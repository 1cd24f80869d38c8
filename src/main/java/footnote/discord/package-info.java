/**
 * Footnote in Discord, through Javacord: turns gateway events into chat commands and chat replies into Discord
 * messages. The only package that imports {@code org.javacord}.
 */
package footnote.discord;
