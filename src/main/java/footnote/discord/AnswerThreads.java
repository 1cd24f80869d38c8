package footnote.discord;

import footnote.chat.Shortening;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.javacord.api.entity.channel.AutoArchiveDuration;
import org.javacord.api.entity.channel.ServerTextChannel;
import org.javacord.api.entity.channel.ServerThreadChannel;
import org.javacord.api.entity.channel.TextChannel;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.permission.PermissionType;
import org.javacord.api.entity.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads opened on a question for its answer and follow-ups, by Discord's rules: a public thread started from a
 * message of a server text channel (not in a thread, not in a direct message), named within 1 to 100 characters,
 * archived after a day without messages. Where the bot may not open one, the answer is a reply instead, which the
 * member never sees as an error.
 */
final class AnswerThreads {

    private static final Logger log = LoggerFactory.getLogger(AnswerThreads.class);

    /** Discord's limit on a channel's name. */
    static final int MAX_NAME = 100;
    /**
     * A day: long past the conversation's expiry, so the thread stays open while members read it, and one of the
     * four durations Discord takes (an hour, a day, three days, a week).
     */
    static final AutoArchiveDuration ARCHIVE = AutoArchiveDuration.ONE_DAY;
    /** The name of a thread whose question has no words left once markup is taken out. */
    static final String UNNAMED = "Question";

    /** Mentions (users, roles, channels), custom emoji and timestamps: ids, not words, in a name. */
    private static final Pattern TAGS = Pattern.compile("<(?:@[!&]?|#|a?:\\w+:|t:)\\d+(?::\\w)?>");
    private static final Pattern EVERYONE = Pattern.compile("@(everyone|here)\\b");
    /** Markdown that shows as markup in a message but as itself in a channel name. */
    private static final Pattern MARKUP = Pattern.compile("[*_~`|>]|^#+\\s|^-#\\s", Pattern.MULTILINE);
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");

    private AnswerThreads() {}

    /**
     * Whether a thread may be opened on a message of this channel: a server text channel in which the bot may
     * create public threads and write in them. Checked from Javacord's cache, so that Discord is not asked for
     * what it would refuse.
     */
    static boolean mayOpenIn(TextChannel channel, User me) {
        Optional<ServerTextChannel> text = channel.asServerTextChannel();
        return text.isPresent() && text.get().hasPermissions(me, PermissionType.VIEW_CHANNEL,
                PermissionType.CREATE_PUBLIC_THREADS, PermissionType.SEND_MESSAGES_IN_THREADS);
    }

    /**
     * Opens a thread on the message, named after the question; empty when Discord refuses (a permission changed
     * since the cache saw it, the channel cannot hold threads), which is logged in one line.
     */
    static CompletableFuture<Optional<ServerThreadChannel>> open(Message message, String question) {
        CompletableFuture<ServerThreadChannel> opened;
        try {
            opened = message.createThread(name(question), ARCHIVE);
        } catch (IllegalStateException e) {
            opened = CompletableFuture.failedFuture(e); // not a server text channel after all
        }
        return opened.thenApply(Optional::of).exceptionally(e -> {
            log.info("Could not open a thread on message {} in channel {}, answering with a reply: {}",
                    message.getId(), message.getChannel().getId(), e.toString());
            return Optional.empty();
        });
    }

    /**
     * The question as a thread's name: mentions (@everyone and @here too), emoji, links' addresses and Markdown
     * taken out (a name would show them raw, though it pings nobody), white space made single, cut at a word to at most {@link #MAX_NAME}
     * characters; {@link #UNNAMED} when nothing is left.
     */
    static String name(String question) {
        String text = LINK.matcher(question).replaceAll("$1");
        text = TAGS.matcher(text).replaceAll(" ");
        text = EVERYONE.matcher(text).replaceAll(" ");
        text = MARKUP.matcher(text).replaceAll("");
        text = text.replaceAll("\\s+", " ").replaceAll(" (?=[?!.,;:])", "").strip();
        return text.isEmpty() ? UNNAMED : Shortening.cut(text, MAX_NAME);
    }
}
