package footnote.chat;

import footnote.answer.Citation;
import footnote.answer.Excerpt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An article an answer quotes, with the numbers of its excerpts: replies cite each article once, below the quotes,
 * since an answer's excerpts often come from one article, and a citation line per excerpt said it up to three
 * times (up to a sixth of a reply). Shared by the terminal's and Discord's renderers.
 *
 * @param numbers the article's excerpt numbers, in order
 */
public record CitedArticle(List<Integer> numbers, Citation citation) {

    public CitedArticle {
        numbers = List.copyOf(numbers);
    }

    /** The articles of {@code excerpts}, in the order they are first quoted. */
    public static List<CitedArticle> of(List<Excerpt> excerpts) {
        Map<List<String>, List<Excerpt>> byArticle = new LinkedHashMap<>();
        for (Excerpt e : excerpts) {
            byArticle.computeIfAbsent(List.of(e.sourceId(), e.articleId()), k -> new ArrayList<>()).add(e);
        }
        return byArticle.values().stream()
                .map(quoted -> new CitedArticle(quoted.stream().map(Excerpt::number).toList(),
                        quoted.get(0).citation()))
                .toList();
    }

    /** The excerpt numbers as cited: [1][3]. */
    public String cites() {
        return numbers.stream().map(n -> "[" + n + "]").collect(Collectors.joining());
    }
}
