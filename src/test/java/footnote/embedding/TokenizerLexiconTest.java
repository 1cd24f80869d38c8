package footnote.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.search.Lexicon;
import org.junit.jupiter.api.Test;

class TokenizerLexiconTest {

    @Test
    void knowsEverydayWordsButNotMisspellingsOrChatAbbreviations() {
        Lexicon lexicon = TokenizerLexicon.of(EmbeddingModelChoice.BGE_SMALL_EN_V15);
        assertThat(lexicon.knows("held")).isTrue();
        assertThat(lexicon.knows("boss")).isTrue();
        assertThat(lexicon.knows("confrence")).isFalse();
        assertThat(lexicon.knows("ngl")).isFalse();
    }
}
