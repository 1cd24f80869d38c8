package footnote.answer;

import footnote.search.Embedder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a greeting, a thanks or a question about the bot itself from a question about the sources, by meaning: the
 * message's embedding against a few example phrasings of each (our own, not members' messages), so that "hey
 * there", "appreciate it" and "are u a bot?" are recognised however they are typed. Only messages the sources do
 * not answer are taken as small talk: "thanks, and who founded Huawei?" is a question.
 */
final class SmallTalk {

    /**
     * How close a message must come to an example to be taken as small talk. Measured with bge-small-en-v1.5 on
     * the messages of {@code SmallTalkTest} (none of them an example): small talk scored 0.79-0.95 against the
     * nearest example, questions 0.45-0.72 ("what does the bot think of Huawei" the highest).
     */
    static final double SIMILARITY = 0.78;

    private static final Map<Answer.SmallTalk.Kind, List<String>> EXAMPLES = Map.of(
            Answer.SmallTalk.Kind.GREETING, List.of("hi", "hello", "hey there", "good morning", "hello everyone",
                    "hi bot", "what's up", "how are you doing today", "yo", "greetings"),
            Answer.SmallTalk.Kind.THANKS, List.of("thanks", "thank you so much", "thanks, that was helpful",
                    "great, thanks for the help", "appreciate it", "awesome, thank you", "cheers", "perfect, that's"
                            + " what I needed", "nice, that answers it", "ok got it, thanks"),
            Answer.SmallTalk.Kind.ABOUT_BOT, List.of("are you a bot", "are you a human", "who are you",
                    "what are you", "what can you do", "how do I use you", "are you an AI", "who made you",
                    "what is this bot", "is this an automated account"));

    private final Embedder embedder;
    private final Map<Answer.SmallTalk.Kind, List<float[]>> examples = new EnumMap<>(Answer.SmallTalk.Kind.class);

    SmallTalk(Embedder embedder) {
        this.embedder = embedder;
        EXAMPLES.forEach((kind, phrases) -> examples.put(kind, new ArrayList<>(phrases.stream()
                .map(embedder::embedQuery).toList())));
    }

    /** What kind of small talk a message with this embedding is, if it is small talk. */
    Optional<Answer.SmallTalk.Kind> kind(float[] message) {
        Answer.SmallTalk.Kind best = null;
        double bestSimilarity = SIMILARITY;
        for (Map.Entry<Answer.SmallTalk.Kind, List<float[]>> entry : examples.entrySet()) {
            for (float[] example : entry.getValue()) {
                double similarity = dot(message, example);
                if (similarity >= bestSimilarity) {
                    best = entry.getKey();
                    bestSimilarity = similarity;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    Optional<Answer.SmallTalk.Kind> kind(String message) {
        return kind(embedder.embedQuery(message));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
