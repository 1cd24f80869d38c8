package footnote.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footnote.testing.Fixtures;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private static final String LONG_PARAGRAPH = IntStream.rangeClosed(1, 12)
            .mapToObj(i -> "Sentence number " + i + " has exactly eight words in it.")
            .reduce((a, b) -> a + " " + b).orElseThrow();

    @Test
    void cuts_a_long_paragraph_at_sentence_boundaries_into_parts_of_similar_size() {
        List<Passage> passages = new Chunker(40, 10).chunk(Fixtures.article("a", "Title", LONG_PARAGRAPH));

        assertThat(passages).hasSize(3);
        assertThat(passages).allSatisfy(p -> assertThat(p.sentences()).hasSize(4));
        assertThat(passages).allSatisfy(p -> assertThat(p.sentences())
                .allSatisfy(s -> assertThat(s).matches("Sentence number \\d+ has exactly eight words in it\\.")));
    }

    @Test
    void never_loses_or_repeats_a_sentence_and_numbers_them_in_order() {
        String body = "First paragraph is short.\n\n" + LONG_PARAGRAPH + "\n\nA closing paragraph ends the article.";

        List<Passage> passages = new Chunker(30, 8).chunk(Fixtures.article("a", "Title", body));

        List<String> all = passages.stream().flatMap(p -> p.sentences().stream()).toList();
        assertThat(all).hasSize(14).first().isEqualTo("First paragraph is short.");
        assertThat(all).last().isEqualTo("A closing paragraph ends the article.");
        int expected = 0;
        for (Passage p : passages) {
            assertThat(p.firstSentence()).isEqualTo(expected);
            assertThat(p.position()).isEqualTo(passages.indexOf(p));
            expected += p.sentences().size();
        }
    }

    @Test
    void cuts_text_without_sentence_breaks_into_passages_within_the_hard_word_limit_keeping_every_word() {
        String body = IntStream.range(0, 10_000).mapToObj(i -> "word" + i).reduce((a, b) -> a + " " + b).orElseThrow();

        List<Passage> passages = new Chunker(60, 20).chunk(Fixtures.article("a", "Title", body));

        assertThat(passages).hasSizeGreaterThanOrEqualTo(10_000 / 60)
                .allSatisfy(p -> assertThat(Chunker.words(String.join(" ", p.sentences())))
                        .isLessThanOrEqualTo(60 * Chunker.HARD_LIMIT));
        assertThat(passages.stream().flatMap(p -> p.sentences().stream()).reduce((a, b) -> a + " " + b))
                .contains(body);
    }

    @Test
    void cuts_one_endless_word_into_passages_within_the_character_limit() {
        String body = "It begins with " + "x".repeat(100_000) + " and ends here.";

        List<Passage> passages = new Chunker(60, 20).chunk(Fixtures.article("a", "Title", body));

        assertThat(passages).hasSizeGreaterThan(100_000 / (60 * Chunker.CHARS_PER_WORD))
                .allSatisfy(p -> assertThat(String.join(" ", p.sentences()))
                        .hasSizeLessThanOrEqualTo(60 * Chunker.CHARS_PER_WORD));
        assertThat(passages.stream().flatMap(p -> p.sentences().stream()).reduce("", String::concat).replace(" ", ""))
                .isEqualTo(body.replace(" ", ""));
    }

    @Test
    void joins_a_short_paragraph_to_the_next_when_both_fit() {
        String body = "Short one here.\n\nAnother short one follows it.\n\nAnd a third.";

        List<Passage> passages = new Chunker(60, 20).chunk(Fixtures.article("a", "Title", body));

        assertThat(passages).singleElement().satisfies(p -> assertThat(p.sentences()).containsExactly(
                "Short one here.", "Another short one follows it.", "And a third."));
    }

    @Test
    void records_the_neighbouring_sentences_of_each_passage() {
        List<Passage> passages = new Chunker(40, 10).chunk(Fixtures.article("a", "Title", LONG_PARAGRAPH));

        assertThat(passages.get(0).before()).isEmpty();
        assertThat(passages.get(0).after()).contains("Sentence number 5 has exactly eight words in it.");
        assertThat(passages.get(1).before()).contains("Sentence number 4 has exactly eight words in it.");
        assertThat(passages.get(2).after()).isEmpty();
    }

    @Test
    void carries_the_article_identity_scope_and_metadata_on_every_passage() {
        Article article = Fixtures.article("art-1", Scope.server("42"), "The title", LONG_PARAGRAPH);

        List<Passage> passages = new Chunker(40, 10).chunk(article);

        assertThat(passages).allSatisfy(p -> {
            assertThat(p.articleId()).isEqualTo("art-1");
            assertThat(p.scope()).isEqualTo(Scope.server("42"));
            assertThat(p.metadata().title()).isEqualTo("The title");
        });
        assertThat(passages.get(1).id()).isEqualTo("art-1#1");
    }

    @Test
    void a_caption_is_a_passage_of_its_own_after_the_prose_with_no_neighbours() {
        String body = """
                The symposium opened with a speech. It lasted two hours.

                Xi Jinping attends a symposium on private enterprises in Beijing on 17 Feb. Photo: Xinhua

                Business leaders listened closely. Several of them spoke afterwards.
                """;

        List<Passage> passages = new Chunker(60, 20).chunk(Fixtures.article("a", "Title", body));

        assertThat(passages).extracting(Passage::kind).containsExactly(PassageKind.PROSE, PassageKind.CAPTION);
        Passage prose = passages.get(0);
        Passage caption = passages.get(1);
        assertThat(prose.sentences()).containsExactly("The symposium opened with a speech.", "It lasted two hours.",
                "Business leaders listened closely.", "Several of them spoke afterwards.");
        assertThat(prose.after()).isEmpty();
        assertThat(caption.sentences())
                .containsExactly("Xi Jinping attends a symposium on private enterprises in Beijing on 17 Feb.");
        assertThat(caption.before()).isEmpty();
        assertThat(caption.after()).isEmpty();
        assertThat(caption.position()).isEqualTo(1);
        assertThat(caption.firstSentence()).as("numbered after the prose's sentences").isEqualTo(4);
    }

    @Test
    void a_caption_never_becomes_the_neighbour_of_a_prose_passage() {
        String body = LONG_PARAGRAPH + "\n\nThe robots on stage in Beijing last year. Photo: Handout\n\n"
                + LONG_PARAGRAPH.replace("Sentence", "Clause");

        List<Passage> passages = new Chunker(40, 10).chunk(Fixtures.article("a", "Title", body));

        List<Passage> prose = passages.stream().filter(p -> p.kind() == PassageKind.PROSE).toList();
        assertThat(prose).hasSizeGreaterThan(2).allSatisfy(p -> {
            assertThat(p.text()).doesNotContain("robots on stage");
            assertThat(p.before().orElse("") + p.after().orElse("")).doesNotContain("robots on stage");
        });
        assertThat(passages).filteredOn(p -> p.kind() == PassageKind.CAPTION).singleElement()
                .satisfies(p -> assertThat(p.sentences()).containsExactly("The robots on stage in Beijing last year."));
    }

    @Test
    void a_caption_passage_cannot_be_given_neighbours() {
        assertThatThrownBy(() -> new Passage("a", "a", Scope.GLOBAL, ArticleMetadata.titled("T"), PassageKind.CAPTION,
                0, 0, List.of("A caption."), java.util.Optional.of("A sentence before."), java.util.Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_article_without_prose_has_no_passages() {
        assertThat(new Chunker(40, 10).chunk(Fixtures.article("a", "T", "Previous\nNext\n\nPost Comment"))).isEmpty();
    }

    @Test
    void rejects_sizes_that_cannot_work() {
        assertThatThrownBy(() -> new Chunker(10, 20)).isInstanceOf(IllegalArgumentException.class);
    }
}
