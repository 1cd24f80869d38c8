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
        return new Excerpt(number, text, highlights, Optional.empty(), citation, PassageKind.PROSE, "a" + number, "s",
                0, 0, new Evidence(0.8, 0.5, 0));
    }

    /** The excerpt with the first occurrence of {@code span} in its text marked as what answers the question. */
    public static Excerpt answering(Excerpt e, String span) {
        int at = e.text().indexOf(span);
        if (at < 0) {
            throw new IllegalArgumentException("\"" + span + "\" is not in excerpt " + e.number());
        }
        return new Excerpt(e.number(), e.text(), e.highlights(), Optional.of(new Highlight(at, at + span.length())),
                e.citation(), e.kind(), e.articleId(), e.sourceId(), e.firstSentence(), e.lastSentence(),
                e.evidence());
    }

    /** The excerpt quoted from another article's {@code citation}, or from the same article as another excerpt. */
    public static Excerpt citing(Excerpt e, Citation citation, String articleId) {
        return new Excerpt(e.number(), e.text(), e.highlights(), e.answer(), citation, e.kind(), articleId,
                e.sourceId(), e.firstSentence(), e.lastSentence(), e.evidence());
    }

    /** The same excerpt quoted from a caption rather than the article's prose. */
    public static Excerpt caption(Excerpt e) {
        return new Excerpt(e.number(), e.text(), e.highlights(), e.answer(), e.citation(), PassageKind.CAPTION,
                e.articleId(), e.sourceId(), e.firstSentence(), e.lastSentence(), e.evidence());
    }

    public static Answer answer(String question, Excerpt... excerpts) {
        return new Answer(question, List.of(excerpts), new Answer.Timings(0, 0, 0, 0));
    }

    /** The sources do not answer {@code question}, and never mention {@code unknownTerms}. */
    public static Answer declined(String question, String... unknownTerms) {
        return new Answer(question, Optional.empty(), new Answer.NotFound(List.of(unknownTerms)), 0.2,
                Answer.Timings.NONE);
    }

    public static Answer smallTalk(String question, Answer.SmallTalk.Kind kind) {
        return new Answer(question, Optional.empty(), new Answer.SmallTalk(kind), 0, Answer.Timings.NONE);
    }

    /** The same answer, to the question searched as {@code readAs}. */
    public static Answer readAs(Answer answer, String readAs) {
        return new Answer(answer.question(), Optional.of(readAs), answer.outcome(), answer.confidence(),
                answer.timings());
    }
}
