package footnote.fetch;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text of a PDF, through PDFBox, within limits: a bomb check before parsing, before each decoding and on the
 * loaded document ({@link PdfStreams}), PDFBox's buffers in a scratch file beyond a few megabytes, at most {@value #MAX_PAGES} pages
 * and {@value #MAX_CHARS} characters. Paragraphs follow PDFBox's paragraph detection, with lines joined and a
 * paragraph cut by a page or column break joined again, so no sentence is cut. Stateless and thread-safe.
 */
public final class PdfExtractor {

    static final int MAX_PAGES = 500;
    static final int MAX_CHARS = 2_000_000;

    private static final long MAIN_MEMORY = 4L * 1024 * 1024;
    private static final long SCRATCH_STORAGE = 256L * 1024 * 1024;
    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)(page\\s*)?\\d{1,4}(\\s*(of|/)\\s*\\d{1,4})?");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?:;…\"'”’)\\]]$");
    private static final Pattern JUNK_TITLE = Pattern.compile("(?i)(untitled.*|microsoft \\w+ - .*|.*\\.(docx?|pdf|tex|indd))");

    /**
     * Extracts the text.
     *
     * @param name the file name, used in messages and as the title when the PDF names none
     * @throws FetchException "… has no text layer (a scan?) …", "… is not a readable PDF.", or a bomb or password
     *     refusal
     */
    public WebArticle extract(byte[] pdf, String name) throws FetchException {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(name, "name");
        refuseBomb(PdfStreams.overBudget(pdf), name);
        String text;
        PDDocumentInformation info;
        CheckedPdfLoad load = new CheckedPdfLoad();
        try (PDDocument document = load.load(pdf,
                MemoryUsageSetting.setupMixed(MAIN_MEMORY, SCRATCH_STORAGE).streamCache)) {
            // Again on what PDFBox loaded: streams the raw bytes hid from the first check (encrypted ones, filters
            // given by reference, dictionaries too long or odd for a pattern) are measured before the text is read.
            refuseBomb(load.overBudget(document), name);
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new FetchException(name + " is not a readable PDF.");
            }
            info = document.getDocumentInformation();
            text = text(document, Math.min(pages, MAX_PAGES));
            refuseBomb(load.refusal(), name); // a stream first decoded for the text, refused and left undecoded
        } catch (InvalidPasswordException e) {
            throw new FetchException(name + " is protected by a password; Footnote can only read PDFs without one.", e);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            refuseBomb(load.refusal(), name); // a stream refused while loading (the catalog's object stream, say)
            // Parser errors of every kind: truncated files, broken cross-references, garbage. PDFBox is lenient, so
            // whatever it cannot load is past saving.
            throw new FetchException(name + " is not a readable PDF.", e);
        }
        List<String> paragraphs = paragraphs(text);
        if (paragraphs.isEmpty() || Blocks.words(paragraphs) == 0) {
            throw new FetchException(name + " has no text layer (a scan?); Footnote can only read PDFs with text.");
        }
        return new WebArticle(title(info, paragraphs, name), clean(info.getAuthor()), Optional.empty(),
                date(info.getCreationDate()), Optional.empty(), paragraphs);
    }

    private static void refuseBomb(Optional<String> bomb, String name) throws FetchException {
        if (bomb.isPresent()) {
            throw new FetchException(name + " " + bomb.get() + "; Footnote does not read such PDFs.");
        }
    }

    private static String text(PDDocument document, int lastPage) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(1);
        stripper.setEndPage(lastPage);
        stripper.setLineSeparator("\n");
        stripper.setParagraphStart("");
        stripper.setParagraphEnd("\n\n");
        stripper.setPageStart("");
        stripper.setPageEnd("\n\n");
        stripper.setArticleStart("");
        stripper.setArticleEnd("");
        CappedWriter writer = new CappedWriter(MAX_CHARS);
        try {
            stripper.writeText(document, writer);
        } catch (CappedWriter.Full e) {
            // Enough text: the rest of a very long document is left out rather than read without end.
        }
        return writer.text.toString();
    }

    /** Blocks between blank lines are paragraphs; their lines are joined, and hyphenated words mended. */
    static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : text.split("\\n\\s*\\n")) {
            StringBuilder joined = new StringBuilder();
            for (String rawLine : block.split("\\n")) {
                String line = Blocks.collapse(rawLine);
                if (line.isEmpty()) {
                    continue;
                }
                int n = joined.length();
                if (n > 1 && joined.charAt(n - 1) == '-' && Character.isLetter(joined.charAt(n - 2))
                        && Character.isLowerCase(line.charAt(0))) {
                    joined.setLength(n - 1); // "exam-" + "ple" was one word broken at the line end
                } else if (n > 1 && joined.charAt(n - 1) == '-' && Character.isLetterOrDigit(joined.charAt(n - 2))
                        && Character.isLetterOrDigit(line.charAt(0))) {
                    // "Jean-" + "Pierre", "COVID-" + "19": a compound broken after its own hyphen. A space here
                    // made it "Jean- Pierre", two words; the hyphen stays and nothing is added.
                } else if (n > 0) {
                    joined.append(' ');
                }
                joined.append(line);
            }
            String paragraph = joined.toString();
            if (paragraph.isEmpty() || PAGE_NUMBER.matcher(paragraph).matches()) {
                continue;
            }
            int last = paragraphs.size() - 1;
            if (last >= 0 && !SENTENCE_END.matcher(paragraphs.get(last)).matches()
                    && Character.isLowerCase(paragraph.codePointAt(0))) {
                // A sentence carried over a page or column break: one paragraph, not two halves.
                paragraphs.set(last, paragraphs.get(last) + " " + paragraph);
            } else {
                paragraphs.add(paragraph);
            }
        }
        return paragraphs;
    }

    private static String title(PDDocumentInformation info, List<String> paragraphs, String name) {
        Optional<String> stated = clean(info.getTitle()).filter(t -> !JUNK_TITLE.matcher(t).matches());
        if (stated.isPresent()) {
            return stated.get();
        }
        String first = paragraphs.get(0);
        if (first.length() <= 150 && !SENTENCE_END.matcher(first).matches()) {
            return first; // a short first line without a full stop: the heading
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static Optional<String> clean(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = Blocks.collapse(value);
        return text.isEmpty() ? Optional.empty() : Optional.of(text.length() > 300 ? text.substring(0, 300) : text);
    }

    private static Optional<String> date(Calendar calendar) {
        if (calendar == null) {
            return Optional.empty();
        }
        LocalDate date = calendar.toInstant().atZone(calendar.getTimeZone().toZoneId()).toLocalDate();
        return date.getYear() < 1000 ? Optional.empty() : Optional.of(date.toString());
    }

    /** A writer that takes {@code max} characters and then stops the text extraction. */
    private static final class CappedWriter extends Writer {
        static final class Full extends IOException {
            private static final long serialVersionUID = 1L;
        }

        private final int max;
        final StringBuilder text = new StringBuilder();

        CappedWriter(int max) {
            this.max = max;
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            int room = max - text.length();
            text.append(chars, off, Math.min(room, len));
            if (len > room) {
                throw new Full();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
