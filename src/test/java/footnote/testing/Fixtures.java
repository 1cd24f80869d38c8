package footnote.testing;

import footnote.answer.Answerer;
import footnote.conversation.Conversations;
import footnote.conversation.FollowUps;
import footnote.embedding.EmbeddingModelChoice;
import footnote.embedding.TokenizerLexicon;
import footnote.search.Lexicon;
import footnote.search.TextAnalysis;
import footnote.corpus.Article;
import footnote.corpus.ArticleMetadata;
import footnote.corpus.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Objects;

/** Test fixtures from {@code src/test/resources} and small articles built in code. */
public final class Fixtures {

    private Fixtures() {}

    private static final Lexicon LEXICON = TokenizerLexicon.of(EmbeddingModelChoice.BGE_SMALL_EN_V15);

    /** Everyday English as the shipped embedding model's tokenizer knows it, as the bot uses it. */
    /** Follow-ups read without a language model, as the bot reads them by default. */
    public static FollowUps followUps(Answerer answerer, TextAnalysis analysis) {
        return new FollowUps(answerer, analysis, Optional.empty());
    }

    /** Conversations as shipped: ten minutes, three turns. */
    public static Conversations conversations() {
        return new Conversations(Clock.systemUTC(), Duration.ofMinutes(10), 3, 1_000);
    }

    public static Lexicon lexicon() {
        return LEXICON;
    }

    public static String resource(String name) {
        try (var in = Objects.requireNonNull(Fixtures.class.getResourceAsStream("/" + name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path resourcePath(String name) {
        try {
            return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/" + name), name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Article article(String id, String title, String body) {
        return new Article(id, id, Scope.GLOBAL, ArticleMetadata.titled(title), body);
    }

    public static Article article(String id, Scope scope, String title, String body) {
        return new Article(id, id, scope, ArticleMetadata.titled(title), body);
    }
}
