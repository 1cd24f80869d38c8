package footnote.testing;

import footnote.answer.Answer;
import footnote.answer.Citation;
import footnote.answer.Evidence;
import footnote.answer.Excerpt;
import footnote.answer.Highlight;
import footnote.corpus.PassageKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers built from sentences of the bundled articles, with the words a question would highlight. */
public final class Excerpts {

    public static final String SEATED = "Seated at the table alongside Jack Ma were some of China's most influential business"
            + " leaders: Xiaomi founder and CEO Lei Jun; Tencent chief Pony Ma Huateng; Wang Chuanfu, chairman of the"
            + " world's largest EV maker, BYD; and Ren Zhengfei, founder and CEO of Huawei Technologies.";
    public static final String SPEECH = "Jack Ma did not give a speech at this meeting.";
    public static final String LEADERS = "These included top leaders from companies such as Huawei, Xiaomi, BYD, Unitree"
            + " Robotics, and DeepSeek.";
    public static final String SUMMIT = "Xi launched China's annual Internet summit in 2014 with a great deal of noise.";

    private Excerpts() {
    }

    /** An excerpt of {@code text} with every occurrence of each highlighted word marked. */
    public static Excerpt excerpt(int number, String text, String... highlighted) {
        List<Highlight> highlights = new ArrayList<>();
        for (String word : highlighted) {
            for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
                highlights.add(new Highlight(at, at + word.length()));
            }
        }
        highlights.sort((a, b) -> Integer.compare(a.start(), b.start()));
        Citation citation = new Citation("Article " + number, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        return new Excerpt(number, text, highlights, java.util.Optional.empty(), citation, PassageKind.PROSE,
                "a" + number, "s", 0, 0, new Evidence(0.8, 0.5, 0));
    }

    public static Answer answer(String question, Excerpt... excerpts) {
        return new Answer(question, List.of(excerpts), new Answer.Timings(0, 0, 0, 0));
    }
}
