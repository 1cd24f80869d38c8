package footnote.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footnote.corpus.ArticleMetadata;
import footnote.corpus.Passage;
import footnote.corpus.PassageKind;
import footnote.corpus.PublicationDate;
import footnote.corpus.Scope;
import footnote.search.IndexField.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PassageFieldsTest {

    private static final float[] VECTOR = {0.6f, 0.8f};

    private static Passage everyFieldSet() {
        ArticleMetadata meta = new ArticleMetadata("Robots at the gala", Optional.of("Ann Author"),
                Optional.of("The Daily"), PublicationDate.parse("2025-03-04"), Optional.of("https://example.com/a"),
                Optional.of("gala.pdf"), Optional.of("Written shortly after the gala"));
        return new Passage("gala", "source-1", Scope.server("42"), meta, PassageKind.PROSE, 3, 7,
                List.of("Sixteen robots danced.", "They were made in Hangzhou."), Optional.of("The gala began."),
                Optional.of("Guests applauded."));
    }

    private static Passage optionalFieldsAbsent() {
        return new Passage("gala", "source-1", Scope.GLOBAL, ArticleMetadata.titled("Robots"), PassageKind.CAPTION,
                0, 0, List.of("Robots on stage. Photo: Xinhua"), Optional.empty(), Optional.empty());
    }

    /** What a backend hands back from a stored document: the read-back fields, as they were written. */
    private static Function<String, Optional<?>> storedValues(List<IndexField> fields) {
        Map<String, Object> stored = new HashMap<>();
        fields.stream().filter(f -> f.role().readBack()).forEach(f -> stored.put(f.name(), f.value()));
        return name -> Optional.ofNullable(stored.get(name));
    }

    private static Map<String, IndexField> byName(List<IndexField> fields) {
        Map<String, IndexField> named = new HashMap<>();
        fields.forEach(f -> named.put(f.name(), f));
        return named;
    }

    @Test
    void a_passage_with_every_field_set_round_trips_exactly() {
        Passage passage = everyFieldSet();

        assertThat(PassageFields.readPassage(storedValues(PassageFields.passage(passage, VECTOR))))
                .isEqualTo(passage);
    }

    @Test
    void a_passage_without_its_optional_fields_writes_none_of_them_and_reads_back_with_them_empty() {
        Passage passage = optionalFieldsAbsent();
        List<IndexField> fields = PassageFields.passage(passage, VECTOR);

        assertThat(fields).extracting(IndexField::name).doesNotContain(IndexSchema.BEFORE, IndexSchema.AFTER,
                IndexSchema.AUTHOR, IndexSchema.PUBLISHER, IndexSchema.PUBLISHED, IndexSchema.URL, IndexSchema.FILE,
                IndexSchema.DATE_NOTE);
        Passage read = PassageFields.readPassage(storedValues(fields));
        assertThat(read).isEqualTo(passage);
        assertThat(read.metadata().author()).isEmpty();
        assertThat(read.before()).isEmpty();
    }

    @Test
    void integers_read_back_from_a_backend_that_returns_them_as_text() {
        Passage passage = everyFieldSet();
        Function<String, Optional<?>> stored = storedValues(PassageFields.passage(passage, VECTOR));

        assertThat(PassageFields.readPassage(name -> stored.apply(name).map(Object::toString))).isEqualTo(passage);
    }

    @Test
    void a_search_returns_every_field_a_passage_is_read_from_and_its_id() {
        List<IndexField> fields = PassageFields.passage(everyFieldSet(), VECTOR);
        List<String> readBack = fields.stream().filter(f -> f.role().readBack()).map(IndexField::name).toList();
        List<String> asked = new ArrayList<>();

        PassageFields.readPassage(name -> {
            asked.add(name);
            return storedValues(fields).apply(name);
        });

        assertThat(PassageFields.PASSAGE_NAMES).containsExactlyElementsOf(readBack);
        List<String> unread = new ArrayList<>(PassageFields.PASSAGE_NAMES);
        unread.removeAll(asked);
        assertThat(PassageFields.PASSAGE_NAMES).containsAll(asked);
        assertThat(unread).as("a passage's id is derived, but a backend tells hits apart by it")
                .containsExactly(IndexSchema.ID);
    }

    @Test
    void a_passage_is_searched_by_its_text_title_and_vector_and_filtered_by_exact_ids() {
        Map<String, IndexField> fields = byName(PassageFields.passage(everyFieldSet(), VECTOR));

        assertThat(fields.get(IndexSchema.KIND)).isEqualTo(
                new IndexField(IndexSchema.KIND, Role.FILTER, IndexSchema.KIND_PASSAGE));
        assertThat(fields.get(IndexSchema.ID).value()).isEqualTo("gala#3");
        assertThat(fields.get(IndexSchema.SCOPE)).isEqualTo(
                new IndexField(IndexSchema.SCOPE, Role.KEYWORD, "server:42"));
        assertThat(fields.get(IndexSchema.TEXT)).isEqualTo(new IndexField(IndexSchema.TEXT, Role.TEXT,
                "Sixteen robots danced.\nThey were made in Hangzhou."));
        assertThat(fields.get(IndexSchema.TITLE).role()).isEqualTo(Role.TEXT);
        assertThat(fields.get(IndexSchema.WORDS)).isEqualTo(new IndexField(IndexSchema.WORDS, Role.SPELLING,
                "Sixteen robots danced.\nThey were made in Hangzhou.\nRobots at the gala"));
        assertThat(fields.get(IndexSchema.VECTOR).vector()).isSameAs(VECTOR);
        assertThat(fields.get(IndexSchema.POSITION).value()).as("stored as a number").isEqualTo(3);
        assertThat(fields.get(IndexSchema.PUBLISHED).value()).isEqualTo("2025-03-04");
    }

    @Test
    void an_article_marker_round_trips_and_is_never_searched_by_its_title() {
        IndexedArticle article = new IndexedArticle("gala", "source-1", Scope.server("42"), "Robots at the gala",
                "fp-1", 4);
        List<IndexField> fields = PassageFields.marker(article);

        assertThat(PassageFields.readMarker(storedValues(fields))).isEqualTo(article);
        assertThat(byName(fields).get(IndexSchema.KIND).value()).isEqualTo(IndexSchema.KIND_ARTICLE);
        assertThat(byName(fields).get(IndexSchema.ARTICLE_TITLE).role()).isEqualTo(Role.STORED);
        assertThat(fields).noneMatch(f -> f.role() == Role.TEXT);
        assertThat(PassageFields.MARKER_NAMES).containsExactly(IndexSchema.ARTICLE, IndexSchema.SOURCE,
                IndexSchema.SCOPE, IndexSchema.ARTICLE_TITLE, IndexSchema.FINGERPRINT, IndexSchema.PASSAGE_COUNT);
    }

    @Test
    void a_stored_passage_missing_a_required_field_is_refused_by_name() {
        Function<String, Optional<?>> stored = storedValues(PassageFields.passage(everyFieldSet(), VECTOR));

        assertThatThrownBy(() -> PassageFields.readPassage(
                name -> name.equals(IndexSchema.SCOPE) ? Optional.empty() : stored.apply(name)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(IndexSchema.SCOPE);
    }

    @Test
    void a_field_whose_value_does_not_fit_its_role_is_refused() {
        assertThatThrownBy(() -> new IndexField(IndexSchema.VECTOR, Role.VECTOR, "0.6,0.8"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IndexField(IndexSchema.ID, Role.KEYWORD, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
