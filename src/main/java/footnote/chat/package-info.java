/**
 * The commands people type, in the terminal or in Discord, the replies they get, and how replies are rendered as
 * text and JSON, with the wording and Markdown helpers every renderer shares. {@link footnote.chat.Reply} and
 * {@link footnote.chat.Command} are sealed and dispatched through their visitors, so a new kind of reply or command
 * does not compile until each renderer and the chat service cover it. Nothing here knows Discord's markup or
 * limits: the Discord renderer and the question throttle live in {@code footnote.discord}.
 */
package footnote.chat;
