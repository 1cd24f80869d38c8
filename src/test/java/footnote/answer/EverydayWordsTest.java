package footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.testing.Fixtures;
import org.junit.jupiter.api.Test;

class EverydayWordsTest {

    private final EverydayWords words = new EverydayWords(Fixtures.lexicon());

    @Test
    void inflectionsContractionsCompoundsAndNumbersAreEveryday() {
        assertThat(words.everyday("regulating")).isTrue();
        assertThat(words.everyday("fined")).isTrue();
        assertThat(words.everyday("it'd")).isTrue();
        assertThat(words.everyday("backfiring")).isTrue();
        assertThat(words.everyday("2021")).isTrue();
        assertThat(words.everyday("sourdough")).isTrue();
    }

    @Test
    void namesAndMadeUpWordsAreNot() {
        assertThat(words.everyday("yiming")).isFalse();
        assertThat(words.everyday("Nadella")).isFalse();
        assertThat(words.everyday("zhengfei")).isFalse();
    }
}
