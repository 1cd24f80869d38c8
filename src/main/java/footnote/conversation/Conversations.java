package footnote.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recent turns of every live conversation, in memory only: a conversation is dropped once nothing was said in
 * it for {@code expiry}, keeps at most {@code maxTurns} turns, and when more than {@code maxConversations} are live
 * the one idle longest goes first. The bot's answer messages are linked to their conversation while it lives, so a
 * reply to one carries it on. Nothing is written to disk; a restart forgets every conversation. Thread-safe.
 */
public final class Conversations {

    private final Clock clock;
    private final Duration expiry;
    private final int maxTurns;
    private final int maxConversations;
    /** In access order: the first entry is the one idle longest. */
    private final LinkedHashMap<ConversationKey, Held> held = new LinkedHashMap<>(16, 0.75f, true);
    private final LinkedHashMap<Link, Linked> links = new LinkedHashMap<>(16, 0.75f, true);

    private record Held(Deque<Turn> turns, Instant lastTurn) {}

    /** A message within its server: message ids are unique anyway, but a lookup never crosses servers. */
    private record Link(Optional<String> server, String messageId) {}

    private record Linked(ConversationKey key) {}

    public Conversations(Clock clock, Duration expiry, int maxTurns, int maxConversations) {
        if (expiry.isNegative() || expiry.isZero() || maxTurns < 1 || maxConversations < 1) {
            throw new IllegalArgumentException("need a positive expiry, turns and conversations");
        }
        this.clock = clock;
        this.expiry = expiry;
        this.maxTurns = maxTurns;
        this.maxConversations = maxConversations;
    }

    /** The conversation's turns, oldest first; none once it expired or when it never began. */
    public synchronized List<Turn> recent(ConversationKey key) {
        dropExpired();
        Held h = held.get(key);
        return h == null ? List.of() : List.copyOf(h.turns());
    }

    /** Whether the conversation has turns that have not expired. */
    public boolean live(ConversationKey key) {
        return !recent(key).isEmpty();
    }

    /** Adds a turn, dropping the oldest beyond {@code maxTurns}; starts the conversation when it had none. */
    public synchronized void add(ConversationKey key, Turn turn) {
        dropExpired();
        Held h = held.get(key);
        Deque<Turn> turns = h == null ? new ArrayDeque<>() : h.turns();
        turns.addLast(turn);
        while (turns.size() > maxTurns) {
            turns.removeFirst();
        }
        held.put(key, new Held(turns, clock.instant()));
        trim(held);
    }

    /** Ends the conversation now, as {@code new} in the terminal does. */
    public synchronized void forget(ConversationKey key) {
        held.remove(key);
        links.values().removeIf(linked -> linked.key().equals(key));
    }

    /**
     * Carries a conversation over to another key, its links with it: an adapter may learn where a conversation
     * lives only once its first answer is out (a thread opened on the answer message). Turns the new key holds
     * already (asked there in the meantime) come after the moved ones. Nothing happens when {@code from} expired.
     */
    public synchronized void move(ConversationKey from, ConversationKey to) {
        dropExpired();
        if (from.equals(to) || !held.containsKey(from)) {
            return;
        }
        Held moved = held.remove(from);
        Held there = held.get(to);
        Deque<Turn> turns = new ArrayDeque<>(moved.turns());
        if (there != null) {
            turns.addAll(there.turns());
        }
        while (turns.size() > maxTurns) {
            turns.removeFirst();
        }
        held.put(to, new Held(turns, there == null ? moved.lastTurn() : there.lastTurn()));
        links.replaceAll((link, linked) -> linked.key().equals(from) ? new Linked(to) : linked);
        trim(held);
    }

    /** Notes that one of the bot's messages answered in the conversation, so a reply to it carries it on. */
    public synchronized void link(Optional<String> server, String messageId, ConversationKey key) {
        links.put(new Link(server, messageId), new Linked(key));
        trim(links);
    }

    /** The live conversation a message of the bot's answered in, within the same server. */
    public synchronized Optional<ConversationKey> linked(Optional<String> server, String messageId) {
        dropExpired();
        return Optional.ofNullable(links.get(new Link(server, messageId))).map(Linked::key)
                .filter(held::containsKey);
    }

    /** How many conversations are live: for tests and the log. */
    public synchronized int size() {
        dropExpired();
        return held.size();
    }

    private void dropExpired() {
        Instant oldest = clock.instant().minus(expiry);
        held.values().removeIf(h -> !h.lastTurn().isAfter(oldest));
        // A link lasts as long as its conversation: a reply to the first answer carries on a conversation that the
        // later answers kept alive.
        links.values().removeIf(l -> !held.containsKey(l.key()));
    }

    private void trim(LinkedHashMap<?, ?> map) {
        Iterator<? extends Map.Entry<?, ?>> idle = map.entrySet().iterator();
        while (map.size() > maxConversations * (map == links ? maxTurns : 1) && idle.hasNext()) {
            idle.next();
            idle.remove();
        }
    }
}
