package footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.corpus.ArticleMetadata;
import footnote.corpus.Passage;
import footnote.corpus.Scope;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AcronymsTest {

    private static Passage passage(String... sentences) {
        return new Passage("a", "s", Scope.GLOBAL, ArticleMetadata.titled("Harbour news"), 0, 0, List.of(sentences),
                Optional.empty(), Optional.empty());
    }

    @Test
    void spellsOutAnAcronymByTheInitialsOfANameInThePassages() {
        List<Passage> passages = List.of(passage("The Port Authority of Lisbon met on Monday.",
                "According to The Financial Times, the deal is done."));
        assertThat(Acronyms.expand("PAL", passages)).contains("Port Authority of Lisbon");
        assertThat(Acronyms.expand("ft", passages)).contains("Financial Times");
    }

    @Test
    void findsNothingWhenNoNameHasThoseInitials() {
        assertThat(Acronyms.expand("WHO", List.of(passage("The Port Authority of Lisbon met on Monday.")))).isEmpty();
    }

    @Test
    void onlyShortWordsOfLettersCanBeAcronyms() {
        assertThat(Acronyms.shaped("CSRC")).isTrue();
        assertThat(Acronyms.shaped("A")).isFalse();
        assertThat(Acronyms.shaped("G20")).isFalse();
        assertThat(Acronyms.shaped("ACRONYMS")).isFalse();
    }
}
